//! Shifts: who works when, of which kind, and what became of it.

use chrono::NaiveDateTime;

use super::ids::{AllocationId, AssistantId, ShiftId};
use super::time::{self, TimeError};

/// The kind of a shift; each kind may count differently against the allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShiftKind {
    Ordinary,
    AwakeNight,
    SleepingNight,
}

impl ShiftKind {
    pub const ALL: [ShiftKind; 3] = [Self::Ordinary, Self::AwakeNight, Self::SleepingNight];

    /// The stable name used in the database, CSV files and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Self::Ordinary => "ordinary",
            Self::AwakeNight => "awake_night",
            Self::SleepingNight => "sleeping_night",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

/// What became of a shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShiftStatus {
    Planned,
    Worked,
    Cancelled,
    Absent,
}

impl ShiftStatus {
    pub const ALL: [ShiftStatus; 4] = [Self::Planned, Self::Worked, Self::Cancelled, Self::Absent];

    pub fn code(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Worked => "worked",
            Self::Cancelled => "cancelled",
            Self::Absent => "absent",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// Cancelled and absent shifts use no hours; the substitute's shift does.
    pub fn counts(self) -> bool {
        matches!(self, Self::Planned | Self::Worked)
    }
}

/// A shift as planned, and as worked when actual times are recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    pub id: ShiftId,
    /// `None` is an open shift that still needs an assistant.
    pub assistant: Option<AssistantId>,
    /// The allocation the shift is charged to; `None` means the one in force.
    pub allocation: Option<AllocationId>,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub actual_start: Option<NaiveDateTime>,
    pub actual_end: Option<NaiveDateTime>,
    pub kind: ShiftKind,
    pub status: ShiftStatus,
    pub note: String,
    /// The periods of a sleeping night spent in active work, in time order
    /// (empty for other kinds).
    pub active: Vec<ActivePeriod>,
}

/// A period of active work within a sleeping night (a call).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActivePeriod {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

/// Why a shift's active periods cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActiveError {
    #[error("only a sleeping night has active periods")]
    NotSleepingNight,
    #[error("the active period {0} ends before it starts")]
    Backwards(String),
    #[error("the active period {0} lies outside the shift ({1})")]
    Outside(String, String),
    #[error("the active periods {0} and {1} overlap")]
    Overlap(String, String),
    #[error(transparent)]
    Time(#[from] TimeError),
}

impl ActivePeriod {
    /// Real elapsed minutes of the period.
    pub fn minutes(self) -> Result<i64, TimeError> {
        time::elapsed_minutes(self.start, self.end)
    }

