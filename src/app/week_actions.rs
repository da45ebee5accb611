//! Planning on the Week screen: add, edit, move, copy and delete shifts,
//! mark them worked or absent with a substitute, copy last week, go to a
//! week, and undo the last change.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::form::{Field, FieldId, Form};
use super::{Action, App, Confirm, ConfirmKind, FormPurpose, WeekRow};
use crate::domain::ids::{AssistantId, ShiftId};
use crate::domain::parse;
use crate::domain::shift::{ActivePeriod, Shift, ShiftKind, place_in_shift};
use crate::domain::time::Week;
use crate::store::{ShiftFields, Store, StoreError};

/// What `u` takes back: shifts to delete, to put back, to store again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Undo {
    pub delete: Vec<ShiftId>,
    pub restore: Vec<Shift>,
    pub reinsert: Vec<Shift>,
}

impl App {
    /// Keys of the Week screen that plan; `false` when `action` is not one.
    pub(super) fn update_week(&mut self, action: Action, store: &mut Store) -> bool {
        match action {
            Action::PreviousDay | Action::NextDay => self.jump_day(action == Action::NextDay),
            Action::Add => self.open_shift_form(FormPurpose::NewShift, None),
            Action::Edit | Action::Move | Action::Copy => {
                let Some(shift) = self.selected_shift() else {
                    if action == Action::Edit {
                        self.open_shift_form(FormPurpose::NewShift, None);
                    }
                    return true;
                };
                let purpose = if action == Action::Copy {
                    FormPurpose::NewShift
                } else {
                    FormPurpose::EditShift(shift.id)
                };
                self.open_shift_form(purpose, Some(&shift));
                if action == Action::Move
                    && let Some((_, form)) = &mut self.form
                {
                    form.focus_on(FieldId::Date);
                }
            }
            Action::Remove => {
                if let Some(shift) = self.selected_shift() {
                    let what = self.describe(&shift);
                    self.confirm = Some(Confirm {
                        question: self
                            .lang
                            .strings()
                            .confirm_delete_shift
                            .replace("{}", &what),
                        kind: ConfirmKind::DeleteShift(shift.id),
                    });
                }
            }
            Action::MarkWorked => self.open_worked_form(),
            Action::MarkAbsent => self.open_absent_form(),
            Action::CopyPreviousWeek => self.ask_copy_previous_week(store),
            Action::Undo => self.undo(store),
            Action::AddService => self.open_service_form(),
            Action::ApplyRota => self.open_rota_form(store),
            Action::GoToWeek => {
                let s = self.lang.strings();
                let field = Field::text(
                    FieldId::WeekNumber,
                    s.f_week,
                    self.week.number().to_string(),
                );
                self.form = Some((
                    FormPurpose::GoToWeek,
                    Form::new(s.go_week_title, vec![field]),
                ));
            }
            _ => return false,
        }
        true
    }

    fn selected_shift(&mut self) -> Option<Shift> {
        let shift = self.data.row_shift(self.cursors.week).cloned();
        if shift.is_none() {
            self.inform(self.lang.strings().select_shift_first.to_owned());
        }
        shift
    }

    /// `tir 24.11 08:00–16:00 Kari`
    fn describe(&self, s: &Shift) -> String {
        let who = self
            .data
            .name(s.assistant)
            .unwrap_or(self.lang.strings().open_shift_label);
        format!(
            "{} {}–{} {}",
            self.lang.weekday_date(s.start.date()),
            s.start.format("%H:%M"),
            s.end.format("%H:%M"),
            crate::text::clean(who)
        )
    }

    fn jump_day(&mut self, forward: bool) {
        let rows = self.data.week_rows();
        let here = self.data.row_day(self.cursors.week);
        let target = rows.iter().enumerate().filter_map(|(i, r)| match r {
            WeekRow::Day(d) if Some(*d) != here => Some((i, *d)),
            _ => None,
        });
        let found = if forward {
            target
                .filter(|(_, d)| here.is_none_or(|h| *d > h))
                .map(|(i, _)| i)
                .next()
        } else {
            target
                .filter(|(_, d)| here.is_none_or(|h| *d < h))
                .map(|(i, _)| i)
                .next_back()
        };
        if let Some(i) = found {
            self.cursors.week = i;
        }
    }

