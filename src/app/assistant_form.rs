//! Adding, editing, deactivating and deleting assistants. Someone with
//! shifts or log entries is never deleted, only marked as former.

use super::form::{Field, FieldId, Form};
use super::{Action, App, Confirm, ConfirmKind, FormPurpose};
use crate::domain::ids::AssistantId;
use crate::domain::parse;
use crate::domain::people::Assistant;
use crate::store::{Store, StoreError};

impl App {
    /// Keys of the Assistants screen that change data; `false` when not one.
    pub(super) fn update_assistants(&mut self, action: Action, store: &Store) -> bool {
        let selected = self.data.assistants.get(self.cursors.assistants).cloned();
        match action {
            Action::ToggleMatrix => self.show_matrix = !self.show_matrix,
            Action::Add => self.open_assistant_form(None),
            Action::Edit => self.open_assistant_form(selected.as_ref()),
            Action::Remove => {
                let Some(a) = selected else { return true };
                let Some(id) = a.id else { return true };
                let s = self.lang.strings();
                let name = crate::text::clean(&a.name).into_owned();
                // The store checks again when it deletes.
                let history = match store.assistant_has_history(id) {
                    Ok(h) => h,
                    Err(e) => {
                        self.fail(&e.to_string());
                        return true;
                    }
                };
                self.confirm = Some(if history {
                    Confirm {
                        question: s.confirm_deactivate_assistant.replace("{}", &name),
                        kind: ConfirmKind::DeactivateAssistant(id),
                    }
                } else {
                    Confirm {
                        question: s.confirm_delete_assistant.replace("{}", &name),
                        kind: ConfirmKind::DeleteAssistant(id),
                    }
                });
            }
            _ => return false,
        }
        true
    }

