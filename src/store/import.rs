//! Importing shifts from a file: all or nothing, every bad line named, never
//! a shift twice, one audit entry per shift.
//!
//! The file's lines are checked against each other in memory first (see
//! [`ShiftBatch::check`]); the write lock is taken only then, for the checks
//! against what is stored and the writing. Assistants new in this file have
//! nothing stored, so their lines go straight in; names are resolved once
//! per file, approvals once per assistant and month, and the audit chain's
//! end is kept in memory.

use std::collections::HashMap;

use chrono::Datelike;
use rusqlite::TransactionBehavior;

use super::assistants::insert_assistant;
use super::audit::Chain;
use super::shifts::{Fresh, check_times, clash, store_fresh, stored_already};
use super::{Result, Store, StoreError};
use crate::domain::ids::{AssistantId, RecipientId};
use crate::domain::import::ShiftBatch;
use crate::domain::people::Assistant;
use crate::domain::shift::ShiftStatus;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub added: usize,
    /// Lines that were already stored (or repeated in the file), so nothing
    /// was added twice.
    pub duplicates: usize,
    pub new_assistants: Vec<String>,
}

/// The page cache while importing, in KiB (as `cache_size` takes it, negated).
const IMPORT_CACHE_KIB: i64 = -32 * 1024;

/// Lines refused, with their reasons, by line.
pub type Refused = Vec<(usize, String)>;

/// An assistant of the file: stored before, or made by this import.
#[derive(Clone, Copy)]
struct Resolved {
    id: AssistantId,
    new: bool,
}

impl Store {
    /// Imports shifts all or nothing. Unknown assistants are created; shifts
    /// already stored are skipped. When any line is refused, nothing is
    /// stored and every refused line comes back with its reason.
    /// `progress` is told how many lines are done, now and then.
    pub fn import_shifts(
        &mut self,
        recipient: RecipientId,
        batch: &ShiftBatch,
        progress: &mut dyn FnMut(usize),
    ) -> Result<std::result::Result<ImportOutcome, Refused>> {
        let mut refused: Refused = batch
            .rows()
            .iter()
            .filter_map(|r| check_times(r.start(), r.end()).err().map(|e| (r.line(), e)))
            .collect();
        let check = batch.check();
        refused.extend(check.refused);
        if !refused.is_empty() {
            refused.sort();
            return Ok(Err(refused));
        }
        let mut repeated = vec![false; batch.len()];
        for i in check.repeated {
            repeated[i] = true;
        }

        let actor = self.actor.clone();
        // A bigger page cache while the import writes: the default 2 MB
        // makes SQLite write pages out and read them back mid-transaction.
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn
            .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        let result = self.import_checked(recipient, batch, &repeated, &actor, progress);
        // The import's own result comes first: once committed, it stands
        // even if the setting cannot be put back (it lasts this run only).
        let restored = self.conn.pragma_update(None, "cache_size", cache);
        let outcome = result?;
        restored?;
        Ok(outcome)
    }

    fn import_checked(
        &mut self,
        recipient: RecipientId,
        batch: &ShiftBatch,
        repeated: &[bool],
        actor: &str,
        progress: &mut dyn FnMut(usize),
    ) -> Result<std::result::Result<ImportOutcome, Refused>> {
        let mut refused = Refused::new();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut outcome = ImportOutcome::default();
        let known = known_names(&tx)?;
        let mut people = Vec::with_capacity(batch.names().len());
        for name in batch.names() {
            let resolved = if let Some(id) = known.get(&crate::domain::people::name_key(name)) {
                Resolved {
                    id: *id,
                    new: false,
                }
            } else {
                let a = Assistant {
                    name: name.clone(),
                    active: true,
                    ..Assistant::default()
                };
                outcome.new_assistants.push(name.clone());
                Resolved {
                    id: insert_assistant(&tx, actor, &a)?,
                    new: true,
                }
            };
            people.push(resolved);
        }

        let mut chain = Chain::read(&tx)?;
        // Whether an assistant's month is approved, asked once each.
        let mut locks: HashMap<(i64, i32, u32), Option<String>> = HashMap::new();
        for (i, row) in batch.rows().iter().enumerate() {
            if i > 0 && i % 1024 == 0 {
                progress(i);
            }
            if repeated[i] {
                outcome.duplicates += 1;
                continue;
            }
            let who = batch.who(row).map(|w| people[w]);
            let fresh = Fresh {
                recipient,
                assistant: who.map(|w| w.id),
                allocation: None,
                start: row.start(),
                end: row.end(),
                kind: row.kind(),
                status: ShiftStatus::Planned,
                note: batch.note(row),
                active: "",
            };
            let line = row.line();
            match who {
                // Nothing of theirs was stored before this file.
                Some(w) if w.new => {}
                _ => {
                    if stored_already(&tx, &fresh)? {
                        outcome.duplicates += 1;
                        continue;
                    }
                }
            }
            if let Some(w) = who.filter(|w| !w.new) {
                match clash(&tx, w.id, batch.name(row), fresh.start, fresh.end, None) {
                    Ok(()) => {}
                    Err(StoreError::Invalid(reason)) => {
                        refused.push((line, reason));
                        continue;
                    }
                    Err(e) => return Err(e),
                }
                let key = (w.id.0, fresh.start.year(), fresh.start.month());
                let lock = if let Some(lock) = locks.get(&key) {
                    lock.clone()
                } else {
                    let lock = match super::approvals::ensure_open(
                        &tx,
                        recipient,
                        Some(w.id),
                        fresh.start,
                    ) {
                        Ok(()) => None,
                        Err(e @ StoreError::Locked { .. }) => Some(e.to_string()),
                        Err(e) => return Err(e),
                    };
                    locks.insert(key, lock.clone());
                    lock
                };
                if let Some(reason) = lock {
                    refused.push((line, reason));
                    continue;
                }
            }
            if refused.is_empty() {
                store_fresh(&tx, &mut chain, actor, &fresh)?;
                outcome.added += 1;
            }
        }
        progress(batch.len());
        if !refused.is_empty() {
            // Dropping the transaction rolls every line back.
            return Ok(Err(refused));
        }
        tx.commit()?;
        Ok(Ok(outcome))
    }
}

