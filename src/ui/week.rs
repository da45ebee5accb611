//! The Week: the seven days of the selected ISO week, each with its shifts,
//! as a list that fits 80×24. Today and public holidays are marked in words
//! and symbols; open shifts stand out with a `!`.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph};

use super::{Theme, cursor_at, empty_state, row_style, scroll_offset, title};
use crate::app::{App, WeekRow};
use crate::domain::holidays::holiday_on;
use crate::text::fit;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let s = lang.strings();
    let days = app.week.days();
    let heading = format!(
        "{} · {} – {}",
        s.week_n.replace("{}", &app.week.number().to_string()),
        lang.day_month(days.start),
        lang.date(days.last())
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(&heading, theme));
    let area = if app.data.shifts.is_empty() && app.data.visits.is_empty() {
        area
    } else {
        // The warnings panel sits below the week, as tall as it needs (3–7 rows).
        let warn_height = (app.data.findings.len() as u16 * 2 + 2)
            .clamp(3, 8)
            .min(area.height * 2 / 5);
        warnings(
            app,
            theme,
            frame,
            Rect {
                y: area.y + area.height - warn_height,
                height: warn_height,
                ..area
            },
        );
        Rect {
            height: area.height - warn_height,
            ..area
        }
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.data.shifts.is_empty() && app.data.visits.is_empty() {
        let list: Vec<Line> = days
            .iter_days()
            .map(|d| day_line(app, theme, d, false))
            .collect();
        frame.render_widget(
            Paragraph::new(list),
            Rect {
                height: 7.min(inner.height),
                ..inner
            },
        );
        let below = Rect {
            y: inner.y + 7,
            height: inner.height.saturating_sub(7),
            ..inner
        };
        empty_state(frame, below, s.week_empty, theme);
        return;
    }
    if inner.width >= COLUMNS_FROM_WIDTH {
        return columns(app, theme, frame, inner);
    }
    let rows = app.data.week_rows();
    let height = inner.height as usize;
    let offset = scroll_offset(app.cursors.week, height);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let selected = i == app.cursors.week;
            match row {
                WeekRow::Day(d) => day_line(app, theme, *d, selected),
                WeekRow::Empty(_) => Line::from(Span::styled(
                    format!("      {}", s.no_shifts_day),
                    row_style(selected, theme).patch(theme.muted),
                )),
                WeekRow::Shift(idx) => shift_line(app, theme, *idx, selected, inner.width as usize),
                WeekRow::Visit(idx) => visit_line(app, theme, *idx, selected, inner.width as usize),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    cursor_at(frame, inner.x, inner.y + (app.cursors.week - offset) as u16);
}

fn day_line(app: &App, theme: &Theme, day: NaiveDate, selected: bool) -> Line<'static> {
    let lang = app.lang;
    let s = lang.strings();
    let mut text = format!("{:<11}", lang.weekday_date(day));
    if day == app.today {
        text += &format!(" ◆ {}", s.today);
    }
    if let Some(h) = holiday_on(day) {
        text += &format!(" ★ {}", lang.holiday(h));
    }
    Line::from(Span::styled(
        text,
        row_style(selected, theme).patch(theme.heading),
    ))
}

fn shift_line(app: &App, theme: &Theme, idx: usize, selected: bool, width: usize) -> Line<'static> {
    let lang = app.lang;
    let s = lang.strings();
    let Some(shift) = app.data.shifts.get(idx) else {
        return Line::from("");
    };
    let (start, end) = (shift.start, shift.end);
    let times = if start.date() == end.date() {
        format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"))
    } else {
        format!("{}–{}+", start.format("%H:%M"), end.format("%H:%M"))
    };
    let base = row_style(selected, theme);
    let who = match app.data.name(shift.assistant) {
        Some(name) => Span::styled(crate::text::pad(name, 24), base),
        None => Span::styled(
            crate::text::pad(&format!("! {}", s.open_shift), 24),
            base.patch(theme.warning),
        ),
    };
    let detail = format!(
        "{:<13} {}",
        lang.kind(shift.kind),
        lang.status(shift.status)
    );
    let rest = width.saturating_sub(6 + 13 + 24);
    let mut marker = "      ";
    for f in app.data.shift_findings(shift.id) {
        marker = if f.rule.is_error() {
            "    ✗ "
        } else if marker.contains('✗') {
            marker
        } else {
            "    ! "
        };
    }
    Line::from(vec![
        Span::styled(marker, base.patch(theme.warning)),
        Span::styled(format!("{times:<13}"), base),
        who,
        Span::styled(fit(&detail, rest), base.patch(theme.muted)),
    ])
}

