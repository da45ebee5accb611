//! `bpa service ...` (other services' visits) and `bpa rota ...` (turnus).

use chrono::Duration;

use super::args::{KindChoice, RotaCommand, ServiceCommand};
use super::output::{emit, table};
use super::{Context, Failure, Outcome, date_arg, opt_date_arg};
use crate::domain::allocation::Allocation;
use crate::domain::hours::figures;
use crate::domain::ids::ShiftId;
use crate::domain::parse;
use crate::domain::rota::{Planned, Slot, lay_out_from};
use crate::domain::services::Service;
use crate::domain::shift::{Shift, ShiftKind, ShiftStatus};
use crate::domain::time::{DayRange, Week};

fn time_arg(flag: &str, text: &str, ctx: &Context) -> Result<chrono::NaiveTime, Failure> {
    parse::time_of_day(text)
        .map_err(|e| Failure::User(format!("{flag}: {}", ctx.lang.parse_error(&e))))
}

fn kind(k: KindChoice) -> ShiftKind {
    match k {
        KindChoice::Ordinary => ShiftKind::Ordinary,
        KindChoice::AwakeNight => ShiftKind::AwakeNight,
        KindChoice::SleepingNight => ShiftKind::SleepingNight,
    }
}

/// A weekday from English or Norwegian names, or 1–7 (Monday first).
pub(super) fn weekday(text: &str) -> Option<u32> {
    let t = text.trim().to_lowercase();
    let names = [
        ["mon", "man"],
        ["tue", "tir"],
        ["wed", "ons"],
        ["thu", "tor"],
        ["fri", "fre"],
        ["sat", "lør"],
        ["sun", "søn"],
    ];
    if let Ok(n) = t.parse::<u32>() {
        return (1..=7).contains(&n).then_some(n);
    }
    names
        .iter()
        .position(|pair| pair.iter().any(|p| t.starts_with(p)))
        .map(|i| i as u32 + 1)
}

pub fn service(ctx: &mut Context, command: ServiceCommand) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    match command {
        ServiceCommand::Add {
            provider,
            what,
            date,
            start,
            end,
            weekly,
            until,
        } => {
            let s = Service {
                id: 0,
                provider,
                what,
                first_day: date_arg("--date", &date)?,
                start: time_arg("--start", &start, ctx)?,
                end: time_arg("--end", &end, ctx)?,
                weekly,
                last_day: opt_date_arg("--until", until.as_ref())?,
            };
            ctx.store.add_service(recipient.id, &s)?;
            emit(&format!("{}\n", ctx.lang.strings().saved))
        }
        ServiceCommand::List => {
            let lang = ctx.lang;
            let rows: Vec<Vec<String>> = ctx
                .store
                .services(recipient.id)?
                .iter()
                .map(|s| {
                    let when = if s.weekly {
                        let until = s
                            .last_day
                            .map(|d| format!(" – {}", lang.date(d)))
                            .unwrap_or_default();
                        format!(
                            "{} {}{until}",
                            lang.weekday_long(s.first_day),
                            lang.date(s.first_day)
                        )
                    } else {
                        lang.date(s.first_day)
                    };
                    vec![
                        s.provider.clone(),
                        s.what.clone(),
                        when,
                        format!("{}–{}", s.start.format("%H:%M"), s.end.format("%H:%M")),
                    ]
                })
                .collect();
            let st = lang.strings();
            emit(&table(
                &[st.service_provider, st.service_what, st.f_date, st.col_time],
                &rows,
                &[],
            ))
        }
    }
}

/// The rota's shifts as shifts, for figures (not stored).
fn as_shifts(planned: &[Planned]) -> Vec<Shift> {
    planned
        .iter()
        .enumerate()
        .map(|(i, p)| Shift {
            id: ShiftId(-(i as i64) - 1),
            assistant: p.assistant,
            allocation: None,
            start: p.start,
            end: p.end,
            actual_start: None,
            actual_end: None,
            kind: p.kind,
            status: ShiftStatus::Planned,
            note: String::new(),
            active: Vec::new(),
        })
        .collect()
}

