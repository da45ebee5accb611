//! Assistants: add, find by name, list.

use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

use super::audit::{Change, record};
use super::codec::{date_text, opt_date};
use super::{Result, Store, StoreError};
use crate::domain::ids::AssistantId;
use crate::domain::people::Assistant;

const COLUMNS: &str =
    "id, name, phone, email, police_certificate_on, confidentiality_on, contract_on, active";

fn row_to_assistant(r: &rusqlite::Row) -> rusqlite::Result<Assistant> {
    Ok(Assistant {
        id: Some(AssistantId(r.get(0)?)),
        name: r.get(1)?,
        phone: r.get(2)?,
        email: r.get(3)?,
        police_certificate: opt_date(r, 4)?,
        confidentiality: opt_date(r, 5)?,
        contract: opt_date(r, 6)?,
        active: r.get(7)?,
    })
}

pub(super) fn insert_assistant(
    tx: &Transaction,
    actor: &str,
    a: &Assistant,
) -> Result<AssistantId> {
    let name = a.name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid("the assistant needs a name".into()));
    }
    tx.execute(
        "INSERT INTO assistant (name, phone, email, police_certificate_on, confidentiality_on, contract_on, active)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            name,
            a.phone.trim(),
            a.email.trim(),
            a.police_certificate.map(date_text),
            a.confidentiality.map(date_text),
            a.contract.map(date_text),
            a.active
        ],
    )?;
    let id = AssistantId(tx.last_insert_rowid());
    record(
        tx,
        actor,
        &Change {
            action: "create",
            entity: "assistant",
            entity_id: Some(id.0),
            before: None,
            after: Some(json!({
                "name": name,
                "police_certificate_on": a.police_certificate.map(date_text),
                "confidentiality_on": a.confidentiality.map(date_text),
                "contract_on": a.contract.map(date_text),
                "active": a.active,
            })),
        },
    )?;
    Ok(id)
}

pub(super) fn find_by_name(tx: &rusqlite::Connection, name: &str) -> Result<Option<AssistantId>> {
    Ok(tx
        .query_row(
            "SELECT id FROM assistant WHERE name = ?1 COLLATE NOCASE ORDER BY active DESC, id LIMIT 1",
            [name.trim()],
            |r| r.get(0).map(AssistantId),
        )
        .optional()?)
}

impl Store {
    /// Adds an assistant; a second one with the same name is refused.
    pub fn add_assistant(&mut self, a: &Assistant) -> Result<AssistantId> {
        if find_by_name(&self.conn, &a.name)?.is_some() {
            return Err(StoreError::Invalid(format!(
                "there is already an assistant called «{}»",
                a.name.trim()
            )));
        }
        self.write(|tx, actor| insert_assistant(tx, actor, a))
    }

    /// Every assistant: active first, then by name.
    pub fn assistants(&self) -> Result<Vec<Assistant>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM assistant ORDER BY active DESC, name COLLATE NOCASE, id"
        ))?;
        let rows = stmt.query_map([], row_to_assistant)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn assistant_id(&self, name: &str) -> Result<Option<AssistantId>> {
        find_by_name(&self.conn, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assistants_are_listed_active_first_and_names_are_unique() {
        let mut s = Store::open_in_memory().unwrap();
        let a = |name: &str, active| Assistant {
            name: name.into(),
            active,
            ..Assistant::default()
        };
        s.add_assistant(&a("Åse", true)).unwrap();
        s.add_assistant(&a("Bjørn", false)).unwrap();
        s.add_assistant(&a("Anders", true)).unwrap();
        let names: Vec<String> = s
            .assistants()
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(names[2], "Bjørn");
        assert!(s.add_assistant(&a("anders", true)).is_err());
        assert!(s.add_assistant(&a("  ", true)).is_err());
        assert_eq!(s.audit_len().unwrap(), 3);
    }
}
