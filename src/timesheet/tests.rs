//! The timesheet built from a store, and its four formats.

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::domain::people::Assistant;
use crate::domain::shift::ActivePeriod;
use crate::i18n::Lang;
use crate::store::{NewRecipient, ShiftFields};

fn at(m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

fn fields(
    who: AssistantId,
    start: NaiveDateTime,
    end: NaiveDateTime,
    kind: ShiftKind,
) -> ShiftFields {
    ShiftFields {
        assistant: Some(who),
        allocation: None,
        start,
        end,
        kind,
        note: String::new(),
        active: Vec::new(),
    }
}

/// Kari (named to try a spreadsheet) with four November shifts: a weekday,
/// a Saturday sleeping night with a call, one absent, and one that starts on
/// 31 October (October's).
fn sheet(name: &str) -> (Store, Timesheet) {
    let mut s = Store::open_in_memory().unwrap();
    let r = s
        .create_recipient(
            &NewRecipient {
                name: "Ola Nordmann".into(),
                representative: None,
            },
            None,
        )
        .unwrap();
    let kari = s
        .add_assistant(&Assistant {
            name: name.into(),
            employee_number: "1001".into(),
            active: true,
            ..Assistant::default()
        })
        .unwrap();
    s.add_shift_fields(
        r,
        &fields(
            kari,
            at(10, 31, 22, 0),
            at(11, 1, 8, 0),
            ShiftKind::Ordinary,
        ),
    )
    .unwrap();
    s.add_shift_fields(
        r,
        &fields(kari, at(11, 3, 8, 0), at(11, 3, 18, 0), ShiftKind::Ordinary),
    )
    .unwrap();
    let mut night = fields(
        kari,
        at(11, 7, 22, 0),
        at(11, 8, 8, 0),
        ShiftKind::SleepingNight,
    );
    night.active = vec![ActivePeriod {
        start: at(11, 8, 3, 0),
        end: at(11, 8, 3, 20),
    }];
    s.add_shift_fields(r, &night).unwrap();
    let gone = s
        .add_shift_fields(
            r,
            &fields(
                kari,
                at(11, 10, 8, 0),
                at(11, 10, 12, 0),
                ShiftKind::Ordinary,
            ),
        )
        .unwrap();
    s.mark_absent(gone, None).unwrap();
    let recipient = s.pick_recipient(None).unwrap();
    let month = Month::new(2026, 11).unwrap();
    let t = build(&s, &recipient, kari, month, Some(Agreement::Ks)).unwrap();
    (s, t)
}

#[test]
fn a_month_holds_the_shifts_that_start_in_it_with_hand_worked_figures() {
    let (_, t) = sheet("Kari Nordmann");
    assert_eq!(t.rows.len(), 3, "the night from 31 October is October's");
    // Tuesday 08–18: 600 clock and paid, 17–18 evening 60.
    assert_eq!(bucket_values(&t.rows[0].buckets), [600, 600, 0, 60, 0, 0]);
    // Saturday 22 – Sunday 08 sleeping night with a 20-minute call: passive
    // 580, paid round(580 / 3) = 193 + 30 = 223; night 22–06 = 480; weekend 600.
    assert_eq!(
        bucket_values(&t.rows[1].buckets),
        [600, 223, 580, 480, 600, 0]
    );
    // Absent: listed with its status and nothing counted.
    assert_eq!(t.rows[2].status, ShiftStatus::Absent);
    assert_eq!(bucket_values(&t.rows[2].buckets), [0; 6]);
    assert_eq!(bucket_values(&t.totals), [1200, 823, 580, 540, 600, 0]);
}

#[test]
fn json_has_the_documented_keys() {
    let (_, t) = sheet("Kari Nordmann");
    let v: serde_json::Value = serde_json::from_str(&json::write(&t).unwrap()).unwrap();
    for key in [
        "assistant",
        "employee_number",
        "month",
        "agreement",
        "shifts",
        "totals",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["month"], "2026-11");
    assert_eq!(v["shifts"][1]["kind"], "sleeping_night");
    assert_eq!(v["shifts"][1]["paid_minutes"], 223);
    assert_eq!(v["shifts"][1]["date"], "2026-11-07");
    for key in BUCKET_KEYS {
        assert!(v["totals"].get(key).is_some(), "{key}");
        assert!(v["shifts"][0].get(key).is_some(), "{key}");
    }
}

#[test]
fn csv_with_a_semicolon_writes_a_decimal_comma_and_reads_back() {
    let (_, t) = sheet("Kari Nordmann");
    let text = csv::write(&t, ';').unwrap();
    let mut r = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header[0], "id");
    assert_eq!(header[7], "paid_minutes");
    let rows: Vec<::csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 4, "three shifts and the total");
    assert_eq!(&rows[1][7], "223");
    assert_eq!(&rows[1][12], "3,72", "223 minutes");
    assert_eq!(&rows[3][1], "total");
    assert_eq!(&rows[3][12], "13,72", "823 minutes");
    assert!(csv::write(&t, ',').unwrap().contains(",13.72,"));
}

#[test]
fn a_formula_in_a_name_stays_text_in_csv_and_html() {
    let evil = "=HYPERLINK(\"http://x\",\"y\")";
    let (_, t) = sheet(evil);
    for d in [',', ';'] {
        let text = csv::write(&t, d).unwrap();
        for line in text.lines() {
            for cell in line.split(d) {
                let cell = cell.trim_start_matches('"');
                assert!(!cell.starts_with(['=', '+', '-', '@']), "{line}");
            }
        }
    }
    let page = html::write(&t, Lang::En);
    assert!(!page.contains("\"http://x\""), "quotes are escaped");
    assert!(page.contains("=HYPERLINK(&quot;http://x&quot;"));
    let (_, t) = sheet("<script>alert(1)</script>");
    let page = html::write(&t, Lang::Nb);
    assert!(!page.contains("<script>"));
    assert!(
        !page.contains("src=") && !page.contains("href="),
        "no external resource"
    );
    assert!(page.contains("size: A4 portrait"));
}

#[test]
fn text_names_the_columns_in_the_users_language() {
    let (_, t) = sheet("Kari Nordmann");
    let nb = text::write(&t, Lang::Nb);
    assert!(
        nb.contains("Kveld/natt") && nb.contains("november 2026"),
        "{nb}"
    );
    assert!(nb.contains("13:43"), "823 minutes: {nb}");
    let en = text::write(&t, Lang::En);
    assert!(
        en.contains("Evening/night") && en.contains("Arbeidsleder's signature"),
        "{en}"
    );
}

#[test]
fn hours_are_rounded_to_hundredths_by_hand() {
    for (minutes, text) in [
        (2250, "37.50"),
        (7, "0.12"),
        (1, "0.02"),
        (59, "0.98"),
        (0, "0.00"),
        (61, "1.02"),
    ] {
        assert_eq!(csv::hours(minutes, '.'), text, "{minutes}");
    }
}
