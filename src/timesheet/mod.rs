//! One assistant's timesheet for a month: every shift that starts in the
//! month, with its minutes split into the pay buckets (`domain::pay`), the
//! totals, and the recipient's allocated and scheduled hours beside them.
//!
//! The sheet is read from the store here; `csv`, `json`, `text` and `html`
//! write it. Payroll files sum the same sheets (`crate::payroll`), and the
//! Timesheet view of the Reports screen draws one, so every figure is the
//! same wherever it is shown.

pub mod csv;
pub mod html;
pub mod json;
pub mod text;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::ids::{AssistantId, ShiftId};
use crate::domain::pay::{Agreement, Buckets, SleepingNightRule, buckets};
use crate::domain::people::Recipient;
use crate::domain::shift::{Shift, ShiftKind, ShiftStatus};
use crate::domain::time::Month;
use crate::store::{Result, Store, StoreError};
use crate::summary::{Period, report};

/// One shift of the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: ShiftId,
    /// The day the shift starts (as planned).
    pub date: NaiveDate,
    /// The times that count: the actual ones where recorded.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub kind: ShiftKind,
    pub status: ShiftStatus,
    /// All zero for an absent or cancelled shift.
    pub buckets: Buckets,
}

/// A month of one assistant's shifts, ready for payroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timesheet {
    pub assistant: String,
    pub employee_number: String,
    pub recipient: String,
    pub arbeidsleder: String,
    pub month: Month,
    pub agreement: Agreement,
    pub rule: SleepingNightRule,
    pub rows: Vec<Row>,
    pub totals: Buckets,
    /// The recipient's allocated and scheduled minutes of the month.
    pub allocated_minutes: i64,
    pub scheduled_minutes: i64,
}

/// The shifts of `assistant` that belong to `month`: those whose planned
/// start falls in it (a night from 31 January is January's).
pub fn shifts_of(
    store: &Store,
    recipient: crate::domain::ids::RecipientId,
    assistant: AssistantId,
    month: Month,
) -> Result<Vec<Shift>> {
    let days = month.days();
    Ok(store
        .shifts_in(recipient, days)?
        .into_iter()
        .filter(|s| s.assistant == Some(assistant) && days.contains(s.start.date()))
        .collect())
}

/// The rows of `shifts` (one assistant's shifts starting in the month).
pub fn rows(
    shifts: &[Shift],
    agreement: Agreement,
    rule: SleepingNightRule,
) -> std::result::Result<Vec<Row>, crate::domain::time::TimeError> {
    shifts
        .iter()
        .map(|s| {
            let (start, end) = s.counted_times();
            let b = if s.status.counts() {
                buckets(start, end, s.kind, &s.active, agreement, rule)?
            } else {
                Buckets::default()
            };
            Ok(Row {
                id: s.id,
                date: s.start.date(),
                start,
                end,
                kind: s.kind,
                status: s.status,
                buckets: b,
            })
        })
        .collect()
}

/// The timesheet of `assistant` for `month`. It is counted with the windows
/// of `agreement` when one is asked for, else with the agreement and rule
/// the month was approved with, else with those the settings name now.
pub fn build(
    store: &Store,
    recipient: &Recipient,
    assistant: AssistantId,
    month: Month,
    agreement: Option<Agreement>,
) -> Result<Timesheet> {
    let (current, current_rule) = store.pay_settings()?;
    let approved = store.approval(recipient.id, assistant, month)?;
    let rule = approved.as_ref().map_or(current_rule, |a| a.rule);
    let agreement = agreement
        .or(approved.as_ref().map(|a| a.agreement))
        .unwrap_or(current);
    let who = store
        .assistants()?
        .into_iter()
        .find(|a| a.id == Some(assistant))
        .ok_or_else(|| StoreError::Invalid("that assistant no longer exists".into()))?;
    let shifts = shifts_of(store, recipient.id, assistant, month)?;
    let rows = rows(&shifts, agreement, rule).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let mut totals = Buckets::default();
    for r in &rows {
        totals += r.buckets;
    }
    let figures = report(store, recipient.id, Period::Month(month))?.figures;
    Ok(Timesheet {
        assistant: who.name,
        employee_number: who.employee_number,
        recipient: recipient.name.clone(),
        arbeidsleder: recipient.arbeidsleder().to_owned(),
        month,
        agreement,
        rule,
        rows,
        totals,
        allocated_minutes: figures.allocated,
        scheduled_minutes: figures.scheduled,
    })
}

/// The six bucket names as the files and JSON write them, in column order.
pub const BUCKET_KEYS: [&str; 6] = [
    "clock_minutes",
    "paid_minutes",
    "passive_minutes",
    "evening_night_minutes",
    "weekend_minutes",
    "holiday_minutes",
];

/// The six figures of `b` in the order of [`BUCKET_KEYS`].
pub fn bucket_values(b: &Buckets) -> [i64; 6] {
    [
        b.clock_minutes,
        b.paid_minutes,
        b.passive_minutes,
        b.evening_night_minutes,
        b.weekend_minutes,
        b.holiday_minutes,
    ]
}

#[cfg(test)]
mod tests;
