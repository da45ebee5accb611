//! Backups through SQLite's online backup API, checked before they count;
//! restore that checks first and replaces the data in one step; automatic
//! daily backups with rotation; and `verify`, the data's own health check.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::migrate::{SCHEMA_VERSION, user_version};
use super::{Result, Store, StoreError, create_private_dir, create_private_file};

/// The triggers that keep the audit log append-only.
const APPEND_ONLY: [&str; 2] = ["audit_log_no_update", "audit_log_no_delete"];

/// How many daily and weekly backups automatic rotation keeps by default
/// (the settings `backup.keep_daily` and `backup.keep_weekly` change it).
pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 8;

const PREFIX: &str = "bpa-";
const SUFFIX: &str = ".db";

/// `bpa-2026-11-26-120000.db`
pub fn file_name(at: NaiveDateTime) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format("%Y-%m-%d-%H%M%S"))
}

/// When a backup file was made, from its name.
pub fn made_at(path: &Path) -> Option<NaiveDateTime> {
    let name = path.file_name()?.to_str()?;
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    // A second backup in the same second gets a `-2` after the time.
    NaiveDateTime::parse_from_str(stamp.get(..17)?, "%Y-%m-%d-%H%M%S").ok()
}

/// The backups in `dir`, oldest first.
pub fn list(dir: &Path) -> Vec<(NaiveDateTime, PathBuf)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(NaiveDateTime, PathBuf)> = entries
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter_map(|p| made_at(&p).map(|at| (at, p)))
        .collect();
    found.sort();
    found
}

/// Which backups rotation removes: all but the newest of each of the last
/// `daily` days and of each of the last `weekly` ISO weeks that have one.
pub fn to_remove(
    backups: &[(NaiveDateTime, PathBuf)],
    daily: usize,
    weekly: usize,
) -> Vec<PathBuf> {
    let mut keep: Vec<&PathBuf> = Vec::new();
    let mut newest_first: Vec<&(NaiveDateTime, PathBuf)> = backups.iter().collect();
    newest_first.sort_by_key(|b| std::cmp::Reverse(b.0));
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut weeks: Vec<(i32, u32)> = Vec::new();
    for (at, path) in &newest_first {
        let day = at.date();
        let week = (day.iso_week().year(), day.iso_week().week());
        if !days.contains(&day) && days.len() < daily {
            days.push(day);
            keep.push(path);
        }
        if !weeks.contains(&week) && weeks.len() < weekly {
            weeks.push(week);
            keep.push(path);
        }
    }
    backups
        .iter()
        .map(|(_, p)| p)
        .filter(|p| !keep.contains(p))
        .cloned()
        .collect()
}

/// Opens a database file read-only and checks it: it is SQLite, passes
/// `integrity_check`, and its schema is not newer than this binary's.
/// Returns its schema version.
pub fn check_file(path: &Path) -> Result<i64> {
    check_keyed(path, None)
}

/// [`check_file`] for an encrypted file.
pub(crate) fn check_keyed(path: &Path, key: Option<&str>) -> Result<i64> {
    let fail = |reason: String| StoreError::Open {
        path: path.to_owned(),
        reason,
    };
    if !path.is_file() {
        return Err(fail("there is no such file".into()));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| fail(e.to_string()))?;
    super::apply_key(&conn, key).map_err(|e| fail(e.to_string()))?;
    let version = user_version(&conn)
        .map_err(|_| fail("it is not a bpa database (not an SQLite file, or damaged)".into()))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == 0 {
        return Err(fail(
            "it is not a bpa database (no bpa schema in it)".into(),
        ));
    }
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| fail(format!("the integrity check failed: {e}")))?;
    if verdict != "ok" {
        return Err(fail(format!("it is damaged: {verdict}")));
    }
    Ok(version)
}

/// Says what is at `path` when it is not a file a backup can be read from.
fn what_is_there(path: &Path) -> Result<()> {
    let fail = |reason: &str| StoreError::Invalid(format!("{}: {reason}", path.display()));
    match fs::metadata(path) {
        Err(_) => Err(fail("there is no such file")),
        Ok(m) if m.is_dir() => Err(fail("it is a folder, not a backup file")),
        Ok(m) if !m.is_file() => Err(fail("it is not a regular file (a pipe or a device?)")),
        Ok(_) => Ok(()),
    }
}

