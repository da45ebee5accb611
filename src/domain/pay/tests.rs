//! The buckets against hand-worked tables and against a second,
//! minute-by-minute implementation written from the rules' wording.

#![allow(
    clippy::many_single_char_names,
    clippy::manual_range_contains,
    clippy::single_match_else
)]

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};
use chrono_tz::Europe::Oslo;

use super::*;
use crate::domain::holidays::holidays;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

fn ordinary(start: NaiveDateTime, end: NaiveDateTime, a: Agreement) -> Buckets {
    buckets(
        start,
        end,
        ShiftKind::Ordinary,
        &[],
        a,
        SleepingNightRule::Third,
    )
    .unwrap()
}

/// (evening/night, weekend, holiday) of an ordinary shift.
fn supplements(start: NaiveDateTime, end: NaiveDateTime, a: Agreement) -> (i64, i64, i64) {
    let b = ordinary(start, end, a);
    (
        b.evening_night_minutes,
        b.weekend_minutes,
        b.holiday_minutes,
    )
}

// ---- The oracle: one real minute at a time, classified from the rules'
// words, with no window arithmetic shared with the code under test.

fn public_holiday(d: NaiveDate) -> bool {
    holidays(d.year()).iter().any(|(h, _)| *h == d)
}

fn sunday_or_holiday(d: NaiveDate) -> bool {
    d.weekday() == Weekday::Sun || public_holiday(d)
}

/// Easter Saturday, Whitsun Eve, Christmas Eve, found by looking at the
/// next day's holiday name rather than by date arithmetic.
fn great_eve(d: NaiveDate) -> bool {
    use crate::domain::holidays::Holiday::{EasterSunday, WhitSunday};
    let next = d.succ_opt().unwrap();
    let named = holidays(next.year())
        .into_iter()
        .find(|(h, _)| *h == next)
        .map(|(_, n)| n);
    matches!(named, Some(EasterSunday | WhitSunday)) || (d.month() == 12 && d.day() == 24)
}

fn wednesday_before_maundy(d: NaiveDate) -> bool {
    use crate::domain::holidays::Holiday::MaundyThursday;
    let next = d.succ_opt().unwrap();
    holidays(next.year()).contains(&(next, MaundyThursday))
}

/// Is the local minute `t` (wall clock) in each bucket?
fn classify(t: NaiveDateTime, a: Agreement) -> (bool, bool, bool) {
    let day = t.date();
    let minute = t.hour() * 60 + t.minute();
    let night = match a {
        Agreement::Aml => minute >= 21 * 60 || minute < 6 * 60,
        _ => minute >= 17 * 60 || minute < 6 * 60,
    };
    let weekend = a != Agreement::Aml && matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
    let holiday = match a {
        Agreement::Aml => {
            let next = day.succ_opt().unwrap();
            if sunday_or_holiday(day) {
                sunday_or_holiday(next) || minute < 22 * 60
            } else if sunday_or_holiday(next) {
                minute >= if great_eve(day) { 15 * 60 } else { 18 * 60 }
            } else {
                false
            }
        }
        _ => {
            let eve = great_eve(day)
                || wednesday_before_maundy(day)
                || (day.month() == 12 && day.day() == 31);
            public_holiday(day) || (eve && minute >= 12 * 60)
        }
    };
    (night, weekend, holiday)
}

fn oracle(start: NaiveDateTime, end: NaiveDateTime, a: Agreement) -> (i64, i64, i64, i64) {
    use chrono::TimeZone;
    let first = Oslo.from_local_datetime(&start).earliest().unwrap();
    let last = Oslo.from_local_datetime(&end).earliest().unwrap();
    let mut t = first;
    let (mut clock, mut n, mut w, mut h) = (0, 0, 0, 0);
    while t < last {
        let local = t.naive_local();
        let (is_n, is_w, is_h) = classify(local, a);
        clock += 1;
        n += i64::from(is_n);
        w += i64::from(is_w);
        h += i64::from(is_h);
        t += chrono::Duration::minutes(1);
    }
    (clock, n, w, h)
}