    fn assistant_names(&self) -> Vec<String> {
        self.data
            .assistants
            .iter()
            .filter(|a| a.active)
            .map(|a| a.name.clone())
            .collect()
    }

    fn purposes(&self) -> Vec<String> {
        let mut list: Vec<String> = Vec::new();
        for a in &self.data.allocations {
            if !list.iter().any(|p| p.eq_ignore_ascii_case(&a.purpose)) {
                list.push(a.purpose.clone());
            }
        }
        list
    }

    pub(super) fn open_shift_form(&mut self, purpose: FormPurpose, from: Option<&Shift>) {
        let lang = self.lang;
        let s = lang.strings();
        let day = from.map_or_else(
            || self.data.row_day(self.cursors.week).unwrap_or(self.today),
            |sh| sh.start.date(),
        );
        let (start, end) = from.map_or(("08:00".to_owned(), "16:00".to_owned()), |sh| {
            (
                sh.start.format("%H:%M").to_string(),
                sh.end.format("%H:%M").to_string(),
            )
        });
        let who = from
            .and_then(|sh| self.data.name(sh.assistant))
            .unwrap_or("")
            .to_owned();
        let kind = from.map_or(0, |sh| sh.kind as usize);
        let mut fields = vec![
            Field::lookup(
                FieldId::Assistant,
                s.f_assistant,
                who,
                self.assistant_names(),
            ),
            Field::text(FieldId::Date, s.f_date, lang.date(day)),
            Field::text(FieldId::Start, s.f_start, start),
            Field::text(FieldId::End, s.f_end, end),
            Field::choice(
                FieldId::Kind,
                s.f_kind,
                s.kinds.iter().map(|k| (*k).to_owned()).collect(),
                kind,
            ),
        ];
        let purposes = self.purposes();
        if purposes.len() > 1 {
            let current = from
                .and_then(|sh| sh.allocation)
                .and_then(|id| self.data.allocations.iter().find(|a| a.id == id))
                .and_then(|a| {
                    purposes
                        .iter()
                        .position(|p| p.eq_ignore_ascii_case(&a.purpose))
                })
                .unwrap_or(0);
            fields.push(Field::choice(
                FieldId::Purpose,
                s.f_allocation,
                purposes,
                current,
            ));
        }
        fields.push(Field::text(
            FieldId::ActivePeriods,
            s.f_active_periods,
            from.map(|sh| periods_text(&sh.active)).unwrap_or_default(),
        ));
        fields.push(Field::text(
            FieldId::Notes,
            s.f_note,
            from.map(|sh| sh.note.clone()).unwrap_or_default(),
        ));
        let title = match (purpose, from) {
            (FormPurpose::EditShift(_), _) => s.shift_form_edit,
            (_, Some(_)) => s.shift_form_copy,
            _ => s.shift_form_new,
        };
        self.original = match purpose {
            FormPurpose::EditShift(_) => from.cloned().map(super::Original::Shift),
            _ => None,
        };
        self.form = Some((purpose, Form::new(title, fields)));
    }

    /// The assistant a typed name means: the exact name, or the only one
    /// that contains it; empty means an open shift.
    pub(super) fn resolve_assistant(&self, text: &str) -> Result<Option<AssistantId>, String> {
        let s = self.lang.strings();
        let typed = text.trim().to_lowercase();
        if typed.is_empty() {
            return Ok(None);
        }
        let active = self.data.assistants.iter().filter(|a| a.active);
        if let Some(a) = self
            .data
            .assistants
            .iter()
            .find(|a| a.name.trim().to_lowercase() == typed)
        {
            return Ok(a.id);
        }
        let found: Vec<_> = active
            .filter(|a| a.name.to_lowercase().contains(&typed))
            .collect();
        match found.as_slice() {
            [one] => Ok(one.id),
            [] => Err(s
                .err_no_assistant
                .replace("{}", &crate::text::clean(text.trim()))),
            many => {
                let names: Vec<&str> = many.iter().take(4).map(|a| a.name.as_str()).collect();
                Err(s
                    .err_many_assistants
                    .replace("{}", &crate::text::clean(&names.join(", "))))
            }
        }
    }

