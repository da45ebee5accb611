//! Norwegian public holidays, computed for any year (never downloaded).
//!
//! Easter follows the Gregorian computus; the movable feasts are counted from
//! Easter Sunday. Plain Sundays also count as holidays for pay and rest rules,
//! but they are not listed here: see [`is_sunday_or_holiday`].

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Which public holiday a date is; the name comes from the locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    NewYearsDay,
    MaundyThursday,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    LabourDay,
    ConstitutionDay,
    AscensionDay,
    WhitSunday,
    WhitMonday,
    ChristmasDay,
    BoxingDay,
}

/// Easter Sunday of `year` (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
/// The one-letter names are the algorithm's own.
#[allow(clippy::many_single_char_names)]
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

/// The public holidays of `year`, in date order.
pub fn holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let easter = easter_sunday(year);
    let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap_or(NaiveDate::MIN);
    let mut list = vec![
        (fixed(1, 1), Holiday::NewYearsDay),
        (easter - Duration::days(3), Holiday::MaundyThursday),
        (easter - Duration::days(2), Holiday::GoodFriday),
        (easter, Holiday::EasterSunday),
        (easter + Duration::days(1), Holiday::EasterMonday),
        (fixed(5, 1), Holiday::LabourDay),
        (fixed(5, 17), Holiday::ConstitutionDay),
        (easter + Duration::days(39), Holiday::AscensionDay),
        (easter + Duration::days(49), Holiday::WhitSunday),
        (easter + Duration::days(50), Holiday::WhitMonday),
        (fixed(12, 25), Holiday::ChristmasDay),
        (fixed(12, 26), Holiday::BoxingDay),
    ];
    list.sort_by_key(|(date, _)| *date);
    list
}

/// The public holiday on `day`, if any.
pub fn holiday_on(day: NaiveDate) -> Option<Holiday> {
    holidays(day.year())
        .into_iter()
        .find(|(date, _)| *date == day)
        .map(|(_, h)| h)
}

/// Sundays and public holidays both count as holidays for work rules.
pub fn is_sunday_or_holiday(day: NaiveDate) -> bool {
    day.weekday() == Weekday::Sun || holiday_on(day).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_dates_match_the_almanac() {
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2026), d(2026, 4, 5));
        assert_eq!(easter_sunday(2027), d(2027, 3, 28));
        assert_eq!(easter_sunday(2038), d(2038, 4, 25));
        assert_eq!(easter_sunday(1818), d(1818, 3, 22));
    }

    #[test]
    fn the_2026_holidays() {
        let list = holidays(2026);
        assert_eq!(list.len(), 12);
        assert!(list.contains(&(d(2026, 4, 2), Holiday::MaundyThursday)));
        assert!(list.contains(&(d(2026, 5, 14), Holiday::AscensionDay)));
        assert!(list.contains(&(d(2026, 5, 25), Holiday::WhitMonday)));
        assert!(list.windows(2).all(|w| w[0].0 <= w[1].0));
    }

    #[test]
    fn sundays_count_but_are_not_listed() {
        let sunday = d(2026, 11, 29);
        assert_eq!(holiday_on(sunday), None);
        assert!(is_sunday_or_holiday(sunday));
        assert!(is_sunday_or_holiday(d(2026, 5, 17)));
        assert!(!is_sunday_or_holiday(d(2026, 11, 26)));
    }
}
