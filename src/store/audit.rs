//! The audit log: who changed what, when, before and after.
//!
//! Entries are append-only (triggers refuse UPDATE and DELETE) and
//! hash-chained: each hash covers the previous one, so an entry removed or
//! edited afterwards breaks the chain and [`verify_chain`] finds it.

use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{Result, Store};

/// The hash before the first entry.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One change to record.
pub struct Change<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn entry_hash(prev: &str, at: &str, actor: &str, c: &Change, before: &str, after: &str) -> String {
    let mut h = Sha256::new();
    for part in [prev, at, actor, c.action, c.entity] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    h.update(c.entity_id.unwrap_or(-1).to_le_bytes());
    for part in [before, after] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    let mut hex = String::with_capacity(64);
    for b in h.finalize() {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 15)]));
    }
    hex
}

/// Appends `change` to the audit log inside the caller's transaction.
pub fn record(tx: &Transaction, actor: &str, change: &Change) -> Result<()> {
    Chain::read(tx)?.record(tx, actor, change)
}

/// The end of the hash chain, held in memory while one transaction appends
/// many entries (an import of a million lines reads it once, not a million
/// times). Anything else that appends in between must be followed by
/// [`Chain::read`] again.
pub struct Chain {
    prev: String,
    at: String,
}

impl Chain {
    /// The newest entry's hash, and the time the entries to come are stamped with.
    pub fn read(tx: &Transaction) -> Result<Self> {
        let prev = tx
            .prepare_cached("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")?
            .query_row([], |r| r.get(0))
            .optional()?
            .unwrap_or_else(|| GENESIS.to_owned());
        Ok(Self {
            prev,
            at: crate::clock::audit_stamp(),
        })
    }

    /// Appends `change` after the entry this chain ends with.
    pub fn record(&mut self, tx: &Transaction, actor: &str, change: &Change) -> Result<()> {
        let before = change.before.as_ref().map(Value::to_string);
        let after = change.after.as_ref().map(Value::to_string);
        let hash = entry_hash(
            &self.prev,
            &self.at,
            actor,
            change,
            before.as_deref().unwrap_or(""),
            after.as_deref().unwrap_or(""),
        );
        tx.prepare_cached(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![self.at, actor, change.action, change.entity, change.entity_id, before, after, self.prev, hash])?;
        self.prev = hash;
        Ok(())
    }
}

impl Store {
    /// Number of audit entries.
    pub fn audit_len(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?)
    }

    /// Checks the hash chain; returns the id of the first broken entry.
    pub fn verify_chain(&self) -> Result<Option<i64>> {
        verify_chain_in(&self.conn)
    }

    /// How many audit entries each row of `entity` has, by id: a shift's
    /// count less one is how often it changed since it was made.
    pub fn changes_per_row(&self, entity: &str) -> Result<std::collections::HashMap<i64, i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT entity_id, count(*) FROM audit_log WHERE entity = ?1 AND entity_id IS NOT NULL
             GROUP BY entity_id",
        )?;
        let rows = stmt.query_map([entity], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Checks the hash chain on `conn` (also inside a transaction, before an
/// import commits); returns the id of the first broken entry.
pub(super) fn verify_chain_in(conn: &rusqlite::Connection) -> Result<Option<i64>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash
         FROM audit_log ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_owned();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let at: String = r.get(1)?;
        let actor: String = r.get(2)?;
        let action: String = r.get(3)?;
        let entity: String = r.get(4)?;
        let change = Change {
            action: &action,
            entity: &entity,
            entity_id: r.get(5)?,
            before: None,
            after: None,
        };
        let before: Option<String> = r.get(6)?;
        let after: Option<String> = r.get(7)?;
        let stored_prev: String = r.get(8)?;
        let stored: String = r.get(9)?;
        let expected = entry_hash(
            &prev,
            &at,
            &actor,
            &change,
            before.as_deref().unwrap_or(""),
            after.as_deref().unwrap_or(""),
        );
        if stored_prev != prev || stored != expected {
            return Ok(Some(id));
        }
        prev = stored;
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_stamped_before_the_one_before_it_is_reported() {
        let (s, _) = crate::store::test_support::ola();
        assert!(s.verify().unwrap().is_empty());
        // A well-chained entry written with a clock set back.
        let prev: String = s
            .conn
            .query_row(
                "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let at = "2000-01-01T00:00:00Z";
        let change = Change {
            action: "update",
            entity: "setting",
            entity_id: None,
            before: None,
            after: None,
        };
        let hash = entry_hash(&prev, at, "someone", &change, "", "");
        s.conn
            .execute(
                "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
                 VALUES (?1, 'someone', 'update', 'setting', NULL, NULL, NULL, ?2, ?3)",
                params![at, prev, hash],
            )
            .unwrap();
        assert_eq!(s.verify_chain().unwrap(), None, "the chain itself holds");
        let problems = s.verify().unwrap();
        assert!(
            problems.iter().any(|p| p.contains("stamped 2000-01-01")),
            "{problems:?}"
        );
    }
}
