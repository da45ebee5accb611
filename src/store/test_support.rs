//! What the store's tests share: a database in memory with a recipient and
//! two ready-to-name assistants.

use super::{NewRecipient, Store};
use crate::domain::ids::{AssistantId, RecipientId};
use crate::domain::people::Assistant;

/// A store with the recipient Ola and nothing else.
pub(crate) fn ola() -> (Store, RecipientId) {
    let mut s = Store::open_in_memory().unwrap();
    let r = s
        .create_recipient(
            &NewRecipient {
                name: "Ola".into(),
                representative: None,
            },
            None,
        )
        .unwrap();
    (s, r)
}

/// `hour`:00 on `day` November 2026.
pub(crate) fn nov(day: u32, hour: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

/// A store with the recipient Ola and the active assistants Kari and Per.
pub(crate) fn ola_kari_per() -> (Store, RecipientId, AssistantId, AssistantId) {
    let (mut s, r) = ola();
    let mut add = |name: &str| {
        s.add_assistant(&Assistant {
            name: name.into(),
            active: true,
            ..Assistant::default()
        })
        .unwrap()
    };
    let kari = add("Kari");
    let per = add("Per");
    (s, r, kari, per)
}
