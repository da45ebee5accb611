//! Paid hours and the pay-supplement buckets of a shift, for timesheets.
//!
//! `bpa` never computes kroner: it splits each shift's real elapsed minutes
//! into the buckets an employer pays supplements on, with the windows of
//! the agreement in force. Buckets overlap on purpose: a Saturday-night
//! minute is both evening/night and weekend time, because the supplements
//! are paid on top of each other.
//!
//! Pure arithmetic on Oslo wall-clock windows: every window boundary
//! (00:00, 06:00, 12:00, 15:00, 17:00, 18:00, 21:00, 22:00) lies outside
//! the hour the clocks change (02:00–03:00), so each converts to one real
//! instant, and a window's minutes are real minutes, also on a night of 23
//! or 25 hours.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

use super::holidays::{easter_sunday, holiday_on, is_sunday_or_holiday};
use super::shift::{ActivePeriod, ShiftKind};
use super::time::{self, TimeError};

/// Whose supplement windows a timesheet uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// Municipal (KS); Uloba and Virke use the same windows.
    #[default]
    Ks,
    /// The Working Environment Act's own definitions (aml §§ 10-10, 10-11).
    Aml,
    Virke,
}

impl Agreement {
    pub const ALL: [Self; 3] = [Self::Ks, Self::Aml, Self::Virke];

    pub fn code(self) -> &'static str {
        match self {
            Self::Ks => "ks",
            Self::Aml => "aml",
            Self::Virke => "virke",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|a| a.code() == code.trim().to_ascii_lowercase())
    }
}

/// How a sleeping night's passive time is paid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SleepingNightRule {
    /// A third of the passive time, as in the Virke BPA agreement.
    #[default]
    Third,
    /// Every minute of the shift.
    Clock,
}

impl SleepingNightRule {
    pub fn code(self) -> &'static str {
        match self {
            Self::Third => "third",
            Self::Clock => "clock",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "third" => Some(Self::Third),
            "clock" => Some(Self::Clock),
            _ => None,
        }
    }
}

/// A shift's minutes, bucket by bucket. All are real elapsed minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Buckets {
    /// The shift's length.
    pub clock_minutes: i64,
    /// What the employer pays as working time.
    pub paid_minutes: i64,
    /// A sleeping night's time outside its active periods.
    pub passive_minutes: i64,
    pub evening_night_minutes: i64,
    pub weekend_minutes: i64,
    pub holiday_minutes: i64,
}

impl std::ops::AddAssign for Buckets {
    fn add_assign(&mut self, o: Self) {
        self.clock_minutes += o.clock_minutes;
        self.paid_minutes += o.paid_minutes;
        self.passive_minutes += o.passive_minutes;
        self.evening_night_minutes += o.evening_night_minutes;
        self.weekend_minutes += o.weekend_minutes;
        self.holiday_minutes += o.holiday_minutes;
    }
}

/// A window of one day's wall clock, in minutes after midnight: `[from, to)`,
/// with `to` up to 1 440 (the next midnight).
type Window = (u32, u32);

const DAY: u32 = 24 * 60;

fn hm(h: u32, m: u32) -> u32 {
    h * 60 + m
}

/// Evening and night: 17:00–06:00 (ks, virke) or 21:00–06:00 (aml).
fn evening_night(agreement: Agreement) -> Vec<Window> {
    let evening = if agreement == Agreement::Aml { 21 } else { 17 };
    vec![(0, hm(6, 0)), (hm(evening, 0), DAY)]
}

/// Saturday and Sunday, all day (ks, virke); none under aml.
fn weekend(agreement: Agreement, day: NaiveDate) -> Vec<Window> {
    let weekend_day = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
    if agreement != Agreement::Aml && weekend_day {
        vec![(0, DAY)]
    } else {
        Vec::new()
    }
}

/// Easter Saturday, Whitsun Eve and Christmas Eve: the eves aml § 10-10
/// starts at 15:00.
fn is_great_eve(day: NaiveDate) -> bool {
    let easter = easter_sunday(day.year());
    day == easter - Duration::days(1)
        || day == easter + Duration::days(48)
        || (day.month(), day.day()) == (12, 24)
}

/// The eves whose afternoon is holiday time under ks and virke: the
/// Wednesday before Maundy Thursday, Easter Saturday, Whitsun Eve,
/// Christmas Eve and New Year's Eve.
fn is_ks_eve(day: NaiveDate) -> bool {
    let easter = easter_sunday(day.year());
    is_great_eve(day) || day == easter - Duration::days(4) || (day.month(), day.day()) == (12, 31)
}