fn check_against_oracle(start: NaiveDateTime, end: NaiveDateTime) {
    for a in Agreement::ALL {
        let b = ordinary(start, end, a);
        let got = (
            b.clock_minutes,
            b.evening_night_minutes,
            b.weekend_minutes,
            b.holiday_minutes,
        );
        assert_eq!(got, oracle(start, end, a), "{start} → {end} under {a:?}");
    }
}

// ---- Hand-worked tables.

#[test]
fn evening_and_night_boundaries_by_hand() {
    // Tuesday 3 November 2026, an ordinary weekday.
    let table = [
        // start, end, ks evening/night, aml evening/night
        ((16, 59), (17, 0), 0, 0),
        ((17, 0), (17, 1), 1, 0),
        ((16, 0), (18, 0), 60, 0),
        ((20, 59), (21, 1), 2, 1),
        ((5, 59), (6, 0), 1, 1),
        ((6, 0), (6, 1), 0, 0),
        ((8, 0), (16, 0), 0, 0),
    ];
    for ((h0, m0), (h1, m1), ks, aml) in table {
        let (s, e) = (at(2026, 11, 3, h0, m0), at(2026, 11, 3, h1, m1));
        assert_eq!(supplements(s, e, Agreement::Ks).0, ks, "{s}");
        assert_eq!(supplements(s, e, Agreement::Virke).0, ks, "{s}");
        assert_eq!(supplements(s, e, Agreement::Aml).0, aml, "{s}");
        check_against_oracle(s, e);
    }
}

#[test]
fn friday_night_into_saturday_by_hand() {
    // Friday 6 November 2026 23:00 → Saturday 01:00.
    let (s, e) = (at(2026, 11, 6, 23, 0), at(2026, 11, 7, 1, 0));
    // Night all 120 minutes; the weekend starts at 00:00; no holiday.
    assert_eq!(supplements(s, e, Agreement::Ks), (120, 60, 0));
    // aml: no weekend bucket; Saturday before Sunday is holiday from 18:00.
    assert_eq!(supplements(s, e, Agreement::Aml), (120, 0, 0));
    // Friday 23:59 → Saturday 00:01.
    let (s, e) = (at(2026, 11, 6, 23, 59), at(2026, 11, 7, 0, 1));
    assert_eq!(supplements(s, e, Agreement::Ks), (2, 1, 0));
    check_against_oracle(s, e);
}

#[test]
fn a_saturday_night_under_each_agreement_by_hand() {
    // Saturday 7 November 2026 22:00 → Sunday 08:00 (600 minutes).
    let (s, e) = (at(2026, 11, 7, 22, 0), at(2026, 11, 8, 8, 0));
    // ks: night 22–06 = 480; weekend all 600; an ordinary Sunday is no holiday.
    assert_eq!(supplements(s, e, Agreement::Ks), (480, 600, 0));
    assert_eq!(supplements(s, e, Agreement::Virke), (480, 600, 0));
    // aml: night 22–06 = 480; no weekend; holiday from Saturday 18:00 on,
    // so all 600 minutes (Sunday until 22:00).
    assert_eq!(supplements(s, e, Agreement::Aml), (480, 0, 600));
    check_against_oracle(s, e);
}

#[test]
fn easter_eves_by_hand() {
    // 2026: Maundy Thursday 2 April, so the Wednesday before is 1 April.
    let (s, e) = (at(2026, 4, 1, 11, 0), at(2026, 4, 1, 13, 0));
    assert_eq!(supplements(s, e, Agreement::Ks).2, 60, "from 12:00");
    assert_eq!(
        supplements(s, e, Agreement::Aml).2,
        0,
        "aml has no such eve"
    );
    let (s, e) = (at(2026, 4, 1, 11, 59), at(2026, 4, 1, 12, 1));
    assert_eq!(supplements(s, e, Agreement::Ks).2, 1);
    // Easter Saturday 4 April 14:00–16:00: ks from 12:00 (120), aml from 15:00 (60).
    let (s, e) = (at(2026, 4, 4, 14, 0), at(2026, 4, 4, 16, 0));
    assert_eq!(supplements(s, e, Agreement::Ks).2, 120);
    assert_eq!(supplements(s, e, Agreement::Aml).2, 60);
    // Easter Monday 6 April 21:00–23:00: a holiday all day under ks; aml ends at 22:00.
    let (s, e) = (at(2026, 4, 6, 21, 0), at(2026, 4, 6, 23, 0));
    assert_eq!(supplements(s, e, Agreement::Ks).2, 120);
    assert_eq!(supplements(s, e, Agreement::Aml).2, 60);
    check_against_oracle(at(2026, 3, 31, 0, 0), at(2026, 4, 7, 0, 0));
}

