//! Month-end work on the command line: `bpa shift list|worked|absent|edit|
//! delete`, `--active` periods, and `bpa assistant edit|deactivate`, on a
//! temporary database.

#![allow(clippy::unwrap_used)]

use std::process::Command;

use bpa::domain::time::Month;
use bpa::store::Store;

mod common;

use common::Db;

/// The shifts of the week of 2026-11-23 as JSON.
fn shifts(db: &Db) -> Vec<serde_json::Value> {
    db.json(&["shift", "list", "--format", "json"])
        .as_array()
        .unwrap()
        .clone()
}

fn shift(db: &Db, id: i64) -> serde_json::Value {
    shifts(db)
        .into_iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no shift {id} in the list"))
}

fn audit_len(db: &Db) -> i64 {
    Store::open(&db.path).unwrap().audit_len().unwrap()
}

/// A recipient with an allocation, Kari and Per, and Kari's shift 1 on
/// Monday 23 November 08:00–12:00.
fn planned() -> Db {
    let db = Db::new();
    db.ok(&["init", "--recipient", "Ola Nordmann"]);
    db.ok(&[
        "allocation",
        "add",
        "--hours-per-week",
        "37,5",
        "--from",
        "2026-01-01",
    ]);
    db.ok(&["assistant", "add", "Kari", "--employee-number", "1001"]);
    db.ok(&["assistant", "add", "Per"]);
    add(
        &db,
        &["--assistant", "Kari", "--date", "2026-11-23"],
        "08:00",
        "12:00",
    );
    db
}

fn add(db: &Db, what: &[&str], start: &str, end: &str) -> String {
    let mut args = vec!["shift", "add", "--start", start, "--end", end];
    args.extend_from_slice(what);
    db.ok(&args)
}

/// Adds Per's sleeping night Tuesday 22:00–08:00 with two calls (shift 2).
fn with_night(db: &Db) {
    add(
        db,
        &[
            "--assistant",
            "Per",
            "--date",
            "2026-11-24",
            "--kind",
            "sleeping-night",
            "--active",
            "03:00-03:20",
            "--active",
            "01:10-01:40",
        ],
        "22:00",
        "08:00",
    );
}

