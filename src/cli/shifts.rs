//! `bpa shift …`: add, list, worked, absent, edit, delete. Each change goes
//! through the same store functions as the Week screen (one transaction,
//! audited, refused in an approved month); this module only reads the
//! arguments and says what happened.

use super::args::{KindChoice, ShiftCommand};
use super::lookup::{self, clock};
use super::output::emit;
use super::{Context, Failure, Outcome, opt_date_arg};
use crate::domain::ids::ShiftId;
use crate::domain::shift::{actual_times, clock_times, replan};
use crate::store::ShiftFields;
use crate::text::clean;

/// Runs one `bpa shift` command.
pub fn shift(ctx: &mut Context, command: ShiftCommand) -> Outcome {
    match command {
        c @ ShiftCommand::Add { .. } => super::import::add_shift(ctx, c),
        ShiftCommand::List {
            from,
            to,
            assistant,
            format,
        } => super::shift_list::list(
            ctx,
            from.as_deref(),
            to.as_deref(),
            assistant.as_deref(),
            format,
        ),
        ShiftCommand::Worked {
            id,
            start,
            end,
            active,
        } => worked(ctx, id, start.as_deref(), end.as_deref(), &active),
        ShiftCommand::Absent { id, substitute } => absent(ctx, id, substitute.as_deref()),
        ShiftCommand::Edit {
            id,
            assistant,
            date,
            start,
            end,
            kind,
            note,
            active,
        } => edit(
            ctx,
            id,
            &Changes {
                assistant,
                date,
                start,
                end,
                kind,
                note,
                active,
            },
        ),
        ShiftCommand::Delete { id, yes } => delete(ctx, id, yes),
    }
}

