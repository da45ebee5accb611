//! The timesheet as text in the user's language, for the terminal.

use super::{Timesheet, bucket_values};
use crate::i18n::Lang;
use crate::text::{clean, table};

/// Minutes as `h:mm` (empty for 0), the way a timesheet column reads best.
pub fn clock(minutes: i64) -> String {
    if minutes == 0 {
        String::new()
    } else {
        format!("{}:{:02}", minutes / 60, minutes % 60)
    }
}

/// The header lines shared by the text and HTML sheets: who, what month,
/// which agreement.
pub fn heading(sheet: &Timesheet, lang: Lang) -> [String; 2] {
    let s = lang.strings();
    let number = if sheet.employee_number.is_empty() {
        s.tsv_no_number.to_owned()
    } else {
        format!("{} {}", s.f_employee_number, clean(&sheet.employee_number))
    };
    [
        format!(
            "{} · {} · {}",
            s.tsv_title,
            clean(&sheet.assistant),
            lang.month_year(sheet.month)
        ),
        format!(
            "{number} · {}: {} · {}",
            s.ts_recipient,
            clean(&sheet.recipient),
            s.tsv_agreement.replace("{}", sheet.agreement.code())
        ),
    ]
}

/// The closing lines: the month's hours, the overlap and sleeping-night notes.
pub fn notes(sheet: &Timesheet, lang: Lang) -> [String; 3] {
    let s = lang.strings();
    [
        s.tsv_month_hours
            .replace("{allocated}", &lang.hours(sheet.allocated_minutes))
            .replace("{scheduled}", &lang.hours(sheet.scheduled_minutes)),
        s.tsv_overlap.to_owned(),
        s.ts_rules[usize::from(sheet.rule == crate::domain::pay::SleepingNightRule::Clock)]
            .to_owned(),
    ]
}

/// The cells of each shift row: date, time, kind, status, six figures.
pub fn row_cells(sheet: &Timesheet, lang: Lang) -> Vec<Vec<String>> {
    sheet
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                lang.weekday_date(r.date),
                format!("{}–{}", r.start.format("%H:%M"), r.end.format("%H:%M")),
                lang.kind(r.kind).to_owned(),
                lang.status(r.status).to_owned(),
            ];
            cells.extend(bucket_values(&r.buckets).iter().map(|m| clock(*m)));
            cells
        })
        .collect()
}

/// The sheet as a text table with totals, notes and signature lines.
pub fn write(sheet: &Timesheet, lang: Lang) -> String {
    let s = lang.strings();
    let mut rows = row_cells(sheet, lang);
    let mut total = vec![
        s.tsv_total.to_owned(),
        String::new(),
        String::new(),
        String::new(),
    ];
    total.extend(bucket_values(&sheet.totals).iter().map(|m| clock(*m)));
    rows.push(total);
    let mut out = heading(sheet, lang).join("\n") + "\n\n";
    out += &table(&s.ts_columns, &rows, &[4, 5, 6, 7, 8, 9]);
    out += "\n";
    for line in notes(sheet, lang) {
        out += &line;
        out += "\n";
    }
    out += "\n";
    for label in s.ts_sign {
        out += &format!("{label}: ______________________\n");
    }
    out
}
