//! Approval of a month of an assistant's shifts for payroll. While a month
//! is approved, every shift of that assistant that starts in it is locked:
//! no edit, move, delete, mark or new shift there until it is reopened.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};
use serde_json::json;

use super::audit::{Change, record};
use super::codec::code;
use super::{Result, Store, StoreError};
use crate::domain::ids::{AssistantId, RecipientId};
use crate::domain::pay::{Agreement, SleepingNightRule};
use crate::domain::time::Month;

/// A month approved for payroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    pub assistant: AssistantId,
    pub month: Month,
    /// When it was approved, as UTC text.
    pub approved_at: String,
    pub approved_by: String,
    /// The windows and the sleeping-night rule the month is counted with.
    pub agreement: Agreement,
    pub rule: SleepingNightRule,
}

fn row_to_approval(
    r: &rusqlite::Row,
    assistant: AssistantId,
    month: Month,
) -> rusqlite::Result<Approval> {
    Ok(Approval {
        assistant,
        month,
        approved_at: r.get(0)?,
        approved_by: r.get(1)?,
        agreement: code(r, 2, Agreement::from_code)?,
        rule: code(r, 3, SleepingNightRule::from_code)?,
    })
}

fn find(
    conn: &rusqlite::Connection,
    recipient: RecipientId,
    assistant: AssistantId,
    month: Month,
) -> Result<Option<Approval>> {
    Ok(conn
        .prepare_cached(
            "SELECT approved_at, approved_by, agreement, sleeping_night FROM approval
             WHERE recipient_id = ?1 AND assistant_id = ?2 AND month = ?3",
        )?
        .query_row(params![recipient.0, assistant.0, month.to_string()], |r| {
            row_to_approval(r, assistant, month)
        })
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
            "SELECT approved_at, approved_by, agreement, sleeping_night, assistant_id FROM approval
             WHERE recipient_id = ?1 AND month = ?2 ORDER BY assistant_id",
        )?;
        let rows = stmt.query_map(params![recipient.0, month.to_string()], |r| {
            row_to_approval(r, AssistantId(r.get(4)?), month)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The agreement and sleeping-night rule the settings name now
    /// (`payroll.agreement`, default ks; `payroll.sleeping_night`, default third).
    pub fn pay_settings(&self) -> Result<(Agreement, SleepingNightRule)> {
        let agreement = self
            .setting("payroll.agreement")?
            .and_then(|v| Agreement::from_code(&v))
            .unwrap_or_default();
        let rule = self
            .setting("payroll.sleeping_night")?
            .and_then(|v| SleepingNightRule::from_code(&v))
            .unwrap_or_default();
        Ok((agreement, rule))
    }

    /// Approves a month of an assistant's shifts, locking them and keeping
    /// the agreement and rule in force now for its figures.
    pub fn approve_month(
        &mut self,
        recipient: RecipientId,
        assistant: AssistantId,
        month: Month,
    ) -> Result<()> {
        let (agreement, rule) = self.pay_settings()?;
        self.write(|tx, actor| {
            if find(tx, recipient, assistant, month)?.is_some() {
                return Err(StoreError::Invalid(format!("{month} is already approved")));
            }
            let at = crate::clock::now_utc_text();
            tx.execute(
                "INSERT INTO approval (recipient_id, assistant_id, month, approved_at, approved_by, agreement, sleeping_night)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![recipient.0, assistant.0, month.to_string(), at, actor, agreement.code(), rule.code()],
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
                        "agreement": agreement.code(),
                        "sleeping_night": rule.code(),
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
                        "agreement": found.agreement.code(),
                        "sleeping_night": found.rule.code(),
                    })),
                    after: None,
                },
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::shift::ShiftKind;
    use crate::store::ShiftFields;
    use chrono::NaiveDate;

    fn at(m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn fields(who: AssistantId, m: u32, d: u32) -> ShiftFields {
        ShiftFields {
            assistant: Some(who),
            allocation: None,
            start: at(m, d, 8),
            end: at(m, d, 16),
            kind: ShiftKind::Ordinary,
            note: String::new(),
            active: Vec::new(),
        }
    }

    #[test]
    fn an_approved_month_locks_its_shifts_until_reopened() {
        let (mut s, r, kari, per) = crate::store::test_support::ola_kari_per();
        let nov = s.add_shift_fields(r, &fields(kari, 11, 10)).unwrap();
        let dec = s.add_shift_fields(r, &fields(kari, 12, 1)).unwrap();
        let november = Month::new(2026, 11).unwrap();
        s.approve_month(r, kari, november).unwrap();
        assert!(s.approve_month(r, kari, november).is_err(), "twice");

        let locked = |e: StoreError| matches!(e, StoreError::Locked { .. });
        assert!(locked(
            s.edit_shift(nov, &fields(kari, 11, 11), None).unwrap_err()
        ));
        assert!(locked(s.delete_shift(nov).unwrap_err()));
        assert!(locked(s.mark_worked(nov, None, None).unwrap_err()));
        assert!(locked(s.mark_absent(nov, Some(per)).unwrap_err()));
        // Neither into the locked month, nor a new shift there.
        assert!(locked(
            s.edit_shift(dec, &fields(kari, 11, 20), None).unwrap_err()
        ));
        assert!(locked(
            s.add_shift_fields(r, &fields(kari, 11, 21)).unwrap_err()
        ));
        let message = s.delete_shift(nov).unwrap_err().to_string();
        assert!(
            message.contains("Kari") && message.contains("2026-11"),
            "{message}"
        );
        // Another assistant and another month are open.
        s.add_shift_fields(r, &fields(per, 11, 10)).unwrap();
        s.edit_shift(dec, &fields(kari, 12, 2), None).unwrap();

        let audit = s.audit_len().unwrap();
        s.unapprove_month(r, kari, november).unwrap();
        assert_eq!(s.audit_len().unwrap(), audit + 1);
        s.mark_worked(nov, None, None).unwrap();
        assert!(
            s.unapprove_month(r, kari, november).is_err(),
            "not approved"
        );
        assert!(s.approval(r, kari, november).unwrap().is_none());
    }
}
