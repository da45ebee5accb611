//! Local time as `bpa` counts it: Europe/Oslo wall-clock times, real elapsed
//! minutes across DST changes, ISO weeks and calendar months as ranges of days.
//!
//! Everything here is pure arithmetic; reading the clock happens only in
//! `crate::clock`, so every figure can be reproduced for a fixed "today".

use std::fmt;

use chrono::{Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Europe::Oslo;

/// Why a wall-clock time or a range cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// The time falls in the hour skipped when summer time starts.
    #[error("{0} does not exist in Norway: the clocks jump from 02:00 to 03:00 that night")]
    Skipped(NaiveDateTime),
    /// The end is not after the start.
    #[error("the end ({end}) must be after the start ({start})")]
    EndNotAfterStart {
        start: NaiveDateTime,
        end: NaiveDateTime,
    },
}

/// Minutes since the Unix epoch of a wall-clock time in Oslo.
///
/// An ambiguous autumn time (02:00–02:59 on the last Sunday of October)
/// means its first occurrence, in summer time; a time in the skipped spring
/// hour is an error.
pub fn instant_minutes(local: NaiveDateTime) -> Result<i64, TimeError> {
    match Oslo.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Ok(t.timestamp().div_euclid(60)),
        LocalResult::None => Err(TimeError::Skipped(local)),
    }
}

/// Real elapsed minutes from `start` to `end`, both Oslo wall-clock times.
pub fn elapsed_minutes(start: NaiveDateTime, end: NaiveDateTime) -> Result<i64, TimeError> {
    Ok(instant_minutes(end)? - instant_minutes(start)?)
}

/// Midnight at the start of `day`. Oslo changes its clocks at 02:00 and 03:00,
/// never at midnight, so a day's start always exists.
pub fn day_start(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::MIN)
}

/// A half-open range of whole days: `start` included, `end` excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DayRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DayRange {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        Self { start, end }
    }

    /// The range from `first` to `last`, both days included.
    pub fn inclusive(first: NaiveDate, last: NaiveDate) -> Self {
        Self::new(first, last + Duration::days(1))
    }

    /// Number of days in the range (0 when empty).
    pub fn days(self) -> i64 {
        (self.end - self.start).num_days().max(0)
    }

    /// The last day in the range.
    pub fn last(self) -> NaiveDate {
        self.end - Duration::days(1)
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.start <= day && day < self.end
    }

    /// The days both ranges share, or `None`.
    pub fn intersect(self, other: DayRange) -> Option<DayRange> {
        let r = DayRange::new(self.start.max(other.start), self.end.min(other.end));
        (r.start < r.end).then_some(r)
    }

    /// Real elapsed minutes in the range: 1 440 a day, 1 380 or 1 500 on the
    /// days the clocks change.
    pub fn elapsed_minutes(self) -> i64 {
        elapsed_minutes(day_start(self.start), day_start(self.end)).unwrap_or(0)
    }

    /// Each day of the range in order.
    pub fn iter_days(self) -> impl Iterator<Item = NaiveDate> {
        let start = self.start;
        (0..self.days()).map(move |i| start + Duration::days(i))
    }
}

/// An ISO 8601 week: Monday first; week 1 holds the year's first Thursday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week {
    year: i32,
    week: u32,
}