    /// Reads a time field on `day`; `after` makes an end at or before it the next day.
    fn read_time(
        form: &mut Form,
        id: FieldId,
        day: NaiveDate,
        after: Option<NaiveDateTime>,
        lang: crate::i18n::Lang,
    ) -> Option<NaiveDateTime> {
        match parse::time_of_day(form.value(id)) {
            Ok(t) => {
                let mut at = day.and_time(t);
                if let Some(start) = after
                    && at <= start
                {
                    at += Duration::days(1);
                }
                Some(at)
            }
            Err(e) => {
                form.fail(Some(id), lang.parse_error(&e));
                None
            }
        }
    }

    /// Reads the active periods field of a shift that runs `start`–`end`.
    fn read_active(
        form: &mut Form,
        start: NaiveDateTime,
        end: NaiveDateTime,
        lang: crate::i18n::Lang,
    ) -> Option<Vec<ActivePeriod>> {
        let pairs = match parse::clock_periods(form.value(FieldId::ActivePeriods)) {
            Ok(p) => p,
            Err(e) => {
                form.fail(Some(FieldId::ActivePeriods), lang.parse_error(&e));
                return None;
            }
        };
        let mut placed = Vec::new();
        for (a, b) in pairs {
            let Some(p) = place_in_shift(start, end, a, b) else {
                let label = format!("{}–{}", a.format("%H:%M"), b.format("%H:%M"));
                form.fail(
                    Some(FieldId::ActivePeriods),
                    lang.strings().err_period_outside.replace("{}", &label),
                );
                return None;
            };
            placed.push(p);
        }
        Some(placed)
    }

    fn read_shift_form(&mut self) -> Option<ShiftFields> {
        let lang = self.lang;
        let assistant = {
            let (_, form) = self.form.as_ref()?;
            self.resolve_assistant(form.value(FieldId::Assistant))
        };
        let purposes = self.purposes();
        let (_, form) = self.form.as_mut()?;
        let assistant = match assistant {
            Ok(a) => a,
            Err(message) => {
                form.fail(Some(FieldId::Assistant), message);
                return None;
            }
        };
        let day = match parse::date(form.value(FieldId::Date)) {
            Ok(d) => d,
            Err(e) => {
                form.fail(Some(FieldId::Date), lang.parse_error(&e));
                return None;
            }
        };
        let start = Self::read_time(form, FieldId::Start, day, None, lang)?;
        let end = Self::read_time(form, FieldId::End, day, Some(start), lang)?;
        let kind = ShiftKind::ALL[form.selected(FieldId::Kind).min(2)];
        let allocation = if form.field(FieldId::Purpose).is_some() {
            let purpose = purposes
                .get(form.selected(FieldId::Purpose))
                .cloned()
                .unwrap_or_default();
            if let Some(a) = self
                .data
                .allocations
                .iter()
                .find(|a| a.purpose.eq_ignore_ascii_case(&purpose) && a.covers(day))
            {
                Some(a.id)
            } else {
                let message = lang
                    .strings()
                    .err_no_allocation
                    .replacen("{}", &crate::text::clean(&purpose), 1)
                    .replacen("{}", &lang.date(day), 1);
                form.fail(Some(FieldId::Purpose), message);
                return None;
            }
        } else {
            None
        };
        let active = Self::read_active(form, start, end, lang)?;
        Some(ShiftFields {
            assistant,
            allocation,
            start,
            end,
            kind,
            note: form.value(FieldId::Notes).to_owned(),
            active,
        })
    }

    pub(super) fn submit_shift(&mut self, purpose: FormPurpose, store: &mut Store) {
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        let Some(fields) = self.read_shift_form() else {
            return;
        };
        let result = match purpose {
            FormPurpose::EditShift(id) => {
                let expected = match &self.original {
                    Some(super::Original::Shift(s)) if s.id == id => Some(s.clone()),
                    _ => None,
                };
                store.edit_shift(id, &fields, expected.as_ref())
            }
            .map(|before| Undo {
                restore: vec![before],
                ..Undo::default()
            }),
            _ => store
                .add_shift_fields(recipient.id, &fields)
                .map(|id| Undo {
                    delete: vec![id],
                    ..Undo::default()
                }),
        };
        match result {
            Ok(undo) => {
                self.form = None;
                self.after_change(store, undo, fields.start.date());
            }
            Err(e) => self.form_error(&e),
        }
    }

