//! The month end on the screen: the Timesheet view of the Reports screen
//! (an assistant and a month picked from lists, the pay buckets as a table,
//! approval with `a`) and the Export form (`x`) for every export the command
//! line makes. The files come from the same builders as `bpa export …`.

use chrono::{Datelike, NaiveDate};

use super::form::{Field, FieldId, Form};
use super::{Action, App, Confirm, ConfirmKind, FormPurpose};
use crate::domain::ids::AssistantId;
use crate::domain::time::Month;
use crate::exports::{ExportKind, Request};
use crate::store::Store;

/// The report view that shows a timesheet.
pub const TIMESHEET_VIEW: usize = 5;

/// How many of the things to look at an approval question lists on screen.
const SURPRISES_SHOWN: usize = 4;

/// How many report views `v` steps through.
pub const REPORT_VIEWS: usize = 6;

/// Which timesheet the view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimesheetPick {
    pub assistant: AssistantId,
    pub month: Month,
}

/// The months offered in the lists: a year back to two months ahead.
fn months_around(today: NaiveDate) -> Vec<Month> {
    let mut month = Month::containing(today);
    for _ in 0..12 {
        month = month.previous();
    }
    (0..15)
        .map(|_| {
            let m = month;
            month = month.next();
            m
        })
        .collect()
}

/// The month a month-end task most likely means: the last one early in a
/// month, this one later.
fn likely_month(today: NaiveDate) -> Month {
    if today.day() <= 15 {
        Month::containing(today).previous()
    } else {
        Month::containing(today)
    }
}

impl App {
    /// Keys of the Reports screen that belong to the month end; true when handled.
    pub(super) fn update_month_end(&mut self, action: Action, store: &mut Store) -> bool {
        match action {
            Action::Approve if self.report_view == TIMESHEET_VIEW => self.ask_approval(store),
            // Approval needs a month on screen first.
            Action::PickTimesheet | Action::Approve => self.open_timesheet_form(),
            Action::Export => self.open_export_form(),
            _ => return false,
        }
        true
    }

    /// Reads the Timesheet view's sheet and approval when that view shows.
    pub(super) fn load_timesheet(&mut self, store: &Store) -> crate::store::Result<()> {
        self.timesheet = None;
        self.timesheet_approval = None;
        if self.report_view != TIMESHEET_VIEW {
            return Ok(());
        }
        let (Some(pick), Some(recipient)) = (self.timesheet_pick, &self.recipient) else {
            return Ok(());
        };
        self.timesheet = Some(crate::timesheet::build(
            store,
            recipient,
            pick.assistant,
            pick.month,
            None,
        )?);
        self.timesheet_approval = store.approval(recipient.id, pick.assistant, pick.month)?;
        Ok(())
    }

    fn assistant_options(&self) -> Vec<(AssistantId, String)> {
        self.data
            .assistants
            .iter()
            .filter_map(|a| a.id.map(|id| (id, a.name.clone())))
            .collect()
    }

    /// The month list of a form, remembered with the assistants' ids so
    /// Enter acts on what the form showed.
    fn month_field(&mut self, people: &[(AssistantId, String)], selected: Month) -> Field {
        let months = months_around(self.today);
        self.form_lists = Some((people.iter().map(|(id, _)| *id).collect(), months.clone()));
        let index = months.iter().position(|m| *m == selected).unwrap_or(11);
        Field::choice(
            FieldId::Month,
            self.lang.strings().tsv_month,
            months.iter().map(|m| self.lang.month_year(*m)).collect(),
            index,
        )
    }

    fn open_timesheet_form(&mut self) {
        let s = self.lang.strings();
        let people = self.assistant_options();
        if people.is_empty() {
            self.warn(s.tsv_no_assistants.to_owned());
            return;
        }
        let current = self.timesheet_pick;
        let who = current
            .and_then(|p| people.iter().position(|(id, _)| *id == p.assistant))
            .unwrap_or(0);
        let month = current.map_or_else(|| likely_month(self.today), |p| p.month);
        let month_field = self.month_field(&people, month);
        let fields = vec![
            Field::choice(
                FieldId::Assistant,
                s.export_whom,
                people.into_iter().map(|(_, n)| n).collect(),
                who,
            ),
            month_field,
        ];
        self.form = Some((FormPurpose::PickTimesheet, Form::new(s.tsv_title, fields)));
    }

