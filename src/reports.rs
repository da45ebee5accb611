//! The reports for a doctor, home nursing or the municipality: the health
//! log, incidents, the training matrix and the evidence of need, as text,
//! JSON or CSV. The command line prints them; the Reports screen shows them.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::hours::figures;
use crate::domain::ids::RecipientId;
use crate::domain::time::{DayRange, Week};
use crate::domain::training::status;
use crate::i18n::Lang;
use crate::store::{Store, StoreError};
use crate::text::{csv_text as csv, json_text as json, table};

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
}

/// A report's text, or why it could not be made.
pub type Output = Result<String, StoreError>;

/// What a report is made from.
pub struct Source<'a> {
    pub store: &'a Store,
    pub recipient: RecipientId,
    pub recipient_name: &'a str,
    pub lang: Lang,
}

/// Writes rows as a table, CSV or JSON.
fn write<T: Serialize>(
    format: Format,
    title: &str,
    header: &[&str],
    rows: &[Vec<String>],
    items: &T,
) -> Output {
    match format {
        Format::Json => json(items).map_err(StoreError::Invalid),
        Format::Csv => csv(header, rows).map_err(StoreError::Invalid),
        Format::Text => Ok(format!("{title}\n\n{}", table(header, rows, &[]))),
    }
}

#[derive(Serialize)]
struct HealthRow {
    id: i64,
    at: String,
    assistant: Option<String>,
    task: String,
    drug: Option<String>,
    dose: Option<String>,
    planned: Option<String>,
    outcome: Option<String>,
    reason: Option<String>,
    given_by: Option<String>,
    note: String,
    corrects: Option<i64>,
    corrected_by: Option<i64>,
}

pub fn health(src: &Source, days: DayRange, format: Format) -> Output {
    let lang = src.lang;
    let items: Vec<HealthRow> = src
        .store
        .log_lines(src.recipient, days)?
        .into_iter()
        .filter(|l| l.health)
        .map(|l| HealthRow {
            id: l.id,
            at: l.at.format("%Y-%m-%d %H:%M").to_string(),
            assistant: l.assistant,
            task: l.task,
            drug: l.medication,
            dose: l.dose,
            planned: l.planned.map(|p| p.format("%H:%M").to_string()),
            outcome: l.outcome,
            reason: l.reason,
            given_by: l.given_by,
            note: l.note,
            corrects: l.corrects,
            corrected_by: l.corrected_by,
        })
        .collect();
    let s = lang.strings();
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|h| {
            let mut what = [
                h.drug.clone().unwrap_or_default(),
                h.dose.clone().unwrap_or_default(),
            ]
            .join(" ")
            .trim()
            .to_owned();
            if let Some(o) = &h.outcome {
                what += &format!(" · {}", lang.outcome(o));
            }
            if let Some(reason) = &h.reason {
                what += &format!(" ({reason})");
            }
            let mark = match (h.corrects, h.corrected_by) {
                (Some(old), _) => format!("#{} ⟲ #{old}", h.id),
                (_, Some(_)) => format!("#{} ✎", h.id),
                _ => format!("#{}", h.id),
            };
            vec![
                mark,
                h.at.clone(),
                h.assistant.clone().unwrap_or_default(),
                h.task.clone(),
                what,
                h.note.clone(),
            ]
        })
        .collect();
    let title = format!(
        "{}: {} – {}",
        s.report_health,
        lang.date(days.start),
        lang.date(days.last())
    );
    write(
        format,
        &title,
        &[
            "#",
            s.col_time,
            s.col_assistant,
            s.col_task,
            s.col_medication,
            s.col_note,
        ],
        &rows,
        &items,
    )
}

pub fn incidents(src: &Source, days: DayRange, format: Format) -> Output {
    let items = src.store.incidents(src.recipient, days)?;
    let s = src.lang.strings();
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            // CSV keeps the codes for scripts; text speaks the user's language.
            let (severity, status) = if format == Format::Csv {
                (i.severity.clone(), i.status.clone())
            } else {
                (
                    src.lang.severity(&i.severity),
                    src.lang.incident_status(&i.status),
                )
            };
            vec![
                i.at.format("%Y-%m-%d %H:%M").to_string(),
                severity,
                i.what.clone(),
                i.action_taken.clone(),
                status,
            ]
        })
        .collect();
    let title = format!(
        "{}: {} – {}",
        s.report_incidents,
        src.lang.date(days.start),
        src.lang.date(days.last())
    );
    write(
        format,
        &title,
        &[
            s.col_time,
            s.col_severity,
            s.col_what,
            s.col_action,
            s.col_status,
        ],
        &rows,
        &items,
    )
}

#[derive(Serialize)]
struct TrainingCell {
    assistant: String,
    competence: String,
    status: &'static str,
    renew_on: Option<NaiveDate>,
}

pub fn training(src: &Source, days: DayRange, format: Format) -> Output {
    let day = days.last();
    let lang = src.lang;
    let competences = src.store.competences()?;
    let trainings = src.store.trainings()?;
    let mut items = Vec::new();
    let mut rows = Vec::new();
    for a in src.store.assistants()?.iter().filter(|a| a.active) {
        let Some(id) = a.id else { continue };
        let mut row = vec![a.name.clone()];
        for (c, name) in &competences {
            let st = status(&trainings, id, *c, day);
            let (code, renew_on) = match st {
                crate::domain::training::TrainingStatus::Valid => ("valid", None),
                crate::domain::training::TrainingStatus::Expiring { renew_on } => {
                    ("expiring", Some(renew_on))
                }
                crate::domain::training::TrainingStatus::Expired { renew_on } => {
                    ("expired", Some(renew_on))
                }
                crate::domain::training::TrainingStatus::Missing => ("missing", None),
            };
            items.push(TrainingCell {
                assistant: a.name.clone(),
                competence: name.clone(),
                status: code,
                renew_on,
            });
            row.push(if format == Format::Csv {
                code.to_owned()
            } else {
                lang.training_status(st)
            });
        }
        rows.push(row);
    }
    let s = lang.strings();
    let mut header = vec![s.col_assistant];
    header.extend(competences.iter().map(|(_, n)| n.as_str()));
    let title = format!("{} {}", s.report_training, lang.date(day));
    write(format, &title, &header, &rows, &items)
}