    fn form_error(&mut self, e: &StoreError) {
        let message = match e {
            StoreError::Invalid(m) => m.clone(),
            other => self
                .lang
                .strings()
                .err_save
                .replace("{}", &other.to_string()),
        };
        if let Some((_, form)) = &mut self.form {
            form.fail(None, message);
        }
    }

    /// After a change: remember how to undo it, show the week it touched,
    /// and say how it went against the rules.
    fn after_change(&mut self, store: &mut Store, undo: Undo, day: NaiveDate) {
        self.undo = Some(undo);
        self.week = Week::containing(day);
        if let Err(e) = self.reload(store) {
            return self.fail(&e.to_string());
        }
        if let Some(i) = self
            .data
            .week_rows()
            .iter()
            .position(|r| matches!(r, WeekRow::Day(d) if *d == day))
        {
            self.cursors.week = self
                .cursors
                .week
                .max(i)
                .min(self.data.week_rows().len().saturating_sub(1));
        }
        let s = self.lang.strings();
        let warnings = self.data.findings.len();
        self.inform(if warnings == 0 {
            s.saved.to_owned()
        } else {
            s.saved_with_warnings.replace("{}", &warnings.to_string())
        });
    }

    fn open_worked_form(&mut self) {
        let Some(shift) = self.selected_shift() else {
            return;
        };
        let s = self.lang.strings();
        let (a, b) = shift.counted_times();
        let fields = vec![
            Field::text(
                FieldId::ActualStart,
                s.f_actual_start,
                a.format("%H:%M").to_string(),
            ),
            Field::text(
                FieldId::ActualEnd,
                s.f_actual_end,
                b.format("%H:%M").to_string(),
            ),
            Field::text(
                FieldId::ActivePeriods,
                s.f_active_periods,
                periods_text(&shift.active),
            ),
        ];
        let title = format!("{}: {}", s.worked_title, self.describe(&shift));
        self.form = Some((FormPurpose::Worked(shift.id), Form::new(title, fields)));
    }

    pub(super) fn submit_worked(&mut self, id: ShiftId, store: &mut Store) {
        let lang = self.lang;
        let Some(shift) = self.data.shifts.iter().find(|s| s.id == id).cloned() else {
            return;
        };
        let Some((_, form)) = self.form.as_mut() else {
            return;
        };
        let day = shift.start.date();
        let Some(typed) = Self::read_time(form, FieldId::ActualStart, day, None, lang) else {
            return;
        };
        // A night planned from 23:00 that began at 00:15 began the next day.
        let start = crate::domain::shift::nearest(shift.start, typed.time());
        let Some(end) = Self::read_time(form, FieldId::ActualEnd, start.date(), Some(start), lang)
        else {
            return;
        };
        let Some(active) = Self::read_active(form, start, end, lang) else {
            return;
        };
        match store.mark_worked(id, Some((start, end)), Some(&active)) {
            Ok(before) => {
                self.form = None;
                self.after_change(
                    store,
                    Undo {
                        restore: vec![before],
                        ..Undo::default()
                    },
                    day,
                );
            }
            Err(e) => self.form_error(&e),
        }
    }

    fn open_absent_form(&mut self) {
        let Some(shift) = self.selected_shift() else {
            return;
        };
        let s = self.lang.strings();
        let others: Vec<String> = self
            .data
            .assistants
            .iter()
            .filter(|a| a.active && a.id != shift.assistant)
            .map(|a| a.name.clone())
            .collect();
        let fields = vec![Field::lookup(
            FieldId::Substitute,
            s.f_substitute,
            "",
            others,
        )];
        let title = format!("{}: {}", s.absent_title, self.describe(&shift));
        self.form = Some((FormPurpose::Absent(shift.id), Form::new(title, fields)));
    }

