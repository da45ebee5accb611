//! Asking for the passphrase of an encrypted database (feature
//! `encryption`), without showing what is typed.

use std::io::Write;

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal;

/// The passphrase: `BPA_PASSPHRASE` when set, else asked for on the terminal.
pub fn get() -> std::io::Result<String> {
    if let Ok(p) = std::env::var("BPA_PASSPHRASE")
        && !p.is_empty()
    {
        return Ok(p);
    }
    let mut err = std::io::stderr();
    write!(err, "Passphrase / passord: ")?;
    err.flush()?;
    terminal::enable_raw_mode()?;
    let mut typed = String::new();
    let result = loop {
        match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(std::io::Error::new(
                        std::io::ErrorKind::Interrupted,
                        "no passphrase given",
                    ));
                }
                KeyCode::Char(c) => typed.push(c),
                KeyCode::Backspace => {
                    typed.pop();
                }
                KeyCode::Esc => {
                    break Err(std::io::Error::new(
                        std::io::ErrorKind::Interrupted,
                        "no passphrase given",
                    ));
                }
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(e),
        }
    };
    terminal::disable_raw_mode()?;
    writeln!(err)?;
    result.map(|()| typed)
}
