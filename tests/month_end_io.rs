//! Calendars, the whole database out and back in, and assistants from CSV,
//! through the binary on temporary databases.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Oslo;
use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};

mod common;

use common::Db;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const LONG_NAME: &str = "Kjærstin Åsmundsdøtter Ødegård-Bjørnstad Ærlighetsøy Søndre Grønnåsen";
const ODD_NAME: &str = "Per, Hansen; \\ backslash";

/// A recipient, two assistants, and nights across both DST changes.
fn with_shifts() -> Db {
    let db = Db::new();
    db.ok(&["init", "--recipient", "Ola Nordmann"]);
    db.ok(&["assistant", "add", LONG_NAME]);
    db.ok(&["assistant", "add", ODD_NAME]);
    for (date, start, end, who) in [
        ("2026-03-28", "22:00", "08:00", LONG_NAME),
        ("2026-10-24", "22:00", "08:00", LONG_NAME),
        ("2026-11-24", "08:00", "16:00", ODD_NAME),
    ] {
        db.ok(&[
            "shift",
            "add",
            "--assistant",
            who,
            "--date",
            date,
            "--start",
            start,
            "--end",
            end,
            "--kind",
            "awake-night",
        ]);
    }
    db.ok(&[
        "shift",
        "add",
        "--date",
        "2026-11-25",
        "--start",
        "09:00",
        "--end",
        "12:00",
    ]);
    db
}

fn ics(db: &Db, extra: &[&str]) -> String {
    let out = db.file("shifts.ics");
    let mut args = vec![
        "export",
        "ics",
        "--from",
        "2026-03-01",
        "--to",
        "2026-12-31",
        "-o",
        s(&out),
    ];
    args.extend_from_slice(extra);
    db.ok(&args);
    std::fs::read_to_string(out).unwrap()
}

fn oslo(date: (i32, u32, u32), h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(date.0, date.1, date.2)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn local_start_end(e: &icalendar::Event) -> (NaiveDateTime, NaiveDateTime) {
    let local = |d: Option<DatePerhapsTime>| match d {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
            assert_eq!(tzid, "Europe/Oslo");
            date_time
        }
        other => panic!("not a time in Europe/Oslo: {other:?}"),
    };
    (local(e.get_start()), local(e.get_end()))
}

#[test]
fn a_calendar_parses_with_oslo_times_across_both_dst_changes() {
    let db = with_shifts();
    let text = ics(&db, &[]);
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF only");
    assert!(text.contains("\r\n "), "the long name is folded");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }

    let raw = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&raw).unwrap();
    let tz = parsed
        .components
        .iter()
        .find(|c| c.name.as_str() == "VTIMEZONE")
        .expect("a VTIMEZONE");
    assert_eq!(tz.find_prop("TZID").unwrap().val.as_str(), "Europe/Oslo");
    let names: Vec<&str> = tz.components.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["DAYLIGHT", "STANDARD"]);

    let calendar: icalendar::Calendar = text.parse().unwrap();
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 4);
    let (march, october) = (local_start_end(events[0]), local_start_end(events[1]));
    assert_eq!(march, (oslo((2026, 3, 28), 22), oslo((2026, 3, 29), 8)));
    assert_eq!(october, (oslo((2026, 10, 24), 22), oslo((2026, 10, 25), 8)));
    let hours = |(a, b): (NaiveDateTime, NaiveDateTime)| {
        let a = Oslo.from_local_datetime(&a).single().unwrap();
        let b = Oslo.from_local_datetime(&b).single().unwrap();
        (b - a).num_hours()
    };
    assert_eq!(hours(march), 9, "spring forward: one hour less");
    assert_eq!(hours(october), 11, "fall back: one hour more");

    // Folding and escaping come back whole through an independent parser,
    // which unfolds lines and unescapes text.
    let summary = |e: &icalendar::Event| e.get_summary().unwrap().to_owned();
    assert_eq!(summary(events[0]), format!("{LONG_NAME} (våken natt)"));
    assert!(
        text.contains("SUMMARY:Per\\, Hansen\\; \\\\ backslash"),
        "{text}"
    );
    assert_eq!(summary(events[2]), format!("{ODD_NAME} (våken natt)"));
    assert_eq!(summary(events[3]), "Ledig vakt (ordinær)");
    assert!(
        events
            .iter()
            .all(|e| e.property_value("STATUS") == Some("CONFIRMED"))
    );
}