    pub(super) fn submit_absent(&mut self, id: ShiftId, store: &mut Store) {
        let Some((_, form)) = self.form.as_ref() else {
            return;
        };
        let substitute = match self.resolve_assistant(form.value(FieldId::Substitute)) {
            Ok(a) => a,
            Err(message) => {
                if let Some((_, form)) = self.form.as_mut() {
                    form.fail(Some(FieldId::Substitute), message);
                }
                return;
            }
        };
        match store.mark_absent(id, substitute) {
            Ok((before, sub)) => {
                self.form = None;
                let day = before.start.date();
                self.after_change(
                    store,
                    Undo {
                        restore: vec![before],
                        delete: sub.into_iter().collect(),
                        ..Undo::default()
                    },
                    day,
                );
            }
            Err(e) => self.form_error(&e),
        }
    }

    pub(super) fn delete_shift(&mut self, id: ShiftId, store: &mut Store) {
        match store.delete_shift(id) {
            Ok(gone) => {
                let day = gone.start.date();
                self.after_change(
                    store,
                    Undo {
                        reinsert: vec![gone],
                        ..Undo::default()
                    },
                    day,
                );
            }
            Err(e) => self.fail(&e.to_string()),
        }
    }

    /// The previous week's shifts moved seven days on, as planned shifts.
    fn previous_week_copies(&self, store: &Store) -> Result<Vec<ShiftFields>, StoreError> {
        let Some(recipient) = &self.recipient else {
            return Ok(Vec::new());
        };
        let previous = self.week.previous();
        let shifts = store.shifts_in(recipient.id, previous.days())?;
        Ok(shifts
            .into_iter()
            .filter(|s| s.status.counts() && previous.days().contains(s.start.date()))
            .map(|s| ShiftFields {
                start: s.start + Duration::days(7),
                end: s.end + Duration::days(7),
                // A planned copy has had no calls yet.
                active: Vec::new(),
                ..ShiftFields::of(&s)
            })
            .collect())
    }

    fn ask_copy_previous_week(&mut self, store: &Store) {
        let s = self.lang.strings();
        match self.previous_week_copies(store) {
            Ok(copies) if copies.is_empty() => self.inform(s.nothing_to_copy.to_owned()),
            Ok(copies) => {
                self.confirm = Some(Confirm {
                    question: s
                        .confirm_copy_week
                        .replacen("{}", &copies.len().to_string(), 1)
                        .replacen("{}", &self.week.previous().number().to_string(), 1),
                    kind: ConfirmKind::CopyPreviousWeek,
                });
            }
            Err(e) => self.fail(&e.to_string()),
        }
    }

    pub(super) fn copy_previous_week(&mut self, store: &mut Store) {
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        let result = self
            .previous_week_copies(store)
            .and_then(|copies| store.copy_shifts(recipient.id, &copies));
        match result {
            Ok(ids) => {
                let n = ids.len();
                let monday = self.week.monday();
                self.after_change(
                    store,
                    Undo {
                        delete: ids,
                        ..Undo::default()
                    },
                    monday,
                );
                if self.data.findings.is_empty() {
                    self.inform(self.lang.strings().copied.replace("{}", &n.to_string()));
                }
            }
            Err(e) => self.fail(&e.to_string()),
        }
    }

    fn undo(&mut self, store: &mut Store) {
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        let Some(undo) = self.undo.take() else {
            return self.inform(self.lang.strings().nothing_to_undo.to_owned());
        };
        match store.undo_shifts(recipient.id, &undo.delete, &undo.restore, &undo.reinsert) {
            Ok(()) => {
                if let Err(e) = self.reload(store) {
                    return self.fail(&e.to_string());
                }
                self.inform(self.lang.strings().undone.to_owned());
            }
            Err(e) => {
                self.fail(&e.to_string());
                self.undo = Some(undo);
            }
        }
    }

