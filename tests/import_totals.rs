//! Property: importing a generated CSV and reporting gives the totals
//! computed straight from the CSV, with an independent time computation.

#![allow(clippy::unwrap_used)]

use bpa::domain::time::Week;
use bpa::i18n::Lang;
use bpa::store::{NewAllocation, NewRecipient, Store};
use bpa::summary::{Period, report};
use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Oslo;
use proptest::prelude::*;

fn utc_minutes(local: NaiveDateTime) -> Option<i64> {
    Oslo.from_local_datetime(&local)
        .earliest()
        .map(|t| t.timestamp() / 60)
}

/// Minutes of [start, end) inside the week, by plain UTC arithmetic.
fn expected_in_week(start: NaiveDateTime, end: NaiveDateTime, week: Week) -> i64 {
    let ws = utc_minutes(week.monday().and_hms_opt(0, 0, 0).unwrap()).unwrap();
    let we = utc_minutes(
        (week.monday() + Duration::days(7))
            .and_hms_opt(0, 0, 0)
            .unwrap(),
    )
    .unwrap();
    let (s, e) = (utc_minutes(start).unwrap(), utc_minutes(end).unwrap());
    (e.min(we) - s.max(ws)).max(0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn import_then_report_matches_the_csv(
        base_day in 0i64..365,
        rows in proptest::collection::vec((0i64..10, 0u32..24, prop_oneof![Just(0u32), Just(15), Just(30), Just(45)], 30i64..900), 1..12),
    ) {
        let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(base_day);
        let mut csv = String::from("date,start,end,assistant\n");
        let mut shifts = Vec::new();
        for (i, (day, h, m, len)) in rows.iter().enumerate() {
            let start = (first + Duration::days(*day)).and_hms_opt(*h, *m, 0).unwrap();
            let end = start + Duration::minutes(*len);
            // Each row its own assistant, so no two shifts overlap.
            let who = format!("Assistent {i}");
            csv += &format!("{},{},{},{}\n", start.date(), start.format("%H:%M"), end.format("%H:%M"), who);
            shifts.push((start, end, who));
        }
        let mut store = Store::open_in_memory().unwrap();
        let r = store
            .create_recipient(&NewRecipient { name: "Ola".into(), representative: None }, Some(&NewAllocation::new(2400, NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())))
            .unwrap();
        let parsed = bpa::shift_csv::parse(&csv, Lang::En);
        // Times in the skipped spring hour cannot be stored; the importer refuses them.
        let all_exist = shifts.iter().all(|(s, e, _)| utc_minutes(*s).is_some() && utc_minutes(*e).is_some());
        prop_assert_eq!(all_exist, parsed.is_ok());
        prop_assume!(all_exist);
        let parsed = parsed.unwrap();
        // The importer reads an end at or before the start as the next day, like `end` here
        // whenever the shift crosses midnight; anything else would differ from the CSV's meaning.
        for (row, (s, e, _)) in parsed.rows().iter().zip(&shifts) {
            prop_assert_eq!(row.start(), *s);
            prop_assert_eq!(row.end(), *e);
        }
        store.import_shifts(r, &parsed, &mut |_| {}).unwrap().unwrap();
        let mut week = Week::containing(first);
        while week.monday() <= first + Duration::days(11) {
            let rep = report(&store, r, Period::Week(week)).unwrap();
            let expected: i64 = shifts.iter().map(|(s, e, _)| expected_in_week(*s, *e, week)).sum();
            prop_assert_eq!(rep.figures.scheduled, expected);
            prop_assert_eq!(rep.figures.remaining(), rep.figures.allocated - expected);
            for (name, minutes) in &rep.assistants {
                let (s, e, _) = shifts.iter().find(|(_, _, w)| Some(w) == name.as_ref()).unwrap();
                prop_assert_eq!(*minutes, expected_in_week(*s, *e, week));
            }
            week = week.next();
        }
    }
}
