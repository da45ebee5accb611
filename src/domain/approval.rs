//! What would surprise payroll in a month about to be approved: shifts never
//! marked worked or absent, shifts that have not ended yet, and a missing
//! employee number. The approval asks about these before it locks the month.

use chrono::NaiveDateTime;

use super::ids::ShiftId;
use super::shift::{Shift, ShiftStatus};

/// One thing to look at before approving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Surprise {
    /// The assistant has no employee number, so payroll cannot match them.
    NoEmployeeNumber,
    /// A past shift still only planned: was it worked, or was someone absent?
    NotMarked {
        id: ShiftId,
        start: NaiveDateTime,
        end: NaiveDateTime,
    },
    /// A shift that has not ended yet: its times may still change.
    NotEnded {
        id: ShiftId,
        start: NaiveDateTime,
        end: NaiveDateTime,
    },
}

/// The surprises in `shifts` (one assistant's shifts of the month) at `now`.
pub fn surprises(shifts: &[Shift], employee_number: &str, now: NaiveDateTime) -> Vec<Surprise> {
    let mut found = Vec::new();
    if employee_number.trim().is_empty() {
        found.push(Surprise::NoEmployeeNumber);
    }
    for s in shifts {
        let (start, end) = s.counted_times();
        if s.status.counts() && end > now {
            found.push(Surprise::NotEnded {
                id: s.id,
                start,
                end,
            });
        } else if s.status == ShiftStatus::Planned {
            found.push(Surprise::NotMarked {
                id: s.id,
                start,
                end,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::shift::ShiftKind;
    use chrono::NaiveDate;

    fn shift(id: i64, day: u32, status: ShiftStatus) -> Shift {
        let d = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        Shift {
            id: ShiftId(id),
            assistant: None,
            allocation: None,
            start: d.and_hms_opt(8, 0, 0).unwrap(),
            end: d.and_hms_opt(16, 0, 0).unwrap(),
            actual_start: None,
            actual_end: None,
            kind: ShiftKind::Ordinary,
            status,
            note: String::new(),
            active: Vec::new(),
        }
    }

    #[test]
    fn each_kind_of_surprise_is_found_once() {
        let now = NaiveDate::from_ymd_opt(2026, 11, 20)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let shifts = [
            shift(1, 2, ShiftStatus::Worked),
            shift(2, 3, ShiftStatus::Planned),
            shift(3, 4, ShiftStatus::Absent),
            shift(4, 20, ShiftStatus::Planned),
            shift(5, 25, ShiftStatus::Cancelled),
        ];
        let found = surprises(&shifts, "", now);
        let ids: Vec<_> = found
            .iter()
            .map(|s| match s {
                Surprise::NoEmployeeNumber => 0,
                Surprise::NotMarked { id, .. } => id.0 * 10,
                Surprise::NotEnded { id, .. } => id.0 * 100,
            })
            .collect();
        assert_eq!(ids, vec![0, 20, 400]);
        assert_eq!(surprises(&shifts[..1], "1001", now), Vec::new());
    }
}
