//! How domain values are written as SQLite text and read back.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Type;

/// Wall-clock times are stored as `YYYY-MM-DDTHH:MM`, so text order is time order.
pub fn datetime_text(dt: NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    // Written by hand: an import of a million lines writes this four million
    // times, and chrono's format string is parsed anew on each call.
    if (0..=9999).contains(&dt.year()) {
        let digits = |text: &mut String, n: u32, width: u32| {
            for p in (0..width).rev() {
                text.push(char::from(b'0' + (n / 10u32.pow(p) % 10) as u8));
            }
        };
        let mut text = String::with_capacity(16);
        digits(&mut text, dt.year() as u32, 4);
        text.push('-');
        digits(&mut text, dt.month(), 2);
        text.push('-');
        digits(&mut text, dt.day(), 2);
        text.push('T');
        digits(&mut text, dt.hour(), 2);
        text.push(':');
        digits(&mut text, dt.minute(), 2);
        text
    } else {
        dt.format("%Y-%m-%dT%H:%M").to_string()
    }
}

pub fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn bad(col: usize, text: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        Type::Text,
        format!("unexpected value «{text}»").into(),
    )
}

pub fn parse_datetime(col: usize, text: &str) -> rusqlite::Result<NaiveDateTime> {
    match fixed_datetime(text) {
        Some(at) => Ok(at),
        None => NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").map_err(|_| bad(col, text)),
    }
}

/// `YYYY-MM-DDTHH:MM` exactly as bpa writes it, read by hand: a ten-year
/// week's screen reads thousands, and chrono's format string is parsed anew
/// for each. Anything else is left to chrono (`None`).
fn fixed_datetime(text: &str) -> Option<NaiveDateTime> {
    let b = text.as_bytes();
    if b.len() != 16 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let day = NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)?;
    day.and_hms_opt(number(11..13)?, number(14..16)?, 0)
}

pub fn parse_date(col: usize, text: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad(col, text))
}

/// Reads a date column that may be NULL.
pub fn opt_date(row: &rusqlite::Row, col: usize) -> rusqlite::Result<Option<NaiveDate>> {
    row.get::<_, Option<String>>(col)?
        .map(|t| parse_date(col, &t))
        .transpose()
}

/// Reads a datetime column that may be NULL.
pub fn opt_datetime(row: &rusqlite::Row, col: usize) -> rusqlite::Result<Option<NaiveDateTime>> {
    row.get::<_, Option<String>>(col)?
        .map(|t| parse_datetime(col, &t))
        .transpose()
}

/// Active periods as stored: `START/END` pairs joined by `;`.
pub fn active_text(periods: &[crate::domain::shift::ActivePeriod]) -> String {
    periods
        .iter()
        .map(|p| format!("{}/{}", datetime_text(p.start), datetime_text(p.end)))
        .collect::<Vec<_>>()
        .join(";")
}

/// Reads the active periods column.
pub fn active_periods(
    row: &rusqlite::Row,
    col: usize,
) -> rusqlite::Result<Vec<crate::domain::shift::ActivePeriod>> {
    let text: String = row.get(col)?;
    text.split(';')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (a, b) = pair.split_once('/').ok_or_else(|| bad(col, pair))?;
            Ok(crate::domain::shift::ActivePeriod {
                start: parse_datetime(col, a)?,
                end: parse_datetime(col, b)?,
            })
        })
        .collect()
}

/// Reads a code column through `from_code`.
pub fn code<T>(
    row: &rusqlite::Row,
    col: usize,
    from_code: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(col)?;
    from_code(&text).ok_or_else(|| bad(col, &text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_time_is_read_as_chrono_reads_it(
            y in 0u32..10_000, mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..62
        ) {
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}");
            let chrono = NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M").ok();
            prop_assert_eq!(parse_datetime(0, &text).ok(), chrono);
        }

        #[test]
        fn a_time_is_written_as_chrono_writes_it(minutes in -70_000_000i64..6_000_000_000) {
            let at = NaiveDate::default().and_time(chrono::NaiveTime::MIN)
                + chrono::Duration::minutes(minutes);
            prop_assert_eq!(datetime_text(at), at.format("%Y-%m-%dT%H:%M").to_string());
        }
    }
}
