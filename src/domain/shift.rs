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
