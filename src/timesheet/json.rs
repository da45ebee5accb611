//! The timesheet as JSON: English keys, whole minutes, codes for kind and
//! status, so payroll scripts lose nothing to rounding.

use serde::Serialize;

use super::Timesheet;
use crate::domain::pay::Buckets;

#[derive(Serialize)]
struct ShiftJson<'a> {
    id: i64,
    date: String,
    start: String,
    end: String,
    kind: &'a str,
    status: &'a str,
    #[serde(flatten)]
    buckets: Buckets,
}

#[derive(Serialize)]
struct SheetJson<'a> {
    assistant: &'a str,
    employee_number: &'a str,
    recipient: &'a str,
    month: String,
    agreement: &'a str,
    sleeping_night_rule: &'a str,
    allocated_minutes: i64,
    scheduled_minutes: i64,
    shifts: Vec<ShiftJson<'a>>,
    totals: Buckets,
}

/// The sheet as pretty JSON, strings cleaned by the one sanitizer.
pub fn write(sheet: &Timesheet) -> Result<String, String> {
    let doc = SheetJson {
        assistant: &sheet.assistant,
        employee_number: &sheet.employee_number,
        recipient: &sheet.recipient,
        month: sheet.month.to_string(),
        agreement: sheet.agreement.code(),
        sleeping_night_rule: sheet.rule.code(),
        allocated_minutes: sheet.allocated_minutes,
        scheduled_minutes: sheet.scheduled_minutes,
        shifts: sheet
            .rows
            .iter()
            .map(|r| ShiftJson {
                id: r.id.0,
                date: r.date.format("%Y-%m-%d").to_string(),
                start: r.start.format("%H:%M").to_string(),
                end: r.end.format("%H:%M").to_string(),
                kind: r.kind.code(),
                status: r.status.code(),
                buckets: r.buckets,
            })
            .collect(),
        totals: sheet.totals,
    };
    crate::text::json_text(&doc)
}