    fn open_rota_form(&mut self, store: &Store) {
        let lang = self.lang;
        let s = lang.strings();
        let Some(recipient) = &self.recipient else {
            return;
        };
        let names = match store.rota_names(recipient.id) {
            Ok(n) => n,
            Err(e) => return self.fail(&e.to_string()),
        };
        let Some((_, weeks)) = names.first() else {
            return self.inform(s.no_rotas.to_owned());
        };
        let from = self.week.monday();
        let to = from + Duration::days(i64::from(*weeks) * 7 - 1);
        let fields = vec![
            Field::choice(
                FieldId::Rota,
                s.f_rota,
                names.iter().map(|(n, _)| n.clone()).collect(),
                0,
            ),
            Field::text(FieldId::FromDay, s.f_from_day, lang.date(from)),
            Field::text(FieldId::ToDay, s.f_to_day, lang.date(to)),
        ];
        self.form = Some((FormPurpose::ApplyRota, Form::new(s.rota_form, fields)));
    }

    /// Lays the chosen rota out and asks, with what it would give against the allocation.
    pub(super) fn preview_rota(&mut self, store: &mut Store) {
        let lang = self.lang;
        let s = lang.strings();
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        let Some((_, form)) = self.form.as_mut() else {
            return;
        };
        let name = form
            .field(FieldId::Rota)
            .map(|f| f.display().to_owned())
            .unwrap_or_default();
        let mut days = [None, None];
        for (slot, id) in days.iter_mut().zip([FieldId::FromDay, FieldId::ToDay]) {
            match parse::date(form.value(id)) {
                Ok(d) => *slot = Some(d),
                Err(e) => return form.fail(Some(id), lang.parse_error(&e)),
            }
        }
        let [Some(from), Some(to)] = days else { return };
        if to < from {
            return form.fail(
                Some(FieldId::ToDay),
                s.err_alloc_end_before
                    .replace("{to}", &lang.date(to))
                    .replace("{from}", &lang.date(from)),
            );
        }
        let range = crate::domain::time::DayRange::inclusive(from, to);
        let result = store.rota(recipient.id, &name).and_then(|rota| {
            let planned = rota
                .map(|r| crate::domain::rota::lay_out(&r, range))
                .unwrap_or_default();
            let fresh = store.rota_shifts_not_stored(recipient.id, &planned)?;
            let existing = store.shifts_in(recipient.id, range)?;
            Ok((planned, fresh, existing))
        });
        let (planned, fresh, existing) = match result {
            Ok(x) => x,
            Err(e) => return self.form_error(&e),
        };
        let as_shifts: Vec<Shift> = fresh
            .iter()
            .enumerate()
            .map(|(i, f)| Shift {
                id: ShiftId(-(i as i64) - 1),
                assistant: f.assistant,
                allocation: None,
                start: f.start,
                end: f.end,
                actual_start: None,
                actual_end: None,
                kind: f.kind,
                status: crate::domain::shift::ShiftStatus::Planned,
                note: String::new(),
                active: f.active.clone(),
            })
            .collect();
        let hours =
            crate::domain::hours::figures(range, &self.data.allocations, &as_shifts).scheduled;
        let mut over = Vec::new();
        let mut week = Week::containing(from);
        let all: Vec<Shift> = existing.into_iter().chain(as_shifts).collect();
        while week.monday() <= to {
            if crate::domain::hours::figures(week.days(), &self.data.allocations, &all).remaining()
                < 0
            {
                over.push(week.number().to_string());
            }
            week = week.next();
        }
        let over = if over.is_empty() {
            s.none_word.to_owned()
        } else {
            over.join(", ")
        };
        let question = s
            .confirm_rota
            .replace("{name}", &crate::text::clean(&name))
            .replace("{count}", &fresh.len().to_string())
            .replace("{hours}", &lang.hours(hours))
            .replace("{skipped}", &(planned.len() - fresh.len()).to_string())
            .replace("{over}", &over);
        self.confirm = Some(Confirm {
            question,
            kind: ConfirmKind::ApplyRota(planned),
        });
    }

