//! `bpa approve`, `bpa unapprove` and `bpa export payroll`.

use std::path::Path;

use super::args::{ApproveArgs, PayrollFormat};
use super::lookup::assistant as assistant_named;
use super::output::emit;
use super::{Context, Failure, Outcome, ask, month_arg};
use crate::domain::approval::surprises;
use crate::text::clean;

/// What `approve` and `unapprove` are about, with the words to name it.
struct Target {
    recipient: crate::domain::ids::RecipientId,
    assistant: crate::domain::people::Assistant,
    id: crate::domain::ids::AssistantId,
    month: crate::domain::time::Month,
    /// «november 2026» and the cleaned name, for messages.
    label: String,
    name: String,
}

fn target(ctx: &Context, args: &ApproveArgs) -> Result<Target, Failure> {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?.id;
    let assistant = assistant_named(ctx, &args.assistant)?;
    let id = assistant
        .id
        .ok_or_else(|| Failure::System("an assistant without id".into()))?;
    let month = month_arg(&args.month)?;
    Ok(Target {
        recipient,
        id,
        month,
        label: ctx.lang.month_year(month),
        name: clean(&assistant.name).into_owned(),
        assistant,
    })
}

/// A message template filled with the month and the name.
fn say(template: &str, t: &Target) -> String {
    template
        .replace("{month}", &t.label)
        .replace("{name}", &t.name)
}

pub fn approve(ctx: &mut Context, args: &ApproveArgs) -> Outcome {
    let t = target(ctx, args)?;
    let lang = ctx.lang;
    let s = lang.strings();
    if let Some(a) = ctx.store.approval(t.recipient, t.id, t.month)? {
        return Err(Failure::User(
            say(s.already_approved, &t)
                .replace("{when}", &lang.timestamp(&a.approved_at))
                .replace("{who}", &clean(&a.approved_by)),
        ));
    }
    let shifts = crate::timesheet::shifts_of(&ctx.store, t.recipient, t.id, t.month)?;
    let found = surprises(&shifts, &t.assistant.employee_number, crate::clock::now());
    if !found.is_empty() {
        for line in lang.surprise_lines(&found, &t.assistant.name, t.month, usize::MAX) {
            eprintln!("{line}");
        }
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
    ctx.store.approve_month(t.recipient, t.id, t.month)?;
    emit(&format!(
        "{}\n",
        say(s.approved, &t).replace("{count}", &shifts.len().to_string())
    ))
}

pub fn unapprove(ctx: &mut Context, args: &ApproveArgs) -> Outcome {
    let t = target(ctx, args)?;
    let s = ctx.lang.strings();
    if ctx.store.approval(t.recipient, t.id, t.month)?.is_none() {
        return Err(Failure::User(say(s.not_approved, &t)));
    }
    ctx.store.unapprove_month(t.recipient, t.id, t.month)?;
    emit(&format!("{}\n", say(s.unapproved, &t)))
}

pub fn export(
    ctx: &mut Context,
    month: &str,
    format: PayrollFormat,
    run: Option<u32>,
    output: Option<&Path>,
) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let month = month_arg(month)?;
    let system = match format {
        PayrollFormat::Visma => crate::payroll::System::Visma {
            run: run.unwrap_or(month.number()),
        },
        PayrollFormat::Tripletex => crate::payroll::System::Tripletex,
    };
    let text = crate::payroll::build(&ctx.store, &recipient, month, system, ctx.lang)
        .map_err(Failure::User)?;
    super::output::emit_to(ctx, output, &text)
}
