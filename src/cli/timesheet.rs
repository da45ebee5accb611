//! `bpa export timesheet`: one assistant's month, in CSV, HTML, JSON or text.

use super::args::{AgreementChoice, ExportCommand, SheetFormat};
use super::output::emit_to;
use super::{Context, Failure, Outcome, month_arg};
use crate::domain::pay::Agreement;
use crate::timesheet;

pub fn export(ctx: &mut Context, command: ExportCommand) -> Outcome {
    let ExportCommand::Timesheet {
        assistant,
        month,
        agreement,
        format,
        delimiter,
        output,
    } = command
    else {
        return Err(Failure::System("not a timesheet export".into()));
    };
    let recipient = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
    let who = super::lookup::assistant_id(ctx, &assistant)?;
    let month = month_arg(&month)?;
    // A delimiter a spreadsheet or a CSV reader knows.
    let delimiter = match delimiter.as_str() {
        "," => ',',
        ";" => ';',
        "\t" | "\\t" => '\t',
        "|" => '|',
        other => {
            return Err(Failure::User(format!(
                "--delimiter: «{}» is not one of , ; | or a tab",
                crate::text::clean(other)
            )));
        }
    };
    let agreement = agreement.map(|a| match a {
        AgreementChoice::Ks => Agreement::Ks,
        AgreementChoice::Aml => Agreement::Aml,
        AgreementChoice::Virke => Agreement::Virke,
    });
    let sheet = timesheet::build(&ctx.store, &recipient, who, month, agreement)?;
    let text = match format {
        SheetFormat::Csv => timesheet::csv::write(&sheet, delimiter).map_err(Failure::System)?,
        SheetFormat::Html => timesheet::html::write(&sheet, ctx.lang),
        SheetFormat::Json => timesheet::json::write(&sheet).map_err(Failure::System)?,
        SheetFormat::Text => timesheet::text::write(&sheet, ctx.lang),
    };
    emit_to(ctx, output.as_deref(), &text)
}
