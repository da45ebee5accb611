//! Reading assistants from CSV:
//! `name[,phone][,email][,employee_number][,police_certificate][,confidentiality][,contract]`.
//!
//! Only `name` is required; the columns may come in any order. Dates are
//! `YYYY-MM-DD` or `dd.mm.yyyy`. The whole file is checked before anything
//! is stored: every bad line comes back with its number and reason.

use crate::domain::parse;
use crate::domain::people::Assistant;
use crate::i18n::Lang;
use crate::shift_csv::{LineError, read_records, utf8_text};

const COLUMNS: [&str; 7] = [
    "name",
    "phone",
    "email",
    "employee_number",
    "police_certificate",
    "confidentiality",
    "contract",
];

/// The longest name, phone, e-mail or number accepted.
const MAX_CHARS: usize = 200;

/// Parses a whole file as bytes; `Err` lists every bad line. Each assistant
/// comes with its line (the header is line 1), active from today on.
pub fn parse_bytes(input: &[u8], lang: Lang) -> Result<Vec<(usize, Assistant)>, Vec<LineError>> {
    parse(utf8_text(input)?, lang)
}

/// Parses a whole file; `Err` lists every bad line.
pub fn parse(input: &str, lang: Lang) -> Result<Vec<(usize, Assistant)>, Vec<LineError>> {
    let check = |headers: &[String]| {
        if let Some(unknown) = headers.iter().find(|h| !COLUMNS.contains(&h.as_str())) {
            return Err(format!(
                "unknown column «{}»; the columns are {}",
                crate::text::clean(unknown),
                COLUMNS.join(",")
            ));
        }
        if headers.iter().any(|h| h == "name") {
            Ok(())
        } else {
            Err(format!(
                "the header must name the column «name»; the columns are {}",
                COLUMNS.join(",")
            ))
        }
    };
    read_records(input, check, |_, headers, record| {
        parse_row(headers, record, lang)
    })
}

fn parse_row(
    headers: &[String],
    record: &csv::StringRecord,
    lang: Lang,
) -> Result<Assistant, String> {
    let get = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .and_then(|c| record.get(c))
            .unwrap_or("")
    };
    let name = get("name");
    if name.is_empty() {
        return Err("the assistant needs a name".into());
    }
    for field in ["name", "phone", "email", "employee_number"] {
        if get(field).chars().count() > MAX_CHARS {
            return Err(format!("{field} is longer than {MAX_CHARS} characters"));
        }
    }
    let date = |field: &str| {
        let text = get(field);
        if text.is_empty() {
            return Ok(None);
        }
        parse::date(text)
            .map(Some)
            .map_err(|e| format!("{field}: {}", lang.parse_error(&e)))
    };
    Ok(Assistant {
        name: name.to_owned(),
        phone: get("phone").to_owned(),
        email: get("email").to_owned(),
        employee_number: get("employee_number").to_owned(),
        police_certificate: date("police_certificate")?,
        confidentiality: date("confidentiality")?,
        contract: date("contract")?,
        active: true,
        ..Assistant::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_file_with_columns_in_any_order() {
        let csv = "\u{FEFF}email,name,police_certificate,contract\nkari@example.no,Kari,2026-01-05,05.01.2026\n,Per,,\n";
        let rows = parse(csv, Lang::En).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1.email, "kari@example.no");
        assert_eq!(rows[0].1.police_certificate, rows[0].1.contract);
        assert!(rows[1].1.contract.is_none());
    }

    #[test]
    fn every_bad_line_is_named() {
        let csv = "name,contract\nKari,2026-13-01\n,2026-01-01\nPer,2026-01-01,x\nEva,\n";
        let errors = parse(csv, Lang::En).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4]);
        assert!(
            errors[0].reason.starts_with("contract"),
            "{}",
            errors[0].reason
        );
        assert!(
            parse("name,shoe_size\n", Lang::En).unwrap_err()[0]
                .reason
                .contains("shoe_size")
        );
        assert_eq!(parse("phone\n", Lang::En).unwrap_err()[0].line, 1);
    }
}