    fn open_assistant_form(&mut self, existing: Option<&Assistant>) {
        let lang = self.lang;
        let s = lang.strings();
        let a = existing.cloned().unwrap_or(Assistant {
            active: true,
            ..Assistant::default()
        });
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| lang.date(d)).unwrap_or_default();
        let fields = vec![
            Field::text(FieldId::Name, s.f_name, a.name.clone()),
            Field::text(FieldId::Phone, s.f_phone, a.phone.clone()),
            Field::text(FieldId::Email, s.f_email, a.email.clone()),
            Field::text(
                FieldId::EmployeeNumber,
                s.f_employee_number,
                a.employee_number.clone(),
            ),
            Field::text(
                FieldId::Percent,
                s.f_percent,
                a.employment_percent
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
            ),
            Field::text(
                FieldId::ContractHours,
                s.f_contract_hours,
                a.contracted_minutes
                    .map(|m| lang.hours_input(m))
                    .unwrap_or_default(),
            ),
            Field::text(FieldId::EmployedFrom, s.f_employed_from, date(a.start_date)),
            Field::text(FieldId::EmployedTo, s.f_employed_to, date(a.end_date)),
            Field::text(FieldId::Police, s.f_police, date(a.police_certificate)),
            Field::text(
                FieldId::Confidentiality,
                s.f_confidentiality,
                date(a.confidentiality),
            ),
            Field::text(FieldId::ContractDate, s.f_contract, date(a.contract)),
            Field::choice(
                FieldId::Active,
                s.f_active,
                vec![s.yes.to_owned(), s.no.to_owned()],
                usize::from(!a.active),
            ),
            Field::text(FieldId::Notes, s.f_notes, a.notes.clone()),
        ];
        let (title, purpose) = match a.id {
            Some(id) if existing.is_some() => {
                (s.assistant_form_edit, FormPurpose::EditAssistant(id))
            }
            _ => (s.assistant_form_new, FormPurpose::NewAssistant),
        };
        self.original = existing.cloned().map(super::Original::Assistant);
        self.form = Some((purpose, Form::new(title, fields)));
    }

    /// Reads the form, or marks the field that is wrong and keeps the input.
    fn read_assistant_form(&mut self, id: Option<AssistantId>) -> Option<Assistant> {
        let lang = self.lang;
        let s = lang.strings();
        let (_, form) = self.form.as_mut()?;
        if form.value(FieldId::Name).is_empty() {
            form.fail(Some(FieldId::Name), s.err_required.replace("{}", s.f_name));
            return None;
        }
        let percent = match form.value(FieldId::Percent) {
            "" => None,
            text => match text.trim_end_matches('%').trim().parse::<u32>() {
                Ok(p) if p <= 100 => Some(p),
                _ => {
                    let message = s.err_percent.replace("{}", &crate::text::clean(text));
                    form.fail(Some(FieldId::Percent), message);
                    return None;
                }
            },
        };
        let hours = match form.value(FieldId::ContractHours) {
            "" => None,
            text => match parse::hours_to_minutes(text) {
                Ok(m) => Some(m),
                Err(e) => {
                    form.fail(Some(FieldId::ContractHours), lang.parse_error(&e));
                    return None;
                }
            },
        };
        let mut dates = [None; 5];
        let ids = [
            FieldId::EmployedFrom,
            FieldId::EmployedTo,
            FieldId::Police,
            FieldId::Confidentiality,
            FieldId::ContractDate,
        ];
        for (slot, field) in dates.iter_mut().zip(ids) {
            let text = form.value(field);
            if !text.is_empty() {
                match parse::date(text) {
                    Ok(d) => *slot = Some(d),
                    Err(e) => {
                        form.fail(Some(field), lang.parse_error(&e));
                        return None;
                    }
                }
            }
        }
        let [
            start_date,
            end_date,
            police_certificate,
            confidentiality,
            contract,
        ] = dates;
        Some(Assistant {
            id,
            name: form.value(FieldId::Name).to_owned(),
            phone: form.value(FieldId::Phone).to_owned(),
            email: form.value(FieldId::Email).to_owned(),
            employment_percent: percent,
            contracted_minutes: hours,
            start_date,
            end_date,
            police_certificate,
            confidentiality,
            contract,
            active: form.selected(FieldId::Active) == 0,
            notes: form.value(FieldId::Notes).to_owned(),
            employee_number: form.value(FieldId::EmployeeNumber).trim().to_owned(),
        })
    }

    pub(super) fn submit_assistant(&mut self, purpose: FormPurpose, store: &mut Store) {
        let id = match purpose {
            FormPurpose::EditAssistant(id) => Some(id),
            _ => None,
        };
        let Some(assistant) = self.read_assistant_form(id) else {
            return;
        };
        let result = match id {
            Some(id) => {
                let expected = match &self.original {
                    Some(super::Original::Assistant(a)) if a.id == Some(id) => Some(a.clone()),
                    _ => None,
                };
                store.update_assistant(&assistant, expected.as_ref())
            }
            None => store.add_assistant(&assistant).map(|_| ()),
        };
        match result {
            Ok(()) => {
                self.form = None;
                self.after_assistant_change(store, self.lang.strings().saved);
                if let Some(i) = self
                    .data
                    .assistants
                    .iter()
                    .position(|a| a.name.trim() == assistant.name.trim())
                {
                    self.cursors.assistants = i;
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
                if let Some((_, form)) = &mut self.form {
                    form.fail(None, message);
                }
            }
        }
    }

    pub(super) fn delete_assistant(&mut self, id: AssistantId, store: &mut Store) {
        match store.delete_assistant(id) {
            Ok(()) => self.after_assistant_change(store, self.lang.strings().deleted),
            Err(e) => self.fail(&e.to_string()),
        }
    }

    pub(super) fn deactivate_assistant(&mut self, id: AssistantId, store: &mut Store) {
        let Some(mut a) = self
            .data
            .assistants
            .iter()
            .find(|a| a.id == Some(id))
            .cloned()
        else {
            return;
        };
        let expected = a.clone();
        a.active = false;
        match store.update_assistant(&a, Some(&expected)) {
            Ok(()) => self.after_assistant_change(store, self.lang.strings().saved),
            Err(e) => self.fail(&e.to_string()),
        }
    }

    fn after_assistant_change(&mut self, store: &Store, message: &str) {
        match self.reload(store) {
            Ok(()) => self.inform(message.to_owned()),
            Err(e) => self.fail(&e.to_string()),
        }
    }
}