/// Refuses a plain SQLite file whose length is not a whole number of its
/// pages: one cut short, whose last page SQLite would read as zeros.
fn whole_pages(path: &Path) -> Result<()> {
    use std::io::Read;
    let fail = |reason: &str| StoreError::Invalid(format!("{}: {reason}", path.display()));
    let mut header = [0u8; 100];
    let mut file = fs::File::open(path).map_err(|e| fail(&e.to_string()))?;
    let len = file.metadata().map_err(|e| fail(&e.to_string()))?.len();
    if file.read_exact(&mut header).is_err() || !header.starts_with(b"SQLite format 3\0") {
        // Not plain SQLite: check_keyed says what it is.
        return Ok(());
    }
    let page = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    if page < 512 || len % page != 0 {
        return Err(fail(
            "it is cut short (its length is not a whole number of pages); it may have been copied only in part",
        ));
    }
    Ok(())
}

/// Copies the whole of `source` into `dest` in one step, waiting for a
/// lock as long as any write does.
fn copy_all(source: &Connection, dest: &mut Connection, shown: &Path) -> Result<()> {
    let backup = Backup::new(source, dest)?;
    let started = std::time::Instant::now();
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ if started.elapsed() > super::BUSY_TIMEOUT => {
                return Err(StoreError::Busy(shown.to_owned()));
            }
            _ => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
}

/// Removes a database file and any journal files beside it.
fn remove_with_journals(path: &Path) {
    let _ = fs::remove_file(path);
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = fs::remove_file(PathBuf::from(p));
    }
}

impl Store {
    /// The folder automatic and default backups go to: `backups/` beside the database.
    pub fn backup_dir(&self) -> Option<PathBuf> {
        self.path
            .as_ref()
            .map(|p| p.parent().unwrap_or(Path::new(".")).join("backups"))
    }

