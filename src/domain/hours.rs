//! Hours accounting: allocated, scheduled, worked and remaining minutes for
//! any range of days (a week, a month, a flex period), and the flex balance.
//!
//! A shift counts in a range for the minutes of it that fall inside the range,
//! so a night across Sunday→Monday is split between two weeks and the parts
//! always add up to the whole shift.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::allocation::{Allocation, in_force};
use super::ids::{AllocationId, AssistantId};
use super::shift::{Shift, ShiftStatus};
use super::time::{DayRange, day_start, instant_minutes};

/// The figures of one range of days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub allocated: i64,
    /// Every shift not cancelled or absent, as charged to the allocation.
    pub scheduled: i64,
    /// Shifts marked worked.
    pub worked: i64,
    /// Charged minutes per assistant (`None`: open shifts), largest first.
    pub per_assistant: Vec<(Option<AssistantId>, i64)>,
}

impl Figures {
    /// Allocated minus scheduled; negative when over the allocation.
    pub fn remaining(&self) -> i64 {
        self.allocated - self.scheduled
    }
}

/// Real minutes of `[start, end)` that fall inside `range`.
pub fn minutes_within(start: NaiveDateTime, end: NaiveDateTime, range: DayRange) -> i64 {
    let from = start.max(day_start(range.start));
    let to = end.min(day_start(range.end));
    if to <= from {
        return 0;
    }
    match (instant_minutes(from), instant_minutes(to)) {
        (Ok(a), Ok(b)) => (b - a).max(0),
        _ => 0,
    }
}

/// The allocation `shift` is charged to.
pub fn charged_to<'a>(shift: &Shift, allocations: &'a [Allocation]) -> Option<&'a Allocation> {
    match shift.allocation {
        Some(id) => allocations.iter().find(|a| a.id == id),
        None => in_force(allocations, shift.start.date()),
    }
}

/// Minutes `shift` uses of its allocation inside `range` (0 when it does not count).
///
/// The kind's factor is rounded cumulatively from the shift's start, so the
/// parts of a shift split over weeks or months add up to the whole shift's
/// charge, to the minute, whatever the factor.
pub fn charged_minutes(shift: &Shift, allocations: &[Allocation], range: DayRange) -> i64 {
    if !shift.status.counts() {
        return 0;
    }
    let (start, end) = shift.counted_times();
    let from = start.max(day_start(range.start));
    let to = end.min(day_start(range.end));
    if to <= from {
        return 0;
    }
    let (Ok(origin), Ok(a), Ok(b)) = (
        instant_minutes(start),
        instant_minutes(from),
        instant_minutes(to),
    ) else {
        return 0;
    };
    let factors = charged_to(shift, allocations)
        .map(|a| a.factors)
        .unwrap_or_default();
    factors.charge(shift.kind, b - origin) - factors.charge(shift.kind, (a - origin).max(0))
}

/// The figures for `range`, from every allocation and shift of one recipient.
pub fn figures(range: DayRange, allocations: &[Allocation], shifts: &[Shift]) -> Figures {
    let allocated = allocations.iter().map(|a| a.allocated_minutes(range)).sum();
    let mut scheduled = 0;
    let mut worked = 0;
    let mut per: BTreeMap<Option<AssistantId>, i64> = BTreeMap::new();
    for shift in shifts {
        let minutes = charged_minutes(shift, allocations, range);
        if minutes == 0 {
            continue;
        }
        scheduled += minutes;
        if shift.status == ShiftStatus::Worked {
            worked += minutes;
        }
        *per.entry(shift.assistant).or_default() += minutes;
    }
    let mut per_assistant: Vec<_> = per.into_iter().collect();
    per_assistant.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Figures {
        allocated,
        scheduled,
        worked,
        per_assistant,
    }
}

/// Where an allocation with a flex period stands at the end of a week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlexStatus {
    pub allocation: AllocationId,
    /// The flex period, clipped to the allocation.
    pub period: DayRange,
    /// Allocated minus scheduled from the period's start to the end of the
    /// week: positive is saved, negative overdrawn.
    pub balance: i64,
    /// Allocated for the whole period minus everything scheduled in it.
    pub left_in_period: i64,
}

