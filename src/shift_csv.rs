//! Reading shifts from CSV: `date,start,end,assistant[,kind][,note]`.
//!
//! Dates are `YYYY-MM-DD` or `dd.mm.yyyy`, times `HH:MM`; an end at or
//! before the start means the next day. The whole file is checked before
//! anything is stored: every bad line comes back with its number and reason.

use chrono::{Duration, NaiveDateTime};

use crate::domain::import::ShiftBatch;
use crate::domain::parse;
use crate::domain::shift::{ShiftKind, validate_times};
use crate::i18n::Lang;

/// A refused line: its number in the file (the header is line 1) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub reason: String,
}

const REQUIRED: [&str; 4] = ["date", "start", "end", "assistant"];
const OPTIONAL: [&str; 2] = ["kind", "note"];

/// The file as text, or its first line that is not UTF-8.
#[allow(clippy::naive_bytecount)] // one pass over a small file; no crate needed
pub fn utf8_text(input: &[u8]) -> Result<&str, Vec<LineError>> {
    std::str::from_utf8(input).map_err(|e| {
        let line = input[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        vec![LineError {
            line,
            reason: NOT_UTF8.into(),
        }]
    })
}

/// Reads a CSV file with a header: `columns` checks the lower-cased header
/// (a refusal is line 1), then `row` reads each record with its line and the
/// header, and every record comes back with its line. Blank lines are skipped; a record
/// with another number of fields than the header, or one `row` refuses, is
/// a refused line, and the reading goes on so that every bad line is named.
pub fn read_records<T>(
    input: &str,
    columns: impl FnOnce(&[String]) -> Result<(), String>,
    row: impl FnMut(usize, &[String], &csv::StringRecord) -> Result<T, String>,
) -> Result<Vec<(usize, T)>, Vec<LineError>> {
    let mut rows = Vec::new();
    each_record(input.as_bytes(), columns, row, |line, r| {
        rows.push((line, r))
    })?;
    Ok(rows)
}

/// [`read_records`] from a stream, handing each good record to `keep`: a
/// file of a million lines is never held in memory whole.
pub fn each_record<T>(
    input: impl std::io::Read,
    columns: impl FnOnce(&[String]) -> Result<(), String>,
    mut row: impl FnMut(usize, &[String], &csv::StringRecord) -> Result<T, String>,
    mut keep: impl FnMut(usize, T),
) -> Result<(), Vec<LineError>> {
    use std::io::BufRead;
    let mut input = std::io::BufReader::new(input);
    let header_error = |reason: String| vec![LineError { line: 1, reason }];
    if input
        .fill_buf()
        .map_err(|e| header_error(e.to_string()))?
        .starts_with("\u{FEFF}".as_bytes())
    {
        input.consume(3);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| header_error(describe(&e)))?
        .iter()
        .map(str::to_ascii_lowercase)
        .collect();
    if let Some((_, twice)) = headers
        .iter()
        .enumerate()
        .find(|(i, h)| !h.is_empty() && headers[..*i].contains(h))
    {
        return Err(header_error(format!(
            "the column «{}» is named twice in the header",
            crate::text::clean(twice)
        )));
    }
    columns(&headers).map_err(header_error)?;
    let mut errors = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                errors.push(LineError {
                    line: line.max(2),
                    reason: describe(&e),
                });
                // A record that is not UTF-8 is skipped; after anything else
                // the reader's place in the file is lost: stop there.
                if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    continue;
                }
                break;
            }
        }
        let line = record.position().map_or(line, |p| p.line() as usize);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != headers.len() {
            errors.push(LineError {
                line,
                reason: format!(
                    "{} fields where the header has {}; a comma inside a field needs quotes around the field",
                    record.len(),
                    headers.len()
                ),
            });
            continue;
        }
        match row(line, &headers, &record) {
            Ok(r) => keep(line, r),
            Err(reason) => errors.push(LineError { line, reason }),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// What a CSV reading error means to the person who saved the file.
fn describe(e: &csv::Error) -> String {
    if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
        NOT_UTF8.into()
    } else {
        e.to_string()
    }
}

const NOT_UTF8: &str =
    "the file is not UTF-8 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8) and import again";

/// Parses a whole file; `Err` lists every bad line.
pub fn parse(input: &str, lang: Lang) -> Result<ShiftBatch, Vec<LineError>> {
    read(input.as_bytes(), lang)
}

/// Parses a file as it is read; `Err` lists every bad line. Text that is
/// not UTF-8 (say, an old spreadsheet export in Windows-1252) is refused
/// with its line, instead of turning «Åse» into a new assistant called «�se».
pub fn read(input: impl std::io::Read, lang: Lang) -> Result<ShiftBatch, Vec<LineError>> {
    let all = || {
        REQUIRED
            .iter()
            .chain(OPTIONAL.iter())
            .copied()
            .collect::<Vec<_>>()
            .join(",")
    };
    let check = |headers: &[String]| {
        if let Some(unknown) = headers
            .iter()
            .find(|h| !REQUIRED.contains(&h.as_str()) && !OPTIONAL.contains(&h.as_str()))
        {
            return Err(format!(
                "unknown column «{}»; the columns are {}",
                crate::text::clean(unknown),
                all()
            ));
        }
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|r| !headers.iter().any(|h| h == r))
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "the header must name the columns date,start,end,assistant; missing: {}",
                missing.join(", ")
            ))
        }
    };
    let mut batch = ShiftBatch::new();
    each_record(
        input,
        check,
        |line, headers, record| {
            let get = |name: &str| {
                headers
                    .iter()
                    .position(|h| h == name)
                    .and_then(|c| record.get(c))
                    .unwrap_or("")
            };
            let who = get("assistant");
            let (start, end, kind) = parse_row(
                get("date"),
                get("start"),
                get("end"),
                who,
                get("kind"),
                lang,
            )?;
            batch.push(line, who, start, end, kind, get("note"));
            Ok(())
        },
        |_, ()| {},
    )?;
    Ok(batch)
}

