//! Application state and the one place it changes: `App::update`.
//!
//! The app asks the store for what the screens show whenever something
//! changes (`reload`), so drawing never queries. A store error becomes a
//! message in the status line and keeps the user's input; it never ends
//! the program.

pub mod action;
mod actor;
mod allocation_form;
mod assistant_form;
mod choosers;
mod data;
pub mod form;
pub mod keymap;
mod log_actions;
mod month_end;
mod setup;
mod week_actions;
#[cfg(test)]
mod week_tests;

use chrono::{Duration, NaiveDate};

pub use action::{Action, Screen};
pub use data::{Data, WeekRow};
use form::Form;
use keymap::Context;
pub use month_end::{TIMESHEET_VIEW, TimesheetPick};
pub use week_actions::Undo;

use crate::domain::ids::{AllocationId, AssistantId, ShiftId};
use crate::domain::people::Recipient;
use crate::domain::time::Week;
use crate::i18n::Lang;
use crate::store::{NewAllocation, Store};

/// What a form on screen is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    Setup,
    NewAllocation,
    EditAllocation(AllocationId),
    NewShift,
    EditShift(ShiftId),
    Worked(ShiftId),
    Absent(ShiftId),
    GoToWeek,
    NewAssistant,
    EditAssistant(AssistantId),
    NewService,
    ApplyRota,
    NewLogEntry,
    /// A correction of the entry with this id.
    CorrectLogEntry(i64),
    NewIncident,
    NewNeed,
    SearchLog,
    TickRoutine,
    PickActor,
    /// The assistant and month of the Timesheet view.
    PickTimesheet,
    Export,
}

/// What a yes/no question will do on yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfirmKind {
    DiscardForm,
    Quit,
    /// Save a new allocation ending the previous one; on no, the form shows `refusal`.
    EndPrevious {
        new: NewAllocation,
        refusal: String,
    },
    DeleteShift(ShiftId),
    CopyPreviousWeek,
    DeleteAssistant(AssistantId),
    ApplyRota(Vec<crate::domain::rota::Planned>),
    /// Log a health task for an assistant without valid training.
    LogUntrained(crate::domain::log::NewEntry),
    DeactivateAssistant(AssistantId),
    /// Approve an assistant's month for payroll, locking its shifts.
    Approve(AssistantId, crate::domain::time::Month),
    /// Reopen an approved month.
    Unapprove(AssistantId, crate::domain::time::Month),
    /// Write a made export over the file that is there.
    OverwriteExport(std::path::PathBuf, crate::exports::Content),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub kind: ConfirmKind,
}

/// The guided start's first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    pub selected: usize,
    /// Run again from the recipient picker to add another recipient.
    pub adding_another: bool,
}

/// The choices of the guided start's first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupChoice {
    Own,
    Demo,
    Leave,
}

impl Setup {
    pub fn choices(self) -> Vec<SetupChoice> {
        if self.adding_another {
            vec![SetupChoice::Own, SetupChoice::Leave]
        } else {
            vec![SetupChoice::Own, SetupChoice::Demo, SetupChoice::Leave]
        }
    }
}

/// What an edit form was opened on, so a change made meanwhile in another
/// window is noticed instead of overwritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Original {
    Shift(crate::domain::shift::Shift),
    Allocation(crate::domain::allocation::Allocation),
    Assistant(crate::domain::people::Assistant),
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Selected rows, per screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursors {
    pub log: usize,
    pub week: usize,
    pub assistants: usize,
    pub allocations: usize,
}

