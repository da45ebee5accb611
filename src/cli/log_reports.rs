//! `bpa report health|incidents|training|need`: the range and recipient
//! from the command line; the reports themselves are in `crate::reports`.

use chrono::Duration;

use super::args::RangeArgs;
use super::output::emit;
use super::{Context, Failure, Outcome, date_arg};
use crate::domain::time::DayRange;

/// The range asked for: default the last four weeks up to today.
fn range(r: &RangeArgs) -> Result<DayRange, Failure> {
    let today = crate::clock::today();
    let to =
        r.to.as_deref()
            .map(|t| date_arg("--to", t))
            .transpose()?
            .unwrap_or(today);
    let from = r
        .from
        .as_deref()
        .map(|t| date_arg("--from", t))
        .transpose()?
        .unwrap_or(to - Duration::days(27));
    if to < from {
        return Err(Failure::User(format!(
            "--to ({to}) is before --from ({from})"
        )));
    }
    Ok(DayRange::inclusive(from, to))
}

/// Prints one of the reports of `crate::reports` for the range asked for.
pub fn print(
    ctx: &Context,
    r: &RangeArgs,
    report: fn(&crate::reports::Source, DayRange, crate::reports::Format) -> crate::reports::Output,
) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let days = range(r)?;
    let source = crate::reports::Source {
        store: &ctx.store,
        recipient: recipient.id,
        recipient_name: &recipient.name,
        lang: ctx.lang,
    };
    emit(&report(&source, days, r.format)?)
}
