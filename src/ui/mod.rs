//! Drawing: `render` reads the `App` and fills the frame. Nothing here
//! queries the store or changes state; the terminal cursor is put on the
//! focused item so screen readers and braille displays follow it.

mod allocation;
mod assistants;
mod log;
mod overlay;
mod overview;
mod reports;
mod setup;
pub mod theme;
mod timesheet;
mod week;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::app::keymap::{self, Context};
use crate::app::{App, Screen, TAB_GAP, TAB_ROW, tab_titles};
use crate::text::{clean, fit};
pub use theme::Theme;

/// The smallest terminal the layout is made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole screen.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new("").style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = Paragraph::new(app.lang.strings().too_small)
            .style(theme.heading)
            .wrap(Wrap { trim: true });
        frame.render_widget(msg, area);
        return;
    }
    if app.setup.is_some() || matches!(app.form, Some((crate::app::FormPurpose::Setup, _))) {
        setup::render(app, theme, frame, area);
        overlay::render(app, theme, frame, area);
        return;
    }
    header(app, theme, frame, Rect { height: 1, ..area });
    tabs(
        app,
        theme,
        frame,
        Rect {
            y: area.y + TAB_ROW,
            height: 1,
            ..area
        },
    );
    let body = Rect {
        y: area.y + 2,
        height: area.height - 5,
        ..area
    };
    match app.screen {
        Screen::Overview => overview::render(app, theme, frame, body),
        Screen::Week => week::render(app, theme, frame, body),
        Screen::Assistants => assistants::render(app, theme, frame, body),
        Screen::Log => log::render(app, theme, frame, body),
        Screen::Allocation => allocation::render(app, theme, frame, body),
        Screen::Reports => reports::render(app, theme, frame, body),
    }
    let bottom = area.y + area.height;
    message_line(
        app,
        theme,
        frame,
        Rect {
            y: bottom - 3,
            height: 1,
            ..area
        },
    );
    figures_line(
        app,
        theme,
        frame,
        Rect {
            y: bottom - 2,
            height: 1,
            ..area
        },
    );
    key_line(
        app,
        theme,
        frame,
        Rect {
            y: bottom - 1,
            height: 1,
            ..area
        },
    );
    overlay::render(app, theme, frame, area);
}

