//! The command line: parse, open the store, run a command or the TUI, and
//! turn every outcome into an exit code (0 ok, 1 wrong input, 2 anything else).

pub mod args;
mod assistant_edit;
mod calendar;
mod dump;
mod exports;
mod import;
mod journal;
mod log_reports;
mod lookup;
mod month_end_args;
mod output;
mod payroll;
mod people;
mod plan;
mod progress;
mod reports;
mod rota;
mod safety;
mod setup;
mod shift_list;
mod shifts;
mod timesheet;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use crate::i18n::Lang;
use crate::store::{Store, StoreError, create_private_dir};
use args::{Cli, Command};

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    /// The user's input was wrong (exit code 1).
    User(String),
    /// Anything else (exit code 2).
    System(String),
    /// The output already said it all; exit with this code.
    Quiet(u8),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        if e.is_user_error() {
            Self::User(e.to_string())
        } else {
            Self::System(e.to_string())
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Self::System(e.to_string())
    }
}

pub type Outcome = Result<(), Failure>;

/// What every command gets: the open store and the user's choices.
pub struct Context {
    pub store: Store,
    pub lang: Lang,
    pub recipient: Option<String>,
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(1),
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::User(msg)) => {
            eprintln!("bpa: {}", shown(&msg));
            ExitCode::from(1)
        }
        Err(Failure::System(msg)) => {
            eprintln!("bpa: {}", shown(&msg));
            ExitCode::from(2)
        }
        Err(Failure::Quiet(code)) => ExitCode::from(code),
    }
}

