//! Schema migrations: ordered SQL steps numbered by `PRAGMA user_version`,
//! each applied in one transaction together with the version bump.

use rusqlite::Connection;

/// The migrations in order; the schema version is their count.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_services_and_rotas.sql"),
    include_str!("migrations/003_log_and_appeals.sql"),
    include_str!("migrations/004_routines.sql"),
    include_str!("migrations/005_people_at_the_keyboard.sql"),
    include_str!("migrations/006_month_end.sql"),
    include_str!("migrations/007_indexes_for_ten_years.sql"),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Applies every migration newer than the database's version.
pub fn run(conn: &mut Connection) -> rusqlite::Result<()> {
    run_to(conn, SCHEMA_VERSION)
}

/// Applies the migrations up to and including `target` (tests build older
/// databases with it).
pub(crate) fn run_to(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    // The usual case, a database already up to date, reads one number.
    if user_version(conn)? >= target {
        return Ok(());
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().take(target.max(0) as usize) {
        let version = index as i64 + 1;
        if version <= user_version(conn)? {
            continue;
        }
        // Take the write lock first, then look again: another window may
        // have migrated in the meantime.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if version <= user_version(&tx)? {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        run(&mut conn).unwrap();
        run(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 21);
    }

    #[test]
    fn a_failing_migration_leaves_the_version_alone() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE recipient (x)").unwrap();
        assert!(run(&mut conn).is_err());
        assert_eq!(user_version(&conn).unwrap(), 0);
    }
}

#[cfg(test)]
mod upgrade {
    /// Every older schema version, with data in it, is brought up to date by
    /// the migrations after it, and keeps its data.
    #[test]
    fn every_older_version_with_data_is_upgraded() {
        for version in 1..super::SCHEMA_VERSION {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("old.db");
            {
                let mut conn = rusqlite::Connection::open(&path).unwrap();
                super::run_to(&mut conn, version).unwrap();
                assert_eq!(super::user_version(&conn).unwrap(), version);
                conn.execute_batch(
                    "INSERT INTO recipient (name, created_at) VALUES ('Ola', '2026-01-01T00:00:00Z');
                     INSERT INTO allocation (recipient_id, minutes_per_week, valid_from) VALUES (1, 2400, '2026-01-01');
                     INSERT INTO assistant (name) VALUES ('Kari');
                     INSERT INTO shift (recipient_id, assistant_id, start_at, end_at) VALUES (1, 1, '2026-11-24T08:00', '2026-11-24T16:00');
                     INSERT INTO task_type (name, category) VALUES ('Medisin', 'health');
                     INSERT INTO task_log (recipient_id, assistant_id, task_type_id, at) VALUES (1, 1, 1, '2026-11-24T08:00');",
                )
                .unwrap();
            }
            let store = crate::store::Store::open(&path).unwrap();
            assert_eq!(
                store.pragma_text("user_version").unwrap(),
                super::SCHEMA_VERSION.to_string(),
                "from {version}"
            );
            let r = store.pick_recipient(None).unwrap();
            assert_eq!(store.shift_count(r.id).unwrap(), 1, "from {version}");
            assert_eq!(store.task_types().unwrap().len(), 1, "from {version}");
            assert!(store.verify().unwrap().is_empty(), "from {version}");
        }
    }

    use crate::store::Store;

    /// A database written by bpa with schema version 1 opens, is upgraded,
    /// and keeps its data.
    #[test]
    fn a_version_1_database_is_upgraded_and_keeps_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bpa.db");
        std::fs::copy(
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v1.db"),
            &path,
        )
        .unwrap();
        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.pragma_text("user_version").unwrap(),
            super::SCHEMA_VERSION.to_string()
        );
        let r = store.pick_recipient(None).unwrap();
        assert_eq!(r.name, "Ola Nordmann");
        assert_eq!(store.allocations(r.id).unwrap()[0].minutes_per_week, 2250);
        assert_eq!(store.shift_count(r.id).unwrap(), 1);
        assert_eq!(store.verify_chain().unwrap(), None);
        assert!(store.services(r.id).unwrap().is_empty());
    }
}
