//! `bpa`: plan, log and account the hours of a Norwegian BPA arrangement.
//!
//! Layers, data flowing one way: `app` turns keys into actions and asks
//! `store`; `domain` holds the rules; `ui` draws the state. The CLI commands
//! in `cli` use the same `store` and `domain`.

pub mod clock;
pub mod domain;
pub mod store;
pub mod summary;
pub mod i18n;
pub mod text;
