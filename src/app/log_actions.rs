//! Logging on the Log screen: entries (medication included) and their
//! corrections, incidents, unmet need, and the day's filters.

use chrono::NaiveDateTime;

use super::form::{Field, FieldId, Form};
use super::{Action, App, Confirm, ConfirmKind, FormPurpose};
use crate::domain::log::{EntryError, GivenBy, Medication, NewEntry, Outcome};
use crate::domain::parse;
use crate::store::log::{LogLine, NEED_REASONS, SEVERITIES};
use crate::store::{Store, StoreError};

/// A routine's checklist line: the task's name, the item, and whether it is done.
pub type ChecklistItem = (String, crate::domain::routines::Item, bool);

impl App {
    /// The day's entries after the filters, as the Log screen shows them.
    pub fn visible_log(&self) -> Vec<&LogLine> {
        let search = self.log_search.to_lowercase();
        self.data
            .log
            .iter()
            .filter(|l| !self.log_health_only || l.health)
            .filter(|l| {
                self.log_assistant.is_empty()
                    || l.assistant.as_deref().is_some_and(|a| {
                        a.to_lowercase()
                            .contains(&self.log_assistant.to_lowercase())
                    })
            })
            .filter(|l| {
                self.log_task.is_empty()
                    || l.task
                        .to_lowercase()
                        .contains(&self.log_task.to_lowercase())
            })
            .filter(|l| {
                search.is_empty()
                    || [
                        Some(&l.task),
                        Some(&l.note),
                        l.assistant.as_ref(),
                        l.medication.as_ref(),
                        l.reason.as_ref(),
                    ]
                    .into_iter()
                    .flatten()
                    .any(|t| t.to_lowercase().contains(&search))
            })
            .collect()
    }

    /// Keys of the Log screen that record; `false` when `action` is not one.
    pub(super) fn update_log(&mut self, action: Action, _store: &mut Store) -> bool {
        let count = self.visible_log().len();
        match action {
            Action::Up => self.cursors.log = self.cursors.log.saturating_sub(1),
            Action::Down => self.cursors.log = (self.cursors.log + 1).min(count.saturating_sub(1)),
            Action::Add => self.open_log_form(None),
            Action::Edit => {
                let selected = self
                    .visible_log()
                    .get(self.cursors.log)
                    .map(|l| (*l).clone());
                if let Some(line) = selected {
                    self.open_log_form(Some(&line));
                }
            }
            Action::AddIncident => self.open_incident_form(),
            Action::Tick => self.open_tick_form(),
            Action::AddNeed => self.open_need_form(),
            Action::ToggleHealthOnly => {
                self.log_health_only = !self.log_health_only;
                self.cursors.log = 0;
            }
            Action::Search => {
                let s = self.lang.strings();
                let tasks: Vec<String> = self
                    .data
                    .task_types
                    .iter()
                    .map(|t| t.name.clone())
                    .collect();
                let names: Vec<String> = self
                    .data
                    .assistants
                    .iter()
                    .map(|a| a.name.clone())
                    .collect();
                let fields = vec![
                    Field::text(FieldId::Search, s.f_search, self.log_search.clone()),
                    Field::lookup(
                        FieldId::Assistant,
                        s.f_log_assistant,
                        self.log_assistant.clone(),
                        names,
                    ),
                    Field::lookup(FieldId::Task, s.f_task, self.log_task.clone(), tasks),
                ];
                self.form = Some((FormPurpose::SearchLog, Form::new(s.search_form, fields)));
            }
            _ => return false,
        }
        true
    }

    /// The time on the Log screen's day: now when it is today, else 08:00.
    fn default_time(&self) -> String {
        if self.log_day == self.today {
            crate::clock::now().format("%H:%M").to_string()
        } else {
            "08:00".to_owned()
        }
    }