#[derive(Serialize)]
struct WeekLine {
    week: String,
    allocated_minutes: i64,
    scheduled_minutes: i64,
    unmet_minutes: i64,
}

#[derive(Serialize)]
struct NeedReport {
    from: NaiveDate,
    to: NaiveDate,
    weeks: Vec<WeekLine>,
    unmet_need: Vec<crate::store::log::Need>,
    unmet_minutes: i64,
    incidents: Vec<crate::store::log::Incident>,
    applications: Vec<crate::store::log::Application>,
    appeals: Vec<crate::store::log::Appeal>,
    appeal_deadline: Option<NaiveDate>,
}

pub fn need(src: &Source, days: DayRange, format: Format) -> Output {
    let lang = src.lang;
    let s = lang.strings();
    let allocations = src.store.allocations(src.recipient)?;
    let shifts = src.store.shifts_in(src.recipient, days)?;
    let (allocations, shifts, _) = crate::summary::scope(&allocations, &shifts, None);
    let needs = src.store.needs(src.recipient, days)?;
    let mut weeks = Vec::new();
    let mut week = Week::containing(days.start);
    while week.monday() < days.end {
        let part = week.days().intersect(days).unwrap_or(week.days());
        let f = figures(part, &allocations, &shifts);
        let unmet = needs
            .iter()
            .filter(|n| part.contains(n.at.date()))
            .map(|n| n.minutes)
            .sum();
        weeks.push(WeekLine {
            week: week.to_string(),
            allocated_minutes: f.allocated,
            scheduled_minutes: f.scheduled,
            unmet_minutes: unmet,
        });
        week = week.next();
    }
    let report = NeedReport {
        from: days.start,
        to: days.last(),
        unmet_minutes: needs.iter().map(|n| n.minutes).sum(),
        weeks,
        unmet_need: needs,
        incidents: src.store.incidents(src.recipient, days)?,
        applications: src.store.applications(src.recipient)?,
        appeals: src.store.appeals(src.recipient)?,
        appeal_deadline: allocations
            .iter()
            .filter(|a| a.covers(crate::clock::today()))
            .filter_map(|a| a.appeal_deadline)
            .max(),
    };
    match format {
        Format::Json => json(&report).map_err(StoreError::Invalid),
        Format::Csv => {
            let rows: Vec<Vec<String>> = report
                .weeks
                .iter()
                .map(|w| {
                    vec![
                        w.week.clone(),
                        w.allocated_minutes.to_string(),
                        w.scheduled_minutes.to_string(),
                        w.unmet_minutes.to_string(),
                    ]
                })
                .collect();
            csv(
                &[
                    "week",
                    "allocated_minutes",
                    "scheduled_minutes",
                    "unmet_minutes",
                ],
                &rows,
            )
            .map_err(StoreError::Invalid)
        }
        Format::Text => {
            let mut out = format!(
                "{} — {}: {} – {}\n\n",
                s.report_need,
                crate::text::clean(src.recipient_name),
                lang.date(report.from),
                lang.date(report.to)
            );
            let rows: Vec<Vec<String>> = report
                .weeks
                .iter()
                .map(|w| {
                    vec![
                        w.week.clone(),
                        lang.hours(w.allocated_minutes),
                        lang.hours(w.scheduled_minutes),
                        lang.hours(w.unmet_minutes),
                    ]
                })
                .collect();
            out += &table(
                &[s.col_week, s.allocated, s.scheduled, s.col_unmet],
                &rows,
                &[1, 2, 3],
            );
            out += &format!("\n{}: {}\n", s.col_unmet, lang.hours(report.unmet_minutes));
            for n in &report.unmet_need {
                out += &format!(
                    "  {} {} — {} ({})\n",
                    n.at.format("%d.%m %H:%M"),
                    lang.hours(n.minutes),
                    crate::text::clean(&n.what),
                    lang.need_reason(&n.reason)
                );
            }
            out += &format!("\n{} ({})\n", s.report_incidents, report.incidents.len());
            for i in &report.incidents {
                out += &format!(
                    "  {} [{}] {}\n",
                    i.at.format("%d.%m %H:%M"),
                    lang.severity(&i.severity),
                    crate::text::clean(&i.what)
                );
            }
            out += &format!("\n{}\n", s.applications_title);
            for a in &report.applications {
                let decision = a
                    .decision
                    .clone()
                    .unwrap_or_else(|| format!("{} {}", s.reply_due, lang.date(a.reply_due)));
                out += &format!(
                    "  #{} {} {} — {}\n",
                    a.id,
                    lang.date(a.sent_on),
                    crate::text::clean(&a.what),
                    decision
                );
            }
            for a in &report.appeals {
                out += &format!(
                    "  {} {} → {} ({})\n",
                    s.appeal_word,
                    lang.date(a.sent_on),
                    a.level,
                    a.status
                );
            }
            if let Some(d) = report.appeal_deadline {
                out += &format!(
                    "\n{}\n",
                    s.appeal_deadline_next.replace("{}", &lang.date(d))
                );
            }
            Ok(out)
        }
    }
}
