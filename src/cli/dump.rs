//! `bpa export json`, `bpa import json` and `bpa import assistants`.

use std::path::Path;

use super::output::{emit, emit_content_to};
use super::{Context, Failure, Outcome};
use crate::text;

/// `bpa export json`: every table of the database as one document
/// (`docs/export-format.md`).
pub fn export(ctx: &mut Context, output: Option<&Path>) -> Outcome {
    emit_content_to(ctx, output, &crate::exports::Content::Everything)
}

/// `bpa import json FILE`: restores an export into an empty database.
pub fn import_json(ctx: &mut Context, file: &Path) -> Outcome {
    let shown = text::clean(&file.display().to_string()).into_owned();
    let opened = std::fs::File::open(file)
        .map_err(|e| Failure::User(format!("cannot read {shown}: {e}")))?;
    let done = ctx.store.import_from(opened)?;
    emit(&format!(
        "{}\n",
        ctx.lang
            .strings()
            .json_restored
            .replace("{rows}", &done.rows.to_string())
            .replace("{tables}", &done.tables.to_string())
            .replace("{file}", &shown)
    ))
}

/// `bpa import assistants FILE.csv`: all or nothing, known names skipped.
pub fn import_assistants(ctx: &mut Context, file: &Path) -> Outcome {
    let s = ctx.lang.strings();
    let shown = text::clean(&file.display().to_string()).into_owned();
    let bytes =
        std::fs::read(file).map_err(|e| Failure::User(format!("cannot read {shown}: {e}")))?;
    let report = |errors: Vec<(usize, String)>| {
        let mut msg = s.import_refused.replace("{}", &shown);
        for (line, reason) in errors {
            msg += "\n";
            msg += &s
                .import_line
                .replace("{line}", &line.to_string())
                .replace("{reason}", &text::clean(&reason));
        }
        Failure::User(msg)
    };
    let rows = crate::assistant_csv::parse_bytes(&bytes, ctx.lang)
        .map_err(|errors| report(errors.into_iter().map(|e| (e.line, e.reason)).collect()))?;
    let outcome = ctx.store.import_assistants(&rows)?.map_err(report)?;
    emit(&format!(
        "{}\n",
        s.assistants_imported
            .replace("{added}", &outcome.added.to_string())
            .replace("{skipped}", &outcome.duplicates.to_string())
    ))
}
