//! Loading a whole demo plan in one transaction, recorded as one audit entry.
//! The plan's shape lives here, where it is written; `crate::demo` fills it.

use rusqlite::params;
use serde_json::json;

use super::allocations::insert_allocation;
use super::codec::{date_text, datetime_text};
use super::log::record_batch;
use super::{NewAllocation, NewRecipient};
use super::{Result, Store, StoreError};
use crate::domain::ids::RecipientId;
use crate::domain::log::Category as TaskCategory;
use crate::domain::people::Assistant;
use crate::domain::shift::{ShiftKind, ShiftStatus};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A shift of the demo plan; assistants are indexes into `DemoPlan::assistants`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoShift {
    pub assistant: Option<usize>,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub actual_end: Option<NaiveDateTime>,
    pub kind: ShiftKind,
    pub status: ShiftStatus,
    /// For an absence: the assistant who took the shift instead.
    pub substitute: Option<usize>,
}

/// A log entry of the demo plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLog {
    pub at: NaiveDateTime,
    pub assistant: usize,
    pub task: usize,
    pub note: String,
    pub medication: Option<Box<DemoMedication>>,
}

/// A dose given or refused, in a demo log entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoMedication {
    pub name: &'static str,
    pub dose: &'static str,
    /// `given` or `refused`.
    pub outcome: &'static str,
    pub reason: Option<String>,
}

/// An incident of the demo plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoIncident {
    pub at: NaiveDateTime,
    pub what: String,
    pub severity: &'static str,
    pub action: String,
}

/// A routine of the demo plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoRoutine {
    pub name: &'static str,
    pub weekdays: Vec<u32>,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub items: Vec<(usize, Option<NaiveTime>, &'static str)>,
}

/// Everything the demo adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoPlan {
    pub recipient: NewRecipient,
    pub allocation: NewAllocation,
    pub assistants: Vec<Assistant>,
    /// Name, category, index of the competence it requires, medication.
    pub task_types: Vec<(&'static str, TaskCategory, Option<usize>, bool)>,
    pub competences: Vec<&'static str>,
    /// Assistant index, competence index, trained on, renewal due.
    pub trainings: Vec<(usize, usize, NaiveDate, Option<NaiveDate>)>,
    /// Name, weekdays (1 = Monday), from, to, and items: task index, time, label.
    pub routines: Vec<DemoRoutine>,
    pub shifts: Vec<DemoShift>,
    pub logs: Vec<DemoLog>,
    pub incidents: Vec<DemoIncident>,
}

