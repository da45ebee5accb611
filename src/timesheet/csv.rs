//! The timesheet as CSV for a spreadsheet or a payroll clerk.
//!
//! Stable columns with an English header: `id, date, start, end, kind,
//! status`, the six minute buckets, then the paid and supplement hours with
//! two decimals. `#` lines before the header say whose sheet it is and
//! that the buckets overlap; a `total` row and `#` lines with the month's
//! hours and the signature lines follow the shifts. With `;` as the
//! delimiter (a Norwegian spreadsheet) the hours have a decimal comma.
//! Every cell passes `text::csv_cell`, so nothing can start a formula.

use super::{BUCKET_KEYS, Timesheet, bucket_values};
use crate::text::csv_cell;

/// The hour columns after the minute columns.
const HOUR_KEYS: [&str; 4] = [
    "paid_hours",
    "evening_night_hours",
    "weekend_hours",
    "holiday_hours",
];

/// Minutes as hours with two decimals, rounded half up: 2250 → `37.50`.
pub fn hours(minutes: i64, decimal: char) -> String {
    let hundredths = (minutes * 100 + 30).div_euclid(60);
    format!(
        "{}{decimal}{:02}",
        hundredths.div_euclid(100),
        hundredths.rem_euclid(100)
    )
}

/// A `#` line: user text made safe and kept in one cell (the delimiter and
/// quotes become spaces), so a spreadsheet shows it as text.
fn note(text: &str, delimiter: char) -> String {
    let safe: String = csv_cell(text)
        .chars()
        .map(|c| if c == delimiter || c == '"' { ' ' } else { c })
        .collect();
    format!("# {safe}\r\n")
}

fn hour_cells(b: &crate::domain::pay::Buckets, decimal: char) -> [String; 4] {
    [
        hours(b.paid_minutes, decimal),
        hours(b.evening_night_minutes, decimal),
        hours(b.weekend_minutes, decimal),
        hours(b.holiday_minutes, decimal),
    ]
}

/// The sheet as CSV with `delimiter` (`,` or `;`, say).
pub fn write(sheet: &Timesheet, delimiter: char) -> Result<String, String> {
    let byte = u8::try_from(u32::from(delimiter))
        .map_err(|_| format!("the delimiter «{delimiter}» is not a single-byte character"))?;
    let decimal = if delimiter == ';' { ',' } else { '.' };
    let mut out = String::new();
    out += &note(
        &format!(
            "Timesheet of {} (employee number {}) for {}, month {}, agreement {}",
            sheet.assistant,
            if sheet.employee_number.is_empty() {
                "missing"
            } else {
                &sheet.employee_number
            },
            sheet.recipient,
            sheet.month,
            sheet.agreement.code()
        ),
        delimiter,
    );
    out += &note(
        "All figures are real elapsed minutes of the Europe/Oslo clock. The buckets overlap on purpose: supplements are paid on top of each other, so a Saturday-night minute counts as evening/night and as weekend.",
        delimiter,
    );
    out += &note(
        &format!("Sleeping nights: {} rule", sheet.rule.code()),
        delimiter,
    );
    let mut w = csv::WriterBuilder::new()
        .delimiter(byte)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header: Vec<&str> = ["id", "date", "start", "end", "kind", "status"]
        .into_iter()
        .chain(BUCKET_KEYS)
        .chain(HOUR_KEYS)
        .collect();
    w.write_record(&header).map_err(|e| e.to_string())?;
    for r in &sheet.rows {
        let mut cells = vec![
            r.id.0.to_string(),
            r.date.format("%Y-%m-%d").to_string(),
            r.start.format("%H:%M").to_string(),
            r.end.format("%H:%M").to_string(),
            r.kind.code().to_owned(),
            r.status.code().to_owned(),
        ];
        cells.extend(bucket_values(&r.buckets).iter().map(ToString::to_string));
        cells.extend(hour_cells(&r.buckets, decimal));
        w.write_record(cells.iter().map(|c| csv_cell(c)))
            .map_err(|e| e.to_string())?;
    }
    let mut total = vec![String::new(), "total".to_owned()];
    total.extend(std::iter::repeat_n(String::new(), 4));
    total.extend(bucket_values(&sheet.totals).iter().map(ToString::to_string));
    total.extend(hour_cells(&sheet.totals, decimal));
    w.write_record(&total).map_err(|e| e.to_string())?;
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    out += &String::from_utf8(bytes).map_err(|e| e.to_string())?;
    out += &note(
        &format!(
            "The recipient's month: {} hours allocated, {} hours scheduled",
            hours(sheet.allocated_minutes, decimal),
            hours(sheet.scheduled_minutes, decimal)
        ),
        delimiter,
    );
    out += &note("Assistant's signature: ______________________", delimiter);
    out += &note(
        "Arbeidsleder's signature: ______________________",
        delimiter,
    );
    out += &note("Date: ______________", delimiter);
    Ok(out)
}
