//! Changing shifts one at a time: add by id, edit, delete, mark worked or
//! absent (with a substitute), copy, and put back an earlier state (undo).
//! Each is one transaction with its audit entry; an overlap for the same
//! assistant is refused.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

use super::audit::{Change, record};
use super::codec::{active_text, datetime_text};
use super::shifts::{COLUMNS, check_times, clash, row_to_shift};
use super::{Result, Store, StoreError};
use crate::domain::ids::{AllocationId, AssistantId, RecipientId, ShiftId};
use crate::domain::shift::{ActivePeriod, Shift, ShiftKind, ShiftStatus, validate_active};

/// What a shift form holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftFields {
    pub assistant: Option<AssistantId>,
    pub allocation: Option<AllocationId>,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub kind: ShiftKind,
    pub note: String,
    /// Active periods of a sleeping night.
    pub active: Vec<ActivePeriod>,
}

impl ShiftFields {
    pub fn of(shift: &Shift) -> Self {
        Self {
            assistant: shift.assistant,
            allocation: shift.allocation,
            start: shift.start,
            end: shift.end,
            kind: shift.kind,
            note: shift.note.clone(),
            active: shift.active.clone(),
        }
    }
}

fn shift_json(s: &Shift) -> serde_json::Value {
    json!({
        "assistant_id": s.assistant.map(|a| a.0),
        "allocation_id": s.allocation.map(|a| a.0),
        "start_at": datetime_text(s.start),
        "end_at": datetime_text(s.end),
        "actual_start_at": s.actual_start.map(datetime_text),
        "actual_end_at": s.actual_end.map(datetime_text),
        "kind": s.kind.code(),
        "status": s.status.code(),
        "note": s.note,
        "active_periods": active_text(&s.active),
    })
}

fn load(tx: &rusqlite::Connection, id: ShiftId) -> Result<Shift> {
    tx.query_row(
        &format!("SELECT {COLUMNS} FROM shift WHERE id = ?1"),
        [id.0],
        row_to_shift,
    )
    .optional()?
    .ok_or_else(|| {
        StoreError::Invalid("that shift no longer exists (changed in another window?)".into())
    })
}

fn assistant_name(tx: &rusqlite::Connection, id: AssistantId) -> Result<String> {
    Ok(tx
        .query_row("SELECT name FROM assistant WHERE id = ?1", [id.0], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or_default())
}

/// Checks times and overlaps for `fields` (`except`: the shift being changed).
fn check(tx: &rusqlite::Connection, fields: &ShiftFields, except: Option<ShiftId>) -> Result<()> {
    check_times(fields.start, fields.end).map_err(StoreError::Invalid)?;
    if let Some(a) = fields.assistant {
        clash(
            tx,
            a,
            &assistant_name(tx, a)?,
            fields.start,
            fields.end,
            except,
        )?;
    }
    Ok(())
}

fn insert(
    tx: &Transaction,
    actor: &str,
    recipient: RecipientId,
    f: &ShiftFields,
    status: ShiftStatus,
    substitute_for: Option<ShiftId>,
) -> Result<ShiftId> {
    check(tx, f, None)?;
    super::approvals::ensure_open(tx, recipient, f.assistant, f.start)?;
    let active = validate_active(f.kind, f.start, f.end, &f.active)
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    tx.execute(
        "INSERT INTO shift (recipient_id, allocation_id, assistant_id, start_at, end_at, kind, status, substitute_for_id, note, active_periods)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            recipient.0,
            f.allocation.map(|a| a.0),
            f.assistant.map(|a| a.0),
            datetime_text(f.start),
            datetime_text(f.end),
            f.kind.code(),
            status.code(),
            substitute_for.map(|s| s.0),
            f.note.trim(),
            active_text(&active),
        ],
    )?;
    let id = ShiftId(tx.last_insert_rowid());
    let stored = load(tx, id)?;
    record(
        tx,
        actor,
        &Change {
            action: "create",
            entity: "shift",
            entity_id: Some(id.0),
            before: None,
            after: Some(shift_json(&stored)),
        },
    )?;
    Ok(id)
}

