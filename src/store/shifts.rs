//! Shifts: add one, import many (all or nothing), read those of a range.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

use super::assistants::find_by_name;
use super::audit::{Chain, Change};
use super::codec::{
    active_periods, active_text, code, datetime_text, opt_datetime, parse_datetime,
};
use super::{Result, Store, StoreError};
use crate::domain::ids::{AllocationId, AssistantId, RecipientId, ShiftId};
use crate::domain::shift::{
    ActivePeriod, Shift, ShiftKind, ShiftStatus, validate_active, validate_times,
};
use crate::domain::time::DayRange;

/// The longest shift `bpa` stores; it bounds range queries.
pub const MAX_SHIFT_DAYS: i64 = 7;

/// A shift to add, with the assistant named (created if unknown, on import).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewShift {
    /// Source line, for error messages (0 when typed).
    pub line: usize,
    /// Empty for an open shift.
    pub assistant: String,
    pub allocation: Option<AllocationId>,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub kind: ShiftKind,
    pub status: ShiftStatus,
    pub note: String,
    /// Active periods of a sleeping night.
    pub active: Vec<ActivePeriod>,
}

pub(super) const COLUMNS: &str = "id, assistant_id, allocation_id, start_at, end_at, actual_start_at, actual_end_at, kind, status, note, active_periods";

pub(super) fn row_to_shift(r: &rusqlite::Row) -> rusqlite::Result<Shift> {
    Ok(Shift {
        id: ShiftId(r.get(0)?),
        assistant: r.get::<_, Option<i64>>(1)?.map(AssistantId),
        allocation: r.get::<_, Option<i64>>(2)?.map(AllocationId),
        start: parse_datetime(3, &r.get::<_, String>(3)?)?,
        end: parse_datetime(4, &r.get::<_, String>(4)?)?,
        actual_start: opt_datetime(r, 5)?,
        actual_end: opt_datetime(r, 6)?,
        kind: code(r, 7, ShiftKind::from_code)?,
        status: code(r, 8, ShiftStatus::from_code)?,
        note: r.get(9)?,
        active: active_periods(r, 10)?,
    })
}

/// The first planned or worked shift of assistant ?1 overlapping ?2–?3,
/// other than ?4, that starts after ?5.
const CLASH: &str = "SELECT start_at, end_at FROM shift WHERE assistant_id = ?1 AND start_at > ?5
     AND start_at < ?3 AND end_at > ?2 AND status IN ('planned', 'worked') AND id IS NOT ?4 LIMIT 1";

