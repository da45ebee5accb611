//! `bpa task`, `bpa training`, `bpa log`, `bpa incident`, `bpa need`,
//! `bpa application` and `bpa appeal`.

use super::args::{
    AppealCommand, ApplicationCommand, IncidentCommand, LogCommand, NeedCommand, RoutineCommand,
    SupervisorCommand, TaskCommand, TrainingCommand,
};
use super::output::{emit, table};
use super::{Context, Failure, Outcome, date_arg, opt_date_arg};
use crate::domain::log::{Category, EntryError, GivenBy, Medication, NewEntry, Outcome as Given};
use crate::domain::parse;
use crate::domain::training::Training;
use crate::store::StoreError;

fn date_time_arg(flag: &str, text: &str, ctx: &Context) -> Result<chrono::NaiveDateTime, Failure> {
    parse::date_time(text).map_err(|e| {
        Failure::User(format!(
            "{flag}: {} (write \"2026-11-26 08:30\")",
            ctx.lang.parse_error(&e)
        ))
    })
}

fn assistant(ctx: &Context, name: &str) -> Result<crate::domain::ids::AssistantId, Failure> {
    ctx.store.assistant_id(name)?.ok_or_else(|| {
        Failure::User(format!(
            "no assistant is called «{}»",
            crate::text::clean(name)
        ))
    })
}

/// A task type by name (case does not matter).
fn task_by_name(ctx: &Context, name: &str) -> Result<crate::domain::log::TaskType, Failure> {
    ctx.store
        .task_types()?
        .into_iter()
        .find(|t| t.name.to_lowercase() == name.trim().to_lowercase())
        .ok_or_else(|| {
            Failure::User(format!(
                "no task type is called «{}»; see `bpa task list`",
                crate::text::clean(name)
            ))
        })
}

fn saved(ctx: &Context) -> Outcome {
    emit(&format!("{}\n", ctx.lang.strings().saved))
}

