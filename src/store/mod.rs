//! The SQLite store: the only module that speaks SQL.
//!
//! It opens the database safely (refusing one newer than this binary before
//! anything is written), runs the migrations, and offers typed reads and
//! writes. Every write is one transaction with an entry in the audit log.

mod allocations;
pub mod approvals;
mod assistants;
pub mod audit;
pub mod backup;
mod bulk;
mod codec;
pub mod dump;
pub mod import;
pub mod log;
mod migrate;
mod recipients;
pub mod routines;
pub mod services;
pub mod settings;
pub mod shift_edit;
mod shifts;
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod test_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use allocations::NewAllocation;
pub use assistants::AssistantImport;
pub use bulk::{DemoIncident, DemoLog, DemoMedication, DemoPlan, DemoRoutine, DemoShift};
pub use import::ImportOutcome;
pub use migrate::SCHEMA_VERSION;
pub use recipients::NewRecipient;
pub use shift_edit::ShiftFields;
pub use shifts::NewShift;

use crate::domain::allocation::AllocationError;

/// Who the audit log names until someone is named.
pub const DEFAULT_ACTOR: &str = "arbeidsleder";

/// How long a write waits for another program holding the database.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What can go wrong in the store. User mistakes are separate from failures,
/// so the CLI can exit 1 for the one and 2 for the other.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database at {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error(
        "the database at {path} was written by a newer bpa (schema {found}, this bpa knows {supported}); update bpa, it was not changed"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "no recipient yet: run `bpa init --recipient NAME` or start `bpa` for the guided start"
    )]
    NoRecipient,
    #[error("the database holds several recipients ({0}); name one with --recipient NAME")]
    SeveralRecipients(String),
    #[error("no recipient is called «{0}»")]
    UnknownRecipient(String),
    #[error("{0}")]
    Invalid(String),
    #[error(
        "the shifts of {assistant} in {month} are approved for payroll ({approved_at}, by {approved_by}) and locked; `bpa unapprove --assistant \"{assistant}\" --month {month}` reopens them"
    )]
    Locked {
        assistant: String,
        month: String,
        approved_at: String,
        approved_by: String,
    },
    #[error(
        "this was changed in another window after you opened it; your input is kept: press Esc and open it again to see the change"
    )]
    Conflict,
    #[error(
        "the database at {0} is locked by another program (another bpa?); nothing was changed: close it and try again"
    )]
    Busy(PathBuf),
    #[error(transparent)]
    Allocation(#[from] AllocationError),
    #[error(transparent)]
    Entry(crate::domain::log::EntryError),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot write: {0}")]
    Write(#[from] std::io::Error),
}

impl StoreError {
    /// True when the user's input was wrong (exit code 1), not the system.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Self::NoRecipient
                | Self::SeveralRecipients(_)
                | Self::UnknownRecipient(_)
                | Self::Invalid(_)
                | Self::Locked { .. }
                | Self::Allocation(_)
                | Self::Entry(_)
                | Self::Conflict
        )
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    actor: String,
    /// The passphrase of an encrypted database (SQLCipher builds only).
    key: Option<String>,
}

impl Store {
    /// Opens (or creates) the database at `path` and brings its schema up to
    /// date. A missing parent folder is an error: nothing is created outside
    /// the place the user named.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_keyed(path, None)
    }

    /// Opens an encrypted database (SQLCipher builds, feature `encryption`)
    /// with its passphrase. A wrong passphrase reads as "not a bpa database".
    #[cfg(feature = "encryption")]
    pub fn open_with_passphrase(path: &Path, passphrase: &str) -> Result<Self> {
        Self::open_keyed(path, Some(passphrase))
    }

    fn open_keyed(path: &Path, key: Option<&str>) -> Result<Self> {
        let open_err = |reason: String| StoreError::Open {
            path: path.to_owned(),
            reason,
        };
        if path.is_dir() {
            return Err(open_err("it is a folder, not a file".into()));
        }
        match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => {
                return Err(open_err(format!(
                    "the folder {} does not exist",
                    parent.display()
                )));
            }
            _ => {}
        }
        create_private_file(path).map_err(|e| open_err(e.to_string()))?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| open_err(e.to_string()))?;
        apply_key(&conn, key).map_err(|e| open_err(e.to_string()))?;
        let mut store = Self::setup(conn, Some(path.to_owned()))?;
        store.key = key.map(str::to_owned);
        Ok(store)
    }

    /// A fresh database in memory, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?, None)
    }

    fn setup(conn: Connection, path: Option<PathBuf>) -> Result<Self> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        let open_err = |e: rusqlite::Error| StoreError::Open {
            path: shown.clone(),
            reason: describe_open_error(&e),
        };
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        // Read the version before anything writes: a newer database is left untouched.
        let found = migrate::user_version(&conn).map_err(open_err)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: shown,
                found,
                supported: SCHEMA_VERSION,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        let mut store = Self {
            conn,
            path,
            actor: DEFAULT_ACTOR.to_owned(),
            key: None,
        };
        migrate::run(&mut store.conn).map_err(open_err)?;
        Ok(store)
    }

    /// The file behind the store, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Names the person acting, for the audit log.
    pub fn set_actor(&mut self, actor: &str) {
        actor.trim().clone_into(&mut self.actor);
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Changes whenever another connection commits; poll it to notice a
    /// second window writing to the same file.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    /// Runs `f` in one immediate transaction: all of it is stored, or none.
    fn write<T>(&mut self, f: impl FnOnce(&Transaction, &str) -> Result<T>) -> Result<T> {
        let busy = |e: rusqlite::Error, path: &Option<PathBuf>| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy(path.clone().unwrap_or_default())
            }
            _ => StoreError::Sqlite(e),
        };
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| busy(e, &path))?;
        let value = f(&tx, &self.actor)?;
        tx.commit().map_err(|e| busy(e, &path))?;
        Ok(value)
    }

    /// Records every statement run from now on, with its bound values and
    /// how long it took, for the tests and benchmarks of the query paths.
    #[doc(hidden)]
    pub fn trace_statements(
        &mut self,
    ) -> std::sync::Arc<std::sync::Mutex<Vec<(String, Duration)>>> {
        use rusqlite::trace::{TraceEvent, TraceEventCodes};
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&seen);
        let _ = self.conn.trace_v2(
            TraceEventCodes::SQLITE_TRACE_PROFILE,
            Some(move |event: TraceEvent<'_>| {
                if let TraceEvent::Profile(stmt, took) = event {
                    let sql = stmt
                        .expanded_sql()
                        .unwrap_or_else(|| stmt.sql().into_owned());
                    if let Ok(mut seen) = sink.lock() {
                        seen.push((sql, took));
                    }
                }
            }),
        );
        seen
    }

    /// The query plan SQLite chooses for `sql`, one step a line.
    #[doc(hidden)]
    pub fn query_plan(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(3))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets a pragma, for checks and tests (say, `query_only` to see how a
    /// read-only file is handled).
    pub fn set_pragma(&self, name: &str, value: i64) -> Result<()> {
        Ok(self.conn.pragma_update(None, name, value)?)
    }

    /// Reads a pragma, for checks and tests.
    pub fn pragma_text(&self, name: &str) -> Result<String> {
        Ok(self.conn.pragma_query_value(None, name, |r| {
            let v: rusqlite::types::Value = r.get(0)?;
            Ok(match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            })
        })?)
    }

    /// True when the database holds no recipient yet (the guided start is due).
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM recipient", [], |r| r.get(0))?;
        Ok(n == 0)
    }
}

