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

/// Writes an export: to `path` (atomically, 0600) with a line on stderr
/// saying where it went, or to stdout without one. The database itself
/// and its journal files are never written over.
pub fn emit_to(
    ctx: &super::Context,
    path: Option<&std::path::Path>,
    s: &str,
) -> Result<(), Failure> {
    emit_content_to(ctx, path, &crate::exports::Content::Text(s.to_owned()))
}

/// [`emit_to`] for text made as it is written (the whole database).
pub fn emit_content_to(
    ctx: &super::Context,
    path: Option<&std::path::Path>,
    content: &crate::exports::Content,
) -> Result<(), Failure> {
    use crate::exports::Content;
    let lang = ctx.lang;
    match (path, content) {
        (None, Content::Text(s)) => emit(s),
        (None, Content::Everything) => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            match ctx.store.export_to(&mut out) {
                Err(crate::store::StoreError::Write(e))
                    if e.kind() == io::ErrorKind::BrokenPipe =>
                {
                    Ok(())
                }
                other => other.map_err(Failure::from),
            }
        }
        (Some(p), _) => {
            if let Some(db) = ctx.store.path() {
                crate::exports::refuse_database(p, db).map_err(Failure::User)?;
            }
            crate::exports::write(&ctx.store, p, content)
                .map_err(|e| Failure::System(format!("cannot write {}: {e}", p.display())))?;
            let shown = p.display().to_string();
            eprintln!(
                "{}",
                lang.strings()
                    .written_to
                    .replace("{}", &text::clean(&shown))
            );
            Ok(())
        }
    }
}

/// Pretty JSON of a list made an item at a time, written to stdout as it
/// is made (see [`text::json_list_to`]).
pub fn emit_json_list<T: Serialize>(items: impl IntoIterator<Item = T>) -> Result<(), Failure> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match text::json_list_to(&mut out, items) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(Failure::from),
    }
}

/// CSV text with a header; every cell made safe for spreadsheets.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> Result<String, Failure> {
    text::csv_text(header, rows).map_err(Failure::System)
}

/// Pretty JSON; string values are cleaned of control and bidi characters.
pub fn json<T: Serialize>(value: &T) -> Result<String, Failure> {
    text::json_text(value).map_err(Failure::System)
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
