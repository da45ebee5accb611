//! The shift log: task types, competences and training, log entries (with
//! medication and corrections), incidents, unmet need, and applications
//! and appeals.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};
use serde_json::json;

use super::audit::{Change, record};
use super::codec::{
    code, date_text, datetime_text, opt_date, opt_datetime, parse_date, parse_datetime,
};
use super::{Result, Store, StoreError};
use crate::domain::ids::{AssistantId, RecipientId};
use crate::domain::log::{Category, EntryError, NewEntry, TaskType, training_gap, validate};
use crate::domain::time::DayRange;
use crate::domain::training::Training;

/// One line of the log as shown on the Log screen and in the health report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    pub id: i64,
    pub at: NaiveDateTime,
    pub assistant: Option<String>,
    pub task: String,
    pub health: bool,
    pub note: String,
    pub medication: Option<String>,
    pub dose: Option<String>,
    pub planned: Option<NaiveDateTime>,
    pub outcome: Option<String>,
    pub reason: Option<String>,
    pub given_by: Option<String>,
    /// The entry this one corrects.
    pub corrects: Option<i64>,
    /// Set when a later entry corrects this one.
    pub corrected_by: Option<i64>,
}

/// An incident (avvik).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Incident {
    pub id: i64,
    pub at: NaiveDateTime,
    pub what: String,
    pub severity: String,
    pub action_taken: String,
    pub follow_up: String,
    pub status: String,
}

/// Help that was needed but not given.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Need {
    pub id: i64,
    pub at: NaiveDateTime,
    pub minutes: i64,
    pub what: String,
    pub reason: String,
}

/// A request for hours, and what came of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Application {
    pub id: i64,
    pub what: String,
    pub sent_on: NaiveDate,
    pub reply_due: NaiveDate,
    pub decided_on: Option<NaiveDate>,
    pub decision: Option<String>,
}

/// An appeal of a decision.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Appeal {
    pub id: i64,
    pub application: Option<i64>,
    pub sent_on: NaiveDate,
    pub level: String,
    pub status: String,
    pub decided_on: Option<NaiveDate>,
}

/// An incident as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewIncident<'a> {
    pub at: NaiveDateTime,
    pub what: &'a str,
    /// low, medium or high.
    pub severity: &'a str,
    pub action: &'a str,
    pub follow_up: &'a str,
    /// The log entry it concerns.
    pub log_entry: Option<i64>,
}

/// The allowed values of the code columns, for messages.
pub const SEVERITIES: [&str; 3] = ["low", "medium", "high"];
pub const NEED_REASONS: [&str; 3] = ["no_hours", "no_assistant", "other"];
pub const DECISIONS: [&str; 3] = ["granted", "partly", "refused"];
pub const APPEAL_LEVELS: [&str; 2] = ["municipality", "county_governor"];
pub const APPEAL_STATUSES: [&str; 4] = ["pending", "upheld", "changed", "withdrawn"];

fn one_of(value: &str, allowed: &[&str], what: &str) -> Result<String> {
    let v = value.trim().to_lowercase().replace('-', "_");
    if allowed.contains(&v.as_str()) {
        Ok(v)
    } else {
        Err(StoreError::Invalid(format!(
            "«{}» is not a {what}; use {}",
            crate::text::clean(value),
            allowed.join(", ")
        )))
    }
}