#[test]
fn new_years_eve_into_new_years_day_by_hand() {
    // Thursday 31 December 2026 20:00 → Friday 1 January 2027 08:00 (720 min).
    let (s, e) = (at(2026, 12, 31, 20, 0), at(2027, 1, 1, 8, 0));
    // ks: holiday all 720 (the eve from 12:00, then New Year's Day);
    // night 20–06 = 600; not a weekend.
    assert_eq!(supplements(s, e, Agreement::Ks), (600, 0, 720));
    // aml: night 21–06 = 540; holiday from 18:00 on the 31st to 22:00 on
    // the 1st: all 720 minutes.
    assert_eq!(supplements(s, e, Agreement::Aml), (540, 0, 720));
    check_against_oracle(s, e);
}

#[test]
fn christmas_eve_under_aml_starts_at_three() {
    // Thursday 24 December 2026 14:00–16:00.
    let (s, e) = (at(2026, 12, 24, 14, 0), at(2026, 12, 24, 16, 0));
    assert_eq!(supplements(s, e, Agreement::Aml).2, 60);
    assert_eq!(supplements(s, e, Agreement::Ks).2, 120);
    // The 25th, 26th and Sunday 27th run together: aml holiday lasts to
    // 22:00 on the 27th.
    let (s, e) = (at(2026, 12, 27, 21, 0), at(2026, 12, 27, 23, 0));
    assert_eq!(supplements(s, e, Agreement::Aml).2, 60);
    check_against_oracle(at(2026, 12, 23, 0, 0), at(2026, 12, 29, 0, 0));
}

#[test]
fn nights_across_the_clock_changes_count_their_true_length() {
    // Spring: Saturday 28 → Sunday 29 March 2026, 22:00–08:00 is 9 hours.
    let spring = ordinary(at(2026, 3, 28, 22, 0), at(2026, 3, 29, 8, 0), Agreement::Ks);
    assert_eq!(spring.clock_minutes, 540);
    // Night 22:00–06:00 wall clock is 7 real hours that night.
    assert_eq!(spring.evening_night_minutes, 420);
    assert_eq!(spring.weekend_minutes, 540);
    // Autumn: Saturday 24 → Sunday 25 October 2026 is 11 hours.
    let autumn = ordinary(
        at(2026, 10, 24, 22, 0),
        at(2026, 10, 25, 8, 0),
        Agreement::Ks,
    );
    assert_eq!(autumn.clock_minutes, 660);
    assert_eq!(autumn.evening_night_minutes, 540);
    check_against_oracle(at(2026, 3, 28, 22, 0), at(2026, 3, 29, 8, 0));
    check_against_oracle(at(2026, 10, 24, 22, 0), at(2026, 10, 25, 8, 0));
}

#[test]
fn the_sleeping_night_rule_by_hand() {
    // 600 minutes, no calls: a third, 200.
    assert_eq!(sleeping_night_paid(600, &[]), 200);
    // One 1-minute call: round(599 / 3) = 200, plus 30 = 230.
    assert_eq!(sleeping_night_paid(600, &[1]), 230);
    // One 31-minute call: round(569 / 3) = 190, plus 60 = 250.
    assert_eq!(sleeping_night_paid(600, &[31]), 250);
    // 30 minutes exactly is one half hour: round(570 / 3) = 190 + 30.
    assert_eq!(sleeping_night_paid(600, &[30]), 220);
    // The one-third boundary: 199 active minutes is below a third of 600 …
    // round(401 / 3) = 134, plus 30 × 7 = 210 → 344.
    assert_eq!(sleeping_night_paid(600, &[199]), 344);
    // … and 200 is a third: the whole shift.
    assert_eq!(sleeping_night_paid(600, &[200]), 600);
    assert_eq!(sleeping_night_paid(600, &[100, 100]), 600);
    // Many short calls never pay more than the shift.
    assert_eq!(sleeping_night_paid(600, &[1; 150]), 600);
}

