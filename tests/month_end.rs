//! The month end through the binary: timesheets in every format (golden
//! files), approval, payroll files, and what is refused.

#![allow(clippy::unwrap_used)]

mod common;

use common::{Db, initialised};

fn shift(db: &Db, args: &[&str]) {
    let mut all = vec!["shift", "add", "--assistant", "Kari Nordmann"];
    all.extend_from_slice(args);
    db.ok(&all);
}

/// Kari (employee 1001) and Per (no number yet) with November shifts, all
/// before "today" (26 November 2026) and marked worked.
fn november() -> Db {
    let db = initialised();
    db.ok(&[
        "assistant",
        "add",
        "Kari Nordmann",
        "--employee-number",
        "1001",
    ]);
    db.ok(&["assistant", "add", "Per Hansen"]);
    // Tuesday 3 November 08–18: 60 minutes of evening.
    shift(
        &db,
        &["--date", "2026-11-03", "--start", "08:00", "--end", "18:00"],
    );
    // Saturday 7 → Sunday 8 November, a sleeping night with two calls.
    shift(
        &db,
        &[
            "--date",
            "2026-11-07",
            "--start",
            "22:00",
            "--end",
            "08:00",
            "--kind",
            "sleeping-night",
            "--active",
            "01:10-01:40",
            "--active",
            "03:00-03:20",
        ],
    );
    // Friday 13 November 16:00 → Saturday 00:30.
    shift(
        &db,
        &["--date", "2026-11-13", "--start", "16:00", "--end", "00:30"],
    );
    db.ok(&[
        "shift",
        "add",
        "--assistant",
        "Per Hansen",
        "--date",
        "2026-11-04",
        "--start",
        "08:00",
        "--end",
        "12:00",
    ]);
    let list = db.json(&[
        "shift",
        "list",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--format",
        "json",
    ]);
    for s in list.as_array().unwrap() {
        db.ok(&["shift", "worked", &s["id"].to_string()]);
    }
    db
}

#[test]
fn a_timesheet_in_every_format_matches_its_golden_file() {
    let db = november();
    let args = [
        "export",
        "timesheet",
        "--assistant",
        "kari nordmann",
        "--month",
        "2026-11",
    ];
    let with = |extra: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(extra);
        db.ok(&all)
    };
    insta::assert_snapshot!("timesheet_csv", with(&[]));
    insta::assert_snapshot!("timesheet_csv_semicolon", with(&["--delimiter", ";"]));
    insta::assert_snapshot!("timesheet_json", with(&["--format", "json"]));
    insta::assert_snapshot!("timesheet_html", with(&["--format", "html"]));
    insta::assert_snapshot!("timesheet_text_nb", with(&["--format", "text"]));
    insta::assert_snapshot!(
        "timesheet_text_en_aml",
        with(&["--format", "text", "--lang", "en", "--agreement", "aml"])
    );
}

#[test]
fn the_json_totals_are_the_sum_of_hand_worked_shifts() {
    let db = november();
    let v = db.json(&[
        "export",
        "timesheet",
        "--assistant",
        "Kari Nordmann",
        "--month",
        "2026-11",
        "--format",
        "json",
    ]);
    // Tuesday: 600 clock, 60 evening. Sleeping night: 600 clock, active 50,
    // paid round(550 / 3) + 30 + 30 = 243, night 480, weekend 600 (Sat 22 to
    // Sun 08). Friday 16:00–00:30: 510 clock, evening 17–00:30 = 450,
    // weekend 30.
    assert_eq!(v["totals"]["clock_minutes"], 1710);
    assert_eq!(v["totals"]["paid_minutes"], 600 + 243 + 510);
    assert_eq!(v["totals"]["passive_minutes"], 550);
    assert_eq!(v["totals"]["evening_night_minutes"], 60 + 480 + 450);
    assert_eq!(v["totals"]["weekend_minutes"], 630);
    assert_eq!(v["totals"]["holiday_minutes"], 0);
    assert_eq!(v["employee_number"], "1001");
}

