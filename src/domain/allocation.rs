//! Allocations (vedtak): hours per week over a period of days, how each shift
//! kind counts against them, and flex periods in which hours carry over.

use chrono::{Duration, NaiveDate};

use super::ids::{AllocationId, RecipientId};
use super::shift::ShiftKind;
use super::time::{DayRange, add_months};

/// Days from receiving a decision to the default appeal deadline: the
/// municipality's three weeks, the earlier of the two common deadlines, so a
/// reminder never comes too late.
pub const DEFAULT_APPEAL_DAYS: i64 = 21;

/// The purpose given to an allocation when none is named.
pub const DEFAULT_PURPOSE: &str = "BPA";

/// How long unused hours may be carried between weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlexPeriod {
    /// Week by week: nothing carries over.
    None,
    Month,
    Year,
}

impl FlexPeriod {
    pub const ALL: [FlexPeriod; 3] = [Self::None, Self::Month, Self::Year];

    pub fn code(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Month => "month",
            Self::Year => "year",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

/// How much one elapsed minute of each shift kind uses of the allocation, in
/// thousandths (1000 = one minute per minute).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KindFactors {
    pub ordinary: u32,
    pub awake_night: u32,
    pub sleeping_night: u32,
}

impl Default for KindFactors {
    fn default() -> Self {
        Self {
            ordinary: 1000,
            awake_night: 1000,
            sleeping_night: 1000,
        }
    }
}

impl KindFactors {
    pub fn for_kind(self, kind: ShiftKind) -> u32 {
        match kind {
            ShiftKind::Ordinary => self.ordinary,
            ShiftKind::AwakeNight => self.awake_night,
            ShiftKind::SleepingNight => self.sleeping_night,
        }
    }

    /// Minutes charged for `elapsed` minutes of `kind`, rounded half up.
    pub fn charge(self, kind: ShiftKind, elapsed: i64) -> i64 {
        (elapsed * i64::from(self.for_kind(kind)) + 500).div_euclid(1000)
    }
}

/// One decision from the municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    pub id: AllocationId,
    pub recipient: RecipientId,
    pub purpose: String,
    pub minutes_per_week: i64,
    pub valid_from: NaiveDate,
    /// The last valid day, included; `None` until further notice.
    pub valid_to: Option<NaiveDate>,
    pub received_on: Option<NaiveDate>,
    pub appeal_deadline: Option<NaiveDate>,
    pub reference: String,
    pub flex: FlexPeriod,
    pub factors: KindFactors,
    pub notes: String,
}

/// Why an allocation cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllocationError {
    #[error("hours per week must be more than 0 and at most 168")]
    Hours,
    #[error("the end date {to} is before the start date {from}")]
    EndBeforeStart { from: NaiveDate, to: NaiveDate },
    #[error("a factor must be between 0 and 2")]
    Factor,
    #[error(
        "it overlaps the {purpose} allocation valid {from} – {to}; end that one first, or choose other dates"
    )]
    Overlap {
        purpose: String,
        from: NaiveDate,
        to: String,
    },
}

impl Allocation {
    /// The days the allocation is valid (open-ended ones run to year 9999).
    pub fn days(&self) -> DayRange {
        let end = self
            .valid_to
            .map_or(NaiveDate::from_ymd_opt(9999, 12, 31), Some)
            .unwrap_or(NaiveDate::MAX);
        DayRange::inclusive(self.valid_from, end)
    }

    pub fn covers(&self, day: NaiveDate) -> bool {
        self.days().contains(day)
    }

    /// Minutes allocated for the days of `range` that the allocation covers.
    ///
    /// A week holds exactly `minutes_per_week`; a part of a week counts pro
    /// rata by days. The share of each day is rounded cumulatively from the
    /// allocation's first day, so the parts of any split always add up to the
    /// whole, to the minute.
    pub fn allocated_minutes(&self, range: DayRange) -> i64 {
        let Some(r) = range.intersect(self.days()) else {
            return 0;
        };
        let cumulative = |day: NaiveDate| {
            let n = (day - self.valid_from).num_days();
            (self.minutes_per_week * n * 2 + 7).div_euclid(14)
        };
        cumulative(r.end) - cumulative(r.start)
    }

    /// The flex period that holds `day`, clipped to the allocation; `None`
    /// for week-by-week allocations and for days outside it.
    pub fn flex_period_containing(&self, day: NaiveDate) -> Option<DayRange> {
        if !self.covers(day) {
            return None;
        }
        let months = match self.flex {
            FlexPeriod::None => return None,
            FlexPeriod::Month => 1,
            FlexPeriod::Year => 12,
        };
        let mut k = 0;
        loop {
            let start = add_months(self.valid_from, months * k);
            let end = add_months(self.valid_from, months * (k + 1));
            if day < end {
                return DayRange::new(start, end).intersect(self.days());
            }
            k += 1;
        }
    }

    /// Checks the fields that do not depend on other allocations.
    pub fn validate(&self) -> Result<(), AllocationError> {
        if self.minutes_per_week <= 0 || self.minutes_per_week > 168 * 60 {
            return Err(AllocationError::Hours);
        }
        if let Some(to) = self.valid_to
            && to < self.valid_from
        {
            return Err(AllocationError::EndBeforeStart {
                from: self.valid_from,
                to,
            });
        }
        let f = self.factors;
        if [f.ordinary, f.awake_night, f.sleeping_night]
            .iter()
            .any(|x| *x > 2000)
        {
            return Err(AllocationError::Factor);
        }
        Ok(())
    }

