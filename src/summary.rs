//! The figures of a week or a month for one recipient, read from the store
//! and computed by `domain::hours`. The CLI reports and the TUI both use
//! this, so the screen and the command line can never disagree.

use std::collections::BTreeMap;

use crate::domain::allocation::{Allocation, DEFAULT_PURPOSE};
use crate::domain::hours::{Figures, FlexStatus, charged_to, days_needed, figures, flex_statuses};
use crate::domain::ids::{AssistantId, RecipientId};
use crate::domain::shift::Shift;
use crate::domain::time::{DayRange, Month, Week};
use crate::i18n::Lang;
use crate::store::{Result, Store};

/// Which period a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week(Week),
    Month(Month),
}

impl Period {
    pub fn days(self) -> DayRange {
        match self {
            Self::Week(w) => w.days(),
            Self::Month(m) => m.days(),
        }
    }
}

/// The figures of one period, with names resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub period: Period,
    pub figures: Figures,
    /// One entry per allocation with a flex period in force at the period's end.
    pub flex: Vec<FlexStatus>,
    /// Name and charged minutes per assistant, largest first; open shifts
    /// are named by the caller's language.
    pub assistants: Vec<(Option<String>, i64)>,
    /// The allocation purpose the figures are for (`None` without allocations).
    pub purpose: Option<String>,
}

impl Report {
    /// The sum of the flex balances, or `None` when nothing has a flex period.
    pub fn flex_balance(&self) -> Option<i64> {
        (!self.flex.is_empty()).then(|| self.flex.iter().map(|f| f.balance).sum())
    }
}

/// Builds the report of `period` for `recipient`, for the main purpose.
pub fn report(store: &Store, recipient: RecipientId, period: Period) -> Result<Report> {
    report_for(store, recipient, period, None)
}

/// Builds the report of `period` for one purpose (default: the main one).
pub fn report_for(
    store: &Store,
    recipient: RecipientId,
    period: Period,
    purpose: Option<&str>,
) -> Result<Report> {
    let allocations = store.allocations(recipient)?;
    let range = period.days();
    let shifts = store.shifts_in(recipient, days_needed(&allocations, range))?;
    let names = store.assistant_names()?;
    Ok(build(period, &allocations, &shifts, &names, purpose))
}

/// The purpose figures are for by default: BPA when there is such an
/// allocation, else the first one's.
pub fn main_purpose(allocations: &[Allocation]) -> Option<&str> {
    allocations
        .iter()
        .find(|a| a.purpose.eq_ignore_ascii_case(DEFAULT_PURPOSE))
        .or_else(|| allocations.first())
        .map(|a| a.purpose.as_str())
}

/// The allocations of one purpose and the shifts charged to them, so two
/// budgets (BPA and respite care, say) are never added together. Shifts
/// that no allocation covers count with the main purpose.
pub fn scope(
    allocations: &[Allocation],
    shifts: &[Shift],
    purpose: Option<&str>,
) -> (Vec<Allocation>, Vec<Shift>, Option<String>) {
    let Some(purpose) = purpose
        .or_else(|| main_purpose(allocations))
        .map(str::to_owned)
    else {
        return (Vec::new(), shifts.to_vec(), None);
    };
    let is_main = main_purpose(allocations).is_some_and(|m| m.eq_ignore_ascii_case(&purpose));
    let mine: Vec<Allocation> = allocations
        .iter()
        .filter(|a| a.purpose.eq_ignore_ascii_case(&purpose))
        .cloned()
        .collect();
    let charged: Vec<Shift> = shifts
        .iter()
        .filter(|s| {
            charged_to(s, allocations).map_or(is_main, |a| a.purpose.eq_ignore_ascii_case(&purpose))
        })
        .cloned()
        .collect();
    (mine, charged, Some(purpose))
}

/// The report of `period` from data already loaded.
pub fn build(
    period: Period,
    all_allocations: &[Allocation],
    all_shifts: &[Shift],
    names: &BTreeMap<AssistantId, String>,
    purpose: Option<&str>,
) -> Report {
    let (allocations, shifts, purpose) = scope(all_allocations, all_shifts, purpose);
    let range = period.days();
    let figures = figures(range, &allocations, &shifts);
    let flex = flex_statuses(&allocations, &shifts, range);
    let assistants = figures
        .per_assistant
        .iter()
        .map(|(id, minutes)| (id.and_then(|id| names.get(&id).cloned()), *minutes))
        .collect();
    Report {
        period,
        figures,
        flex,
        assistants,
        purpose,
    }
}

