//! `bpa approve`, `bpa unapprove` and `bpa export payroll`.

use std::path::Path;

use super::args::{ApproveArgs, PayrollFormat};
use super::lookup::assistant as assistant_named;
use super::output::emit;
use super::{Context, Failure, Outcome, ask, month_arg};
use crate::domain::approval::surprises;
use crate::domain::shift::Shift;
use crate::domain::time::Month;
use crate::text::clean;

/// The assistant's shifts that belong to `month` (by their planned start).
fn shifts_of(
    ctx: &Context,
    recipient: crate::domain::ids::RecipientId,
    assistant: crate::domain::ids::AssistantId,
    month: Month,
) -> Result<Vec<Shift>, Failure> {
    let days = month.days();
    Ok(ctx
        .store
        .shifts_in(recipient, days)?
        .into_iter()
        .filter(|s| s.assistant == Some(assistant) && days.contains(s.start.date()))
        .collect())
}

pub fn approve(ctx: &mut Context, args: &ApproveArgs) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let assistant = assistant_named(ctx, &args.assistant)?;
    let id = assistant
        .id
        .ok_or_else(|| Failure::System("an assistant without id".into()))?;
    let month = month_arg(&args.month)?;
    let lang = ctx.lang;
    let s = lang.strings();
    let label = lang.month_year(month);
    let name = clean(&assistant.name).into_owned();
    if let Some(a) = ctx.store.approval(recipient.id, id, month)? {
        return Err(Failure::User(
            s.already_approved
                .replace("{month}", &label)
                .replace("{name}", &name)
                .replace("{when}", &lang.timestamp(&a.approved_at))
                .replace("{who}", &clean(&a.approved_by)),
        ));
    }
    let shifts = shifts_of(ctx, recipient.id, id, month)?;
    let found = surprises(&shifts, &assistant.employee_number, crate::clock::now());
    if !found.is_empty() {
        let mut out = format!(
            "{}\n",
            s.approve_heading
                .replace("{month}", &label)
                .replace("{name}", &name)
        );
        for f in &found {
            out += &format!("  ! {}\n", lang.surprise(f, &assistant.name));
        }
        eprint!("{out}");
        if !args.yes {
            match ask(s.approve_question) {
                Some(true) => {}
                Some(false) => {
                    emit(&format!("{}\n", s.approve_not_done))?;
                    return Err(Failure::Quiet(1));
                }
                None => return Err(Failure::User(s.approve_needs_yes.to_owned())),
            }
        }
    }
    ctx.store.approve_month(recipient.id, id, month)?;
    emit(&format!(
        "{}\n",
        s.approved
            .replace("{month}", &label)
            .replace("{name}", &name)
            .replace("{count}", &shifts.len().to_string())
    ))
}

pub fn unapprove(ctx: &mut Context, args: &ApproveArgs) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let assistant = assistant_named(ctx, &args.assistant)?;
    let id = assistant
        .id
        .ok_or_else(|| Failure::System("an assistant without id".into()))?;
    let month = month_arg(&args.month)?;
    let lang = ctx.lang;
    let s = lang.strings();
    let label = lang.month_year(month);
    let name = clean(&assistant.name).into_owned();
    if ctx.store.approval(recipient.id, id, month)?.is_none() {
        return Err(Failure::User(
            s.not_approved
                .replace("{month}", &label)
                .replace("{name}", &name),
        ));
    }
    ctx.store.unapprove_month(recipient.id, id, month)?;
    emit(&format!(
        "{}\n",
        s.unapproved
            .replace("{month}", &label)
            .replace("{name}", &name)
    ))
}

pub fn export(
    ctx: &mut Context,
    month: &str,
    format: PayrollFormat,
    output: Option<&Path>,
) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let month = month_arg(month)?;
    let system = match format {
        PayrollFormat::Visma => crate::payroll::System::Visma,
        PayrollFormat::Tripletex => crate::payroll::System::Tripletex,
    };
    let text = crate::payroll::build(&ctx.store, &recipient, month, system, ctx.lang)
        .map_err(Failure::User)?;
    super::output::emit_to(ctx.lang, output, &text)
}
