//! `bpa check` (the plan against the rules) and `bpa setting`.

use chrono::Duration;
use serde::Serialize;

use super::args::{Format, SettingCommand};
use super::output::{csv, emit, json};
use super::{Context, Failure, Outcome, date_arg};
use crate::domain::rules::Finding;
use crate::domain::time::{DayRange, Week};
use crate::i18n::Lang;

#[derive(Serialize)]
struct FindingRow {
    rule: &'static str,
    assistant: Option<String>,
    date: String,
    message: String,
}

/// The findings as rows with names and plain-language messages.
fn rows(ctx: &Context, findings: &[Finding]) -> Result<Vec<FindingRow>, Failure> {
    let names = ctx.store.assistant_names()?;
    Ok(findings
        .iter()
        .map(|f| {
            let name = f.assistant.and_then(|a| names.get(&a).cloned());
            FindingRow {
                rule: f.rule.id(),
                message: ctx.lang.finding(f, name.as_deref().unwrap_or("")),
                assistant: name,
                date: f.date.to_string(),
            }
        })
        .collect())
}

pub fn check(ctx: &Context, from: Option<&str>, to: Option<&str>, format: Format) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let start = match from {
        Some(t) => date_arg("--from", t)?,
        None => Week::containing(crate::clock::today()).monday(),
    };
    let last = match to {
        Some(t) => date_arg("--to", t)?,
        None => start + Duration::days(27),
    };
    if last < start {
        return Err(Failure::User(format!(
            "--to ({last}) is before --from ({start})"
        )));
    }
    let findings =
        crate::checks::findings(&ctx.store, recipient.id, DayRange::inclusive(start, last))?;
    let rows = rows(ctx, &findings)?;
    match format {
        Format::Json => emit(&json(&rows)?)?,
        Format::Csv => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.rule.to_owned(),
                        r.assistant.clone().unwrap_or_default(),
                        r.date.clone(),
                        r.message.clone(),
                    ]
                })
                .collect();
            emit(&csv(&["rule", "assistant", "date", "message"], &table)?)?;
        }
        Format::Text => emit(&text(&rows, ctx.lang))?,
    }
    if findings.is_empty() {
        Ok(())
    } else {
        Err(Failure::Quiet(1))
    }
}

fn text(rows: &[FindingRow], lang: Lang) -> String {
    if rows.is_empty() {
        return format!(
            "{}\n",
            lang.strings()
                .no_warnings
                .replace(" denne uken", "")
                .replace(" this week", "")
        );
    }
    let mut out = String::new();
    for r in rows {
        let mark = if r.rule == "overlap" { "✗" } else { "!" };
        out += &format!(
            "{mark} {} [{}] {}\n",
            r.date,
            r.rule,
            crate::text::clean(&r.message)
        );
    }
    out
}

/// Prints the findings that concern a shift just added, for `bpa shift add`.
pub fn print_findings(ctx: &Context, findings: &[Finding]) -> Outcome {
    let rows = rows(ctx, findings)?;
    if rows.is_empty() {
        return Ok(());
    }
    emit(&text(&rows, ctx.lang))
}

/// Prints the findings that concern one shift just added or changed: its
/// own, those of its assistant around it, and those of the whole plan
/// (such as hours over the allocation), as `bpa shift add` does.
pub fn print_shift_findings(
    ctx: &Context,
    recipient: crate::domain::ids::RecipientId,
    shift: &crate::domain::shift::Shift,
) -> Outcome {
    let range = DayRange::inclusive(shift.start.date(), shift.end.date());
    let findings: Vec<_> = crate::checks::findings(&ctx.store, recipient, range)?
        .into_iter()
        .filter(|f| {
            f.shift == Some(shift.id)
                || f.shift.is_none()
                || (f.assistant.is_some() && f.assistant == shift.assistant)
        })
        .collect();
    print_findings(ctx, &findings)
}

pub fn setting(ctx: &mut Context, command: SettingCommand) -> Outcome {
    match command {
        SettingCommand::List => {
            let mut out = String::new();
            for (key, about) in crate::store::settings::KNOWN {
                let value = ctx
                    .store
                    .setting(key)?
                    .unwrap_or_else(|| "(default)".into());
                out += &format!("{key} = {value}    # {about}\n");
            }
            emit(&out)
        }
        SettingCommand::Set { key, value } => {
            ctx.store.set_setting(&key, &value)?;
            emit(&format!("{}\n", ctx.lang.strings().saved))
        }
    }
}