/// Writes every field of `s` over the stored row with the same id.
fn overwrite(tx: &Transaction, actor: &str, s: &Shift, action: &str) -> Result<Shift> {
    let before = load(tx, s.id)?;
    let recipient = recipient_of(tx, s.id)?;
    super::approvals::ensure_open(tx, recipient, before.assistant, before.start)?;
    super::approvals::ensure_open(tx, recipient, s.assistant, s.start)?;
    if s.status.counts() {
        check(tx, &ShiftFields::of(s), Some(s.id))?;
    } else {
        check_times(s.start, s.end).map_err(StoreError::Invalid)?;
    }
    let (from, to) = s.counted_times();
    let active = validate_active(s.kind, from, to, &s.active)
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    tx.execute(
        "UPDATE shift SET assistant_id = ?1, allocation_id = ?2, start_at = ?3, end_at = ?4, actual_start_at = ?5,
         actual_end_at = ?6, kind = ?7, status = ?8, note = ?9, active_periods = ?11 WHERE id = ?10",
        params![
            s.assistant.map(|a| a.0),
            s.allocation.map(|a| a.0),
            datetime_text(s.start),
            datetime_text(s.end),
            s.actual_start.map(datetime_text),
            s.actual_end.map(datetime_text),
            s.kind.code(),
            s.status.code(),
            s.note.trim(),
            s.id.0,
            active_text(&active),
        ],
    )?;
    record(
        tx,
        actor,
        &Change {
            action,
            entity: "shift",
            entity_id: Some(s.id.0),
            before: Some(shift_json(&before)),
            after: Some(shift_json(s)),
        },
    )?;
    Ok(before)
}

/// Stores a deleted shift again with everything it had (status, actual times).
fn store_again(
    tx: &Transaction,
    actor: &str,
    recipient: RecipientId,
    shift: &Shift,
) -> Result<ShiftId> {
    // The calls are checked against the times that count, which only
    // `overwrite` knows: they come back with it.
    let plan = ShiftFields {
        active: Vec::new(),
        ..ShiftFields::of(shift)
    };
    let id = insert(tx, actor, recipient, &plan, shift.status, None)?;
    overwrite(
        tx,
        actor,
        &Shift {
            id,
            ..shift.clone()
        },
        "restore",
    )?;
    Ok(id)
}

/// The recipient a stored shift belongs to.
fn recipient_of(tx: &rusqlite::Connection, id: ShiftId) -> Result<RecipientId> {
    Ok(RecipientId(tx.query_row(
        "SELECT recipient_id FROM shift WHERE id = ?1",
        [id.0],
        |r| r.get(0),
    )?))
}