impl Week {
    /// The week `week` of ISO year `year`, if it exists (week 53 only in long years).
    pub fn new(year: i32, week: u32) -> Option<Self> {
        NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon).map(|_| Self { year, week })
    }

    /// The week that holds `day`.
    pub fn containing(day: NaiveDate) -> Self {
        let iso = day.iso_week();
        Self {
            year: iso.year(),
            week: iso.week(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn number(self) -> u32 {
        self.week
    }

    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, chrono::Weekday::Mon)
            .unwrap_or(NaiveDate::MIN)
    }

    pub fn sunday(self) -> NaiveDate {
        self.monday() + Duration::days(6)
    }

    pub fn days(self) -> DayRange {
        DayRange::new(self.monday(), self.monday() + Duration::days(7))
    }

    pub fn next(self) -> Self {
        Self::containing(self.monday() + Duration::days(7))
    }

    pub fn previous(self) -> Self {
        Self::containing(self.monday() - Duration::days(7))
    }

    /// Parses `2026-W48` (also `2026-w48` and `2026W48`).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (year, week) = text.split_once(['W', 'w'])?;
        let year = year.strip_suffix('-').unwrap_or(year);
        if week.is_empty() || week.len() > 2 {
            return None;
        }
        Self::new(parse_year(year)?, week.parse().ok()?)
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|_| Self { year, month })
    }

    pub fn containing(day: NaiveDate) -> Self {
        Self {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn number(self) -> u32 {
        self.month
    }

    pub fn first(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn next(self) -> Self {
        if self.month == 12 {
            Self {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Self {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn previous(self) -> Self {
        Self::containing(self.first() - Duration::days(1))
    }

    pub fn days(self) -> DayRange {
        DayRange::new(self.first(), self.next().first())
    }

    /// Parses `2026-11`.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.trim().split_once('-')?;
        if month.is_empty() || month.len() > 2 {
            return None;
        }
        Self::new(parse_year(year)?, month.parse().ok()?)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Four digits within [`crate::domain::parse::YEARS`], as a week or month
/// is written.
fn parse_year(text: &str) -> Option<i32> {
    let year = (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())??;
    crate::domain::parse::YEARS.contains(&year).then_some(year)
}

/// Adds whole calendar months, clamping the day to the target month's length
/// (31 January + 1 month = 28 or 29 February).
pub fn add_months(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(chrono::Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_and_months_take_four_digit_years_from_1900_to_2200() {
        assert_eq!(Month::parse("2026-11"), Month::new(2026, 11));
        assert_eq!(Week::parse("2026-W48"), Week::new(2026, 48));
        for text in ["+999-01", "1899-12", "2201-01", "0999-01"] {
            assert_eq!(Month::parse(text), None, "{text}");
        }
        for text in ["+999-W01", "1899-W10", "2201W01"] {
            assert_eq!(Week::parse(text), None, "{text}");
        }
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn spring_night_is_one_hour_shorter() {
        // 29 March 2026 is the last Sunday of March.
        let minutes = elapsed_minutes(at(2026, 3, 28, 22, 0), at(2026, 3, 29, 8, 0)).unwrap();
        assert_eq!(minutes, 9 * 60);
    }

    #[test]
    fn autumn_night_is_one_hour_longer() {
        // 25 October 2026 is the last Sunday of October.
        let minutes = elapsed_minutes(at(2026, 10, 24, 22, 0), at(2026, 10, 25, 8, 0)).unwrap();
        assert_eq!(minutes, 11 * 60);
    }

    #[test]
    fn a_time_in_the_skipped_hour_is_refused() {
        let err = instant_minutes(at(2026, 3, 29, 2, 30)).unwrap_err();
        assert_eq!(err, TimeError::Skipped(at(2026, 3, 29, 2, 30)));
        assert!(err.to_string().contains("02:00 to 03:00"));
    }

    #[test]
    fn an_ambiguous_autumn_time_is_its_first_occurrence() {
        // 02:30 happens twice; the first one is 30 minutes after 02:00 summer
        // time, so 01:30 → 02:30 is one hour.
        let minutes = elapsed_minutes(at(2026, 10, 25, 1, 30), at(2026, 10, 25, 2, 30)).unwrap();
        assert_eq!(minutes, 60);
        // and 02:30 → 03:30 is two hours, since the second 02:00–03:00 lies between.
        let minutes = elapsed_minutes(at(2026, 10, 25, 2, 30), at(2026, 10, 25, 3, 30)).unwrap();
        assert_eq!(minutes, 120);
    }

    #[test]
    fn days_of_clock_change_have_23_and_25_hours() {
        let spring = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let autumn = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
        assert_eq!(
            DayRange::inclusive(spring, spring).elapsed_minutes(),
            23 * 60
        );
        assert_eq!(
            DayRange::inclusive(autumn, autumn).elapsed_minutes(),
            25 * 60
        );
    }

    #[test]
    fn iso_weeks_of_2026_include_week_53() {
        assert!(Week::new(2026, 53).is_some());
        assert!(Week::new(2025, 53).is_none());
        let w53 = Week::new(2026, 53).unwrap();
        assert_eq!(w53.monday(), NaiveDate::from_ymd_opt(2026, 12, 28).unwrap());
        assert_eq!(w53.sunday(), NaiveDate::from_ymd_opt(2027, 1, 3).unwrap());
        assert_eq!(w53.next(), Week::new(2027, 1).unwrap());
        assert_eq!(Week::new(2027, 1).unwrap().previous(), w53);
        assert_eq!(
            Week::containing(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()),
            w53
        );
    }

    #[test]
    fn weeks_and_months_parse_and_print() {
        let w = Week::parse("2026-W48").unwrap();
        assert_eq!(w.to_string(), "2026-W48");
        assert_eq!(w.monday(), NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        assert!(Week::parse("2026-W54").is_none());
        assert!(Week::parse("W48").is_none());
        let m = Month::parse("2028-02").unwrap();
        assert_eq!(m.days().days(), 29);
        assert_eq!(m.to_string(), "2028-02");
        assert!(Month::parse("2026-13").is_none());
        let jan = Month::new(2027, 1).unwrap();
        assert_eq!(jan.previous(), Month::new(2026, 12).unwrap());
        assert_eq!(jan.previous().next(), jan);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        #[test]
        fn week_and_month_parsers_never_panic(s in "\\PC{0,20}|[0-9wW-]{0,10}") {
            if let Some(w) = Week::parse(&s) {
                proptest::prop_assert_eq!(Week::parse(&w.to_string()), Some(w));
            }
            if let Some(m) = Month::parse(&s) {
                proptest::prop_assert_eq!(Month::parse(&m.to_string()), Some(m));
            }
        }
    }

    #[test]
    fn month_arithmetic_clamps_to_short_months() {
        let jan31 = NaiveDate::from_ymd_opt(2028, 1, 31).unwrap();
        assert_eq!(
            add_months(jan31, 1),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
        );
    }
}
