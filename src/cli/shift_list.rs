//! `bpa shift list`: the shifts of a range with their ids, so the other
//! `bpa shift` commands can name them. Times shown are the ones that count
//! (actual where recorded, and marked so); JSON and CSV carry the plan too.

use chrono::NaiveDateTime;
use serde::Serialize;

use super::args::Format;
use super::output::{emit, emit_json_list, table};
use super::{Context, Failure, Outcome, date_arg, lookup};
use crate::domain::shift::{ActivePeriod, Shift};
use crate::domain::time::{DayRange, Week, elapsed_minutes};

#[derive(Serialize)]
struct PeriodRow {
    start: String,
    end: String,
    minutes: i64,
}

#[derive(Serialize)]
struct ShiftRow {
    id: i64,
    date: String,
    /// The times that count: actual where recorded, else planned.
    start: String,
    end: String,
    planned_start: String,
    planned_end: String,
    actual_times: bool,
    assistant: Option<String>,
    open_shift: bool,
    kind: &'static str,
    status: &'static str,
    minutes: i64,
    active_minutes: i64,
    active_periods: Vec<PeriodRow>,
    note: String,
}

fn stamp(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M").to_string()
}

fn minutes(start: NaiveDateTime, end: NaiveDateTime) -> Result<i64, Failure> {
    elapsed_minutes(start, end).map_err(|e| Failure::System(e.to_string()))
}

fn row(s: &Shift, name: Option<String>) -> Result<ShiftRow, Failure> {
    let (start, end) = s.counted_times();
    let periods = s
        .active
        .iter()
        .map(|p| {
            Ok(PeriodRow {
                start: stamp(p.start),
                end: stamp(p.end),
                minutes: minutes(p.start, p.end)?,
            })
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    Ok(ShiftRow {
        id: s.id.0,
        date: start.date().to_string(),
        start: stamp(start),
        end: stamp(end),
        planned_start: stamp(s.start),
        planned_end: stamp(s.end),
        actual_times: (start, end) != (s.start, s.end),
        open_shift: s.assistant.is_none(),
        assistant: name,
        kind: s.kind.code(),
        status: s.status.code(),
        minutes: minutes(start, end)?,
        active_minutes: periods.iter().map(|p| p.minutes).sum(),
        active_periods: periods,
        note: s.note.clone(),
    })
}

/// `01:10-01:40, 03:00-03:20`, as `--active` takes them.
fn periods_text(periods: &[ActivePeriod]) -> String {
    periods
        .iter()
        .map(|p| format!("{}-{}", p.start.format("%H:%M"), p.end.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Lists the shifts from `from` to `to` (default: this ISO week; `to`
/// defaults to the Sunday of `from`'s week), of one assistant if named.
pub fn list(
    ctx: &Context,
    from: Option<&str>,
    to: Option<&str>,
    assistant: Option<&str>,
    format: Format,
) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let first = match from {
        Some(t) => date_arg("--from", t)?,
        None => Week::containing(crate::clock::today()).monday(),
    };
    let last = match to {
        Some(t) => date_arg("--to", t)?,
        None => Week::containing(first).sunday(),
    };
    if last < first {
        return Err(Failure::User(format!(
            "--to ({last}) is before --from ({first})"
        )));
    }
    let who = assistant
        .map(|n| lookup::assistant_id(ctx, n))
        .transpose()?;
    let names = ctx.store.assistant_names()?;
    let shifts: Vec<Shift> = ctx
        .store
        .shifts_in(recipient.id, DayRange::inclusive(first, last))?
        .into_iter()
        .filter(|s| who.is_none() || s.assistant == who)
        .collect();
    let row_of = |s: &Shift| row(s, s.assistant.and_then(|a| names.get(&a).cloned()));
    let rows = || {
        shifts
            .iter()
            .map(row_of)
            .collect::<Result<Vec<_>, Failure>>()
    };
    match format {
        // A row at a time: ten years of shifts are not held three times over.
        Format::Csv => emit(&csv_text(&shifts, row_of)?),
        Format::Json => {
            let mut failure = None;
            emit_json_list(
                shifts
                    .iter()
                    .map_while(|s| row_of(s).map_err(|e| failure = Some(e)).ok()),
            )?;
            failure.map_or(Ok(()), Err)
        }
        Format::Text => emit(&text(ctx, &rows()?, &shifts, first, last)),
    }
}

fn csv_text(
    shifts: &[Shift],
    row_of: impl Fn(&Shift) -> Result<ShiftRow, Failure>,
) -> Result<String, Failure> {
    let hm = |at: NaiveDateTime| at.format("%H:%M").to_string();
    let mut failure = None;
    let table = shifts.iter().map_while(|s| {
        let r = row_of(s).map_err(|e| failure = Some(e)).ok()?;
        let (start, end) = s.counted_times();
        Some(vec![
            r.id.to_string(),
            r.date.clone(),
            hm(start),
            hm(end),
            hm(s.start),
            hm(s.end),
            r.actual_times.to_string(),
            r.assistant.clone().unwrap_or_default(),
            r.open_shift.to_string(),
            r.kind.to_owned(),
            r.status.to_owned(),
            r.minutes.to_string(),
            r.active_minutes.to_string(),
            periods_text(&s.active),
            r.note,
        ])
    });
    let text = crate::text::csv_text(
        &[
            "id",
            "date",
            "start",
            "end",
            "planned_start",
            "planned_end",
            "actual_times",
            "assistant",
            "open_shift",
            "kind",
            "status",
            "minutes",
            "active_minutes",
            "active_periods",
            "note",
        ],
        table,
    )
    .map_err(Failure::System)?;
    match failure {
        Some(e) => Err(e),
        None => Ok(text),
    }
}

fn text(
    ctx: &Context,
    rows: &[ShiftRow],
    shifts: &[Shift],
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
) -> String {
    let lang = ctx.lang;
    let s = lang.strings();
    if rows.is_empty() {
        return format!(
            "{}\n",
            s.shifts_none
                .replace("{from}", &lang.date(first))
                .replace("{to}", &lang.date(last))
        );
    }
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .zip(shifts)
        .map(|(r, sh)| {
            let (start, end) = sh.counted_times();
            let mark = if r.actual_times { "*" } else { "" };
            let day = start.date();
            vec![
                r.id.to_string(),
                format!(
                    "{} {}",
                    s.weekdays_short
                        [chrono::Datelike::weekday(&day).num_days_from_monday() as usize],
                    lang.date(day)
                ),
                format!("{}{mark}", start.format("%H:%M")),
                format!("{}{mark}", end.format("%H:%M")),
                r.assistant
                    .clone()
                    .unwrap_or_else(|| s.open_shift_label.to_owned()),
                lang.kind(sh.kind).to_owned(),
                lang.status(sh.status).to_owned(),
                lang.hours(r.minutes),
                periods_text(&sh.active),
                r.note.clone(),
            ]
        })
        .collect();
    let mut out = table(
        &[
            s.col_id,
            s.f_date,
            s.f_start,
            s.f_end,
            s.col_assistant,
            s.f_kind,
            s.col_status,
            s.col_hours,
            s.col_active,
            s.col_note,
        ],
        &table_rows,
        &[0, 7],
    );
    if rows.iter().any(|r| r.actual_times) {
        out += s.actual_times_note;
        out.push('\n');
    }
    out
}
