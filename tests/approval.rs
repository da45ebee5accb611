//! `bpa approve` and `bpa unapprove` through the binary: what is asked,
//! what is locked, and what the audit log keeps.

#![allow(clippy::unwrap_used)]

mod common;

use common::{Db, initialised};

/// Kari with one worked and one planned shift in November 2026.
fn with_november() -> Db {
    let db = initialised();
    db.ok(&["assistant", "add", "Kari Nordmann"]);
    for day in ["2026-11-02", "2026-11-03"] {
        db.ok(&[
            "shift",
            "add",
            "--assistant",
            "Kari Nordmann",
            "--date",
            day,
            "--start",
            "08:00",
            "--end",
            "16:00",
        ]);
    }
    db
}

fn mark_first_worked(db: &Db) {
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let id: i64 = conn
        .query_row("SELECT min(id) FROM shift", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    let lib = bpa::store::Store::open(&db.path);
    let mut store = lib.unwrap();
    store
        .mark_worked(bpa::domain::ids::ShiftId(id), None, None)
        .unwrap();
}

#[test]
fn approval_lists_surprises_and_needs_yes_without_a_terminal() {
    let db = with_november();
    mark_first_worked(&db);
    let out = db.run(&[
        "approve",
        "--assistant",
        "kari nordmann",
        "--month",
        "2026-11",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ikke ansattnummer"), "{err}");
    assert!(err.contains("aldri merket"), "{err}");
    assert!(err.contains("--yes"), "{err}");
    // Nothing was approved: the shift can still change.
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM approval", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn an_approved_month_is_locked_until_reopened_and_both_are_audited() {
    let db = with_november();
    let audit = |db: &Db| -> i64 {
        rusqlite::Connection::open(&db.path)
            .unwrap()
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap()
    };
    let before = audit(&db);
    let out = db.ok(&[
        "approve",
        "--assistant",
        "Kari Nordmann",
        "--month",
        "2026-11",
        "--yes",
    ]);
    assert!(
        out.contains("november 2026") && out.contains("2 vakter"),
        "{out}"
    );
    assert_eq!(audit(&db), before + 1);

    // A new shift in the locked month is refused with the approval named.
    let err = db.fails(
        &[
            "shift",
            "add",
            "--assistant",
            "Kari Nordmann",
            "--date",
            "2026-11-20",
            "--start",
            "08:00",
            "--end",
            "12:00",
        ],
        1,
    );
    assert!(
        err.contains("unapprove") && err.contains("2026-11"),
        "{err}"
    );
    // December is open.
    db.ok(&[
        "shift",
        "add",
        "--assistant",
        "Kari Nordmann",
        "--date",
        "2026-12-01",
        "--start",
        "08:00",
        "--end",
        "12:00",
    ]);

    let again = db.fails(
        &[
            "approve",
            "--assistant",
            "Kari Nordmann",
            "--month",
            "2026-11",
            "--yes",
        ],
        1,
    );
    assert!(again.contains("allerede"), "{again}");
    let reopened = db.ok(&[
        "unapprove",
        "--assistant",
        "Kari Nordmann",
        "--month",
        "2026-11",
    ]);
    assert!(reopened.contains("åpnet igjen"), "{reopened}");
    db.ok(&[
        "shift",
        "add",
        "--assistant",
        "Kari Nordmann",
        "--date",
        "2026-11-20",
        "--start",
        "08:00",
        "--end",
        "12:00",
    ]);
    db.fails(
        &[
            "unapprove",
            "--assistant",
            "Kari Nordmann",
            "--month",
            "2026-11",
        ],
        1,
    );
    let verify = db.ok(&["verify"]);
    assert!(verify.contains('✓'), "{verify}");
}

#[test]
fn bad_names_and_months_are_exit_code_1() {
    let db = with_november();
    let err = db.fails(
        &[
            "approve",
            "--assistant",
            "Kary",
            "--month",
            "2026-11",
            "--yes",
        ],
        1,
    );
    assert!(err.contains("Kari Nordmann"), "suggests the nearest: {err}");
    let err = db.fails(
        &[
            "approve",
            "--assistant",
            "Kari Nordmann",
            "--month",
            "11.2026",
        ],
        1,
    );
    assert!(err.contains("--month"), "{err}");
}
