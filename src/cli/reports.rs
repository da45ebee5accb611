//! `bpa holidays` and `bpa report week|month`.

use chrono::Datelike;
use serde::Serialize;

use super::args::{Format, ReportCommand};
use super::output::{csv, emit, json};
use super::{Context, Failure, Outcome};
use crate::domain::holidays;
use crate::domain::time::{Month, Week};
use crate::summary::{Period, Report, report_for};

#[derive(Serialize)]
struct HolidayRow {
    date: String,
    name: &'static str,
}

pub fn holidays(ctx: &Context, year: Option<i32>, format: Format) -> Outcome {
    let year = year.unwrap_or_else(|| crate::clock::today().year());
    if !(1583..=9999).contains(&year) {
        return Err(Failure::User(format!(
            "{year} is outside the Gregorian calendar years bpa knows (1583–9999)"
        )));
    }
    let lang = ctx.lang;
    let list = holidays::holidays(year);
    match format {
        Format::Json => {
            let rows: Vec<HolidayRow> = list
                .iter()
                .map(|(d, h)| HolidayRow {
                    date: d.to_string(),
                    name: lang.holiday(*h),
                })
                .collect();
            emit(&json(&rows)?)
        }
        Format::Csv => {
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|(d, h)| vec![d.to_string(), lang.holiday(*h).to_owned()])
                .collect();
            emit(&csv(&["date", "name"], &rows)?)
        }
        Format::Text => {
            let mut out = String::new();
            for (d, h) in list {
                out += &format!(
                    "{:<10} {:<10} {}\n",
                    lang.weekday_long(d),
                    lang.date(d),
                    lang.holiday(h)
                );
            }
            emit(&out)
        }
    }
}

#[derive(Serialize)]
struct AssistantMinutes {
    name: Option<String>,
    minutes: i64,
}

#[derive(Serialize)]
struct ReportJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    week: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<String>,
    from: String,
    to: String,
    purpose: Option<String>,
    allocated_minutes: i64,
    scheduled_minutes: i64,
    worked_minutes: i64,
    remaining_minutes: i64,
    flex_balance_minutes: Option<i64>,
    flex_left_in_period_minutes: Option<i64>,
    assistants: Vec<AssistantMinutes>,
}

pub fn report(ctx: &Context, command: ReportCommand) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let today = crate::clock::today();
    let (period, format, purpose) = match command {
        ReportCommand::Health(r) => {
            return super::log_reports::print(ctx, &r, crate::reports::health);
        }
        ReportCommand::Incidents(r) => {
            return super::log_reports::print(ctx, &r, crate::reports::incidents);
        }
        ReportCommand::Training(r) => {
            return super::log_reports::print(ctx, &r, crate::reports::training);
        }
        ReportCommand::Need(r) => return super::log_reports::print(ctx, &r, crate::reports::need),
        ReportCommand::Week {
            week,
            format,
            purpose,
        } => {
            let w = match week {
                Some(text) => Week::parse(&text).ok_or_else(|| {
                    Failure::User(format!(
                        "«{}» is not a week; write YYYY-Www, e.g. 2026-W48",
                        crate::text::clean(&text)
                    ))
                })?,
                None => Week::containing(today),
            };
            (Period::Week(w), format, purpose)
        }
        ReportCommand::Month {
            month,
            format,
            purpose,
        } => {
            let m = match month {
                Some(text) => Month::parse(&text).ok_or_else(|| {
                    Failure::User(format!(
                        "«{}» is not a month; write YYYY-MM, e.g. 2026-11",
                        crate::text::clean(&text)
                    ))
                })?,
                None => Month::containing(today),
            };
            (Period::Month(m), format, purpose)
        }
    };
    if let Some(p) = &purpose
        && !ctx
            .store
            .allocations(recipient.id)?
            .iter()
            .any(|a| a.purpose.eq_ignore_ascii_case(p.trim()))
    {
        return Err(Failure::User(format!(
            "no allocation has the purpose «{}»",
            crate::text::clean(p)
        )));
    }
    let rep = report_for(
        &ctx.store,
        recipient.id,
        period,
        purpose.as_deref().map(str::trim),
    )?;
    match format {
        Format::Json => emit(&json(&to_json(&rep))?),
        Format::Csv => emit(&to_csv(&rep)?),
        Format::Text => emit(&crate::summary::to_text(&rep, ctx.lang)),
    }
}

fn period_label(period: Period) -> (Option<String>, Option<String>) {
    match period {
        Period::Week(w) => (Some(w.to_string()), None),
        Period::Month(m) => (None, Some(m.to_string())),
    }
}

fn to_json(rep: &Report) -> ReportJson {
    let (week, month) = period_label(rep.period);
    let days = rep.period.days();
    ReportJson {
        week,
        month,
        from: days.start.to_string(),
        to: days.last().to_string(),
        purpose: rep.purpose.clone(),
        allocated_minutes: rep.figures.allocated,
        scheduled_minutes: rep.figures.scheduled,
        worked_minutes: rep.figures.worked,
        remaining_minutes: rep.figures.remaining(),
        flex_balance_minutes: rep.flex_balance(),
        flex_left_in_period_minutes: (!rep.flex.is_empty())
            .then(|| rep.flex.iter().map(|f| f.left_in_period).sum()),
        assistants: rep
            .assistants
            .iter()
            .map(|(name, minutes)| AssistantMinutes {
                name: name.clone(),
                minutes: *minutes,
            })
            .collect(),
    }
}

fn to_csv(rep: &Report) -> Result<String, Failure> {
    let (week, month) = period_label(rep.period);
    let label = week.or(month).unwrap_or_default();
    let f = &rep.figures;
    let mut rows: Vec<Vec<String>> = [
        ("allocated", f.allocated),
        ("scheduled", f.scheduled),
        ("worked", f.worked),
        ("remaining", f.remaining()),
    ]
    .iter()
    .map(|(name, v)| {
        vec![
            label.clone(),
            (*name).to_owned(),
            String::new(),
            v.to_string(),
        ]
    })
    .collect();
    if let Some(b) = rep.flex_balance() {
        let left: i64 = rep.flex.iter().map(|f| f.left_in_period).sum();
        rows.push(vec![
            label.clone(),
            "flex_balance".into(),
            String::new(),
            b.to_string(),
        ]);
        rows.push(vec![
            label.clone(),
            "flex_left_in_period".into(),
            String::new(),
            left.to_string(),
        ]);
    }
    for (name, minutes) in &rep.assistants {
        rows.push(vec![
            label.clone(),
            "assistant".into(),
            name.clone().unwrap_or_default(),
            minutes.to_string(),
        ]);
    }
    let period_col = if matches!(rep.period, Period::Week(_)) {
        "week"
    } else {
        "month"
    };
    csv(&[period_col, "figure", "assistant", "minutes"], &rows)
}
