//! `bpa shift …`: add, list, worked, absent, edit, delete.

use super::args::ShiftCommand;
use super::{Context, Failure, Outcome};

pub fn shift(ctx: &mut Context, command: ShiftCommand) -> Outcome {
    match command {
        c @ ShiftCommand::Add { .. } => super::import::add_shift(ctx, c),
        _ => Err(Failure::System("not implemented yet".into())),
    }
}
