//! The SQLCipher build (feature `encryption`): the file is unreadable
//! without the passphrase, and a wrong one is a clear error.

#![cfg(feature = "encryption")]
#![allow(clippy::unwrap_used)]

use bpa::store::{NewRecipient, Store};

#[test]
fn an_encrypted_database_opens_only_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bpa.db");
    {
        let mut store = Store::open_with_passphrase(&path, "korrekt hest").unwrap();
        store
            .create_recipient(
                &NewRecipient {
                    name: "Ola".into(),
                    representative: None,
                },
                None,
            )
            .unwrap();
        let backup = store
            .backup_now(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
                    .unwrap()
                    .and_hms_opt(12, 0, 0)
                    .unwrap(),
            )
            .unwrap();
        assert!(
            !std::fs::read(&backup)
                .unwrap()
                .starts_with(b"SQLite format 3"),
            "backups are encrypted too"
        );
    }
    assert!(
        !std::fs::read(&path)
            .unwrap()
            .starts_with(b"SQLite format 3")
    );
    let err = Store::open_with_passphrase(&path, "feil").err().unwrap();
    assert!(err.to_string().contains("passphrase"), "{err}");
    assert!(Store::open(&path).is_err());
    let store = Store::open_with_passphrase(&path, "korrekt hest").unwrap();
    assert_eq!(store.pick_recipient(None).unwrap().name, "Ola");
}
