//! What is drawn on top of a screen: forms, the help, the recipient picker
//! and yes/no questions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{Theme, cursor_at, help_context, row_style, title};
use crate::app::form::{FieldKind, Form};
use crate::app::keymap::{self, Context};
use crate::app::{App, FormPurpose};
use crate::text::{clean, fit};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if let Some((purpose, form)) = &app.form
        && *purpose != FormPurpose::Setup
    {
        let popup = centered(
            area,
            74,
            (form.fields.len() as u16 + 8).clamp(10, area.height - 4),
        );
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(title(&form.title, theme));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        draw_form(form, app, theme, frame, inner, false);
    }
    if app.picker.is_some() {
        picker(app, theme, frame, area);
    }
    if app.help.is_some() {
        help(app, theme, frame, area);
    }
    if let Some(confirm) = &app.confirm {
        // As tall as the question needs (an approval lists what it found).
        let lines: usize = confirm
            .question
            .lines()
            .map(|l| crate::text::wrap(l, 62).len().max(1))
            .sum();
        let popup = centered(area, 64, (lines as u16 + 2).max(5));
        frame.render_widget(Clear, popup);
        let block = Block::default().borders(Borders::ALL).style(theme.heading);
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let text: Vec<Line> = confirm
            .question
            .lines()
            .map(|l| Line::from(clean(l).into_owned()))
            .collect();
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
        cursor_at(frame, inner.x, inner.y);
    }
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Draws a form into `area`: one line per visible field, the save button,
/// the error, a hint and (where no status bar shows them) the keys. The cursor stands in the focused field.
pub fn draw_form(
    form: &Form,
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    show_keys: bool,
) {
    let s = app.lang.strings();
    let label_width = form
        .fields
        .iter()
        .map(|f| f.label.width())
        .max()
        .unwrap_or(10) as u16
        + 2;
    let value_width = area.width.saturating_sub(label_width + 4) as usize;
    let mut y = area.y + 1;
    let mut cursor = None;
    for (i, field) in form.fields.iter().enumerate() {
        if !form.is_visible(i) {
            continue;
        }
        let focused = i == form.focus;
        let x = area.x + 1;
        let label = Span::styled(
            format!("{:<w$}", field.label, w = label_width as usize),
            if focused { theme.heading } else { theme.base },
        );
        let (shown, cursor_col) = match &field.kind {
            FieldKind::Text | FieldKind::Lookup { .. } => {
                let value = clean(&field.value).into_owned();
                let before: String = value.chars().take(field.cursor).collect();
                let skip = before.width().saturating_sub(value_width.saturating_sub(1));
                let visible: String = value.chars().skip(skip).collect();
                (
                    format!("{:<w$}", fit(&visible, value_width), w = value_width),
                    before.width() - skip,
                )
            }
            FieldKind::Choice { .. } => (format!("◂ {} ▸", field.display()), 2),
        };
        let value_style = if focused {
            theme.selected
        } else {
            theme
                .base
                .add_modifier(ratatui::style::Modifier::UNDERLINED)
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![label, Span::styled(shown, value_style)])),
            Rect {
                x,
                y,
                width: area.width.saturating_sub(2),
                height: 1,
            },
        );
        if focused {
            cursor = Some((x + label_width + cursor_col as u16, y));
        }
        y += 1;
        if focused && matches!(field.kind, FieldKind::Lookup { .. }) {
            let matches = field.matches();
            let shown: Vec<&str> = matches.iter().take(4).copied().collect();
            let more = if matches.len() > shown.len() {
                " …"
            } else {
                ""
            };
            let line = s
                .suggestions
                .replace("{}", &format!("{}{more}", shown.join(" · ")));
            let width = area.width.saturating_sub(label_width + 3) as usize;
            frame.render_widget(
                Paragraph::new(Span::styled(fit(&line, width), theme.muted)),
                Rect {
                    x: x + label_width,
                    y,
                    width: width as u16,
                    height: 1,
                },
            );
            y += 1;
        }
    }
    y += 1;
    let save = format!("[ {} ]", s.key_save);
    let save_style = if form.on_save() {
        theme.selected
    } else {
        theme.heading
    };
    frame.render_widget(
        Paragraph::new(Span::styled(save, save_style)),
        Rect {
            x: area.x + 1 + label_width,
            y,
            width: 20,
            height: 1,
        },
    );
    if form.on_save() {
        cursor = Some((area.x + 1 + label_width, y));
    }
    y += 2;
    let bottom = area.y + area.height;
    if let Some(error) = &form.error
        && y < bottom
    {
        let h = (bottom - y).min(2);
        frame.render_widget(
            Paragraph::new(format!("✗ {}", clean(error)))
                .style(theme.error)
                .wrap(Wrap { trim: true }),
            Rect {
                x: area.x + 1,
                y,
                width: area.width.saturating_sub(2),
                height: h,
            },
        );
    } else if let Some(hint) = form.hint
        && y < bottom
    {
        frame.render_widget(
            Paragraph::new(hint)
                .style(theme.muted)
                .wrap(Wrap { trim: true }),
            Rect {
                x: area.x + 1,
                y,
                width: area.width.saturating_sub(2),
                height: (bottom - y).min(2),
            },
        );
    }
    let keys: Vec<Span> = keymap::FORM
        .iter()
        .filter(|b| b.in_bar)
        .flat_map(|b| {
            [
                Span::styled(b.keys[0].name(), theme.key),
                Span::raw(format!(" {}  ", (b.label)(s))),
            ]
        })
        .collect();
    if show_keys && area.height > 1 {
        frame.render_widget(
            Paragraph::new(Line::from(keys)),
            Rect {
                x: area.x + 1,
                y: bottom - 1,
                width: area.width.saturating_sub(2),
                height: 1,
            },
        );
    }
    if let Some((x, y)) = cursor {
        cursor_at(frame, x, y);
    }
}

