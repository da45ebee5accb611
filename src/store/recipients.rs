//! Recipients: create (with the first allocation, in one transaction), list, pick.

use rusqlite::params;
use serde_json::json;

use super::allocations::{NewAllocation, insert_allocation};
use super::audit::{Change, record};
use super::{Result, Store, StoreError};
use crate::domain::ids::RecipientId;
use crate::domain::people::{Recipient, Representative};

/// What the guided start (or `bpa init`) collects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewRecipient {
    pub name: String,
    pub representative: Option<Representative>,
}

impl Store {
    /// Creates a recipient and, if given, the first allocation, all or nothing.
    pub fn create_recipient(
        &mut self,
        new: &NewRecipient,
        allocation: Option<&NewAllocation>,
    ) -> Result<RecipientId> {
        let name = &crate::domain::people::clean_name(&new.name).map_err(StoreError::Invalid)?;
        if name.is_empty() {
            return Err(StoreError::Invalid("the recipient needs a name".into()));
        }
        if let Some(rep) = &new.representative
            && rep.name.trim().is_empty()
        {
            return Err(StoreError::Invalid("the arbeidsleder needs a name".into()));
        }
        if self.recipient_by_name(name)?.is_some() {
            return Err(StoreError::Invalid(format!(
                "there is already a recipient called «{name}»"
            )));
        }
        self.write(|tx, actor| {
            tx.execute(
                "INSERT INTO recipient (name, representative_name, representative_relation, created_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    name,
                    new.representative.as_ref().map(|r| r.name.trim()),
                    new.representative.as_ref().map(|r| r.relation.trim()),
                    crate::clock::now_utc_text()
                ],
            )?;
            let id = RecipientId(tx.last_insert_rowid());
            record(
                tx,
                actor,
                &Change {
                    action: "create",
                    entity: "recipient",
                    entity_id: Some(id.0),
                    before: None,
                    after: Some(json!({
                        "name": name,
                        "representative": new.representative.as_ref().map(|r| json!({"name": r.name, "relation": r.relation})),
                    })),
                },
            )?;
            if let Some(a) = allocation {
                insert_allocation(tx, actor, id, a, false)?;
            }
            Ok(id)
        })
    }

    /// Every recipient, by name.
    pub fn recipients(&self) -> Result<Vec<Recipient>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, representative_name, representative_relation FROM recipient ORDER BY name COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([], row_to_recipient)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The recipient called `name`, compared as assistants' names are (but
    /// for case, spaces and invisible characters).
    pub fn recipient_by_name(&self, name: &str) -> Result<Option<Recipient>> {
        let wanted = crate::domain::people::name_key(name);
        Ok(self
            .recipients()?
            .into_iter()
            .find(|r| crate::domain::people::name_key(&r.name) == wanted))
    }

    /// The recipient a command works on: the named one, or the only one.
    pub fn pick_recipient(&self, name: Option<&str>) -> Result<Recipient> {
        if let Some(name) = name {
            return self
                .recipient_by_name(name)?
                .ok_or_else(|| StoreError::UnknownRecipient(name.to_owned()));
        }
        let mut all = self.recipients()?;
        match all.len() {
            0 => Err(StoreError::NoRecipient),
            1 => Ok(all.remove(0)),
            _ => Err(StoreError::SeveralRecipients(
                all.iter()
                    .map(|r| r.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )),
        }
    }
}

impl Store {
    /// Adds a co-supervisor (medarbeidsleder) for a recipient.
    pub fn add_co_supervisor(&mut self, recipient: RecipientId, name: &str) -> Result<()> {
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("the co-supervisor needs a name".into()));
        }
        if self
            .co_supervisors(recipient)?
            .iter()
            .any(|n| n.to_lowercase() == name.trim().to_lowercase())
        {
            return Err(StoreError::Invalid(format!(
                "«{}» is already a co-supervisor",
                name.trim()
            )));
        }
        self.write(|tx, actor| {
            tx.execute(
                "INSERT INTO co_supervisor (recipient_id, name) VALUES (?1, ?2)",
                params![recipient.0, name.trim()],
            )?;
            let id = tx.last_insert_rowid();
            record(
                tx,
                actor,
                &Change {
                    action: "create",
                    entity: "co_supervisor",
                    entity_id: Some(id),
                    before: None,
                    after: Some(json!({"name": name.trim()})),
                },
            )
        })
    }

    /// The co-supervisors of a recipient, by name.
    pub fn co_supervisors(&self, recipient: RecipientId) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name FROM co_supervisor WHERE recipient_id = ?1 ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([recipient.0], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn row_to_recipient(r: &rusqlite::Row) -> rusqlite::Result<Recipient> {
    let rep_name: Option<String> = r.get(2)?;
    let rep_relation: Option<String> = r.get(3)?;
    Ok(Recipient {
        id: RecipientId(r.get(0)?),
        name: r.get(1)?,
        representative: rep_name.map(|name| Representative {
            name,
            relation: rep_relation.unwrap_or_default(),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_recipient_name_is_stored_clean_and_found_like_an_assistant_name() {
        let mut store = Store::open_in_memory().unwrap();
        let new = |name: &str| NewRecipient {
            name: name.into(),
            representative: None,
        };
        let id = store
            .create_recipient(&new(" Sigrid\u{200B}  Haugen"), None)
            .unwrap();
        assert_eq!(store.recipients().unwrap()[0].name, "Sigrid Haugen");
        assert_eq!(
            store
                .recipient_by_name("sigrid haugen")
                .unwrap()
                .map(|r| r.id),
            Some(id)
        );
        assert!(
            store
                .create_recipient(&new("SIGRID\u{2060} HAUGEN"), None)
                .is_err()
        );
        assert!(store.create_recipient(&new("Ola\u{0}"), None).is_err());
        assert_eq!(store.recipients().unwrap().len(), 1);
    }

    #[test]
    fn a_recipient_with_an_allocation_is_created_whole_or_not_at_all() {
        let mut store = Store::open_in_memory().unwrap();
        let bad = NewAllocation {
            minutes_per_week: 0,
            ..NewAllocation::new(2400, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
        };
        let new = NewRecipient {
            name: "Ola".into(),
            representative: None,
        };
        assert!(store.create_recipient(&new, Some(&bad)).is_err());
        assert!(store.is_empty().unwrap());
        assert_eq!(store.audit_len().unwrap(), 0);

        let good = NewAllocation::new(2400, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let id = store.create_recipient(&new, Some(&good)).unwrap();
        assert_eq!(store.pick_recipient(None).unwrap().id, id);
        assert_eq!(store.allocations(id).unwrap().len(), 1);
        assert_eq!(store.audit_len().unwrap(), 2);
        assert_eq!(store.verify_chain().unwrap(), None);
    }

    #[test]
    fn picking_a_recipient_needs_a_name_when_there_are_several() {
        let mut store = Store::open_in_memory().unwrap();
        assert!(matches!(
            store.pick_recipient(None),
            Err(StoreError::NoRecipient)
        ));
        for name in ["Ola", "Kari"] {
            store
                .create_recipient(
                    &NewRecipient {
                        name: name.into(),
                        representative: None,
                    },
                    None,
                )
                .unwrap();
        }
        let err = store.pick_recipient(None).unwrap_err();
        assert!(err.to_string().contains("Kari, Ola"), "{err}");
        assert_eq!(store.pick_recipient(Some("kari")).unwrap().name, "Kari");
        assert!(
            store
                .create_recipient(
                    &NewRecipient {
                        name: "OLA".into(),
                        representative: None
                    },
                    None
                )
                .is_err()
        );
    }
}
