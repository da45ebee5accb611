//! Settings as key/value rows, with typed access for the rule thresholds.

use rusqlite::{OptionalExtension, params};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::audit::{Change, record};
use super::{Result, Store, StoreError};
use crate::domain::rules::Limits;

/// The setting that holds the calendar token (not user-editable: changing
/// it would duplicate every event in the assistants' calendars).
const CALENDAR_TOKEN: &str = "calendar.token";

/// The settings `bpa` knows, with what they mean.
pub const KNOWN: &[(&str, &str)] = &[
    (
        "rules.daily_rest_minutes",
        "daily rest, aml § 10-8 (1): 660 (a tariff agreement may allow 480)",
    ),
    (
        "rules.weekly_rest_minutes",
        "weekly rest, aml § 10-8 (2): 2100 (a tariff agreement may allow 1680)",
    ),
    (
        "rules.work_in_24h_minutes",
        "work within 24 hours, aml § 10-6: 780",
    ),
    (
        "rules.weekly_work_minutes",
        "work per week, aml § 10-4: 2400 (48 h averaged or 54 h by agreement)",
    ),
    (
        "log.refuse_untrained",
        "1: refuse a health task by an assistant without valid training; 0 (default): warn and ask",
    ),
    ("backup.keep_daily", "daily automatic backups kept: 7"),
    ("backup.keep_weekly", "weekly automatic backups kept: 8"),
    (
        "payroll.agreement",
        "supplement windows of timesheets: ks (default), aml or virke",
    ),
    (
        "payroll.sleeping_night",
        "paid time of a sleeping night: third (default, Virke BPA) or clock",
    ),
    (
        "payroll.wage_type.ordinary",
        "wage type number for paid hours in payroll files",
    ),
    (
        "payroll.wage_type.evening_night",
        "wage type number for evening and night supplement hours",
    ),
    (
        "payroll.wage_type.weekend",
        "wage type number for weekend supplement hours",
    ),
    (
        "payroll.wage_type.holiday",
        "wage type number for holiday supplement hours",
    ),
    (
        "payroll.wage_type.passive",
        "wage type number for passive (sleeping) hours",
    ),
];

