//! Every export `bpa` makes, built from the store: one place that both
//! `bpa export …` and the Export form of the Reports screen call, so a file
//! is the same wherever it was made. Writing the file is the caller's job
//! (`crate::files::write_private`).

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};

use crate::calendar::{self, Event};
use crate::domain::ids::AssistantId;
use crate::domain::people::Recipient;
use crate::domain::time::{DayRange, Month};
use crate::i18n::Lang;
use crate::store::{Result, Store, StoreError};

/// What the Export form can make, in the order it lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    TimesheetCsv,
    TimesheetHtml,
    TimesheetJson,
    PayrollVisma,
    PayrollTripletex,
    Calendar,
    Everything,
}

impl ExportKind {
    pub const ALL: [Self; 7] = [
        Self::TimesheetCsv,
        Self::TimesheetHtml,
        Self::TimesheetJson,
        Self::PayrollVisma,
        Self::PayrollTripletex,
        Self::Calendar,
        Self::Everything,
    ];

    /// A timesheet is one assistant's.
    pub fn needs_assistant(self) -> bool {
        matches!(
            self,
            Self::TimesheetCsv | Self::TimesheetHtml | Self::TimesheetJson
        )
    }
}

/// One export as the form asks for it: what, whom (`None`: everyone) and
/// which month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub kind: ExportKind,
    pub assistant: Option<AssistantId>,
    pub month: Month,
}

/// What an export writes: text made already, or the whole database,
/// written a row at a time when the file is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Text(String),
    Everything,
}

/// Writes `content` to `path` atomically, readable by the owner only.
pub fn write(store: &Store, path: &Path, content: &Content) -> std::io::Result<()> {
    match content {
        Content::Text(text) => crate::files::write_private(path, text.as_bytes()),
        Content::Everything => crate::files::write_private_with(path, |out| {
            store.export_to(out).map_err(std::io::Error::other)
        }),
    }
}

/// Makes an export: a file name to suggest and what to write. The error is
/// a message in the user's language, for the form.
pub fn make(
    store: &mut Store,
    recipient: &Recipient,
    lang: Lang,
    req: &Request,
) -> std::result::Result<(String, Content), String> {
    let s = lang.strings();
    let fail = |e: StoreError| e.to_string();
    let names = store.assistant_names().map_err(fail)?;
    let who = req
        .assistant
        .and_then(|a| names.get(&a))
        .map_or_else(|| "all".to_owned(), |n| file_slug(n));
    let month = req.month;
    let sheet = |store: &Store| -> std::result::Result<_, String> {
        let id = req
            .assistant
            .ok_or_else(|| s.export_needs_assistant.to_owned())?;
        crate::timesheet::build(store, recipient, id, month, None).map_err(fail)
    };
    let delimiter = if lang == Lang::Nb { ';' } else { ',' };
    let (name, text) = match req.kind {
        ExportKind::TimesheetCsv => (
            format!("timesheet-{who}-{month}.csv"),
            crate::timesheet::csv::write(&sheet(store)?, delimiter)?,
        ),
        ExportKind::TimesheetHtml => (
            format!("timesheet-{who}-{month}.html"),
            crate::timesheet::html::write(&sheet(store)?, lang),
        ),
        ExportKind::TimesheetJson => (
            format!("timesheet-{who}-{month}.json"),
            crate::timesheet::json::write(&sheet(store)?)?,
        ),
        ExportKind::PayrollVisma => (
            format!("payroll-{month}-visma.csv"),
            crate::payroll::build(
                store,
                recipient,
                month,
                crate::payroll::System::Visma {
                    run: month.number(),
                },
                lang,
            )?,
        ),
        ExportKind::PayrollTripletex => (
            format!("payroll-{month}-tripletex.csv"),
            crate::payroll::build(
                store,
                recipient,
                month,
                crate::payroll::System::Tripletex,
                lang,
            )?,
        ),
        ExportKind::Calendar => (
            format!("shifts-{who}-{month}.ics"),
            calendar(store, recipient, month.days(), req.assistant, false, lang).map_err(fail)?,
        ),
        ExportKind::Everything => {
            return Ok((
                format!("bpa-export-{}.json", crate::clock::today()),
                Content::Everything,
            ));
        }
    };
    Ok((name, Content::Text(text)))
}

/// Now in UTC, through the one clock.
fn stamp() -> Result<chrono::DateTime<Utc>> {
    let text = crate::clock::now_utc_text();
    chrono::NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%SZ")
        .map(|t| Utc.from_utc_datetime(&t))
        .map_err(|e| StoreError::Invalid(format!("the clock: {e}")))
}

