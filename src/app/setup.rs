//! The guided start: who the recipient is, who leads the assistance, and the
//! first allocation, written in one transaction at the end, or demo data.

use super::form::{Field, FieldId, Form};
use super::{App, FormPurpose};
use crate::domain::allocation::AllocationError;
use crate::domain::ids::{AllocationId, RecipientId};
use crate::domain::parse;
use crate::domain::people::Representative;
use crate::store::{NewAllocation, NewRecipient, Store};

impl App {
    pub(super) fn open_setup_form(&mut self) {
        let s = self.lang.strings();
        let adding = self.setup.is_some_and(|st| st.adding_another);
        let title = if adding {
            s.setup_add_title
        } else {
            s.setup_form_title
        };
        let fields = vec![
            Field::text(FieldId::RecipientName, s.f_recipient_name, ""),
            Field::choice(
                FieldId::WhoLeads,
                s.f_who_leads,
                vec![s.who_self.to_owned(), s.who_representative.to_owned()],
                0,
            ),
            Field::text(FieldId::RepName, s.f_rep_name, "").shown_when(FieldId::WhoLeads, 1),
            Field::text(FieldId::RepRelation, s.f_rep_relation, "")
                .shown_when(FieldId::WhoLeads, 1),
            Field::text(FieldId::Hours, s.f_hours, ""),
            Field::text(FieldId::From, s.f_from, self.lang.date(self.today)),
            Field::text(FieldId::To, s.f_to, ""),
            Field::text(FieldId::Received, s.f_received, ""),
        ];
        self.form = Some((FormPurpose::Setup, Form::new(title, fields)));
    }

    pub(super) fn submit_setup(&mut self, store: &mut Store) {
        let lang = self.lang;
        let s = lang.strings();
        let Some((_, form)) = &mut self.form else {
            return;
        };
        let required = |form: &mut Form, id: FieldId, label: &str| {
            if form.value(id).is_empty() {
                form.fail(Some(id), s.err_required.replace("{}", label));
                true
            } else {
                false
            }
        };
        if required(form, FieldId::RecipientName, s.f_recipient_name) {
            return;
        }
        let representative = if form.selected(FieldId::WhoLeads) == 1 {
            if required(form, FieldId::RepName, s.f_rep_name) {
                return;
            }
            Some(Representative {
                name: form.value(FieldId::RepName).to_owned(),
                relation: form.value(FieldId::RepRelation).to_owned(),
            })
        } else {
            None
        };
        if required(form, FieldId::Hours, s.f_hours) || required(form, FieldId::From, s.f_from) {
            return;
        }
        let minutes = match parse::hours_to_minutes(form.value(FieldId::Hours)) {
            Ok(m) => m,
            Err(e) => return form.fail(Some(FieldId::Hours), lang.parse_error(&e)),
        };
        let mut dates = [None, None, None];
        for (slot, id) in dates
            .iter_mut()
            .zip([FieldId::From, FieldId::To, FieldId::Received])
        {
            let text = form.value(id);
            if !text.is_empty() {
                match parse::date(text) {
                    Ok(d) => *slot = Some(d),
                    Err(e) => return form.fail(Some(id), lang.parse_error(&e)),
                }
            }
        }
        let [Some(from), to, received] = dates else {
            return;
        };
        let mut allocation = NewAllocation::new(minutes, from);
        allocation.valid_to = to;
        allocation.received_on = received;
        if let Err(e) = allocation
            .to_domain(AllocationId(0), RecipientId(0))
            .validate()
        {
            let field = match e {
                AllocationError::EndBeforeStart { .. } => FieldId::To,
                _ => FieldId::Hours,
            };
            return form.fail(Some(field), lang.allocation_error(&e));
        }
        let new = NewRecipient {
            name: form.value(FieldId::RecipientName).to_owned(),
            representative,
        };
        store.set_actor(
            new.representative
                .as_ref()
                .map_or(new.name.as_str(), |r| r.name.as_str()),
        );
        match store.create_recipient(&new, Some(&allocation)) {
            Ok(id) => {
                if let Err(e) = store.ensure_task_types(&lang.default_task_types()) {
                    self.warn(e.to_string());
                }
                self.form = None;
                self.setup = None;
                self.screen = super::Screen::Overview;
                self.after_new_recipient(
                    store,
                    id,
                    s.setup_done
                        .replace("{}", &crate::text::clean(new.name.trim())),
                );
            }
            Err(e) => form.fail(None, e.to_string()),
        }
    }

    pub(super) fn load_demo(&mut self, store: &mut Store) {
        let plan = crate::demo::plan(1, 1, self.today.and_hms_opt(12, 0, 0).unwrap_or_default());
        match store.load_demo(&plan, false) {
            Ok(id) => {
                self.setup = None;
                self.after_new_recipient(store, id, self.lang.strings().demo_done.to_owned());
            }
            Err(e) => self.fail(&e.to_string()),
        }
    }

    fn after_new_recipient(&mut self, store: &mut Store, id: RecipientId, message: String) {
        match store.recipients() {
            Ok(all) => self.recipient = all.into_iter().find(|r| r.id == id),
            Err(e) => return self.fail(&e.to_string()),
        }
        if let Some(r) = &self.recipient {
            store.set_actor(r.arbeidsleder());
            r.arbeidsleder().clone_into(&mut self.actor);
        }
        self.cursors = super::Cursors::default();
        match self.reload(store) {
            Ok(()) => self.inform(message),
            Err(e) => self.fail(&e.to_string()),
        }
    }
}