fn picker(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let Some(selected) = app.picker else { return };
    let count = app.data.recipients.len() + 1;
    let popup = centered(area, 50, (count as u16 + 2).min(area.height - 2));
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title(s.pick_recipient_title, theme));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let mut lines: Vec<Line> = app
        .data
        .recipients
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let current = app.recipient.as_ref().is_some_and(|c| c.id == r.id);
            let text = format!("{} {}", if current { "●" } else { " " }, fit(&r.name, 44));
            Line::from(Span::styled(text, row_style(i == selected, theme)))
        })
        .collect();
    lines.push(Line::from(Span::styled(
        format!("  {}", s.add_recipient),
        row_style(selected == count - 1, theme),
    )));
    let offset = super::scroll_offset(selected, inner.height as usize);
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)), inner);
    cursor_at(frame, inner.x, inner.y + (selected - offset) as u16);
}

fn help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = app.lang.strings();
    let context = help_context(app);
    let mut lines = Vec::new();
    let mut section = |heading: &str, bindings: &[keymap::Binding]| {
        lines.push(Line::from(Span::styled(heading.to_owned(), theme.heading)));
        for b in bindings {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<12}", b.key_names()), theme.key),
                Span::raw((b.label)(s)),
            ]));
        }
        lines.push(Line::from(""));
    };
    match context {
        Context::Screen(screen) => {
            section(s.tabs[screen.index()], keymap::screen_bindings(screen));
            section(s.help_global, keymap::GLOBAL);
        }
        Context::Form => section(s.help_form, keymap::FORM),
        other => section(s.help_title, &keymap::bindings(other)),
    }
    // Every key must show: when one column is too tall, use two.
    let room = area.height.saturating_sub(4) as usize;
    let columns = if lines.len() > room { 2 } else { 1 };
    let per_column = lines.len().div_ceil(columns);
    let height = (per_column as u16 + 2).min(area.height - 2);
    let popup = centered(area, if columns == 2 { 78 } else { 50 }, height);
    frame.render_widget(Clear, popup);
    let close = keymap::HELP[0].key_names();
    let block = Block::default().borders(Borders::ALL).title(title(
        &format!("{} — {close}: {}", s.help_title, s.key_close),
        theme,
    ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let width = inner.width / columns as u16;
    for (i, chunk) in lines.chunks(per_column.max(1)).enumerate() {
        let rect = Rect {
            x: inner.x + i as u16 * width,
            width,
            ..inner
        };
        frame.render_widget(Paragraph::new(chunk.to_vec()), rect);
    }
    cursor_at(frame, inner.x, inner.y);
}
