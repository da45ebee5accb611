//! What the command-line tests share: a temporary database and the
//! binary run on it in Norwegian, on a fixed day.

#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Db {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Db {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bpa.db");
        Self { _dir: dir, path }
    }

    /// A file beside the database.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir().join(name)
    }

    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_bpa"))
            .args(args)
            .env("BPA_DB", &self.path)
            .env("BPA_TODAY", "2026-11-26")
            .env("LANG", "nb_NO.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap()
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    pub fn write(&self, name: &str, content: &str) -> String {
        let p = self.dir().join(name);
        std::fs::write(&p, content).unwrap();
        p.to_string_lossy().into_owned()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}

pub fn initialised() -> Db {
    let db = Db::new();
    db.ok(&[
        "init",
        "--recipient",
        "Ola Nordmann",
        "--arbeidsleder",
        "Anne",
        "--relation",
        "mor",
    ]);
    db.ok(&[
        "allocation",
        "add",
        "--hours-per-week",
        "37,5",
        "--from",
        "2026-01-01",
        "--received",
        "2025-12-10",
    ]);
    db
}