    /// Writes a consistent copy to `dest` (which must not exist), then opens
    /// and checks it before reporting success. The copy is readable by its
    /// owner only.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let fail = |reason: String| StoreError::Open {
            path: dest.to_owned(),
            reason,
        };
        // A link counts as there, even one to nowhere: a backup is never
        // written through a link.
        if std::fs::symlink_metadata(dest).is_ok() {
            return Err(StoreError::Invalid(format!(
                "{} already exists; choose another name",
                dest.display()
            )));
        }
        if let Some(parent) = dest.parent()
            && !parent.as_os_str().is_empty()
            && !parent.is_dir()
        {
            return Err(fail(format!(
                "the folder {} does not exist",
                parent.display()
            )));
        }
        create_private_file(dest).map_err(|e| fail(e.to_string()))?;
        let result = (|| {
            let mut copy = Connection::open(dest)?;
            // An encrypted database's backups are encrypted with the same passphrase.
            super::apply_key(&copy, self.key.as_deref())?;
            {
                let backup = Backup::new(&self.conn, &mut copy)?;
                // One step: the whole database under one read lock, so the copy is consistent.
                while backup.step(-1)? != StepResult::Done {}
            }
            copy.pragma_update(None, "journal_mode", "DELETE")?;
            Ok::<(), rusqlite::Error>(())
        })();
        if let Err(e) = result {
            let _ = fs::remove_file(dest);
            return Err(fail(e.to_string()));
        }
        if let Err(e) = check_keyed(dest, self.key.as_deref()) {
            let _ = fs::remove_file(dest);
            return Err(e);
        }
        Ok(())
    }

    /// A new backup in the backup folder, named by `now`.
    pub fn backup_now(&self, now: NaiveDateTime) -> Result<PathBuf> {
        let dir = self.backup_dir().ok_or_else(|| {
            StoreError::Invalid("an in-memory database has no backup folder".into())
        })?;
        create_private_dir(&dir).map_err(|e| StoreError::Open {
            path: dir.clone(),
            reason: e.to_string(),
        })?;
        let mut dest = dir.join(file_name(now));
        let mut n = 2;
        while dest.exists() {
            dest = dir.join(file_name(now).replace(SUFFIX, &format!("-{n}{SUFFIX}")));
            n += 1;
        }
        self.backup_to(&dest)?;
        Ok(dest)
    }

    /// The newest backup's time, if any.
    pub fn last_backup(&self) -> Option<NaiveDateTime> {
        self.backup_dir()
            .and_then(|d| list(&d).last().map(|(at, _)| *at))
    }

    /// On the first start of a day, makes one backup and rotates the old
    /// ones away. Returns the new backup, if one was made.
    pub fn auto_backup(&self, now: NaiveDateTime) -> Result<Option<PathBuf>> {
        let Some(dir) = self.backup_dir() else {
            return Ok(None);
        };
        if self.last_backup().is_some_and(|at| at.date() == now.date()) {
            return Ok(None);
        }
        let made = self.backup_now(now)?;
        let (daily, weekly) = self.backup_keep()?;
        for old in to_remove(&list(&dir), daily, weekly) {
            let _ = fs::remove_file(old);
        }
        Ok(Some(made))
    }

    /// Replaces the data with the backup at `src`, and never with one that
    /// would leave a broken database: the backup is copied to a file beside
    /// the database, brought up to this schema there, and must pass the
    /// whole [`verify`](Self::verify). Only then is the current data saved
    /// as a backup and the copy put in its place, in one write. On any
    /// refusal the current data is untouched. The restore is written to
    /// the audit log. Returns where the current data was saved.
    pub fn restore_from(&mut self, src: &Path, now: NaiveDateTime) -> Result<PathBuf> {
        let live = self.path.clone().ok_or_else(|| {
            StoreError::Invalid("an in-memory database cannot be restored into".into())
        })?;
        what_is_there(src)?;
        if self.key.is_none() {
            whole_pages(src)?;
        }
        check_keyed(src, self.key.as_deref())?;
        let name = live
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let staged = live.with_file_name(format!(".{name}.restore-{}", std::process::id()));
        let checked = self.stage(src, &staged);
        let result = checked.and_then(|newest| {
            let saved = self.backup_now(now)?;
            let source = Connection::open_with_flags(&staged, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            super::apply_key(&source, self.key.as_deref())?;
            copy_all(&source, &mut self.conn, &live)?;
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
            let file = src.display().to_string();
            self.write(|tx, actor| {
                super::audit::record(
                    tx,
                    actor,
                    &super::audit::Change {
                        action: "restore",
                        entity: "database",
                        entity_id: None,
                        before: None,
                        after: Some(serde_json::json!({
                            "file": file,
                            "newest_audit_hash": newest,
                        })),
                    },
                )
            })?;
            Ok(saved)
        });
        remove_with_journals(&staged);
        result
    }

    /// Copies `src` to `staged`, migrates it there and verifies it; returns
    /// the hash of its newest audit entry.
    fn stage(&self, src: &Path, staged: &Path) -> Result<Option<String>> {
        let refuse = |why: String| {
            StoreError::Invalid(format!(
                "{} was not restored: {why}; the current data is as it was",
                src.display()
            ))
        };
        remove_with_journals(staged);
        create_private_file(staged).map_err(|e| refuse(e.to_string()))?;
        {
            let source = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            super::apply_key(&source, self.key.as_deref())?;
            let mut copy = Connection::open(staged)?;
            super::apply_key(&copy, self.key.as_deref())?;
            copy_all(&source, &mut copy, staged)?;
            copy.pragma_update(None, "journal_mode", "DELETE")?;
        }
        let candidate = Store::open_keyed(staged, self.key.as_deref()).map_err(|e| {
            let why = match e {
                StoreError::Open { reason, .. } => reason,
                other => other.to_string(),
            };
            refuse(format!(
                "it is not a bpa database this bpa can bring up to date ({why})"
            ))
        })?;
        let present = super::dump::tables(&candidate.conn)?;
        if let Some(missing) = super::dump::TABLE_ORDER
            .iter()
            .find(|t| !present.iter().any(|p| p == *t))
        {
            return Err(refuse(format!(
                "it is not a bpa database (it has no table «{missing}»)"
            )));
        }
        let problems = candidate.verify()?;
        if !problems.is_empty() {
            return Err(refuse(format!(
                "it does not pass the check: {}",
                problems.join("; ")
            )));
        }
        Ok(candidate
            .conn
            .query_row(
                "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The data's health: `integrity_check`, `foreign_key_check`, the
    /// invariants of the data and the audit chain. Empty when all hold.
    pub fn verify(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let row = row?;
            if row != "ok" {
                problems.push(format!("integrity: {row}"));
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })? {
            let (table, id, parent) = row?;
            problems.push(format!(
                "{table} row {} points to a missing {parent}",
                id.unwrap_or(0)
            ));
        }
        let checks = [
            (
                "SELECT id FROM shift WHERE end_at <= start_at",
                "shift {} ends before it starts",
            ),
            (
                "SELECT id FROM shift WHERE actual_end_at IS NOT NULL AND actual_end_at <= actual_start_at",
                "shift {} has actual times ending before they start",
            ),
            (
                "SELECT s.id FROM shift s LEFT JOIN assistant a ON a.id = s.assistant_id WHERE s.assistant_id IS NOT NULL AND a.id IS NULL",
                "shift {} is on a deleted assistant",
            ),
            (
                "SELECT id FROM allocation WHERE valid_to IS NOT NULL AND valid_to < valid_from",
                "allocation {} ends before it starts",
            ),
            (
                "SELECT id FROM unmet_need WHERE minutes < 0",
                "unmet need {} has negative minutes",
            ),
        ];
        for (sql, message) in checks {
            let mut stmt = self.conn.prepare(sql)?;
            for id in stmt.query_map([], |r| r.get::<_, i64>(0))? {
                problems.push(message.replace("{}", &id?.to_string()));
            }
        }
        if let Some(id) = self.verify_chain()? {
            problems.push(format!(
                "the audit log was changed or has a gap at entry {id}"
            ));
        }
        // Without its triggers the audit log can be edited in place.
        for trigger in APPEND_ONLY {
            let present: bool = self.conn.query_row(
                "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                [trigger],
                |r| r.get(0),
            )?;
            if !present {
                problems.push(format!(
                    "the audit log's guard «{trigger}» is missing: someone could change or remove entries"
                ));
            }
        }
        // The clock only moves on: an entry stamped before the one before it
        // was written with a clock set back, or the log was rewritten.
        let mut stmt = self.conn.prepare(
            "SELECT id, at, previous FROM (SELECT id, at, lag(at) OVER (ORDER BY id) AS previous FROM audit_log)
             WHERE at < previous LIMIT 20",
        )?;
        for row in stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })? {
            let (id, at, previous) = row?;
            problems.push(format!(
                "audit entry {id} is stamped {at}, earlier than the entry before it ({previous})"
            ));
        }
        Ok(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{NewAllocation, NewRecipient};

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[cfg(unix)]
    #[test]
    fn no_file_is_written_through_a_link_to_nowhere() {
        let dir = tempfile::tempdir().unwrap();
        let s = store_in(dir.path());
        let target = dir.path().join("elsewhere.db");
        let link = dir.path().join("link.db");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = s.backup_to(&link).unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        assert!(!target.exists());
        let err = Store::open(&link).err().unwrap();
        assert!(err.to_string().contains("link"), "{err}");
        assert!(!target.exists());
        // A link to an existing database still opens it.
        let real = dir.path().join("bpa.db");
        let alias = dir.path().join("alias.db");
        std::os::unix::fs::symlink(&real, &alias).unwrap();
        assert!(Store::open(&alias).is_ok());
    }

    fn store_in(dir: &Path) -> Store {
        let mut s = Store::open(&dir.join("bpa.db")).unwrap();
        s.create_recipient(
            &NewRecipient {
                name: "Ola".into(),
                representative: None,
            },
            Some(&NewAllocation::new(
                2400,
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            )),
        )
        .unwrap();
        s
    }

    /// The database file and its journal, as bytes.
    fn live_bytes(dir: &Path) -> (Vec<u8>, Option<Vec<u8>>) {
        (
            fs::read(dir.join("bpa.db")).unwrap(),
            fs::read(dir.join("bpa.db-wal")).ok(),
        )
    }

    #[test]
    fn no_bad_backup_is_restored_and_the_live_file_stays_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store_in(dir.path());
        let r = s.pick_recipient(None).unwrap().id;
        let open_shift = crate::store::NewShift {
            line: 0,
            assistant: String::new(),
            allocation: None,
            start: at(23, 8),
            end: at(23, 16),
            kind: crate::domain::shift::ShiftKind::Ordinary,
            status: crate::domain::shift::ShiftStatus::Planned,
            note: String::new(),
            active: Vec::new(),
        };
        s.add_shift(r, &open_shift).unwrap();
        let good = dir.path().join("good.db");
        s.backup_to(&good).unwrap();
        let edited = |name: &str, sql: &str| {
            let path = dir.path().join(name);
            fs::copy(&good, &path).unwrap();
            Connection::open(&path).unwrap().execute_batch(sql).unwrap();
            path
        };
        let foreign = dir.path().join("foreign.db");
        Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE notes (x); PRAGMA user_version = 1;")
            .unwrap();
        let cut = dir.path().join("cut.db");
        let bytes = fs::read(&good).unwrap();
        fs::write(&cut, &bytes[..bytes.len() - 1]).unwrap();
        let candidates = [
            (foreign, "bpa"),
            (
                edited(
                    "status.db",
                    "PRAGMA ignore_check_constraints = ON; UPDATE shift SET status = 'give';",
                ),
                "check",
            ),
            (
                edited(
                    "backwards.db",
                    "PRAGMA ignore_check_constraints = ON; UPDATE shift SET end_at = '2026-01-01T00:00';",
                ),
                "check",
            ),
            (cut, "cut short"),
            (
                edited(
                    "chain.db",
                    "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone' WHERE id = 1;",
                ),
                "audit",
            ),
            (dir.path().to_path_buf(), "folder"),
        ];
        let before = live_bytes(dir.path());
        let backups = list(&dir.path().join("backups")).len();
        for (candidate, says) in candidates {
            let err = match s.restore_from(&candidate, at(27, 9)) {
                Ok(_) => panic!("{} was restored", candidate.display()),
                Err(e) => e.to_string(),
            };
            assert!(err.contains(says), "{}: {err}", candidate.display());
            assert_eq!(live_bytes(dir.path()), before, "{}", candidate.display());
            assert_eq!(list(&dir.path().join("backups")).len(), backups);
            let leftovers: Vec<_> = fs::read_dir(dir.path())
                .unwrap()
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().contains("restore"))
                .collect();
            assert!(leftovers.is_empty(), "{leftovers:?}");
        }
        // The good one is restored, and the restore is in the audit log.
        let audit = s.audit_len().unwrap();
        s.restore_from(&good, at(27, 9)).unwrap();
        assert_eq!(s.audit_len().unwrap(), audit + 1);
        assert!(s.verify().unwrap().is_empty());
    }

    #[test]
    fn a_backup_is_checked_and_restores_every_record() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store_in(dir.path());
        let backup = s.backup_now(at(26, 12)).unwrap();
        assert_eq!(check_file(&backup).unwrap(), SCHEMA_VERSION);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&backup).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        s.create_recipient(
            &NewRecipient {
                name: "Kari".into(),
                representative: None,
            },
            None,
        )
        .unwrap();
        assert_eq!(s.recipients().unwrap().len(), 2);
        let saved = s.restore_from(&backup, at(26, 13)).unwrap();
        assert_eq!(s.recipients().unwrap().len(), 1);
        assert!(check_file(&saved).is_ok());
        assert!(s.verify().unwrap().is_empty());
    }

    #[test]
    fn a_bad_file_is_refused_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store_in(dir.path());
        let junk = dir.path().join("junk.db");
        fs::write(
            &junk,
            b"not a database at all, just some text that goes on and on",
        )
        .unwrap();
        assert!(s.restore_from(&junk, at(26, 12)).is_err());
        assert!(
            s.restore_from(&dir.path().join("missing.db"), at(26, 12))
                .is_err()
        );
        assert_eq!(s.recipients().unwrap().len(), 1);
        assert!(
            s.backup_to(&dir.path().join("bpa.db")).is_err(),
            "never overwrites"
        );
    }

    #[test]
    fn one_automatic_backup_a_day_and_rotation() {
        let dir = tempfile::tempdir().unwrap();
        let s = store_in(dir.path());
        assert!(s.auto_backup(at(26, 9)).unwrap().is_some());
        assert!(s.auto_backup(at(26, 15)).unwrap().is_none());
        assert_eq!(s.last_backup(), Some(at(26, 9)));
        let day = |y, m, d| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(12, 0, 0)
                .unwrap()
        };
        let backups: Vec<(NaiveDateTime, PathBuf)> = (0..60)
            .map(|i| {
                let t = day(2026, 1, 1) + chrono::Duration::days(i);
                (t, PathBuf::from(file_name(t)))
            })
            .collect();
        let removed = to_remove(&backups, KEEP_DAILY, KEEP_WEEKLY);
        let kept = backups.len() - removed.len();
        // 7 daily (the last 7 days span 2 ISO weeks), plus the newest of 6 more weeks.
        assert!(
            (KEEP_DAILY..=KEEP_DAILY + KEEP_WEEKLY).contains(&kept),
            "{kept}"
        );
        assert!(!removed.contains(&backups[59].1));
    }

    #[test]
    fn verify_finds_a_tampered_audit_log() {
        let dir = tempfile::tempdir().unwrap();
        let s = store_in(dir.path());
        assert!(s.verify().unwrap().is_empty());
        s.conn.execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone else' WHERE id = 1;").unwrap();
        let problems = s.verify().unwrap();
        assert!(
            problems.iter().any(|p| p.contains("audit log")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("«audit_log_no_update» is missing")),
            "{problems:?}"
        );
    }
}