    fn open_log_form(&mut self, correcting: Option<&LogLine>) {
        let s = self.lang.strings();
        let tasks: Vec<String> = self
            .data
            .task_types
            .iter()
            .map(|t| t.name.clone())
            .collect();
        let names: Vec<String> = self
            .data
            .assistants
            .iter()
            .filter(|a| a.active)
            .map(|a| a.name.clone())
            .collect();
        let c = correcting;
        let text = |v: Option<&String>| v.cloned().unwrap_or_default();
        let outcome = c
            .and_then(|l| l.outcome.as_deref())
            .and_then(Outcome::from_code)
            .map_or(0, |o| o as usize);
        let given_by = c
            .and_then(|l| l.given_by.as_deref())
            .and_then(GivenBy::from_code)
            .map_or(0, |g| g as usize);
        let fields = vec![
            Field::lookup(FieldId::Task, s.f_task, text(c.map(|l| &l.task)), tasks),
            Field::lookup(
                FieldId::Assistant,
                s.f_log_assistant,
                text(c.and_then(|l| l.assistant.as_ref())),
                names,
            ),
            Field::text(
                FieldId::Time,
                s.f_time,
                c.map_or_else(|| self.default_time(), |l| l.at.format("%H:%M").to_string()),
            ),
            Field::text(FieldId::Notes, s.f_note, text(c.map(|l| &l.note))),
            Field::text(
                FieldId::Drug,
                s.f_drug,
                text(c.and_then(|l| l.medication.as_ref())),
            ),
            Field::text(
                FieldId::Dose,
                s.f_dose,
                text(c.and_then(|l| l.dose.as_ref())),
            ),
            Field::text(
                FieldId::Planned,
                s.f_planned,
                c.and_then(|l| l.planned)
                    .map(|p| p.format("%H:%M").to_string())
                    .unwrap_or_default(),
            ),
            Field::choice(
                FieldId::Outcome,
                s.f_outcome,
                s.outcomes.iter().map(|o| (*o).to_owned()).collect(),
                outcome,
            ),
            Field::text(
                FieldId::Reason,
                s.f_reason,
                text(c.and_then(|l| l.reason.as_ref())),
            ),
            Field::choice(
                FieldId::GivenBy,
                s.f_given_by,
                s.given_by.iter().map(|g| (*g).to_owned()).collect(),
                given_by,
            ),
        ];
        let (purpose, title) = match c {
            Some(l) => (
                FormPurpose::CorrectLogEntry(l.id),
                s.log_form_correct.replace("{}", &l.id.to_string()),
            ),
            None => (FormPurpose::NewLogEntry, s.log_form_new.to_owned()),
        };
        self.form = Some((purpose, Form::new(title, fields)));
    }

    /// Reads a time field on the Log screen's day.
    fn time_on_day(&mut self, id: FieldId) -> Option<NaiveDateTime> {
        let lang = self.lang;
        let day = self.log_day;
        let (_, form) = self.form.as_mut()?;
        match parse::time_of_day(form.value(id)) {
            Ok(t) => Some(day.and_time(t)),
            Err(e) => {
                form.fail(Some(id), lang.parse_error(&e));
                None
            }
        }
    }