/// Every stored assistant by lower-cased, trimmed name, as `find_by_name`
/// compares them (an active one wins over an inactive namesake).
fn known_names(tx: &rusqlite::Connection) -> Result<HashMap<String, AssistantId>> {
    let mut known = HashMap::new();
    let mut stmt = tx.prepare("SELECT id, name FROM assistant ORDER BY active DESC, id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let name: String = r.get(1)?;
        known
            .entry(crate::domain::people::name_key(&name))
            .or_insert(AssistantId(r.get(0)?));
    }
    Ok(known)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::shift::ShiftKind;
    use crate::store::test_support::{nov as at, ola};
    use chrono::NaiveDateTime;

    /// Lines from 2, each `(who, start, end)`.
    fn batch(rows: &[(&str, NaiveDateTime, NaiveDateTime)]) -> ShiftBatch {
        let mut b = ShiftBatch::new();
        for (i, (who, start, end)) in rows.iter().enumerate() {
            b.push(i + 2, who, *start, *end, ShiftKind::Ordinary, "");
        }
        b
    }

    fn import(
        s: &mut Store,
        r: RecipientId,
        b: &ShiftBatch,
    ) -> std::result::Result<ImportOutcome, Refused> {
        s.import_shifts(r, b, &mut |_| {}).unwrap()
    }

    #[test]
    fn an_import_is_all_or_nothing_and_never_twice() {
        let (mut s, r) = ola();
        let rows = batch(&[
            ("Kari", at(23, 8), at(23, 16)),
            ("Per", at(23, 16), at(23, 22)),
            ("", at(23, 8), at(23, 9)),
            ("", at(23, 8), at(23, 9)),
        ]);
        let out = import(&mut s, r, &rows).unwrap();
        assert_eq!((out.added, out.duplicates), (3, 1));
        assert_eq!(out.new_assistants, vec!["Kari", "Per"]);
        // One audit entry per shift and per new assistant.
        let audit = s.audit_len().unwrap();
        let again = import(&mut s, r, &rows).unwrap();
        assert_eq!((again.added, again.duplicates), (0, 4));
        assert!(again.new_assistants.is_empty());
        assert_eq!(s.audit_len().unwrap(), audit);
        assert_eq!(s.verify_chain().unwrap(), None);

        let bad = batch(&[
            ("Nora", at(24, 8), at(24, 16)),
            ("kari", at(23, 10), at(23, 12)),
            ("Per", at(24, 10), at(24, 12)),
        ]);
        let refused = import(&mut s, r, &bad).unwrap_err();
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert_eq!(refused[0].0, 3);
        assert!(refused[0].1.contains("already has a shift"), "{refused:?}");
        assert_eq!(s.shift_count(r).unwrap(), 3);
        assert!(s.assistant_id("Nora").unwrap().is_none());
        assert_eq!(s.audit_len().unwrap(), audit);
    }

    #[test]
    fn lines_that_overlap_each_other_are_refused_before_the_database_is_touched() {
        let (mut s, r) = ola();
        let rows = batch(&[
            ("Kari", at(23, 8), at(23, 16)),
            ("Kari", at(23, 15), at(23, 17)),
        ]);
        let refused = import(&mut s, r, &rows).unwrap_err();
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].0, 3);
        assert!(refused[0].1.contains("line 2"), "{refused:?}");
        assert_eq!(s.audit_len().unwrap(), 1);
    }

    #[test]
    fn every_shift_has_its_own_audit_entry_and_the_chain_holds() {
        let (mut s, r) = ola();
        let before = s.audit_len().unwrap();
        let rows: Vec<_> = (1..=20).map(|d| ("Kari", at(d, 8), at(d, 12))).collect();
        import(&mut s, r, &batch(&rows)).unwrap();
        // One for Kari, one for each shift.
        assert_eq!(s.audit_len().unwrap(), before + 21);
        assert_eq!(s.changes_per_row("shift").unwrap().len(), 20);
        assert_eq!(s.verify_chain().unwrap(), None);
    }

    #[test]
    fn a_locked_month_refuses_its_lines() {
        let (mut s, r) = ola();
        import(&mut s, r, &batch(&[("Kari", at(2, 8), at(2, 12))])).unwrap();
        let kari = s.assistant_id("Kari").unwrap().unwrap();
        s.approve_month(
            r,
            kari,
            crate::domain::time::Month::containing(at(2, 8).date()),
        )
        .unwrap();
        let refused = import(
            &mut s,
            r,
            &batch(&[("Kari", at(3, 8), at(3, 12)), ("Kari", at(4, 8), at(4, 12))]),
        )
        .unwrap_err();
        assert_eq!(refused.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 3]);
        assert!(refused[0].1.contains("approved"), "{refused:?}");
    }
}
