//! `bpa export json`, `bpa import json` and `bpa import assistants`.

use std::path::Path;

use super::{Context, Failure, Outcome};

pub fn export(_ctx: &mut Context, _output: Option<&Path>) -> Outcome {
    Err(Failure::System("not implemented yet".into()))
}

pub fn import_json(_ctx: &mut Context, _file: &Path) -> Outcome {
    Err(Failure::System("not implemented yet".into()))
}

pub fn import_assistants(_ctx: &mut Context, _file: &Path) -> Outcome {
    Err(Failure::System("not implemented yet".into()))
}