/// The flex status of `allocation` at the end of `range` (a week or a
/// month); `None` when the allocation has no flex period or does not cover
/// the range.
///
/// `shifts` must hold at least the shifts of the flex period.
pub fn flex_status(
    allocation: &Allocation,
    all: &[Allocation],
    shifts: &[Shift],
    range: DayRange,
) -> Option<FlexStatus> {
    let last_day = last_covered_day(allocation, range)?;
    let period = allocation.flex_period_containing(last_day)?;
    let to_date = DayRange::inclusive(period.start, last_day);
    let mine: Vec<&Shift> = shifts
        .iter()
        .filter(|s| charged_to(s, all).is_some_and(|a| a.id == allocation.id))
        .collect();
    let used = |range: DayRange| -> i64 {
        mine.iter()
            .map(|s| charged_minutes(s, all, range))
            .sum::<i64>()
    };
    Some(FlexStatus {
        allocation: allocation.id,
        period,
        balance: allocation.allocated_minutes(to_date) - used(to_date),
        left_in_period: allocation.allocated_minutes(period) - used(period),
    })
}

/// The flex status of every flex allocation at the end of `range`.
pub fn flex_statuses(
    allocations: &[Allocation],
    shifts: &[Shift],
    range: DayRange,
) -> Vec<FlexStatus> {
    allocations
        .iter()
        .filter_map(|a| flex_status(a, allocations, shifts, range))
        .collect()
}

/// The days that must be loaded to compute the figures and flex status of
/// `range`: the range itself joined with the flex periods at its end.
pub fn days_needed(allocations: &[Allocation], range: DayRange) -> DayRange {
    let mut needed = range;
    for a in allocations {
        if let Some(day) = last_covered_day(a, range)
            && let Some(p) = a.flex_period_containing(day)
        {
            needed = DayRange::new(needed.start.min(p.start), needed.end.max(p.end));
        }
    }
    needed
}

