//! `bpa`: plan, log and account the hours of a Norwegian BPA arrangement.
//!
//! Layers, data flowing one way: `app` turns keys into actions and asks
//! `store`; `domain` holds the rules; `ui` draws the state. The CLI commands
//! in `cli` use the same `store` and `domain`.

pub mod app;
pub mod assistant_csv;
pub mod calendar;
pub mod checks;
pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod exports;
pub mod files;
pub mod i18n;
#[cfg(feature = "encryption")]
pub mod passphrase;
pub mod payroll;
pub mod reports;
pub mod shift_csv;
pub mod store;
pub mod summary;
pub mod text;
pub mod timesheet;
pub mod tui;
pub mod ui;

/// Installs color-eyre's report and panic hooks (before anything else, so a
/// panic anywhere is reported; the TUI adds terminal restoring on top).
pub fn install_error_hooks() {
    let _ = color_eyre::config::HookBuilder::default()
        .display_env_section(false)
        .install();
}
