//! The terminal loop: set up the terminal, draw on events (not in a loop),
//! poll for other windows' changes when idle, and always give the terminal
//! back (also on error or panic).

use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App, keymap};
use color_eyre::eyre::WrapErr;

use crate::i18n::Lang;
use crate::store::Store;
use crate::ui::theme::ThemeChoice;
use crate::ui::{self, Theme};

/// How often an idle app checks whether another window wrote to the database.
const IDLE_POLL: Duration = Duration::from_secs(2);

/// Runs the full-screen program until the user quits.
pub fn run(
    mut store: Store,
    lang: Lang,
    theme: Option<ThemeChoice>,
    recipient: Option<&str>,
) -> color_eyre::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::choose(theme, no_color);
    // The first start of a day makes a backup; a failure is shown, never fatal.
    let backup = store.auto_backup(crate::clock::now());
    let mut app = App::new(&store, lang, crate::clock::today(), recipient)?;
    if let Err(e) = backup {
        app.warn(lang.strings().backup_failed.replace("{}", &e.to_string()));
    }
    // ratatui::init installs a panic hook that restores the terminal before
    // the report is printed.
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, &mut app, &mut store, &theme);
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    store: &mut Store,
    theme: &Theme,
) -> color_eyre::Result<()> {
    let mut dirty = true;
    while !app.quit {
        if dirty {
            terminal
                .draw(|frame| ui::render(app, theme, frame))
                .wrap_err("terminal")?;
            dirty = false;
        }
        if !event::poll(IDLE_POLL).wrap_err("terminal")? {
            dirty = app.tick(store, crate::clock::today());
            continue;
        }
        match event::read().wrap_err("terminal")? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                if let Some(action) = keymap::resolve(app.context(), &key) {
                    app.update(action, store);
                }
                dirty = true;
            }
            Event::Mouse(m) if m.kind == MouseEventKind::Down(MouseButton::Left) => {
                app.update(Action::Click(m.column, m.row), store);
                dirty = true;
            }
            Event::Resize(..) => dirty = true,
            _ => {}
        }
    }
    Ok(())
}
