//! Adding and editing an allocation (vedtak) in a form.

use super::form::{Field, FieldId, Form};
use super::{App, Confirm, ConfirmKind, FormPurpose};
use crate::domain::allocation::{Allocation, AllocationError, DEFAULT_PURPOSE, FlexPeriod};
use crate::domain::ids::{AllocationId, RecipientId};
use crate::domain::parse;
use crate::store::{NewAllocation, Store, StoreError};

impl App {
    pub(super) fn open_allocation_form(&mut self, existing: Option<&Allocation>) {
        let lang = self.lang;
        let s = lang.strings();
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| lang.date(d)).unwrap_or_default();
        let (title, purpose) = match existing {
            Some(a) => (s.allocation_form_edit, FormPurpose::EditAllocation(a.id)),
            None => (s.allocation_form_new, FormPurpose::NewAllocation),
        };
        let fields = vec![
            Field::text(
                FieldId::Purpose,
                s.f_purpose,
                existing.map_or(DEFAULT_PURPOSE.to_owned(), |a| a.purpose.clone()),
            ),
            Field::text(
                FieldId::Hours,
                s.f_hours,
                existing
                    .map(|a| lang.hours_input(a.minutes_per_week))
                    .unwrap_or_default(),
            ),
            Field::text(
                FieldId::From,
                s.f_from,
                existing.map_or_else(|| lang.date(self.today), |a| lang.date(a.valid_from)),
            ),
            Field::text(FieldId::To, s.f_to, date(existing.and_then(|a| a.valid_to))),
            Field::text(
                FieldId::Received,
                s.f_received,
                date(existing.and_then(|a| a.received_on)),
            ),
            Field::text(
                FieldId::Deadline,
                s.f_deadline,
                date(existing.and_then(|a| a.appeal_deadline)),
            ),
            Field::text(
                FieldId::Reference,
                s.f_reference,
                existing.map(|a| a.reference.clone()).unwrap_or_default(),
            ),
            Field::choice(
                FieldId::Flex,
                s.f_flex,
                s.flex_names.iter().map(|f| (*f).to_owned()).collect(),
                existing.map_or(0, |a| a.flex as usize),
            ),
            Field::text(
                FieldId::SleepFactor,
                s.f_factor_sleeping,
                lang.factor(existing.map_or(1000, |a| a.factors.sleeping_night)),
            ),
            Field::text(
                FieldId::Notes,
                s.f_notes,
                existing.map(|a| a.notes.clone()).unwrap_or_default(),
            ),
        ];
        self.original = existing.cloned().map(super::Original::Allocation);
        let mut form = Form::new(title, fields);
        form.hint = Some(s.deadline_default_hint);
        if existing.is_none() {
            form.focus = 1;
        }
        self.form = Some((purpose, form));
    }

    /// Reads the form into an allocation, or marks the field that is wrong.
    /// When editing, what the form does not show (the other kinds' factors)
    /// is kept, and a deadline the user left alone follows a changed
    /// received date.
    fn read_allocation_form(&mut self, existing: Option<&Allocation>) -> Option<NewAllocation> {
        let lang = self.lang;
        let s = lang.strings();
        let (_, form) = self.form.as_mut()?;
        for (id, label) in [(FieldId::Hours, s.f_hours), (FieldId::From, s.f_from)] {
            if form.value(id).is_empty() {
                form.fail(Some(id), s.err_required.replace("{}", label));
                return None;
            }
        }
        let minutes = match parse::hours_to_minutes(form.value(FieldId::Hours)) {
            Ok(m) => m,
            Err(e) => {
                form.fail(Some(FieldId::Hours), lang.parse_error(&e));
                return None;
            }
        };
        let mut dates = [None; 4];
        for (slot, id) in dates.iter_mut().zip([
            FieldId::From,
            FieldId::To,
            FieldId::Received,
            FieldId::Deadline,
        ]) {
            let text = form.value(id);
            if !text.is_empty() {
                match parse::date(text) {
                    Ok(d) => *slot = Some(d),
                    Err(e) => {
                        form.fail(Some(id), lang.parse_error(&e));
                        return None;
                    }
                }
            }
        }
        let [Some(from), to, received, deadline] = dates else {
            return None;
        };
        let factor = match parse::factor_permille(form.value(FieldId::SleepFactor)) {
            Ok(f) => f,
            Err(e) => {
                form.fail(Some(FieldId::SleepFactor), lang.parse_error(&e));
                return None;
            }
        };
        let mut new = NewAllocation::new(minutes, from);
        new.purpose = form.value(FieldId::Purpose).to_owned();
        new.valid_to = to;
        new.received_on = received;
        new.appeal_deadline = deadline;
        new.reference = form.value(FieldId::Reference).to_owned();
        new.flex = FlexPeriod::ALL[form.selected(FieldId::Flex).min(2)];
        new.factors.sleeping_night = factor;
        new.notes = form.value(FieldId::Notes).to_owned();
        if let Some(old) = existing {
            new.factors.ordinary = old.factors.ordinary;
            new.factors.awake_night = old.factors.awake_night;
            let deadline_untouched = new.appeal_deadline == old.appeal_deadline;
            if deadline_untouched && new.received_on != old.received_on {
                new.appeal_deadline = None;
            }
        }
        if let Err(e) = new.to_domain(AllocationId(0), RecipientId(0)).validate() {
            let field = match e {
                AllocationError::EndBeforeStart { .. } => FieldId::To,
                AllocationError::Factor => FieldId::SleepFactor,
                _ => FieldId::Hours,
            };
            form.fail(Some(field), lang.allocation_error(&e));
            return None;
        }
        Some(new)
    }

    pub(super) fn submit_allocation(&mut self, purpose: FormPurpose, store: &mut Store) {
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        let existing = match purpose {
            FormPurpose::EditAllocation(id) => {
                self.data.allocations.iter().find(|a| a.id == id).cloned()
            }
            _ => None,
        };
        let Some(new) = self.read_allocation_form(existing.as_ref()) else {
            return;
        };
        match purpose {
            FormPurpose::EditAllocation(id) => {
                let expected = match &self.original {
                    Some(super::Original::Allocation(a)) if a.id == id => Some(a.clone()),
                    _ => None,
                };
                let result = store.update_allocation(id, &new, expected.as_ref());
                self.after_allocation_save(store, result);
            }
            _ => match store.allocation_to_end(recipient.id, &new) {
                Ok(Some(previous)) => {
                    let s = self.lang.strings();
                    let end = new.valid_from - chrono::Duration::days(1);
                    let refusal = self.lang.allocation_error(&AllocationError::Overlap {
                        purpose: previous.purpose.clone(),
                        from: previous.valid_from,
                        to: previous
                            .valid_to
                            .map_or_else(|| "…".to_owned(), |d| d.to_string()),
                    });
                    self.confirm = Some(Confirm {
                        question: s
                            .end_previous_question
                            .replacen("{}", &self.lang.date(previous.valid_from), 1)
                            .replacen("{}", &self.lang.date(end), 1),
                        kind: ConfirmKind::EndPrevious { new, refusal },
                    });
                }
                Ok(None) => self.save_new_allocation(store, &new, false),
                Err(e) => self.fail(&e.to_string()),
            },
        }
    }

    pub(super) fn save_new_allocation(
        &mut self,
        store: &mut Store,
        new: &NewAllocation,
        end_previous: bool,
    ) {
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        let result = store
            .add_allocation(recipient.id, new, end_previous)
            .map(|_| ());
        self.after_allocation_save(store, result);
    }

    fn after_allocation_save(&mut self, store: &mut Store, result: Result<(), StoreError>) {
        match result {
            Ok(()) => {
                self.form = None;
                match self.reload(store) {
                    Ok(()) => self.inform(self.lang.strings().saved.to_owned()),
                    Err(e) => self.fail(&e.to_string()),
                }
            }
            Err(StoreError::Allocation(e)) => {
                let message = self.lang.allocation_error(&e);
                if let Some((_, form)) = &mut self.form {
                    form.fail(None, message);
                }
            }
            Err(e) => {
                let message = self.lang.strings().err_save.replace("{}", &e.to_string());
                if let Some((_, form)) = &mut self.form {
                    form.fail(None, message);
                }
            }
        }
    }
}