#[test]
fn the_recipient_shows_only_when_asked_and_uids_stay() {
    let db = with_shifts();
    let first = ics(&db, &[]);
    assert!(!first.contains("Ola"), "{first}");
    let second = ics(&db, &["--with-recipient"]);
    assert!(second.contains("hos Ola Nordmann"), "{second}");
    let uids = |t: &str| -> Vec<String> {
        t.lines()
            .filter_map(|l| l.strip_prefix("UID:"))
            .map(|u| u.trim_end().to_owned())
            .collect()
    };
    assert_eq!(uids(&first).len(), 4);
    assert_eq!(uids(&first), uids(&second));
    assert!(
        uids(&first)[0].starts_with("shift-1-"),
        "{:?}",
        uids(&first)
    );
    assert!(uids(&first)[0].ends_with("@bpa"));

    // An absent assistant's shift is cancelled, and its sequence rose.
    // (through the library: `bpa shift absent` comes with another change)
    let mut store = bpa::store::Store::open(&db.path).unwrap();
    store
        .mark_absent(bpa::domain::ids::ShiftId(3), None)
        .unwrap();
    drop(store);
    let third = ics(&db, &["--assistant", ODD_NAME]);
    assert_eq!(uids(&third), [uids(&first)[2].clone()]);
    assert!(third.contains("STATUS:CANCELLED"), "{third}");
    assert!(third.contains("SEQUENCE:1"), "{third}");
    let err = db.fails(&["export", "ics", "--assistant", "Nobody"], 1);
    assert!(err.contains("Nobody"), "{err}");
}

#[test]
fn everything_goes_out_and_back_in_with_the_same_figures() {
    let a = Db::new();
    a.ok(&["demo"]);
    a.ok(&["export", "ics"]); // makes the calendar token, which must travel
    let doc_a = a.file("a.json");
    a.ok(&["export", "json", "-o", s(&doc_a)]);

    let b = Db::new();
    let out = b.ok(&["import", "json", s(&doc_a)]);
    assert!(out.contains("Gjenopprettet"), "{out}");
    let doc_b = b.file("b.json");
    b.ok(&["export", "json", "-o", s(&doc_b)]);
    let read = |p: &Path| {
        let mut v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        assert_eq!(v["format"], "bpa-export");
        v.as_object_mut().unwrap().remove("exported_at").unwrap();
        v
    };
    let (va, vb) = (read(&doc_a), read(&doc_b));
    assert!(va["tables"]["shift"].as_array().unwrap().len() > 100);
    assert!(!va["tables"]["setting"].as_array().unwrap().is_empty());
    assert_eq!(va, vb);

    for args in [
        &["report", "month", "2026-11"][..],
        &["report", "month", "2026-10"],
        &["report", "week", "2026-W48"],
        &["report", "week", "2026-W40"],
        &[
            "report",
            "health",
            "--from",
            "2026-09-01",
            "--to",
            "2026-11-30",
            "--format",
            "json",
        ],
        &["export", "ics"],
    ] {
        assert_eq!(a.ok(args), b.ok(args), "{args:?}");
    }
    b.ok(&["verify"]);

    let err = a.fails(&["import", "json", s(&doc_b)], 1);
    assert!(err.contains("not empty"), "{err}");
}

