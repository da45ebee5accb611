//! Who is at the keyboard: the arbeidsleder, the co-supervisors and the
//! assistants on today's shifts. Picked at start or with F2, and named in
//! the header and the audit log.

use super::FormPurpose;
use super::{App, form};
use crate::store::Store;
use form::Form;

impl App {
    /// Who may be at the keyboard: the arbeidsleder, the co-supervisors and
    /// the assistants on today's shifts, each with a role.
    pub fn people_at_keyboard(&self) -> Vec<(String, &'static str)> {
        let s = self.lang.strings();
        let mut people = Vec::new();
        if let Some(r) = &self.recipient {
            people.push((r.arbeidsleder().to_owned(), s.arbeidsleder));
        }
        for c in &self.data.co_supervisors {
            people.push((c.clone(), s.role_co_supervisor));
        }
        for shift in &self.data.day_shifts {
            if self.log_day == self.today
                && let Some(name) = self.data.name(shift.assistant)
                && !people.iter().any(|(n, _)| n == name)
            {
                people.push((name.to_owned(), s.role_assistant));
            }
        }
        people
    }

    pub(super) fn open_actor_picker(&mut self) {
        let s = self.lang.strings();
        let people = self.people_at_keyboard();
        let current = people
            .iter()
            .position(|(n, _)| *n == self.actor)
            .unwrap_or(0);
        let options = people
            .iter()
            .map(|(n, role)| format!("{n} ({role})"))
            .collect();
        self.form = Some((
            FormPurpose::PickActor,
            Form::new(
                s.who_title,
                vec![form::Field::choice(
                    form::FieldId::Who,
                    s.f_who,
                    options,
                    current,
                )],
            ),
        ));
    }

    pub(super) fn submit_actor(&mut self, store: &mut Store) {
        let Some((_, form)) = self.form.take() else {
            return;
        };
        if let Some((name, _)) = self
            .people_at_keyboard()
            .get(form.selected(form::FieldId::Who))
        {
            store.set_actor(name);
            self.actor = name.clone();
        }
    }
}