#[test]
fn a_sleeping_night_with_calls_through_buckets() {
    let (s, e) = (at(2026, 11, 3, 22, 0), at(2026, 11, 4, 8, 0));
    let calls = [
        ActivePeriod {
            start: at(2026, 11, 4, 1, 10),
            end: at(2026, 11, 4, 1, 40),
        },
        ActivePeriod {
            start: at(2026, 11, 4, 3, 0),
            end: at(2026, 11, 4, 3, 20),
        },
    ];
    let b = buckets(
        s,
        e,
        ShiftKind::SleepingNight,
        &calls,
        Agreement::Ks,
        SleepingNightRule::Third,
    )
    .unwrap();
    // Active 50; passive 550; round(550 / 3) = 183; calls 30 + 30 = 60.
    assert_eq!(
        (b.clock_minutes, b.passive_minutes, b.paid_minutes),
        (600, 550, 243)
    );
    let clock = buckets(
        s,
        e,
        ShiftKind::SleepingNight,
        &calls,
        Agreement::Ks,
        SleepingNightRule::Clock,
    )
    .unwrap();
    assert_eq!((clock.paid_minutes, clock.passive_minutes), (600, 550));
    // An awake night is paid in full and has no passive time.
    let awake = buckets(
        s,
        e,
        ShiftKind::AwakeNight,
        &[],
        Agreement::Ks,
        SleepingNightRule::Third,
    )
    .unwrap();
    assert_eq!((awake.paid_minutes, awake.passive_minutes), (600, 0));
}

#[test]
fn codes_round_trip() {
    for a in Agreement::ALL {
        assert_eq!(Agreement::from_code(a.code()), Some(a));
    }
    assert_eq!(Agreement::from_code("KS"), Some(Agreement::Ks));
    assert_eq!(Agreement::from_code("nho"), None);
    for r in [SleepingNightRule::Third, SleepingNightRule::Clock] {
        assert_eq!(SleepingNightRule::from_code(r.code()), Some(r));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// Any shift of up to 40 hours starting anywhere in 2024–2028 (DST
    /// nights, Easter, Christmas and New Year included) agrees with the
    /// minute-by-minute oracle under every agreement.
    #[test]
    fn buckets_agree_with_the_minute_by_minute_oracle(
        day in 0i64..(5 * 366),
        start_minute in 0u32..(24 * 60),
        length in 1i64..(40 * 60),
    ) {
        let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(day);
        let start = base.and_hms_opt(start_minute / 60, start_minute % 60, 0).unwrap();
        let end = start + chrono::Duration::minutes(length);
        // Times in the skipped spring hour cannot be shifts' ends.
        if crate::domain::time::instant_minutes(start).is_ok()
            && crate::domain::time::instant_minutes(end).is_ok()
        {
            check_against_oracle(start, end);
        }
    }
}

#[test]
fn the_holiday_weeks_agree_with_the_oracle_hour_by_hour() {
    // Every hour-long and day-long shift around Easter, Whitsun, 17 May,
    // Christmas and New Year 2026–2027.
    let spans = [
        (at(2026, 3, 30, 0, 0), 10),
        (at(2026, 5, 13, 0, 0), 13),
        (at(2026, 12, 22, 0, 0), 12),
        (at(2027, 3, 22, 0, 0), 8),
    ];
    for (first, days) in spans {
        for h in 0..(days * 24) {
            let s = first + chrono::Duration::hours(h);
            let day_long = (h % 6 == 0).then(|| s + chrono::Duration::hours(24));
            for e in std::iter::once(s + chrono::Duration::hours(1)).chain(day_long) {
                // 02:00 on the spring night does not exist.
                let exists = |t| crate::domain::time::instant_minutes(t).is_ok();
                if exists(s) && exists(e) {
                    check_against_oracle(s, e);
                }
            }
        }
    }
}
