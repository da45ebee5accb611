//! `bpa allocation ...` and `bpa assistant ...`.

use serde::Serialize;

use super::args::{AllocationCommand, AssistantCommand, FlexChoice, Format};
use super::output::{csv, emit, json, table};
use super::{Context, Failure, Outcome, date_arg, opt_date_arg};
use crate::domain::allocation::FlexPeriod;
use crate::domain::parse;
use crate::domain::people::Assistant;
use crate::store::{NewAllocation, StoreError};

#[derive(Serialize)]
struct AllocationRow {
    id: i64,
    purpose: String,
    minutes_per_week: i64,
    valid_from: String,
    valid_to: Option<String>,
    received_on: Option<String>,
    appeal_deadline: Option<String>,
    reference: String,
    flex_period: &'static str,
    ordinary_factor_permille: u32,
    awake_night_factor_permille: u32,
    sleeping_night_factor_permille: u32,
}

pub fn allocation(ctx: &mut Context, command: AllocationCommand) -> Outcome {
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    match command {
        AllocationCommand::Add {
            hours_per_week,
            from,
            to,
            received,
            appeal_deadline,
            flex,
            purpose,
            reference,
            sleeping_night_factor,
            end_previous,
        } => {
            let minutes = parse::hours_to_minutes(&hours_per_week)
                .map_err(|e| Failure::User(format!("--hours-per-week: {e}")))?;
            let mut new = NewAllocation::new(minutes, date_arg("--from", &from)?);
            new.valid_to = opt_date_arg("--to", to.as_ref())?;
            new.received_on = opt_date_arg("--received", received.as_ref())?;
            new.appeal_deadline = opt_date_arg("--appeal-deadline", appeal_deadline.as_ref())?;
            new.flex = match flex {
                FlexChoice::None => FlexPeriod::None,
                FlexChoice::Month => FlexPeriod::Month,
                FlexChoice::Year => FlexPeriod::Year,
            };
            new.purpose = purpose;
            new.reference = reference;
            if let Some(f) = sleeping_night_factor {
                new.factors.sleeping_night = parse::factor_permille(&f)
                    .map_err(|e| Failure::User(format!("--sleeping-night-factor: {e}")))?;
            }
            match ctx.store.add_allocation(recipient.id, &new, end_previous) {
                Err(StoreError::Allocation(
                    e @ crate::domain::allocation::AllocationError::Overlap { .. },
                )) => Err(Failure::User(format!("{e} (or pass --end-previous)"))),
                other => other.map(|_| ()).map_err(Failure::from),
            }?;
            emit(&format!("{}\n", ctx.lang.strings().saved))
        }
        AllocationCommand::List { format } => {
            let all = ctx.store.allocations(recipient.id)?;
            let lang = ctx.lang;
            let s = lang.strings();
            match format {
                Format::Json => {
                    let rows: Vec<AllocationRow> = all
                        .iter()
                        .map(|a| AllocationRow {
                            id: a.id.0,
                            purpose: a.purpose.clone(),
                            minutes_per_week: a.minutes_per_week,
                            valid_from: a.valid_from.to_string(),
                            valid_to: a.valid_to.map(|d| d.to_string()),
                            received_on: a.received_on.map(|d| d.to_string()),
                            appeal_deadline: a.appeal_deadline.map(|d| d.to_string()),
                            reference: a.reference.clone(),
                            flex_period: a.flex.code(),
                            ordinary_factor_permille: a.factors.ordinary,
                            awake_night_factor_permille: a.factors.awake_night,
                            sleeping_night_factor_permille: a.factors.sleeping_night,
                        })
                        .collect();
                    emit(&json(&rows)?)
                }
                Format::Text | Format::Csv => {
                    let opt =
                        |d: Option<chrono::NaiveDate>| d.map(|d| lang.date(d)).unwrap_or_default();
                    let rows: Vec<Vec<String>> = all
                        .iter()
                        .map(|a| {
                            vec![
                                a.purpose.clone(),
                                if format == Format::Csv {
                                    a.minutes_per_week.to_string()
                                } else {
                                    lang.hours(a.minutes_per_week)
                                },
                                lang.date(a.valid_from),
                                opt(a.valid_to),
                                s.flex_names[a.flex as usize].to_owned(),
                                opt(a.appeal_deadline),
                                a.reference.clone(),
                            ]
                        })
                        .collect();
                    if format == Format::Csv {
                        let header = [
                            "purpose",
                            "minutes_per_week",
                            "valid_from",
                            "valid_to",
                            "flex_period",
                            "appeal_deadline",
                            "reference",
                        ];
                        emit(&csv(&header, &rows)?)
                    } else if rows.is_empty() {
                        emit(&format!(
                            "{}\n",
                            s.allocation_empty.lines().next().unwrap_or_default()
                        ))
                    } else {
                        let header = [
                            s.col_purpose,
                            s.col_per_week,
                            s.col_from,
                            s.col_to,
                            s.col_flex,
                            s.col_deadline,
                            s.f_reference,
                        ];
                        emit(&table(&header, &rows, &[1]))
                    }
                }
            }
        }
    }
}