fn preview(
    ctx: &Context,
    allocations: &[Allocation],
    existing: &[Shift],
    planned: &[Planned],
    range: DayRange,
) -> String {
    let lang = ctx.lang;
    let s = lang.strings();
    let from_rota = as_shifts(planned);
    let mut rows = Vec::new();
    let mut week = Week::containing(range.start);
    while week.monday() < range.end {
        let days = week.days().intersect(range).unwrap_or(week.days());
        let now = figures(days, allocations, existing);
        let rota = figures(days, allocations, &from_rota);
        let left = now.allocated - now.scheduled - rota.scheduled;
        let mark = if left < 0 { " ▲" } else { "" };
        rows.push(vec![
            s.week_n.replace("{}", &week.number().to_string()),
            lang.hours(now.allocated),
            lang.hours(now.scheduled),
            lang.hours(rota.scheduled),
            format!("{}{mark}", lang.hours(left)),
        ]);
        week = week.next();
    }
    table(
        &[
            s.col_week,
            s.allocated,
            s.scheduled,
            s.from_rota,
            s.remaining,
        ],
        &rows,
        &[1, 2, 3, 4],
    )
}

pub fn rota(ctx: &mut Context, command: RotaCommand) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let find = |ctx: &Context, name: &str| {
        ctx.store.rota(recipient.id, name)?.ok_or_else(|| {
            Failure::User(format!(
                "no rota is called «{}»; see `bpa rota list`",
                crate::text::clean(name)
            ))
        })
    };
    match command {
        RotaCommand::Add { name, weeks } => {
            ctx.store.add_rota(recipient.id, &name, weeks)?;
            emit(&format!("{}\n", ctx.lang.strings().saved))
        }
        RotaCommand::Slot {
            name,
            week,
            day,
            start,
            end,
            kind: k,
            assistant,
        } => {
            let rota = find(ctx, &name)?;
            let weekday = weekday(&day).ok_or_else(|| {
                Failure::User(format!(
                    "--day: «{}» is not a weekday; write mon–sun or 1–7",
                    crate::text::clean(&day)
                ))
            })?;
            let assistant = match assistant {
                Some(n) => Some(ctx.store.assistant_id(&n)?.ok_or_else(|| {
                    Failure::User(format!(
                        "no assistant is called «{}»",
                        crate::text::clean(&n)
                    ))
                })?),
                None => None,
            };
            let slot = Slot {
                cycle_week: week,
                weekday,
                start: time_arg("--start", &start, ctx)?,
                end: time_arg("--end", &end, ctx)?,
                kind: kind(k),
                assistant,
            };
            ctx.store.add_rota_slot(&rota, &slot)?;
            emit(&format!("{}\n", ctx.lang.strings().saved))
        }
        RotaCommand::List => {
            let lang = ctx.lang;
            let names = ctx.store.assistant_names()?;
            let mut out = String::new();
            for (name, weeks) in ctx.store.rota_names(recipient.id)? {
                out += &format!("{} ({weeks})\n", crate::text::clean(&name));
                if let Some(rota) = ctx.store.rota(recipient.id, &name)? {
                    for s in &rota.slots {
                        let who = s
                            .assistant
                            .and_then(|a| names.get(&a))
                            .map_or(lang.strings().open_shift_label, String::as_str);
                        out += &format!(
                            "  {} {} {}–{} {} {}\n",
                            s.cycle_week,
                            lang.strings().weekdays_short[(s.weekday - 1) as usize],
                            s.start.format("%H:%M"),
                            s.end.format("%H:%M"),
                            lang.kind(s.kind),
                            crate::text::clean(who)
                        );
                    }
                }
            }
            emit(&out)
        }
        RotaCommand::Preview {
            name,
            from,
            to,
            cycle_start,
        } => {
            let rota = find(ctx, &name)?;
            let range = DayRange::inclusive(date_arg("--from", &from)?, date_arg("--to", &to)?);
            let start = opt_date_arg("--cycle-start", cycle_start.as_ref())?.unwrap_or(range.start);
            let planned = lay_out_from(&rota, range, start);
            let allocations = ctx.store.allocations(recipient.id)?;
            let existing = ctx.store.shifts_in(
                recipient.id,
                DayRange::new(range.start - Duration::days(7), range.end),
            )?;
            emit(&preview(ctx, &allocations, &existing, &planned, range))
        }
        RotaCommand::Apply {
            name,
            from,
            to,
            cycle_start,
        } => {
            let rota = find(ctx, &name)?;
            let range = DayRange::inclusive(date_arg("--from", &from)?, date_arg("--to", &to)?);
            let (added, skipped) = ctx.store.apply_rota(
                recipient.id,
                &lay_out_from(
                    &rota,
                    range,
                    opt_date_arg("--cycle-start", cycle_start.as_ref())?.unwrap_or(range.start),
                ),
            )?;
            let added = added.len();
            let s = ctx.lang.strings();
            emit(&format!(
                "{}\n",
                s.rota_applied
                    .replacen("{}", &added.to_string(), 1)
                    .replacen("{}", &skipped.to_string(), 1)
            ))
        }
    }
}
