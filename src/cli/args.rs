//! The command line, as clap definitions. What each command does lives in
//! the sibling modules.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "bpa",
    version,
    about = "Plan, log and account the hours of a BPA arrangement (brukerstyrt personlig assistanse).",
    long_about = "Without a command, bpa opens the full-screen program. The commands below give the same figures for scripts, payroll and tests."
)]
pub struct Cli {
    /// The database file (default: in the platform data directory).
    #[arg(long, global = true, env = "BPA_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Fix today's date (YYYY-MM-DD), for tests and demos.
    #[arg(long, global = true, env = "BPA_TODAY", value_name = "DATE")]
    pub today: Option<String>,
    /// Language of text output and the screen (default: from the locale).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// The recipient to work on, when the database holds more than one.
    #[arg(long, global = true, value_name = "NAME")]
    pub recipient: Option<String>,
    /// Who is acting, for the audit log (default: the arbeidsleder).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub actor: Option<String>,
    /// Colours of the screen (NO_COLOR set means monochrome).
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeChoice>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

pub use crate::ui::theme::ThemeChoice;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Set up a recipient, named with --recipient (the guided start, scripted).
    Init(InitArgs),
    /// Fill an empty database with realistic demo data.
    Demo {
        /// Years of history.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=15))]
        years: u32,
        /// Seed for the generator: the same seed gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Add the demo beside existing data.
        #[arg(long)]
        force: bool,
        /// Care around the clock, 14 shifts a day and 20 assistants over
        /// the years: a large database for measuring speed.
        #[arg(long)]
        dense: bool,
    },
    /// Allocations (vedtak) from the municipality.
    #[command(subcommand)]
    Allocation(AllocationCommand),
    /// Assistants.
    #[command(subcommand)]
    Assistant(AssistantCommand),
    /// Shifts.
    #[command(subcommand)]
    Shift(ShiftCommand),
    /// Import data from files.
    #[command(subcommand)]
    Import(ImportCommand),
    /// The Norwegian public holidays of a year.
    Holidays {
        /// The year (default: this year).
        year: Option<i32>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Reports: allocated, scheduled, worked and remaining hours.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Co-supervisors (medarbeidsledere), who may also be at the keyboard.
    #[command(subcommand)]
    Supervisor(SupervisorCommand),
    /// Task types for the log.
    #[command(subcommand)]
    Task(TaskCommand),
    /// Training records (what an assistant is trained in).
    #[command(subcommand)]
    Training(TrainingCommand),
    /// The shift log: what was done, including medication.
    #[command(subcommand)]
    Log(LogCommand),
    /// Routines: checklists tied to shifts by weekday and time of day.
    #[command(subcommand)]
    Routine(RoutineCommand),
    /// Incidents (avvik).
    #[command(subcommand)]
    Incident(IncidentCommand),
    /// Help that was needed but not given (unmet need).
    #[command(subcommand)]
    Need(NeedCommand),
    /// Applications to the municipality for hours, and their decisions.
    #[command(subcommand)]
    Application(ApplicationCommand),
    /// Appeals of a decision.
    #[command(subcommand)]
    Appeal(AppealCommand),
    /// Check the plan against the rules (exit 1 when any is broken).
    Check {
        /// First day (default: Monday this week).
        #[arg(long)]
        from: Option<String>,
        /// Last day (default: four weeks from the first).
        #[arg(long)]
        to: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Visits by other services (home nursing, day centre, respite care).
    #[command(subcommand)]
    Service(ServiceCommand),
    /// Rotas (turnus): cycles of 1–8 weeks of shift patterns.
    #[command(subcommand)]
    Rota(RotaCommand),
    /// Write timesheets, payroll files, calendars or everything to files.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Approve a month of an assistant's shifts for payroll (locks them).
    Approve(ApproveArgs),
    /// Reopen an approved month, so its shifts can be changed again.
    Unapprove(ApproveArgs),
    /// Make a checked backup copy (default: in `backups/` beside the database).
    Backup {
        /// Where to write the copy.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Replace the data with a backup; the current data is saved first.
    Restore { file: PathBuf },
    /// Check the data itself: integrity, references, invariants, audit log.
    Verify,
    /// Settings, such as the rest-time thresholds of a tariff agreement.
    #[command(subcommand)]
    Setting(SettingCommand),
}

#[derive(Debug, Subcommand)]
pub enum SettingCommand {
    /// Show every setting and its value.
    List,
    /// Set a setting, e.g. `bpa setting set rules.daily_rest_minutes 480`.
    Set { key: String, value: String },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The arbeidsleder, when it is not the recipient.
    #[arg(long, requires = "relation")]
    pub arbeidsleder: Option<String>,
    /// The arbeidsleder's relation to the recipient (mother, guardian, ...).
    #[arg(long, requires = "arbeidsleder")]
    pub relation: Option<String>,
    /// Hours per week of the first allocation.
    #[arg(long, requires = "from")]
    pub hours_per_week: Option<String>,
    /// First day of the first allocation.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of the first allocation.
    #[arg(long)]
    pub to: Option<String>,
    /// Date the decision was received.
    #[arg(long)]
    pub received: Option<String>,
}

pub use super::month_end_args::{
    AgreementChoice, ApproveArgs, ExportCommand, PayrollFormat, SheetFormat, ShiftCommand,
};
pub use crate::reports::Format;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FlexChoice {
    None,
    Month,
    Year,
}

#[derive(Debug, Subcommand)]
pub enum AllocationCommand {
    /// Add an allocation.
    Add {
        /// Hours per week, e.g. 37.5 or 37,5.
        #[arg(long)]
        hours_per_week: String,
        /// First valid day.
        #[arg(long)]
        from: String,
        /// Last valid day (included).
        #[arg(long)]
        to: Option<String>,
        /// Date the decision was received.
        #[arg(long)]
        received: Option<String>,
        /// Appeal deadline (default: received + 3 weeks).
        #[arg(long)]
        appeal_deadline: Option<String>,
        /// Whether unused hours carry over within a month or a year.
        #[arg(long, value_enum, default_value_t = FlexChoice::None)]
        flex: FlexChoice,
        /// What the hours are for (default BPA).
        #[arg(long, default_value = "BPA")]
        purpose: String,
        /// The municipality's case reference.
        #[arg(long, default_value = "")]
        reference: String,
        /// How a sleeping night counts against the allocation (0–2, default 1).
        #[arg(long)]
        sleeping_night_factor: Option<String>,
        /// End the allocation of the same purpose that is in force the day before this one starts.
        #[arg(long)]
        end_previous: bool,
    },
    /// List the allocations.
    List {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum AssistantCommand {
    /// Add an assistant.
    Add {
        name: String,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        email: String,
        /// Date of the police certificate (politiattest).
        #[arg(long)]
        police_certificate: Option<String>,
        /// Date the confidentiality declaration was signed.
        #[arg(long)]
        confidentiality: Option<String>,
        /// Date the employment contract was signed.
        #[arg(long)]
        contract: Option<String>,
        /// The employer's employee number (payroll files need it).
        #[arg(long)]
        employee_number: Option<String>,
    },
    /// Change an assistant; only the options given are changed.
    Edit {
        /// The assistant's current name.
        name: String,
        #[arg(long)]
        rename: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
        /// The employer's employee number ("" for none).
        #[arg(long)]
        employee_number: Option<String>,
        /// Date of the police certificate ("" for none).
        #[arg(long)]
        police_certificate: Option<String>,
        /// Date the confidentiality declaration was signed ("" for none).
        #[arg(long)]
        confidentiality: Option<String>,
        /// Date the employment contract was signed ("" for none).
        #[arg(long)]
        contract: Option<String>,
    },
    /// Mark an assistant as former: kept with their history, offered no more.
    Deactivate { name: String },
    /// List the assistants.
    List {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindChoice {
    Ordinary,
    #[value(alias = "awake_night")]
    AwakeNight,
    #[value(alias = "sleeping_night")]
    SleepingNight,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import shifts from CSV: date,start,end,assistant[,kind][,note]. All or nothing.
    Shifts { file: PathBuf },
    /// Import assistants from CSV: name,phone,email,employee_number,
    /// police_certificate,confidentiality,contract. All or nothing.
    Assistants { file: PathBuf },
    /// Restore a whole `bpa export json` document into an empty database.
    Json { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum SupervisorCommand {
    /// Add a co-supervisor.
    Add { name: String },
    /// List the co-supervisors.
    List,
}

#[derive(Debug, Subcommand)]
pub enum TaskCommand {
    /// Add a task type.
    Add {
        name: String,
        /// practical, personal_care, activity, training or health.
        #[arg(long, default_value = "practical")]
        category: String,
        /// The competence an assistant must be trained in to do it.
        #[arg(long)]
        requires: Option<String>,
        /// Entries record drug, dose and outcome.
        #[arg(long)]
        medication: bool,
    },
    /// Change a task type, or retire it.
    Edit {
        /// The task type's current name.
        name: String,
        #[arg(long)]
        rename: Option<String>,
        #[arg(long)]
        category: Option<String>,
        /// The competence it requires ("" for none).
        #[arg(long)]
        requires: Option<String>,
        /// Whether entries record medication.
        #[arg(long)]
        medication: Option<bool>,
        /// No longer offer it (old entries keep it).
        #[arg(long)]
        retire: bool,
    },
    /// List the task types.
    List,
}

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    /// Record a training.
    Add {
        #[arg(long)]
        assistant: String,
        #[arg(long)]
        competence: String,
        /// The day of the training.
        #[arg(long)]
        on: String,
        /// Who trained them.
        #[arg(long, default_value = "")]
        by: String,
        /// When it must be renewed.
        #[arg(long)]
        renew: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// Log what was done.
    Add {
        /// The task type's name.
        #[arg(long)]
        task: String,
        #[arg(long)]
        assistant: Option<String>,
        /// When, as "YYYY-MM-DD HH:MM" (default: now).
        #[arg(long)]
        at: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        /// For medication: the drug.
        #[arg(long)]
        drug: Option<String>,
        #[arg(long, default_value = "")]
        dose: String,
        /// given, not_given, refused or not_applicable.
        #[arg(long, default_value = "given")]
        outcome: String,
        /// Why it was not given (needed for every outcome but given).
        #[arg(long, default_value = "")]
        reason: String,
        /// assistant, home_nursing or recipient.
        #[arg(long, default_value = "assistant")]
        given_by: String,
        /// The planned time, HH:MM.
        #[arg(long)]
        planned: Option<String>,
        /// Log it even though the assistant lacks valid training for the task.
        #[arg(long)]
        acknowledge_untrained: bool,
        /// The entry this one corrects (both stay in the log).
        #[arg(long)]
        corrects: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoutineCommand {
    /// Create a routine, e.g. `bpa routine add Morgen --days 1-5 --from 07:00 --to 10:00`.
    Add {
        name: String,
        /// Weekdays: mon,tue,… (or man,tir,…), 1-5 for Monday to Friday, or all.
        #[arg(long, default_value = "all")]
        days: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
    },
    /// Add an item to a routine's checklist.
    Item {
        /// The routine's name.
        name: String,
        /// The task type's name.
        #[arg(long)]
        task: String,
        /// When it is due, HH:MM.
        #[arg(long)]
        at: Option<String>,
        #[arg(long, default_value = "")]
        label: String,
    },
    /// List the routines.
    List,
}

#[derive(Debug, Subcommand)]
pub enum IncidentCommand {
    /// Record an incident.
    Add {
        /// When, as "YYYY-MM-DD HH:MM".
        #[arg(long)]
        at: String,
        #[arg(long)]
        what: String,
        /// low, medium or high.
        #[arg(long)]
        severity: String,
        /// What was done at once.
        #[arg(long, default_value = "")]
        action: String,
        #[arg(long, default_value = "")]
        follow_up: String,
        /// The log entry it concerns.
        #[arg(long)]
        log_entry: Option<i64>,
    },
    /// Close an incident when it has been followed up.
    Close {
        id: i64,
        #[arg(long, default_value = "")]
        follow_up: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum NeedCommand {
    /// Record help that was needed but not given.
    Add {
        /// When, as "YYYY-MM-DD HH:MM".
        #[arg(long)]
        at: String,
        /// How long, e.g. 2 or 1,5.
        #[arg(long)]
        hours: String,
        #[arg(long)]
        what: String,
        /// no_hours, no_assistant or other.
        #[arg(long)]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ApplicationCommand {
    /// Record an application sent to the municipality.
    Add {
        #[arg(long)]
        what: String,
        #[arg(long)]
        sent: String,
    },
    /// Record the decision on an application.
    Decide {
        id: i64,
        /// granted, partly or refused.
        #[arg(long)]
        decision: String,
        #[arg(long)]
        on: String,
        /// The allocation the decision gave (its id in `bpa allocation list --format json`).
        #[arg(long)]
        allocation: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AppealCommand {
    /// Record an appeal sent.
    Add {
        /// The application it concerns.
        #[arg(long)]
        application: Option<i64>,
        #[arg(long)]
        sent: String,
        /// municipality or county_governor.
        #[arg(long, default_value = "municipality")]
        to: String,
    },
    /// Record what came of an appeal.
    Decide {
        id: i64,
        /// upheld, changed or withdrawn.
        #[arg(long)]
        status: String,
        #[arg(long)]
        on: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// One ISO week (default: this week).
    Week {
        /// The week as YYYY-Www, e.g. 2026-W48.
        week: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The allocation purpose (default: BPA, or the only one).
        #[arg(long)]
        purpose: Option<String>,
    },
    /// One calendar month (default: this month).
    Month {
        /// The month as YYYY-MM.
        month: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The allocation purpose (default: BPA, or the only one).
        #[arg(long)]
        purpose: Option<String>,
    },
    /// The health task and medication log of a period.
    Health(RangeArgs),
    /// Incidents of a period.
    Incidents(RangeArgs),
    /// The training matrix: assistants × competences, with dates.
    Training(RangeArgs),
    /// The evidence for more hours or an appeal: hours against the allocation,
    /// unmet need, incidents, applications and appeals.
    Need(RangeArgs),
}

#[derive(Debug, Args)]
pub struct RangeArgs {
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum ServiceCommand {
    /// Add a visit by another service, once or weekly.
    Add {
        /// Who comes, e.g. "Hjemmesykepleien".
        #[arg(long)]
        provider: String,
        /// What they do, e.g. "medisin".
        #[arg(long, default_value = "")]
        what: String,
        /// The (first) day.
        #[arg(long)]
        date: String,
        #[arg(long)]
        start: String,
        #[arg(long)]
        end: String,
        /// Every week from the date.
        #[arg(long)]
        weekly: bool,
        /// Last day of a weekly visit.
        #[arg(long, requires = "weekly")]
        until: Option<String>,
    },
    /// List the services.
    List,
}

#[derive(Debug, Subcommand)]
pub enum RotaCommand {
    /// Create a rota of 1–8 weeks.
    Add {
        name: String,
        #[arg(long, default_value_t = 1)]
        weeks: u32,
    },
    /// Add a shift pattern to a rota.
    Slot {
        /// The rota's name.
        name: String,
        /// Week of the cycle (1 = the first).
        #[arg(long, default_value_t = 1)]
        week: u32,
        /// Weekday: mon, tue, wed, thu, fri, sat, sun (or man, tir, ons, tor, fre, lør, søn, or 1–7).
        #[arg(long)]
        day: String,
        #[arg(long)]
        start: String,
        #[arg(long)]
        end: String,
        #[arg(long, value_enum, default_value_t = KindChoice::Ordinary)]
        kind: KindChoice,
        /// The assistant; leave out for an open shift.
        #[arg(long)]
        assistant: Option<String>,
    },
    /// List the rotas and their patterns.
    List,
    /// Show the hours per week a rota would give against the allocation.
    Preview {
        name: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// A day in the cycle's first week (default: --from), so a rota laid
        /// out a piece at a time keeps its rhythm.
        #[arg(long)]
        cycle_start: Option<String>,
    },
    /// Lay the rota's shifts out over the days; nothing is added twice.
    Apply {
        name: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// A day in the cycle's first week (default: --from).
        #[arg(long)]
        cycle_start: Option<String>,
    },
}