/// Refuses a shift that overlaps another planned or worked shift of the same
/// assistant (`except` is the shift being changed).
pub(super) fn clash(
    tx: &rusqlite::Connection,
    assistant: AssistantId,
    name: &str,
    start: NaiveDateTime,
    end: NaiveDateTime,
    except: Option<ShiftId>,
) -> Result<()> {
    // No shift lasts longer than MAX_SHIFT_DAYS, so one that overlaps
    // starts after `start` less that: the index on (assistant_id, start_at)
    // then reads a few rows, not every earlier shift of the assistant.
    let earliest = start - Duration::days(MAX_SHIFT_DAYS);
    let found: Option<(String, String)> = tx
        .prepare_cached(CLASH)?
        .query_row(
            params![
                assistant.0,
                datetime_text(start),
                datetime_text(end),
                except.map(|e| e.0),
                datetime_text(earliest)
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match found {
        Some((from, to)) => Err(StoreError::Invalid(format!(
            "{name} already has a shift {} – {}",
            from.replace('T', " "),
            to.replace('T', " ")
        ))),
        None => Ok(()),
    }
}

/// Checks one shift against the rules that need no other data.
pub(super) fn check_times(
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> std::result::Result<(), String> {
    let minutes = validate_times(start, end).map_err(|e| e.to_string())?;
    if minutes > MAX_SHIFT_DAYS * 24 * 60 {
        return Err(format!("a shift can last at most {MAX_SHIFT_DAYS} days"));
    }
    Ok(())
}

/// Stores one shift for an existing assistant (or an open shift) in `tx`;
/// `Ok(None)` when the same shift is already stored.
fn insert_shift(
    tx: &Transaction,
    actor: &str,
    recipient: RecipientId,
    s: &NewShift,
) -> Result<Option<ShiftId>> {
    check_times(s.start, s.end).map_err(StoreError::Invalid)?;
    let active = validate_active(s.kind, s.start, s.end, &s.active)
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let name = s.assistant.trim();
    let assistant = if name.is_empty() {
        None
    } else {
        Some(
            find_by_name(tx, name)?
                .ok_or_else(|| StoreError::Invalid(format!("no assistant is called «{name}»")))?,
        )
    };
    let fresh = Fresh {
        recipient,
        assistant,
        allocation: s.allocation,
        start: s.start,
        end: s.end,
        kind: s.kind,
        status: s.status,
        note: &s.note,
        active: &active_text(&active),
    };
    if stored_already(tx, &fresh)? {
        return Ok(None);
    }
    if let Some(a) = assistant {
        clash(tx, a, name, s.start, s.end, None)?;
        super::approvals::ensure_open(tx, recipient, Some(a), s.start)?;
    }
    store_fresh(tx, &mut Chain::read(tx)?, actor, &fresh).map(Some)
}

/// A shift about to be stored, checked.
pub(super) struct Fresh<'a> {
    pub recipient: RecipientId,
    pub assistant: Option<AssistantId>,
    pub allocation: Option<AllocationId>,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub kind: ShiftKind,
    pub status: ShiftStatus,
    pub note: &'a str,
    /// Active periods as stored (`active_text`).
    pub active: &'a str,
}

/// Whether the same shift (recipient, assistant, times and kind) is stored.
pub(super) fn stored_already(tx: &Transaction, f: &Fresh) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "SELECT 1 FROM shift WHERE recipient_id = ?1 AND assistant_id IS ?2 AND start_at = ?3
             AND end_at = ?4 AND kind = ?5",
        )?
        .query_row(
            params![
                f.recipient.0,
                f.assistant.map(|a| a.0),
                datetime_text(f.start),
                datetime_text(f.end),
                f.kind.code()
            ],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Inserts a checked shift and its audit entry.
pub(super) fn store_fresh(
    tx: &Transaction,
    chain: &mut Chain,
    actor: &str,
    f: &Fresh,
) -> Result<ShiftId> {
    let (start, end) = (datetime_text(f.start), datetime_text(f.end));
    tx.prepare_cached(
        "INSERT INTO shift (recipient_id, allocation_id, assistant_id, start_at, end_at, kind, status, note, active_periods)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![f.recipient.0, f.allocation.map(|a| a.0), f.assistant.map(|a| a.0), start, end, f.kind.code(), f.status.code(), f.note.trim(), f.active])?;
    let id = ShiftId(tx.last_insert_rowid());
    chain.record(
        tx,
        actor,
        &Change {
            action: "create",
            entity: "shift",
            entity_id: Some(id.0),
            before: None,
            after: Some(json!({
                "recipient_id": f.recipient.0,
                "assistant_id": f.assistant.map(|a| a.0),
                "start_at": start,
                "end_at": end,
                "kind": f.kind.code(),
                "status": f.status.code(),
                "active_periods": f.active,
            })),
        },
    )?;
    Ok(id)
}

impl Store {
    /// Adds one shift for an existing assistant (or an open shift).
    pub fn add_shift(&mut self, recipient: RecipientId, s: &NewShift) -> Result<Option<ShiftId>> {
        self.write(|tx, actor| insert_shift(tx, actor, recipient, s))
    }

    /// The shifts of a recipient that overlap `range`, by start.
    pub fn shifts_in(&self, recipient: RecipientId, range: DayRange) -> Result<Vec<Shift>> {
        let from = datetime_text(crate::domain::time::day_start(
            range.start - Duration::days(MAX_SHIFT_DAYS + 1),
        ));
        let to = datetime_text(crate::domain::time::day_start(range.end));
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM shift WHERE recipient_id = ?1 AND start_at >= ?2 AND start_at < ?3
             ORDER BY start_at, id"
        ))?;
        let range_start = crate::domain::time::day_start(range.start);
        let rows = stmt.query_map(params![recipient.0, from, to], row_to_shift)?;
        let mut shifts = Vec::new();
        for shift in rows {
            let shift = shift?;
            let (_, end) = shift.counted_times();
            if end.max(shift.end) > range_start {
                shifts.push(shift);
            }
        }
        Ok(shifts)
    }

    /// The shifts of every recipient that overlap `range` and have an
    /// assistant: what working-time rules look at.
    pub fn staffed_shifts_in(&self, range: DayRange) -> Result<Vec<Shift>> {
        let from = datetime_text(crate::domain::time::day_start(
            range.start - Duration::days(MAX_SHIFT_DAYS + 1),
        ));
        let to = datetime_text(crate::domain::time::day_start(range.end));
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM shift WHERE assistant_id IS NOT NULL AND start_at >= ?1 AND start_at < ?2
             ORDER BY start_at, id"
        ))?;
        let rows = stmt.query_map(params![from, to], row_to_shift)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The recipient a shift belongs to; `None` when no shift has that id.
    pub fn shift_recipient(&self, id: ShiftId) -> Result<Option<RecipientId>> {
        Ok(self
            .conn
            .query_row(
                "SELECT recipient_id FROM shift WHERE id = ?1",
                [id.0],
                |r| r.get(0).map(RecipientId),
            )
            .optional()?)
    }

    /// Number of shifts of a recipient.
    pub fn shift_count(&self, recipient: RecipientId) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM shift WHERE recipient_id = ?1",
            [recipient.0],
            |r| r.get(0),
        )?)
    }

    /// Assistant names by id, for reports and screens.
    pub fn assistant_names(&self) -> Result<BTreeMap<AssistantId, String>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, name FROM assistant")?;
        let rows = stmt.query_map([], |r| Ok((AssistantId(r.get(0)?), r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::people::Assistant;
    use crate::store::test_support::{nov as at, ola};

    fn row(line: usize, who: &str, start: NaiveDateTime, end: NaiveDateTime) -> NewShift {
        NewShift {
            line,
            assistant: who.into(),
            allocation: None,
            start,
            end,
            kind: ShiftKind::Ordinary,
            status: ShiftStatus::Planned,
            note: String::new(),
            active: Vec::new(),
        }
    }

    #[test]
    fn shifts_of_a_range_include_those_reaching_into_it() {
        let (mut s, r) = ola();
        s.add_assistant(&Assistant {
            name: "Kari".into(),
            active: true,
            ..Assistant::default()
        })
        .unwrap();
        for (start, end) in [(at(22, 22), at(23, 7)), (at(30, 8), at(30, 9))] {
            s.add_shift(r, &row(0, "Kari", start, end))
                .unwrap()
                .unwrap();
        }
        let week = crate::domain::time::Week::new(2026, 48).unwrap();
        let shifts = s.shifts_in(r, week.days()).unwrap();
        assert_eq!(shifts.len(), 1);
        assert_eq!(shifts[0].start, at(22, 22));
    }

    #[test]
    fn the_overlap_check_reads_a_bounded_range_of_the_index() {
        let (s, _) = ola();
        let plan: Vec<String> = s
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {CLASH}"))
            .unwrap()
            .query_map(
                rusqlite::params![
                    1,
                    "2026-11-23T08:00",
                    "2026-11-23T16:00",
                    None::<i64>,
                    "2026-11-16T08:00"
                ],
                |r| r.get::<_, String>(3),
            )
            .unwrap()
            .map(|row| row.unwrap())
            .collect();
        let plan = plan.join(" | ");
        assert!(
            plan.contains("shift_assistant_start") && plan.contains("start_at>? AND start_at<?"),
            "{plan}"
        );
    }

    #[test]
    fn the_database_refuses_an_end_before_the_start() {
        let (s, r) = ola();
        let err = s.conn.execute(
            "INSERT INTO shift (recipient_id, start_at, end_at) VALUES (?1, '2026-11-23T10:00', '2026-11-23T09:00')",
            [r.0],
        );
        assert!(err.is_err());
        let err = s.conn.execute("INSERT INTO unmet_need (recipient_id, at, minutes, what, reason) VALUES (?1, '2026-11-23T10:00', -5, 'x', 'other')", [r.0]);
        assert!(err.is_err());
    }
}
