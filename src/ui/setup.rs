//! The guided start: a welcome with three choices, then the set-up form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Theme, cursor_at, overlay, row_style, title};
use crate::app::keymap::{self, Context};
use crate::app::{Action, App, SetupChoice};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title(s.setup_title, theme));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some((_, form)) = &app.form {
        overlay::draw_form(form, app, theme, frame, inner, true);
        return;
    }
    let Some(setup) = app.setup else { return };
    let text_area = Rect {
        x: inner.x + 2,
        width: inner.width.saturating_sub(4),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(s.setup_intro).wrap(Wrap { trim: true }),
        Rect {
            y: inner.y + 1,
            height: 5,
            ..text_area
        },
    );
    let choices = setup.choices();
    let lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let label = match c {
                SetupChoice::Own => s.setup_choice_own,
                SetupChoice::Demo => s.setup_choice_demo,
                SetupChoice::Leave if setup.adding_another => s.key_cancel,
                SetupChoice::Leave => s.setup_choice_quit,
            };
            let selected = i == setup.selected;
            let marker = if selected { "▸ " } else { "  " };
            Line::from(Span::styled(
                format!("{marker}{}. {label}", i + 1),
                row_style(selected, theme),
            ))
        })
        .collect();
    let list_area = Rect {
        y: inner.y + 7,
        height: choices.len() as u16,
        ..text_area
    };
    frame.render_widget(Paragraph::new(lines), list_area);
    cursor_at(frame, list_area.x, list_area.y + setup.selected as u16);
    let keys: Vec<Span> = keymap::bindings(Context::Chooser)
        .iter()
        .filter(|b| b.in_bar && (setup.adding_another || b.action != Action::Close))
        .flat_map(|b| {
            [
                Span::styled(b.keys[0].name(), theme.key),
                Span::raw(format!(" {}  ", (b.label)(s))),
            ]
        })
        .collect();
    frame.render_widget(
        Paragraph::new(Line::from(keys)),
        Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..text_area
        },
    );
}
