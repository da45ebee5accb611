//! Keys to actions, one list of bindings per context. The status bar, the
//! help overlay and key handling all read these lists, so they never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Screen};
use crate::i18n::Strings;

/// A key as bound: a character or a special key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Code(KeyCode),
}

impl Key {
    /// How the key is written in the status bar and help.
    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Code(code) => match code {
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::F(n) => format!("F{n}"),
                other => format!("{other:?}"),
            },
        }
    }

    fn matches(self, key: &KeyEvent) -> bool {
        match self {
            Key::Char(c) => key.code == KeyCode::Char(c),
            Key::Code(code) => key.code == code,
        }
    }
}

/// One binding: its keys, the action, its label, and whether the status bar shows it.
#[derive(Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub label: fn(&Strings) -> &'static str,
    pub in_bar: bool,
}

impl Binding {
    /// The keys as written for people: `↑ k`.
    pub fn key_names(&self) -> String {
        self.keys
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

macro_rules! bind {
    ([$($key:expr),+], $action:expr, $label:ident, $bar:expr) => {
        Binding { keys: &[$($key),+], action: $action, label: |s| s.$label, in_bar: $bar }
    };
}

use Key::{Char as C, Code};

/// Keys that work on every main screen.
pub const GLOBAL: &[Binding] = &[
    bind!([C('?'), Code(KeyCode::F(1))], Action::Help, key_help, true),
    bind!([C('q')], Action::Quit, key_quit, true),
    bind!(
        [Code(KeyCode::Tab)],
        Action::NextScreen,
        key_next_screen,
        false
    ),
    bind!(
        [Code(KeyCode::BackTab)],
        Action::PreviousScreen,
        key_prev_screen,
        false
    ),
    bind!(
        [C('1'), C('2'), C('3'), C('4'), C('5'), C('6')],
        Action::GoTo(Screen::Overview),
        key_screen_n,
        false
    ),
    bind!([C('r')], Action::SwitchRecipient, key_recipient, true),
    bind!([Code(KeyCode::F(2))], Action::PickActor, key_who, false),
];

const WEEK_NAV: [Binding; 3] = [
    bind!(
        [C('p'), Code(KeyCode::PageUp)],
        Action::PreviousWeek,
        key_prev_week,
        true
    ),
    bind!(
        [C('n'), Code(KeyCode::PageDown)],
        Action::NextWeek,
        key_next_week,
        true
    ),
    bind!([C('t')], Action::ThisWeek, key_this_week, false),
];

const UP_DOWN: [Binding; 2] = [
    bind!([Code(KeyCode::Up), C('k')], Action::Up, key_up, false),
    bind!([Code(KeyCode::Down), C('j')], Action::Down, key_down, false),
];

const OVERVIEW: &[Binding] = &WEEK_NAV;
const WEEK: &[Binding] = &[
    bind!([C('a')], Action::Add, key_add, true),
    bind!([C('e'), Code(KeyCode::Enter)], Action::Edit, key_edit, true),
    bind!([C('w')], Action::MarkWorked, key_worked, true),
    bind!([C('x')], Action::MarkAbsent, key_absent, true),
    bind!([C('u')], Action::Undo, key_undo, true),
    bind!(
        [C('d'), Code(KeyCode::Delete)],
        Action::Remove,
        key_delete,
        false
    ),
    bind!([C('m')], Action::Move, key_move, false),
    bind!([C('c')], Action::Copy, key_copy, false),
    bind!([C('f')], Action::CopyPreviousWeek, key_copy_week, false),
    UP_DOWN[0],
    UP_DOWN[1],
    bind!(
        [Code(KeyCode::Left), C('h')],
        Action::PreviousDay,
        key_prev_day,
        false
    ),
    bind!(
        [Code(KeyCode::Right), C('l')],
        Action::NextDay,
        key_next_day,
        false
    ),
    WEEK_NAV[0],
    WEEK_NAV[1],
    WEEK_NAV[2],
    bind!([C('g')], Action::GoToWeek, key_go_week, false),
    bind!([C('v')], Action::AddService, key_service, false),
    bind!([C('o')], Action::ApplyRota, key_rota, false),
];
const ASSISTANTS: &[Binding] = &[
    bind!([C('a')], Action::Add, key_add, true),
    bind!([C('e'), Code(KeyCode::Enter)], Action::Edit, key_edit, true),
    bind!(
        [C('d'), Code(KeyCode::Delete)],
        Action::Remove,
        key_delete,
        true
    ),
    UP_DOWN[0],
    UP_DOWN[1],
    bind!([C('m')], Action::ToggleMatrix, key_matrix, true),
];
const LOG: &[Binding] = &[
    bind!([C('a')], Action::Add, key_log_add, true),
    bind!(
        [C('e'), Code(KeyCode::Enter)],
        Action::Edit,
        key_correct,
        true
    ),
    bind!([C('x')], Action::Tick, key_tick, true),
    bind!([C('i')], Action::AddIncident, key_incident, true),
    bind!([C('b')], Action::AddNeed, key_need, true),
    bind!([C('f')], Action::ToggleHealthOnly, key_health_only, false),
    bind!([C('s')], Action::Search, key_search, false),
    bind!(
        [Code(KeyCode::Left), C('h')],
        Action::PreviousDay,
        key_prev_day,
        false
    ),
    bind!(
        [Code(KeyCode::Right), C('l')],
        Action::NextDay,
        key_next_day,
        false
    ),
    bind!([C('t')], Action::ThisWeek, key_today, false),
    UP_DOWN[0],
    UP_DOWN[1],
];
const ALLOCATION: &[Binding] = &[
    bind!([C('a')], Action::Add, key_add, true),
    bind!([C('e'), Code(KeyCode::Enter)], Action::Edit, key_edit, true),
    UP_DOWN[0],
    UP_DOWN[1],
];
const REPORTS: &[Binding] = &[
    bind!([C('v')], Action::NextReport, key_report_view, true),
    bind!([C('s')], Action::PickTimesheet, key_timesheet, true),
    bind!([C('a')], Action::Approve, key_approve, false),
    bind!([C('x')], Action::Export, key_export, true),
    WEEK_NAV[0],
    WEEK_NAV[1],
    WEEK_NAV[2],
    UP_DOWN[0],
    UP_DOWN[1],
];

/// The bindings of a screen (without the global ones).
pub fn screen_bindings(screen: Screen) -> &'static [Binding] {
    match screen {
        Screen::Overview => OVERVIEW,
        Screen::Week => WEEK,
        Screen::Assistants => ASSISTANTS,
        Screen::Log => LOG,
        Screen::Allocation => ALLOCATION,
        Screen::Reports => REPORTS,
    }
}

/// Keys inside a form. Printable keys type into the field first.
pub const FORM: &[Binding] = &[
    bind!(
        [Code(KeyCode::Tab), Code(KeyCode::Down)],
        Action::NextField,
        key_next_field,
        true
    ),
    bind!(
        [Code(KeyCode::BackTab), Code(KeyCode::Up)],
        Action::PreviousField,
        key_prev_field,
        true
    ),
    bind!([Code(KeyCode::Enter)], Action::Submit, key_save, true),
    bind!([Code(KeyCode::Esc)], Action::Close, key_cancel, true),
    bind!(
        [Code(KeyCode::Left), Code(KeyCode::Right)],
        Action::Right,
        key_choose,
        false
    ),
    bind!([Code(KeyCode::F(1))], Action::Help, key_help, true),
];

/// Keys in a list to choose from (the guided start's first page, the recipient picker).
pub const CHOOSER: &[Binding] = &[
    UP_DOWN[0],
    UP_DOWN[1],
    bind!([Code(KeyCode::Enter)], Action::Choose, key_choose, true),
    bind!([Code(KeyCode::Esc)], Action::Close, key_close, true),
    bind!([C('?'), Code(KeyCode::F(1))], Action::Help, key_help, true),
    bind!([C('q')], Action::Quit, key_quit, true),
];

/// Keys in a yes/no question. `j` is the Norwegian "ja".
pub const CONFIRM: &[Binding] = &[
    bind!([C('y'), C('j')], Action::Yes, key_yes, true),
    bind!([C('n'), Code(KeyCode::Esc)], Action::No, key_no, true),
];

/// Keys while the help is open.
pub const HELP: &[Binding] = &[bind!(
    [Code(KeyCode::Esc), C('?'), C('q'), Code(KeyCode::F(1))],
    Action::Close,
    key_close,
    true
)];

/// Where a key press lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Screen(Screen),
    Form,
    Chooser,
    Confirm,
    Help,
}