/// The shifts of `range` as an iCalendar file, for everyone or one assistant;
/// the recipient is named only when `with_recipient` (a phone calendar is
/// not private).
pub fn calendar(
    store: &mut Store,
    recipient: &Recipient,
    range: DayRange,
    only: Option<AssistantId>,
    with_recipient: bool,
    lang: Lang,
) -> Result<String> {
    let token = store.calendar_token()?;
    let names = store.assistant_names()?;
    let changes = store.changes_per_row("shift")?;
    let shifts: Vec<_> = store
        .shifts_in(recipient.id, range)?
        .into_iter()
        .filter(|s| only.is_none() || s.assistant == only)
        .collect();
    let events: Vec<Event> = shifts
        .iter()
        .map(|s| Event {
            shift: s,
            assistant: s.assistant.and_then(|a| names.get(&a)).map(String::as_str),
            recipient: with_recipient.then_some(recipient.name.as_str()),
            sequence: changes.get(&s.id.0).map_or(0, |n| n - 1),
        })
        .collect();
    Ok(calendar::build(&events, &token, stamp()?, lang))
}

/// Refuses to write an export over the database `db` or its journal files.
pub fn refuse_database(target: &Path, db: &Path) -> std::result::Result<(), String> {
    let name = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let target = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(
            || target.to_path_buf(),
            |d| name(d).join(target.file_name().unwrap_or_default()),
        );
    let db = name(db);
    let mut protected = vec![db.clone()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut p = db.clone().into_os_string();
        p.push(suffix);
        protected.push(PathBuf::from(p));
    }
    if protected.contains(&target) {
        return Err(format!(
            "{} is the database itself; write the export to another file",
            crate::text::clean(&target.display().to_string())
        ));
    }
    Ok(())
}

/// Where exports go by default: the user's documents folder, else home.
pub fn default_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    Some(
        dirs.document_dir()
            .unwrap_or_else(|| dirs.home_dir())
            .to_path_buf(),
    )
}

/// The file to write: `typed` when it names a file, `name` inside it when it
/// is a folder. Nothing typed means `folder`; a relative path is inside
/// `folder`, and `~` is the home folder.
pub fn target_path(typed: &str, name: &str, folder: &Path) -> PathBuf {
    let typed = typed.trim();
    let home = || directories::UserDirs::new().map(|u| u.home_dir().to_path_buf());
    let path = if typed.is_empty() {
        folder.to_path_buf()
    } else if typed == "~" {
        home().unwrap_or_else(|| folder.to_path_buf())
    } else if let (Some(rest), Some(h)) = (typed.strip_prefix("~/"), home()) {
        h.join(rest)
    } else if Path::new(typed).is_absolute() {
        PathBuf::from(typed)
    } else {
        folder.join(typed)
    };
    if path.is_dir() { path.join(name) } else { path }
}

/// A name as it can stand in a file name: lower case ASCII letters, digits
/// and dashes (æ ø å written ae o a).
pub fn file_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' | 'ö' => out.push('o'),
            'å' | 'ä' | 'á' | 'à' => out.push('a'),
            'é' | 'è' => out.push('e'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_safe_file_names() {
        assert_eq!(file_slug("Kari Nordmann"), "kari-nordmann");
        assert_eq!(file_slug("  Åse Bjørnæs "), "ase-bjornaes");
        assert_eq!(file_slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_slug("=HYPERLINK(\"x\")"), "hyperlink-x");
    }

    #[test]
    fn a_folder_gets_the_made_name_and_a_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().display().to_string();
        let base = Path::new("/nowhere");
        assert_eq!(
            target_path(&folder, "a.csv", base),
            dir.path().join("a.csv")
        );
        let file = dir.path().join("mine.csv").display().to_string();
        assert_eq!(
            target_path(&file, "a.csv", base),
            dir.path().join("mine.csv")
        );
        // Relative and empty paths are inside the suggested folder.
        assert_eq!(
            target_path("nov.csv", "a.csv", dir.path()),
            dir.path().join("nov.csv")
        );
        assert_eq!(
            target_path("", "a.csv", dir.path()),
            dir.path().join("a.csv")
        );
    }

    #[test]
    fn the_database_is_never_an_export_target() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("bpa.db");
        std::fs::write(&db, "x").unwrap();
        assert!(refuse_database(&db, &db).is_err());
        assert!(refuse_database(&dir.path().join("bpa.db-wal"), &db).is_err());
        let sneaky = dir.path().join(".").join("bpa.db");
        assert!(refuse_database(&sneaky, &db).is_err());
        assert!(refuse_database(&dir.path().join("out.csv"), &db).is_ok());
    }
}
