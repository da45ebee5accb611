//! Finding what a command names: an assistant by name (with "did you mean"
//! for a typo), a shift by id, times and the active periods typed with
//! `--active`. Reads the store; changes nothing.

use chrono::{NaiveDateTime, NaiveTime};

use super::args::KindChoice;
use super::{Context, Failure};
use crate::domain::ids::{AssistantId, RecipientId, ShiftId};
use crate::domain::parse;
use crate::domain::people::Assistant;
use crate::domain::shift::{ActivePeriod, Shift, ShiftKind, place_all};
use crate::i18n::Lang;
use crate::text::clean;

/// The assistant called `name` (case ignored in any script); an unknown
/// name is refused with the nearest known one, or how to add it.
pub fn assistant_id(ctx: &Context, name: &str) -> Result<AssistantId, Failure> {
    let name = name.trim();
    if let Some(id) = ctx.store.assistant_id(name)? {
        return Ok(id);
    }
    let names: Vec<String> = ctx
        .store
        .assistants()?
        .into_iter()
        .map(|a| a.name)
        .collect();
    let hint = crate::text::nearest(name, names.iter().map(String::as_str)).map_or_else(
        || "; add them first with `bpa assistant add NAME`".into(),
        |n| format!("; did you mean «{}»?", clean(n)),
    );
    Err(Failure::User(format!(
        "no assistant is called «{}»{hint}",
        clean(name)
    )))
}

/// The whole record of the assistant called `name`.
pub fn assistant(ctx: &Context, name: &str) -> Result<Assistant, Failure> {
    let id = assistant_id(ctx, name)?;
    ctx.store
        .assistants()?
        .into_iter()
        .find(|a| a.id == Some(id))
        .ok_or_else(|| Failure::System(format!("assistant {} vanished", id.0)))
}

/// The shift with this id and its recipient. With `--recipient`, a shift of
/// another recipient counts as not found.
pub fn shift(ctx: &Context, id: i64) -> Result<(RecipientId, Shift), Failure> {
    let not_found = || Failure::User(format!("no shift has id {id}"));
    let recipient = ctx
        .store
        .shift_recipient(ShiftId(id))?
        .ok_or_else(not_found)?;
    if ctx.recipient.is_some() {
        let wanted = ctx.store.pick_recipient(ctx.recipient.as_deref())?;
        if wanted.id != recipient {
            return Err(Failure::User(format!(
                "no shift has id {id} for «{}»",
                clean(&wanted.name)
            )));
        }
    }
    Ok((recipient, ctx.store.shift(ShiftId(id))?))
}

/// A time of day given with `flag`.
pub fn time(flag: &str, text: &str, lang: Lang) -> Result<NaiveTime, Failure> {
    parse::time_of_day(text).map_err(|e| Failure::User(format!("{flag}: {}", lang.parse_error(&e))))
}

/// An optional time of day given with `flag`.
pub fn opt_time(flag: &str, text: Option<&str>, lang: Lang) -> Result<Option<NaiveTime>, Failure> {
    text.map(|t| time(flag, t, lang)).transpose()
}

/// The clock periods of every `--active` given (each may also hold several,
/// separated by commas); `--active ""` gives none.
pub fn clock_periods(args: &[String], lang: Lang) -> Result<Vec<(NaiveTime, NaiveTime)>, Failure> {
    let mut all = Vec::new();
    for a in args {
        all.extend(
            parse::clock_periods(a)
                .map_err(|e| Failure::User(format!("--active: {}", lang.parse_error(&e))))?,
        );
    }
    Ok(all)
}

/// Places clock periods inside a shift of `kind` that runs `start`–`end`;
/// only a sleeping night has them, and one outside the shift is named.
/// `typed` says whether they came from `--active` (for the message).
pub fn place(
    kind: ShiftKind,
    start: NaiveDateTime,
    end: NaiveDateTime,
    periods: &[(NaiveTime, NaiveTime)],
    typed: bool,
) -> Result<Vec<ActivePeriod>, Failure> {
    if periods.is_empty() {
        return Ok(Vec::new());
    }
    if kind != ShiftKind::SleepingNight {
        return Err(Failure::User(if typed {
            format!(
                "--active is only for a sleeping night (--kind sleeping-night); this shift is {}",
                kind.code().replace('_', "-")
            )
        } else {
            "the shift has active periods, which only a sleeping night has; add --active \"\" to drop them".into()
        }));
    }
    place_all(start, end, periods).map_err(|e| Failure::User(format!("--active: {e}")))
}

/// The shift kind chosen on the command line.
pub fn kind(choice: KindChoice) -> ShiftKind {
    match choice {
        KindChoice::Ordinary => ShiftKind::Ordinary,
        KindChoice::AwakeNight => ShiftKind::AwakeNight,
        KindChoice::SleepingNight => ShiftKind::SleepingNight,
    }
}

/// `08:00–12:00`.
pub fn clock(start: NaiveDateTime, end: NaiveDateTime) -> String {
    format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"))
}

/// A shift named in one line of the user's language, with its plan and
/// any actual times: `Vakt 5 (Kari, torsdag 26.11.2026 08:00–12:00,
/// ordinær, planlagt)`; `with_status` adds the status.
pub fn describe(ctx: &Context, s: &Shift, with_status: bool) -> Result<String, Failure> {
    let lang = ctx.lang;
    let strings = lang.strings();
    let who = match s.assistant {
        Some(a) => ctx
            .store
            .assistant_names()?
            .get(&a)
            .cloned()
            .unwrap_or_default(),
        None => strings.open_shift_label.to_owned(),
    };
    let day =
        |at: NaiveDateTime| format!("{} {}", lang.weekday_long(at.date()), lang.date(at.date()));
    let mut parts = vec![
        clean(&who).into_owned(),
        format!("{} {}", day(s.start), clock(s.start, s.end)),
    ];
    if let (Some(a), Some(b)) = (s.actual_start, s.actual_end) {
        let when = if a.date() == s.start.date() {
            clock(a, b)
        } else {
            format!("{} {}", day(a), clock(a, b))
        };
        parts.push(strings.shift_actual_was.replace("{}", &when));
    }
    parts.push(lang.kind(s.kind).to_owned());
    if with_status {
        parts.push(lang.status(s.status).to_owned());
    }
    Ok(format!(
        "{} ({})",
        strings.shift_label.replace("{}", &s.id.0.to_string()),
        parts.join(", ")
    ))
}