impl Store {
    /// Every task type, by name.
    pub fn task_types(&self) -> Result<Vec<TaskType>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, name, category, requires_competence_id, medication FROM task_type WHERE active = 1 ORDER BY name COLLATE NOCASE")?;
        let rows = stmt.query_map([], |r| {
            Ok(TaskType {
                id: r.get(0)?,
                name: r.get(1)?,
                category: code(r, 2, Category::from_code)?,
                requires: r.get(3)?,
                medication: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a task type; a second with the same name is refused.
    pub fn add_task_type(
        &mut self,
        name: &str,
        category: Category,
        requires: Option<i64>,
        medication: bool,
    ) -> Result<i64> {
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("the task type needs a name".into()));
        }
        if self
            .task_types()?
            .iter()
            .any(|t| t.name.to_lowercase() == name.trim().to_lowercase())
        {
            return Err(StoreError::Invalid(format!(
                "there is already a task type called «{}»",
                name.trim()
            )));
        }
        self.write(|tx, actor| {
            tx.execute(
                "INSERT INTO task_type (name, category, requires_competence_id, medication) VALUES (?1, ?2, ?3, ?4)",
                params![name.trim(), category.code(), requires, medication],
            )?;
            let id = tx.last_insert_rowid();
            record(tx, actor, &Change { action: "create", entity: "task_type", entity_id: Some(id), before: None, after: Some(json!({"name": name.trim(), "category": category.code(), "requires": requires, "medication": medication})) })?;
            Ok(id)
        })
    }

    /// Adds the default task types (and the competences they require) when
    /// there are none yet, all in one transaction.
    pub fn ensure_task_types(
        &mut self,
        defaults: &[(&str, Category, Option<&str>, bool)],
    ) -> Result<()> {
        let empty: i64 = self
            .conn
            .query_row("SELECT count(*) FROM task_type", [], |r| r.get(0))?;
        if empty > 0 {
            return Ok(());
        }
        self.write(|tx, actor| {
            for (name, category, competence, medication) in defaults {
                let requires = match competence {
                    Some(c) => {
                        tx.execute("INSERT OR IGNORE INTO competence (name) VALUES (?1)", [c])?;
                        Some(tx.query_row("SELECT id FROM competence WHERE name = ?1", [c], |r| r.get::<_, i64>(0))?)
                    }
                    None => None,
                };
                tx.execute(
                    "INSERT INTO task_type (name, category, requires_competence_id, medication) VALUES (?1, ?2, ?3, ?4)",
                    params![name, category.code(), requires, medication],
                )?;
            }
            record_batch(tx, actor, "default_task_types", &json!({"count": defaults.len()}))
        })
    }

    /// Competences by name, with ids.
    pub fn competences(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM competence ORDER BY name COLLATE NOCASE")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The id of a competence by name, adding it when new.
    pub fn competence(&mut self, name: &str) -> Result<i64> {
        if let Some((id, _)) = self
            .competences()?
            .into_iter()
            .find(|(_, n)| n.to_lowercase() == name.trim().to_lowercase())
        {
            return Ok(id);
        }
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("the competence needs a name".into()));
        }
        self.write(|tx, actor| {
            tx.execute("INSERT INTO competence (name) VALUES (?1)", [name.trim()])?;
            let id = tx.last_insert_rowid();
            record(
                tx,
                actor,
                &Change {
                    action: "create",
                    entity: "competence",
                    entity_id: Some(id),
                    before: None,
                    after: Some(json!({"name": name.trim()})),
                },
            )?;
            Ok(id)
        })
    }

    /// Records a training.
    pub fn add_training(&mut self, t: &Training) -> Result<i64> {
        if t.renew_on.is_some_and(|r| r < t.trained_on) {
            return Err(StoreError::Invalid(
                "the renewal date is before the training".into(),
            ));
        }
        self.write(|tx, actor| {
            tx.execute(
                "INSERT INTO training (assistant_id, competence_id, trained_on, trained_by, renew_on, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![t.assistant.0, t.competence, date_text(t.trained_on), t.trained_by.trim(), t.renew_on.map(date_text), t.notes.trim()],
            )?;
            let id = tx.last_insert_rowid();
            record(tx, actor, &Change { action: "create", entity: "training", entity_id: Some(id), before: None, after: Some(json!({"assistant_id": t.assistant.0, "competence_id": t.competence, "trained_on": date_text(t.trained_on), "renew_on": t.renew_on.map(date_text)})) })?;
            Ok(id)
        })
    }

    /// Every training record.
    pub fn trainings(&self) -> Result<Vec<Training>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, assistant_id, competence_id, trained_on, trained_by, renew_on, notes FROM training ORDER BY trained_on")?;
        let rows = stmt.query_map([], |r| {
            Ok(Training {
                id: r.get(0)?,
                assistant: AssistantId(r.get(1)?),
                competence: r.get(2)?,
                trained_on: parse_date(3, &r.get::<_, String>(3)?)?,
                trained_by: r.get(4)?,
                renew_on: opt_date(r, 5)?,
                notes: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a log entry. A health task for an assistant without valid
    /// training is refused unless `acknowledged` (and always, when the
    /// setting `log.refuse_untrained` is 1).
    pub fn add_log_entry(
        &mut self,
        recipient: RecipientId,
        entry: &NewEntry,
        acknowledged: bool,
    ) -> Result<i64> {
        validate(entry).map_err(StoreError::Entry)?;
        let task = self
            .task_types()?
            .into_iter()
            .find(|t| t.id == entry.task)
            .ok_or_else(|| StoreError::Invalid("that task type no longer exists".into()))?;
        let gap = training_gap(entry, &task, &self.trainings()?);
        if let Some(gap) = gap {
            let refuse = self.setting("log.refuse_untrained")?.as_deref() == Some("1");
            if refuse || !acknowledged {
                return Err(StoreError::Entry(EntryError::Untrained(gap)));
            }
        }
        self.write(|tx, actor| {
            let m = entry.medication.as_ref();
            tx.execute(
                "INSERT INTO task_log (recipient_id, assistant_id, task_type_id, at, note, medication, dose, planned_at, outcome, reason, given_by, corrects_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    recipient.0,
                    entry.assistant.map(|a| a.0),
                    entry.task,
                    datetime_text(entry.at),
                    entry.note.trim(),
                    m.map(|m| m.drug.trim()),
                    m.map(|m| m.dose.trim()),
                    m.and_then(|m| m.planned).map(datetime_text),
                    m.map(|m| m.outcome.code()),
                    m.map(|m| m.reason.trim()).filter(|r| !r.is_empty()),
                    m.map(|m| m.given_by.code()),
                    entry.corrects,
                ],
            )?;
            let id = tx.last_insert_rowid();
            record(
                tx,
                actor,
                &Change {
                    action: if entry.corrects.is_some() { "correct" } else { "create" },
                    entity: "task_log",
                    entity_id: Some(id),
                    before: None,
                    after: Some(json!({
                        "task_type_id": entry.task,
                        "at": datetime_text(entry.at),
                        "assistant_id": entry.assistant.map(|a| a.0),
                        "note": entry.note.trim(),
                        "medication": m.map(|m| json!({"drug": m.drug.trim(), "dose": m.dose.trim(), "outcome": m.outcome.code(), "reason": m.reason.trim(), "given_by": m.given_by.code()})),
                        "corrects": entry.corrects,
                        // The arbeidsleder was warned that the assistant lacks training, and went on.
                        "acknowledged_untrained": gap.is_some(),
                    })),
                },
            )?;
            Ok(id)
        })
    }

    /// The log entries of a recipient in `range`, by time.
    pub fn log_lines(&self, recipient: RecipientId, range: DayRange) -> Result<Vec<LogLine>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.id, l.at, a.name, t.name, t.category = 'health' OR t.medication = 1, l.note, l.medication, l.dose,
                    l.planned_at, l.outcome, l.reason, l.given_by, l.corrects_id,
                    (SELECT min(c.id) FROM task_log c WHERE c.corrects_id = l.id)
             FROM task_log l JOIN task_type t ON t.id = l.task_type_id
             LEFT JOIN assistant a ON a.id = l.assistant_id
             WHERE l.recipient_id = ?1 AND l.at >= ?2 AND l.at < ?3
             ORDER BY l.at, l.id",
        )?;
        let from = datetime_text(crate::domain::time::day_start(range.start));
        let to = datetime_text(crate::domain::time::day_start(range.end));
        let rows = stmt.query_map(params![recipient.0, from, to], |r| {
            Ok(LogLine {
                id: r.get(0)?,
                at: parse_datetime(1, &r.get::<_, String>(1)?)?,
                assistant: r.get(2)?,
                task: r.get(3)?,
                health: r.get(4)?,
                note: r.get(5)?,
                medication: r.get(6)?,
                dose: r.get(7)?,
                planned: opt_datetime(r, 8)?,
                outcome: r.get(9)?,
                reason: r.get(10)?,
                given_by: r.get(11)?,
                corrects: r.get(12)?,
                corrected_by: r.get(13)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One log entry's task, assistant and time, for a correction.
    pub fn log_entry(&self, id: i64) -> Result<Option<(i64, Option<AssistantId>, NaiveDateTime)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT task_type_id, assistant_id, at FROM task_log WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get::<_, Option<i64>>(1)?.map(AssistantId),
                        parse_datetime(2, &r.get::<_, String>(2)?)?,
                    ))
                },
            )
            .optional()?)
    }

    /// Records an incident, open until it is closed.
    pub fn add_incident(&mut self, recipient: RecipientId, new: &NewIncident) -> Result<i64> {
        let NewIncident {
            at,
            what,
            severity,
            action,
            follow_up,
            log_entry,
        } = *new;
        let severity = one_of(severity, &SEVERITIES, "severity")?;
        if let Some(entry) = log_entry
            && self.log_entry(entry)?.is_none()
        {
            return Err(StoreError::Invalid(format!(
                "there is no log entry {entry}"
            )));
        }
        if what.trim().is_empty() {
            return Err(StoreError::Invalid("say what happened".into()));
        }
        self.write(|tx, actor| {
            tx.execute(
                "INSERT INTO incident (recipient_id, at, what, severity, action_taken, follow_up, status, task_log_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7)",
                params![recipient.0, datetime_text(at), what.trim(), severity, action.trim(), follow_up.trim(),
                    log_entry],
            )?;
            let id = tx.last_insert_rowid();
            record(tx, actor, &Change { action: "create", entity: "incident", entity_id: Some(id), before: None, after: Some(json!({"at": datetime_text(at), "severity": severity})) })?;
            Ok(id)
        })
    }

    /// Closes an incident, with what was followed up.
    pub fn close_incident(&mut self, id: i64, follow_up: &str) -> Result<()> {
        self.write(|tx, actor| {
            let before: Option<(String, String)> = tx
                .query_row(
                    "SELECT status, follow_up FROM incident WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((status, old_follow_up)) = before else {
                return Err(StoreError::Invalid(format!("there is no incident {id}")));
            };
            // A new follow-up is added to the old one, never in its place.
            let follow_up = match (old_follow_up.trim(), follow_up.trim()) {
                (old, "") => old.to_owned(),
                ("", new) => new.to_owned(),
                (old, new) => format!("{old}\n{new}"),
            };
            let n = tx.execute(
                "UPDATE incident SET status = 'closed', follow_up = ?1 WHERE id = ?2",
                params![follow_up, id],
            )?;
            if n == 0 {
                return Err(StoreError::Invalid(format!("there is no incident {id}")));
            }
            record(
                tx,
                actor,
                &Change {
                    action: "close",
                    entity: "incident",
                    entity_id: Some(id),
                    before: Some(json!({"status": status, "follow_up": old_follow_up})),
                    after: Some(json!({"status": "closed", "follow_up": follow_up})),
                },
            )
        })
    }

    /// Links a decision to the allocation it gave.
    pub fn link_decision(&mut self, application: i64, allocation: i64) -> Result<()> {
        self.write(|tx, actor| {
            let n = tx.execute(
                "UPDATE application SET allocation_id = ?1 WHERE id = ?2",
                params![allocation, application],
            )?;
            if n == 0 {
                return Err(StoreError::Invalid(format!(
                    "there is no application {application}"
                )));
            }
            record(
                tx,
                actor,
                &Change {
                    action: "update",
                    entity: "application",
                    entity_id: Some(application),
                    before: None,
                    after: Some(json!({"allocation_id": allocation})),
                },
            )
        })
    }

    pub fn incidents(&self, recipient: RecipientId, range: DayRange) -> Result<Vec<Incident>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, at, what, severity, action_taken, follow_up, status FROM incident WHERE recipient_id = ?1 AND at >= ?2 AND at < ?3 ORDER BY at",
        )?;
        let (from, to) = bounds(range);
        let rows = stmt.query_map(params![recipient.0, from, to], |r| {
            Ok(Incident {
                id: r.get(0)?,
                at: parse_datetime(1, &r.get::<_, String>(1)?)?,
                what: r.get(2)?,
                severity: r.get(3)?,
                action_taken: r.get(4)?,
                follow_up: r.get(5)?,
                status: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_need(
        &mut self,
        recipient: RecipientId,
        at: NaiveDateTime,
        minutes: i64,
        what: &str,
        reason: &str,
    ) -> Result<i64> {
        let reason = one_of(reason, &NEED_REASONS, "reason")?;
        if what.trim().is_empty() {
            return Err(StoreError::Invalid("say what help was needed".into()));
        }
        if minutes <= 0 {
            return Err(StoreError::Invalid("how long must be more than 0".into()));
        }
        if minutes > 24 * 60 {
            return Err(StoreError::Invalid(
                "an unmet need lasts at most 24 hours; write each day on its own".into(),
            ));
        }
        self.write(|tx, actor| {
            tx.execute(
                "INSERT INTO unmet_need (recipient_id, at, minutes, what, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![recipient.0, datetime_text(at), minutes, what.trim(), reason],
            )?;
            let id = tx.last_insert_rowid();
            record(tx, actor, &Change { action: "create", entity: "unmet_need", entity_id: Some(id), before: None, after: Some(json!({"at": datetime_text(at), "minutes": minutes, "reason": reason})) })?;
            Ok(id)
        })
    }

    pub fn needs(&self, recipient: RecipientId, range: DayRange) -> Result<Vec<Need>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, at, minutes, what, reason FROM unmet_need WHERE recipient_id = ?1 AND at >= ?2 AND at < ?3 ORDER BY at")?;
        let (from, to) = bounds(range);
        let rows = stmt.query_map(params![recipient.0, from, to], |r| {
            Ok(Need {
                id: r.get(0)?,
                at: parse_datetime(1, &r.get::<_, String>(1)?)?,
                minutes: r.get(2)?,
                what: r.get(3)?,
                reason: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records an application sent on `sent_on`; the reply is due a month later.
    pub fn add_application(
        &mut self,
        recipient: RecipientId,
        what: &str,
        sent_on: NaiveDate,
    ) -> Result<i64> {
        if what.trim().is_empty() {
            return Err(StoreError::Invalid("say what was asked for".into()));
        }
        let due = crate::domain::time::add_months(sent_on, 1);
        self.write(|tx, actor| {
            tx.execute("INSERT INTO application (recipient_id, what, sent_on, reply_due) VALUES (?1, ?2, ?3, ?4)", params![recipient.0, what.trim(), date_text(sent_on), date_text(due)])?;
            let id = tx.last_insert_rowid();
            record(tx, actor, &Change { action: "create", entity: "application", entity_id: Some(id), before: None, after: Some(json!({"sent_on": date_text(sent_on)})) })?;
            Ok(id)
        })
    }

    /// Records the decision on an application.
    pub fn decide_application(&mut self, id: i64, decision: &str, on: NaiveDate) -> Result<()> {
        let decision = one_of(decision, &DECISIONS, "decision")?;
        self.write(|tx, actor| {
            let n = tx.execute(
                "UPDATE application SET decision = ?1, decided_on = ?2 WHERE id = ?3",
                params![decision, date_text(on), id],
            )?;
            if n == 0 {
                return Err(StoreError::Invalid(format!("there is no application {id}")));
            }
            record(
                tx,
                actor,
                &Change {
                    action: "update",
                    entity: "application",
                    entity_id: Some(id),
                    before: None,
                    after: Some(json!({"decision": decision, "decided_on": date_text(on)})),
                },
            )
        })
    }

    pub fn add_appeal(
        &mut self,
        recipient: RecipientId,
        application: Option<i64>,
        sent_on: NaiveDate,
        level: &str,
    ) -> Result<i64> {
        let level = one_of(level, &APPEAL_LEVELS, "level")?;
        self.write(|tx, actor| {
            tx.execute("INSERT INTO appeal (recipient_id, application_id, sent_on, level) VALUES (?1, ?2, ?3, ?4)", params![recipient.0, application, date_text(sent_on), level])?;
            let id = tx.last_insert_rowid();
            record(tx, actor, &Change { action: "create", entity: "appeal", entity_id: Some(id), before: None, after: Some(json!({"sent_on": date_text(sent_on), "level": level})) })?;
            Ok(id)
        })
    }

    /// Records what came of an appeal.
    pub fn decide_appeal(&mut self, id: i64, status: &str, on: NaiveDate) -> Result<()> {
        let status = one_of(status, &APPEAL_STATUSES, "status")?;
        self.write(|tx, actor| {
            let before: Option<String> = tx
                .query_row("SELECT status FROM appeal WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            let Some(before) = before else {
                return Err(StoreError::Invalid(format!("there is no appeal {id}")));
            };
            tx.execute(
                "UPDATE appeal SET status = ?1, decided_on = ?2 WHERE id = ?3",
                params![status, date_text(on), id],
            )?;
            record(
                tx,
                actor,
                &Change {
                    action: "update",
                    entity: "appeal",
                    entity_id: Some(id),
                    before: Some(json!({"status": before})),
                    after: Some(json!({"status": status, "decided_on": date_text(on)})),
                },
            )
        })
    }

    /// Changes a task type, or retires it (`active` false) so it is no longer offered.
    pub fn edit_task_type(
        &mut self,
        id: i64,
        name: &str,
        category: Category,
        requires: Option<i64>,
        medication: bool,
        active: bool,
    ) -> Result<()> {
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("the task type needs a name".into()));
        }
        self.write(|tx, actor| {
            let before: Option<(String, String, Option<i64>, bool)> = tx
                .query_row("SELECT name, category, requires_competence_id, medication FROM task_type WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                .optional()?;
            let Some(before) = before else {
                return Err(StoreError::Invalid(format!("there is no task type {id}")));
            };
            tx.execute(
                "UPDATE task_type SET name = ?1, category = ?2, requires_competence_id = ?3, medication = ?4, active = ?5 WHERE id = ?6",
                params![name.trim(), category.code(), requires, medication, active, id],
            )?;
            record(
                tx,
                actor,
                &Change {
                    action: "update",
                    entity: "task_type",
                    entity_id: Some(id),
                    before: Some(json!({"name": before.0, "category": before.1, "requires": before.2, "medication": before.3})),
                    after: Some(json!({"name": name.trim(), "category": category.code(), "requires": requires, "medication": medication, "active": active})),
                },
            )
        })
    }

    pub fn applications(&self, recipient: RecipientId) -> Result<Vec<Application>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, what, sent_on, reply_due, decided_on, decision FROM application WHERE recipient_id = ?1 ORDER BY sent_on")?;
        let rows = stmt.query_map([recipient.0], |r| {
            Ok(Application {
                id: r.get(0)?,
                what: r.get(1)?,
                sent_on: parse_date(2, &r.get::<_, String>(2)?)?,
                reply_due: parse_date(3, &r.get::<_, String>(3)?)?,
                decided_on: opt_date(r, 4)?,
                decision: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn appeals(&self, recipient: RecipientId) -> Result<Vec<Appeal>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, application_id, sent_on, level, status, decided_on FROM appeal WHERE recipient_id = ?1 ORDER BY sent_on")?;
        let rows = stmt.query_map([recipient.0], |r| {
            Ok(Appeal {
                id: r.get(0)?,
                application: r.get(1)?,
                sent_on: parse_date(2, &r.get::<_, String>(2)?)?,
                level: r.get(3)?,
                status: r.get(4)?,
                decided_on: opt_date(r, 5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn bounds(range: DayRange) -> (String, String) {
    (
        datetime_text(crate::domain::time::day_start(range.start)),
        datetime_text(crate::domain::time::day_start(range.end)),
    )
}

/// Records a whole batch in one audit entry (used for demo data).
pub(super) fn record_batch(
    tx: &rusqlite::Transaction,
    actor: &str,
    what: &str,
    counts: &serde_json::Value,
) -> Result<()> {
    record(
        tx,
        actor,
        &Change {
            action: what,
            entity: "database",
            entity_id: None,
            before: None,
            after: Some(counts.clone()),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::log::{GivenBy, Medication, Outcome};
    use crate::domain::people::Assistant;
    use crate::domain::training::TrainingStatus;
    use crate::store::NewRecipient;

    fn at(h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 26)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_medication_entry_needs_training_or_an_acknowledgement_and_corrections_keep_both() {
        let mut s = Store::open_in_memory().unwrap();
        let r = s
            .create_recipient(
                &NewRecipient {
                    name: "Ola".into(),
                    representative: None,
                },
                None,
            )
            .unwrap();
        let kari = s
            .add_assistant(&Assistant {
                name: "Kari".into(),
                active: true,
                ..Assistant::default()
            })
            .unwrap();
        let meds = s.competence("Legemiddelhåndtering").unwrap();
        let task = s
            .add_task_type("Medisin", Category::Health, Some(meds), true)
            .unwrap();
        let entry = NewEntry {
            at: at(8),
            assistant: Some(kari),
            task,
            note: String::new(),
            medication: Some(Medication {
                drug: "Paracet".into(),
                dose: "500 mg".into(),
                planned: Some(at(8)),
                outcome: Outcome::Given,
                reason: String::new(),
                given_by: GivenBy::Assistant,
            }),
            corrects: None,
        };
        let err = s.add_log_entry(r, &entry, false).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Entry(EntryError::Untrained(TrainingStatus::Missing))
            ),
            "{err}"
        );
        let first = s.add_log_entry(r, &entry, true).unwrap();
        s.set_setting("log.refuse_untrained", "1").unwrap();
        assert!(
            s.add_log_entry(r, &entry, true).is_err(),
            "the setting makes it a refusal"
        );
        s.add_training(&Training {
            id: 0,
            assistant: kari,
            competence: meds,
            trained_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            trained_by: "Sykepleier".into(),
            renew_on: None,
            notes: String::new(),
        })
        .unwrap();
        let mut correction = entry.clone();
        correction.medication.as_mut().unwrap().dose = "1 g".into();
        correction.corrects = Some(first);
        let second = s.add_log_entry(r, &correction, false).unwrap();
        let day = DayRange::inclusive(at(8).date(), at(8).date());
        let lines = s.log_lines(r, day).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].corrected_by, Some(second));
        assert_eq!(lines[1].corrects, Some(first));
    }

    #[test]
    fn incidents_needs_applications_and_appeals() {
        let mut s = Store::open_in_memory().unwrap();
        let r = s
            .create_recipient(
                &NewRecipient {
                    name: "Ola".into(),
                    representative: None,
                },
                None,
            )
            .unwrap();
        let new = |what, severity, log_entry| NewIncident {
            at: at(19),
            what,
            severity,
            action: "Sjekket",
            follow_up: "",
            log_entry,
        };
        let fall = s
            .add_incident(r, &new("Fall på badet", "medium", None))
            .unwrap();
        assert!(s.add_incident(r, &new("x", "huge", None)).is_err());
        assert!(
            s.add_incident(r, &new("x", "low", Some(99))).is_err(),
            "an unknown log entry"
        );
        s.close_incident(fall, "Ny løfterutine").unwrap();
        s.add_need(r, at(18), 120, "Følge til lege", "no-hours")
            .unwrap();
        assert!(s.add_need(r, at(18), 0, "x", "other").is_err());
        assert!(
            s.add_need(r, at(18), 24 * 60, "a whole day", "other")
                .is_ok()
        );
        let long = s
            .add_need(r, at(18), 9999 * 60 + 59, "x", "other")
            .unwrap_err();
        assert!(long.to_string().contains("24 hours"), "{long}");
        let app = s
            .add_application(
                r,
                "Økning til 45 t/uke",
                NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            )
            .unwrap();
        assert_eq!(
            s.applications(r).unwrap()[0].reply_due,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        s.decide_application(
            app,
            "refused",
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        )
        .unwrap();
        s.add_appeal(
            r,
            Some(app),
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            "municipality",
        )
        .unwrap();
        let day = DayRange::inclusive(at(0).date(), at(0).date());
        assert_eq!(s.incidents(r, day).unwrap().len(), 1);
        assert_eq!(s.needs(r, day).unwrap()[0].reason, "no_hours");
        assert_eq!(s.appeals(r).unwrap()[0].status, "pending");
    }
}