    pub(super) fn submit_timesheet_pick(&mut self, store: &mut Store) {
        let Some((_, form)) = self.form.take() else {
            return;
        };
        let (people, months) = self.form_lists.take().unwrap_or_default();
        if let (Some(id), Some(month)) = (
            people.get(form.selected(FieldId::Assistant)),
            months.get(form.selected(FieldId::Month)),
        ) {
            self.timesheet_pick = Some(TimesheetPick {
                assistant: *id,
                month: *month,
            });
            self.report_view = TIMESHEET_VIEW;
            self.report_scroll = 0;
            if let Err(e) = self.reload(store) {
                self.fail(&e.to_string());
            }
        }
    }

    /// Asks before approving (listing what would surprise payroll) or
    /// before reopening an approved month.
    fn ask_approval(&mut self, store: &Store) {
        let (Some(pick), Some(recipient)) = (self.timesheet_pick, self.recipient.clone()) else {
            self.open_timesheet_form();
            return;
        };
        let lang = self.lang;
        let s = lang.strings();
        let Some(assistant) = self
            .data
            .assistants
            .iter()
            .find(|a| a.id == Some(pick.assistant))
            .cloned()
        else {
            return;
        };
        let label = lang.month_year(pick.month);
        let name = crate::text::clean(&assistant.name).into_owned();
        if self.timesheet_approval.is_some() {
            self.confirm = Some(Confirm {
                question: s
                    .tsv_confirm_unapprove
                    .replace("{month}", &label)
                    .replace("{name}", &name),
                kind: ConfirmKind::Unapprove(pick.assistant, pick.month),
            });
            return;
        }
        let shifts =
            match crate::timesheet::shifts_of(store, recipient.id, pick.assistant, pick.month) {
                Ok(found) => found,
                Err(e) => return self.fail(&e.to_string()),
            };
        let found = crate::domain::approval::surprises(
            &shifts,
            &assistant.employee_number,
            crate::clock::now(),
        );
        let question = if found.is_empty() {
            s.tsv_confirm_approve
                .replace("{month}", &label)
                .replace("{name}", &name)
        } else {
            // A few, then how many more: the question itself must fit.
            let mut lines =
                lang.surprise_lines(&found, &assistant.name, pick.month, SURPRISES_SHOWN);
            lines.push(s.approve_question.to_owned());
            lines.join("\n")
        };
        self.confirm = Some(Confirm {
            question,
            kind: ConfirmKind::Approve(pick.assistant, pick.month),
        });
    }

    /// Approves (`approve`) or reopens an assistant's month.
    pub(super) fn set_approval(
        &mut self,
        approve: bool,
        assistant: AssistantId,
        month: Month,
        store: &mut Store,
    ) {
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        let s = self.lang.strings();
        let (result, template) = if approve {
            (
                store.approve_month(recipient.id, assistant, month),
                s.approved,
            )
        } else {
            (
                store.unapprove_month(recipient.id, assistant, month),
                s.unapproved,
            )
        };
        if let Err(e) = result {
            return self.fail(&e.to_string());
        }
        // An undo from before would now meet a locked shift.
        self.undo = None;
        if let Err(e) = self.reload(store) {
            return self.fail(&e.to_string());
        }
        let name = self
            .data
            .name(Some(assistant))
            .unwrap_or_default()
            .to_owned();
        let count = self.timesheet.as_ref().map_or(0, |t| t.rows.len());
        self.inform(
            template
                .replace("{month}", &self.lang.month_year(month))
                .replace("{name}", &crate::text::clean(&name))
                .replace("{count}", &count.to_string()),
        );
    }

