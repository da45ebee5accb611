//! `bpa export ics`: reads the shifts and names from the store and hands
//! them to `crate::calendar`, which writes the text.

use chrono::Duration;

use super::args::ExportCommand;
use super::output::emit_to;
use super::{Context, Failure, Outcome, opt_date_arg};
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
        Some(name) => Some(super::lookup::assistant_id(ctx, name)?),
        None => None,
    };
    let text = crate::exports::calendar(
        &mut ctx.store,
        &recipient,
        range,
        only,
        with_recipient,
        ctx.lang,
    )?;
    emit_to(ctx, output.as_deref(), &text)
}
