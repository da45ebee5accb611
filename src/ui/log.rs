//! The Log: what was done on the shifts of a day, health tasks and
//! medication marked with a symbol and in words; corrections keep both
//! entries visible.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Borders, Cell, Padding, Row, Table};

use super::{Theme, cursor_at, empty_state, row_style, scroll_offset, title};
use crate::app::App;
use crate::text::fit;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let s = lang.strings();
    let mut heading = s.log_day.replace(
        "{}",
        &format!(
            "{} {}",
            lang.weekday_long(app.log_day),
            lang.date(app.log_day)
        ),
    );
    if app.log_health_only {
        heading += &format!(" · {}", s.log_filter_health);
    }
    for filter in [&app.log_assistant, &app.log_task]
        .into_iter()
        .filter(|f| !f.is_empty())
    {
        heading += &format!(" · {}", fit(filter, 20));
    }
    if !app.log_search.is_empty() {
        heading += &format!(
            " · {}",
            s.log_filter_search.replace("{}", &fit(&app.log_search, 20))
        );
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(&heading, theme));
    let area = match app.checklist() {
        Some((shift, items)) if !items.is_empty() => {
            let height = (items.len() as u16 + 2).min(area.height / 2);
            checklist(
                app,
                theme,
                frame,
                Rect {
                    y: area.y + area.height - height,
                    height,
                    ..area
                },
                &shift,
                &items,
            );
            Rect {
                height: area.height - height,
                ..area
            }
        }
        _ => area,
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = app.visible_log();
    if lines.is_empty() {
        cursor_at(frame, inner.x, inner.y);
        empty_state(frame, area, s.log_empty, theme);
        return;
    }
    let height = inner.height.saturating_sub(1) as usize;
    let offset = scroll_offset(app.cursors.log, height);
    let rows: Vec<Row> = lines
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, l)| {
            let mut note = l.note.clone();
            if let Some(m) = &l.medication {
                let outcome = lang.outcome(l.outcome.as_deref().unwrap_or(""));
                note = format!("{m} {} · {outcome}", l.dose.as_deref().unwrap_or(""));
                if let Some(r) = &l.reason {
                    note += &format!(" ({r})");
                }
            }
            if let Some(old) = l.corrects {
                note = format!("⟲ #{old}: {note}");
            }
            if l.corrected_by.is_some() {
                note = format!("✎ {note}");
            }
            let task = if l.health {
                format!("✚ {}", l.task)
            } else {
                l.task.clone()
            };
            let refused = l.outcome.as_deref().is_some_and(|o| o != "given");
            let style = if refused {
                row_style(i == app.cursors.log, theme).patch(theme.warning)
            } else {
                row_style(i == app.cursors.log, theme)
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
    cursor_at(
        frame,
        inner.x,
        inner.y + 1 + (app.cursors.log.saturating_sub(offset)) as u16,
    );
}

/// The routine's checklist for the shift: ☑ done, ☐ still to do.
fn checklist(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    shift: &crate::domain::shift::Shift,
    items: &[(String, crate::domain::routines::Item, bool)],
) {
    use ratatui::text::{Line, Span};
    use ratatui::widgets::Paragraph;
    let s = app.lang.strings();
    let who = app.data.name(shift.assistant).unwrap_or(s.open_shift_label);
    let times = format!(
        "{}–{}",
        shift.start.format("%H:%M"),
        shift.end.format("%H:%M")
    );
    let heading = s
        .routine_title
        .replacen("{}", &fit(who, 24), 1)
        .replacen("{}", &times, 1);
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(&heading, theme));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = items
        .iter()
        .map(|(task, item, done)| {
            let at = item
                .at
                .map_or_else(|| "     ".into(), |a| a.format("%H:%M").to_string());
            let mark = if *done { "☑" } else { "☐" };
            let text = fit(
                &format!("{mark} {at} {task} {}", item.label),
                inner.width as usize,
            );
            Line::from(Span::styled(
                text,
                if *done { theme.muted } else { theme.base },
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
