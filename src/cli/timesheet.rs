//! `bpa export timesheet`.

use super::args::ExportCommand;
use super::{Context, Failure, Outcome};

pub fn export(_ctx: &mut Context, _command: ExportCommand) -> Outcome {
    Err(Failure::System("not implemented yet".into()))
}