#[test]
fn a_broken_document_is_refused_and_nothing_is_written() {
    let a = Db::new();
    a.ok(&["demo"]);
    let doc: serde_json::Value = a.json(&["export", "json"]);
    let b = Db::new();
    let empty = |db: &Db| {
        let now = db.json(&["export", "json"]);
        now["tables"]
            .as_object()
            .unwrap()
            .values()
            .all(|rows| rows.as_array().unwrap().is_empty())
    };
    let attempt = |name: &str, text: &str| {
        let p = b.file(name);
        std::fs::write(&p, text).unwrap();
        let err = b.fails(&["import", "json", s(&p)], 1);
        assert!(empty(&b), "{name}: something was written");
        err
    };
    let cut = doc.to_string();
    let err = attempt("cut.json", &cut[..cut.len() / 2]);
    assert!(err.contains("JSON"), "{err}");

    let mut newer = doc.clone();
    newer["schema_version"] = 99.into();
    let err = attempt("newer.json", &newer.to_string());
    assert!(err.contains("schema version 99"), "{err}");

    let mut other = doc.clone();
    other["format"] = "something-else".into();
    attempt("other.json", &other.to_string());

    let mut tampered = doc.clone();
    tampered["tables"]["audit_log"][0]["actor"] = "Mallory".into();
    let err = attempt("tampered.json", &tampered.to_string());
    assert!(err.contains("audit log"), "{err}");

    // A row that breaks a rule of the schema, late in the document.
    let mut bad_row = doc;
    bad_row["tables"]["shift"][5]["status"] = "napping".into();
    let err = attempt("bad_row.json", &bad_row.to_string());
    assert!(err.contains("table shift, row 6"), "{err}");
}

#[test]
fn assistants_come_from_csv_all_or_nothing_and_never_twice() {
    let db = Db::new();
    db.ok(&["init", "--recipient", "Ola Nordmann"]);
    db.ok(&["assistant", "add", "Åse Berg"]);
    let list = |db: &Db| db.json(&["assistant", "list", "--format", "json"]);

    let bad = db.file("bad.csv");
    std::fs::write(
        &bad,
        "name,phone,email,employee_number,police_certificate,confidentiality,contract\n\
         Kari Nordmann,900 00 000,kari@example.no,1001,2026-01-05,05.01.2026,\n\
         Per,,,,2026-13-01,,\n\
         ,,,,,,\n\
         ,41 00 00 00,,,,,\n\
         Eva,1,2\n",
    )
    .unwrap();
    let err = db.fails(&["import", "assistants", s(&bad)], 1);
    assert!(err.contains("ingenting ble importert"), "{err}");
    for line in ["linje 3:", "linje 5:", "linje 6:"] {
        assert!(err.contains(line), "{line}: {err}");
    }
    assert!(
        !err.contains("linje 2:") && !err.contains("linje 4:"),
        "{err}"
    );
    assert!(!err.contains('␊'), "one line per refused line: {err}");
    assert_eq!(list(&db).as_array().unwrap().len(), 1, "nothing stored");

    let good = db.file("good.csv");
    std::fs::write(
        &good,
        "name,phone,email,employee_number,police_certificate,confidentiality,contract\n\
         Kari Nordmann,900 00 000,kari@example.no,1001,2026-01-05,05.01.2026,2026-01-06\n\
         åse berg,,,,,,\n\
         Per Hansen,,,1002,,,\n\
         KARI NORDMANN,,,,,,\n",
    )
    .unwrap();
    let out = db.ok(&["import", "assistants", s(&good)]);
    assert!(
        out.contains("2 assistenter lagt til; 2 fantes fra før"),
        "{out}"
    );
    let all = list(&db);
    assert_eq!(all.as_array().unwrap().len(), 3);
    // The whole row, employee number included, as the JSON export has it.
    let kari = db.json(&["export", "json"])["tables"]["assistant"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Kari Nordmann")
        .unwrap()
        .to_string();
    for part in [
        "900 00 000",
        "kari@example.no",
        "1001",
        "2026-01-05",
        "2026-01-06",
    ] {
        assert!(kari.contains(part), "{part}: {kari}");
    }
    let again = db.ok(&["import", "assistants", s(&good), "--lang", "en"]);
    assert!(
        again.contains("0 assistants added; 4 already present"),
        "{again}"
    );
}