/// `bpa shift worked`: the recorded times (actual, else the plan) unless
/// given; active periods replaced when given, else kept on the clock.
fn worked(
    ctx: &mut Context,
    id: i64,
    start: Option<&str>,
    end: Option<&str>,
    active: &[String],
) -> Outcome {
    let lang = ctx.lang;
    let (_, shift) = lookup::shift(ctx, id)?;
    let from = lookup::opt_time("--start", start, lang)?;
    let to = lookup::opt_time("--end", end, lang)?;
    let (start, end) = actual_times(shift.counted_times(), from, to);
    let typed = !active.is_empty();
    let periods = if typed {
        lookup::clock_periods(active, lang)?
    } else {
        clock_times(&shift.active)
    };
    let placed = lookup::place(shift.kind, start, end, &periods, typed)?;
    ctx.store
        .mark_worked(shift.id, Some((start, end)), Some(&placed))?;
    let after = ctx.store.shift(shift.id)?;
    let s = lang.strings();
    let (a, b) = after.counted_times();
    let planned = if after.actual_start.is_some() {
        s.shift_planned_was
            .replace("{}", &clock(after.start, after.end))
    } else {
        String::new()
    };
    let active = if after.active.is_empty() {
        String::new()
    } else {
        s.shift_active_part.replace(
            "{}",
            &after
                .active
                .iter()
                .map(|p| clock(p.start, p.end))
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    emit(&format!(
        "{}\n",
        s.shift_worked
            .replace("{shift}", &s.shift_label.replace("{}", &id.to_string()))
            .replace("{times}", &clock(a, b))
            .replace("{planned}", &planned)
            .replace("{active}", &active)
    ))
}

/// `bpa shift absent`: the shift stays in the history as absent; a
/// substitute gets a shift of their own at the same times.
fn absent(ctx: &mut Context, id: i64, substitute: Option<&str>) -> Outcome {
    let (_, shift) = lookup::shift(ctx, id)?;
    let substitute = match substitute.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => Some(lookup::assistant_id(ctx, name)?),
        None => None,
    };
    let (_, sub) = ctx.store.mark_absent(shift.id, substitute)?;
    let s = ctx.lang.strings();
    let sub_text = match sub {
        Some(sub_id) => {
            let names = ctx.store.assistant_names()?;
            let name = substitute
                .and_then(|a| names.get(&a).cloned())
                .unwrap_or_default();
            s.shift_substitute
                .replace("{name}", &clean(&name))
                .replace("{id}", &sub_id.0.to_string())
        }
        None => s.shift_no_substitute.to_owned(),
    };
    let after = ctx.store.shift(shift.id)?;
    emit(&format!(
        "{}\n",
        s.shift_absent
            .replace("{shift}", &lookup::describe(ctx, &after, false)?)
            .replace("{sub}", &sub_text)
    ))
}

/// What `bpa shift edit` was given; `None` (or no `--active`) keeps.
struct Changes {
    assistant: Option<String>,
    date: Option<String>,
    start: Option<String>,
    end: Option<String>,
    kind: Option<KindChoice>,
    note: Option<String>,
    active: Vec<String>,
}

impl Changes {
    fn is_empty(&self) -> bool {
        self.assistant.is_none()
            && self.date.is_none()
            && self.start.is_none()
            && self.end.is_none()
            && self.kind.is_none()
            && self.note.is_none()
            && self.active.is_empty()
    }
}

/// `bpa shift edit`: changes the plan; a shift moved without a new end
/// keeps its length, and its active periods keep their clock times.
fn edit(ctx: &mut Context, id: i64, c: &Changes) -> Outcome {
    let lang = ctx.lang;
    let (recipient, shift) = lookup::shift(ctx, id)?;
    if c.is_empty() {
        return Err(Failure::User(
            "nothing to change: give at least one of --assistant, --date, --start, --end, --kind, --note, --active".into(),
        ));
    }
    let mut fields = ShiftFields::of(&shift);
    if let Some(name) = &c.assistant {
        fields.assistant = if name.trim().is_empty() {
            None
        } else {
            Some(lookup::assistant_id(ctx, name)?)
        };
    }
    let day = opt_date_arg("--date", c.date.as_ref())?;
    let from = lookup::opt_time("--start", c.start.as_deref(), lang)?;
    let to = lookup::opt_time("--end", c.end.as_deref(), lang)?;
    (fields.start, fields.end) = replan(shift.start, shift.end, day, from, to);
    if let Some(k) = c.kind {
        fields.kind = lookup::kind(k);
    }
    if let Some(note) = &c.note {
        fields.note.clone_from(note);
    }
    // Active periods lie in the times that count: the actual ones when recorded.
    // Moved to another day, the times it was worked move along (the store
    // does the same).
    let days = fields.start.date() - shift.start.date();
    let moved = crate::domain::shift::Shift {
        start: fields.start,
        end: fields.end,
        actual_start: shift.actual_start.map(|t| t + days),
        actual_end: shift.actual_end.map(|t| t + days),
        ..shift.clone()
    };
    let (a, b) = moved.counted_times();
    let typed = !c.active.is_empty();
    let periods = if typed {
        lookup::clock_periods(&c.active, lang)?
    } else {
        clock_times(&shift.active)
    };
    fields.active = lookup::place(fields.kind, a, b, &periods, typed)?;
    ctx.store.edit_shift(shift.id, &fields, Some(&shift))?;
    let after = ctx.store.shift(shift.id)?;
    emit(&format!(
        "{}\n",
        lang.strings()
            .shift_edited
            .replace("{}", &lookup::describe(ctx, &after, true)?)
    ))?;
    super::plan::print_shift_findings(ctx, recipient, &after)
}

/// `bpa shift delete`: asks first at a terminal; a script says `--yes`.
fn delete(ctx: &mut Context, id: i64, yes: bool) -> Outcome {
    let (_, shift) = lookup::shift(ctx, id)?;
    let shown = lookup::describe(ctx, &shift, true)?;
    let s = ctx.lang.strings();
    if !yes {
        emit(&format!("{shown}\n"))?;
        match super::ask(s.delete_question) {
            None => {
                return Err(Failure::User(format!(
                    "{shown}: not deleted; bpa asks first, and standard input is not a terminal: add --yes to delete it"
                )));
            }
            Some(false) => return emit(&format!("{}\n", s.nothing_deleted)),
            Some(true) => {}
        }
    }
    ctx.store.delete_shift(ShiftId(id))?;
    emit(&format!("{}\n", s.shift_deleted.replace("{}", &shown)))
}

#[cfg(test)]
mod tests {
    use crate::cli::is_yes;

    #[test]
    fn yes_in_either_language_and_nothing_else() {
        for a in ["j\n", "Ja", " y ", "YES"] {
            assert!(is_yes(a), "{a}");
        }
        for a in ["", "n", "nei", "no", "jo"] {
            assert!(!is_yes(a), "{a}");
        }
    }
}
