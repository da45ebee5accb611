//! The Timesheet view of the Reports screen: one assistant's month with the
//! pay buckets as a table, its totals, and whether it is approved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph};

use super::{Theme, cursor_at, empty_state, title};
use crate::app::App;
use crate::domain::pay::Buckets;
use crate::text::{clean, fit, pad};
use crate::timesheet::text::{clock, heading, notes};

/// Paid, passive, evening/night, weekend and holiday, right-aligned in
/// columns of `w` (the clock time shows in the Time column).
fn figures(b: &Buckets, w: usize) -> String {
    [
        b.paid_minutes,
        b.passive_minutes,
        b.evening_night_minutes,
        b.weekend_minutes,
        b.holiday_minutes,
    ]
    .iter()
    .map(|m| format!("{:>w$}", clock(*m)))
    .collect::<Vec<_>>()
    .join(" ")
}

/// Width of the figure columns: `123:45` fits.
const NUM: usize = 6;

/// The lines of the view, before scrolling; the fourth is the table header.
pub fn lines(app: &App, width: usize) -> Vec<String> {
    let s = app.lang.strings();
    let lang = app.lang;
    let Some(sheet) = &app.timesheet else {
        return Vec::new();
    };
    let heads: Vec<String> = s
        .tsv_columns
        .iter()
        .map(|h| format!("{:>NUM$}", fit(h, NUM)))
        .collect();
    let [_, about] = heading(sheet, lang);
    let mut out = vec![
        about,
        match &app.timesheet_approval {
            Some(a) => s
                .tsv_approved
                .replace("{when}", &lang.timestamp(&a.approved_at))
                .replace("{who}", &clean(&a.approved_by)),
            None => s.tsv_open.to_owned(),
        },
        String::new(),
        format!(
            "{}{}{}{}{}",
            pad(s.tsv_date, 11),
            pad(s.tsv_time, 12),
            pad(s.ts_columns[2], 10),
            pad(s.tsv_status, 9),
            heads.join(" ")
        ),
    ];
    for row in &sheet.rows {
        out.push(format!(
            "{}{}{}{}{}",
            pad(&lang.weekday_date(row.date), 11),
            pad(
                &format!("{}–{}", row.start.format("%H:%M"), row.end.format("%H:%M")),
                12
            ),
            pad(lang.kind(row.kind), 10),
            pad(lang.status(row.status), 9),
            figures(&row.buckets, NUM)
        ));
    }
    out.push(format!(
        "{}{}",
        pad(s.tsv_total, 11 + 12 + 10 + 9),
        figures(&sheet.totals, NUM)
    ));
    out.push(String::new());
    let table_end = out.len();
    out.extend(notes(sheet, lang));
    // The table is cut to the width; the sentences around it wrap.
    out.iter()
        .enumerate()
        .flat_map(|(i, l)| {
            if (3..table_end).contains(&i) {
                vec![fit(l, width)]
            } else {
                crate::text::wrap(l, width)
            }
        })
        .collect()
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let views: Vec<&str> = s.report_views.split('|').collect();
    let heading_text = match (&app.timesheet, app.timesheet_pick) {
        (Some(sheet), Some(pick)) => format!(
            "{} · {} · {}",
            views.last().copied().unwrap_or(""),
            clean(&sheet.assistant),
            app.lang.month_year(pick.month)
        ),
        _ => views.last().copied().unwrap_or("").to_owned(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(&heading_text, theme));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.timesheet.is_none() {
        empty_state(frame, area, s.tsv_none, theme);
        cursor_at(frame, inner.x, inner.y);
        return;
    }
    let all = lines(app, inner.width as usize);
    let height = inner.height as usize;
    let shown: Vec<Line> = all
        .iter()
        .skip(app.report_scroll)
        .take(height)
        .map(|l| {
            // The table's header row stands out (bold in every theme).
            let style = if l.starts_with(s.tsv_date) {
                theme.heading
            } else {
                theme.base
            };
            Line::from(Span::styled(l.clone(), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    cursor_at(frame, inner.x, inner.y);
}