pub struct App {
    pub lang: Lang,
    pub today: NaiveDate,
    pub screen: Screen,
    pub setup: Option<Setup>,
    pub form: Option<(FormPurpose, Form)>,
    pub confirm: Option<Confirm>,
    /// The help overlay, with the context it describes.
    pub help: Option<Context>,
    /// The recipient picker's selected row.
    pub picker: Option<usize>,
    pub status: Option<Status>,
    pub quit: bool,
    pub recipient: Option<Recipient>,
    pub week: Week,
    pub log_day: NaiveDate,
    pub cursors: Cursors,
    pub data: Data,
    /// How to take back the last change to the plan.
    pub undo: Option<Undo>,
    /// The Log screen shows health entries only.
    pub log_health_only: bool,
    /// The Assistants screen shows the training matrix.
    pub show_matrix: bool,
    /// Who is at the keyboard, for the audit log.
    pub actor: String,
    /// Which report the Reports screen shows (0: hours; 1–4: health,
    /// incidents, training, need), its text and how far it is scrolled.
    pub report_view: usize,
    pub report_text: String,
    pub report_scroll: usize,
    /// The Log screen shows entries containing this text.
    pub log_search: String,
    /// The Log screen shows this assistant's entries only.
    pub log_assistant: String,
    /// The Log screen shows this task type's entries only.
    pub log_task: String,
    /// The row an open edit form started from.
    pub original: Option<Original>,
    /// Which timesheet the Timesheet view shows, the sheet, and its approval.
    pub timesheet_pick: Option<month_end::TimesheetPick>,
    pub timesheet: Option<crate::timesheet::Timesheet>,
    pub timesheet_approval: Option<crate::store::approvals::Approval>,
    /// The assistants and months an open Timesheet or Export form lists, in
    /// its order, so a reload meanwhile cannot change what Enter acts on.
    pub form_lists: Option<(Vec<AssistantId>, Vec<crate::domain::time::Month>)>,
    /// Where the Export form suggests writing (the documents folder).
    pub export_folder: Option<std::path::PathBuf>,
    seen_version: i64,
}

impl App {
    /// The app on `store`, showing `today`'s week; the guided start when the
    /// database holds no recipient yet.
    pub fn new(
        store: &Store,
        lang: Lang,
        today: NaiveDate,
        recipient: Option<&str>,
    ) -> crate::store::Result<Self> {
        let recipients = store.recipients()?;
        let chosen = match recipient {
            Some(name) => Some(store.pick_recipient(Some(name))?),
            None => recipients.first().cloned(),
        };
        let actor = match (store.actor(), &chosen) {
            (crate::store::DEFAULT_ACTOR, Some(r)) => r.arbeidsleder().to_owned(),
            (named, _) => named.to_owned(),
        };
        let mut app = Self {
            lang,
            today,
            screen: Screen::Overview,
            setup: recipients.is_empty().then_some(Setup {
                selected: 0,
                adding_another: false,
            }),
            form: None,
            confirm: None,
            help: None,
            picker: None,
            status: None,
            quit: false,
            recipient: chosen,
            week: Week::containing(today),
            log_day: today,
            cursors: Cursors::default(),
            data: Data::default(),
            undo: None,
            log_health_only: false,
            show_matrix: false,
            actor,
            report_view: 0,
            report_text: String::new(),
            report_scroll: 0,
            log_search: String::new(),
            log_assistant: String::new(),
            log_task: String::new(),
            original: None,
            timesheet_pick: None,
            timesheet: None,
            timesheet_approval: None,
            form_lists: None,
            export_folder: crate::exports::default_folder(),
            seen_version: 0,
        };
        app.reload(store)?;
        if app.setup.is_none() && app.people_at_keyboard().len() > 1 {
            app.open_actor_picker();
        }
        Ok(app)
    }

    /// Where key presses go now.
    pub fn context(&self) -> Context {
        if self.confirm.is_some() {
            Context::Confirm
        } else if self.help.is_some() {
            Context::Help
        } else if self.form.is_some() {
            Context::Form
        } else if self.picker.is_some() || self.setup.is_some() {
            Context::Chooser
        } else {
            Context::Screen(self.screen)
        }
    }

    /// Reads everything the screens show from the store.
    pub fn reload(&mut self, store: &Store) -> crate::store::Result<()> {
        self.data = Data::load(store, self.recipient.as_ref(), self.week, self.log_day)?;
        self.report_text = self.report_of_view(store)?;
        self.load_timesheet(store)?;
        self.seen_version = store.data_version()?;
        self.clamp_cursors();
        Ok(())
    }

    /// Called when idle: reloads when another window changed the database.
    /// Returns true when the screen should be drawn again.
    pub fn tick(&mut self, store: &Store, today: NaiveDate) -> bool {
        if today != self.today {
            // Past midnight: today's marks and the current week move on.
            let was_current = self.week == Week::containing(self.today);
            self.today = today;
            if was_current {
                self.week = Week::containing(today);
            }
            if let Err(e) = self.reload(store) {
                self.fail(&e.to_string());
            }
            return true;
        }
        match store.data_version() {
            Ok(v) if v != self.seen_version => {
                // Undo would put back a row another window has changed since.
                self.undo = None;
                if let Err(e) = self.reload(store) {
                    self.fail(&e.to_string());
                } else {
                    self.inform(self.lang.strings().reloaded.to_owned());
                }
                true
            }
            _ => false,
        }
    }

