//! Styles by meaning, in three themes. Every meaning is also carried by a
//! modifier or a symbol, so the monochrome theme (and `NO_COLOR`) loses
//! nothing but colour.

use ratatui::style::{Color, Modifier, Style};

/// The theme asked for with `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeChoice {
    Default,
    HighContrast,
    Mono,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub heading: Style,
    pub figure: Style,
    pub muted: Style,
    pub selected: Style,
    pub active_tab: Style,
    pub warning: Style,
    pub error: Style,
    pub ok: Style,
    pub key: Style,
    pub bar: Style,
    pub chart_bar: Style,
    pub chart_value: Style,
}

impl Theme {
    pub fn default_colours() -> Self {
        Self {
            base: Style::new(),
            heading: Style::new().add_modifier(Modifier::BOLD),
            figure: Style::new().add_modifier(Modifier::BOLD),
            muted: Style::new().fg(Color::Gray),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            active_tab: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            bar: Style::new().bg(Color::DarkGray).fg(Color::White),
            chart_bar: Style::new().fg(Color::Cyan),
            chart_value: Style::new().fg(Color::Black).bg(Color::Cyan),
        }
    }

    pub fn high_contrast() -> Self {
        Self {
            base: Style::new().fg(Color::White).bg(Color::Black),
            heading: Style::new()
                .fg(Color::White)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            figure: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
            muted: Style::new().fg(Color::White),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            active_tab: Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            ok: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            bar: Style::new().fg(Color::Black).bg(Color::White),
            chart_bar: Style::new().fg(Color::White),
            chart_value: Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// Modifiers only: reverse video for selection, bold for warnings.
    pub fn mono() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            base: Style::new(),
            heading: bold,
            figure: bold,
            muted: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            active_tab: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            warning: bold,
            error: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ok: Style::new(),
            key: bold,
            bar: Style::new().add_modifier(Modifier::REVERSED),
            chart_bar: Style::new(),
            chart_value: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The theme asked for; `NO_COLOR` (any non-empty value) means monochrome.
    pub fn choose(choice: Option<ThemeChoice>, no_color: bool) -> Self {
        match choice {
            Some(ThemeChoice::Mono) => Self::mono(),
            Some(ThemeChoice::HighContrast) => Self::high_contrast(),
            None if no_color => Self::mono(),
            Some(ThemeChoice::Default) | None => Self::default_colours(),
        }
    }
}