/// Holiday time of `day`.
fn holiday(agreement: Agreement, day: NaiveDate) -> Vec<Window> {
    match agreement {
        Agreement::Ks | Agreement::Virke => {
            if holiday_on(day).is_some() {
                vec![(0, DAY)]
            } else if is_ks_eve(day) {
                vec![(hm(12, 0), DAY)]
            } else {
                Vec::new()
            }
        }
        Agreement::Aml => {
            // § 10-10: from 18:00 (15:00 on the great eves) the day before a
            // Sunday or holiday to 22:00 on the last of a run of them.
            let next = day + Duration::days(1);
            if is_sunday_or_holiday(day) {
                let end = if is_sunday_or_holiday(next) {
                    DAY
                } else {
                    hm(22, 0)
                };
                vec![(0, end)]
            } else if is_sunday_or_holiday(next) {
                let from = if is_great_eve(day) { 15 } else { 18 };
                vec![(hm(from, 0), DAY)]
            } else {
                Vec::new()
            }
        }
    }
}

/// The real instant (minutes since the epoch) of a wall-clock minute of `day`.
fn instant(day: NaiveDate, minute: u32) -> Result<i64, TimeError> {
    let at = time::day_start(day) + Duration::minutes(i64::from(minute));
    time::instant_minutes(at)
}

/// Real minutes of `[start, end)` (instants) inside the windows `of` gives
/// for each day the shift touches.
fn overlap(
    start: NaiveDateTime,
    end: NaiveDateTime,
    from: i64,
    to: i64,
    of: impl Fn(NaiveDate) -> Vec<Window>,
) -> Result<i64, TimeError> {
    let mut total = 0;
    let mut day = start.date();
    while day <= end.date() {
        for (a, b) in of(day) {
            let (wa, wb) = (instant(day, a)?, instant(day, b)?);
            total += (wb.min(to) - wa.max(from)).max(0);
        }
        day += Duration::days(1);
    }
    Ok(total)
}

/// The paid minutes of a sleeping night under the one-third rule: a third
/// of the passive time, plus 30 minutes for each started half hour of every
/// active period; the whole shift when the active time reaches a third of
/// it. Never more than the shift itself, however many short calls there
/// were.
pub fn sleeping_night_paid(clock: i64, periods: &[i64]) -> i64 {
    let active: i64 = periods.iter().sum();
    if 3 * active >= clock {
        return clock;
    }
    let passive = clock - active;
    // Rounded to the nearest minute; a third is never exactly half way.
    let third = (passive + 1).div_euclid(3);
    let calls: i64 = periods.iter().map(|p| 30 * ((p + 29).div_euclid(30))).sum();
    (third + calls).min(clock)
}

/// The buckets of one shift that ran `start`–`end` (the counted times:
/// actual where recorded).
pub fn buckets(
    start: NaiveDateTime,
    end: NaiveDateTime,
    kind: ShiftKind,
    active: &[ActivePeriod],
    agreement: Agreement,
    rule: SleepingNightRule,
) -> Result<Buckets, TimeError> {
    let from = time::instant_minutes(start)?;
    let to = time::instant_minutes(end)?;
    let clock = (to - from).max(0);
    let mut periods = Vec::new();
    if kind == ShiftKind::SleepingNight {
        for p in active {
            let (a, b) = (
                time::instant_minutes(p.start)?,
                time::instant_minutes(p.end)?,
            );
            // Only the part inside the shift counts.
            let inside = (b.min(to) - a.max(from)).max(0);
            if inside > 0 {
                periods.push(inside);
            }
        }
    }
    let active_total: i64 = periods.iter().sum();
    let (paid, passive) = match kind {
        ShiftKind::SleepingNight => (
            match rule {
                SleepingNightRule::Third => sleeping_night_paid(clock, &periods),
                SleepingNightRule::Clock => clock,
            },
            clock - active_total,
        ),
        _ => (clock, 0),
    };
    Ok(Buckets {
        clock_minutes: clock,
        paid_minutes: paid,
        passive_minutes: passive,
        evening_night_minutes: overlap(start, end, from, to, |_| evening_night(agreement))?,
        weekend_minutes: overlap(start, end, from, to, |d| weekend(agreement, d))?,
        holiday_minutes: overlap(start, end, from, to, |d| holiday(agreement, d))?,
    })
}

#[cfg(test)]
mod tests;
