//! Approval of a month of an assistant's shifts for payroll. While a month
//! is approved, every shift of that assistant that starts in it is locked:
//! no edit, move, delete, mark or new shift there until it is reopened.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};
use serde_json::json;

use super::audit::{Change, record};
use super::{Result, Store, StoreError};
use crate::domain::ids::{AssistantId, RecipientId};
use crate::domain::time::Month;

/// A month approved for payroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    pub assistant: AssistantId,
    pub month: Month,
    /// When it was approved, as UTC text.
    pub approved_at: String,
    pub approved_by: String,
}

fn find(
    conn: &rusqlite::Connection,
    recipient: RecipientId,
    assistant: AssistantId,
    month: Month,
) -> Result<Option<Approval>> {
    Ok(conn
        .query_row(
            "SELECT approved_at, approved_by FROM approval
             WHERE recipient_id = ?1 AND assistant_id = ?2 AND month = ?3",
            params![recipient.0, assistant.0, month.to_string()],
            |r| {
                Ok(Approval {
                    assistant,
                    month,
                    approved_at: r.get(0)?,
                    approved_by: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// Refuses a change to a shift of `assistant` starting at `start` when that
/// month is approved; the message names the approval and how to reopen it.
pub(super) fn ensure_open(
    conn: &rusqlite::Connection,
    recipient: RecipientId,
    assistant: Option<AssistantId>,
    start: NaiveDateTime,
) -> Result<()> {
    let Some(assistant) = assistant else {
        return Ok(());
    };
    let month = Month::containing(start.date());
    match find(conn, recipient, assistant, month)? {
        None => Ok(()),
        Some(a) => {
            let name: String = conn
                .query_row(
                    "SELECT name FROM assistant WHERE id = ?1",
                    [assistant.0],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or_default();
            Err(StoreError::Locked {
                assistant: name,
                month: month.to_string(),
                approved_at: a.approved_at,
                approved_by: a.approved_by,
            })
        }
    }
}

impl Store {
    /// The approval of `assistant`'s `month`, if it is approved.
    pub fn approval(
        &self,
        recipient: RecipientId,
        assistant: AssistantId,
        month: Month,
    ) -> Result<Option<Approval>> {
        find(&self.conn, recipient, assistant, month)
    }

    /// Every approval of a month, for the payroll file.
    pub fn approvals_of_month(
        &self,
        recipient: RecipientId,
        month: Month,
    ) -> Result<Vec<Approval>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT assistant_id, approved_at, approved_by FROM approval
             WHERE recipient_id = ?1 AND month = ?2 ORDER BY assistant_id",
        )?;
        let rows = stmt.query_map(params![recipient.0, month.to_string()], |r| {
            Ok(Approval {
                assistant: AssistantId(r.get(0)?),
                month,
                approved_at: r.get(1)?,
                approved_by: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Approves a month of an assistant's shifts, locking them.
    pub fn approve_month(
        &mut self,
        recipient: RecipientId,
        assistant: AssistantId,
        month: Month,
    ) -> Result<()> {
        self.write(|tx, actor| {
            if find(tx, recipient, assistant, month)?.is_some() {
                return Err(StoreError::Invalid(format!("{month} is already approved")));
            }
            let at = crate::clock::now_utc_text();
            tx.execute(
                "INSERT INTO approval (recipient_id, assistant_id, month, approved_at, approved_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![recipient.0, assistant.0, month.to_string(), at, actor],
            )?;
            let id = tx.last_insert_rowid();
            record(
                tx,
                actor,
                &Change {
                    action: "approve",
                    entity: "approval",
                    entity_id: Some(id),
                    before: None,
                    after: Some(json!({
                        "recipient_id": recipient.0,
                        "assistant_id": assistant.0,
                        "month": month.to_string(),
                        "approved_at": at,
                        "approved_by": actor,
                    })),
                },
            )
        })
    }

    /// Reopens an approved month; its shifts can be changed again.
    pub fn unapprove_month(
        &mut self,
        recipient: RecipientId,
        assistant: AssistantId,
        month: Month,
    ) -> Result<()> {
        self.write(|tx, actor| {
            let Some(found) = find(tx, recipient, assistant, month)? else {
                return Err(StoreError::Invalid(format!("{month} is not approved")));
            };
            let id: i64 = tx.query_row(
                "SELECT id FROM approval WHERE recipient_id = ?1 AND assistant_id = ?2 AND month = ?3",
                params![recipient.0, assistant.0, month.to_string()],
                |r| r.get(0),
            )?;
            tx.execute("DELETE FROM approval WHERE id = ?1", [id])?;
            record(
                tx,
                actor,
                &Change {
                    action: "unapprove",
                    entity: "approval",
                    entity_id: Some(id),
                    before: Some(json!({
                        "recipient_id": recipient.0,
                        "assistant_id": assistant.0,
                        "month": month.to_string(),
                        "approved_at": found.approved_at,
                        "approved_by": found.approved_by,
                    })),
                    after: None,
                },
            )
        })
    }
}
