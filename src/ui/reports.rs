//! The Reports screen: the week and month reports exactly as
//! `bpa report week|month` prints them, side by side.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph};

use super::{Theme, cursor_at, empty_state, title};
use crate::app::App;
use crate::summary::to_text;
use crate::text::fit;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    if app.report_view == crate::app::TIMESHEET_VIEW {
        return super::timesheet::render(app, theme, frame, area);
    }
    if app.report_view > 0 {
        return text_report(app, theme, frame, area);
    }
    let [left, right] = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
        .areas(area);
    let (Some(week), Some(month)) = (&app.data.week, &app.data.month) else {
        let block = Block::default()
            .borders(Borders::ALL)
            .padding(Padding::horizontal(1))
            .title(title(s.tabs[5], theme));
        frame.render_widget(block, area);
        empty_state(frame, area, s.no_allocation, theme);
        return;
    };
    let week_title = s.report_week.replace("{}", &app.week.number().to_string());
    for (rep, rect, heading) in [(week, left, week_title), (month, right, month_title(app))] {
        let block = Block::default()
            .borders(Borders::ALL)
            .padding(Padding::horizontal(1))
            .title(title(&heading, theme));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let width = inner.width as usize;
        let height = inner.height as usize;
        let text = to_text(rep, app.lang);
        let mut lines: Vec<Line> = text.lines().map(|l| Line::from(fit(l, width))).collect();
        if lines.len() > height && height > 0 {
            // Say how much is not shown rather than cut it silently.
            let hidden = lines.len() - (height - 1);
            lines.truncate(height - 1);
            lines.push(Line::from(Span::styled(
                s.more_lines.replace("{}", &hidden.to_string()),
                theme.muted,
            )));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
    cursor_at(frame, left.x + 1, left.y + 1);
}

fn month_title(app: &App) -> String {
    app.data
        .month
        .as_ref()
        .map_or_else(String::new, |m| match m.period {
            crate::summary::Period::Month(month) => {
                format!("{} {}", app.lang.month_name(month.number()), month.year())
            }
            crate::summary::Period::Week(_) => String::new(),
        })
}

/// One of the log reports, as `bpa report …` prints it, scrolled with ↑ ↓.
fn text_report(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let views: Vec<&str> = s.report_views.split('|').collect();
    let heading = format!(
        "{} ({}/{}) · {}",
        views.get(app.report_view).copied().unwrap_or(""),
        app.report_view + 1,
        views.len(),
        s.week_n.replace("{}", &app.week.number().to_string())
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(&heading, theme));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let lines: Vec<Line> = app
        .report_text
        .lines()
        .skip(app.report_scroll)
        .take(inner.height as usize)
        .map(|l| Line::from(Span::raw(fit(l, width))))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    cursor_at(frame, inner.x, inner.y);
}