    /// Shows a problem that happened outside a key press (an automatic backup, say).
    pub fn warn(&mut self, text: String) {
        self.status = Some(Status { text, error: true });
    }

    fn inform(&mut self, text: String) {
        self.status = Some(Status { text, error: false });
    }

    fn fail(&mut self, text: &str) {
        self.status = Some(Status {
            text: self.lang.strings().err_save.replace("{}", text),
            error: true,
        });
    }

    fn clamp_cursors(&mut self) {
        let rows = self.data.week_rows().len();
        self.cursors.week = self.cursors.week.min(rows.saturating_sub(1));
        self.cursors.assistants = self
            .cursors
            .assistants
            .min(self.data.assistants.len().saturating_sub(1));
        self.cursors.allocations = self
            .cursors
            .allocations
            .min(self.data.allocations.len().saturating_sub(1));
    }

    /// True when a form holds input that would be lost.
    pub fn has_unsaved_input(&self) -> bool {
        self.form.as_ref().is_some_and(|(_, f)| f.dirty)
    }

    /// The only place state and data change.
    pub fn update(&mut self, action: Action, store: &mut Store) {
        // A message stays until the next key; the action may set a new one.
        self.status = None;
        if let Action::Click(x, y) = action {
            self.click(x, y, store);
            return;
        }
        match self.context() {
            Context::Confirm => self.update_confirm(action, store),
            Context::Help => {
                if matches!(action, Action::Close | Action::Help | Action::Quit) {
                    self.help = None;
                }
            }
            Context::Form => self.update_form(action, store),
            Context::Chooser if self.picker.is_some() => self.update_picker(action, store),
            Context::Chooser => self.update_setup_choice(action, store),
            Context::Screen(screen) => self.update_screen(screen, action, store),
        }
    }

    fn request_quit(&mut self) {
        if self.has_unsaved_input() {
            self.confirm = Some(Confirm {
                question: self.lang.strings().discard_question.to_owned(),
                kind: ConfirmKind::Quit,
            });
        } else {
            self.quit = true;
        }
    }

    fn update_confirm(&mut self, action: Action, store: &mut Store) {
        let Some(confirm) = self.confirm.take() else {
            return;
        };
        match (action, confirm.kind) {
            (Action::Yes, ConfirmKind::Quit) => self.quit = true,
            (Action::Yes, ConfirmKind::DiscardForm) => self.close_form(),
            (Action::Yes, ConfirmKind::DeleteShift(id)) => self.delete_shift(id, store),
            (Action::Yes, ConfirmKind::CopyPreviousWeek) => self.copy_previous_week(store),
            (Action::Yes, ConfirmKind::DeleteAssistant(id)) => self.delete_assistant(id, store),
            (Action::Yes, ConfirmKind::ApplyRota(planned)) => self.apply_rota(&planned, store),
            (Action::Yes, ConfirmKind::LogUntrained(entry)) => {
                self.save_log_entry(&entry, true, store)
            }
            (Action::Yes, ConfirmKind::DeactivateAssistant(id)) => {
                self.deactivate_assistant(id, store)
            }
            (Action::Yes, ConfirmKind::Approve(who, month)) => {
                self.set_approval(true, who, month, store)
            }
            (Action::Yes, ConfirmKind::OverwriteExport(path, content)) => {
                self.write_export(&path, &content, store)
            }
            (Action::Yes, ConfirmKind::Unapprove(who, month)) => {
                self.set_approval(false, who, month, store)
            }
            (Action::Yes, ConfirmKind::EndPrevious { new, .. }) => {
                self.save_new_allocation(store, &new, true)
            }
            (
                Action::No | Action::Close | Action::Quit,
                ConfirmKind::EndPrevious { refusal, .. },
            ) => {
                // Saving without ending the previous one would overlap: say so in the form.
                if let Some((_, form)) = &mut self.form {
                    form.error = Some(refusal);
                }
            }
            (Action::No | Action::Close | Action::Quit, _) => {}
            (_, kind) => {
                self.confirm = Some(Confirm {
                    question: confirm.question,
                    kind,
                })
            }
        }
    }