    pub(super) fn submit_log_entry(&mut self, purpose: FormPurpose, store: &mut Store) {
        let lang = self.lang;
        let s = lang.strings();
        let Some(at) = self.time_on_day(FieldId::Time) else {
            return;
        };
        let (task, assistant) = {
            let Some((_, form)) = self.form.as_ref() else {
                return;
            };
            let task_name = form.value(FieldId::Task).to_lowercase();
            let task = self
                .data
                .task_types
                .iter()
                .find(|t| t.name.to_lowercase() == task_name)
                .or_else(|| {
                    let matches: Vec<_> = self
                        .data
                        .task_types
                        .iter()
                        .filter(|t| t.name.to_lowercase().contains(&task_name))
                        .collect();
                    (matches.len() == 1 && !task_name.is_empty()).then(|| matches[0])
                });
            (
                task.cloned(),
                self.resolve_assistant(form.value(FieldId::Assistant)),
            )
        };
        let planned = match self
            .form
            .as_ref()
            .map(|(_, f)| f.value(FieldId::Planned).to_owned())
        {
            Some(p) if !p.is_empty() => match self.time_on_day(FieldId::Planned) {
                Some(t) => Some(t),
                None => return,
            },
            _ => None,
        };
        let Some((_, form)) = self.form.as_mut() else {
            return;
        };
        let Some(task) = task else {
            let typed = form.value(FieldId::Task).to_owned();
            return form.fail(
                Some(FieldId::Task),
                s.err_no_task.replace("{}", &crate::text::clean(&typed)),
            );
        };
        let assistant = match assistant {
            Ok(a) => a,
            Err(message) => return form.fail(Some(FieldId::Assistant), message),
        };
        let drug = form.value(FieldId::Drug).to_owned();
        let medication = (task.medication || !drug.is_empty()).then(|| Medication {
            drug,
            dose: form.value(FieldId::Dose).to_owned(),
            planned,
            outcome: Outcome::ALL[form.selected(FieldId::Outcome).min(3)],
            reason: form.value(FieldId::Reason).to_owned(),
            given_by: GivenBy::ALL[form.selected(FieldId::GivenBy).min(2)],
        });
        let entry = NewEntry {
            at,
            assistant,
            task: task.id,
            note: form.value(FieldId::Notes).to_owned(),
            medication,
            corrects: match purpose {
                FormPurpose::CorrectLogEntry(id) => Some(id),
                _ => None,
            },
        };
        if let Err(e) = crate::domain::log::validate(&entry) {
            let field = match e {
                EntryError::DrugRequired => FieldId::Drug,
                _ => FieldId::Reason,
            };
            return form.fail(Some(field), lang.entry_error(&e));
        }
        self.save_log_entry(&entry, false, store);
    }

    /// Stores an entry; an untrained assistant asks first (unless refused by setting).
    pub(super) fn save_log_entry(
        &mut self,
        entry: &NewEntry,
        acknowledged: bool,
        store: &mut Store,
    ) {
        let lang = self.lang;
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        match store.add_log_entry(recipient.id, entry, acknowledged) {
            Ok(_) => {
                self.form = None;
                match self.reload(store) {
                    Ok(()) => self.inform(lang.strings().saved.to_owned()),
                    Err(e) => self.fail(&e.to_string()),
                }
            }
            Err(StoreError::Entry(EntryError::Untrained(status))) => {
                let refuse = store
                    .setting("log.refuse_untrained")
                    .ok()
                    .flatten()
                    .as_deref()
                    == Some("1");
                if refuse || acknowledged {
                    if let Some((_, form)) = self.form.as_mut() {
                        form.fail(Some(FieldId::Assistant), lang.untrained(status));
                    }
                } else {
                    self.confirm = Some(Confirm {
                        question: lang
                            .strings()
                            .confirm_untrained
                            .replace("{}", &lang.untrained(status)),
                        kind: ConfirmKind::LogUntrained(entry.clone()),
                    });
                }
            }
            Err(e) => {
                let message = match e {
                    StoreError::Invalid(m) => m,
                    StoreError::Entry(e) => lang.entry_error(&e),
                    other => lang.strings().err_save.replace("{}", &other.to_string()),
                };
                if let Some((_, form)) = self.form.as_mut() {
                    form.fail(None, message);
                }
            }
        }
    }

    fn open_incident_form(&mut self) {
        let s = self.lang.strings();
        let fields = vec![
            Field::text(FieldId::Time, s.f_time, self.default_time()),
            Field::text(FieldId::What, s.f_what_happened, ""),
            Field::choice(
                FieldId::Severity,
                s.f_severity,
                s.severities.iter().map(|x| (*x).to_owned()).collect(),
                0,
            ),
            Field::text(FieldId::Action, s.f_action, ""),
            Field::text(FieldId::FollowUp, s.f_follow_up, ""),
        ];
        self.form = Some((FormPurpose::NewIncident, Form::new(s.incident_form, fields)));
    }

