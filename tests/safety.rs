//! Nothing lost, nothing leaked: backups, restore, verify, kills at random
//! moments, and bad files and places, through the real binary.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use bpa::store::Store;

fn bpa(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bpa"))
        .args(args)
        .env("BPA_DB", db)
        .env("BPA_TODAY", "2026-11-26")
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = bpa(db, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bpa.db");
    ok(
        &db,
        &[
            "init",
            "--recipient",
            "Ola",
            "--hours-per-week",
            "40",
            "--from",
            "2026-01-01",
        ],
    );
    (dir, db)
}

#[test]
fn backup_restore_and_verify_from_the_command_line() {
    let (dir, db) = setup();
    ok(&db, &["assistant", "add", "Kari"]);
    let out = ok(&db, &["backup"]);
    assert!(out.contains("Backup made and checked"), "{out}");
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .collect();
    assert_eq!(backups.len(), 1);
    let copy = dir.path().join("copy.db");
    ok(&db, &["backup", "-o", copy.to_str().unwrap()]);
    assert_eq!(
        bpa(&db, &["backup", "-o", copy.to_str().unwrap()])
            .status
            .code(),
        Some(1),
        "never overwrites"
    );
    ok(&db, &["assistant", "add", "Per"]);
    let out = ok(&db, &["restore", copy.to_str().unwrap()]);
    assert!(out.contains("Restored from"), "{out}");
    let list = ok(&db, &["assistant", "list", "--format", "json"]);
    assert!(list.contains("Kari") && !list.contains("Per"), "{list}");
    assert!(ok(&db, &["verify"]).contains("All good"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            std::fs::metadata(dir.path().join("backups"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o700
        );
    }
}

#[test]
fn verify_reports_a_tampered_audit_log_with_exit_code_1() {
    let (_dir, db) = setup();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 1;")
            .unwrap();
    }
    let out = bpa(&db, &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("audit log"));
}

/// A tiny deterministic generator for the kill moments.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

#[test]
fn kills_at_random_moments_lose_nothing_committed_and_leave_nothing_half_done() {
    const LINES: usize = 40;
    let (dir, db) = setup();
    let mut rng = Lcg(7);
    let mut committed = 0usize;
    let mut cut_short = 0;
    for round in 0..200 {
        // Each round imports 40 shifts for its own assistant; all or nothing.
        let mut csv = String::from("date,start,end,assistant\n");
        for line in 0..LINES {
            let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                + chrono::Duration::days(line as i64);
            csv += &format!("{day},08:00,16:00,Assistent {round}\n");
        }
        let file = dir.path().join(format!("round-{round}.csv"));
        std::fs::write(&file, csv).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_bpa"))
            .args(["import", "shifts", file.to_str().unwrap()])
            .env("BPA_DB", &db)
            .env("BPA_TODAY", "2026-11-26")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.next(25_000)));
        let _ = child.kill(); // SIGKILL on Unix
        let out = child.wait_with_output().unwrap();
        let reported = String::from_utf8_lossy(&out.stdout).contains("Imported");

        let store = Store::open(&db).unwrap();
        assert_eq!(
            store.pragma_text("integrity_check").unwrap(),
            "ok",
            "round {round}"
        );
        let r = store.pick_recipient(None).unwrap();
        let total = store.shift_count(r.id).unwrap() as usize;
        let this_round = total - committed;
        assert!(
            this_round == 0 || this_round == LINES,
            "round {round}: {this_round} of {LINES} shifts: half an import"
        );
        if reported {
            assert_eq!(
                this_round, LINES,
                "round {round}: reported as committed but missing"
            );
        }
        if this_round == 0 {
            cut_short += 1;
        }
        committed = total;
        assert_eq!(store.verify_chain().unwrap(), None, "round {round}");
    }
    assert!(committed > 0, "some imports finished");
    // A stream of single writes, killed at random moments: every write that
    // said "Saved." is there.
    for round in 0..60 {
        let name = format!("Vikar {round}");
        let mut child = Command::new(env!("CARGO_BIN_EXE_bpa"))
            .args(["assistant", "add", &name])
            .env("BPA_DB", &db)
            .env("LANG", "en_GB.UTF-8")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.next(8_000)));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        let store = Store::open(&db).unwrap();
        assert_eq!(store.pragma_text("integrity_check").unwrap(), "ok");
        if String::from_utf8_lossy(&out.stdout).contains("Saved.") {
            assert!(
                store.assistant_id(&name).unwrap().is_some(),
                "{name} was reported saved"
            );
        }
        assert_eq!(store.verify_chain().unwrap(), None);
    }
    assert!(
        cut_short > 0,
        "some imports were killed before they committed"
    );
}

#[test]
fn bad_files_and_places_give_one_clear_message_and_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(PathBuf, &str)> = {
        let folder = dir.path().join("a-folder");
        std::fs::create_dir(&folder).unwrap();
        let text = dir.path().join("notes.txt");
        std::fs::write(
            &text,
            "this is not a database, it is a shopping list: milk, bread\n".repeat(100),
        )
        .unwrap();
        let corrupt = dir.path().join("corrupt.db");
        let (_keep, good) = setup();
        let mut bytes = std::fs::read(&good).unwrap();
        for b in bytes.iter_mut().skip(100) {
            *b ^= 0x5A;
        }
        std::fs::write(&corrupt, &bytes).unwrap();
        let newer = dir.path().join("newer.db");
        {
            let conn = rusqlite::Connection::open(&newer).unwrap();
            conn.pragma_update(None, "user_version", 99).unwrap();
        }
        vec![
            (folder, "folder"),
            (dir.path().join("missing/bpa.db"), "does not exist"),
            (text, "not a bpa database"),
            (corrupt, "bpa"),
            (newer, "newer bpa"),
        ]
    };
    for (path, expected) in cases {
        let before = std::fs::read(&path).ok();
        let out = bpa(&path, &["report", "week"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", path.display());
        assert!(err.contains(expected), "{}: {err}", path.display());
        assert!(
            err.contains(path.file_name().unwrap().to_str().unwrap()),
            "names the path: {err}"
        );
        assert_eq!(err.lines().count(), 1, "one message: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&path).ok(),
            before,
            "{}: nothing written",
            path.display()
        );
    }
}

#[test]
fn a_database_locked_by_another_program_is_a_clear_message() {
    let (_dir, db) = setup();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE; INSERT INTO setting (key, value) VALUES ('x', 'y');")
        .unwrap();
    let out = bpa(&db, &["assistant", "add", "Kari"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("locked by another program") && err.contains("bpa.db"),
        "{err}"
    );
    conn.execute_batch("ROLLBACK").unwrap();
    ok(&db, &["assistant", "add", "Kari"]);
}