/// The figures of the `count` weeks ending with `last`, oldest first, from one query.
pub fn history(
    store: &Store,
    recipient: RecipientId,
    allocations: &[Allocation],
    last: Week,
    count: usize,
) -> Result<Vec<(Week, Figures)>> {
    let mut weeks = vec![last];
    for _ in 1..count {
        let earliest = weeks[weeks.len() - 1];
        weeks.push(earliest.previous());
    }
    weeks.reverse();
    let range = DayRange::new(weeks[0].monday(), last.days().end);
    let (allocations, shifts, _) = scope(allocations, &store.shifts_in(recipient, range)?, None);
    Ok(weeks
        .into_iter()
        .map(|w| (w, figures(w.days(), &allocations, &shifts)))
        .collect())
}

/// The report as a readable table in the user's language.
pub fn to_text(rep: &Report, lang: Lang) -> String {
    let s = lang.strings();
    let days = rep.period.days();
    let title = match rep.period {
        Period::Week(w) => format!(
            "{} ({})",
            s.week_n.replace("{}", &w.number().to_string()),
            w.year()
        ),
        Period::Month(m) => format!("{} {}", lang.month_name(m.number()), m.year()),
    };
    let f = &rep.figures;
    let cap = |t: &str| {
        let mut c = t.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    let mut rows = vec![
        vec![cap(s.allocated), lang.hours(f.allocated)],
        vec![cap(s.scheduled), lang.hours(f.scheduled)],
        vec![cap(s.worked), lang.hours(f.worked)],
        vec![cap(s.remaining), lang.hours(f.remaining())],
    ];
    for flex in &rep.flex {
        let balance = if flex.balance >= 0 {
            s.flex_saved.replace("{}", &lang.hours(flex.balance))
        } else {
            s.flex_overdrawn.replace("{}", &lang.hours(-flex.balance))
        };
        rows.push(vec![s.flex_balance.to_owned(), balance]);
        rows.push(vec![
            String::new(),
            s.flex_left_in_period
                .replacen("{}", &lang.hours(flex.left_in_period), 1)
                .replacen("{}", &lang.date(flex.period.last()), 1),
        ]);
    }
    let mut out = format!(
        "{title}: {} – {}\n\n",
        lang.date(days.start),
        lang.date(days.last())
    );
    // The figures are a table without its header and rule.
    for line in crate::text::table(&["", ""], &rows, &[]).lines().skip(2) {
        out += line;
        out.push('\n');
    }
    out += "\n";
    if rep.assistants.is_empty() {
        out += &format!("{}: {}\n", s.per_assistant, s.nobody);
    } else {
        let rows: Vec<Vec<String>> = rep
            .assistants
            .iter()
            .map(|(name, m)| {
                vec![
                    name.clone().unwrap_or_else(|| s.open_shift.to_owned()),
                    lang.hours(*m),
                ]
            })
            .collect();
        out += &crate::text::table(&[s.col_assistant, s.hours_unit], &rows, &[1]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::allocation::FlexPeriod;
    use crate::domain::shift::ShiftKind;
    use crate::store::{NewAllocation, NewRecipient};
    use chrono::NaiveDate;

    #[test]
    fn a_week_report_from_the_store() {
        let mut store = Store::open_in_memory().unwrap();
        let mut alloc = NewAllocation::new(2400, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        alloc.flex = FlexPeriod::Year;
        let r = store
            .create_recipient(
                &NewRecipient {
                    name: "Ola".into(),
                    representative: None,
                },
                Some(&alloc),
            )
            .unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut batch = crate::domain::import::ShiftBatch::new();
        for (who, h0, h1) in [("Kari", 8, 16), ("", 16, 20)] {
            let at = |h| day.and_hms_opt(h, 0, 0).unwrap();
            batch.push(0, who, at(h0), at(h1), ShiftKind::Ordinary, "");
        }
        store
            .import_shifts(r, &batch, &mut |_| {})
            .unwrap()
            .unwrap();
        let week = Week::new(2026, 48).unwrap();
        let rep = report(&store, r, Period::Week(week)).unwrap();
        assert_eq!(rep.figures.scheduled, 720);
        assert_eq!(rep.figures.remaining(), 2400 - 720);
        assert_eq!(
            rep.assistants,
            vec![(Some("Kari".into()), 480), (None, 240)]
        );
        assert!(rep.flex_balance().is_some());
        assert_eq!(rep.purpose.as_deref(), Some("BPA"));
        let hist = history(&store, r, &store.allocations(r).unwrap(), week, 12).unwrap();
        assert_eq!(hist.len(), 12);
        assert_eq!(hist[11].0, week);
        assert_eq!(hist[11].1.scheduled, 720);
        assert_eq!(hist[0].1.scheduled, 0);
    }
}