    fn open_export_form(&mut self) {
        let s = self.lang.strings();
        let options = self.assistant_options();
        let who = self
            .timesheet_pick
            .and_then(|p| options.iter().position(|(id, _)| *id == p.assistant))
            .map_or(0, |i| i + 1);
        let month = self
            .timesheet_pick
            .map_or_else(|| likely_month(self.today), |p| p.month);
        let folder = self
            .export_folder
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let month_field = self.month_field(&options, month);
        let mut people: Vec<String> = vec![s.export_all.to_owned()];
        people.extend(options.into_iter().map(|(_, n)| n));
        let fields = vec![
            Field::choice(
                FieldId::What,
                s.export_what,
                s.export_kinds.iter().map(|k| (*k).to_owned()).collect(),
                0,
            ),
            Field::choice(FieldId::Assistant, s.export_whom, people, who),
            month_field,
            Field::text(FieldId::File, s.export_file, folder),
        ];
        let mut form = Form::new(s.export_title, fields);
        form.hint = Some(s.export_hint);
        self.form = Some((FormPurpose::Export, form));
    }

    pub(super) fn submit_export(&mut self, store: &mut Store) {
        let Some(recipient) = self.recipient.clone() else {
            return;
        };
        let lang = self.lang;
        let s = lang.strings();
        let (people, months) = self.form_lists.clone().unwrap_or_default();
        let Some((_, form)) = self.form.as_mut() else {
            return;
        };
        let kind = ExportKind::ALL[form.selected(FieldId::What).min(ExportKind::ALL.len() - 1)];
        let assistant = form
            .selected(FieldId::Assistant)
            .checked_sub(1)
            .and_then(|i| people.get(i))
            .copied();
        let Some(month) = months.get(form.selected(FieldId::Month)).copied() else {
            return;
        };
        if kind.needs_assistant() && assistant.is_none() {
            form.fail(
                Some(FieldId::Assistant),
                s.export_needs_assistant.to_owned(),
            );
            return;
        }
        let request = Request {
            kind,
            assistant,
            month,
        };
        let target = form.value(FieldId::File).to_owned();
        let made = crate::exports::make(store, &recipient, lang, &request);
        let (name, content) = match made {
            Ok(x) => x,
            Err(message) => {
                form.fail(None, message);
                return;
            }
        };
        let folder = self.export_folder.clone().unwrap_or_default();
        let path = crate::exports::target_path(&target, &name, &folder);
        if let Some(db) = store.path()
            && let Err(message) = crate::exports::refuse_database(&path, db)
        {
            form.fail(Some(FieldId::File), message);
            return;
        }
        if path.exists() {
            let shown = path.display().to_string();
            self.confirm = Some(Confirm {
                question: s
                    .export_overwrite
                    .replace("{}", &crate::text::clean(&shown)),
                kind: ConfirmKind::OverwriteExport(path, content),
            });
            return;
        }
        self.write_export(&path, &content, store);
    }

    /// Writes a made export, closing the form, or says in the form why not.
    pub(super) fn write_export(
        &mut self,
        path: &std::path::Path,
        content: &crate::exports::Content,
        store: &Store,
    ) {
        let s = self.lang.strings();
        let shown = crate::text::clean(&path.display().to_string()).into_owned();
        match crate::exports::write(store, path, content) {
            Ok(()) => {
                self.form = None;
                self.inform(s.written_to.replace("{}", &shown));
            }
            Err(e) => {
                if let Some((_, form)) = self.form.as_mut() {
                    form.fail(
                        Some(FieldId::File),
                        s.export_failed
                            .replace("{path}", &shown)
                            .replace("{why}", &e.to_string()),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_likely_month_is_the_last_one_early_in_a_month() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(likely_month(d(12, 3)), Month::new(2026, 11).unwrap());
        assert_eq!(likely_month(d(12, 20)), Month::new(2026, 12).unwrap());
        assert_eq!(
            likely_month(NaiveDate::from_ymd_opt(2027, 1, 2).unwrap()),
            Month::new(2026, 12).unwrap()
        );
        let list = months_around(d(12, 3));
        assert_eq!(list.len(), 15);
        assert_eq!(list[12], Month::new(2026, 12).unwrap());
        assert_eq!(list[0], Month::new(2025, 12).unwrap());
    }
}