#[test]
fn list_shows_ids_and_actual_times_in_three_formats() {
    let db = planned();
    with_night(&db);
    add(
        &db,
        &["--date", "2026-11-25", "--note", "trenger noen"],
        "10:00",
        "14:00",
    );
    db.ok(&["shift", "worked", "1", "--end", "13:00"]);

    let text = db.ok(&["shift", "list"]);
    assert!(text.contains("Nr"), "{text}");
    assert!(text.contains("13:00*"), "{text}");
    assert!(text.contains("faktisk tid"), "{text}");
    assert!(
        text.contains("ledig vakt"),
        "the open shift is named: {text}"
    );
    assert!(text.contains("01:10-01:40, 03:00-03:20"), "{text}");

    let list = shifts(&db);
    assert_eq!(list.len(), 3);
    let kari = &list[0];
    assert_eq!(kari["id"], 1);
    assert_eq!(kari["start"], "2026-11-23T08:00");
    assert_eq!(kari["end"], "2026-11-23T13:00");
    assert_eq!(kari["planned_end"], "2026-11-23T12:00");
    assert_eq!(kari["actual_times"], true);
    assert_eq!(kari["minutes"], 300);
    assert_eq!(kari["status"], "worked");
    let night = &list[1];
    assert_eq!(night["kind"], "sleeping_night");
    assert_eq!(night["active_minutes"], 50);
    assert_eq!(night["active_periods"][0]["start"], "2026-11-25T01:10");
    let open = &list[2];
    assert_eq!(open["assistant"], serde_json::Value::Null);
    assert_eq!(open["open_shift"], true);
    assert_eq!(open["note"], "trenger noen");

    let csv = db.ok(&["shift", "list", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("id,date,start,end,planned_start")
    );
    assert!(
        lines.next().unwrap().starts_with(
            "1,2026-11-23,08:00,13:00,08:00,12:00,true,Kari,false,ordinary,worked,300,"
        ),
        "{csv}"
    );

    let per = db.json(&["shift", "list", "--assistant", "per", "--format", "json"]);
    assert_eq!(per.as_array().unwrap().len(), 1);
    let next_week = db.ok(&["shift", "list", "--from", "2026-11-30"]);
    assert!(next_week.contains("Ingen vakter"), "{next_week}");
    let err = db.fails(&["shift", "list", "--assistant", "Kary"], 1);
    assert!(err.contains("did you mean «Kari»"), "{err}");
    db.fails(
        &[
            "shift",
            "list",
            "--from",
            "2026-11-30",
            "--to",
            "2026-11-01",
        ],
        1,
    );
}

#[test]
fn csv_cells_are_safe_for_a_formula_in_a_name() {
    let db = planned();
    let evil = "=HYPERLINK(\"http://x\",\"y\")";
    db.ok(&["assistant", "add", evil]);
    add(
        &db,
        &[
            "--assistant",
            evil,
            "--date",
            "2026-11-26",
            "--note",
            "@SUM(A1)",
        ],
        "08:00",
        "10:00",
    );
    let csv = db.ok(&["shift", "list", "--format", "csv"]);
    let row = csv.lines().find(|l| l.contains("HYPERLINK")).unwrap();
    assert!(row.contains("\"'=HYPERLINK("), "{row}");
    assert!(row.ends_with(",'@SUM(A1)"), "{row}");
    let list = db.ok(&["assistant", "list", "--format", "csv"]);
    assert!(list.contains("'=HYPERLINK"), "{list}");
}

#[test]
fn worked_records_actual_times_and_active_periods() {
    let db = planned();
    with_night(&db);
    let said = db.ok(&["shift", "worked", "2", "--end", "09:00"]);
    assert!(
        said.contains("Vakt 2 er merket utført, 22:00–09:00"),
        "{said}"
    );
    assert!(said.contains("planlagt 22:00–08:00"), "{said}");
    let night = shift(&db, 2);
    assert_eq!(
        night["end"], "2026-11-25T09:00",
        "an end before the start is the next day"
    );
    assert_eq!(night["active_minutes"], 50, "--active not given keeps them");

    db.ok(&["shift", "worked", "2", "--active", "08:30-08:50"]);
    let night = shift(&db, 2);
    assert_eq!(
        night["end"], "2026-11-25T09:00",
        "a time not given stays as recorded"
    );
    assert_eq!(night["active_periods"].as_array().unwrap().len(), 1);
    assert_eq!(night["active_periods"][0]["start"], "2026-11-25T08:30");

    let err = db.fails(&["shift", "worked", "2", "--active", "09:30-10:00"], 1);
    assert!(err.contains("09:30–10:00"), "the period is named: {err}");
    db.fails(&["shift", "worked", "2", "--active", "snart"], 1);
    db.fails(&["shift", "worked", "2", "--end", "25:00"], 1);

    db.ok(&["shift", "worked", "2", "--active", ""]);
    assert_eq!(
        shift(&db, 2)["active_minutes"],
        0,
        "--active \"\" removes them"
    );
    let err = db.fails(&["shift", "worked", "1", "--active", "09:00-09:30"], 1);
    assert!(err.contains("sleeping night"), "{err}");
    let said = db.ok(&["--lang", "en", "shift", "worked", "1"]);
    assert_eq!(said, "Shift 1 is marked worked, 08:00–12:00.\n");
}

#[test]
fn add_places_active_periods_only_in_a_sleeping_night() {
    let db = planned();
    let err = db.fails(
        &[
            "shift",
            "add",
            "--assistant",
            "Per",
            "--date",
            "2026-11-24",
            "--start",
            "08:00",
            "--end",
            "12:00",
            "--active",
            "09:00-09:30",
        ],
        1,
    );
    assert!(err.contains("--kind sleeping-night"), "{err}");
    let err = db.fails(
        &[
            "shift",
            "add",
            "--assistant",
            "Per",
            "--date",
            "2026-11-24",
            "--start",
            "22:00",
            "--end",
            "08:00",
            "--kind",
            "sleeping-night",
            "--active",
            "08:30-09:00",
        ],
        1,
    );
    assert!(err.contains("08:30–09:00"), "{err}");
    assert_eq!(shifts(&db).len(), 1, "nothing was added");
    with_night(&db);
    let night = shift(&db, 2);
    assert_eq!(
        night["active_periods"][0]["start"], "2026-11-25T01:10",
        "sorted, next morning"
    );
}

#[test]
fn edit_changes_only_what_is_given_and_warns_like_add() {
    let db = planned();
    with_night(&db);
    let said = db.ok(&["shift", "edit", "2", "--start", "23:00"]);
    assert!(said.starts_with("Endret: Vakt 2 (Per,"), "{said}");
    assert!(
        said.contains("[not_ready]"),
        "rule warnings as for add: {said}"
    );
    let night = shift(&db, 2);
    assert_eq!(night["start"], "2026-11-24T23:00");
    assert_eq!(night["end"], "2026-11-25T09:00", "keeps its length");
    assert_eq!(night["active_minutes"], 50, "keeps its active periods");

    db.ok(&[
        "shift",
        "edit",
        "2",
        "--date",
        "2026-11-27",
        "--note",
        "flyttet",
    ]);
    let night = shift(&db, 2);
    assert_eq!(night["start"], "2026-11-27T23:00");
    assert_eq!(
        night["active_periods"][0]["start"], "2026-11-28T01:10",
        "moved along"
    );
    assert_eq!(night["note"], "flyttet");

    db.ok(&[
        "shift",
        "edit",
        "2",
        "--end",
        "07:00",
        "--active",
        "02:00-02:15",
    ]);
    let night = shift(&db, 2);
    assert_eq!(
        (night["end"].as_str(), night["active_minutes"].as_i64()),
        (Some("2026-11-28T07:00"), Some(15))
    );
    let err = db.fails(&["shift", "edit", "2", "--active", "07:30-08:00"], 1);
    assert!(err.contains("07:30–08:00"), "{err}");
    let err = db.fails(&["shift", "edit", "2", "--kind", "ordinary"], 1);
    assert!(err.contains("--active \"\""), "{err}");
    db.ok(&["shift", "edit", "2", "--kind", "ordinary", "--active", ""]);
    assert_eq!(shift(&db, 2)["kind"], "ordinary");

    db.ok(&["shift", "edit", "1", "--assistant", ""]);
    assert_eq!(shift(&db, 1)["open_shift"], true);
    db.ok(&["shift", "edit", "1", "--assistant", "kari"]);
    assert_eq!(shift(&db, 1)["assistant"], "Kari");
    let err = db.fails(&["shift", "edit", "1", "--assistant", "Pre"], 1);
    assert!(err.contains("did you mean «Per»"), "{err}");
    let err = db.fails(&["shift", "edit", "1"], 1);
    assert!(err.contains("nothing to change"), "{err}");
    db.fails(&["shift", "edit", "1", "--date", "i morgen"], 1);
    let err = db.fails(
        &[
            "shift",
            "edit",
            "2",
            "--assistant",
            "Kari",
            "--date",
            "2026-11-23",
            "--start",
            "09:00",
            "--end",
            "10:00",
        ],
        1,
    );
    assert!(err.contains("already has a shift"), "{err}");
}

#[test]
fn absent_makes_the_substitute_a_shift() {
    let db = planned();
    let said = db.ok(&["shift", "absent", "1", "--substitute", "per"]);
    assert!(said.contains("vikaren Per har fått vakt 2"), "{said}");
    let list = shifts(&db);
    assert_eq!(list[0]["status"], "absent");
    assert_eq!(
        (list[1]["assistant"].as_str(), list[1]["start"].as_str()),
        (Some("Per"), Some("2026-11-23T08:00"))
    );
    let err = db.fails(&["shift", "absent", "1"], 1);
    assert!(err.contains("already marked absent"), "{err}");
    let err = db.fails(&["shift", "absent", "2", "--substitute", "Kary"], 1);
    assert!(err.contains("did you mean «Kari»"), "{err}");
    let said = db.ok(&["shift", "absent", "2"]);
    assert!(said.contains("uten vikar"), "{said}");
}

#[test]
fn delete_asks_first_and_a_script_says_yes() {
    let db = planned();
    let err = db.fails(&["shift", "delete", "1"], 1);
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(shifts(&db).len(), 1, "nothing was deleted");
    let said = db.ok(&["shift", "delete", "1", "--yes"]);
    assert!(said.starts_with("Slettet: Vakt 1 (Kari,"), "{said}");
    assert!(shifts(&db).is_empty());
}

#[test]
fn an_unknown_id_is_exit_code_1() {
    let db = planned();
    for args in [
        &["shift", "worked", "9"][..],
        &["shift", "absent", "9"],
        &["shift", "edit", "9", "--note", "x"],
        &["shift", "delete", "9", "--yes"],
    ] {
        let err = db.fails(args, 1);
        assert!(err.contains("no shift has id 9"), "{args:?}: {err}");
    }
}

#[test]
fn an_approved_month_is_locked() {
    let db = planned();
    with_night(&db);
    {
        let mut store = Store::open(&db.path).unwrap();
        let recipient = store.pick_recipient(None).unwrap().id;
        let kari = store.assistant_id("Kari").unwrap().unwrap();
        store
            .approve_month(recipient, kari, Month::new(2026, 11).unwrap())
            .unwrap();
    }
    for args in [
        &["shift", "worked", "1"][..],
        &["shift", "absent", "1", "--substitute", "Per"],
        &["shift", "edit", "1", "--note", "x"],
        &["shift", "delete", "1", "--yes"],
        &["shift", "edit", "2", "--assistant", "Kari"],
        &[
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
        ],
    ] {
        let err = db.fails(args, 1);
        assert!(err.contains("bpa unapprove"), "{args:?}: {err}");
    }
    db.ok(&["shift", "worked", "2"]);
    assert_eq!(shift(&db, 1)["status"], "planned");
}

#[test]
fn every_change_is_audited_and_verify_stays_ok() {
    let db = planned();
    with_night(&db);
    let mut seen = audit_len(&db);
    for args in [
        &["shift", "worked", "1", "--start", "08:15"][..],
        &["shift", "worked", "2", "--active", "02:00-02:30"],
        &["shift", "edit", "2", "--note", "rolig natt"],
        &["shift", "absent", "2", "--substitute", "Kari"],
        &["shift", "delete", "3", "--yes"],
        &["assistant", "edit", "Per", "--phone", "900 00 000"],
        &["assistant", "deactivate", "Per"],
    ] {
        db.ok(args);
        let now = audit_len(&db);
        assert!(now > seen, "{args:?} wrote no audit entry");
        seen = now;
    }
    let refused = audit_len(&db);
    db.fails(
        &[
            "shift", "edit", "1", "--start", "23:00", "--end", "01:00", "--active", "x",
        ],
        1,
    );
    assert_eq!(audit_len(&db), refused, "a refused change writes nothing");
    let ok = db.ok(&["verify"]);
    assert!(ok.contains('✓'), "{ok}");
}

#[test]
fn assistants_are_edited_and_deactivated_by_name() {
    let db = planned();
    let list = db.ok(&["assistant", "list"]);
    assert!(
        list.contains("Ansattnummer") && list.contains("1001"),
        "{list}"
    );
    let json = db.json(&["assistant", "list", "--format", "json"]);
    assert_eq!(json[0]["employee_number"], "1001");
    let csv = db.ok(&["assistant", "list", "--format", "csv"]);
    assert!(csv.starts_with("name,employee_number,"), "{csv}");
    assert!(csv.contains("Kari,1001,"), "{csv}");

    let said = db.ok(&[
        "assistant",
        "edit",
        "kari",
        "--phone",
        "900 00 000",
        "--police-certificate",
        "2026-01-15",
        "--employee-number",
        "",
    ]);
    assert!(said.starts_with("Kari: endret telefon"), "{said}");
    let kari = &db.json(&["assistant", "list", "--format", "json"])[0];
    assert_eq!(kari["phone"], "900 00 000");
    assert_eq!(kari["police_certificate"], "2026-01-15");
    assert_eq!(kari["employee_number"], "", "\"\" clears");
    db.ok(&[
        "assistant",
        "edit",
        "Kari",
        "--police-certificate",
        "",
        "--rename",
        "Kari N",
    ]);
    let kari = &db.json(&["assistant", "list", "--format", "json"])[0];
    assert_eq!(
        (kari["name"].as_str(), &kari["police_certificate"]),
        (Some("Kari N"), &serde_json::Value::Null)
    );

    let err = db.fails(&["assistant", "edit", "Kari N", "--rename", "Per"], 1);
    assert!(err.contains("already an assistant"), "{err}");
    let err = db.fails(&["assistant", "edit", "Kari N"], 1);
    assert!(err.contains("nothing to change"), "{err}");
    db.fails(&["assistant", "edit", "Kari N", "--contract", "snart"], 1);
    let err = db.fails(&["assistant", "edit", "Kary N", "--phone", "1"], 1);
    assert!(err.contains("did you mean «Kari N»"), "{err}");

    let said = db.ok(&["--lang", "en", "assistant", "deactivate", "per"]);
    assert!(said.starts_with("Per is now marked as former"), "{said}");
    let said = db.ok(&["--lang", "en", "assistant", "deactivate", "Per"]);
    assert!(
        said.starts_with("Per is already marked as former"),
        "{said}"
    );
    let per = &db.json(&["assistant", "list", "--format", "json"])[1];
    assert_eq!(per["active"], false);
    db.fails(&["assistant", "deactivate", "Nobody"], 1);
    db.ok(&["assistant", "add", "Nora", "--employee-number", "77"]);
    assert!(
        db.ok(&["assistant", "list", "--format", "csv"])
            .contains("Nora,77,")
    );
}

/// At a terminal, delete asks in the user's language (util-linux `script`
/// gives the command a terminal; skipped where it is missing).
#[cfg(target_os = "linux")]
#[test]
fn delete_at_a_terminal_asks_in_the_users_language() {
    use std::io::Write;
    let db = planned();
    let ask = |answer: &str| {
        let mut child = Command::new("script")
            .args([
                "-qec",
                &format!("{} shift delete 1", env!("CARGO_BIN_EXE_bpa")),
                "/dev/null",
            ])
            .env("BPA_DB", &db.path)
            .env("BPA_TODAY", "2026-11-26")
            .env("LANG", "nb_NO.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .ok()?;
        child.stdin.take()?.write_all(answer.as_bytes()).ok()?;
        let out = child.wait_with_output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let Some(said) = ask("n\n") else {
        eprintln!("no usable `script`; skipped");
        return;
    };
    assert!(said.contains("Slette? (j/n)"), "{said}");
    assert!(said.contains("Ingenting ble slettet"), "{said}");
    assert_eq!(shifts(&db).len(), 1);
    let said = ask("j\n").unwrap();
    assert!(said.contains("Slettet: Vakt 1"), "{said}");
    assert!(shifts(&db).is_empty());
}
