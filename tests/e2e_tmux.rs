//! End-to-end: the real binary in a real terminal (tmux at 80×24), driven
//! with keys and read from the screen. Without tmux these tests say they
//! were skipped and pass, unless `BPA_REQUIRE_E2E=1` (CI) makes that a failure.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    /// A private tmux server with one 80×24 pane running a plain shell, or
    /// `None` when tmux is not installed.
    fn start(name: &str) -> Option<Self> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var("BPA_REQUIRE_E2E").as_deref() != Ok("1"),
                "tmux is not installed, but BPA_REQUIRE_E2E=1 requires the end-to-end tests"
            );
            let _ = writeln!(
                std::io::stderr(),
                "skipped {name}: tmux is not installed (apt-get install tmux)"
            );
            return None;
        }
        let socket = format!("bpa-e2e-{name}-{}", std::process::id());
        let t = Self { socket };
        t.tmux(&["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "80", "-y", "24", "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=xterm-256color PS1='$ ' bash --norc --noprofile -i"]);
        t.tmux(&["set", "-sg", "escape-time", "0"]);
        Some(t)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "main", k]);
        }
    }

    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", text]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    fn display(&self, format: &str) -> String {
        self.tmux(&["display", "-p", "-t", "main", format])
            .trim()
            .to_owned()
    }

    /// Waits until the screen shows `text`; fails with the whole screen.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen no longer shows `text`.
    fn wait_until_gone(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.screen().contains(text) {
            assert!(
                Instant::now() < deadline,
                "waited for {text:?} to go; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn run_bpa(&self, db: &Path, args: &str) {
        let cmd = format!(
            "BPA_DB='{}' BPA_TODAY=2026-11-26 LANG=nb_NO.UTF-8 '{}' {args}; echo \"EXIT=$?\"",
            db.display(),
            env!("CARGO_BIN_EXE_bpa")
        );
        self.type_text(&cmd);
        self.keys(&["Enter"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

#[test]
fn guided_start_then_every_screen_then_a_clean_quit() {
    let Some(t) = Tmux::start("guided") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bpa.db");
    t.run_bpa(&db, "");
    t.wait_for("Velkommen til bpa");
    t.keys(&["Enter"]);
    t.wait_for("Mottakerens navn");
    t.type_text("Ola Nordmann");
    t.keys(&["Tab", "Tab"]);
    t.type_text("40");
    t.keys(&["Tab"]);
    for _ in 0..10 {
        t.keys(&["BSpace"]);
    }
    t.type_text("01.01.2026");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Uke 48 · 40,0 t tildelt · 0,0 t planlagt · 40,0 t igjen");
    assert!(screen.contains("Mottaker: Ola Nordmann"), "{screen}");
    for (key, title) in [
        ("2", "Uke 48 ·"),
        ("3", "Ingen assistenter"),
        ("4", "Logg for"),
        ("5", "01.01.2026"),
        ("6", "november 2026"),
        ("1", "Denne uken"),
    ] {
        t.keys(&[key]);
        let screen = t.wait_for(title);
        assert!(
            screen.contains("40,0 t igjen"),
            "status bar on screen {key}:\n{screen}"
        );
    }
    t.keys(&["?"]);
    t.wait_for("Taster");
    // Esc and the next key arriving in one read would be Alt-q: wait for the
    // help to close before quitting.
    t.keys(&["Escape"]);
    t.wait_until_gone("Taster");
    t.keys(&["q"]);
    let screen = t.wait_for("EXIT=0");
    assert_eq!(
        t.display("#{alternate_on}"),
        "0",
        "the alternate screen is left:\n{screen}"
    );
    assert_eq!(
        t.display("#{cursor_flag}"),
        "1",
        "the cursor is visible again"
    );
    t.type_text("echo still-here");
    t.keys(&["Enter"]);
    t.wait_for("still-here");
}

#[test]
fn a_hostile_name_cannot_reach_the_terminal() {
    let Some(t) = Tmux::start("hostile") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bpa.db");
    let bin = env!("CARGO_BIN_EXE_bpa");
    let run = |args: &[&str]| {
        let out = Command::new(bin)
            .args(args)
            .env("BPA_DB", &db)
            .env("BPA_TODAY", "2026-11-26")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[
        "init",
        "--recipient",
        "Ola",
        "--hours-per-week",
        "40",
        "--from",
        "2026-01-01",
    ]);
    // bpa refuses such a name; one from an older or restored database is
    // put in behind its back.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT INTO assistant (name, active) VALUES ('\u{1b}]0;pwned\u{7}Kari', 1)",
            [],
        )
        .unwrap();
    let title_before = t.display("#{pane_title}");
    t.run_bpa(&db, "");
    t.wait_for("Oversikt");
    t.keys(&["3"]);
    let screen = t.wait_for("Kari");
    assert!(screen.contains("␛]0;pwned␇Kari"), "{screen}");
    assert_eq!(t.display("#{pane_title}"), title_before);
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn an_assistant_and_a_shift_added_by_keys_lower_the_remaining_hours() {
    let Some(t) = Tmux::start("plan") else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bpa.db");
    let out = Command::new(env!("CARGO_BIN_EXE_bpa"))
        .args([
            "init",
            "--recipient",
            "Ola",
            "--hours-per-week",
            "40",
            "--from",
            "2026-01-01",
        ])
        .env("BPA_DB", &db)
        .env("BPA_TODAY", "2026-11-26")
        .output()
        .unwrap();
    assert!(out.status.success());
    t.run_bpa(&db, "");
    t.wait_for("Uke 48 · 40,0 t tildelt · 0,0 t planlagt · 40,0 t igjen");
    t.keys(&["3", "a"]);
    t.wait_for("Ny assistent");
    t.type_text("Kari Nordmann");
    t.keys(&["Enter"]);
    t.wait_for("✗ mangler");
    t.keys(&["2", "a"]);
    t.wait_for("Ny vakt");
    t.type_text("kari");
    t.wait_for("Treff: Kari Nordmann");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Uke 48 · 40,0 t tildelt · 8,0 t planlagt · 32,0 t igjen");
    assert!(screen.contains("08:00–16:00  Kari Nordmann"), "{screen}");
    // Not ready to work: the warning says what is missing.
    assert!(
        screen.contains("ikke klar til å jobbe") && screen.contains("politiattest"),
        "{screen}"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn a_month_is_approved_and_its_timesheet_exported_by_keys() {
    let Some(t) = Tmux::start("month-end") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bpa.db");
    let out = Command::new(env!("CARGO_BIN_EXE_bpa"))
        .args(["demo"])
        .env("BPA_DB", &db)
        .env("BPA_TODAY", "2026-11-26")
        .output()
        .unwrap();
    assert!(out.status.success());
    t.run_bpa(&db, "");
    // Who is at the keyboard: the arbeidsleder, as offered.
    t.wait_for("Hvem sitter ved tastaturet?");
    t.keys(&["Enter", "6", "s"]);
    t.wait_for("Måned");
    t.keys(&["Enter"]);
    let sheet = t.wait_for("Ikke godkjent ennå");
    assert!(sheet.contains("Lønnet") && sheet.contains("Sum"), "{sheet}");
    t.keys(&["a"]);
    t.wait_for("likevel? (j/n)");
    t.keys(&["j"]);
    t.wait_for("✓ Godkjent");
    t.keys(&["x"]);
    t.wait_for("Mappe eller fil");
    t.keys(&["Tab", "Tab", "Tab"]);
    for _ in 0..40 {
        t.keys(&["BSpace"]);
    }
    t.type_text(&dir.path().display().to_string());
    t.keys(&["Enter"]);
    t.wait_for("Skrevet til");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("timesheet-"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    // The approval locks that month's shifts against the command line too.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let shift: i64 = conn
        .query_row(
            "SELECT s.id FROM approval a JOIN shift s ON s.assistant_id = a.assistant_id
             WHERE a.month = '2026-11' AND s.start_at LIKE '2026-11-%' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    let refused = Command::new(env!("CARGO_BIN_EXE_bpa"))
        .args(["shift", "delete", &shift.to_string(), "--yes"])
        .env("BPA_DB", &db)
        .env("BPA_TODAY", "2026-11-26")
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("unapprove"));
}