    /// Refuses an allocation whose days overlap another of the same purpose.
    pub fn check_overlap(&self, others: &[Allocation]) -> Result<(), AllocationError> {
        for other in others {
            if other.id != self.id
                && other.recipient == self.recipient
                && other.purpose.eq_ignore_ascii_case(&self.purpose)
                && other.days().intersect(self.days()).is_some()
            {
                return Err(AllocationError::Overlap {
                    purpose: other.purpose.clone(),
                    from: other.valid_from,
                    to: other
                        .valid_to
                        .map_or_else(|| "…".to_owned(), |d| d.to_string()),
                });
            }
        }
        Ok(())
    }
}

/// The default appeal deadline for a decision received on `received`.
pub fn default_appeal_deadline(received: NaiveDate) -> NaiveDate {
    received + Duration::days(DEFAULT_APPEAL_DAYS)
}

/// The allocation a shift starting on `day` is charged to when it names none:
/// the one in force that day, preferring the default purpose.
pub fn in_force(allocations: &[Allocation], day: NaiveDate) -> Option<&Allocation> {
    let mut covering = allocations.iter().filter(|a| a.covers(day));
    let first = covering.next()?;
    if first.purpose.eq_ignore_ascii_case(DEFAULT_PURPOSE) {
        return Some(first);
    }
    Some(
        covering
            .find(|a| a.purpose.eq_ignore_ascii_case(DEFAULT_PURPOSE))
            .unwrap_or(first),
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::time::{Month, Week};

    pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub fn alloc(id: i64, hours: i64, from: NaiveDate, to: Option<NaiveDate>) -> Allocation {
        Allocation {
            id: AllocationId(id),
            recipient: RecipientId(1),
            purpose: DEFAULT_PURPOSE.to_owned(),
            minutes_per_week: hours * 60,
            valid_from: from,
            valid_to: to,
            received_on: None,
            appeal_deadline: None,
            reference: String::new(),
            flex: FlexPeriod::None,
            factors: KindFactors::default(),
            notes: String::new(),
        }
    }

    #[test]
    fn a_full_week_is_exactly_the_weekly_hours() {
        let mut a = alloc(1, 0, d(2026, 1, 1), None);
        a.minutes_per_week = 37 * 60 + 30;
        for w in [Week::new(2026, 2).unwrap(), Week::new(2026, 48).unwrap()] {
            assert_eq!(a.allocated_minutes(w.days()), 2250);
        }
    }

    #[test]
    fn a_part_week_counts_by_days_and_parts_add_up() {
        // Starts Thursday 1 January 2026: four days of week 1.
        let a = alloc(1, 40, d(2026, 1, 1), None);
        let w1 = Week::new(2026, 1).unwrap();
        assert_eq!(a.allocated_minutes(w1.days()), 1371); // 2400 × 4 / 7 = 1371.4
        let jan = Month::new(2026, 1).unwrap();
        let feb = Month::new(2026, 2).unwrap();
        let both = DayRange::new(jan.first(), feb.days().end);
        assert_eq!(
            a.allocated_minutes(jan.days()) + a.allocated_minutes(feb.days()),
            a.allocated_minutes(both)
        );
        // 59 days of 40 h/week
        assert_eq!(a.allocated_minutes(both), (2400 * 59 * 2 + 7) / 14);
    }

    #[test]
    fn an_allocation_ending_mid_week_stops_counting() {
        let a = alloc(1, 35, d(2026, 1, 1), Some(d(2026, 11, 25)));
        // Week 48 2026: Monday 23 – Wednesday 25 are covered: 3 days of 5 h.
        assert_eq!(
            a.allocated_minutes(Week::new(2026, 48).unwrap().days()),
            15 * 60
        );
    }

    #[test]
    fn overlapping_allocations_of_one_purpose_are_refused() {
        let old = alloc(1, 40, d(2026, 1, 1), None);
        let new = alloc(2, 45, d(2026, 7, 1), None);
        let err = new.check_overlap(std::slice::from_ref(&old)).unwrap_err();
        assert!(err.to_string().contains("2026-01-01"));
        let mut other_purpose = new.clone();
        other_purpose.purpose = "avlastning".into();
        assert!(other_purpose.check_overlap(&[old]).is_ok());
    }

    #[test]
    fn validation_names_the_problem() {
        let mut a = alloc(1, 40, d(2026, 2, 1), Some(d(2026, 1, 1)));
        assert!(matches!(
            a.validate(),
            Err(AllocationError::EndBeforeStart { .. })
        ));
        a.valid_to = None;
        a.minutes_per_week = 0;
        assert_eq!(a.validate(), Err(AllocationError::Hours));
    }

    #[test]
    fn yearly_flex_periods_run_from_the_start_date() {
        let mut a = alloc(1, 40, d(2025, 7, 1), None);
        assert_eq!(a.flex_period_containing(d(2026, 3, 1)), None);
        a.flex = FlexPeriod::Year;
        assert_eq!(
            a.flex_period_containing(d(2026, 3, 1)),
            Some(DayRange::new(d(2025, 7, 1), d(2026, 7, 1)))
        );
        assert_eq!(
            a.flex_period_containing(d(2026, 7, 1)),
            Some(DayRange::new(d(2026, 7, 1), d(2027, 7, 1)))
        );
        a.flex = FlexPeriod::Month;
        a.valid_to = Some(d(2025, 8, 20));
        assert_eq!(
            a.flex_period_containing(d(2025, 8, 5)),
            Some(DayRange::new(d(2025, 8, 1), d(2025, 8, 21)))
        );
    }

    #[test]
    fn the_default_appeal_deadline_is_three_weeks() {
        assert_eq!(default_appeal_deadline(d(2026, 11, 26)), d(2026, 12, 17));
    }
}
