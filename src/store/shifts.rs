//! Shifts: add one, import many (all or nothing), read those of a range.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

use super::assistants::{find_by_name, insert_assistant};
use super::audit::{Change, record};
use super::codec::{
    active_periods, active_text, code, datetime_text, opt_datetime, parse_datetime,
};
use super::{Result, Store, StoreError};
use crate::domain::ids::{AllocationId, AssistantId, RecipientId, ShiftId};
use crate::domain::people::Assistant;
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

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub added: usize,
    /// Lines that were already stored, so nothing was added twice.
    pub duplicates: usize,
    pub new_assistants: Vec<String>,
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

/// The assistants of an import, by name, read once: a file of a million
/// lines looks each name up in memory. Names not known yet are created.
struct ImportNames {
    /// Lower-cased name → id, as `find_by_name` compares them.
    known: HashMap<String, AssistantId>,
    created: Vec<String>,
}

impl ImportNames {
    fn read(tx: &rusqlite::Connection) -> Result<Self> {
        let mut known = HashMap::new();
        let mut stmt = tx.prepare("SELECT id, name FROM assistant ORDER BY active DESC, id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let name: String = r.get(1)?;
            known
                .entry(name.trim().to_lowercase())
                .or_insert(AssistantId(r.get(0)?));
        }
        Ok(Self {
            known,
            created: Vec::new(),
        })
    }
}

/// Stores one shift in `tx`; `Ok(None)` when the same shift is already
/// stored. With `import`, an unknown assistant is created; without, refused.
fn insert_shift(
    tx: &Transaction,
    actor: &str,
    recipient: RecipientId,
    s: &NewShift,
    import: Option<&mut ImportNames>,
) -> Result<Option<ShiftId>> {
    check_times(s.start, s.end).map_err(StoreError::Invalid)?;
    let active = validate_active(s.kind, s.start, s.end, &s.active)
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let name = s.assistant.trim();
    let assistant = match import {
        _ if name.is_empty() => None,
        None => Some(
            find_by_name(tx, name)?
                .ok_or_else(|| StoreError::Invalid(format!("no assistant is called «{name}»")))?,
        ),
        Some(names) => {
            let key = name.to_lowercase();
            if let Some(id) = names.known.get(&key) {
                Some(*id)
            } else {
                let a = Assistant {
                    name: name.to_owned(),
                    active: true,
                    ..Assistant::default()
                };
                let id = insert_assistant(tx, actor, &a)?;
                names.known.insert(key, id);
                names.created.push(name.to_owned());
                Some(id)
            }
        }
    };
    let (start, end) = (datetime_text(s.start), datetime_text(s.end));
    let duplicate: Option<i64> = tx
        .query_row(
            "SELECT id FROM shift WHERE recipient_id = ?1 AND assistant_id IS ?2 AND start_at = ?3
             AND end_at = ?4 AND kind = ?5",
            params![
                recipient.0,
                assistant.map(|a| a.0),
                start,
                end,
                s.kind.code()
            ],
            |r| r.get(0),
        )
        .optional()?;
    if duplicate.is_some() {
        return Ok(None);
    }
    if let Some(a) = assistant {
        clash(tx, a, name, s.start, s.end, None)?;
        super::approvals::ensure_open(tx, recipient, Some(a), s.start)?;
    }
    tx.execute(
        "INSERT INTO shift (recipient_id, allocation_id, assistant_id, start_at, end_at, kind, status, note, active_periods)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![recipient.0, s.allocation.map(|a| a.0), assistant.map(|a| a.0), start, end, s.kind.code(), s.status.code(), s.note.trim(), active_text(&active)],
    )?;
    let id = ShiftId(tx.last_insert_rowid());
    record(
        tx,
        actor,
        &Change {
            action: "create",
            entity: "shift",
            entity_id: Some(id.0),
            before: None,
            after: Some(json!({
                "recipient_id": recipient.0,
                "assistant_id": assistant.map(|a| a.0),
                "start_at": start,
                "end_at": end,
                "kind": s.kind.code(),
                "status": s.status.code(),
                "active_periods": active_text(&active),
            })),
        },
    )?;
    Ok(Some(id))
}