/// The bindings that apply in a context, the global ones last.
pub fn bindings(context: Context) -> Vec<Binding> {
    match context {
        Context::Screen(s) => screen_bindings(s).iter().chain(GLOBAL).copied().collect(),
        Context::Form => FORM.to_vec(),
        Context::Chooser => CHOOSER.to_vec(),
        Context::Confirm => CONFIRM.to_vec(),
        Context::Help => HELP.to_vec(),
    }
}

/// The action for a key in a context; `None` when the key means nothing there.
pub fn resolve(context: Context, key: &KeyEvent) -> Option<Action> {
    // Ctrl-C always asks to quit, as in any terminal program; it is never required.
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return (key.code == KeyCode::Char('c')).then_some(Action::Quit);
    }
    if context == Context::Form {
        match key.code {
            KeyCode::Char(c) => return Some(Action::Input(c)),
            KeyCode::Backspace => return Some(Action::Backspace),
            KeyCode::Delete => return Some(Action::Delete),
            KeyCode::Left => return Some(Action::Left),
            KeyCode::Right => return Some(Action::Right),
            KeyCode::Home => return Some(Action::Home),
            KeyCode::End => return Some(Action::End),
            _ => {}
        }
    }
    if let (Context::Screen(_), KeyCode::Char(c @ '1'..='6')) = (context, key.code) {
        let index = c as usize - '1' as usize;
        return Some(Action::GoTo(Screen::ALL[index]));
    }
    bindings(context)
        .into_iter()
        .find(|b| b.keys.iter().any(|k| k.matches(key)))
        .map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn q_quits_on_a_screen_but_types_in_a_form() {
        let q = key(KeyCode::Char('q'));
        assert_eq!(
            resolve(Context::Screen(Screen::Week), &q),
            Some(Action::Quit)
        );
        assert_eq!(resolve(Context::Form, &q), Some(Action::Input('q')));
        assert_eq!(
            resolve(Context::Form, &key(KeyCode::Char('?'))),
            Some(Action::Input('?'))
        );
    }

    #[test]
    fn number_keys_and_tab_switch_screens() {
        assert_eq!(
            resolve(Context::Screen(Screen::Overview), &key(KeyCode::Char('5'))),
            Some(Action::GoTo(Screen::Allocation))
        );
        assert_eq!(
            resolve(Context::Screen(Screen::Overview), &key(KeyCode::Tab)),
            Some(Action::NextScreen)
        );
        assert_eq!(
            resolve(Context::Screen(Screen::Overview), &key(KeyCode::BackTab)),
            Some(Action::PreviousScreen)
        );
    }

    #[test]
    fn screen_keys_come_before_global_ones_and_unknown_keys_do_nothing() {
        assert_eq!(
            resolve(
                Context::Screen(Screen::Allocation),
                &key(KeyCode::Char('a'))
            ),
            Some(Action::Add)
        );
        assert_eq!(
            resolve(Context::Screen(Screen::Overview), &key(KeyCode::Char('a'))),
            None
        );
        assert_eq!(
            resolve(Context::Confirm, &key(KeyCode::Char('j'))),
            Some(Action::Yes)
        );
    }

    #[test]
    fn every_binding_has_a_label_in_both_languages() {
        for lang in [crate::i18n::Lang::Nb, crate::i18n::Lang::En] {
            for ctx in [
                Context::Form,
                Context::Chooser,
                Context::Confirm,
                Context::Help,
            ]
            .into_iter()
            .chain(Screen::ALL.map(Context::Screen))
            {
                for b in bindings(ctx) {
                    assert!(!(b.label)(lang.strings()).is_empty());
                    assert!(!b.key_names().is_empty());
                }
            }
        }
    }
}
