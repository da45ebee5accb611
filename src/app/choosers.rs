//! The two lists chosen from with the arrows and Enter: the recipient
//! picker (switch recipient, or add another) and the guided start's first
//! page.

use super::keymap::Context;
use super::{Action, App, Cursors, Setup, SetupChoice};
use crate::store::Store;

impl App {
    pub(super) fn update_picker(&mut self, action: Action, store: &mut Store) {
        let count = self.data.recipients.len() + 1;
        let Some(selected) = self.picker else { return };
        match action {
            Action::Up => self.picker = Some(selected.saturating_sub(1)),
            Action::Down => self.picker = Some((selected + 1).min(count - 1)),
            Action::Close => self.picker = None,
            Action::Quit => self.request_quit(),
            Action::Help => self.help = Some(Context::Chooser),
            Action::Choose => {
                self.picker = None;
                if let Some(r) = self.data.recipients.get(selected).cloned() {
                    store.set_actor(r.arbeidsleder());
                    r.arbeidsleder().clone_into(&mut self.actor);
                    self.recipient = Some(r);
                    self.cursors = Cursors::default();
                    if let Err(e) = self.reload(store) {
                        self.fail(&e.to_string());
                    }
                } else {
                    self.setup = Some(Setup {
                        selected: 0,
                        adding_another: true,
                    });
                }
            }
            _ => {}
        }
    }

    pub(super) fn update_setup_choice(&mut self, action: Action, store: &mut Store) {
        let Some(setup) = self.setup else { return };
        let choices = setup.choices();
        match action {
            Action::Up => {
                self.setup = Some(Setup {
                    selected: setup.selected.saturating_sub(1),
                    ..setup
                })
            }
            Action::Down => {
                self.setup = Some(Setup {
                    selected: (setup.selected + 1).min(choices.len() - 1),
                    ..setup
                })
            }
            Action::Quit => self.request_quit(),
            Action::Help => self.help = Some(Context::Chooser),
            Action::Close if setup.adding_another => self.setup = None,
            Action::Choose => match choices.get(setup.selected) {
                Some(SetupChoice::Own) => self.open_setup_form(),
                Some(SetupChoice::Demo) => self.load_demo(store),
                Some(SetupChoice::Leave) if setup.adding_another => self.setup = None,
                Some(SetupChoice::Leave) => self.quit = true,
                None => {}
            },
            _ => {}
        }
    }
}
