//! Assistants: add, edit, deactivate, delete (only without history), find, list.

use rusqlite::{OptionalExtension, Transaction, params};

use serde_json::json;

use super::audit::{Change, record};
use super::codec::{date_text, opt_date};
use super::{Result, Store, StoreError};
use crate::domain::ids::AssistantId;
use crate::domain::people::Assistant;

const COLUMNS: &str =
    "id, name, phone, email, employment_percent, contracted_minutes_per_week, start_date, end_date,
    police_certificate_on, confidentiality_on, contract_on, active, notes, employee_number";

fn row_to_assistant(r: &rusqlite::Row) -> rusqlite::Result<Assistant> {
    Ok(Assistant {
        id: Some(AssistantId(r.get(0)?)),
        name: r.get(1)?,
        phone: r.get(2)?,
        email: r.get(3)?,
        employment_percent: r.get(4)?,
        contracted_minutes: r.get(5)?,
        start_date: opt_date(r, 6)?,
        end_date: opt_date(r, 7)?,
        police_certificate: opt_date(r, 8)?,
        confidentiality: opt_date(r, 9)?,
        contract: opt_date(r, 10)?,
        active: r.get(11)?,
        notes: r.get(12)?,
        employee_number: r.get(13)?,
    })
}

fn to_json(a: &Assistant) -> serde_json::Value {
    json!({
        "name": a.name.trim(),
        "phone": a.phone.trim(),
        "email": a.email.trim(),
        "employment_percent": a.employment_percent,
        "contracted_minutes_per_week": a.contracted_minutes,
        "start_date": a.start_date.map(date_text),
        "end_date": a.end_date.map(date_text),
        "police_certificate_on": a.police_certificate.map(date_text),
        "confidentiality_on": a.confidentiality.map(date_text),
        "contract_on": a.contract.map(date_text),
        "active": a.active,
        "notes": a.notes.trim(),
        "employee_number": a.employee_number.trim(),
    })
}

/// The refusal of a name that is, but for case, spaces or invisible
/// characters, the name of the assistant `existing`: it names that one.
fn taken(conn: &rusqlite::Connection, existing: AssistantId) -> Result<StoreError> {
    let name: String = conn.query_row(
        "SELECT name FROM assistant WHERE id = ?1",
        [existing.0],
        |r| r.get(0),
    )?;
    Ok(StoreError::Invalid(format!(
        "«{name}» is already an assistant; a second name that differs only by case, spaces or invisible characters would be mistaken for it"
    )))
}

/// `a` with its name as it is stored (see [`crate::domain::people::clean_name`]).
fn with_clean_name(a: &Assistant) -> Result<Assistant> {
    Ok(Assistant {
        name: crate::domain::people::clean_name(&a.name).map_err(StoreError::Invalid)?,
        ..a.clone()
    })
}

pub(super) fn validate(a: &Assistant) -> Result<()> {
    if a.name.trim().is_empty() {
        return Err(StoreError::Invalid("the assistant needs a name".into()));
    }
    if let (Some(s), Some(e)) = (a.start_date, a.end_date)
        && e < s
    {
        return Err(StoreError::Invalid(format!(
            "the employment ends ({e}) before it starts ({s})"
        )));
    }
    let number = a.employee_number.trim();
    if number.chars().count() > 20
        || !number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(StoreError::Invalid(format!(
            "«{}» is not an employee number: use letters, digits and - (at most 20)",
            crate::text::clean(number)
        )));
    }
    if a.employment_percent.is_some_and(|p| p > 100) {
        return Err(StoreError::Invalid("employment is at most 100 %".into()));
    }
    Ok(())
}

pub(super) fn insert_assistant(
    tx: &Transaction,
    actor: &str,
    a: &Assistant,
) -> Result<AssistantId> {
    validate(a)?;
    tx.execute(
        "INSERT INTO assistant (name, phone, email, employment_percent, contracted_minutes_per_week, start_date, end_date,
         police_certificate_on, confidentiality_on, contract_on, active, notes, employee_number)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            a.name.trim(),
            a.phone.trim(),
            a.email.trim(),
            a.employment_percent,
            a.contracted_minutes,
            a.start_date.map(date_text),
            a.end_date.map(date_text),
            a.police_certificate.map(date_text),
            a.confidentiality.map(date_text),
            a.contract.map(date_text),
            a.active,
            a.notes.trim(),
            a.employee_number.trim(),
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
            after: Some(to_json(a)),
        },
    )?;
    Ok(id)
}

/// The assistant with this name, ignoring case in any script (SQLite's
/// NOCASE folds only ASCII, so «åse» and «Åse» are compared here).
pub(super) fn find_by_name(tx: &rusqlite::Connection, name: &str) -> Result<Option<AssistantId>> {
    let wanted = crate::domain::people::name_key(name);
    let mut stmt = tx.prepare_cached("SELECT id, name FROM assistant ORDER BY active DESC, id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let candidate: String = r.get(1)?;
        if crate::domain::people::name_key(&candidate) == wanted {
            return Ok(Some(AssistantId(r.get(0)?)));
        }
    }
    Ok(None)
}