impl Store {
    /// Writes `plan` into an empty database (or beside existing data with
    /// `force`), all or nothing.
    pub fn load_demo(&mut self, plan: &DemoPlan, force: bool) -> Result<RecipientId> {
        if !force && !self.is_empty()? {
            return Err(StoreError::Invalid(
                "the database is not empty; demo data goes only into an empty one (use --force to add it anyway)".into(),
            ));
        }
        if self.recipient_by_name(&plan.recipient.name)?.is_some() {
            return Err(StoreError::Invalid(format!(
                "there is already a recipient called «{}»",
                plan.recipient.name
            )));
        }
        self.write(|tx, actor| {
            let rep = plan.recipient.representative.as_ref();
            tx.execute(
                "INSERT INTO recipient (name, representative_name, representative_relation, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![plan.recipient.name, rep.map(|r| &r.name), rep.map(|r| &r.relation), crate::clock::now_utc_text()],
            )?;
            let recipient = RecipientId(tx.last_insert_rowid());
            let allocation = insert_allocation(tx, actor, recipient, &plan.allocation, false)?;

            let mut assistant_ids = Vec::new();
            for a in &plan.assistants {
                let existing: Option<i64> = tx
                    .query_row("SELECT id FROM assistant WHERE name = ?1", [&a.name], |r| r.get(0))
                    .ok();
                let id = if let Some(id) = existing {
                    id
                } else {
                    tx.execute(
                        "INSERT INTO assistant (name, phone, email, police_certificate_on, confidentiality_on, contract_on, active,
                         start_date, end_date, employment_percent)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                        params![a.name, a.phone, a.email, a.police_certificate.map(date_text), a.confidentiality.map(date_text), a.contract.map(date_text), a.active,
                            a.start_date.map(date_text), a.end_date.map(date_text), a.employment_percent],
                    )?;
                    tx.last_insert_rowid()
                };
                assistant_ids.push(id);
            }
let mut competence_ids = Vec::new();
            for name in &plan.competences {
                tx.execute("INSERT OR IGNORE INTO competence (name) VALUES (?1)", [name])?;
                competence_ids.push(tx.query_row("SELECT id FROM competence WHERE name = ?1", [name], |r| r.get::<_, i64>(0))?);
            }
            for (a, c, on, renew) in &plan.trainings {
                tx.execute(
                    "INSERT INTO training (assistant_id, competence_id, trained_on, trained_by, renew_on) VALUES (?1, ?2, ?3, 'Hjemmesykepleien', ?4)",
                    params![assistant_ids[*a], competence_ids[*c], date_text(*on), renew.map(date_text)],
                )?;
            }
            let mut task_ids = Vec::new();
            for (name, category, requires, medication) in &plan.task_types {
                tx.execute(
                    "INSERT INTO task_type (name, category, requires_competence_id, medication) VALUES (?1, ?2, ?3, ?4)",
                    params![name, category.code(), requires.map(|c| competence_ids[c]), medication],
                )?;
                task_ids.push(tx.last_insert_rowid());
            }


            for r in &plan.routines {
                let days: String = r.weekdays.iter().map(u32::to_string).collect();
                tx.execute(
                    "INSERT INTO routine (recipient_id, name, weekdays, start_time, end_time) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![recipient.0, r.name, days, r.start.format("%H:%M").to_string(), r.end.format("%H:%M").to_string()],
                )?;
                let routine = tx.last_insert_rowid();
                for (task, at, label) in &r.items {
                    tx.execute(
                        "INSERT INTO routine_item (routine_id, task_type_id, at_time, label) VALUES (?1, ?2, ?3, ?4)",
                        params![routine, task_ids[*task], at.map(|a| a.format("%H:%M").to_string()), label],
                    )?;
                }
            }
            let mut insert_shift = tx.prepare(
                "INSERT INTO shift (recipient_id, allocation_id, assistant_id, start_at, end_at, actual_start_at, actual_end_at, kind, status, substitute_for_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for s in &plan.shifts {
                let actual = s.actual_end.map(|end| (datetime_text(s.start), datetime_text(end)));
                insert_shift.execute(params![
                    recipient.0,
                    allocation.0,
                    s.assistant.map(|i| assistant_ids[i]),
                    datetime_text(s.start),
                    datetime_text(s.end),
                    actual.as_ref().map(|a| &a.0),
                    actual.as_ref().map(|a| &a.1),
                    s.kind.code(),
                    s.status.code(),
                    Option::<i64>::None,
                ])?;
                if let Some(sub) = s.substitute {
                    let original = tx.last_insert_rowid();
                    insert_shift.execute(params![
                        recipient.0,
                        allocation.0,
                        assistant_ids[sub],
                        datetime_text(s.start),
                        datetime_text(s.end),
                        Option::<String>::None,
                        Option::<String>::None,
                        s.kind.code(),
                        "worked",
                        original,
                    ])?;
                }
            }
            let mut insert_log = tx.prepare(
                "INSERT INTO task_log (recipient_id, assistant_id, task_type_id, at, note, medication, dose, planned_at, outcome, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for l in &plan.logs {
                let m = l.medication.as_ref();
                insert_log.execute(params![
                    recipient.0,
                    assistant_ids[l.assistant],
                    task_ids[l.task],
                    datetime_text(l.at),
                    l.note,
                    m.map(|m| m.name),
                    m.map(|m| m.dose),
                    m.map(|_| datetime_text(l.at)),
                    m.map(|m| m.outcome),
                    m.and_then(|m| m.reason.as_ref()),
                ])?;
            }
            for i in &plan.incidents {
                tx.execute(
                    "INSERT INTO incident (recipient_id, at, what, severity, action_taken, status) VALUES (?1, ?2, ?3, ?4, ?5, 'closed')",
                    params![recipient.0, datetime_text(i.at), i.what, i.severity, i.action],
                )?;
            }
            drop(insert_shift);
            drop(insert_log);
            record_batch(
                tx,
                actor,
                "load_demo",
                &json!({
                    "recipient_id": recipient.0,
                    "assistants": plan.assistants.len(),
                    "shifts": plan.shifts.len(),
                    "log_entries": plan.logs.len(),
                    "incidents": plan.incidents.len(),
                }),
            )?;
            Ok(recipient)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn demo_data_loads_into_an_empty_database_only() {
        let now = NaiveDate::from_ymd_opt(2026, 11, 26)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let plan = crate::demo::plan(1, 42, now);
        let mut store = Store::open_in_memory().unwrap();
        let r = store.load_demo(&plan, false).unwrap();
        assert!(store.shift_count(r).unwrap() as usize >= plan.shifts.len());
        assert_eq!(store.assistants().unwrap().len(), 7);
        assert!(store.load_demo(&plan, false).is_err());
        assert_eq!(store.verify_chain().unwrap(), None);
        let day =
            crate::domain::time::DayRange::new(now.date() - chrono::Duration::days(7), now.date());
        assert!(!store.log_lines(r, day).unwrap().is_empty());
    }
}
