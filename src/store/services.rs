//! Other services' visits, and rotas with their slots.

use chrono::NaiveTime;
use rusqlite::{OptionalExtension, params};
use serde_json::json;

use super::audit::{Change, record};
use super::codec::{code, date_text, datetime_text, opt_date, parse_date};
use super::shift_edit::ShiftFields;
use super::{Result, Store, StoreError};
use crate::domain::ids::{AssistantId, RecipientId, ShiftId};
use crate::domain::rota::{Planned, Rota, Slot};
use crate::domain::services::Service;
use crate::domain::shift::ShiftKind;

fn time_text(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn parse_time(col: usize, text: &str) -> rusqlite::Result<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            col,
            rusqlite::types::Type::Text,
            format!("unexpected time «{text}»").into(),
        )
    })
}

impl Store {
    /// Adds a visit by another service (once, or weekly).
    pub fn add_service(&mut self, recipient: RecipientId, s: &Service) -> Result<i64> {
        if s.provider.trim().is_empty() {
            return Err(StoreError::Invalid(
                "name the service (e.g. home nursing)".into(),
            ));
        }
        if s.end <= s.start {
            return Err(StoreError::Invalid(
                "the visit must end after it starts".into(),
            ));
        }
        self.write(|tx, actor| {
            tx.execute(
                "INSERT INTO other_service (recipient_id, provider, what, first_day, start_time, end_time, weekly, last_day)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![recipient.0, s.provider.trim(), s.what.trim(), date_text(s.first_day), time_text(s.start), time_text(s.end), s.weekly, s.last_day.map(date_text)],
            )?;
            let id = tx.last_insert_rowid();
            record(tx, actor, &Change { action: "create", entity: "other_service", entity_id: Some(id), before: None, after: Some(json!({"provider": s.provider.trim(), "what": s.what.trim(), "weekly": s.weekly})) })?;
            Ok(id)
        })
    }

