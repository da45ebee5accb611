//! Each rule at its boundary, across week boundaries and the DST nights.

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::domain::allocation::tests::alloc;
use crate::domain::shift::{ShiftKind, ShiftStatus};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(day: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    day.and_hms_opt(h, m, 0).unwrap()
}

fn shift(id: i64, who: i64, start: NaiveDateTime, end: NaiveDateTime) -> Shift {
    Shift {
        id: ShiftId(id),
        assistant: Some(AssistantId(who)),
        allocation: None,
        start,
        end,
        actual_start: None,
        actual_end: None,
        kind: ShiftKind::Ordinary,
        status: ShiftStatus::Planned,
        note: String::new(),
        active: Vec::new(),
    }
}

fn ready(id: i64) -> Assistant {
    let day = Some(d(2020, 1, 1));
    Assistant {
        id: Some(AssistantId(id)),
        name: format!("A{id}"),
        police_certificate: day,
        confidentiality: day,
        contract: day,
        active: true,
        ..Assistant::default()
    }
}

fn rules_of(shifts: &[Shift]) -> Vec<Rule> {
    let range = DayRange::new(d(2026, 1, 1), d(2027, 1, 1));
    check(
        range,
        shifts,
        &[ready(1), ready(2)],
        &[],
        &Limits::default(),
    )
    .into_iter()
    .map(|f| f.rule)
    .collect()
}

#[test]
fn eleven_hours_of_rest_pass_and_ten_fifty_nine_warn() {
    let tue = d(2026, 11, 24);
    let wed = d(2026, 11, 25);
    let ok = [
        shift(1, 1, at(tue, 10, 0), at(tue, 21, 0)),
        shift(2, 1, at(wed, 8, 0), at(wed, 12, 0)),
    ];
    assert!(!rules_of(&ok).contains(&Rule::DailyRest));
    let short = [
        shift(1, 1, at(tue, 10, 0), at(tue, 21, 0)),
        shift(2, 1, at(wed, 7, 59), at(wed, 12, 0)),
    ];
    let findings = check(
        DayRange::inclusive(tue, wed),
        &short,
        &[ready(1)],
        &[],
        &Limits::default(),
    );
    let rest = findings.iter().find(|f| f.rule == Rule::DailyRest).unwrap();
    assert_eq!(
        rest.detail,
        Detail::DailyRest {
            rest: 659,
            required: 660,
            from_day: tue,
            to_day: wed
        }
    );
    assert_eq!(rest.date, wed);
    assert_eq!(rest.shift, Some(ShiftId(2)));
}

#[test]
fn a_split_shift_with_a_long_night_is_lawful() {
    let mon = d(2026, 11, 23);
    let tue = d(2026, 11, 24);
    let split = [
        shift(1, 1, at(mon, 8, 0), at(mon, 12, 0)),
        shift(2, 1, at(mon, 16, 0), at(mon, 21, 0)),
        shift(3, 1, at(tue, 8, 0), at(tue, 12, 0)),
    ];
    assert!(rules_of(&split).is_empty(), "{:?}", rules_of(&split));
}

#[test]
fn the_tariff_setting_allows_eight_hours() {
    let tue = d(2026, 11, 24);
    let wed = d(2026, 11, 25);
    let shifts = [
        shift(1, 1, at(tue, 14, 0), at(tue, 23, 0)),
        shift(2, 1, at(wed, 7, 0), at(wed, 12, 0)),
    ];
    let tariff = Limits {
        daily_rest: 8 * 60,
        ..Limits::default()
    };
    let range = DayRange::inclusive(tue, wed);
    assert!(
        check(range, &shifts, &[ready(1)], &[], &Limits::default())
            .iter()
            .any(|f| f.rule == Rule::DailyRest)
    );
    assert!(
        !check(range, &shifts, &[ready(1)], &[], &tariff)
            .iter()
            .any(|f| f.rule == Rule::DailyRest)
    );
}

#[test]
fn weekly_rest_across_the_week_boundary() {
    // Wednesday 18 – Sunday 22 November, 08–16; then Tuesday 24 at 03:00.
    let days = [18, 19, 20, 21, 22];
    let mut shifts: Vec<Shift> = days
        .iter()
        .map(|&n| {
            shift(
                i64::from(n),
                1,
                at(d(2026, 11, n), 8, 0),
                at(d(2026, 11, n), 16, 0),
            )
        })
        .collect();
    shifts.push(shift(
        99,
        1,
        at(d(2026, 11, 24), 3, 0),
        at(d(2026, 11, 24), 11, 0),
    ));
    assert!(
        !rules_of(&shifts).contains(&Rule::WeeklyRest),
        "35 h from Sunday 16:00 to Tuesday 03:00"
    );
    shifts.last_mut().unwrap().start = at(d(2026, 11, 24), 2, 59);
    assert!(
        rules_of(&shifts).contains(&Rule::WeeklyRest),
        "34 h 59 min is too little"
    );
}

