//! The command line on a temporary database: exit codes, output, files.

#![allow(clippy::unwrap_used)]

use std::process::Command;

mod common;

use common::{Db, initialised};

#[test]
fn without_a_recipient_commands_name_bpa_init() {
    let db = Db::new();
    let err = db.fails(&["report", "week"], 1);
    assert!(err.contains("bpa init"), "{err}");
}

#[test]
fn a_bad_argument_is_exit_code_1() {
    let db = initialised();
    let err = db.fails(
        &[
            "allocation",
            "add",
            "--hours-per-week",
            "mange",
            "--from",
            "2026-01-01",
        ],
        1,
    );
    assert!(err.contains("--hours-per-week"), "{err}");
    db.fails(&["report", "week", "2026-W60"], 1);
    db.fails(&["no-such-command"], 1);
}

#[test]
fn a_database_in_a_missing_folder_is_exit_code_2_with_the_path() {
    let db = Db::new();
    let missing = db.dir().join("nope/bpa.db");
    let out = Command::new(env!("CARGO_BIN_EXE_bpa"))
        .args(["--db", missing.to_str().unwrap(), "holidays"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nope"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn allocations_are_listed_in_every_format() {
    let db = initialised();
    let list = db.json(&["allocation", "list", "--format", "json"]);
    assert_eq!(list[0]["minutes_per_week"], 2250);
    assert_eq!(list[0]["appeal_deadline"], "2025-12-31");
    assert_eq!(list[0]["flex_period"], "none");
    let text = db.ok(&["allocation", "list"]);
    assert!(
        text.contains("37,5 t") && text.contains("01.01.2026"),
        "{text}"
    );
    let csv = db.ok(&["allocation", "list", "--format", "csv"]);
    assert!(csv.starts_with("purpose,minutes_per_week"), "{csv}");
    let err = db.fails(
        &[
            "allocation",
            "add",
            "--hours-per-week",
            "40",
            "--from",
            "2026-06-01",
        ],
        1,
    );
    assert!(err.contains("--end-previous"), "{err}");
    db.ok(&[
        "allocation",
        "add",
        "--hours-per-week",
        "40",
        "--from",
        "2026-06-01",
        "--end-previous",
    ]);
    let list = db.json(&["allocation", "list", "--format", "json"]);
    assert_eq!(list[0]["valid_to"], "2026-05-31");
}

const GOOD: &str = "date,start,end,assistant,kind,note
2026-11-23,08:00,16:00,Kari Nordmann,,
24.11.2026,22:00,07:00,Per Hansen,sleeping_night,natt
2026-11-29,22:00,06:00,Kari Nordmann,awake_night,
";

#[test]
fn a_good_import_and_the_week_report_agree_with_a_hand_computation() {
    let db = initialised();
    let file = db.write("shifts.csv", GOOD);
    let out = db.ok(&["import", "shifts", &file]);
    assert!(out.contains("Imported 3 shifts"), "{out}");
    assert!(out.contains("Kari Nordmann, Per Hansen"), "{out}");
    let again = db.ok(&["import", "shifts", &file]);
    assert!(
        again.contains("Imported 0 shifts; 3 were already stored"),
        "{again}"
    );

    // Week 48: 8 h + 9 h + the Sunday night's 2 h before midnight = 19 h.
    let week = db.json(&["report", "week", "2026-W48", "--format", "json"]);
    assert_eq!(week["week"], "2026-W48");
    assert_eq!(week["allocated_minutes"], 2250);
    assert_eq!(week["scheduled_minutes"], 19 * 60);
    assert_eq!(week["worked_minutes"], 0);
    assert_eq!(week["remaining_minutes"], 2250 - 19 * 60);
    assert_eq!(week["flex_balance_minutes"], serde_json::Value::Null);
    assert_eq!(week["assistants"][0]["name"], "Kari Nordmann");
    assert_eq!(week["assistants"][0]["minutes"], 600);
    assert_eq!(week["assistants"][1]["minutes"], 540);
    // The rest of the Sunday night (6 h) falls in week 49.
    let next = db.json(&["report", "week", "2026-W49", "--format", "json"]);
    assert_eq!(next["scheduled_minutes"], 360);

    let text = db.ok(&["report", "week", "2026-W48"]);
    assert!(text.contains("Uke 48"), "{text}");
    assert!(text.contains("19,0 t") && text.contains("18,5 t"), "{text}");
    let csv = db.ok(&["report", "week", "2026-W48", "--format", "csv"]);
    assert!(csv.contains("2026-W48,scheduled,,1140"), "{csv}");
    assert!(csv.contains("2026-W48,assistant,Per Hansen,540"), "{csv}");

    let month_text = db.ok(&["report", "month", "2026-11"]);
    assert!(
        month_text.contains("november 2026") && month_text.contains("25,0 t"),
        "{month_text}"
    );
    let month_csv = db.ok(&["report", "month", "2026-11", "--format", "csv"]);
    assert!(
        month_csv.starts_with("month,figure,assistant,minutes")
            && month_csv.contains("2026-11,scheduled,,1500"),
        "{month_csv}"
    );

    // November: 30 days of 37.5 h/week, cumulative from 1 January, to the minute.
    let month = db.json(&["report", "month", "2026-11", "--format", "json"]);
    let before = (2250 * 304 * 2 + 7) / 14; // days 1 Jan – 31 Oct
    let through = (2250 * 334 * 2 + 7) / 14;
    assert_eq!(month["allocated_minutes"], through - before);
    assert_eq!(
        month["scheduled_minutes"],
        8 * 60 + 9 * 60 + 2 * 60 + 6 * 60
    );
}

#[test]
fn a_bad_import_changes_nothing_and_names_every_bad_line() {
    let db = initialised();
    let file = db.write(
        "bad.csv",
        "date,start,end,assistant\n2026-11-23,08:00,16:00,Kari\n2026-02-30,08:00,16:00,Per\n2026-11-24,8,16:00,Per\n2026-03-29,02:15,08:00,Per\n",
    );
    let err = db.fails(&["import", "shifts", &file], 1);
    assert!(err.contains("nothing was imported"), "{err}");
    for line in ["line 3", "line 4", "line 5"] {
        assert!(err.contains(line), "{line}: {err}");
    }
    assert!(!err.contains("line 2:"), "{err}");
    let week = db.json(&["report", "week", "2026-W48", "--format", "json"]);
    assert_eq!(week["scheduled_minutes"], 0);
    assert_eq!(
        db.json(&["assistant", "list", "--format", "json"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn an_overlapping_import_line_is_refused() {
    let db = initialised();
    let file = db.write(
        "o.csv",
        "date,start,end,assistant\n2026-11-23,08:00,16:00,Kari\n2026-11-23,12:00,18:00,Kari\n",
    );
    let err = db.fails(&["import", "shifts", &file], 1);
    assert!(
        err.contains("line 3: Kari has another shift on line 2 of the file, 2026-11-23 08:00"),
        "{err}"
    );
    // A line that overlaps a stored shift is refused as well.
    let first = db.write(
        "a.csv",
        "date,start,end,assistant
2026-11-23,08:00,16:00,Kari
",
    );
    db.ok(&["import", "shifts", &first]);
    let second = db.write(
        "b.csv",
        "date,start,end,assistant
2026-11-23,15:00,18:00,kari
",
    );
    let err = db.fails(&["import", "shifts", &second], 1);
    assert!(
        err.contains("line 2") && err.contains("already has a shift"),
        "{err}"
    );
}

#[test]
fn holidays_in_both_languages_and_formats() {
    let db = Db::new();
    let json = db.json(&["holidays", "2026", "--format", "json"]);
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), 12);
    assert_eq!(list[1]["date"], "2026-04-02");
    assert_eq!(list[1]["name"], "Skjærtorsdag");
    let en = db.ok(&["--lang", "en", "holidays", "2027"]);
    assert!(
        en.contains("Easter Monday") && en.contains("2027-03-29"),
        "{en}"
    );
    let this_year = db.ok(&["holidays"]);
    assert!(this_year.contains("25.12.2026"), "{this_year}");
}

#[test]
fn assistants_from_the_command_line() {
    let db = initialised();
    db.ok(&[
        "assistant",
        "add",
        "Kari",
        "--police-certificate",
        "01.02.2026",
        "--confidentiality",
        "2026-02-01",
        "--contract",
        "2026-02-01",
    ]);
    db.ok(&["assistant", "add", "Per"]);
    db.fails(&["assistant", "add", "kari"], 1);
    let list = db.json(&["assistant", "list", "--format", "json"]);
    assert_eq!(list[0]["ready"], true);
    assert_eq!(list[1]["ready"], false);
    let text = db.ok(&["assistant", "list"]);
    assert!(
        text.contains("✗ mangler: politiattest, taushetserklæring, arbeidsavtale"),
        "{text}"
    );
    db.ok(&[
        "shift",
        "add",
        "--assistant",
        "Kari",
        "--date",
        "2026-11-25",
        "--start",
        "22:00",
        "--end",
        "07:00",
        "--kind",
        "sleeping-night",
    ]);
    let week = db.json(&["report", "week", "--format", "json"]);
    assert_eq!(week["scheduled_minutes"], 540);
    let respite = [
        "shift",
        "add",
        "--assistant",
        "Kari",
        "--date",
        "2026-11-27",
        "--start",
        "08:00",
        "--end",
        "09:00",
        "--purpose",
        "avlastning",
    ];
    let err = db.fails(&respite, 1);
    assert!(err.contains("avlastning"), "{err}");
    db.ok(&[
        "allocation",
        "add",
        "--hours-per-week",
        "10",
        "--from",
        "2026-11-01",
        "--purpose",
        "avlastning",
    ]);
    db.ok(&respite);
    // Two budgets are never added together: BPA and respite care report apart.
    let week = db.json(&["report", "week", "--format", "json"]);
    assert_eq!(
        (
            week["purpose"].as_str(),
            week["allocated_minutes"].as_i64(),
            week["scheduled_minutes"].as_i64()
        ),
        (Some("BPA"), Some(2250), Some(540))
    );
    let respite = db.json(&[
        "report",
        "week",
        "--format",
        "json",
        "--purpose",
        "avlastning",
    ]);
    assert_eq!(
        (
            respite["allocated_minutes"].as_i64(),
            respite["scheduled_minutes"].as_i64()
        ),
        (Some(600), Some(60))
    );
    db.fails(&["report", "week", "--purpose", "nope"], 1);
    db.fails(
        &[
            "shift",
            "add",
            "--assistant",
            "Nobody",
            "--date",
            "2026-11-25",
            "--start",
            "08:00",
            "--end",
            "09:00",
        ],
        1,
    );
}

#[test]
fn demo_fills_only_an_empty_database() {
    let db = Db::new();
    let out = db.ok(&["demo", "--seed", "3"]);
    assert!(out.contains("Sigrid Haugen"), "{out}");
    db.fails(&["demo"], 1);
    let week = db.json(&["report", "week", "--format", "json"]);
    assert_eq!(week["allocated_minutes"], 2400);
    assert!(week["scheduled_minutes"].as_i64().unwrap() > 0);
    assert!(week["flex_balance_minutes"].is_i64());
}

#[test]
fn several_recipients_need_a_name() {
    let db = initialised();
    db.ok(&["init", "--recipient", "Kari Nordmann"]);
    let err = db.fails(&["report", "week"], 1);
    assert!(err.contains("--recipient"), "{err}");
    db.ok(&["--recipient", "Ola Nordmann", "report", "week"]);
}

#[test]
fn hostile_names_are_shown_harmlessly() {
    let db = initialised();
    // A name with control characters is refused at the door...
    let err = db.fails(&["assistant", "add", "\u{1b}]0;pwned\u{7}Kari"], 1);
    assert!(err.contains("U+001B") && !err.contains('\u{1b}'), "{err:?}");
    // ...and one that came in another way (an old database, a restored
    // file) is still shown harmlessly.
    rusqlite::Connection::open(&db.path)
        .unwrap()
        .execute(
            "INSERT INTO assistant (name, active) VALUES ('\u{1b}]0;pwned\u{7}Kari', 1)",
            [],
        )
        .unwrap();
    let text = db.ok(&["assistant", "list"]);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("␛]0;pwned␇Kari"), "{text}");
    let file = db.write(
        "f.csv",
        "date,start,end,assistant\n2026-11-23,08:00,16:00,=cmd|' /C calc'!A0\n",
    );
    db.ok(&["import", "shifts", &file]);
    let csv = db.ok(&["assistant", "list", "--format", "csv"]);
    assert!(csv.contains("'=cmd"), "{csv}");
}

#[cfg(unix)]
#[test]
fn the_database_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let db = initialised();
    let mode = std::fs::metadata(&db.path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn check_lists_every_broken_rule_with_stable_ids() {
    let db = initialised();
    db.ok(&[
        "assistant",
        "add",
        "Kari",
        "--police-certificate",
        "2026-01-01",
        "--confidentiality",
        "2026-01-01",
        "--contract",
        "2026-01-01",
    ]);
    db.ok(&[
        "shift",
        "add",
        "--assistant",
        "Kari",
        "--date",
        "2026-11-24",
        "--start",
        "12:00",
        "--end",
        "21:00",
    ]);
    let clean = db.run(&["check", "--from", "2026-11-23", "--to", "2026-11-29"]);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );
    let out = db.ok(&[
        "shift",
        "add",
        "--assistant",
        "Kari",
        "--date",
        "2026-11-25",
        "--start",
        "07:59",
        "--end",
        "10:00",
    ]);
    assert!(
        out.contains("aml § 10-8 (1) krever 11,0 t") && out.contains("10 t 59 min"),
        "{out}"
    );
    let out = db.run(&[
        "check",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-29",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["rule"], "aml_10_8_1");
    assert_eq!(list[0]["assistant"], "Kari");
    assert_eq!(list[0]["date"], "2026-11-25");
    assert!(list[0]["message"].as_str().unwrap().contains("Kari"));
    // An overlapping shift is an error and is not saved.
    let err = db.fails(
        &[
            "shift",
            "add",
            "--assistant",
            "Kari",
            "--date",
            "2026-11-25",
            "--start",
            "09:00",
            "--end",
            "13:00",
        ],
        1,
    );
    assert!(err.contains("already has a shift"), "{err}");
    // An unknown name suggests the nearest one.
    let err = db.fails(
        &[
            "shift",
            "add",
            "--assistant",
            "karri",
            "--date",
            "2026-11-26",
            "--start",
            "11:00",
            "--end",
            "13:00",
        ],
        1,
    );
    assert!(err.contains("did you mean «Kari»"), "{err}");
}

#[test]
fn a_tariff_agreement_setting_changes_the_rest_rule() {
    let db = initialised();
    db.ok(&[
        "assistant",
        "add",
        "Kari",
        "--police-certificate",
        "2026-01-01",
        "--confidentiality",
        "2026-01-01",
        "--contract",
        "2026-01-01",
    ]);
    db.ok(&[
        "shift",
        "add",
        "--assistant",
        "Kari",
        "--date",
        "2026-11-24",
        "--start",
        "14:00",
        "--end",
        "23:00",
    ]);
    db.ok(&[
        "shift",
        "add",
        "--assistant",
        "Kari",
        "--date",
        "2026-11-25",
        "--start",
        "07:00",
        "--end",
        "10:00",
    ]);
    assert_eq!(db.run(&["check"]).status.code(), Some(1));
    db.ok(&["setting", "set", "rules.daily_rest_minutes", "480"]);
    let out = db.run(&["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        db.ok(&["setting", "list"])
            .contains("rules.daily_rest_minutes = 480")
    );
    db.fails(&["setting", "set", "rules.nap", "3"], 1);
}

#[test]
fn rotas_preview_and_apply_once() {
    let db = initialised();
    db.ok(&[
        "assistant",
        "add",
        "Kari",
        "--police-certificate",
        "2026-01-01",
        "--confidentiality",
        "2026-01-01",
        "--contract",
        "2026-01-01",
    ]);
    db.ok(&["rota", "add", "Vanlig", "--weeks", "2"]);
    db.ok(&[
        "rota",
        "slot",
        "Vanlig",
        "--week",
        "1",
        "--day",
        "man",
        "--start",
        "08:00",
        "--end",
        "16:00",
        "--assistant",
        "Kari",
    ]);
    db.ok(&[
        "rota",
        "slot",
        "Vanlig",
        "--week",
        "2",
        "--day",
        "wed",
        "--start",
        "22:00",
        "--end",
        "07:00",
        "--kind",
        "sleeping-night",
    ]);
    db.fails(
        &[
            "rota", "slot", "Vanlig", "--week", "3", "--day", "mon", "--start", "08:00", "--end",
            "16:00",
        ],
        1,
    );
    let list = db.ok(&["rota", "list"]);
    assert!(
        list.contains("Vanlig (2)") && list.contains("ledig vakt"),
        "{list}"
    );
    let preview = db.ok(&[
        "rota",
        "preview",
        "Vanlig",
        "--from",
        "2026-11-23",
        "--to",
        "2026-12-06",
    ]);
    assert!(
        preview.contains("Uke 48") && preview.contains("8,0 t") && preview.contains("29,5 t"),
        "{preview}"
    );
    let out = db.ok(&[
        "rota",
        "apply",
        "Vanlig",
        "--from",
        "2026-11-23",
        "--to",
        "2026-12-06",
    ]);
    assert!(out.starts_with("2 vakter lagt inn; 0"), "{out}");
    let again = db.ok(&[
        "rota",
        "apply",
        "Vanlig",
        "--from",
        "2026-11-23",
        "--to",
        "2026-12-06",
    ]);
    assert!(again.starts_with("0 vakter lagt inn; 2"), "{again}");
    let week = db.json(&["report", "week", "2026-W49", "--format", "json"]);
    assert_eq!(week["scheduled_minutes"], 540);
}

#[test]
fn other_services_are_listed() {
    let db = initialised();
    db.ok(&[
        "service",
        "add",
        "--provider",
        "Hjemmesykepleien",
        "--what",
        "medisin",
        "--date",
        "2026-11-23",
        "--start",
        "08:00",
        "--end",
        "08:15",
        "--weekly",
    ]);
    let list = db.ok(&["service", "list"]);
    assert!(
        list.contains("Hjemmesykepleien") && list.contains("mandag 23.11.2026"),
        "{list}"
    );
    db.fails(
        &[
            "service",
            "add",
            "--provider",
            "X",
            "--date",
            "2026-11-23",
            "--start",
            "09:00",
            "--end",
            "08:00",
        ],
        1,
    );
}

#[test]
fn the_log_refuses_medication_without_a_reason_and_an_untrained_assistant_without_acknowledgement()
{
    let db = initialised();
    db.ok(&["assistant", "add", "Kari"]);
    // "Medisin" is a default task type; a second one is refused.
    db.fails(&["task", "add", "medisin", "--category", "health"], 1);
    db.ok(&["task", "add", "Middag"]);
    assert!(db.ok(&["task", "list"]).contains("Legemiddelhåndtering"));
    let base = [
        "log",
        "add",
        "--task",
        "medisin",
        "--assistant",
        "Kari",
        "--at",
        "2026-11-26 08:05",
        "--drug",
        "Paracet",
        "--dose",
        "500 mg",
    ];
    let err = db.fails(&[&base[..], &["--outcome", "refused"]].concat(), 1);
    assert!(err.contains("grunn"), "{err}");
    let err = db.fails(&base, 1);
    assert!(
        err.contains("opplæring") && err.contains("--acknowledge-untrained"),
        "{err}"
    );
    db.ok(&[&base[..], &["--acknowledge-untrained"]].concat());
    db.ok(&[
        "training",
        "add",
        "--assistant",
        "Kari",
        "--competence",
        "Legemiddelhåndtering",
        "--on",
        "2026-11-26",
        "--by",
        "Sykepleier",
        "--renew",
        "2027-11-26",
    ]);
    db.ok(&[
        &base[..],
        &[
            "--outcome",
            "refused",
            "--reason",
            "Kastet opp",
            "--corrects",
            "1",
        ],
    ]
    .concat());
    db.ok(&[
        "log",
        "add",
        "--task",
        "Middag",
        "--assistant",
        "Kari",
        "--at",
        "2026-11-26 17:00",
        "--note",
        "Fiskesuppe",
    ]);
    db.fails(
        &[
            "log",
            "add",
            "--task",
            "Medisin",
            "--at",
            "2026-11-26 09:00",
        ],
        1,
    );

    let health = db.json(&[
        "report",
        "health",
        "--from",
        "2026-11-26",
        "--to",
        "2026-11-26",
        "--format",
        "json",
    ]);
    let rows = health.as_array().unwrap();
    assert_eq!(rows.len(), 2, "only health entries: {health}");
    assert_eq!(rows[0]["corrected_by"], 2);
    assert_eq!(rows[1]["corrects"], 1);
    assert_eq!(rows[1]["outcome"], "refused");
    let text = db.ok(&[
        "report",
        "health",
        "--from",
        "2026-11-26",
        "--to",
        "2026-11-26",
    ]);
    assert!(
        text.contains("nektet (Kastet opp)") && text.contains("#2 ⟲ #1"),
        "{text}"
    );
    let csv = db.ok(&[
        "report",
        "health",
        "--from",
        "2026-11-26",
        "--to",
        "2026-11-26",
        "--format",
        "csv",
    ]);
    assert!(csv.lines().count() == 3, "{csv}");

    let matrix = db.ok(&["report", "training", "--to", "2026-11-26"]);
    assert!(
        matrix.contains("Kari") && matrix.contains("✓ gyldig"),
        "{matrix}"
    );
    let matrix = db.json(&[
        "report",
        "training",
        "--to",
        "2027-11-20",
        "--format",
        "json",
    ]);
    let meds = matrix
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["competence"] == "Legemiddelhåndtering")
        .unwrap();
    assert_eq!(meds["status"], "expiring");
    let matrix = db.ok(&[
        "report",
        "training",
        "--to",
        "2027-11-27",
        "--format",
        "csv",
    ]);
    assert!(matrix.contains("expired"), "{matrix}");
}

#[test]
fn incidents_need_applications_and_the_need_report() {
    let db = initialised();
    db.ok(&[
        "incident",
        "add",
        "--at",
        "2026-11-24 19:10",
        "--what",
        "Fall på badet",
        "--severity",
        "medium",
        "--action",
        "Ringte legevakt",
    ]);
    db.fails(
        &[
            "incident",
            "add",
            "--at",
            "2026-11-24 19:10",
            "--what",
            "x",
            "--severity",
            "huge",
        ],
        1,
    );
    db.ok(&[
        "need",
        "add",
        "--at",
        "2026-11-25 18:00",
        "--hours",
        "2,5",
        "--what",
        "Følge til lege",
        "--reason",
        "no_hours",
    ]);
    db.ok(&[
        "application",
        "add",
        "--what",
        "Økning til 45 t/uke",
        "--sent",
        "2026-10-20",
    ]);
    db.ok(&[
        "application",
        "decide",
        "1",
        "--decision",
        "refused",
        "--on",
        "2026-11-10",
    ]);
    db.ok(&[
        "appeal",
        "add",
        "--application",
        "1",
        "--sent",
        "2026-11-20",
    ]);
    let incidents = db.json(&[
        "report",
        "incidents",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--format",
        "json",
    ]);
    assert_eq!(incidents[0]["severity"], "medium");
    assert!(
        db.ok(&[
            "report",
            "incidents",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--format",
            "csv"
        ])
        .contains("Fall på badet")
    );
    assert!(
        db.ok(&[
            "report",
            "incidents",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30"
        ])
        .contains("Ringte legevakt")
    );
    let need = db.json(&[
        "report",
        "need",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-29",
        "--format",
        "json",
    ]);
    assert_eq!(need["unmet_minutes"], 150);
    assert_eq!(need["weeks"][0]["allocated_minutes"], 2250);
    assert_eq!(need["applications"][0]["decision"], "refused");
    assert_eq!(need["appeals"][0]["level"], "municipality");
    assert_eq!(need["appeal_deadline"], "2025-12-31");
    let text = db.ok(&[
        "report",
        "need",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-29",
    ]);
    assert!(
        text.contains("2,5 t")
            && text.contains("Fall på badet")
            && text.contains("Økning til 45 t/uke"),
        "{text}"
    );
    let csv = db.ok(&[
        "report",
        "need",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-29",
        "--format",
        "csv",
    ]);
    assert!(csv.contains("2026-W48,2250,0,150"), "{csv}");
}

#[test]
fn a_new_arrangement_gets_the_default_task_types_in_its_language() {
    let db = initialised();
    let list = db.ok(&["task", "list"]);
    assert!(
        list.contains("Medisin")
            && list.contains("Sondeernæring")
            && list.contains("Legemiddelhåndtering"),
        "{list}"
    );
    db.ok(&["init", "--recipient", "Kari"]);
    assert_eq!(
        db.ok(&["task", "list"]).lines().count(),
        list.lines().count(),
        "not twice"
    );
}

#[test]
fn routines_from_the_command_line_and_the_untrained_task_rule() {
    let db = initialised();
    db.ok(&[
        "assistant",
        "add",
        "Kari",
        "--police-certificate",
        "2026-01-01",
        "--confidentiality",
        "2026-01-01",
        "--contract",
        "2026-01-01",
    ]);
    db.ok(&[
        "routine", "add", "Morgen", "--days", "man-fre", "--from", "07:00", "--to", "10:00",
    ]);
    db.ok(&[
        "routine", "item", "Morgen", "--task", "Medisin", "--at", "08:00",
    ]);
    db.ok(&[
        "routine",
        "item",
        "Morgen",
        "--task",
        "Morgenstell",
        "--label",
        "dusj",
    ]);
    db.fails(
        &[
            "routine", "add", "Kveld", "--days", "someday", "--from", "18:00", "--to", "22:00",
        ],
        1,
    );
    let list = db.ok(&["routine", "list"]);
    assert!(
        list.contains("Morgen (man,tir,ons,tor,fre 07:00–10:00)")
            && list.contains("☐ 08:00 Medisin"),
        "{list}"
    );
    let out = db.ok(&[
        "shift",
        "add",
        "--assistant",
        "Kari",
        "--date",
        "2026-11-24",
        "--start",
        "07:00",
        "--end",
        "12:00",
    ]);
    assert!(
        out.contains("untrained_task") && out.contains("Medisin"),
        "{out}"
    );
    db.ok(&[
        "training",
        "add",
        "--assistant",
        "Kari",
        "--competence",
        "Legemiddelhåndtering",
        "--on",
        "2026-11-01",
    ]);
    assert_eq!(
        db.run(&["check", "--from", "2026-11-23", "--to", "2026-11-29"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn task_types_are_edited_and_retired_and_appeals_decided() {
    let db = initialised();
    db.ok(&[
        "task",
        "edit",
        "Handling",
        "--rename",
        "Innkjøp",
        "--category",
        "activity",
    ]);
    let list = db.ok(&["task", "list"]);
    assert!(
        list.contains("Innkjøp") && !list.contains("Handling"),
        "{list}"
    );
    db.ok(&["task", "edit", "Innkjøp", "--retire"]);
    assert!(!db.ok(&["task", "list"]).contains("Innkjøp"));
    db.fails(&["task", "edit", "Nothing"], 1);
    db.ok(&["appeal", "add", "--sent", "2026-11-20"]);
    db.ok(&[
        "appeal",
        "decide",
        "1",
        "--status",
        "changed",
        "--on",
        "2026-12-01",
    ]);
    db.fails(
        &[
            "appeal",
            "decide",
            "1",
            "--status",
            "maybe",
            "--on",
            "2026-12-01",
        ],
        1,
    );
    let need = db.json(&["report", "need", "--format", "json"]);
    assert_eq!(need["appeals"][0]["status"], "changed");
    db.ok(&["setting", "set", "backup.keep_daily", "3"]);
    db.fails(&["setting", "set", "backup.keep_daily", "0"], 1);
}

/// The text reports as a caseworker, a doctor or home nursing reads them.
#[test]
fn report_texts() {
    let db = initialised();
    db.ok(&[
        "assistant",
        "add",
        "Kari",
        "--police-certificate",
        "2026-01-01",
        "--confidentiality",
        "2026-01-01",
        "--contract",
        "2026-01-01",
    ]);
    db.ok(&[
        "training",
        "add",
        "--assistant",
        "Kari",
        "--competence",
        "Legemiddelhåndtering",
        "--on",
        "2026-01-05",
        "--by",
        "Sykepleier",
        "--renew",
        "2026-12-10",
    ]);
    let file = db.write(
        "s.csv",
        "date,start,end,assistant\n2026-11-23,08:00,16:00,Kari\n2026-11-24,08:00,16:00,Kari\n",
    );
    db.ok(&["import", "shifts", &file]);
    db.ok(&[
        "log",
        "add",
        "--task",
        "Medisin",
        "--assistant",
        "Kari",
        "--at",
        "2026-11-24 08:00",
        "--drug",
        "Levetiracetam",
        "--dose",
        "500 mg",
        "--planned",
        "08:00",
    ]);
    db.ok(&[
        "log",
        "add",
        "--task",
        "Medisin",
        "--assistant",
        "Kari",
        "--at",
        "2026-11-24 20:00",
        "--drug",
        "Levetiracetam",
        "--dose",
        "500 mg",
        "--outcome",
        "refused",
        "--reason",
        "Kastet opp",
        "--given-by",
        "assistant",
    ]);
    db.ok(&[
        "incident",
        "add",
        "--at",
        "2026-11-24 19:10",
        "--what",
        "Fall på badet",
        "--severity",
        "medium",
        "--action",
        "Ringte legevakt",
    ]);
    db.ok(&[
        "need",
        "add",
        "--at",
        "2026-11-25 18:00",
        "--hours",
        "2,5",
        "--what",
        "Følge til lege",
        "--reason",
        "no_hours",
    ]);
    db.ok(&[
        "application",
        "add",
        "--what",
        "Økning til 45 t/uke",
        "--sent",
        "2026-11-02",
    ]);
    let range = ["--from", "2026-11-23", "--to", "2026-11-29"];
    insta::assert_snapshot!(
        "report_health",
        db.ok(&[&["report", "health"][..], &range].concat())
    );
    insta::assert_snapshot!(
        "report_incidents",
        db.ok(&[&["report", "incidents"][..], &range].concat())
    );
    insta::assert_snapshot!(
        "report_training",
        db.ok(&["report", "training", "--to", "2026-11-26"])
    );
    insta::assert_snapshot!(
        "report_need",
        db.ok(&[&["report", "need"][..], &range].concat())
    );
    insta::assert_snapshot!("report_week", db.ok(&["report", "week", "2026-W48"]));
}

#[test]
fn a_rota_applied_in_pieces_keeps_its_rhythm() {
    let db = initialised();
    db.ok(&["rota", "add", "Todelt", "--weeks", "2"]);
    db.ok(&[
        "rota", "slot", "Todelt", "--week", "1", "--day", "mon", "--start", "08:00", "--end",
        "12:00",
    ]);
    db.ok(&[
        "rota", "slot", "Todelt", "--week", "2", "--day", "tue", "--start", "08:00", "--end",
        "13:00",
    ]);
    db.ok(&[
        "rota",
        "apply",
        "Todelt",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-29",
    ]);
    // The second piece starts a week later but belongs to the same cycle.
    db.ok(&[
        "rota",
        "apply",
        "Todelt",
        "--from",
        "2026-11-30",
        "--to",
        "2026-12-06",
        "--cycle-start",
        "2026-11-23",
    ]);
    let w49 = db.json(&["report", "week", "2026-W49", "--format", "json"]);
    assert_eq!(
        w49["scheduled_minutes"], 300,
        "week 2 of the cycle, not week 1 again"
    );
}

#[test]
fn version_alone_answers_as_the_full_command_line_would() {
    use clap::CommandFactory;
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_bpa"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let clap = bpa::cli::args::Cli::command().render_version();
    assert_eq!(run(&["--version"]), clap);
    assert_eq!(run(&["-V"]), clap);
    // With anything else on the line, the command line itself answers.
    assert_eq!(run(&["--lang", "en", "--version"]), clap);
}

#[test]
fn a_file_with_many_bad_lines_lists_fifty_and_counts_the_rest() {
    let db = initialised();
    let mut csv = String::from("date,start,end,assistant\n");
    for _ in 0..60 {
        csv += "2026-13-01,08:00,16:00,Kari\n";
    }
    let file = db.write("bad.csv", &csv);
    let err = db.fails(&["import", "shifts", &file], 1);
    assert!(err.contains("line 51:"), "{err}");
    assert!(!err.contains("line 52:"), "{err}");
    assert!(err.contains("and 10 more"), "{err}");
}

#[test]
fn a_long_import_into_a_pipe_says_only_what_it_did() {
    let db = initialised();
    let mut csv = String::from("date,start,end,assistant\n");
    let first = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    for i in 0..3000 {
        let day = first + chrono::Duration::days(i / 3);
        let who = ["Kari", "Per", "Nora"][(i % 3) as usize];
        csv += &format!("{day},08:00,16:00,{who}\n");
    }
    let file = db.write("many.csv", &csv);
    let out = db.run(&["import", "shifts", &file]);
    assert!(out.status.success());
    // No progress lines: stderr is not a terminal here.
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Imported 3000 shifts; new assistants: Kari, Per, Nora.\n"
    );
    let again = db.ok(&["import", "shifts", &file]);
    assert_eq!(
        again,
        "Imported 0 shifts; 3000 were already stored and were not imported again.\n"
    );
}

#[test]
fn a_fixed_today_never_dates_the_audit_log() {
    let db = Db::new();
    db.ok(&["--today", "2020-01-02", "--recipient", "Ola", "init"]);
    db.ok(&["--today", "2020-01-02", "assistant", "add", "Kari"]);
    let doc = db.json(&["export", "json"]);
    let entries = doc["tables"]["audit_log"].as_array().unwrap();
    assert!(!entries.is_empty());
    for e in entries {
        let at = e["at"].as_str().unwrap();
        assert!(!at.starts_with("2020-01-02"), "{at}");
        let year: i32 = at[..4].parse().unwrap();
        assert!(year >= 2026, "{at}");
    }
    assert!(db.ok(&["--lang", "en", "verify"]).contains("All good"));
}
