//! The command line's month-end commands, as clap definitions: shifts as
//! they really went, exports (timesheets, payroll files, calendars,
//! everything) and approval. What each command does lives in the sibling
//! modules.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::args::{Format, KindChoice};

#[derive(Debug, Subcommand)]
pub enum ShiftCommand {
    /// Add a shift (an end at or before the start means the next day).
    Add {
        /// The assistant's name; leave out for an open shift.
        #[arg(long)]
        assistant: Option<String>,
        #[arg(long)]
        date: String,
        #[arg(long)]
        start: String,
        #[arg(long)]
        end: String,
        #[arg(long, value_enum, default_value_t = KindChoice::Ordinary)]
        kind: KindChoice,
        /// The allocation to charge, by purpose (default: the BPA one in force).
        #[arg(long)]
        purpose: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        /// An active period of a sleeping night, HH:MM-HH:MM (repeatable;
        /// only with --kind sleeping-night).
        #[arg(long, value_name = "HH:MM-HH:MM")]
        active: Vec<String>,
    },
    /// List shifts with their ids (default: this week).
    List {
        /// First day (default: Monday this week).
        #[arg(long)]
        from: Option<String>,
        /// Last day, included (default: the Sunday of --from's week).
        #[arg(long)]
        to: Option<String>,
        /// Only this assistant's shifts.
        #[arg(long)]
        assistant: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Mark a shift worked, with the actual times when they differ.
    ///
    /// A time not given stays as recorded (the actual time if one was
    /// recorded, else the plan); a start is the one nearest the planned start
    /// (00:15 for a night planned from 23:00 is the next morning), and an end
    /// at or before the start is the next day.
    Worked {
        /// The shift's id (see `bpa shift list`).
        id: i64,
        /// When the shift actually started, HH:MM.
        #[arg(long)]
        start: Option<String>,
        /// When the shift actually ended, HH:MM.
        #[arg(long)]
        end: Option<String>,
        /// An active period of a sleeping night, HH:MM-HH:MM (repeatable;
        /// replaces those recorded; --active "" removes them; not given keeps them).
        #[arg(long, value_name = "HH:MM-HH:MM")]
        active: Vec<String>,
    },
    /// Mark a shift absent (sick, say), with a substitute's shift if named.
    Absent {
        /// The shift's id (see `bpa shift list`).
        id: i64,
        /// Who takes the shift instead (gets a shift of their own).
        #[arg(long)]
        substitute: Option<String>,
    },
    /// Change a shift's plan; only the options given are changed.
    ///
    /// A shift moved with --date or --start but no --end keeps its length
    /// (22:00–08:00 moved to 23:00 ends 09:00); an end at or before the start
    /// is the next day. Active periods keep their clock times in the moved
    /// shift. Moved to another day, the actual times recorded with
    /// `bpa shift worked` move along by the same number of days.
    Edit {
        /// The shift's id (see `bpa shift list`).
        id: i64,
        /// The assistant ("" for an open shift).
        #[arg(long)]
        assistant: Option<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        start: Option<String>,
        #[arg(long)]
        end: Option<String>,
        #[arg(long, value_enum)]
        kind: Option<KindChoice>,
        #[arg(long)]
        note: Option<String>,
        /// An active period of a sleeping night, HH:MM-HH:MM (repeatable;
        /// replaces those recorded).
        #[arg(long, value_name = "HH:MM-HH:MM")]
        active: Vec<String>,
    },
    /// Delete a shift that has no log entries (asks first at a terminal).
    Delete {
        /// The shift's id (see `bpa shift list`).
        id: i64,
        /// Delete without asking (needed when standard input is not a terminal).
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// One assistant's timesheet for a month, hours split into pay buckets.
    Timesheet {
        #[arg(long)]
        assistant: String,
        /// The month as YYYY-MM.
        #[arg(long)]
        month: String,
        /// Whose supplement windows (default: the setting payroll.agreement).
        #[arg(long, value_enum)]
        agreement: Option<AgreementChoice>,
        #[arg(long, value_enum, default_value_t = SheetFormat::Csv)]
        format: SheetFormat,
        /// The CSV delimiter; ';' also writes hours with a decimal comma.
        #[arg(long, default_value = ",")]
        delimiter: String,
        /// The file to write (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The approved hours of a month for the employer's payroll system.
    Payroll {
        #[arg(long)]
        month: String,
        #[arg(long, value_enum)]
        format: PayrollFormat,
        /// Visma Lønn's payroll run to import into (default: the month's number).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=999))]
        run: Option<u32>,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Shifts as an iCalendar file (RFC 5545) for a phone's calendar.
    Ics {
        /// Only this assistant's shifts.
        #[arg(long)]
        assistant: Option<String>,
        /// First day (default: Monday this week).
        #[arg(long)]
        from: Option<String>,
        /// Last day, included (default: eight weeks on).
        #[arg(long)]
        to: Option<String>,
        /// Name the recipient in each event (a phone calendar is not private).
        #[arg(long)]
        with_recipient: bool,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Everything, every table of every recipient, as one JSON document.
    Json {
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Whose supplement windows a timesheet uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgreementChoice {
    Ks,
    Aml,
    Virke,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    Csv,
    Html,
    Json,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PayrollFormat {
    Visma,
    Tripletex,
}

#[derive(Debug, Args)]
pub struct ApproveArgs {
    #[arg(long)]
    pub assistant: String,
    /// The month as YYYY-MM.
    #[arg(long)]
    pub month: String,
    /// Answer yes to the question (for scripts).
    #[arg(long)]
    pub yes: bool,
}