/// Checks a text setting's value; `None` for the numeric settings.
fn text_value(key: &str, value: &str) -> Option<std::result::Result<String, String>> {
    let v = value.trim();
    let pick = |allowed: &[&str]| {
        let lower = v.to_ascii_lowercase();
        if allowed.contains(&lower.as_str()) {
            Ok(lower)
        } else {
            Err(format!("«{v}» is not one of {}", allowed.join(", ")))
        }
    };
    match key {
        "payroll.agreement" => Some(pick(&["ks", "aml", "virke"])),
        "payroll.sleeping_night" => Some(pick(&["third", "clock"])),
        k if k.starts_with("payroll.wage_type.") => Some(
            if !v.is_empty() && v.len() <= 10 && v.chars().all(|c| c.is_ascii_digit()) {
                Ok(v.to_owned())
            } else {
                Err(format!("«{v}» is not a wage type number (1 to 10 digits)"))
            },
        ),
        _ => None,
    }
}

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets a known setting; unknown keys and non-numbers are refused.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        if !KNOWN.iter().any(|(k, _)| *k == key) {
            let names: Vec<&str> = KNOWN.iter().map(|(k, _)| *k).collect();
            return Err(StoreError::Invalid(format!(
                "unknown setting «{key}»; known: {}",
                names.join(", ")
            )));
        }
        let stored = match text_value(key, value) {
            Some(checked) => checked.map_err(StoreError::Invalid)?,
            None => Self::minutes_value(key, value)?.to_string(),
        };
        self.write(|tx, actor| {
            let before: Option<String> = tx.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?;
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, stored],
            )?;
            record(tx, actor, &Change { action: "update", entity: "setting", entity_id: None, before: before.map(|b| json!({ key: b })), after: Some(json!({ key: stored })) })?;
            Ok(())
        })
    }

    fn minutes_value(key: &str, value: &str) -> Result<i64> {
        value
            .trim()
            .parse()
            .ok()
            .filter(|m| {
                (0..=7 * 24 * 60).contains(m)
                    && (!key.starts_with("log.") || *m <= 1)
                    && (!key.starts_with("backup.") || (1..=365).contains(m))
            })
            .ok_or_else(|| StoreError::Invalid(format!("«{value}» is not a number of minutes")))
    }

    /// The database's calendar token, made and stored (audited) the first
    /// time it is asked for. It makes the UIDs of exported events unique to
    /// this database and stable across exports; it is a setting, so it
    /// travels in `bpa export json` and survives a restore.
    pub fn calendar_token(&mut self) -> Result<String> {
        if let Some(token) = self.setting(CALENDAR_TOKEN)? {
            return Ok(token);
        }
        let mut seed = Sha256::new();
        seed.update(crate::clock::entropy_nanos().to_le_bytes());
        seed.update(std::process::id().to_le_bytes());
        seed.update(
            self.path()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default()
                .as_bytes(),
        );
        let token = seed.finalize()[..10]
            .iter()
            .fold(String::with_capacity(20), |mut hex, b| {
                use std::fmt::Write;
                let _ = write!(hex, "{b:02x}");
                hex
            });
        self.write(|tx, actor| {
            // Another window may have made one meanwhile: keep the first.
            let existing: Option<String> = tx
                .query_row(
                    "SELECT value FROM setting WHERE key = ?1",
                    [CALENDAR_TOKEN],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(existing) = existing {
                return Ok(existing);
            }
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)",
                params![CALENDAR_TOKEN, token],
            )?;
            record(
                tx,
                actor,
                &Change {
                    action: "create",
                    entity: "setting",
                    entity_id: None,
                    before: None,
                    after: Some(json!({ CALENDAR_TOKEN: token })),
                },
            )?;
            Ok(token)
        })
    }

    /// How many daily and weekly automatic backups to keep.
    pub fn backup_keep(&self) -> Result<(usize, usize)> {
        let get = |key: &str, default: usize| -> Result<usize> {
            Ok(self
                .setting(key)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(default))
        };
        Ok((
            get("backup.keep_daily", super::backup::KEEP_DAILY)?,
            get("backup.keep_weekly", super::backup::KEEP_WEEKLY)?,
        ))
    }

    /// The rule thresholds: the law's values unless a setting says otherwise.
    pub fn limits(&self) -> Result<Limits> {
        let mut limits = Limits::default();
        for (key, slot) in [
            ("rules.daily_rest_minutes", &mut limits.daily_rest),
            ("rules.weekly_rest_minutes", &mut limits.weekly_rest),
            ("rules.work_in_24h_minutes", &mut limits.work_in_24h),
            ("rules.weekly_work_minutes", &mut limits.weekly_work),
        ] {
            if let Some(v) = self.setting(key)?.and_then(|v| v.parse().ok()) {
                *slot = v;
            }
        }
        Ok(limits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_default_to_the_law_and_follow_settings() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.limits().unwrap(), Limits::default());
        s.set_setting("rules.daily_rest_minutes", "480").unwrap();
        assert_eq!(s.limits().unwrap().daily_rest, 480);
        assert!(s.set_setting("rules.nap", "5").is_err());
        assert!(s.set_setting("rules.daily_rest_minutes", "lots").is_err());
    }

    #[test]
    fn the_calendar_token_is_made_once_and_audited() {
        let mut s = Store::open_in_memory().unwrap();
        let token = s.calendar_token().unwrap();
        assert_eq!(token.len(), 20);
        assert!(token.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(s.calendar_token().unwrap(), token);
        assert_eq!(s.audit_len().unwrap(), 1);
        assert!(s.set_setting(CALENDAR_TOKEN, "x").is_err());
    }
}