    fn close_form(&mut self) {
        if let Some((FormPurpose::Setup, _)) = self.form {
            self.setup.get_or_insert(Setup {
                selected: 0,
                adding_another: false,
            });
        }
        self.form = None;
    }

    fn update_form(&mut self, action: Action, store: &mut Store) {
        let Some((purpose, form)) = &mut self.form else {
            return;
        };
        let purpose = *purpose;
        match action {
            Action::Input(' ') if form.focus_is_choice() => form.right(),
            Action::Input(c) => form.insert(c),
            Action::Backspace => form.backspace(),
            Action::Delete => form.delete(),
            Action::Left => form.left(),
            Action::Right => form.right(),
            Action::Home => form.home(),
            Action::End => form.end(),
            Action::NextField => form.next(),
            Action::PreviousField => form.previous(),
            Action::Help => self.help = Some(Context::Form),
            Action::Quit => self.request_quit(),
            Action::Close => {
                if form.dirty {
                    self.confirm = Some(Confirm {
                        question: self.lang.strings().discard_question.to_owned(),
                        kind: ConfirmKind::DiscardForm,
                    });
                } else {
                    self.close_form();
                }
            }
            Action::Submit => match purpose {
                FormPurpose::Setup => self.submit_setup(store),
                FormPurpose::NewAllocation | FormPurpose::EditAllocation(_) => {
                    self.submit_allocation(purpose, store)
                }
                FormPurpose::NewShift | FormPurpose::EditShift(_) => {
                    self.submit_shift(purpose, store)
                }
                FormPurpose::Worked(id) => self.submit_worked(id, store),
                FormPurpose::Absent(id) => self.submit_absent(id, store),
                FormPurpose::GoToWeek => self.submit_go_to_week(store),
                FormPurpose::NewAssistant | FormPurpose::EditAssistant(_) => {
                    self.submit_assistant(purpose, store)
                }
                FormPurpose::NewService => self.submit_service(store),
                FormPurpose::ApplyRota => self.preview_rota(store),
                FormPurpose::NewLogEntry | FormPurpose::CorrectLogEntry(_) => {
                    self.submit_log_entry(purpose, store)
                }
                FormPurpose::NewIncident => self.submit_incident(store),
                FormPurpose::NewNeed => self.submit_need(store),
                FormPurpose::SearchLog => self.submit_search(),
                FormPurpose::TickRoutine => self.submit_tick(store),
                FormPurpose::PickActor => self.submit_actor(store),
                FormPurpose::PickTimesheet => self.submit_timesheet_pick(store),
                FormPurpose::Export => self.submit_export(store),
            },
            _ => {}
        }
    }

