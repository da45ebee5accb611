//! The Log: what was done on the shifts of a day, health tasks and
//! medication marked with a symbol and in words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Borders, Cell, Padding, Row, Table};

use super::{Theme, cursor_at, empty_state, title};
use crate::app::App;
use crate::text::fit;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let s = lang.strings();
    let heading = s.log_day.replace(
        "{}",
        &format!(
            "{} {}",
            lang.weekday_long(app.log_day),
            lang.date(app.log_day)
        ),
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(&heading, theme));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    cursor_at(frame, inner.x, inner.y);
    if app.data.log.is_empty() {
        empty_state(frame, area, s.log_empty, theme);
        return;
    }
    let rows: Vec<Row> = app
        .data
        .log
        .iter()
        .take(inner.height.saturating_sub(1) as usize)
        .map(|l| {
            let mut note = l.note.clone();
            if let Some(m) = &l.medication {
                let outcome = lang.outcome(l.outcome.as_deref().unwrap_or(""));
                note = format!("{m} {} · {outcome}", l.dose.as_deref().unwrap_or(""));
                if let Some(r) = &l.reason {
                    note += &format!(" ({r})");
                }
            }
            let task = if l.health {
                format!("✚ {}", l.task)
            } else {
                l.task.clone()
            };
            let style = if l.outcome.as_deref().is_some_and(|o| o != "given") {
                theme.warning
            } else {
                theme.base
            };
            Row::new(vec![
                Cell::from(l.at.format("%H:%M").to_string()),
                Cell::from(fit(l.assistant.as_deref().unwrap_or("–"), 18)),
                Cell::from(fit(&task, 22)),
                Cell::from(fit(&note, inner.width.saturating_sub(50) as usize)),
            ])
            .style(style)
        })
        .collect();
    let header =
        Row::new(vec![s.col_time, s.col_assistant, s.col_task, s.col_note]).style(theme.heading);
    let table = Table::new(
        rows,
        [
            Constraint::Length(6),
            Constraint::Length(19),
            Constraint::Length(23),
            Constraint::Min(10),
        ],
    )
    .header(header);
    frame.render_widget(table, inner);
}
