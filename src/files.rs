//! Writing export files safely: readable by the owner only (0600 on Unix),
//! and atomically, so a file is either the whole new text or not there at
//! all: the text goes to a temporary file beside the target, is flushed to
//! the disk, and then renamed over it.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically, readable by the owner only.
///
/// A link at `path` is replaced, never followed. On any error the target is
/// left as it was and the temporary file is removed.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_private_with(path, |out| out.write_all(bytes))
}

/// [`write_private`] for text written a piece at a time by `fill`, so a
/// large export is never held in memory whole.
pub fn write_private_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is a folder", path.display()),
        ));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut out = io::BufWriter::new(options.open(&temp)?);
        fill(&mut out)?;
        let written = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        written.sync_all()?;
        drop(written);
        fs::rename(&temp, path)?;
        // Make the rename itself durable.
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Makes each of `files` that exists readable by its owner only (0600),
/// and each of `folders` 0700 with every file in it 0600. Returns what had
/// to be changed, so the user can be told. Links are left alone.
pub fn tighten(files: &[PathBuf], folders: &[PathBuf]) -> Vec<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut changed = Vec::new();
        let mut fix = |path: &Path, mode: u32| {
            let Ok(meta) = fs::symlink_metadata(path) else {
                return;
            };
            // What the group and others may do with it.
            let others = meta.permissions().mode() & 0o077;
            if meta.file_type().is_symlink() || others == 0 {
                return;
            }
            if fs::set_permissions(path, fs::Permissions::from_mode(mode)).is_ok() {
                changed.push(path.to_path_buf());
            }
        };
        for f in files {
            fix(f, 0o600);
        }
        for dir in folders {
            fix(dir, 0o700);
            if let Ok(entries) = fs::read_dir(dir) {
                for entry in entries.flatten() {
                    if entry.file_type().is_ok_and(|t| t.is_file()) {
                        fix(&entry.path(), 0o600);
                    }
                }
            }
        }
        changed
    }
    #[cfg(not(unix))]
    {
        let _ = (files, folders);
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn files_and_folders_others_can_read_are_made_private_once() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("bpa.db");
        let wal = dir.path().join("bpa.db-wal");
        let backups = dir.path().join("backups");
        fs::write(&db, "x").unwrap();
        fs::write(&wal, "x").unwrap();
        fs::create_dir(&backups).unwrap();
        let old = backups.join("old.db");
        fs::write(&old, "x").unwrap();
        for (p, mode) in [
            (&db, 0o644),
            (&wal, 0o600),
            (&backups, 0o755),
            (&old, 0o640),
        ] {
            fs::set_permissions(p, fs::Permissions::from_mode(mode)).unwrap();
        }
        let missing = dir.path().join("bpa.db-shm");
        let changed = tighten(
            &[db.clone(), wal.clone(), missing],
            std::slice::from_ref(&backups),
        );
        assert_eq!(changed, vec![db.clone(), backups.clone(), old.clone()]);
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            (mode(&db), mode(&wal), mode(&backups), mode(&old)),
            (0o600, 0o600, 0o700, 0o600)
        );
        assert!(tighten(&[db], &[backups]).is_empty(), "told once");
    }

    #[test]
    fn a_file_is_written_whole_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        write_private(&path, b"new text").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new text");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious");
        fs::write(&target, "keep me").unwrap();
        let link = dir.path().join("out.ics");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_private(&link, b"calendar").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "keep me");
        assert_eq!(fs::read_to_string(&link).unwrap(), "calendar");
    }

    #[test]
    fn a_missing_folder_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope/out.csv");
        assert!(write_private(&path, b"x").is_err());
        assert!(!path.exists());
    }
}
