//! `bpa approve`, `bpa unapprove` and `bpa export payroll`.

use std::path::Path;

use super::args::{ApproveArgs, PayrollFormat};
use super::{Context, Failure, Outcome};

pub fn approve(_ctx: &mut Context, _args: &ApproveArgs) -> Outcome {
    Err(Failure::System("not implemented yet".into()))
}

pub fn unapprove(_ctx: &mut Context, _args: &ApproveArgs) -> Outcome {
    Err(Failure::System("not implemented yet".into()))
}

pub fn export(
    _ctx: &mut Context,
    _month: &str,
    _format: PayrollFormat,
    _output: Option<&Path>,
) -> Outcome {
    Err(Failure::System("not implemented yet".into()))
}
