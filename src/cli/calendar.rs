//! `bpa export ics`: reads the shifts and names from the store and hands
//! them to `crate::calendar`, which writes the text.

use chrono::{Duration, TimeZone, Utc};

use super::args::ExportCommand;
use super::output::emit_to;
use super::{Context, Failure, Outcome, opt_date_arg};
use crate::calendar::{self, Event};
use crate::domain::time::{DayRange, Week};

/// How far the default range reaches: from Monday this week, eight weeks.
const DEFAULT_WEEKS: i64 = 8;

pub fn export(ctx: &mut Context, command: ExportCommand) -> Outcome {
    let ExportCommand::Ics {
        assistant,
        from,
        to,
        with_recipient,
        output,
    } = command
    else {
        return Err(Failure::System("not an ics export".into()));
    };
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let monday = Week::containing(crate::clock::today()).monday();
    let first = opt_date_arg("--from", from.as_ref())?.unwrap_or(monday);
    let range = match opt_date_arg("--to", to.as_ref())? {
        Some(last) if last < first => {
            return Err(Failure::User(format!(
                "--to {last} is before --from {first}"
            )));
        }
        Some(last) => DayRange::inclusive(first, last),
        None => DayRange::new(first, first + Duration::weeks(DEFAULT_WEEKS)),
    };
    let only = match assistant.as_deref() {
        Some(name) => Some(ctx.store.assistant_id(name)?.ok_or_else(|| {
            Failure::User(format!(
                "no assistant is called «{}»",
                crate::text::clean(name)
            ))
        })?),
        None => None,
    };
    let token = ctx.store.calendar_token()?;
    let names = ctx.store.assistant_names()?;
    let changes = ctx.store.changes_per_row("shift")?;
    let shifts: Vec<_> = ctx
        .store
        .shifts_in(recipient.id, range)?
        .into_iter()
        .filter(|s| only.is_none() || s.assistant == only)
        .collect();
    let events: Vec<Event> = shifts
        .iter()
        .map(|s| Event {
            shift: s,
            assistant: s.assistant.and_then(|a| names.get(&a)).map(String::as_str),
            recipient: with_recipient.then_some(recipient.name.as_str()),
            sequence: changes.get(&s.id.0).map_or(0, |n| n - 1),
        })
        .collect();
    let stamp = stamp()?;
    let text = calendar::build(&events, &token, stamp, ctx.lang);
    emit_to(ctx.lang, output.as_deref(), &text)
}

/// Now in UTC, through the one clock (so a fixed `--today` fixes it too).
fn stamp() -> Result<chrono::DateTime<Utc>, Failure> {
    let text = crate::clock::now_utc_text();
    chrono::NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%SZ")
        .map(|t| Utc.from_utc_datetime(&t))
        .map_err(|e| Failure::System(format!("the clock: {e}")))
}