fn last_covered_day(allocation: &Allocation, range: DayRange) -> Option<NaiveDate> {
    range.intersect(allocation.days()).map(DayRange::last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::allocation::FlexPeriod;
    use crate::domain::allocation::tests::{alloc, d};
    use crate::domain::ids::ShiftId;
    use crate::domain::shift::ShiftKind;
    use crate::domain::time::{Month, Week};
    use proptest::prelude::*;

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

    fn at(day: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
        day.and_hms_opt(h, m, 0).unwrap()
    }

    fn week(y: i32, w: u32) -> Week {
        Week::new(y, w).unwrap()
    }

    #[test]
    fn a_night_across_sunday_to_monday_is_split_between_weeks() {
        // Sunday 29 November 22:00 → Monday 30 November 07:00.
        let s = shift(1, 1, at(d(2026, 11, 29), 22, 0), at(d(2026, 11, 30), 7, 0));
        let a = [alloc(1, 40, d(2026, 1, 1), None)];
        let w48 = figures(week(2026, 48).days(), &a, std::slice::from_ref(&s));
        let w49 = figures(week(2026, 49).days(), &a, &[s]);
        assert_eq!(w48.scheduled, 120);
        assert_eq!(w49.scheduled, 420);
        assert_eq!(w48.remaining(), 2400 - 120);
    }

    #[test]
    fn new_year_into_week_53_and_out_of_it() {
        let a = [alloc(1, 40, d(2026, 1, 1), None)];
        // Sunday 27 Dec 2026 (week 52) 20:00 → Monday 28 Dec (week 53) 08:00.
        let into = shift(1, 1, at(d(2026, 12, 27), 20, 0), at(d(2026, 12, 28), 8, 0));
        // Sunday 3 Jan 2027 (week 53) 22:00 → Monday 4 Jan (2027 week 1) 06:00.
        let out = shift(2, 1, at(d(2027, 1, 3), 22, 0), at(d(2027, 1, 4), 6, 0));
        // New Year's Eve 31 Dec 20:00 → 1 Jan 04:00, inside week 53.
        let eve = shift(3, 2, at(d(2026, 12, 31), 20, 0), at(d(2027, 1, 1), 4, 0));
        let all = [into, out, eve];
        assert_eq!(figures(week(2026, 52).days(), &a, &all).scheduled, 240);
        assert_eq!(
            figures(week(2026, 53).days(), &a, &all).scheduled,
            480 + 120 + 480
        );
        assert_eq!(figures(week(2027, 1).days(), &a, &all).scheduled, 360);
        // The eve is split between the months December and January.
        let dec = Month::new(2026, 12).unwrap().days();
        let jan = Month::new(2027, 1).unwrap().days();
        assert_eq!(charged_minutes(&all[2], &a, dec), 240);
        assert_eq!(charged_minutes(&all[2], &a, jan), 240);
    }

    #[test]
    fn both_dst_nights() {
        let a = [alloc(1, 40, d(2026, 1, 1), None)];
        let spring = shift(1, 1, at(d(2026, 3, 28), 22, 0), at(d(2026, 3, 29), 8, 0));
        let autumn = shift(2, 1, at(d(2026, 10, 24), 22, 0), at(d(2026, 10, 25), 8, 0));
        assert_eq!(figures(week(2026, 13).days(), &a, &[spring]).scheduled, 540);
        assert_eq!(figures(week(2026, 43).days(), &a, &[autumn]).scheduled, 660);
    }

    #[test]
    fn the_29th_of_february() {
        let a = [alloc(1, 35, d(2028, 1, 1), None)];
        let leap = shift(1, 1, at(d(2028, 2, 29), 20, 0), at(d(2028, 3, 1), 2, 0));
        let feb = Month::new(2028, 2).unwrap().days();
        let mar = Month::new(2028, 3).unwrap().days();
        assert_eq!(figures(feb, &a, std::slice::from_ref(&leap)).scheduled, 240);
        assert_eq!(figures(mar, &a, &[leap]).scheduled, 120);
        // 29 days at 5 h a day.
        assert_eq!(figures(feb, &a, &[]).allocated, 29 * 300);
    }

    #[test]
    fn an_allocation_that_changes_mid_week() {
        // 35 h/week until Wednesday 25 Nov, 42 h/week from Thursday 26 Nov 2026.
        let a = [
            alloc(1, 35, d(2026, 1, 1), Some(d(2026, 11, 25))),
            alloc(2, 42, d(2026, 11, 26), None),
        ];
        let f = figures(week(2026, 48).days(), &a, &[]);
        assert_eq!(f.allocated, 3 * 300 + 4 * 360);
    }

    #[test]
    fn the_sleeping_night_factor() {
        let mut a = alloc(1, 40, d(2026, 1, 1), None);
        a.factors.sleeping_night = 333; // a third
        let mut night = shift(1, 1, at(d(2026, 11, 24), 22, 0), at(d(2026, 11, 25), 7, 0));
        night.kind = ShiftKind::SleepingNight;
        let day = shift(2, 2, at(d(2026, 11, 25), 8, 0), at(d(2026, 11, 25), 16, 0));
        let f = figures(week(2026, 48).days(), &[a], &[night, day]);
        // 540 minutes × 0.333 = 179.8 → 180, plus 480 ordinary.
        assert_eq!(f.scheduled, 180 + 480);
        assert_eq!(
            f.per_assistant,
            vec![(Some(AssistantId(2)), 480), (Some(AssistantId(1)), 180)]
        );
    }

    #[test]
    fn cancelled_and_absent_shifts_count_nothing_worked_ones_use_actual_times() {
        let a = [alloc(1, 40, d(2026, 1, 1), None)];
        let day = d(2026, 11, 24);
        let mut cancelled = shift(1, 1, at(day, 8, 0), at(day, 16, 0));
        cancelled.status = ShiftStatus::Cancelled;
        let mut absent = shift(2, 1, at(day, 8, 0), at(day, 16, 0));
        absent.status = ShiftStatus::Absent;
        let mut worked = shift(3, 2, at(day, 8, 0), at(day, 16, 0));
        worked.status = ShiftStatus::Worked;
        worked.actual_start = Some(at(day, 8, 0));
        worked.actual_end = Some(at(day, 17, 30));
        let f = figures(week(2026, 48).days(), &a, &[cancelled, absent, worked]);
        assert_eq!((f.scheduled, f.worked), (570, 570));
    }

    #[test]
    fn a_yearly_flex_period_carries_hours_over() {
        let mut a = alloc(1, 10, d(2026, 1, 1), None);
        a.flex = FlexPeriod::Year;
        // Week 1 of 2026 has four days of the allocation (Thu–Sun): 343 min.
        // Nothing worked in week 1; 15 h in week 2 (5 h more than the week's 10).
        let w2 = week(2026, 2).monday();
        let shifts: Vec<Shift> = (0..3)
            .map(|i| {
                let day = w2 + chrono::Duration::days(i);
                shift(i, 1, at(day, 8, 0), at(day, 13, 0))
            })
            .collect();
        let all = [a.clone()];
        let status = flex_status(&a, &all, &shifts, week(2026, 2).days()).unwrap();
        assert_eq!(status.period, DayRange::new(d(2026, 1, 1), d(2027, 1, 1)));
        assert_eq!(status.balance, 343 + 600 - 900);
        // 365 days of 10 h/week = 31 286 min, minus the 900 scheduled.
        assert_eq!(status.left_in_period, (600 * 365 * 2 + 7) / 14 - 900);
        let mut weekly = a.clone();
        weekly.flex = FlexPeriod::None;
        assert_eq!(
            flex_status(&weekly, &[weekly.clone()], &shifts, week(2026, 2).days()),
            None
        );
    }

    proptest! {
        #[test]
        fn shift_minutes_split_over_weeks_and_months_add_up(
            start_min in 0i64..(3 * 366 * 24 * 60),
            len in 1i64..(3 * 24 * 60),
        ) {
            let base = at(d(2025, 1, 1), 0, 0);
            let start = base + chrono::Duration::minutes(start_min);
            let end = start + chrono::Duration::minutes(len);
            // Skip wall-clock times inside the spring gap: they cannot be stored.
            prop_assume!(instant_minutes(start).is_ok() && instant_minutes(end).is_ok());
            let s = shift(1, 1, start, end);
            let total = crate::domain::time::elapsed_minutes(start, end).unwrap();
            let a: [Allocation; 0] = [];
            let mut w = Week::containing(start.date());
            let mut by_week = 0;
            while w.monday() <= end.date() {
                by_week += charged_minutes(&s, &a, w.days());
                w = w.next();
            }
            let mut m = Month::containing(start.date());
            let mut by_month = 0;
            while m.first() <= end.date() {
                by_month += charged_minutes(&s, &a, m.days());
                m = m.next();
            }
            prop_assert_eq!(by_week, total);
            prop_assert_eq!(by_month, total);
        }

        #[test]
        fn charged_parts_add_up_whatever_the_factor(
            start_min in 0i64..(366 * 24 * 60),
            len in 1i64..(2 * 24 * 60),
            factor in 0u32..=2000,
        ) {
            let base = at(d(2026, 1, 1), 0, 0);
            let start = base + chrono::Duration::minutes(start_min);
            let end = start + chrono::Duration::minutes(len);
            prop_assume!(instant_minutes(start).is_ok() && instant_minutes(end).is_ok());
            let mut a = alloc(1, 40, d(2025, 1, 1), None);
            a.factors.sleeping_night = factor;
            let mut s = shift(1, 1, start, end);
            s.kind = ShiftKind::SleepingNight;
            let all = [a.clone()];
            let whole = a.factors.charge(ShiftKind::SleepingNight, crate::domain::time::elapsed_minutes(start, end).unwrap());
            let mut w = Week::containing(start.date());
            let mut by_week = 0;
            while w.monday() <= end.date() {
                by_week += charged_minutes(&s, &all, w.days());
                w = w.next();
            }
            let mut m = Month::containing(start.date());
            let mut by_month = 0;
            while m.first() <= end.date() {
                by_month += charged_minutes(&s, &all, m.days());
                m = m.next();
            }
            prop_assert_eq!(by_week, whole);
            prop_assert_eq!(by_month, whole);
        }

        #[test]
        fn remaining_is_allocated_minus_scheduled(
            hours in 1i64..100,
            lens in proptest::collection::vec((0i64..7, 0u32..20, 1i64..600), 0..20),
        ) {
            let a = [alloc(1, hours, d(2026, 1, 1), None)];
            let monday = week(2026, 48).monday();
            let shifts: Vec<Shift> = lens.iter().enumerate().map(|(i, (day, h, len))| {
                let start = at(monday + chrono::Duration::days(*day), *h, 0);
                shift(i as i64, i as i64 % 3, start, start + chrono::Duration::minutes(*len))
            }).collect();
            let f = figures(week(2026, 48).days(), &a, &shifts);
            prop_assert_eq!(f.remaining(), f.allocated - f.scheduled);
            prop_assert_eq!(f.per_assistant.iter().map(|p| p.1).sum::<i64>(), f.scheduled);
            prop_assert_eq!(f.allocated, hours * 60);
        }
    }
}