fn header(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let date = format!(
        "{} {} ",
        app.lang.weekday_long(app.today),
        app.lang.date(app.today)
    );
    let room = (area.width as usize).saturating_sub(crate::text::width(&date) + 8);
    let mut spans = vec![Span::styled(" bpa ", theme.active_tab), Span::raw(" ")];
    if let Some(r) = &app.recipient {
        let label = format!("{}: ", s.recipient);
        let name = fit(
            &r.name,
            (room / 2).max(12).min(room.saturating_sub(label.len())),
        );
        let mut used = crate::text::width(&label) + crate::text::width(&name);
        spans.push(Span::styled(label, theme.muted));
        spans.push(Span::styled(name, theme.heading));
        if app.actor != r.arbeidsleder() {
            let label = format!("  {}: ", s.at_keyboard);
            used += crate::text::width(&label);
            if used + 4 < room {
                spans.push(Span::styled(label, theme.muted));
                spans.push(Span::styled(fit(&app.actor, room - used), theme.heading));
            }
        } else if let Some(rep) = &r.representative {
            let who = if rep.relation.is_empty() {
                rep.name.clone()
            } else {
                format!("{} ({})", rep.name, rep.relation)
            };
            let label = format!("  {}: ", s.arbeidsleder);
            used += crate::text::width(&label);
            if used + 4 < room {
                spans.push(Span::styled(label, theme.muted));
                spans.push(Span::raw(fit(&who, room - used)));
            }
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    frame.render_widget(
        Paragraph::new(Line::from(date).right_aligned()).style(theme.muted),
        area,
    );
}

fn tabs(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    for (i, title) in tab_titles(app.lang).into_iter().enumerate() {
        let active = i == app.screen.index();
        if i > 0 {
            spans.push(Span::raw(" ".repeat(TAB_GAP as usize - 1)));
            spans.push(Span::raw(if active { "▸" } else { " " }));
        } else if active {
            spans[0] = Span::raw("▸");
        }
        spans.push(Span::styled(
            title,
            if active { theme.active_tab } else { theme.base },
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn message_line(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if let Some(status) = &app.status {
        let (mark, style) = if status.error {
            ("✗ ", theme.error)
        } else {
            ("✓ ", theme.ok)
        };
        let text = format!(" {mark}{}", fit(&status.text, area.width as usize - 4));
        frame.render_widget(Paragraph::new(text).style(style), area);
    }
}

/// `Uke 48 · 40,0 t tildelt · 31,5 t planlagt · 8,5 t igjen`
pub fn figures_text(app: &App) -> String {
    let s = app.lang.strings();
    let week = s.week_n.replace("{}", &app.week.number().to_string());
    match app.data.week.as_ref() {
        Some(rep) if !app.data.allocations.is_empty() => {
            let f = &rep.figures;
            let left = if f.remaining() >= 0 {
                format!("{} {}", app.lang.hours(f.remaining()), s.remaining)
            } else {
                format!("▲ {} {}", app.lang.hours(-f.remaining()), s.over)
            };
            format!(
                "{week} · {} {} · {} {} · {left}",
                app.lang.hours(f.allocated),
                s.allocated,
                app.lang.hours(f.scheduled),
                s.scheduled
            )
        }
        _ => format!("{week} · {}", s.no_allocation_short),
    }
}

fn figures_line(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let over = app
        .data
        .week
        .as_ref()
        .is_some_and(|r| r.figures.remaining() < 0);
    let style = if over {
        theme.warning.patch(theme.bar)
    } else {
        theme.bar
    };
    frame.render_widget(
        Paragraph::new(format!(" {}", figures_text(app))).style(style),
        area,
    );
}

/// The status bar's keys for the current context, from the same list as the help.
fn key_line(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    // Help comes first, so it is never pushed off a full bar.
    let mut bar: Vec<keymap::Binding> = keymap::bindings(app.context())
        .into_iter()
        .filter(|b| b.in_bar)
        .collect();
    if let Some(i) = bar
        .iter()
        .position(|b| b.action == crate::app::Action::Help)
    {
        let help = bar.remove(i);
        bar.insert(0, help);
    }
    for b in &bar {
        let key = b.keys[0].name();
        let label = (b.label)(s);
        let w = crate::text::width(&key) + crate::text::width(label) + 3;
        if used + w > area.width as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A block title with the focus marker style.
pub(crate) fn title(text: &str, theme: &Theme) -> Line<'static> {
    Line::from(Span::styled(format!(" {} ", clean(text)), theme.heading))
}

/// Puts the terminal cursor at the start of a selected row.
pub(crate) fn cursor_at(frame: &mut Frame, x: u16, y: u16) {
    frame.set_cursor_position(Position::new(x, y));
}

/// An empty state: what will be here and how to add the first item.
pub(crate) fn empty_state(frame: &mut Frame, area: Rect, text: &str, theme: &Theme) {
    let lines: Vec<Line> = text
        .lines()
        .map(|l| Line::from(Span::styled(l.to_owned(), theme.base)))
        .collect();
    let inner = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(1),
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// The style of a selectable row.
pub(crate) fn row_style(selected: bool, theme: &Theme) -> Style {
    if selected { theme.selected } else { theme.base }
}

/// Ensures `selected` is visible in a window of `height` rows; returns the first row shown.
pub(crate) fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

/// Context for the help overlay, so help and status bar read the same list.
pub(crate) fn help_context(app: &App) -> Context {
    app.help.unwrap_or(app.context())
}