/// The rules broken this week, each in plain words with its rule.
fn warnings(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let count = app.data.findings.len();
    let heading = if count == 0 {
        s.warnings_title.to_owned()
    } else {
        format!("{} ({count})", s.warnings_title)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(&heading, theme));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if count == 0 {
        frame.render_widget(Paragraph::new(Span::styled(s.no_warnings, theme.ok)), inner);
        return;
    }
    let width = inner.width as usize;
    let height = inner.height as usize;
    let mut lines: Vec<Line> = Vec::new();
    for (i, f) in app.data.findings.iter().enumerate() {
        let mark = if f.rule.is_error() { "✗" } else { "!" };
        let text = format!(
            "{mark} {}",
            app.lang
                .finding(f, app.data.name(f.assistant).unwrap_or(""))
        );
        // Keep a rule's name on one line: "aml § 10-8 (1)".
        let glued = text
            .replace("aml § ", "aml\u{a0}§\u{a0}")
            .replace(" (1)", "\u{a0}(1)")
            .replace(" (2)", "\u{a0}(2)");
        let wrapped: Vec<String> = crate::text::wrap(&glued, width.saturating_sub(2))
            .into_iter()
            .map(|l| l.replace('\u{a0}', " "))
            .collect();
        let left = count - i;
        if lines.len() + wrapped.len() > height
            || (lines.len() + wrapped.len() == height && left > 1)
        {
            // Say how much is not shown rather than cut it silently.
            let more = s
                .more_lines
                .replace("{}", &left.to_string())
                .replace("`bpa report`", "`bpa check`");
            if lines.len() >= height {
                lines.pop();
            }
            lines.push(Line::from(Span::styled(fit(&more, width), theme.muted)));
            break;
        }
        for (n, part) in wrapped.into_iter().enumerate() {
            let indent = if n == 0 { "" } else { "  " };
            lines.push(Line::from(Span::styled(
                format!("{indent}{part}"),
                theme.warning,
            )));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// From this inner width, the week is drawn as seven columns.
const COLUMNS_FROM_WIDTH: u16 = 140;

/// The week as seven day columns with time running down; the same rows and
/// cursor as the list.
fn columns(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let s = lang.strings();
    let width = area.width / 7;
    let rows = app.data.week_rows();
    let mut cursor = None;
    let mut column = 0u16;
    let mut lines: Vec<Line> = Vec::new();
    let flush = |lines: &mut Vec<Line>, column: u16, frame: &mut Frame| {
        let rect = Rect {
            x: area.x + column * width,
            y: area.y,
            width: width - 1,
            height: area.height,
        };
        frame.render_widget(Paragraph::new(std::mem::take(lines)), rect);
    };
    for (i, row) in rows.iter().enumerate() {
        let selected = i == app.cursors.week;
        let style = row_style(selected, theme);
        let w = (width - 1) as usize;
        if matches!(row, WeekRow::Day(_)) && i > 0 {
            flush(&mut lines, column, frame);
            column += 1;
        }
        let first_line = lines.len() as u16;
        match row {
            WeekRow::Day(d) => {
                let mut head = lang.weekday_date(*d);
                if *d == app.today {
                    head += &format!(" ◆ {}", s.today);
                }
                lines.push(Line::from(Span::styled(
                    fit(&head, w),
                    style.patch(theme.heading),
                )));
                let holiday = holiday_on(*d)
                    .map(|h| format!("★ {}", lang.holiday(h)))
                    .unwrap_or_default();
                lines.push(Line::from(Span::styled(fit(&holiday, w), theme.muted)));
            }
            WeekRow::Visit(idx) => {
                let Some(v) = app.data.visits.get(*idx) else {
                    continue;
                };
                lines.push(Line::from(Span::styled(
                    fit(
                        &format!("◇ {}–{}", v.start.format("%H:%M"), v.end.format("%H:%M")),
                        w,
                    ),
                    style.patch(theme.muted),
                )));
                lines.push(Line::from(Span::styled(
                    fit(&format!("{}: {}", v.provider, v.what), w),
                    theme.muted,
                )));
                lines.push(Line::from(Span::styled(
                    fit(&format!("({})", s.other_service), w),
                    theme.muted,
                )));
            }
            WeekRow::Empty(_) => lines.push(Line::from(Span::styled(
                fit(s.no_shifts_day, w),
                style.patch(theme.muted),
            ))),
            WeekRow::Shift(idx) => {
                let Some(shift) = app.data.shifts.get(*idx) else {
                    continue;
                };
                let mark = app
                    .data
                    .shift_findings(shift.id)
                    .map(|f| if f.rule.is_error() { "✗ " } else { "! " })
                    .next()
                    .unwrap_or("");
                let times = format!(
                    "{mark}{}–{}",
                    shift.start.format("%H:%M"),
                    shift.end.format("%H:%M")
                );
                let who = app
                    .data
                    .name(shift.assistant)
                    .map_or_else(|| format!("! {}", s.open_shift), str::to_owned);
                lines.push(Line::from(Span::styled(fit(&times, w), style)));
                lines.push(Line::from(Span::styled(
                    fit(&who, w),
                    if shift.assistant.is_none() {
                        style.patch(theme.warning)
                    } else {
                        style
                    },
                )));
                lines.push(Line::from(Span::styled(
                    fit(
                        &format!("{} · {}", lang.kind(shift.kind), lang.status(shift.status)),
                        w,
                    ),
                    theme.muted,
                )));
            }
        }
        if selected {
            cursor = Some((area.x + column * width, area.y + first_line));
        }
        if matches!(row, WeekRow::Shift(_) | WeekRow::Visit(_)) {
            lines.push(Line::from(""));
        }
    }
    flush(&mut lines, column, frame);
    if let Some((x, y)) = cursor {
        cursor_at(frame, x, y.min(area.y + area.height.saturating_sub(1)));
    }
}

/// A visit by another service: marked with ◇ and in words, never charged.
fn visit_line(app: &App, theme: &Theme, idx: usize, selected: bool, width: usize) -> Line<'static> {
    let s = app.lang.strings();
    let Some(v) = app.data.visits.get(idx) else {
        return Line::from("");
    };
    let style = row_style(selected, theme).patch(theme.muted);
    let text = format!(
        "    ◇ {:<13}{}: {} ({})",
        format!("{}–{}", v.start.format("%H:%M"), v.end.format("%H:%M")),
        v.provider,
        v.what,
        s.other_service
    );
    Line::from(Span::styled(fit(&text, width), style))
}
