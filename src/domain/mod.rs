//! The rules of BPA as pure types and functions: time, allocations, shifts,
//! hours. Nothing here touches SQLite, the terminal or the clock, so every
//! rule can be tested in isolation and reused by the CLI and the TUI alike.

pub mod allocation;
pub mod approval;
pub mod holidays;
pub mod hours;
pub mod ids;
pub mod import;
pub mod log;
pub mod parse;
pub mod pay;
pub mod people;
pub mod rota;
pub mod routines;
pub mod rules;
pub mod services;
pub mod shift;
pub mod time;
pub mod training;