    pub(super) fn submit_incident(&mut self, store: &mut Store) {
        let s = self.lang.strings();
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        let Some(at) = self.time_on_day(FieldId::Time) else {
            return;
        };
        let Some((_, form)) = self.form.as_mut() else {
            return;
        };
        if form.value(FieldId::What).is_empty() {
            return form.fail(
                Some(FieldId::What),
                s.err_required.replace("{}", s.f_what_happened),
            );
        }
        let severity = SEVERITIES[form.selected(FieldId::Severity).min(2)];
        let new = crate::store::log::NewIncident {
            at,
            what: form.value(FieldId::What),
            severity,
            action: form.value(FieldId::Action),
            follow_up: form.value(FieldId::FollowUp),
            log_entry: None,
        };
        let result = store.add_incident(recipient.id, &new);
        self.after_log_write(store, result.map(|_| ()));
    }

    fn open_need_form(&mut self) {
        let s = self.lang.strings();
        let fields = vec![
            Field::text(FieldId::Time, s.f_time, self.default_time()),
            Field::text(FieldId::Hours, s.f_need_hours, ""),
            Field::text(FieldId::What, s.f_need_what, ""),
            Field::choice(
                FieldId::Reason,
                s.f_need_reason,
                s.need_reasons.iter().map(|x| (*x).to_owned()).collect(),
                0,
            ),
        ];
        self.form = Some((FormPurpose::NewNeed, Form::new(s.need_form, fields)));
    }

    pub(super) fn submit_need(&mut self, store: &mut Store) {
        let lang = self.lang;
        let s = lang.strings();
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        let Some(at) = self.time_on_day(FieldId::Time) else {
            return;
        };
        let Some((_, form)) = self.form.as_mut() else {
            return;
        };
        let minutes = match parse::hours_to_minutes(form.value(FieldId::Hours)) {
            Ok(m) if m > 0 => m,
            Ok(_) => {
                return form.fail(
                    Some(FieldId::Hours),
                    s.err_required.replace("{}", s.f_need_hours),
                );
            }
            Err(e) => return form.fail(Some(FieldId::Hours), lang.parse_error(&e)),
        };
        if form.value(FieldId::What).is_empty() {
            return form.fail(
                Some(FieldId::What),
                s.err_required.replace("{}", s.f_need_what),
            );
        }
        let reason = NEED_REASONS[form.selected(FieldId::Reason).min(2)];
        let result = store.add_need(recipient.id, at, minutes, form.value(FieldId::What), reason);
        self.after_log_write(store, result.map(|_| ()));
    }

    fn after_log_write(&mut self, store: &mut Store, result: Result<(), StoreError>) {
        match result {
            Ok(()) => {
                self.form = None;
                match self.reload(store) {
                    Ok(()) => self.inform(self.lang.strings().saved.to_owned()),
                    Err(e) => self.fail(&e.to_string()),
                }
            }
            Err(e) => {
                let message = match e {
                    StoreError::Invalid(m) => m,
                    other => self
                        .lang
                        .strings()
                        .err_save
                        .replace("{}", &other.to_string()),
                };
                if let Some((_, form)) = self.form.as_mut() {
                    form.fail(None, message);
                }
            }
        }
    }