pub fn task(ctx: &mut Context, command: TaskCommand) -> Outcome {
    match command {
        TaskCommand::Add {
            name,
            category,
            requires,
            medication,
        } => {
            let category = Category::from_code(&category.to_lowercase().replace('-', "_"))
                .ok_or_else(|| Failure::User(format!("«{}» is not a category; use practical, personal_care, activity, training or health", crate::text::clean(&category))))?;
            let requires = requires.map(|c| ctx.store.competence(&c)).transpose()?;
            ctx.store
                .add_task_type(&name, category, requires, medication)?;
            saved(ctx)
        }
        TaskCommand::Edit {
            name,
            rename,
            category,
            requires,
            medication,
            retire,
        } => {
            let task = task_by_name(ctx, &name)?;
            let category = match category {
                Some(c) => Category::from_code(&c.to_lowercase().replace('-', "_")).ok_or_else(|| Failure::User(format!("«{}» is not a category; use practical, personal_care, activity, training or health", crate::text::clean(&c))))?,
                None => task.category,
            };
            let requires = match requires {
                Some(c) if c.trim().is_empty() => None,
                Some(c) => Some(ctx.store.competence(&c)?),
                None => task.requires,
            };
            let new_name = rename.unwrap_or_else(|| task.name.clone());
            ctx.store.edit_task_type(
                task.id,
                &new_name,
                category,
                requires,
                medication.unwrap_or(task.medication),
                !retire,
            )?;
            saved(ctx)
        }
        TaskCommand::List => {
            let competences = ctx.store.competences()?;
            let rows: Vec<Vec<String>> = ctx
                .store
                .task_types()?
                .iter()
                .map(|t| {
                    let requires = t
                        .requires
                        .and_then(|id| competences.iter().find(|(c, _)| *c == id))
                        .map(|(_, n)| n.clone())
                        .unwrap_or_default();
                    vec![
                        t.name.clone(),
                        t.category.code().to_owned(),
                        requires,
                        if t.medication {
                            "✓".into()
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect();
            let s = ctx.lang.strings();
            emit(&table(
                &[s.col_task, s.col_category, s.col_requires, s.col_medication],
                &rows,
                &[],
            ))
        }
    }
}

pub fn training(ctx: &mut Context, command: TrainingCommand) -> Outcome {
    let TrainingCommand::Add {
        assistant: who,
        competence,
        on,
        by,
        renew,
    } = command;
    let t = Training {
        id: 0,
        assistant: assistant(ctx, &who)?,
        competence: ctx.store.competence(&competence)?,
        trained_on: date_arg("--on", &on)?,
        trained_by: by,
        renew_on: opt_date_arg("--renew", renew.as_ref())?,
        notes: String::new(),
    };
    ctx.store.add_training(&t)?;
    saved(ctx)
}

pub fn log(ctx: &mut Context, command: LogCommand) -> Outcome {
    let LogCommand::Add {
        task,
        assistant: who,
        at,
        note,
        drug,
        dose,
        outcome,
        reason,
        given_by,
        planned,
        acknowledge_untrained,
        corrects,
    } = command;
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let task_type = task_by_name(ctx, &task)?;
    let at = match at {
        Some(t) => date_time_arg("--at", &t, ctx)?,
        None => crate::clock::now(),
    };
    let medication = match drug {
        Some(drug) => Some(Medication {
            drug,
            dose,
            planned: planned
                .map(|p| parse::time_of_day(&p).map(|t| at.date().and_time(t)))
                .transpose()
                .map_err(|e| Failure::User(format!("--planned: {}", ctx.lang.parse_error(&e))))?,
            outcome: Given::from_code(&outcome.to_lowercase().replace('-', "_")).ok_or_else(
                || {
                    Failure::User(
                        "--outcome: use given, not_given, refused or not_applicable".into(),
                    )
                },
            )?,
            reason,
            given_by: GivenBy::from_code(&given_by.to_lowercase().replace('-', "_")).ok_or_else(
                || Failure::User("--given-by: use assistant, home_nursing or recipient".into()),
            )?,
        }),
        None if task_type.medication => {
            return Err(Failure::User(
                "a medication entry needs --drug (and --dose, --outcome)".into(),
            ));
        }
        None => None,
    };
    let entry = NewEntry {
        at,
        assistant: who.map(|w| assistant(ctx, &w)).transpose()?,
        task: task_type.id,
        note,
        medication,
        corrects,
    };
    match ctx
        .store
        .add_log_entry(recipient.id, &entry, acknowledge_untrained)
    {
        Err(StoreError::Entry(EntryError::Untrained(status))) => Err(Failure::User(format!(
            "{}; {}",
            ctx.lang.untrained(status),
            if ctx.store.setting("log.refuse_untrained")?.as_deref() == Some("1") {
                "the setting log.refuse_untrained refuses it"
            } else {
                "log it anyway with --acknowledge-untrained"
            }
        ))),
        Err(StoreError::Entry(e)) => Err(Failure::User(ctx.lang.entry_error(&e))),
        other => other.map(|_| ()).map_err(Failure::from),
    }?;
    saved(ctx)
}

pub fn incident(ctx: &mut Context, command: IncidentCommand) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    match command {
        IncidentCommand::Add {
            at,
            what,
            severity,
            action,
            follow_up,
            log_entry,
        } => {
            let at = date_time_arg("--at", &at, ctx)?;
            let new = crate::store::log::NewIncident {
                at,
                what: &what,
                severity: &severity,
                action: &action,
                follow_up: &follow_up,
                log_entry,
            };
            let id = ctx.store.add_incident(recipient.id, &new)?;
            emit(&format!("{} (#{id})\n", ctx.lang.strings().saved))
        }
        IncidentCommand::Close { id, follow_up } => {
            ctx.store.close_incident(id, &follow_up)?;
            saved(ctx)
        }
    }
}

pub fn need(ctx: &mut Context, command: NeedCommand) -> Outcome {
    let NeedCommand::Add {
        at,
        hours,
        what,
        reason,
    } = command;
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let at = date_time_arg("--at", &at, ctx)?;
    let minutes = parse::hours_to_minutes(&hours)
        .map_err(|e| Failure::User(format!("--hours: {}", ctx.lang.parse_error(&e))))?;
    ctx.store
        .add_need(recipient.id, at, minutes, &what, &reason)?;
    saved(ctx)
}

pub fn application(ctx: &mut Context, command: ApplicationCommand) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    match command {
        ApplicationCommand::Add { what, sent } => {
            let id = ctx
                .store
                .add_application(recipient.id, &what, date_arg("--sent", &sent)?)?;
            emit(&format!("{} (#{id})\n", ctx.lang.strings().saved))
        }
        ApplicationCommand::Decide {
            id,
            decision,
            on,
            allocation,
        } => {
            if let Some(a) = allocation
                && !ctx
                    .store
                    .allocations(recipient.id)?
                    .iter()
                    .any(|x| x.id.0 == a)
            {
                return Err(Failure::User(format!(
                    "there is no allocation {a}; see `bpa allocation list --format json`"
                )));
            }
            ctx.store
                .decide_application(id, &decision, date_arg("--on", &on)?)?;
            if let Some(a) = allocation {
                ctx.store.link_decision(id, a)?;
            }
            saved(ctx)
        }
    }
}

pub fn appeal(ctx: &mut Context, command: AppealCommand) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    match command {
        AppealCommand::Add {
            application,
            sent,
            to,
        } => {
            ctx.store
                .add_appeal(recipient.id, application, date_arg("--sent", &sent)?, &to)?;
            saved(ctx)
        }
        AppealCommand::Decide { id, status, on } => {
            ctx.store
                .decide_appeal(id, &status, date_arg("--on", &on)?)?;
            saved(ctx)
        }
    }
}

/// Weekdays from `all`, `1-5`, or a list like `mon,wed` / `man,ons` / `1,3`.
fn weekdays(text: &str) -> Option<Vec<u32>> {
    let t = text.trim().to_lowercase();
    if t == "all" || t == "alle" {
        return Some((1..=7).collect());
    }
    if let Some((a, b)) = t.split_once('-') {
        let (a, b) = (super::rota::weekday(a)?, super::rota::weekday(b)?);
        return (a <= b).then(|| (a..=b).collect());
    }
    t.split(',').map(super::rota::weekday).collect()
}

pub fn routine(ctx: &mut Context, command: RoutineCommand) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let time = |flag: &str, text: &str, ctx: &Context| {
        parse::time_of_day(text)
            .map_err(|e| Failure::User(format!("{flag}: {}", ctx.lang.parse_error(&e))))
    };
    match command {
        RoutineCommand::Add {
            name,
            days,
            from,
            to,
        } => {
            let days = weekdays(&days).ok_or_else(|| {
                Failure::User(format!(
                    "--days: «{}» is not weekdays; write e.g. 1-5 or mon,wed,fri",
                    crate::text::clean(&days)
                ))
            })?;
            let (from, to) = (time("--from", &from, ctx)?, time("--to", &to, ctx)?);
            ctx.store
                .add_routine(recipient.id, &name, &days, from, to)?;
            saved(ctx)
        }
        RoutineCommand::Item {
            name,
            task,
            at,
            label,
        } => {
            let routine = ctx.store.routine_id(recipient.id, &name)?.ok_or_else(|| {
                Failure::User(format!(
                    "no routine is called «{}»",
                    crate::text::clean(&name)
                ))
            })?;
            let task = task_by_name(ctx, &task)?;
            let at = at.map(|a| time("--at", &a, ctx)).transpose()?;
            ctx.store.add_routine_item(routine, task.id, at, &label)?;
            saved(ctx)
        }
        RoutineCommand::List => {
            let tasks = ctx.store.task_types()?;
            let lang = ctx.lang;
            let mut out = String::new();
            for r in ctx.store.routines(recipient.id)? {
                let days: Vec<&str> = r
                    .weekdays
                    .iter()
                    .map(|d| lang.strings().weekdays_short[(*d as usize).clamp(1, 7) - 1])
                    .collect();
                out += &format!(
                    "{} ({} {}–{})\n",
                    crate::text::clean(&r.name),
                    days.join(","),
                    r.start.format("%H:%M"),
                    r.end.format("%H:%M")
                );
                for item in &r.items {
                    let task = tasks
                        .iter()
                        .find(|t| t.id == item.task)
                        .map_or("?", |t| t.name.as_str());
                    let at = item
                        .at
                        .map(|a| a.format("%H:%M").to_string())
                        .unwrap_or_default();
                    out += &format!(
                        "  ☐ {at:5} {} {}\n",
                        crate::text::clean(task),
                        crate::text::clean(&item.label)
                    );
                }
            }
            emit(&out)
        }
    }
}

pub fn supervisor(ctx: &mut Context, command: SupervisorCommand) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    match command {
        SupervisorCommand::Add { name } => {
            ctx.store.add_co_supervisor(recipient.id, &name)?;
            saved(ctx)
        }
        SupervisorCommand::List => {
            let mut out = String::new();
            for name in ctx.store.co_supervisors(recipient.id)? {
                out += &format!("{}\n", crate::text::clean(&name));
            }
            emit(&out)
        }
    }
}