    pub(super) fn apply_rota(
        &mut self,
        planned: &[crate::domain::rota::Planned],
        store: &mut Store,
    ) {
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        match store.apply_rota(recipient.id, planned) {
            Ok((ids, skipped)) => {
                self.form = None;
                let day = planned
                    .first()
                    .map_or(self.week.monday(), |p| p.start.date());
                let added = ids.len();
                self.after_change(
                    store,
                    Undo {
                        delete: ids,
                        ..Undo::default()
                    },
                    day,
                );
                let s = self.lang.strings();
                self.inform(
                    s.rota_applied
                        .replacen("{}", &added.to_string(), 1)
                        .replacen("{}", &skipped.to_string(), 1),
                );
            }
            Err(e) => self.form_error(&e),
        }
    }

    fn open_service_form(&mut self) {
        let lang = self.lang;
        let s = lang.strings();
        let day = self.data.row_day(self.cursors.week).unwrap_or(self.today);
        let fields = vec![
            Field::text(FieldId::Provider, s.f_provider, ""),
            Field::text(FieldId::What, s.f_what, ""),
            Field::text(FieldId::Date, s.f_date, lang.date(day)),
            Field::text(FieldId::Start, s.f_start, "08:00"),
            Field::text(FieldId::End, s.f_end, "08:30"),
            Field::choice(
                FieldId::Weekly,
                s.f_weekly,
                vec![s.once.to_owned(), s.every_week.to_owned()],
                0,
            ),
            Field::text(FieldId::Until, s.f_until, "").shown_when(FieldId::Weekly, 1),
        ];
        self.form = Some((FormPurpose::NewService, Form::new(s.service_form, fields)));
    }

    pub(super) fn submit_service(&mut self, store: &mut Store) {
        let lang = self.lang;
        let s = lang.strings();
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        let Some((_, form)) = self.form.as_mut() else {
            return;
        };
        if form.value(FieldId::Provider).is_empty() {
            return form.fail(
                Some(FieldId::Provider),
                s.err_required.replace("{}", s.f_provider),
            );
        }
        let day = match parse::date(form.value(FieldId::Date)) {
            Ok(d) => d,
            Err(e) => return form.fail(Some(FieldId::Date), lang.parse_error(&e)),
        };
        let Some(start) = Self::read_time(form, FieldId::Start, day, None, lang) else {
            return;
        };
        let Some(end) = Self::read_time(form, FieldId::End, day, None, lang) else {
            return;
        };
        let weekly = form.selected(FieldId::Weekly) == 1;
        let until = match form.value(FieldId::Until) {
            "" => None,
            text => match parse::date(text) {
                Ok(d) => Some(d),
                Err(e) => return form.fail(Some(FieldId::Until), lang.parse_error(&e)),
            },
        };
        let service = crate::domain::services::Service {
            id: 0,
            provider: form.value(FieldId::Provider).to_owned(),
            what: form.value(FieldId::What).to_owned(),
            first_day: day,
            start: start.time(),
            end: end.time(),
            weekly,
            last_day: until.filter(|_| weekly),
        };
        match store.add_service(recipient.id, &service) {
            Ok(_) => {
                self.form = None;
                match self.reload(store) {
                    Ok(()) => self.inform(s.saved.to_owned()),
                    Err(e) => self.fail(&e.to_string()),
                }
            }
            Err(e) => self.form_error(&e),
        }
    }

    pub(super) fn submit_go_to_week(&mut self, store: &mut Store) {
        let Some((_, form)) = self.form.as_mut() else {
            return;
        };
        let text = form.value(FieldId::WeekNumber).to_owned();
        let week = Week::parse(&text).or_else(|| {
            text.parse::<u32>()
                .ok()
                .and_then(|n| Week::new(self.week.year(), n))
        });
        match week {
            Some(w) => {
                self.form = None;
                self.week = w;
                self.cursors.week = 0;
                if let Err(e) = self.reload(store) {
                    self.fail(&e.to_string());
                }
            }
            None => form.fail(
                Some(FieldId::WeekNumber),
                self.lang
                    .strings()
                    .err_week
                    .replace("{}", &crate::text::clean(&text)),
            ),
        }
    }
}

/// Active periods as the form shows them: `01:10-01:40, 03:00-03:20`.
pub(super) fn periods_text(periods: &[ActivePeriod]) -> String {
    periods
        .iter()
        .map(|p| format!("{}-{}", p.start.format("%H:%M"), p.end.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(", ")
}
