//! Routines and their checklist items.

use chrono::NaiveTime;
use rusqlite::{OptionalExtension, params};
use serde_json::json;

use super::audit::{Change, record};
use super::{Result, Store, StoreError};
use crate::domain::ids::RecipientId;
use crate::domain::routines::{Item, Routine};

fn time_text(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M").ok()
}

impl Store {
    /// Adds a routine for the given weekdays (1 = Monday) and time of day.
    pub fn add_routine(
        &mut self,
        recipient: RecipientId,
        name: &str,
        weekdays: &[u32],
        start: NaiveTime,
        end: NaiveTime,
    ) -> Result<i64> {
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("the routine needs a name".into()));
        }
        if weekdays.is_empty() || weekdays.iter().any(|d| !(1..=7).contains(d)) {
            return Err(StoreError::Invalid(
                "name the weekdays, e.g. mon,tue or 1-5".into(),
            ));
        }
        if self
            .routines(recipient)?
            .iter()
            .any(|r| r.name.to_lowercase() == name.trim().to_lowercase())
        {
            return Err(StoreError::Invalid(format!(
                "there is already a routine called «{}»",
                name.trim()
            )));
        }
        let days: String = weekdays.iter().map(u32::to_string).collect();
        self.write(|tx, actor| {
            tx.execute(
                "INSERT INTO routine (recipient_id, name, weekdays, start_time, end_time) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![recipient.0, name.trim(), days, time_text(start), time_text(end)],
            )?;
            let id = tx.last_insert_rowid();
            record(tx, actor, &Change { action: "create", entity: "routine", entity_id: Some(id), before: None, after: Some(json!({"name": name.trim(), "weekdays": days})) })?;
            Ok(id)
        })
    }

    /// Adds an item to a routine's checklist.
    pub fn add_routine_item(
        &mut self,
        routine: i64,
        task: i64,
        at: Option<NaiveTime>,
        label: &str,
    ) -> Result<()> {
        self.write(|tx, actor| {
            tx.execute(
                "INSERT INTO routine_item (routine_id, task_type_id, at_time, label) VALUES (?1, ?2, ?3, ?4)",
                params![routine, task, at.map(time_text), label.trim()],
            )?;
            let id = tx.last_insert_rowid();
            record(tx, actor, &Change { action: "create", entity: "routine_item", entity_id: Some(id), before: None, after: Some(json!({"routine_id": routine, "task_type_id": task})) })?;
            Ok(())
        })
    }

    /// Every routine of a recipient, with its items by time.
    pub fn routines(&self, recipient: RecipientId) -> Result<Vec<Routine>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, name, weekdays, start_time, end_time FROM routine WHERE recipient_id = ?1 ORDER BY start_time, name")?;
        let heads: Vec<(i64, String, String, String, String)> = stmt
            .query_map([recipient.0], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut items = self.conn.prepare_cached("SELECT id, task_type_id, at_time, label FROM routine_item WHERE routine_id = ?1 ORDER BY at_time, id")?;
        let mut out = Vec::new();
        for (id, name, days, start, end) in heads {
            let list = items
                .query_map([id], |r| {
                    let at: Option<String> = r.get(2)?;
                    Ok(Item {
                        id: r.get(0)?,
                        task: r.get(1)?,
                        at: at.as_deref().and_then(parse_time),
                        label: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            out.push(Routine {
                id,
                name,
                weekdays: days.chars().filter_map(|c| c.to_digit(10)).collect(),
                start: parse_time(&start).unwrap_or(NaiveTime::MIN),
                end: parse_time(&end).unwrap_or(NaiveTime::MIN),
                items: list,
            });
        }
        Ok(out)
    }

    /// A routine's id by name.
    pub fn routine_id(&self, recipient: RecipientId, name: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM routine WHERE recipient_id = ?1 AND name = ?2 COLLATE NOCASE",
                params![recipient.0, name.trim()],
                |r| r.get(0),
            )
            .optional()?)
    }
}
