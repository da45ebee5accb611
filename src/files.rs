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

#[cfg(test)]
mod tests {
    use super::*;

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