/// Every assistant, active ones first, then by name.
pub(super) fn all(conn: &rusqlite::Connection) -> Result<Vec<Assistant>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM assistant ORDER BY active DESC, name COLLATE NOCASE, id"
    ))?;
    let rows = stmt.query_map([], row_to_assistant)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn load(tx: &rusqlite::Connection, id: AssistantId) -> Result<Assistant> {
    tx.query_row(
        &format!("SELECT {COLUMNS} FROM assistant WHERE id = ?1"),
        [id.0],
        row_to_assistant,
    )
    .optional()?
    .ok_or_else(|| StoreError::Invalid("that assistant no longer exists".into()))
}

/// What an import of assistants did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AssistantImport {
    pub added: usize,
    /// Names already present (or twice in the file), not added again.
    pub duplicates: usize,
}

impl Store {
    /// Adds an assistant; a second one with the same name is refused.
    pub fn add_assistant(&mut self, a: &Assistant) -> Result<AssistantId> {
        let a = &with_clean_name(a)?;
        if let Some(existing) = find_by_name(&self.conn, &a.name)? {
            return Err(taken(&self.conn, existing)?);
        }
        self.write(|tx, actor| insert_assistant(tx, actor, a))
    }

    /// Adds assistants all or nothing: `(line, assistant)` pairs from a
    /// file. A name already present (compared as [`Store::assistant_id`]
    /// does) is skipped and counted. When any line is refused, nothing is
    /// stored and every refused line comes back with its reason.
    pub fn import_assistants(
        &mut self,
        rows: &[(usize, Assistant)],
    ) -> Result<std::result::Result<AssistantImport, Vec<(usize, String)>>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut outcome = AssistantImport::default();
        let mut refused = Vec::new();
        for (line, a) in rows {
            let a = match with_clean_name(a) {
                Ok(a) => a,
                Err(StoreError::Invalid(reason)) => {
                    refused.push((*line, reason));
                    continue;
                }
                Err(e) => return Err(e),
            };
            if find_by_name(&tx, &a.name)?.is_some() {
                outcome.duplicates += 1;
                continue;
            }
            match insert_assistant(&tx, &self.actor, &a) {
                Ok(_) => outcome.added += 1,
                Err(StoreError::Invalid(reason)) => refused.push((*line, reason)),
                Err(e) => return Err(e),
            }
        }
        if !refused.is_empty() {
            // Dropping the transaction rolls every line back.
            return Ok(Err(refused));
        }
        tx.commit()?;
        Ok(Ok(outcome))
    }

    /// Changes an assistant's fields (`a.id` names which).
    /// With `expected` (the assistant as the user saw it), one changed in
    /// another window since is not overwritten.
    pub fn update_assistant(&mut self, a: &Assistant, expected: Option<&Assistant>) -> Result<()> {
        let a = &with_clean_name(a)?;
        let id =
            a.id.ok_or_else(|| StoreError::Invalid("no assistant chosen".into()))?;
        validate(a)?;
        if let Some(other) = find_by_name(&self.conn, &a.name)?
            && other != id
        {
            return Err(taken(&self.conn, other)?);
        }
        self.write(|tx, actor| {
            let before = load(tx, id)?;
            if expected.is_some_and(|e| *e != before) {
                return Err(StoreError::Conflict);
            }
            tx.execute(
                "UPDATE assistant SET name = ?1, phone = ?2, email = ?3, employment_percent = ?4,
                 contracted_minutes_per_week = ?5, start_date = ?6, end_date = ?7, police_certificate_on = ?8,
                 confidentiality_on = ?9, contract_on = ?10, active = ?11, notes = ?12, employee_number = ?14 WHERE id = ?13",
                params![
                    a.name.trim(),
                    a.phone.trim(),
                    a.email.trim(),
                    a.employment_percent,
                    a.contracted_minutes,
                    a.start_date.map(date_text),
                    a.end_date.map(date_text),
                    a.police_certificate.map(date_text),
                    a.confidentiality.map(date_text),
                    a.contract.map(date_text),
                    a.active,
                    a.notes.trim(),
                    id.0,
                    a.employee_number.trim(),
                ],
            )?;
            record(tx, actor, &Change { action: "update", entity: "assistant", entity_id: Some(id.0), before: Some(to_json(&before)), after: Some(to_json(a)) })?;
            Ok(())
        })
    }

    /// True when the assistant has shifts, log entries or training records.
    pub fn assistant_has_history(&self, id: AssistantId) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM shift WHERE assistant_id = ?1)
                  + (SELECT count(*) FROM task_log WHERE assistant_id = ?1)
                  + (SELECT count(*) FROM training WHERE assistant_id = ?1)",
            [id.0],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    /// Deletes an assistant without history; someone with history is only
    /// ever deactivated.
    pub fn delete_assistant(&mut self, id: AssistantId) -> Result<()> {
        if self.assistant_has_history(id)? {
            return Err(StoreError::Invalid(
                "an assistant with shifts or log entries is kept; deactivate instead".into(),
            ));
        }
        self.write(|tx, actor| {
            let before = load(tx, id)?;
            tx.execute("DELETE FROM assistant WHERE id = ?1", [id.0])?;
            record(
                tx,
                actor,
                &Change {
                    action: "delete",
                    entity: "assistant",
                    entity_id: Some(id.0),
                    before: Some(to_json(&before)),
                    after: None,
                },
            )?;
            Ok(())
        })
    }

    /// Every assistant: active first, then by name.
    pub fn assistants(&self) -> Result<Vec<Assistant>> {
        all(&self.conn)
    }

    pub fn assistant_id(&self, name: &str) -> Result<Option<AssistantId>> {
        find_by_name(&self.conn, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(name: &str, active: bool) -> Assistant {
        Assistant {
            name: name.into(),
            active,
            ..Assistant::default()
        }
    }

    #[test]
    fn a_name_is_stored_clean_and_a_look_alike_is_refused_naming_the_first() {
        let mut s = Store::open_in_memory().unwrap();
        let kari = s
            .add_assistant(&a(" Kari\u{200B}  Nordmann ", true))
            .unwrap();
        assert_eq!(s.assistants().unwrap()[0].name, "Kari Nordmann");
        for look_alike in ["kari nordmann", "Kari\u{2060} Nordmann", "KARI  NORDMANN"] {
            let err = s
                .add_assistant(&a(look_alike, true))
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with("«Kari Nordmann» is already an assistant"),
                "{look_alike}: {err}"
            );
        }
        assert!(
            s.add_assistant(&a("Per\u{0}", true))
                .unwrap_err()
                .to_string()
                .contains("U+0000")
        );
        assert_eq!(s.assistant_id("kari\u{200B} nordmann").unwrap(), Some(kari));
        // Renaming another assistant to a look-alike is refused too.
        let per = s.add_assistant(&a("Per", true)).unwrap();
        let mut renamed = a("KARI NORDMANN", true);
        renamed.id = Some(per);
        assert!(s.update_assistant(&renamed, None).is_err());
    }

    #[test]
    fn assistants_are_listed_active_first_and_names_are_unique() {
        let mut s = Store::open_in_memory().unwrap();
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
        assert!(
            s.add_assistant(&a("åse", true)).is_err(),
            "case is folded beyond ASCII"
        );
        assert!(s.add_assistant(&a("  ", true)).is_err());
        assert_eq!(s.audit_len().unwrap(), 3);
    }

    #[test]
    fn edit_deactivate_and_delete_only_without_history() {
        let mut s = Store::open_in_memory().unwrap();
        let id = s.add_assistant(&a("Kari", true)).unwrap();
        let mut kari = s.assistants().unwrap().remove(0);
        kari.phone = "900 00 000".into();
        kari.active = false;
        s.update_assistant(&kari, None).unwrap();
        let stored = s.assistants().unwrap().remove(0);
        assert_eq!(
            (stored.phone.as_str(), stored.active),
            ("900 00 000", false)
        );
        kari.end_date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
        kari.start_date = chrono::NaiveDate::from_ymd_opt(2021, 1, 1);
        assert!(s.update_assistant(&kari, None).is_err());
        assert!(!s.assistant_has_history(id).unwrap());
        s.delete_assistant(id).unwrap();
        assert!(s.assistants().unwrap().is_empty());
    }

    #[test]
    fn an_import_skips_known_names_and_is_all_or_nothing() {
        let mut s = Store::open_in_memory().unwrap();
        s.add_assistant(&a("Åse", true)).unwrap();
        let rows = vec![
            (2, a("åse", true)),
            (3, a("Per", true)),
            (4, a("per ", true)),
        ];
        let out = s.import_assistants(&rows).unwrap().unwrap();
        assert_eq!((out.added, out.duplicates), (1, 2));
        assert_eq!(s.audit_len().unwrap(), 2);
        let mut late = a("Nora", true);
        late.start_date = chrono::NaiveDate::from_ymd_opt(2021, 1, 1);
        late.end_date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
        let refused = s
            .import_assistants(&[(2, a("Eva", true)), (3, late)])
            .unwrap()
            .unwrap_err();
        assert_eq!(refused[0].0, 3);
        assert!(s.assistant_id("Eva").unwrap().is_none());
        assert_eq!(s.audit_len().unwrap(), 2);
    }
}