    fn update_screen(&mut self, screen: Screen, action: Action, store: &mut Store) {
        if screen == Screen::Week && self.update_week(action, store) {
            return;
        }
        if screen == Screen::Assistants && self.update_assistants(action, store) {
            return;
        }
        if screen == Screen::Log && self.update_log(action, store) {
            return;
        }
        if screen == Screen::Reports && self.update_month_end(action, store) {
            return;
        }
        let mut week = self.week;
        match action {
            Action::Quit => self.request_quit(),
            Action::Help => self.help = Some(Context::Screen(screen)),
            Action::NextScreen => self.screen = screen.next(),
            Action::PreviousScreen => self.screen = screen.previous(),
            Action::GoTo(s) => self.screen = s,
            Action::SwitchRecipient => {
                let current = self
                    .recipient
                    .as_ref()
                    .and_then(|r| self.data.recipients.iter().position(|x| x.id == r.id));
                self.picker = Some(current.unwrap_or(0));
            }
            Action::PickActor => self.open_actor_picker(),
            Action::NextReport => {
                self.report_view = (self.report_view + 1) % month_end::REPORT_VIEWS;
                self.report_scroll = 0;
                if let Err(e) = self.reload(store) {
                    self.fail(&e.to_string());
                }
            }
            Action::Up if screen == Screen::Reports => {
                self.report_scroll = self.report_scroll.saturating_sub(1)
            }
            Action::Down if screen == Screen::Reports => {
                let lines = if self.report_view == month_end::TIMESHEET_VIEW {
                    self.timesheet.as_ref().map_or(0, |t| t.rows.len() + 10)
                } else {
                    self.report_text.lines().count()
                };
                self.report_scroll = (self.report_scroll + 1).min(lines.saturating_sub(1));
            }
            Action::PreviousWeek => week = week.previous(),
            Action::NextWeek => week = week.next(),
            Action::ThisWeek => {
                week = Week::containing(self.today);
                self.log_day = self.today;
            }
            Action::PreviousDay => self.log_day -= Duration::days(1),
            Action::NextDay => self.log_day += Duration::days(1),
            Action::Up | Action::Down => self.move_cursor(screen, action == Action::Up),
            Action::Add if screen == Screen::Allocation => self.open_allocation_form(None),
            Action::Edit if screen == Screen::Allocation => {
                if let Some(a) = self.data.allocations.get(self.cursors.allocations).cloned() {
                    self.open_allocation_form(Some(&a));
                }
            }
            _ => return,
        }
        if screen == Screen::Log
            && matches!(
                action,
                Action::PreviousDay | Action::NextDay | Action::ThisWeek
            )
        {
            week = Week::containing(self.log_day);
        }
        if week != self.week
            || matches!(
                action,
                Action::PreviousDay | Action::NextDay | Action::ThisWeek
            )
        {
            if week != self.week {
                self.cursors.week = 0;
            }
            self.week = week;
            if screen != Screen::Log && !self.week.days().contains(self.log_day) {
                self.log_day = if self.week.days().contains(self.today) {
                    self.today
                } else {
                    self.week.monday()
                };
            }
            if let Err(e) = self.reload(store) {
                self.fail(&e.to_string());
            }
        }
    }

    fn move_cursor(&mut self, screen: Screen, up: bool) {
        let (cursor, len) = match screen {
            Screen::Week => (&mut self.cursors.week, self.data.week_rows().len()),
            Screen::Assistants => (&mut self.cursors.assistants, self.data.assistants.len()),
            Screen::Allocation => (&mut self.cursors.allocations, self.data.allocations.len()),
            _ => return,
        };
        *cursor = if up {
            cursor.saturating_sub(1)
        } else {
            (*cursor + 1).min(len.saturating_sub(1))
        };
    }

    /// Handles a mouse click: the tab bar switches screens.
    fn click(&mut self, x: u16, y: u16, _store: &mut Store) {
        if y == TAB_ROW
            && self.context() == Context::Screen(self.screen)
            && let Some(screen) = tab_at(self.lang, x)
        {
            self.screen = screen;
        }
    }
}

impl App {
    /// The text of the report the Reports screen shows, for the selected week.
    fn report_of_view(&self, store: &Store) -> crate::store::Result<String> {
        let Some(recipient) = &self.recipient else {
            return Ok(String::new());
        };
        let source = crate::reports::Source {
            store,
            recipient: recipient.id,
            recipient_name: &recipient.name,
            lang: self.lang,
        };
        let days = self.week.days();
        let text = crate::reports::Format::Text;
        match self.report_view {
            1 => crate::reports::health(&source, days, text),
            2 => crate::reports::incidents(&source, days, text),
            3 => crate::reports::training(&source, days, text),
            4 => crate::reports::need(&source, days, text),
            _ => Ok(String::new()),
        }
    }
}

/// The terminal row of the tab bar.
pub const TAB_ROW: u16 = 1;

/// The tab titles as drawn: `1 Oversikt`.
pub fn tab_titles(lang: Lang) -> Vec<String> {
    lang.strings()
        .tabs
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{} {t}", i + 1))
        .collect()
}

/// Columns between tabs in the tab bar.
pub const TAB_GAP: u16 = 3;

/// Which tab is under column `x`, using the same layout the tab bar is drawn with.
pub fn tab_at(lang: Lang, x: u16) -> Option<Screen> {
    let mut start = 1u16;
    for (i, title) in tab_titles(lang).iter().enumerate() {
        let width = crate::text::width(title) as u16;
        if x >= start && x < start + width {
            return Some(Screen::ALL[i]);
        }
        start += width + TAB_GAP;
    }
    None
}

#[cfg(test)]
mod tests;