/// Gives SQLCipher the passphrase; a plain build has none to give.
pub(crate) fn apply_key(conn: &Connection, key: Option<&str>) -> rusqlite::Result<()> {
    if let Some(key) = key {
        // SQLCipher would otherwise print its own errors on a wrong passphrase.
        #[cfg(feature = "encryption")]
        conn.pragma_update(None, "cipher_log_level", "NONE")?;
        conn.pragma_update(None, "key", key)?;
    }
    Ok(())
}

fn describe_open_error(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => {
            if cfg!(feature = "encryption") {
                "it is not a bpa database, or the passphrase is wrong".into()
            } else {
                "it is not a bpa database (not an SQLite file, or damaged)".into()
            }
        }
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            "another program holds it locked; close that program and try again".into()
        }
        Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => {
            "it cannot be written; check the file's permissions".into()
        }
        _ => e.to_string(),
    }
}

/// Creates the database file readable by its owner only (0600 on Unix), if it
/// does not exist yet.
pub(crate) fn create_private_file(path: &Path) -> std::io::Result<()> {
    let dangling = || {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "{} is a link to a file that does not exist; bpa does not create files through links",
                path.display()
            ),
        )
    };
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() && !path.exists() => return Err(dangling()),
        Ok(_) => return Ok(()),
        Err(_) => {}
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        // Made meanwhile by another bpa: fine if it is a file, not a link.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            if fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
                Ok(())
            } else {
                Err(dangling())
            }
        }
        Err(e) => Err(e),
    }
}

/// Creates `dir` and its parents, the last one readable by its owner only
/// (0700 on Unix).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pragmas_are_set_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("bpa.db")).unwrap();
        assert_eq!(store.pragma_text("journal_mode").unwrap(), "wal");
        assert_eq!(store.pragma_text("synchronous").unwrap(), "2");
        assert_eq!(store.pragma_text("foreign_keys").unwrap(), "1");
        assert_eq!(
            store.pragma_text("user_version").unwrap(),
            SCHEMA_VERSION.to_string()
        );
        assert!(store.is_empty().unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn files_and_folders_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("a/b");
        create_private_dir(&data).unwrap();
        assert_eq!(
            fs::metadata(&data).unwrap().permissions().mode() & 0o777,
            0o700
        );
        let path = data.join("bpa.db");
        drop(Store::open(&path).unwrap());
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn a_newer_database_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
        }
        let before = fs::read(&path).unwrap();
        let err = Store::open(&path).err().unwrap();
        assert!(matches!(err, StoreError::NewerSchema { .. }), "{err}");
        assert!(err.to_string().contains("newer bpa"));
        assert_eq!(fs::read(&path).unwrap(), before);
        assert!(!dir.path().join("future.db-wal").exists());
    }

    #[test]
    fn bad_places_give_messages_that_name_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let err = Store::open(dir.path()).err().unwrap();
        assert!(err.to_string().contains("folder"), "{err}");
        let missing = dir.path().join("nope/bpa.db");
        let err = Store::open(&missing).err().unwrap();
        assert!(err.to_string().contains("does not exist"), "{err}");
        let garbage = dir.path().join("garbage.db");
        fs::write(&garbage, vec![b'x'; 4096]).unwrap();
        let err = Store::open(&garbage).err().unwrap();
        assert!(err.to_string().contains("not a bpa database"), "{err}");
        assert!(err.to_string().contains("garbage.db"), "{err}");
    }
}
