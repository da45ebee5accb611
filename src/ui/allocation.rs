//! The Allocation screen: the municipality's decisions, newest last, with
//! the one in force today marked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Borders, Cell, Padding, Row, Table};

use super::{Theme, cursor_at, empty_state, row_style, scroll_offset, title};
use crate::app::App;
use crate::text::fit;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let s = lang.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(s.tabs[4], theme));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.data.allocations.is_empty() {
        empty_state(frame, area, s.allocation_empty, theme);
        return;
    }
    let height = inner.height.saturating_sub(1) as usize;
    let offset = scroll_offset(app.cursors.allocations, height);
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "…".into(), |d| lang.date(d));
    let rows: Vec<Row> = app
        .data
        .allocations
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, a)| {
            let marker = if a.covers(app.today) { "● " } else { "  " };
            Row::new(vec![
                Cell::from(format!("{marker}{}", fit(&a.purpose, 10))),
                Cell::from(lang.hours(a.minutes_per_week)),
                Cell::from(lang.date(a.valid_from)),
                Cell::from(date(a.valid_to)),
                Cell::from(
                    s.flex_names[a.flex as usize]
                        .split(" (")
                        .next()
                        .unwrap_or_default(),
                ),
                Cell::from(
                    a.appeal_deadline
                        .map_or_else(|| "–".into(), |d| lang.date(d)),
                ),
            ])
            .style(row_style(i == app.cursors.allocations, theme))
        })
        .collect();
    let header = Row::new(vec![
        s.col_purpose,
        s.col_per_week,
        s.col_from,
        s.col_to,
        s.col_flex,
        s.col_deadline,
    ])
    .style(theme.heading);
    let widths = [
        Constraint::Length(13),
        Constraint::Length(11),
        Constraint::Length(11),
        Constraint::Length(11),
        Constraint::Length(11),
        Constraint::Min(10),
    ];
    frame.render_widget(Table::new(rows, widths).header(header), inner);
    cursor_at(
        frame,
        inner.x,
        inner.y + 1 + (app.cursors.allocations - offset) as u16,
    );
}