    /// Every service of a recipient.
    pub fn services(&self, recipient: RecipientId) -> Result<Vec<Service>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, provider, what, first_day, start_time, end_time, weekly, last_day FROM other_service
             WHERE recipient_id = ?1 ORDER BY first_day, start_time, id",
        )?;
        let rows = stmt.query_map([recipient.0], |r| {
            Ok(Service {
                id: r.get(0)?,
                provider: r.get(1)?,
                what: r.get(2)?,
                first_day: parse_date(3, &r.get::<_, String>(3)?)?,
                start: parse_time(4, &r.get::<_, String>(4)?)?,
                end: parse_time(5, &r.get::<_, String>(5)?)?,
                weekly: r.get(6)?,
                last_day: opt_date(r, 7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Creates an empty rota of `cycle_weeks` weeks.
    pub fn add_rota(
        &mut self,
        recipient: RecipientId,
        name: &str,
        cycle_weeks: u32,
    ) -> Result<i64> {
        if !(1..=8).contains(&cycle_weeks) {
            return Err(StoreError::Invalid(
                "a rota is a cycle of 1 to 8 weeks".into(),
            ));
        }
        if self.rota(recipient, name)?.is_some() {
            return Err(StoreError::Invalid(format!(
                "there is already a rota called «{}»",
                name.trim()
            )));
        }
        self.write(|tx, actor| {
            tx.execute(
                "INSERT INTO rota (recipient_id, name, cycle_weeks) VALUES (?1, ?2, ?3)",
                params![recipient.0, name.trim(), cycle_weeks],
            )?;
            let id = tx.last_insert_rowid();
            record(
                tx,
                actor,
                &Change {
                    action: "create",
                    entity: "rota",
                    entity_id: Some(id),
                    before: None,
                    after: Some(json!({"name": name.trim(), "cycle_weeks": cycle_weeks})),
                },
            )?;
            Ok(id)
        })
    }

    /// Adds a pattern to a rota.
    pub fn add_rota_slot(&mut self, rota: &Rota, slot: &Slot) -> Result<()> {
        if slot.cycle_week < 1 || slot.cycle_week > rota.cycle_weeks {
            return Err(StoreError::Invalid(format!(
                "the rota «{}» has weeks 1 to {}",
                rota.name, rota.cycle_weeks
            )));
        }
        self.write(|tx, actor| {
            tx.execute(
                "INSERT INTO rota_slot (rota_id, cycle_week, weekday, start_time, end_time, kind, assistant_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![rota.id, slot.cycle_week, slot.weekday, time_text(slot.start), time_text(slot.end), slot.kind.code(), slot.assistant.map(|a| a.0)],
            )?;
            let id = tx.last_insert_rowid();
            record(tx, actor, &Change { action: "create", entity: "rota_slot", entity_id: Some(id), before: None, after: Some(json!({"rota_id": rota.id, "week": slot.cycle_week, "weekday": slot.weekday})) })?;
            Ok(())
        })
    }

    /// A rota by name, with its slots.
    pub fn rota(&self, recipient: RecipientId, name: &str) -> Result<Option<Rota>> {
        let head: Option<(i64, String, u32)> = self
            .conn
            .query_row(
                "SELECT id, name, cycle_weeks FROM rota WHERE recipient_id = ?1 AND name = ?2 COLLATE NOCASE",
                params![recipient.0, name.trim()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((id, name, cycle_weeks)) = head else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT cycle_week, weekday, start_time, end_time, kind, assistant_id FROM rota_slot WHERE rota_id = ?1
             ORDER BY cycle_week, weekday, start_time",
        )?;
        let slots = stmt
            .query_map([id], |r| {
                Ok(Slot {
                    cycle_week: r.get(0)?,
                    weekday: r.get(1)?,
                    start: parse_time(2, &r.get::<_, String>(2)?)?,
                    end: parse_time(3, &r.get::<_, String>(3)?)?,
                    kind: code(r, 4, ShiftKind::from_code)?,
                    assistant: r.get::<_, Option<i64>>(5)?.map(AssistantId),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(Rota {
            id,
            name,
            cycle_weeks,
            slots,
        }))
    }

    /// The names of a recipient's rotas.
    pub fn rota_names(&self, recipient: RecipientId) -> Result<Vec<(String, u32)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, cycle_weeks FROM rota WHERE recipient_id = ?1 ORDER BY name",
        )?;
        let rows = stmt.query_map([recipient.0], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores the shifts a rota gives, all or nothing; shifts already
    /// stored are skipped, so applying the same rota twice adds nothing
    /// twice. Returns the new shifts and how many were skipped.
    pub fn apply_rota(
        &mut self,
        recipient: RecipientId,
        planned: &[Planned],
    ) -> Result<(Vec<ShiftId>, usize)> {
        let fresh = self.rota_shifts_not_stored(recipient, planned)?;
        let skipped = planned.len() - fresh.len();
        Ok((self.copy_shifts(recipient, &fresh)?, skipped))
    }

    /// The shifts of `planned` that are not stored yet.
    pub fn rota_shifts_not_stored(
        &self,
        recipient: RecipientId,
        planned: &[Planned],
    ) -> Result<Vec<ShiftFields>> {
        let mut fresh = Vec::new();
        for p in planned {
            let exists: Option<i64> = self
                .conn
                .query_row(
                    "SELECT id FROM shift WHERE recipient_id = ?1 AND assistant_id IS ?2 AND start_at = ?3 AND end_at = ?4 AND kind = ?5",
                    params![recipient.0, p.assistant.map(|a| a.0), datetime_text(p.start), datetime_text(p.end), p.kind.code()],
                    |r| r.get(0),
                )
                .optional()?;
            if exists.is_none() {
                fresh.push(ShiftFields {
                    assistant: p.assistant,
                    allocation: None,
                    start: p.start,
                    end: p.end,
                    kind: p.kind,
                    note: String::new(),
                    active: Vec::new(),
                });
            }
        }
        Ok(fresh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rota::lay_out;
    use crate::domain::time::DayRange;
    use crate::store::NewRecipient;
    use chrono::NaiveDate;

    #[test]
    fn applying_a_rota_twice_adds_nothing_twice() {
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
        s.add_rota(r, "Vanlig", 1).unwrap();
        assert!(s.add_rota(r, "vanlig", 2).is_err());
        let rota = s.rota(r, "Vanlig").unwrap().unwrap();
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        s.add_rota_slot(
            &rota,
            &Slot {
                cycle_week: 1,
                weekday: 1,
                start: t(8),
                end: t(16),
                kind: ShiftKind::Ordinary,
                assistant: None,
            },
        )
        .unwrap();
        assert!(
            s.add_rota_slot(
                &rota,
                &Slot {
                    cycle_week: 2,
                    weekday: 1,
                    start: t(8),
                    end: t(16),
                    kind: ShiftKind::Ordinary,
                    assistant: None
                }
            )
            .is_err()
        );
        let rota = s.rota(r, "Vanlig").unwrap().unwrap();
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let planned = lay_out(
            &rota,
            DayRange::new(monday, monday + chrono::Duration::days(14)),
        );
        assert_eq!(s.apply_rota(r, &planned).unwrap().0.len(), 2);
        assert_eq!(s.apply_rota(r, &planned).unwrap(), (vec![], 2));
        assert_eq!(s.shift_count(r).unwrap(), 2);
    }
}
