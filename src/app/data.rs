//! What the screens show, loaded from the store when state changes, so the
//! drawing code only reads.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::allocation::Allocation;
use crate::domain::hours::{Figures, days_needed};
use crate::domain::ids::AssistantId;
use crate::domain::people::{Assistant, Recipient};
use crate::domain::rules::Finding;
use crate::domain::services::{Visit, visits_in};
use crate::domain::shift::Shift;
use crate::domain::time::{DayRange, Month, Week};
use crate::store::log::LogLine;
use crate::store::{Result, Store};
use crate::summary::{self, Period, Report};

/// Weeks in the Overview's chart.
pub const HISTORY_WEEKS: usize = 12;

#[derive(Debug, Clone, Default)]
pub struct Data {
    pub recipients: Vec<Recipient>,
    pub allocations: Vec<Allocation>,
    pub assistants: Vec<Assistant>,
    pub names: BTreeMap<AssistantId, String>,
    /// The selected week's figures.
    pub week: Option<Report>,
    /// The figures of the month holding the selected week's Thursday.
    pub month: Option<Report>,
    pub history: Vec<(Week, Figures)>,
    /// The selected week's shifts, by start.
    pub shifts: Vec<Shift>,
    pub log: Vec<LogLine>,
    pub week_days: Option<DayRange>,
    /// Rules broken by the selected week's shifts.
    pub findings: Vec<Finding>,
    /// Other services' visits in the selected week.
    pub visits: Vec<Visit>,
    /// When the newest backup was made.
    pub last_backup: Option<chrono::NaiveDateTime>,
    pub task_types: Vec<crate::domain::log::TaskType>,
    pub competences: Vec<(i64, String)>,
    pub trainings: Vec<crate::domain::training::Training>,
    pub applications: Vec<crate::store::log::Application>,
    pub routines: Vec<crate::domain::routines::Routine>,
    /// The shifts of the Log screen's day.
    pub day_shifts: Vec<Shift>,
    pub co_supervisors: Vec<String>,
}

/// A row of the Week screen: a day heading or one of its shifts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekRow {
    Day(NaiveDate),
    /// A day without shifts.
    Empty(NaiveDate),
    Shift(usize),
    /// A visit by another service.
    Visit(usize),
}

impl Data {
    pub fn load(
        store: &Store,
        recipient: Option<&Recipient>,
        week: Week,
        log_day: NaiveDate,
    ) -> Result<Self> {
        let mut data = Data {
            recipients: store.recipients()?,
            assistants: store.assistants()?,
            names: store.assistant_names()?,
            week_days: Some(week.days()),
            ..Data::default()
        };
        data.last_backup = store.last_backup();
        data.task_types = store.task_types()?;
        data.competences = store.competences()?;
        data.trainings = store.trainings()?;
        let Some(recipient) = recipient else {
            return Ok(data);
        };
        data.allocations = store.allocations(recipient.id)?;
        data.applications = store.applications(recipient.id)?;
        data.routines = store.routines(recipient.id)?;
        data.co_supervisors = store.co_supervisors(recipient.id)?;
        data.day_shifts = store
            .shifts_in(recipient.id, DayRange::inclusive(log_day, log_day))?
            .into_iter()
            .filter(|s| s.status.counts() && s.start.date() == log_day)
            .collect();
        let shifts = store.shifts_in(recipient.id, days_needed(&data.allocations, week.days()))?;
        data.week = Some(summary::build(
            Period::Week(week),
            &data.allocations,
            &shifts,
            &data.names,
            None,
        ));
        let thursday = week.monday() + chrono::Duration::days(3);
        data.month = Some(summary::report(
            store,
            recipient.id,
            Period::Month(Month::containing(thursday)),
        )?);
        data.history =
            summary::history(store, recipient.id, &data.allocations, week, HISTORY_WEEKS)?;
        let range = week.days();
        data.shifts = shifts
            .into_iter()
            .filter(|s| crate::domain::hours::minutes_within(s.start, s.end, range) > 0)
            .collect();
        data.log = store.log_lines(recipient.id, DayRange::inclusive(log_day, log_day))?;
        data.findings = crate::checks::findings(store, recipient.id, range)?;
        data.visits = visits_in(range, &store.services(recipient.id)?);
        Ok(data)
    }

    /// The rows of the Week screen: each day, then its shifts.
    pub fn week_rows(&self) -> Vec<WeekRow> {
        let Some(days) = self.week_days else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        for day in days.iter_days() {
            rows.push(WeekRow::Day(day));
            let before = rows.len();
            // Shifts and other services' visits, by time.
            let mut entries: Vec<(chrono::NaiveDateTime, WeekRow)> = self
                .shifts
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.start.date() == day || (day == days.start && s.start.date() < day)
                })
                .map(|(i, s)| (s.start, WeekRow::Shift(i)))
                .collect();
            entries.extend(
                self.visits
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| v.day == day)
                    .map(|(i, v)| (day.and_time(v.start), WeekRow::Visit(i))),
            );
            entries.sort_by_key(|(at, _)| *at);
            rows.extend(entries.into_iter().map(|(_, row)| row));
            if rows.len() == before {
                rows.push(WeekRow::Empty(day));
            }
        }
        rows
    }

    /// The day a week row belongs to.
    pub fn row_day(&self, row: usize) -> Option<NaiveDate> {
        match self.week_rows().get(row)? {
            WeekRow::Day(d) | WeekRow::Empty(d) => Some(*d),
            WeekRow::Visit(i) => self.visits.get(*i).map(|v| v.day),
            WeekRow::Shift(i) => {
                let first = self.week_days?.start;
                self.shifts.get(*i).map(|s| s.start.date().max(first))
            }
        }
    }

    /// The shift on a week row, if the row is one.
    pub fn row_shift(&self, row: usize) -> Option<&Shift> {
        match self.week_rows().get(row)? {
            WeekRow::Shift(i) => self.shifts.get(*i),
            _ => None,
        }
    }

    /// The findings that belong beside a shift.
    pub fn shift_findings(
        &self,
        id: crate::domain::ids::ShiftId,
    ) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.shift == Some(id))
    }

    /// The assistant's name, or `None` for an open shift.
    pub fn name(&self, id: Option<AssistantId>) -> Option<&str> {
        id.and_then(|id| self.names.get(&id)).map(String::as_str)
    }

    /// Real working minutes of the assistant in the selected week (not
    /// scaled by the allocation's counting factors).
    pub fn week_work(&self, id: Option<AssistantId>) -> i64 {
        let Some(days) = self.week_days else { return 0 };
        self.shifts
            .iter()
            .filter(|s| s.assistant == id && s.status.counts())
            .map(|s| {
                let (start, end) = s.counted_times();
                crate::domain::hours::minutes_within(start, end, days)
            })
            .sum()
    }
}
