//! `bpa export …`: hands each export to the module that makes it.

use super::args::ExportCommand;
use super::{Context, Outcome};

pub fn export(ctx: &mut Context, command: ExportCommand) -> Outcome {
    match command {
        c @ ExportCommand::Timesheet { .. } => super::timesheet::export(ctx, c),
        ExportCommand::Payroll {
            month,
            format,
            run,
            output,
        } => super::payroll::export(ctx, &month, format, run, output.as_deref()),
        c @ ExportCommand::Ics { .. } => super::calendar::export(ctx, c),
        ExportCommand::Json { output } => super::dump::export(ctx, output.as_deref()),
    }
}
