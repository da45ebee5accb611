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
