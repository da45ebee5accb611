//! Writing command output: plain text tables, CSV with safe cells, JSON.
//! All user text passes `text::clean` (or `text::csv_cell`) on the way out.

use std::io::{self, Write};

use serde::Serialize;

use super::Failure;
use crate::text;
pub use crate::text::table;

/// Writes to stdout; a closed pipe (`bpa ... | head`) ends quietly.
pub fn emit(s: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(Failure::from),
    }
}

/// CSV text with a header; every cell made safe for spreadsheets.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> Result<String, Failure> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let failure = |e: csv::Error| Failure::System(e.to_string());
    w.write_record(header).map_err(failure)?;
    for row in rows {
        w.write_record(row.iter().map(|c| text::csv_cell(c)))
            .map_err(failure)?;
    }
    let bytes = w.into_inner().map_err(|e| Failure::System(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Failure::System(e.to_string()))
}

/// Pretty JSON; string values are cleaned of control and bidi characters.
pub fn json<T: Serialize>(value: &T) -> Result<String, Failure> {
    let mut v = serde_json::to_value(value).map_err(|e| Failure::System(e.to_string()))?;
    clean_json(&mut v);
    let mut s = serde_json::to_string_pretty(&v).map_err(|e| Failure::System(e.to_string()))?;
    s.push('\n');
    Ok(s)
}

fn clean_json(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::String(s) => {
            if let std::borrow::Cow::Owned(c) = text::clean(s) {
                *s = c;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(clean_json),
        serde_json::Value::Object(map) => map.values_mut().for_each(clean_json),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_neutralised() {
        let c = csv(&["name"], &[vec!["=HYPERLINK(\"x\")".into()]]).unwrap();
        assert!(c.contains("'=HYPERLINK"), "{c}");
    }

    #[test]
    fn json_strings_are_cleaned() {
        let s = json(&serde_json::json!({"name": "a\u{202E}b\u{1b}"})).unwrap();
        assert!(!s.contains('\u{202E}'));
        assert!(!s.contains("\\u001b"));
    }
}
