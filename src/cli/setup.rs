//! `bpa init` and `bpa demo`.

use super::args::InitArgs;
use super::output::emit;
use super::{Context, Failure, Outcome, date_arg, opt_date_arg};
use crate::domain::parse;
use crate::domain::people::Representative;
use crate::store::{NewAllocation, NewRecipient};

pub fn init(ctx: &mut Context, a: &InitArgs) -> Outcome {
    let name = ctx
        .recipient
        .clone()
        .ok_or_else(|| Failure::User("name the recipient with --recipient NAME".into()))?;
    let representative = match (&a.arbeidsleder, &a.relation) {
        (Some(name), Some(relation)) => Some(Representative {
            name: name.clone(),
            relation: relation.clone(),
        }),
        _ => None,
    };
    let allocation = match (&a.hours_per_week, &a.from) {
        (Some(hours), Some(from)) => {
            let minutes = parse::hours_to_minutes(hours)
                .map_err(|e| Failure::User(format!("--hours-per-week: {e}")))?;
            let mut new = NewAllocation::new(minutes, date_arg("--from", from)?);
            new.valid_to = opt_date_arg("--to", a.to.as_ref())?;
            new.received_on = opt_date_arg("--received", a.received.as_ref())?;
            Some(new)
        }
        _ => None,
    };
    let new = NewRecipient {
        name: name.clone(),
        representative,
    };
    if let Some(rep) = &new.representative {
        ctx.store.set_actor(&rep.name);
    } else {
        ctx.store.set_actor(&name);
    }
    ctx.store.create_recipient(&new, allocation.as_ref())?;
    ctx.store
        .ensure_task_types(&ctx.lang.default_task_types())?;
    let s = ctx.lang.strings();
    emit(&format!(
        "{}\n",
        s.setup_done
            .replace("{}", &crate::text::clean(new.name.trim()))
    ))
}

pub fn demo(ctx: &mut Context, years: u32, seed: u64, force: bool, dense: bool) -> Outcome {
    let now = crate::clock::now();
    let plan = if dense {
        crate::demo::dense_plan(years, seed, now)
    } else {
        crate::demo::plan(years, seed, now)
    };
    ctx.store.set_actor(
        plan.recipient
            .representative
            .as_ref()
            .map_or("demo", |r| r.name.as_str()),
    );
    ctx.store.load_demo(&plan, force)?;
    emit(&format!(
        "{} ({} · {} shifts, {} log entries)\n",
        ctx.lang.strings().demo_done,
        crate::text::clean(&plan.recipient.name),
        plan.shifts.len(),
        plan.logs.len()
    ))
}
