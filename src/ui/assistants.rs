//! The Assistants: who is employed, how to reach them, and whether they are
//! ready to work (police certificate, confidentiality, contract), in words
//! and symbols.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Cell, Padding, Row, Table};

use super::{Theme, cursor_at, empty_state, row_style, scroll_offset, title};
use crate::app::App;
use crate::text::fit;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if app.show_matrix {
        return matrix(app, theme, frame, area);
    }
    let lang = app.lang;
    let s = lang.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(s.tabs[2], theme));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.data.assistants.is_empty() {
        empty_state(frame, area, s.assistants_empty, theme);
        return;
    }
    let height = inner.height.saturating_sub(1) as usize;
    let offset = scroll_offset(app.cursors.assistants, height);
    let rows: Vec<Row> = app
        .data
        .assistants
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, a)| {
            let ready = if a.is_ready() {
                Line::from(s.ready).style(theme.ok)
            } else {
                let missing: Vec<&str> = a.missing().into_iter().map(|m| lang.missing(m)).collect();
                Line::from(format!("{}: {}", s.not_ready, missing.join(", "))).style(theme.warning)
            };
            let name = if a.active {
                fit(&a.name, 24)
            } else {
                format!("{} {}", fit(&a.name, 14), s.former)
            };
            Row::new(vec![
                Cell::from(name),
                Cell::from(fit(&a.phone, 14)),
                Cell::from(lang.hours(app.data.week_work(a.id))),
                Cell::from(ready),
            ])
            .style(row_style(i == app.cursors.assistants, theme))
        })
        .collect();
    let header =
        Row::new(vec![s.col_name, s.col_phone, s.col_work_week, s.col_ready]).style(theme.heading);
    let table = Table::new(
        rows,
        [
            Constraint::Length(25),
            Constraint::Length(15),
            Constraint::Length(10),
            Constraint::Min(20),
        ],
    )
    .header(header);
    frame.render_widget(table, inner);
    cursor_at(
        frame,
        inner.x,
        inner.y + 1 + (app.cursors.assistants - offset) as u16,
    );
}

/// Assistants × competences, each cell in symbols and words.
fn matrix(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    use crate::domain::training::{TrainingStatus, status};
    let lang = app.lang;
    let s = lang.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(s.matrix_title, theme));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    cursor_at(frame, inner.x, inner.y);
    if app.data.competences.is_empty() {
        empty_state(frame, area, s.matrix_empty, theme);
        return;
    }
    let columns = app.data.competences.len().min(4);
    let width = (inner.width.saturating_sub(20) / columns as u16).max(8);
    let header: Vec<Cell> = std::iter::once(Cell::from(s.col_name))
        .chain(
            app.data
                .competences
                .iter()
                .take(columns)
                .map(|(_, n)| Cell::from(fit(n, width as usize - 1))),
        )
        .collect();
    let rows: Vec<Row> = app
        .data
        .assistants
        .iter()
        .filter(|a| a.active)
        .filter_map(|a| {
            let id = a.id?;
            let mut cells = vec![Cell::from(fit(&a.name, 19))];
            for (c, _) in app.data.competences.iter().take(columns) {
                let st = status(&app.data.trainings, id, *c, app.today);
                let style = match st {
                    TrainingStatus::Valid => theme.ok,
                    TrainingStatus::Expiring { .. } | TrainingStatus::Missing => theme.warning,
                    TrainingStatus::Expired { .. } => theme.error,
                };
                cells.push(Cell::from(
                    Line::from(fit(&lang.training_status_short(st), width as usize - 1))
                        .style(style),
                ));
            }
            Some(Row::new(cells))
        })
        .collect();
    let mut widths = vec![Constraint::Length(20)];
    widths.extend(std::iter::repeat_n(Constraint::Length(width), columns));
    frame.render_widget(
        Table::new(rows, widths).header(Row::new(header).style(theme.heading)),
        inner,
    );
}