/// The start, end and kind of one line.
fn parse_row(
    date: &str,
    start: &str,
    end: &str,
    who: &str,
    kind: &str,
    lang: Lang,
) -> Result<(NaiveDateTime, NaiveDateTime, ShiftKind), String> {
    let day = parse::date(date).map_err(|e| lang.parse_error(&e))?;
    let start_t = parse::time_of_day(start).map_err(|e| lang.parse_error(&e))?;
    let end_t = parse::time_of_day(end).map_err(|e| lang.parse_error(&e))?;
    let start = day.and_time(start_t);
    let mut end = day.and_time(end_t);
    if end <= start {
        end += Duration::days(1);
    }
    validate_times(start, end).map_err(|e| e.to_string())?;
    let kind = if kind.is_empty() {
        ShiftKind::Ordinary
    } else {
        ShiftKind::from_code(&kind.to_ascii_lowercase()).ok_or_else(|| {
            format!(
                "unknown kind «{}»; use ordinary, awake_night or sleeping_night",
                crate::text::clean(kind)
            )
        })?
    };
    crate::domain::people::clean_name(who)?;
    if who.chars().count() > 200 {
        return Err("the assistant's name is longer than 200 characters".into());
    }
    Ok((start, end, kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_good_file() {
        let csv = "date,start,end,assistant,kind,note\n2026-11-23,08:00,16:00,Kari,,\n24.11.2026,22:00,07:00,Per,sleeping_night,natt\n";
        let batch = parse(csv, Lang::En).unwrap();
        let shifts = batch.rows();
        assert_eq!(shifts.len(), 2);
        assert_eq!(shifts[1].end().to_string(), "2026-11-25 07:00:00");
        assert_eq!(shifts[1].kind(), ShiftKind::SleepingNight);
        assert_eq!(shifts[1].line(), 3);
        assert_eq!(batch.note(&shifts[1]), "natt");
    }

    #[test]
    fn a_byte_order_mark_and_a_note_are_read() {
        let csv = "\u{FEFF}date,start,end,assistant,note\n2026-11-23,08:00,16:00,Kari, tannlege \n";
        let batch = parse(csv, Lang::En).unwrap();
        assert_eq!(batch.names(), ["Kari"]);
        assert_eq!(batch.note(&batch.rows()[0]), "tannlege");
    }

    #[test]
    fn every_bad_line_is_reported() {
        let csv = "assistant,date,start,end\nKari,2026-13-01,08:00,16:00\nPer,2026-11-23,08:00,16:00\nOla,2026-03-29,02:30,06:00\nEva,2026-11-23,8,16:00\n";
        let errors = parse(csv, Lang::En).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 4, 5]);
        assert!(
            errors[1].reason.contains("02:00 to 03:00"),
            "{}",
            errors[1].reason
        );
        assert!(parse(csv, Lang::Nb).unwrap_err()[0].reason.contains("dato"));
    }

    #[test]
    fn text_that_is_not_utf8_and_ragged_lines_are_refused() {
        let mut latin1 =
            b"date,start,end,assistant\n2026-11-23,08:00,16:00,Kari\n2026-11-23,16:00,20:00,"
                .to_vec();
        latin1.extend([0xC5, b's', b'e', b'\n']);
        let errors = read(&latin1[..], Lang::En).unwrap_err();
        assert_eq!(errors[0].line, 3);
        assert!(errors[0].reason.contains("UTF-8"));
        let ragged = "date,start,end,assistant,note\n2026-11-23,08:00,16:00,Kari,dentist, then shop\n2026-11-24,08:00,16:00\n";
        let errors = parse(ragged, Lang::En).unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            vec![2, 3]
        );
        assert!(errors[0].reason.contains("quotes"));
    }

    #[test]
    fn a_column_named_twice_is_refused() {
        let errors = parse("date,start,end,assistant,Date\n", Lang::En).unwrap_err();
        assert_eq!(errors[0].line, 1);
        assert!(
            errors[0].reason.contains("«date» is named twice"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_bad_header_is_reported_on_line_1() {
        let errors = parse("date,start,stop,assistant\n", Lang::En).unwrap_err();
        assert_eq!(errors[0].line, 1);
        assert!(errors[0].reason.contains("stop"));
        assert!(
            parse("date,start\n", Lang::En).unwrap_err()[0]
                .reason
                .contains("missing")
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn any_input_is_accepted_or_refused_with_a_line(s in "\\PC{0,200}") {
            let input = format!("date,start,end,assistant\n{s}");
            if let Err(errors) = parse(&input, Lang::En) {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(e.line >= 1);
                    prop_assert!(!e.reason.is_empty());
                }
            }
        }
    }
}