    /// The shift the checklist belongs to: the one in progress now on
    /// today's log, else the day's first shift with a routine; with its
    /// routines' items and whether each is done (logged in the routine's hours).
    pub fn checklist(&self) -> Option<(crate::domain::shift::Shift, Vec<ChecklistItem>)> {
        use crate::domain::routines::for_shift;
        let now = crate::clock::now();
        let with_routine: Vec<_> = self
            .data
            .day_shifts
            .iter()
            .filter(|s| !for_shift(s, &self.data.routines).is_empty())
            .collect();
        let shift = with_routine
            .iter()
            .find(|s| self.log_day == self.today && s.start <= now && now < s.end)
            .or_else(|| with_routine.first())?;
        let mut items = Vec::new();
        for r in for_shift(shift, &self.data.routines) {
            let from = self.log_day.and_time(r.start);
            let to = self.log_day.and_time(r.end);
            for item in &r.items {
                let task = self
                    .data
                    .task_types
                    .iter()
                    .find(|t| t.id == item.task)
                    .map(|t| t.name.clone())
                    .unwrap_or_default();
                let done = self
                    .data
                    .log
                    .iter()
                    .any(|l| l.task == task && l.at >= from && l.at <= to);
                items.push((task, item.clone(), done));
            }
        }
        Some(((*shift).clone(), items))
    }

    fn open_tick_form(&mut self) {
        let s = self.lang.strings();
        let open: Vec<String> = self
            .checklist()
            .map(|(_, items)| {
                items
                    .into_iter()
                    .filter(|(_, _, done)| !done)
                    .map(|(task, item, _)| {
                        format!(
                            "{} {task} {}",
                            item.at
                                .map(|a| a.format("%H:%M").to_string())
                                .unwrap_or_default(),
                            item.label
                        )
                        .trim()
                        .to_owned()
                    })
                    .collect()
            })
            .unwrap_or_default();
        if open.is_empty() {
            return self.inform(s.nothing_to_tick.to_owned());
        }
        let fields = vec![
            Field::choice(FieldId::Item, s.f_item, open, 0),
            Field::text(FieldId::Notes, s.f_note, ""),
        ];
        self.form = Some((FormPurpose::TickRoutine, Form::new(s.tick_form, fields)));
    }

    /// Ticks the chosen item: a log entry for the shift's assistant at the
    /// item's time; a medication item opens the log form to record the dose.
    pub(super) fn submit_tick(&mut self, store: &mut Store) {
        let Some((shift, items)) = self.checklist() else {
            return;
        };
        let Some((_, form)) = self.form.as_ref() else {
            return;
        };
        let chosen = form.selected(FieldId::Item);
        let note = form.value(FieldId::Notes).to_owned();
        let Some((task_name, item, _)) = items.into_iter().filter(|(_, _, done)| !done).nth(chosen)
        else {
            return;
        };
        let Some(task) = self
            .data
            .task_types
            .iter()
            .find(|t| t.id == item.task)
            .cloned()
        else {
            return;
        };
        let at = item.at.map_or_else(
            || crate::clock::now().max(shift.start).min(shift.end),
            |t| self.log_day.and_time(t),
        );
        if task.medication {
            self.open_log_form(None);
            let who = self.data.name(shift.assistant).unwrap_or("").to_owned();
            if let Some((_, form)) = self.form.as_mut() {
                for (id, value) in [
                    (FieldId::Task, task_name),
                    (FieldId::Assistant, who),
                    (FieldId::Time, at.format("%H:%M").to_string()),
                    (FieldId::Notes, note),
                ] {
                    if let Some(f) = form.fields.iter_mut().find(|f| f.id == id) {
                        f.cursor = value.chars().count();
                        f.value = value;
                    }
                }
                form.focus_on(FieldId::Drug);
            }
            return;
        }
        let entry = NewEntry {
            at,
            assistant: shift.assistant,
            task: task.id,
            note,
            medication: None,
            corrects: None,
        };
        self.save_log_entry(&entry, false, store);
    }

    pub(super) fn submit_search(&mut self) {
        let Some((_, form)) = self.form.take() else {
            return;
        };
        self.log_search = form.value(FieldId::Search).to_owned();
        self.log_assistant = form.value(FieldId::Assistant).to_owned();
        self.log_task = form.value(FieldId::Task).to_owned();
        self.cursors.log = 0;
    }
}