#[test]
fn working_every_day_breaks_the_weekly_rest_once_per_window() {
    let shifts: Vec<Shift> = (0..10)
        .map(|i| {
            let day = d(2026, 11, 16) + chrono::Duration::days(i);
            shift(i, 1, at(day, 8, 0), at(day, 20, 0))
        })
        .collect();
    let weekly = rules_of(&shifts)
        .into_iter()
        .filter(|r| *r == Rule::WeeklyRest)
        .count();
    assert_eq!(weekly, 1);
}

#[test]
fn thirteen_hours_pass_and_a_minute_more_warns() {
    let day = d(2026, 11, 24);
    assert!(!rules_of(&[shift(1, 1, at(day, 8, 0), at(day, 21, 0))]).contains(&Rule::WorkIn24h));
    assert!(rules_of(&[shift(1, 1, at(day, 8, 0), at(day, 21, 1))]).contains(&Rule::WorkIn24h));
}

#[test]
fn the_dst_nights_count_real_hours() {
    // Spring: Saturday 28 March 20:00 → Sunday 10:00 is 13 h elapsed: lawful.
    assert!(
        !rules_of(&[shift(
            1,
            1,
            at(d(2026, 3, 28), 20, 0),
            at(d(2026, 3, 29), 10, 0)
        )])
        .contains(&Rule::WorkIn24h)
    );
    // The same wall-clock shift a week later is 14 h.
    assert!(
        rules_of(&[shift(
            1,
            1,
            at(d(2026, 4, 4), 20, 0),
            at(d(2026, 4, 5), 10, 0)
        )])
        .contains(&Rule::WorkIn24h)
    );
    // Autumn: 23:00 → 09:00 across the change is 11 h of rest.
    let autumn = [
        shift(1, 1, at(d(2026, 10, 24), 14, 0), at(d(2026, 10, 24), 23, 0)),
        shift(2, 1, at(d(2026, 10, 25), 9, 0), at(d(2026, 10, 25), 12, 0)),
    ];
    assert!(!rules_of(&autumn).contains(&Rule::DailyRest));
    // Spring: 23:00 → 10:00 across the change is only 10 h.
    let spring = [
        shift(1, 1, at(d(2026, 3, 28), 14, 0), at(d(2026, 3, 28), 23, 0)),
        shift(2, 1, at(d(2026, 3, 29), 10, 0), at(d(2026, 3, 29), 12, 0)),
    ];
    assert!(rules_of(&spring).contains(&Rule::DailyRest));
}

#[test]
fn overlaps_are_errors_and_other_assistants_do_not_clash() {
    let day = d(2026, 11, 24);
    let both = [
        shift(1, 1, at(day, 8, 0), at(day, 16, 0)),
        shift(2, 1, at(day, 15, 0), at(day, 18, 0)),
    ];
    let findings = check(
        DayRange::inclusive(day, day),
        &both,
        &[ready(1)],
        &[],
        &Limits::default(),
    );
    let overlap = findings.iter().find(|f| f.rule == Rule::Overlap).unwrap();
    assert!(overlap.rule.is_error());
    assert_eq!(overlap.shift, Some(ShiftId(2)));
    let two_people = [
        shift(1, 1, at(day, 8, 0), at(day, 16, 0)),
        shift(2, 2, at(day, 15, 0), at(day, 18, 0)),
    ];
    assert!(!rules_of(&two_people).contains(&Rule::Overlap));
}

#[test]
fn not_ready_inactive_and_outside_employment() {
    let day = d(2026, 11, 24);
    let mut a = ready(1);
    a.police_certificate = None;
    a.active = false;
    a.end_date = Some(d(2026, 11, 1));
    let findings = check(
        DayRange::inclusive(day, day),
        &[shift(1, 1, at(day, 8, 0), at(day, 12, 0))],
        &[a],
        &[],
        &Limits::default(),
    );
    let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
    assert_eq!(
        rules,
        vec![Rule::NotReady, Rule::Inactive, Rule::OutsideEmployment]
    );
    assert_eq!(
        findings[0].detail,
        Detail::NotReady {
            missing: vec![Missing::PoliceCertificate]
        }
    );
}

#[test]
fn weekly_limit_and_over_allocation() {
    let monday = d(2026, 11, 23);
    let shifts: Vec<Shift> = (0..5)
        .map(|i| {
            let day = monday + chrono::Duration::days(i);
            shift(i, 1, at(day, 8, 0), at(day, 17, 0))
        })
        .collect();
    let range = Week::containing(monday).days();
    let findings = check(
        range,
        &shifts,
        &[ready(1)],
        &[alloc(1, 40, d(2026, 1, 1), None)],
        &Limits::default(),
    );
    let limit = findings
        .iter()
        .find(|f| f.rule == Rule::WeeklyLimit)
        .unwrap();
    assert_eq!(
        limit.detail,
        Detail::WeeklyLimit {
            week: Week::containing(monday),
            work: 45 * 60,
            limit: 40 * 60
        }
    );
    let over = findings
        .iter()
        .find(|f| f.rule == Rule::OverAllocation)
        .unwrap();
    assert_eq!(
        over.detail,
        Detail::OverAllocation {
            week: Week::containing(monday),
            over: 300
        }
    );
}