#[test]
fn a_timesheet_file_is_written_whole_and_private() {
    let db = november();
    let path = db.file("kari.html");
    let out = db.run(&[
        "export",
        "timesheet",
        "--assistant",
        "Kari Nordmann",
        "--month",
        "2026-11",
        "--format",
        "html",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Skrevet til"));
    let page = std::fs::read_to_string(&path).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn wrong_input_is_exit_code_1() {
    let db = november();
    let base = [
        "export",
        "timesheet",
        "--assistant",
        "Kari Nordmann",
        "--month",
    ];
    let month = [&base[..], &["2026-13"]].concat();
    assert!(db.fails(&month, 1).contains("--month"));
    let delimiter = [&base[..], &["2026-11", "--delimiter", ";;"]].concat();
    assert!(db.fails(&delimiter, 1).contains("--delimiter"));
    let err = db.fails(
        &[
            "export",
            "timesheet",
            "--assistant",
            "Kary",
            "--month",
            "2026-11",
        ],
        1,
    );
    assert!(err.contains("Kari Nordmann"), "did you mean: {err}");
}

#[test]
fn payroll_needs_approval_numbers_and_wage_types_and_names_what_is_missing() {
    let db = november();
    let payroll = [
        "export", "payroll", "--month", "2026-11", "--format", "visma",
    ];
    let err = db.fails(&payroll, 1);
    assert!(
        err.contains("Kari Nordmann") && err.contains("Per Hansen"),
        "{err}"
    );
    db.ok(&[
        "approve",
        "--assistant",
        "Kari Nordmann",
        "--month",
        "2026-11",
        "--yes",
    ]);
    let err = db.fails(&payroll, 1);
    assert!(err.contains("Per Hansen") && !err.contains("Kari"), "{err}");
    db.ok(&[
        "approve",
        "--assistant",
        "Per Hansen",
        "--month",
        "2026-11",
        "--yes",
    ]);
    let err = db.fails(&payroll, 1);
    assert!(
        err.contains("ansattnummer") && err.contains("Per Hansen"),
        "{err}"
    );
    // An employee number is not part of the locked shifts: it can be added now.
    db.ok(&[
        "assistant",
        "edit",
        "Per Hansen",
        "--employee-number",
        "1002",
    ]);
    let err = db.fails(&payroll, 1);
    assert!(err.contains("payroll.wage_type.ordinary"), "{err}");
    for (key, number) in [
        ("ordinary", "100"),
        ("evening_night", "210"),
        ("weekend", "220"),
        ("holiday", "230"),
        ("passive", "240"),
    ] {
        db.ok(&[
            "setting",
            "set",
            &format!("payroll.wage_type.{key}"),
            number,
        ]);
    }
    insta::assert_snapshot!("payroll_visma", db.ok(&payroll));
    insta::assert_snapshot!(
        "payroll_tripletex",
        db.ok(&[
            "export",
            "payroll",
            "--month",
            "2026-11",
            "--format",
            "tripletex"
        ])
    );
}

#[test]
fn an_approved_month_keeps_its_figures_when_the_settings_change() {
    let db = november();
    let paid = |db: &Db| {
        db.json(&[
            "export",
            "timesheet",
            "--assistant",
            "Kari Nordmann",
            "--month",
            "2026-11",
            "--format",
            "json",
        ])["totals"]["paid_minutes"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(
        paid(&db),
        1353,
        "the sleeping night paid by the one-third rule"
    );
    db.ok(&[
        "approve",
        "--assistant",
        "Kari Nordmann",
        "--month",
        "2026-11",
        "--yes",
    ]);
    db.ok(&["setting", "set", "payroll.sleeping_night", "clock"]);
    assert_eq!(paid(&db), 1353, "approved with the one-third rule");
    db.ok(&[
        "unapprove",
        "--assistant",
        "Kari Nordmann",
        "--month",
        "2026-11",
    ]);
    assert_eq!(paid(&db), 1710, "reopened, the rule in force now counts");
}
