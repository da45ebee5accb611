//! The shift log: task types, log entries and incidents. This first cut
//! reads the log of a day and takes whole batches (demo data); forms for
//! single entries build on it.

use chrono::NaiveDateTime;
use rusqlite::params;

use super::audit::{Change, record};
use super::codec::{datetime_text, parse_datetime};
use super::{Result, Store};
use crate::domain::ids::RecipientId;
use crate::domain::time::DayRange;

/// A category of task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskCategory {
    Practical,
    PersonalCare,
    Activity,
    Training,
    Health,
}

impl TaskCategory {
    pub fn code(self) -> &'static str {
        match self {
            Self::Practical => "practical",
            Self::PersonalCare => "personal_care",
            Self::Activity => "activity",
            Self::Training => "training",
            Self::Health => "health",
        }
    }
}

/// One line of the log as shown on the Log screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    pub at: NaiveDateTime,
    pub assistant: Option<String>,
    pub task: String,
    pub health: bool,
    pub note: String,
    pub medication: Option<String>,
    pub dose: Option<String>,
    pub outcome: Option<String>,
    pub reason: Option<String>,
}

impl Store {
    /// The log entries of a recipient in `range`, by time.
    pub fn log_lines(&self, recipient: RecipientId, range: DayRange) -> Result<Vec<LogLine>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.at, a.name, t.name, t.category = 'health', l.note, l.medication, l.dose, l.outcome, l.reason
             FROM task_log l JOIN task_type t ON t.id = l.task_type_id
             LEFT JOIN assistant a ON a.id = l.assistant_id
             WHERE l.recipient_id = ?1 AND l.at >= ?2 AND l.at < ?3
             ORDER BY l.at, l.id",
        )?;
        let from = datetime_text(crate::domain::time::day_start(range.start));
        let to = datetime_text(crate::domain::time::day_start(range.end));
        let rows = stmt.query_map(params![recipient.0, from, to], |r| {
            Ok(LogLine {
                at: parse_datetime(0, &r.get::<_, String>(0)?)?,
                assistant: r.get(1)?,
                task: r.get(2)?,
                health: r.get(3)?,
                note: r.get(4)?,
                medication: r.get(5)?,
                dose: r.get(6)?,
                outcome: r.get(7)?,
                reason: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
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