impl Store {
    /// Adds one shift for an existing assistant (or an open shift).
    pub fn add_shift(&mut self, recipient: RecipientId, s: &NewShift) -> Result<Option<ShiftId>> {
        self.write(|tx, actor| insert_shift(tx, actor, recipient, s, None))
    }

    /// Imports shifts all or nothing. Unknown assistants are created; shifts
    /// already stored are skipped. When any line is refused, nothing is
    /// stored and every refused line comes back with its reason.
    pub fn import_shifts(
        &mut self,
        recipient: RecipientId,
        rows: &[NewShift],
    ) -> Result<std::result::Result<ImportOutcome, Vec<(usize, String)>>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut outcome = ImportOutcome::default();
        let mut refused = Vec::new();
        let mut names = ImportNames::read(&tx)?;
        for row in rows {
            match insert_shift(&tx, &self.actor, recipient, row, Some(&mut names)) {
                Ok(Some(_)) => outcome.added += 1,
                Ok(None) => outcome.duplicates += 1,
                Err(StoreError::Invalid(reason)) => refused.push((row.line, reason)),
                Err(e @ StoreError::Locked { .. }) => refused.push((row.line, e.to_string())),
                Err(e) => return Err(e),
            }
        }
        if !refused.is_empty() {
            // Dropping the transaction rolls every line back.
            return Ok(Err(refused));
        }
        tx.commit()?;
        outcome.new_assistants = names.created;
        Ok(Ok(outcome))
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
    use crate::store::NewRecipient;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

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

    fn setup() -> (Store, RecipientId) {
        let mut s = Store::open_in_memory().unwrap();
        let id = s
            .create_recipient(
                &NewRecipient {
                    name: "Ola".into(),
                    representative: None,
                },
                None,
            )
            .unwrap();
        (s, id)
    }

    #[test]
    fn an_import_is_all_or_nothing_and_never_twice() {
        let (mut s, r) = setup();
        let rows = vec![
            row(2, "Kari", at(23, 8), at(23, 16)),
            row(3, "Per", at(23, 16), at(23, 22)),
        ];
        let out = s.import_shifts(r, &rows).unwrap().unwrap();
        assert_eq!(out.added, 2);
        assert_eq!(out.new_assistants, vec!["Kari", "Per"]);
        let again = s.import_shifts(r, &rows).unwrap().unwrap();
        assert_eq!((again.added, again.duplicates), (0, 2));

        let audit = s.audit_len().unwrap();
        let bad = vec![
            row(2, "Nora", at(24, 8), at(24, 16)),
            row(3, "Kari", at(23, 10), at(23, 12)),
        ];
        let refused = s.import_shifts(r, &bad).unwrap().unwrap_err();
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].0, 3);
        assert!(
            refused[0].1.contains("already has a shift"),
            "{}",
            refused[0].1
        );
        assert_eq!(s.shift_count(r).unwrap(), 2);
        assert!(s.assistant_id("Nora").unwrap().is_none());
        assert_eq!(s.audit_len().unwrap(), audit);
    }

    #[test]
    fn shifts_of_a_range_include_those_reaching_into_it() {
        let (mut s, r) = setup();
        s.import_shifts(
            r,
            &[
                row(1, "Kari", at(22, 22), at(23, 7)),
                row(2, "Kari", at(30, 8), at(30, 9)),
            ],
        )
        .unwrap()
        .unwrap();
        let week = crate::domain::time::Week::new(2026, 48).unwrap();
        let shifts = s.shifts_in(r, week.days()).unwrap();
        assert_eq!(shifts.len(), 1);
        assert_eq!(shifts[0].start, at(22, 22));
    }

    #[test]
    fn the_overlap_check_reads_a_bounded_range_of_the_index() {
        let (s, _) = setup();
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
        let (s, r) = setup();
        let err = s.conn.execute(
            "INSERT INTO shift (recipient_id, start_at, end_at) VALUES (?1, '2026-11-23T10:00', '2026-11-23T09:00')",
            [r.0],
        );
        assert!(err.is_err());
        let err = s.conn.execute("INSERT INTO unmet_need (recipient_id, at, minutes, what, reason) VALUES (?1, '2026-11-23T10:00', -5, 'x', 'other')", [r.0]);
        assert!(err.is_err());
    }
}
