//! Typed row ids, so an assistant id is never passed where a shift id belongs.

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        pub struct $name(pub i64);
    )*};
}

id_type!(
    /// A recipient of assistance.
    RecipientId,
    /// An allocation (vedtak).
    AllocationId,
    /// An assistant.
    AssistantId,
    /// A shift.
    ShiftId,
);