fn delete(tx: &Transaction, actor: &str, id: ShiftId) -> Result<Shift> {
    let before = load(tx, id)?;
    super::approvals::ensure_open(tx, recipient_of(tx, id)?, before.assistant, before.start)?;
    let logged: i64 = tx.query_row(
        "SELECT count(*) FROM task_log WHERE shift_id = ?1",
        [id.0],
        |r| r.get(0),
    )?;
    if logged > 0 {
        return Err(StoreError::Invalid(
            "the shift has log entries and is kept; mark it cancelled instead".into(),
        ));
    }
    // A substitute's shift forgets whom it replaced: a change to that row
    // too, so it is checked against its own approval and audited.
    let substitutes: Vec<i64> = tx
        .prepare("SELECT id FROM shift WHERE substitute_for_id = ?1")?
        .query_map([id.0], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let recipient = recipient_of(tx, id)?;
    for sub in substitutes {
        let other = load(tx, ShiftId(sub))?;
        super::approvals::ensure_open(tx, recipient, other.assistant, other.start)?;
        tx.execute(
            "UPDATE shift SET substitute_for_id = NULL WHERE id = ?1",
            [sub],
        )?;
        record(
            tx,
            actor,
            &Change {
                action: "update",
                entity: "shift",
                entity_id: Some(sub),
                before: Some(json!({ "substitute_for_id": id.0 })),
                after: Some(json!({ "substitute_for_id": null })),
            },
        )?;
    }
    tx.execute("DELETE FROM shift WHERE id = ?1", [id.0])?;
    record(
        tx,
        actor,
        &Change {
            action: "delete",
            entity: "shift",
            entity_id: Some(id.0),
            before: Some(shift_json(&before)),
            after: None,
        },
    )?;
    Ok(before)
}

impl Store {
    /// Adds a planned shift.
    pub fn add_shift_fields(
        &mut self,
        recipient: RecipientId,
        fields: &ShiftFields,
    ) -> Result<ShiftId> {
        self.write(|tx, actor| insert(tx, actor, recipient, fields, ShiftStatus::Planned, None))
    }

    /// One shift by id.
    pub fn shift(&self, id: ShiftId) -> Result<Shift> {
        load(&self.conn, id)
    }

    /// Changes a shift's plan (who, when, kind, allocation, note); returns
    /// the shift as it was, for undo.
    ///
    /// With `expected` (the shift as the user saw it), a shift changed in
    /// another window since is not overwritten: [`StoreError::Conflict`].
    pub fn edit_shift(
        &mut self,
        id: ShiftId,
        fields: &ShiftFields,
        expected: Option<&Shift>,
    ) -> Result<Shift> {
        self.write(|tx, actor| {
            let mut s = load(tx, id)?;
            if expected.is_some_and(|e| *e != s) {
                return Err(StoreError::Conflict);
            }
            // Moved to another day, the times it was worked move along.
            let days = fields.start.date() - s.start.date();
            s.actual_start = s.actual_start.map(|t| t + days);
            s.actual_end = s.actual_end.map(|t| t + days);
            s.assistant = fields.assistant;
            s.allocation = fields.allocation;
            s.start = fields.start;
            s.end = fields.end;
            s.kind = fields.kind;
            s.note = fields.note.trim().to_owned();
            s.active = fields.active.clone();
            overwrite(tx, actor, &s, "update")
        })
    }

    /// Puts a shift back exactly as it was (undo).
    pub fn restore_shift(&mut self, shift: &Shift) -> Result<()> {
        self.write(|tx, actor| overwrite(tx, actor, shift, "restore").map(|_| ()))
    }

    /// Deletes a shift without log entries; returns it, for undo.
    pub fn delete_shift(&mut self, id: ShiftId) -> Result<Shift> {
        self.write(|tx, actor| delete(tx, actor, id))
    }

    /// Deletes several shifts in one transaction (undo of a copy).
    pub fn delete_shifts(&mut self, ids: &[ShiftId]) -> Result<()> {
        self.write(|tx, actor| {
            ids.iter()
                .try_for_each(|id| delete(tx, actor, *id).map(|_| ()))
        })
    }

    /// Stores a deleted shift again, as it was (undo of a delete).
    pub fn reinsert_shift(&mut self, recipient: RecipientId, shift: &Shift) -> Result<ShiftId> {
        self.write(|tx, actor| store_again(tx, actor, recipient, shift))
    }

    /// Marks a shift worked, with the actual times when they differ from
    /// the plan, and the active periods of a sleeping night (`None` keeps
    /// those recorded); returns the shift as it was.
    pub fn mark_worked(
        &mut self,
        id: ShiftId,
        actual: Option<(NaiveDateTime, NaiveDateTime)>,
        active: Option<&[ActivePeriod]>,
    ) -> Result<Shift> {
        self.write(|tx, actor| {
            let mut s = load(tx, id)?;
            if !s.status.counts() {
                return Err(StoreError::Invalid(format!(
                    "the shift is marked {}; a substitute's shift is the one to mark worked",
                    s.status.code()
                )));
            }
            if let Some((a, b)) = actual {
                check_times(a, b).map_err(StoreError::Invalid)?;
            }
            let differs = actual.filter(|(a, b)| (*a, *b) != (s.start, s.end));
            s.actual_start = differs.map(|(a, _)| a);
            s.actual_end = differs.map(|(_, b)| b);
            if let Some(active) = active {
                s.active = active.to_vec();
            }
            s.status = ShiftStatus::Worked;
            overwrite(tx, actor, &s, "worked")
        })
    }

    /// Marks a shift absent (sick, say) and, with a substitute, makes the
    /// substitute's shift; both stay in the history. Returns the shift as it
    /// was and the substitute's shift.
    pub fn mark_absent(
        &mut self,
        id: ShiftId,
        substitute: Option<AssistantId>,
    ) -> Result<(Shift, Option<ShiftId>)> {
        self.write(|tx, actor| {
            let mut s = load(tx, id)?;
            if !s.status.counts() {
                return Err(StoreError::Invalid(format!(
                    "the shift is already marked {}",
                    s.status.code()
                )));
            }
            if substitute.is_some() && substitute == s.assistant {
                return Err(StoreError::Invalid(
                    "the substitute must be someone else".into(),
                ));
            }
            let recipient = recipient_of(tx, id)?;
            s.status = ShiftStatus::Absent;
            let before = overwrite(tx, actor, &s, "absent")?;
            let sub = match substitute {
                Some(who) => {
                    let fields = ShiftFields {
                        assistant: Some(who),
                        note: String::new(),
                        ..ShiftFields::of(&s)
                    };
                    Some(insert(
                        tx,
                        actor,
                        recipient,
                        &fields,
                        ShiftStatus::Planned,
                        Some(id),
                    )?)
                }
                None => None,
            };
            Ok((before, sub))
        })
    }

    /// Takes back a change in one transaction: deletes the shifts it made,
    /// puts changed shifts back as they were, and stores deleted ones again.
    pub fn undo_shifts(
        &mut self,
        recipient: RecipientId,
        delete_ids: &[ShiftId],
        restore: &[Shift],
        reinsert: &[Shift],
    ) -> Result<()> {
        self.write(|tx, actor| {
            for id in delete_ids {
                delete(tx, actor, *id)?;
            }
            for shift in restore {
                overwrite(tx, actor, shift, "restore")?;
            }
            for shift in reinsert {
                store_again(tx, actor, recipient, shift)?;
            }
            Ok(())
        })
    }

    /// Adds copies of shifts, all or nothing; an overlap names the copy that clashes.
    pub fn copy_shifts(
        &mut self,
        recipient: RecipientId,
        copies: &[ShiftFields],
    ) -> Result<Vec<ShiftId>> {
        self.write(|tx, actor| {
            copies
                .iter()
                .map(|f| insert(tx, actor, recipient, f, ShiftStatus::Planned, None))
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn setup() -> (Store, RecipientId, AssistantId, AssistantId) {
        crate::store::test_support::ola_kari_per()
    }

    fn fields(who: AssistantId, d: u32, h0: u32, h1: u32) -> ShiftFields {
        ShiftFields {
            assistant: Some(who),
            allocation: None,
            start: at(d, h0),
            end: at(d, h1),
            kind: ShiftKind::Ordinary,
            note: String::new(),
            active: Vec::new(),
        }
    }

    #[test]
    fn edit_refuses_an_overlap_and_restore_puts_it_back() {
        let (mut s, r, kari, _) = setup();
        let a = s.add_shift_fields(r, &fields(kari, 23, 8, 12)).unwrap();
        let b = s.add_shift_fields(r, &fields(kari, 23, 14, 18)).unwrap();
        assert!(s.edit_shift(b, &fields(kari, 23, 11, 18), None).is_err());
        let seen = s.shift(b).unwrap();
        let before = s
            .edit_shift(b, &fields(kari, 24, 14, 18), Some(&seen))
            .unwrap();
        // The same edit from a window that still shows the old shift is refused.
        assert!(matches!(
            s.edit_shift(b, &fields(kari, 25, 14, 18), Some(&seen)),
            Err(StoreError::Conflict)
        ));
        assert_eq!(s.shift(b).unwrap().start, at(24, 14));
        s.restore_shift(&before).unwrap();
        assert_eq!(s.shift(b).unwrap().start, at(23, 14));
        let _ = a;
    }

    #[test]
    fn absent_with_a_substitute_keeps_both() {
        let (mut s, r, kari, per) = setup();
        let a = s.add_shift_fields(r, &fields(kari, 23, 8, 12)).unwrap();
        let (before, sub) = s.mark_absent(a, Some(per)).unwrap();
        assert_eq!(before.status, ShiftStatus::Planned);
        assert_eq!(s.shift(a).unwrap().status, ShiftStatus::Absent);
        let sub = s.shift(sub.unwrap()).unwrap();
        assert_eq!((sub.assistant, sub.start), (Some(per), at(23, 8)));
        assert!(s.mark_absent(a, Some(kari)).is_err());
        assert!(
            s.mark_absent(a, None).is_err(),
            "absent twice would make a second substitute"
        );
        assert!(
            s.mark_worked(a, None, None).is_err(),
            "an absent shift does not count again"
        );
    }

    #[test]
    fn worked_with_actual_times_and_delete_with_reinsert() {
        let (mut s, r, kari, _) = setup();
        let a = s.add_shift_fields(r, &fields(kari, 23, 8, 12)).unwrap();
        s.mark_worked(a, Some((at(23, 8), at(23, 13))), None)
            .unwrap();
        let worked = s.shift(a).unwrap();
        assert_eq!(
            (worked.status, worked.actual_end),
            (ShiftStatus::Worked, Some(at(23, 13)))
        );
        s.mark_worked(a, Some((at(23, 8), at(23, 12))), None)
            .unwrap();
        assert_eq!(
            s.shift(a).unwrap().actual_end,
            None,
            "same as planned: no actual times"
        );
        let gone = s.delete_shift(a).unwrap();
        assert!(s.shift(a).is_err());
        let back = s.reinsert_shift(r, &gone).unwrap();
        assert_eq!(s.shift(back).unwrap().status, ShiftStatus::Worked);
    }

    #[test]
    fn a_worked_shift_moved_a_day_takes_its_times_and_comes_back_whole() {
        let (mut s, r, kari, _) = setup();
        let night = ShiftFields {
            kind: ShiftKind::SleepingNight,
            ..fields(kari, 23, 20, 23)
        };
        let id = s.add_shift_fields(r, &night).unwrap();
        // Worked until 23:59, with a call after the planned end.
        let late = at(23, 23) + chrono::Duration::minutes(59);
        let call = ActivePeriod {
            start: at(23, 23) + chrono::Duration::minutes(10),
            end: at(23, 23) + chrono::Duration::minutes(40),
        };
        s.mark_worked(id, Some((at(23, 20), late)), Some(&[call]))
            .unwrap();
        // Undo of a delete puts it back, call and all.
        let gone = s.delete_shift(id).unwrap();
        let back = s.reinsert_shift(r, &gone).unwrap();
        assert_eq!(s.shift(back).unwrap().active, vec![call]);
        // Moved to the next day, the worked times move along.
        let moved = ShiftFields {
            start: at(24, 20),
            end: at(24, 23),
            active: vec![ActivePeriod {
                start: call.start + chrono::Duration::days(1),
                end: call.end + chrono::Duration::days(1),
            }],
            ..night
        };
        s.edit_shift(back, &moved, None).unwrap();
        let after = s.shift(back).unwrap();
        assert_eq!(after.actual_start, Some(at(24, 20)));
        assert_eq!(after.actual_end, Some(late + chrono::Duration::days(1)));
    }

    #[test]
    fn a_copy_is_all_or_nothing() {
        let (mut s, r, kari, per) = setup();
        s.add_shift_fields(r, &fields(kari, 30, 8, 12)).unwrap();
        let err = s.copy_shifts(r, &[fields(per, 30, 8, 12), fields(kari, 30, 10, 14)]);
        assert!(err.is_err());
        assert_eq!(s.shift_count(r).unwrap(), 1);
        let ids = s.copy_shifts(r, &[fields(per, 30, 8, 12)]).unwrap();
        s.delete_shifts(&ids).unwrap();
        assert_eq!(s.shift_count(r).unwrap(), 1);
    }
}