#[derive(Serialize)]
struct AssistantRow {
    id: i64,
    name: String,
    employee_number: String,
    phone: String,
    email: String,
    police_certificate: Option<String>,
    confidentiality_declaration: Option<String>,
    contract: Option<String>,
    active: bool,
    ready: bool,
}

pub fn assistant(ctx: &mut Context, command: AssistantCommand) -> Outcome {
    match command {
        AssistantCommand::Add {
            name,
            phone,
            email,
            police_certificate,
            confidentiality,
            contract,
            employee_number,
        } => {
            let a = Assistant {
                employee_number: employee_number.unwrap_or_default(),
                name,
                phone,
                email,
                police_certificate: opt_date_arg(
                    "--police-certificate",
                    police_certificate.as_ref(),
                )?,
                confidentiality: opt_date_arg("--confidentiality", confidentiality.as_ref())?,
                contract: opt_date_arg("--contract", contract.as_ref())?,
                active: true,
                ..Assistant::default()
            };
            ctx.store.add_assistant(&a)?;
            emit(&format!("{}\n", ctx.lang.strings().saved))
        }
        AssistantCommand::Edit {
            name,
            rename,
            phone,
            email,
            employee_number,
            police_certificate,
            confidentiality,
            contract,
        } => super::assistant_edit::edit(
            ctx,
            &name,
            super::assistant_edit::AssistantChanges {
                rename,
                phone,
                email,
                employee_number,
                police_certificate,
                confidentiality,
                contract,
            },
        ),
        AssistantCommand::Deactivate { name } => super::assistant_edit::deactivate(ctx, &name),
        AssistantCommand::List { format } => {
            let all = ctx.store.assistants()?;
            let lang = ctx.lang;
            let s = lang.strings();
            let readiness = |a: &Assistant| {
                if a.is_ready() {
                    s.ready.to_owned()
                } else {
                    let missing: Vec<&str> =
                        a.missing().into_iter().map(|m| lang.missing(m)).collect();
                    format!("{}: {}", s.not_ready, missing.join(", "))
                }
            };
            match format {
                Format::Json => {
                    let rows: Vec<AssistantRow> = all
                        .iter()
                        .map(|a| AssistantRow {
                            id: a.id.map_or(0, |i| i.0),
                            name: a.name.clone(),
                            employee_number: a.employee_number.clone(),
                            phone: a.phone.clone(),
                            email: a.email.clone(),
                            police_certificate: a.police_certificate.map(|d| d.to_string()),
                            confidentiality_declaration: a.confidentiality.map(|d| d.to_string()),
                            contract: a.contract.map(|d| d.to_string()),
                            active: a.active,
                            ready: a.is_ready(),
                        })
                        .collect();
                    emit(&json(&rows)?)
                }
                Format::Csv => {
                    let rows: Vec<Vec<String>> = all
                        .iter()
                        .map(|a| {
                            let d = |x: Option<chrono::NaiveDate>| {
                                x.map(|d| d.to_string()).unwrap_or_default()
                            };
                            vec![
                                a.name.clone(),
                                a.employee_number.clone(),
                                a.phone.clone(),
                                a.email.clone(),
                                d(a.police_certificate),
                                d(a.confidentiality),
                                d(a.contract),
                                a.active.to_string(),
                                a.is_ready().to_string(),
                            ]
                        })
                        .collect();
                    emit(&csv(
                        &[
                            "name",
                            "employee_number",
                            "phone",
                            "email",
                            "police_certificate",
                            "confidentiality_declaration",
                            "contract",
                            "active",
                            "ready",
                        ],
                        &rows,
                    )?)
                }
                Format::Text => {
                    if all.is_empty() {
                        return emit(&format!(
                            "{}\n",
                            s.assistants_empty.lines().next().unwrap_or_default()
                        ));
                    }
                    let rows: Vec<Vec<String>> = all
                        .iter()
                        .map(|a| {
                            let name = if a.active {
                                a.name.clone()
                            } else {
                                format!("{} {}", a.name, s.former)
                            };
                            vec![
                                name,
                                a.employee_number.clone(),
                                a.phone.clone(),
                                readiness(a),
                            ]
                        })
                        .collect();
                    emit(&table(
                        &[s.col_name, s.f_employee_number, s.col_phone, s.col_ready],
                        &rows,
                        &[],
                    ))
                }
            }
        }
    }
}
