//! `bpa backup`, `bpa restore` and `bpa verify`.

use std::path::Path;

use super::output::emit;
use super::{Context, Failure, Outcome};

pub fn backup(ctx: &Context, output: Option<&Path>) -> Outcome {
    let now = crate::clock::now();
    let path = match output {
        Some(p) => {
            ctx.store.backup_to(p)?;
            p.to_owned()
        }
        None => ctx.store.backup_now(now)?,
    };
    emit(&format!(
        "{} {}\n",
        ctx.lang.strings().backup_done,
        crate::text::clean(&path.display().to_string())
    ))
}

pub fn restore(ctx: &mut Context, file: &Path) -> Outcome {
    let saved = ctx.store.restore_from(file, crate::clock::now())?;
    let s = ctx.lang.strings();
    emit(&format!(
        "{}\n",
        s.restore_done
            .replacen("{}", &crate::text::clean(&file.display().to_string()), 1)
            .replacen("{}", &crate::text::clean(&saved.display().to_string()), 1)
    ))
}

pub fn verify(ctx: &Context) -> Outcome {
    let problems = ctx.store.verify()?;
    let s = ctx.lang.strings();
    if problems.is_empty() {
        return emit(&format!("{}\n", s.verify_ok));
    }
    let mut out = format!(
        "{}\n",
        s.verify_problems.replace("{}", &problems.len().to_string())
    );
    for p in &problems {
        out += &format!("  ✗ {}\n", crate::text::clean(p));
    }
    emit(&out)?;
    Err(Failure::Quiet(1))
}