/// A message made safe line by line, so a list of refused lines stays a
/// list (cleaning the whole would show each line break as `␊`).
fn shown(msg: &str) -> String {
    msg.lines()
        .map(|l| crate::text::clean(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The database path: `--db`/`BPA_DB`, else `bpa.db` in the platform data
/// directory (created 0700).
fn database_path(cli: &Cli) -> Result<PathBuf, Failure> {
    if let Some(path) = &cli.db {
        return Ok(path.clone());
    }
    let dirs = directories::ProjectDirs::from("no", "bpa", "bpa").ok_or_else(|| {
        Failure::System(
            "cannot find a home directory for the data; give a file with --db PATH".into(),
        )
    })?;
    let dir = dirs.data_dir();
    create_private_dir(dir).map_err(|e| {
        Failure::System(format!(
            "cannot create the data folder {}: {e}",
            dir.display()
        ))
    })?;
    Ok(dir.join("bpa.db"))
}

fn run(cli: Cli) -> Outcome {
    if let Some(text) = &cli.today {
        let day = crate::domain::parse::date(text)
            .map_err(|e| Failure::User(format!("--today / BPA_TODAY: {e}")))?;
        crate::clock::fix_today(day);
    }
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let path = database_path(&cli)?;
    let mut store = open_store(&path)?;
    tell_made_private(&store, lang);
    if let Some(actor) = &cli.actor {
        store.set_actor(actor);
    } else if let Ok(r) = store.pick_recipient(cli.recipient.as_deref()) {
        store.set_actor(r.arbeidsleder());
    }
    let Some(command) = cli.command else {
        return crate::tui::run(store, lang, cli.theme, cli.recipient.as_deref())
            .map_err(|e| Failure::System(format!("{e:#}")));
    };
    let mut ctx = Context {
        store,
        lang,
        recipient: cli.recipient,
    };
    match command {
        Command::Init(a) => setup::init(&mut ctx, &a),
        Command::Demo {
            years,
            seed,
            force,
            dense,
        } => setup::demo(&mut ctx, years, seed, force, dense),
        Command::Allocation(c) => people::allocation(&mut ctx, c),
        Command::Assistant(c) => people::assistant(&mut ctx, c),
        Command::Shift(c) => shifts::shift(&mut ctx, c),
        Command::Import(c) => import::import(&mut ctx, c),
        Command::Holidays { year, format } => reports::holidays(&ctx, year, format),
        Command::Report(c) => reports::report(&ctx, c),
        Command::Check { from, to, format } => {
            plan::check(&ctx, from.as_deref(), to.as_deref(), format)
        }
        Command::Setting(c) => plan::setting(&mut ctx, c),
        Command::Service(c) => rota::service(&mut ctx, c),
        Command::Task(c) => journal::task(&mut ctx, c),
        Command::Supervisor(c) => journal::supervisor(&mut ctx, c),
        Command::Training(c) => journal::training(&mut ctx, c),
        Command::Log(c) => journal::log(&mut ctx, c),
        Command::Incident(c) => journal::incident(&mut ctx, c),
        Command::Routine(c) => journal::routine(&mut ctx, c),
        Command::Need(c) => journal::need(&mut ctx, c),
        Command::Application(c) => journal::application(&mut ctx, c),
        Command::Appeal(c) => journal::appeal(&mut ctx, c),
        Command::Backup { output } => safety::backup(&ctx, output.as_deref()),
        Command::Restore { file } => safety::restore(&mut ctx, &file),
        Command::Verify => safety::verify(&ctx),
        Command::Rota(c) => rota::rota(&mut ctx, c),
        Command::Export(c) => exports::export(&mut ctx, c),
        Command::Approve(a) => payroll::approve(&mut ctx, &a),
        Command::Unapprove(a) => payroll::unapprove(&mut ctx, &a),
    }
}

/// Makes the database, its journal files and the backups private to the
/// user when another user could read them, and says so (once: the next
/// start finds them private).
fn tell_made_private(store: &Store, lang: Lang) {
    let Some(db) = store.path() else {
        return;
    };
    let journal = |suffix: &str| {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    };
    let files = [db.to_path_buf(), journal("-wal"), journal("-shm")];
    let folders: Vec<PathBuf> = store.backup_dir().into_iter().collect();
    for changed in crate::files::tighten(&files, &folders) {
        eprintln!(
            "bpa: {}",
            lang.strings()
                .made_private
                .replace("{}", &crate::text::clean(&changed.display().to_string()))
        );
    }
}

/// Opens the database; an encrypted build asks for the passphrase first.
fn open_store(path: &std::path::Path) -> Result<Store, Failure> {
    #[cfg(feature = "encryption")]
    {
        let passphrase =
            crate::passphrase::get().map_err(|e| Failure::System(format!("passphrase: {e}")))?;
        Store::open_with_passphrase(path, &passphrase).map_err(|e| Failure::System(e.to_string()))
    }
    #[cfg(not(feature = "encryption"))]
    {
        Store::open(path).map_err(|e| Failure::System(e.to_string()))
    }
}

/// Parses a `--month YYYY-MM` argument.
pub(crate) fn month_arg(text: &str) -> Result<crate::domain::time::Month, Failure> {
    crate::domain::time::Month::parse(text).ok_or_else(|| {
        Failure::User(format!(
            "--month: «{}» is not a month; write YYYY-MM, e.g. 2026-11",
            crate::text::clean(text.trim())
        ))
    })
}

/// Asks a yes/no question on the terminal. Without a terminal there is no
/// one to ask: `None`, and the caller says how to answer for scripts.
pub(crate) fn ask(question: &str) -> Option<bool> {
    use std::io::{BufRead, IsTerminal, Write};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return None;
    }
    let mut err = std::io::stderr();
    let _ = write!(err, "{question} ");
    let _ = err.flush();
    let mut line = String::new();
    stdin.lock().read_line(&mut line).ok()?;
    Some(is_yes(&line))
}

/// A yes in Norwegian or English: `j`, `ja`, `y`, `yes`.
fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "j" | "ja" | "y" | "yes"
    )
}

/// Parses a date argument, naming the flag on error.
pub(crate) fn date_arg(flag: &str, text: &str) -> Result<chrono::NaiveDate, Failure> {
    crate::domain::parse::date(text).map_err(|e| Failure::User(format!("{flag}: {e}")))
}

/// Parses an optional date argument.
pub(crate) fn opt_date_arg(
    flag: &str,
    text: Option<&String>,
) -> Result<Option<chrono::NaiveDate>, Failure> {
    text.map(|t| date_arg(flag, t)).transpose()
}
