//! `bpa shift add` and `bpa import shifts FILE.csv`.

use chrono::Duration;

use super::args::{ImportCommand, ShiftCommand};
use super::output::emit;
use super::{Context, Failure, Outcome, date_arg};
use crate::domain::parse;
use crate::domain::shift::ShiftStatus;
use crate::store::NewShift;

/// `bpa shift add`.
pub fn add_shift(ctx: &mut Context, command: ShiftCommand) -> Outcome {
    let ShiftCommand::Add {
        assistant,
        date,
        start,
        end,
        kind,
        purpose,
        note,
        active,
    } = command
    else {
        return Err(Failure::System("not an add".into()));
    };
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let day = date_arg("--date", &date)?;
    let allocation = match purpose {
        Some(p) => Some(
            ctx.store
                .allocations(recipient.id)?
                .into_iter()
                .find(|a| a.purpose.eq_ignore_ascii_case(p.trim()) && a.covers(day))
                .ok_or_else(|| {
                    Failure::User(format!(
                        "no «{}» allocation is in force on {day}",
                        crate::text::clean(&p)
                    ))
                })?
                .id,
        ),
        None => None,
    };
    let lang = ctx.lang;
    let start = day.and_time(
        parse::time_of_day(&start)
            .map_err(|e| Failure::User(format!("--start: {}", lang.parse_error(&e))))?,
    );
    let mut end = day.and_time(
        parse::time_of_day(&end)
            .map_err(|e| Failure::User(format!("--end: {}", lang.parse_error(&e))))?,
    );
    if end <= start {
        end += Duration::days(1);
    }
    let kind = super::lookup::kind(kind);
    let periods = super::lookup::clock_periods(&active, lang)?;
    let active = super::lookup::place(kind, start, end, &periods, true)?;
    let new = NewShift {
        line: 0,
        assistant: assistant.unwrap_or_default(),
        allocation,
        start,
        end,
        kind,
        status: ShiftStatus::Planned,
        note,
        active,
    };
    if !new.assistant.trim().is_empty() {
        super::lookup::assistant_id(ctx, &new.assistant)?;
    }
    match ctx.store.add_shift(recipient.id, &new)? {
        Some(id) => {
            emit(&format!("{}\n", lang.strings().saved))?;
            let stored = ctx.store.shift(id)?;
            super::plan::print_shift_findings(ctx, recipient.id, &stored)
        }
        None => emit("That shift is already stored; nothing was added.\n"),
    }
}

pub fn import(ctx: &mut Context, command: ImportCommand) -> Outcome {
    let file = match command {
        ImportCommand::Shifts { file } => file,
        ImportCommand::Assistants { file } => return super::dump::import_assistants(ctx, &file),
        ImportCommand::Json { file } => return super::dump::import_json(ctx, &file),
    };
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let cannot_read =
        |e: std::io::Error| Failure::User(format!("cannot read {}: {e}", file.display()));
    let opened = std::fs::File::open(&file).map_err(cannot_read)?;
    let size = opened.metadata().map_err(cannot_read)?.len();

    let report = |errors: Vec<(usize, String)>| {
        let mut msg = format!(
            "{}: nothing was imported; fix these lines and try again:\n",
            file.display()
        );
        let more = errors.len().saturating_sub(LINES_SHOWN);
        for (line, reason) in errors.into_iter().take(LINES_SHOWN) {
            msg += &format!("  line {line}: {}\n", crate::text::clean(&reason));
        }
        if more > 0 {
            msg += &format!("  and {more} more\n");
        }
        Failure::User(msg.trim_end().to_owned())
    };
    let mut progress = super::progress::Progress::new();
    let reading = super::progress::Reading::new(opened, size, &mut progress);
    let batch = crate::shift_csv::read(reading, ctx.lang)
        .map_err(|errors| report(errors.into_iter().map(|e| (e.line, e.reason)).collect()))?;
    let lines = batch.len();
    let outcome = ctx
        .store
        .import_shifts(recipient.id, &batch, &mut |done| {
            progress.tell(|| format!("Storing: {done} of {lines} lines"));
        })?
        .map_err(report)?;
    let mut msg = format!("Imported {} shifts", outcome.added);
    if outcome.duplicates > 0 {
        msg += &format!(
            "; {} were already stored and were not imported again",
            outcome.duplicates
        );
    }
    if !outcome.new_assistants.is_empty() {
        msg += &format!(
            "; new assistants: {}",
            name_list(&outcome.new_assistants, NAMES_SHOWN)
        );
    }
    emit(&format!("{msg}.\n"))
}

/// How many refused lines an import lists before it says how many more.
const LINES_SHOWN: usize = 50;

/// How many new names an import lists before it says how many more.
const NAMES_SHOWN: usize = 10;

/// The first `shown` names, then how many more there are.
fn name_list(names: &[String], shown: usize) -> String {
    let mut listed: Vec<String> = names
        .iter()
        .take(shown)
        .map(|n| crate::text::clean(n).into_owned())
        .collect();
    if names.len() > shown {
        listed.push(format!("and {} more", names.len() - shown));
    }
    listed.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_of_new_names_is_cut_with_a_count() {
        let names: Vec<String> = (1..=12).map(|i| format!("A{i}")).collect();
        assert_eq!(name_list(&names[..2], 10), "A1, A2");
        assert_eq!(
            name_list(&names, 10),
            "A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, and 2 more"
        );
    }
}
