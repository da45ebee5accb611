//! The Overview: this week's figures in large, plain numbers, the flex
//! balance, the last 12 weeks as a bar chart with the numbers written out,
//! and the dates that matter.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Padding, Paragraph};

use super::{Theme, empty_state, title};
use crate::app::App;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    if app.data.allocations.is_empty() {
        let block = Block::default()
            .borders(Borders::ALL)
            .padding(Padding::horizontal(1))
            .title(title(s.tabs[0], theme));
        frame.render_widget(block, area);
        empty_state(frame, area, s.no_allocation, theme);
        return;
    }
    let [left, right] = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Length(38), Constraint::Min(30)])
        .areas(area);
    figures(app, theme, frame, left);
    chart(app, theme, frame, right);
}

fn figures(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let s = lang.strings();
    let days = app.week.days();
    let number = s.week_n.replace("{}", &app.week.number().to_string());
    let heading = if app.week.days().contains(app.today) {
        format!("{} · {number}", s.this_week)
    } else {
        number
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(&heading, theme));
    let mut lines = vec![
        Line::from(format!(
            "{} – {}",
            lang.date(days.start),
            lang.date(days.last())
        )),
        Line::from(""),
    ];
    if let Some(rep) = &app.data.week {
        let f = &rep.figures;
        let cap = |t: &str| {
            let mut c = t.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        };
        let row = |label: String, minutes: i64, marker: &str| {
            Line::from(vec![
                Span::raw(format!("{label:<12}")),
                Span::styled(format!("{:>14}", lang.hours(minutes)), theme.figure),
                Span::styled(marker.to_owned(), theme.warning),
            ])
        };
        lines.push(row(cap(s.allocated), f.allocated, ""));
        lines.push(row(cap(s.scheduled), f.scheduled, ""));
        lines.push(row(cap(s.worked), f.worked, ""));
        if f.remaining() >= 0 {
            lines.push(row(cap(s.remaining), f.remaining(), ""));
        } else {
            lines.push(row(
                cap(s.over),
                -f.remaining(),
                &format!(" {}", s.over_marker),
            ));
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(s.flex_balance, theme.heading)));
        if rep.flex.is_empty() {
            lines.push(Line::from(s.flex_none));
        }
        for flex in &rep.flex {
            if flex.balance >= 0 {
                lines.push(Line::from(
                    s.flex_saved.replace("{}", &lang.hours(flex.balance)),
                ));
            } else {
                lines.push(Line::from(Span::styled(
                    format!(
                        "▲ {}",
                        s.flex_overdrawn.replace("{}", &lang.hours(-flex.balance))
                    ),
                    theme.warning,
                )));
            }
            lines.push(Line::from(
                s.flex_left_in_period
                    .replacen("{}", &lang.hours(flex.left_in_period), 1)
                    .replacen("{}", &lang.date(flex.period.last()), 1),
            ));
        }
    }
    lines.push(Line::from(""));
    let current = app.data.allocations.iter().rfind(|a| a.covers(app.today));
    if let Some(a) = current {
        lines.push(Line::from(match a.valid_to {
            Some(to) => s.allocation_ends.replace("{}", &lang.date(to)),
            None => s.allocation_open_ended.to_owned(),
        }));
    }
    let deadline = app
        .data
        .allocations
        .iter()
        .filter_map(|a| a.appeal_deadline)
        .filter(|d| *d >= app.today)
        .min();
    lines.push(backup_line(app, theme));
    lines.extend(training_line(app, theme));
    lines.extend(application_line(app, theme));
    lines.push(Line::from(match deadline {
        Some(d) => s.appeal_deadline_next.replace("{}", &lang.date(d)),
        None => s.appeal_deadline_none.to_owned(),
    }));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

fn chart(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let s = lang.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .title(title(s.last_12_weeks, theme));
    let max = app
        .data
        .history
        .iter()
        .map(|(_, f)| f.allocated.max(f.scheduled))
        .max()
        .unwrap_or(1)
        .max(1);
    let bars: Vec<Bar> = app
        .data
        .history
        .iter()
        .map(|(week, f)| {
            let over = if f.scheduled > f.allocated {
                " ▲"
            } else {
                ""
            };
            let marker = if *week == app.week { "▸" } else { " " };
            let value = format!(
                "{} / {}{over}",
                lang.hours_rounded(f.scheduled),
                lang.hours_rounded(f.allocated)
            );
            Bar::default()
                .value(f.scheduled.max(0) as u64)
                .label(Line::from(format!("{marker}{:>2}", week.number())))
                .text_value(value)
        })
        .collect();
    let chart = BarChart::default()
        .block(block)
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .max(max as u64)
        .bar_style(theme.chart_bar)
        .value_style(theme.chart_value)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}

/// When the last backup was made; a warning when it is over 7 days old.
fn backup_line(app: &App, theme: &Theme) -> Line<'static> {
    let s = app.lang.strings();
    match app.data.last_backup {
        None => Line::from(Span::styled(s.no_backup, theme.warning)),
        Some(at) => {
            let age = (app.today - at.date()).num_days();
            if age > 7 {
                Line::from(Span::styled(
                    s.backup_old.replace("{}", &age.to_string()),
                    theme.warning,
                ))
            } else {
                Line::from(s.last_backup.replace("{}", &app.lang.date(at.date())))
            }
        }
    }
}

/// Trainings that have expired or expire within 30 days, if any.
fn training_line(app: &App, theme: &Theme) -> Option<Line<'static>> {
    use crate::domain::training::{TrainingStatus, status};
    let s = app.lang.strings();
    let (mut expiring, mut expired) = (0, 0);
    for a in app.data.assistants.iter().filter(|a| a.active) {
        let Some(id) = a.id else { continue };
        for (c, _) in &app.data.competences {
            if !app
                .data
                .trainings
                .iter()
                .any(|t| t.assistant == id && t.competence == *c)
            {
                continue;
            }
            match status(&app.data.trainings, id, *c, app.today) {
                TrainingStatus::Expiring { .. } => expiring += 1,
                TrainingStatus::Expired { .. } => expired += 1,
                _ => {}
            }
        }
    }
    if expired > 0 {
        Some(Line::from(Span::styled(
            s.trainings_expired.replace("{}", &expired.to_string()),
            theme.error,
        )))
    } else if expiring > 0 {
        Some(Line::from(Span::styled(
            s.trainings_expiring.replace("{}", &expiring.to_string()),
            theme.warning,
        )))
    } else {
        None
    }
}

/// The next application still waiting for a reply.
fn application_line(app: &App, theme: &Theme) -> Option<Line<'static>> {
    let s = app.lang.strings();
    let lang = app.lang;
    let pending = app
        .data
        .applications
        .iter()
        .filter(|a| a.decision.is_none())
        .min_by_key(|a| a.reply_due)?;
    let sent = lang.date(pending.sent_on);
    let due = lang.date(pending.reply_due);
    Some(if pending.reply_due < app.today {
        Line::from(Span::styled(
            s.application_overdue
                .replacen("{}", &sent, 1)
                .replacen("{}", &due, 1),
            theme.warning,
        ))
    } else {
        Line::from(
            s.application_pending
                .replacen("{}", &sent, 1)
                .replacen("{}", &due, 1),
        )
    })
}