    fn label(self) -> String {
        format!(
            "{}–{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

/// Checks the active periods of a shift that runs `start`–`end`: each one
/// forwards, inside the shift, none overlapping another. Returns them in
/// time order.
pub fn validate_active(
    kind: ShiftKind,
    start: NaiveDateTime,
    end: NaiveDateTime,
    periods: &[ActivePeriod],
) -> Result<Vec<ActivePeriod>, ActiveError> {
    if periods.is_empty() {
        return Ok(Vec::new());
    }
    if kind != ShiftKind::SleepingNight {
        return Err(ActiveError::NotSleepingNight);
    }
    let mut sorted = periods.to_vec();
    sorted.sort();
    for p in &sorted {
        if p.minutes()? <= 0 {
            return Err(ActiveError::Backwards(p.label()));
        }
        if p.start < start || p.end > end {
            let shift = ActivePeriod { start, end }.label();
            return Err(ActiveError::Outside(p.label(), shift));
        }
    }
    if let Some(w) = sorted.windows(2).find(|w| w[1].start < w[0].end) {
        return Err(ActiveError::Overlap(w[0].label(), w[1].label()));
    }
    Ok(sorted)
}

/// Places `HH:MM-HH:MM` clock times inside a shift that runs `start`–`end`:
/// each time is the first moment at or after the shift's start with that
/// clock time, so `01:10` in a night from 22:00 is the next morning.
pub fn place_in_shift(
    start: NaiveDateTime,
    end: NaiveDateTime,
    from: chrono::NaiveTime,
    to: chrono::NaiveTime,
) -> Option<ActivePeriod> {
    let place = |t: chrono::NaiveTime| {
        let same_day = start.date().and_time(t);
        if same_day >= start {
            same_day
        } else {
            same_day + chrono::Duration::days(1)
        }
    };
    let a = place(from);
    let mut b = place(to);
    while b <= a {
        b += chrono::Duration::days(1);
    }
    (b <= end).then_some(ActivePeriod { start: a, end: b })
}

/// Places every clock period inside a shift that runs `start`–`end` (see
/// [`place_in_shift`]); the first one that does not fit is named in the error.
pub fn place_all(
    start: NaiveDateTime,
    end: NaiveDateTime,
    periods: &[(chrono::NaiveTime, chrono::NaiveTime)],
) -> Result<Vec<ActivePeriod>, ActiveError> {
    periods
        .iter()
        .map(|&(from, to)| {
            place_in_shift(start, end, from, to).ok_or_else(|| {
                let label = format!("{}–{}", from.format("%H:%M"), to.format("%H:%M"));
                ActiveError::Outside(label, ActivePeriod { start, end }.label())
            })
        })
        .collect()
}

/// The clock times of active periods, to place them again in a shift whose
/// times changed (what the screen does when its form is saved).
pub fn clock_times(periods: &[ActivePeriod]) -> Vec<(chrono::NaiveTime, chrono::NaiveTime)> {
    periods
        .iter()
        .map(|p| (p.start.time(), p.end.time()))
        .collect()
}

/// A shift's plan after a change of day, start or end; what is not given
/// stays. Without a new end the shift keeps its length on the clock (moving
/// 22:00–08:00 to another day or start keeps ten hours); an end at or before
/// the start is the next day.
pub fn replan(
    start: NaiveDateTime,
    end: NaiveDateTime,
    day: Option<chrono::NaiveDate>,
    from: Option<chrono::NaiveTime>,
    to: Option<chrono::NaiveTime>,
) -> (NaiveDateTime, NaiveDateTime) {
    let day = day.unwrap_or(start.date());
    let new_start = day.and_time(from.unwrap_or(start.time()));
    let new_end = match to {
        Some(t) => after(new_start, day.and_time(t)),
        None => new_start + (end - start),
    };
    (new_start, new_end)
}

/// The actual times of a shift on `day`: a time not given is `recorded`'s
/// (the actual times recorded, else the plan); a given end at or before the
/// start is the next day.
pub fn actual_times(
    recorded: (NaiveDateTime, NaiveDateTime),
    from: Option<chrono::NaiveTime>,
    to: Option<chrono::NaiveTime>,
) -> (NaiveDateTime, NaiveDateTime) {
    let start = from.map_or(recorded.0, |t| nearest(recorded.0, t));
    let day = start.date();
    let end = to.map_or(recorded.1, |t| after(start, day.and_time(t)));
    (start, end)
}

/// The moment with clock time `t` nearest to `anchor` (the day before, the
/// same day or the day after): a night planned from 23:00 that really began
/// at 00:15 began the next day.
pub fn nearest(anchor: NaiveDateTime, t: chrono::NaiveTime) -> NaiveDateTime {
    let same = anchor.date().and_time(t);
    [
        same - chrono::Duration::days(1),
        same,
        same + chrono::Duration::days(1),
    ]
    .into_iter()
    .min_by_key(|c| (*c - anchor).num_minutes().abs())
    .unwrap_or(same)
}

/// `at`, moved on by whole days until it comes after `start`.
fn after(start: NaiveDateTime, mut at: NaiveDateTime) -> NaiveDateTime {
    while at <= start {
        at += chrono::Duration::days(1);
    }
    at
}

impl Shift {
    /// The times that count: the actual ones when both are recorded.
    pub fn counted_times(&self) -> (NaiveDateTime, NaiveDateTime) {
        match (self.actual_start, self.actual_end) {
            (Some(s), Some(e)) if e > s => (s, e),
            _ => (self.start, self.end),
        }
    }
}

/// Checks a planned start and end: both must exist in Oslo and the end must
/// come after the start. Returns the elapsed minutes.
pub fn validate_times(start: NaiveDateTime, end: NaiveDateTime) -> Result<i64, TimeError> {
    let minutes = time::elapsed_minutes(start, end)?;
    if minutes <= 0 {
        return Err(TimeError::EndNotAfterStart { start, end });
    }
    Ok(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn codes_round_trip() {
        for k in ShiftKind::ALL {
            assert_eq!(ShiftKind::from_code(k.code()), Some(k));
        }
        for s in ShiftStatus::ALL {
            assert_eq!(ShiftStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(ShiftKind::from_code("nap"), None);
    }

    fn t(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn active_periods_lie_inside_the_shift_and_apart() {
        let (start, end) = (t(23, 22, 0), t(24, 8, 0));
        let call = |a, b| place_in_shift(start, end, a, b).unwrap();
        let hm = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let late = call(hm(3, 0), hm(3, 20));
        let early = call(hm(1, 10), hm(1, 40));
        assert_eq!(early.start, t(24, 1, 10));
        assert_eq!(call(hm(23, 50), hm(0, 20)).end, t(24, 0, 20));
        let ok = validate_active(ShiftKind::SleepingNight, start, end, &[late, early]).unwrap();
        assert_eq!(ok, vec![early, late], "sorted");
        assert!(place_in_shift(start, end, hm(7, 30), hm(8, 30)).is_none());
        let clash = call(hm(1, 30), hm(2, 0));
        assert!(matches!(
            validate_active(ShiftKind::SleepingNight, start, end, &[early, clash]),
            Err(ActiveError::Overlap(..))
        ));
        let outside = ActivePeriod {
            start: t(23, 21, 0),
            end: t(23, 22, 30),
        };
        assert!(matches!(
            validate_active(ShiftKind::SleepingNight, start, end, &[outside]),
            Err(ActiveError::Outside(..))
        ));
        assert!(matches!(
            validate_active(ShiftKind::Ordinary, start, end, &[early]),
            Err(ActiveError::NotSleepingNight)
        ));
    }

    #[test]
    fn a_moved_shift_keeps_its_length_and_its_active_periods_move_along() {
        let hm = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let (start, end) = (t(23, 22, 0), t(24, 8, 0));
        let next = NaiveDate::from_ymd_opt(2026, 11, 25);
        assert_eq!(
            replan(start, end, next, None, None),
            (t(25, 22, 0), t(26, 8, 0))
        );
        assert_eq!(
            replan(start, end, None, Some(hm(23, 0)), None),
            (t(23, 23, 0), t(24, 9, 0))
        );
        assert_eq!(
            replan(start, end, None, None, Some(hm(7, 0))),
            (t(23, 22, 0), t(24, 7, 0)),
            "an end before the start is the next day"
        );
        let calls = [(hm(1, 10), hm(1, 40))];
        let placed = place_all(t(25, 22, 0), t(26, 8, 0), &calls).unwrap();
        assert_eq!(placed[0].start, t(26, 1, 10));
        assert_eq!(clock_times(&placed), calls);
        let err = place_all(start, end, &[(hm(9, 0), hm(9, 30))]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the active period 09:00–09:30 lies outside the shift (22:00–08:00)"
        );
    }

    #[test]
    fn actual_times_default_to_those_recorded() {
        let hm = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let night = (t(23, 22, 0), t(24, 8, 0));
        assert_eq!(actual_times(night, None, None), night);
        assert_eq!(
            actual_times(night, None, Some(hm(9, 0))),
            (t(23, 22, 0), t(24, 9, 0))
        );
        assert_eq!(
            actual_times(night, Some(hm(22, 30)), None),
            (t(23, 22, 30), t(24, 8, 0))
        );
        // A night that really began after midnight began the next day, not
        // 22 hours earlier.
        assert_eq!(
            actual_times(night, Some(hm(0, 15)), None),
            (t(24, 0, 15), t(24, 8, 0))
        );
        assert_eq!(
            actual_times(night, Some(hm(21, 45)), Some(hm(7, 30))),
            (t(23, 21, 45), t(24, 7, 30))
        );
    }

    #[test]
    fn an_end_before_the_start_is_refused() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let start = day.and_hms_opt(10, 0, 0).unwrap();
        let end = day.and_hms_opt(9, 0, 0).unwrap();
        assert!(matches!(
            validate_times(start, end),
            Err(TimeError::EndNotAfterStart { .. })
        ));
        assert_eq!(validate_times(end, start), Ok(60));
    }
}
