//! Whole-screen snapshots over ratatui's `TestBackend` at 80×24 and 120×40,
//! for every screen with data and empty, the guided start and the overlays.
//! Styles (selection, monochrome) are checked with buffer assertions.

#![allow(clippy::unwrap_used)]

use bpa::app::{Action, App, Screen};
use bpa::i18n::Lang;
use bpa::store::{NewAllocation, NewRecipient, Store};
use bpa::ui::{self, Theme};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn draw(app: &App, theme: &Theme, size: (u16, u16)) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal.draw(|f| ui::render(app, theme, f)).unwrap();
    terminal
}

fn snapshot(name: &str, app: &App) {
    for size in SIZES {
        let terminal = draw(app, &Theme::mono(), size);
        insta::assert_snapshot!(
            format!("{name}_{}x{}", size.0, size.1),
            text(terminal.backend().buffer())
        );
    }
}

fn demo() -> (App, Store) {
    let mut store = Store::open_in_memory().unwrap();
    let plan = bpa::demo::plan(1, 1, today().and_hms_opt(12, 0, 0).unwrap());
    store.load_demo(&plan, false).unwrap();
    let mut app = App::new(&store, Lang::Nb, today(), None).unwrap();
    // Today's assistant on shift may be at the keyboard: the start asks who it is.
    assert!(matches!(
        app.form,
        Some((bpa::app::FormPurpose::PickActor, _))
    ));
    snapshot_once("who_is_at_the_keyboard", &app);
    app.update(Action::Close, &mut store);
    (app, store)
}

fn snapshot_once(name: &str, app: &App) {
    let terminal = draw(app, &Theme::mono(), (80, 24));
    insta::assert_snapshot!(name, text(terminal.backend().buffer()));
}

fn fresh_recipient() -> (App, Store) {
    let mut store = Store::open_in_memory().unwrap();
    store
        .create_recipient(
            &NewRecipient {
                name: "Ola Nordmann".into(),
                representative: None,
            },
            None,
        )
        .unwrap();
    let app = App::new(&store, Lang::Nb, today(), None).unwrap();
    (app, store)
}

#[test]
fn every_screen_with_demo_data() {
    let (mut app, mut store) = demo();
    for screen in Screen::ALL {
        app.update(Action::GoTo(screen), &mut store);
        snapshot(&format!("demo_{screen:?}").to_lowercase(), &app);
    }
}

#[test]
fn every_screen_empty() {
    let (mut app, mut store) = fresh_recipient();
    for screen in Screen::ALL {
        app.update(Action::GoTo(screen), &mut store);
        snapshot(&format!("empty_{screen:?}").to_lowercase(), &app);
    }
}

#[test]
fn the_guided_start() {
    let store = Store::open_in_memory().unwrap();
    let mut store = store;
    let mut app = App::new(&store, Lang::Nb, today(), None).unwrap();
    snapshot("setup_choice", &app);
    app.update(Action::Choose, &mut store);
    for c in "Ola".chars() {
        app.update(Action::Input(c), &mut store);
    }
    app.update(Action::NextField, &mut store);
    app.update(Action::Right, &mut store);
    snapshot("setup_form", &app);
    app.update(Action::Submit, &mut store);
    snapshot("setup_form_error", &app);
}

#[test]
fn the_guided_start_in_english() {
    let store = Store::open_in_memory().unwrap();
    let app = App::new(&store, Lang::En, today(), None).unwrap();
    snapshot("setup_choice_en", &app);
}

#[test]
fn overlays() {
    let (mut app, mut store) = demo();
    app.update(Action::GoTo(Screen::Week), &mut store);
    app.update(Action::Help, &mut store);
    snapshot("help_week", &app);
    app.update(Action::Close, &mut store);
    app.update(Action::GoTo(Screen::Allocation), &mut store);
    app.update(Action::Edit, &mut store);
    snapshot("allocation_form", &app);
    app.update(Action::Close, &mut store);
    app.update(Action::SwitchRecipient, &mut store);
    snapshot("recipient_picker", &app);
}

#[test]
fn an_english_overview_over_the_allocation() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .create_recipient(
            &NewRecipient {
                name: "Ola".into(),
                representative: None,
            },
            Some(&NewAllocation::new(
                600,
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            )),
        )
        .unwrap();
    let app = App::new(&store, Lang::En, today(), None).unwrap();
    let terminal = draw(&app, &Theme::mono(), (80, 24));
    let screen = text(terminal.backend().buffer());
    assert!(
        screen.contains("Week 48 · 10.0 h allocated · 0.0 h scheduled · 10.0 h left"),
        "{screen}"
    );
}

#[test]
fn a_small_terminal_gets_a_message_not_a_broken_layout() {
    let (app, _) = demo();
    for size in [(79, 24), (80, 23), (40, 10)] {
        let terminal = draw(&app, &Theme::mono(), size);
        let screen = text(terminal.backend().buffer());
        assert!(screen.contains("80×24"), "{screen}");
        assert!(!screen.contains("Oversikt"));
    }
}

#[test]
fn the_status_bar_shows_the_week_figures_on_every_screen() {
    let (mut app, mut store) = demo();
    for screen in Screen::ALL {
        app.update(Action::GoTo(screen), &mut store);
        let terminal = draw(&app, &Theme::mono(), (80, 24));
        let screen_text = text(terminal.backend().buffer());
        let line = screen_text.lines().nth(22).unwrap();
        assert!(line.starts_with(" Uke 48 · 40,0 t tildelt · "), "{line}");
        assert!(line.contains(" igjen") || line.contains(" over"), "{line}");
    }
}

#[test]
fn selection_is_visible_without_colour_and_the_cursor_follows_it() {
    let (mut app, mut store) = demo();
    app.update(Action::GoTo(Screen::Assistants), &mut store);
    app.update(Action::Down, &mut store);
    let mut terminal = draw(&app, &Theme::mono(), (80, 24));
    let buffer = terminal.backend().buffer().clone();
    // Row 0 is the header, row 1 the tabs, row 2 the border, row 3 the table header.
    let selected_row = 5;
    let cell = &buffer[(3, selected_row)];
    assert!(
        cell.modifier.contains(Modifier::REVERSED),
        "selected row is reversed"
    );
    assert!(
        cell.fg == ratatui::style::Color::Reset && cell.bg == ratatui::style::Color::Reset,
        "no colour in mono"
    );
    assert!(
        !buffer[(3, selected_row + 1)]
            .modifier
            .contains(Modifier::REVERSED)
    );
    let cursor = terminal.get_cursor_position().unwrap();
    assert_eq!(cursor.y, selected_row);
    // The active tab is marked by a symbol as well as by reverse video.
    let tabs: String = (0..80)
        .map(|x| buffer[(x, 1)].symbol().to_owned())
        .collect();
    assert!(tabs.contains("▸3 Assistenter"), "{tabs}");
}

#[test]
fn the_cursor_stands_in_the_field_being_edited() {
    let store = Store::open_in_memory().unwrap();
    let mut store = store;
    let mut app = App::new(&store, Lang::Nb, today(), None).unwrap();
    app.update(Action::Choose, &mut store);
    for c in "Ola".chars() {
        app.update(Action::Input(c), &mut store);
    }
    let mut terminal = draw(&app, &Theme::mono(), (80, 24));
    let cursor = terminal.get_cursor_position().unwrap();
    let buffer = terminal.backend().buffer();
    let before: String = (0..cursor.x)
        .map(|x| buffer[(x, cursor.y)].symbol().to_owned())
        .collect();
    assert!(before.trim_end().ends_with("Ola"), "{before:?}");
}

#[test]
fn the_screen_and_the_command_line_agree() {
    let (mut app, mut store) = demo();
    let recipient = app.recipient.clone().unwrap();
    for _ in 0..3 {
        let rep = bpa::summary::report(&store, recipient.id, bpa::summary::Period::Week(app.week))
            .unwrap();
        let bar = ui::figures_text(&app);
        let expected = format!(
            "{} tildelt · {} planlagt",
            Lang::Nb.hours(rep.figures.allocated),
            Lang::Nb.hours(rep.figures.scheduled)
        );
        assert!(bar.contains(&expected), "{bar} / {expected}");
        app.update(Action::PreviousWeek, &mut store);
    }
}

#[test]
fn public_holidays_are_marked_in_the_week() {
    let (mut app, mut store) = demo();
    app.update(Action::GoTo(Screen::Week), &mut store);
    for _ in 0..4 {
        app.update(Action::NextWeek, &mut store);
    }
    let terminal = draw(&app, &Theme::mono(), (80, 24));
    let screen = text(terminal.backend().buffer());
    assert!(screen.contains("Uke 52"), "{screen}");
    assert!(screen.contains("fre 25.12   ★ 1. juledag"), "{screen}");
}

#[test]
fn the_week_with_warnings_narrow_and_wide() {
    let (mut app, mut store) = demo();
    app.update(Action::GoTo(Screen::Week), &mut store);
    // An extra evening for the Wednesday morning assistant breaks the daily rest.
    let wednesday = app
        .data
        .shifts
        .iter()
        .find(|s| s.start.date() == NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
        .unwrap()
        .clone();
    let recipient = app.recipient.clone().unwrap();
    let evening = bpa::store::ShiftFields {
        start: wednesday.start - chrono::Duration::hours(11),
        end: wednesday.start - chrono::Duration::hours(7),
        ..bpa::store::ShiftFields::of(&wednesday)
    };
    store.add_shift_fields(recipient.id, &evening).unwrap();
    app.reload(&store).unwrap();
    assert!(!app.data.findings.is_empty());
    for size in [(80, 24), (160, 48)] {
        let terminal = draw(&app, &Theme::mono(), size);
        let screen = text(terminal.backend().buffer());
        assert!(screen.contains("aml § 10-8 (1)"), "{screen}");
        insta::assert_snapshot!(format!("week_warnings_{}x{}", size.0, size.1), screen);
    }
}

#[test]
fn strange_names_never_break_a_layout() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .create_recipient(
            &NewRecipient {
                name: "ن".repeat(300),
                representative: None,
            },
            Some(&NewAllocation::new(
                2400,
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            )),
        )
        .unwrap();
    let names = [
        "x".repeat(10_000),
        "👩‍🦽👨‍👩‍👧 Emoji".to_owned(),
        "Åse\u{301}\u{301}\u{301} kombinert".to_owned(),
        "\u{202E}ssenlehcaR\u{202C} RTL עברית".to_owned(),
        String::new(),
    ];
    let r = store.pick_recipient(None).unwrap();
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        let a = bpa::domain::people::Assistant {
            name: name.clone(),
            active: true,
            ..Default::default()
        };
        let id = store.add_assistant(&a).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap() + chrono::Duration::days(i as i64);
        let fields = bpa::store::ShiftFields {
            assistant: Some(id),
            allocation: None,
            start: day.and_hms_opt(8, 0, 0).unwrap(),
            end: day.and_hms_opt(12, 0, 0).unwrap(),
            kind: bpa::domain::shift::ShiftKind::Ordinary,
            note: "=1+1 \u{1b}[31m".into(),
            active: Vec::new(),
        };
        store.add_shift_fields(r.id, &fields).unwrap();
    }
    let mut app = App::new(&store, Lang::Nb, today(), None).unwrap();
    for screen in [
        Screen::Overview,
        Screen::Week,
        Screen::Assistants,
        Screen::Reports,
    ] {
        app.update(Action::GoTo(screen), &mut store);
        for size in SIZES {
            let terminal = draw(&app, &Theme::mono(), size);
            let screen_text = text(terminal.backend().buffer());
            for (n, line) in screen_text
                .lines()
                .enumerate()
                .skip(2)
                .take(size.1 as usize - 6)
            {
                assert!(
                    line.ends_with('│')
                        || line.ends_with('┐')
                        || line.ends_with('┘')
                        || line.is_empty(),
                    "{screen:?} {size:?} line {n} lost its border: {line:?}\n{screen_text}"
                );
            }
            assert!(
                !screen_text.contains('\u{1b}') && !screen_text.contains('\u{202E}'),
                "{screen_text}"
            );
        }
    }
}

#[test]
fn the_log_of_a_day_and_the_training_matrix() {
    let (mut app, mut store) = demo();
    app.update(Action::GoTo(Screen::Log), &mut store);
    app.update(Action::PreviousDay, &mut store);
    assert!(!app.data.log.is_empty());
    snapshot("log_yesterday", &app);
    app.update(Action::GoTo(Screen::Assistants), &mut store);
    app.update(Action::ToggleMatrix, &mut store);
    snapshot("training_matrix", &app);
    let terminal = draw(&app, &Theme::mono(), (80, 24));
    let screen = text(terminal.backend().buffer());
    assert!(
        screen.contains("✗ utløpt") && screen.contains("! utløper") && screen.contains("✓ gyldig"),
        "{screen}"
    );
    app.update(Action::GoTo(Screen::Overview), &mut store);
    let terminal = draw(&app, &Theme::mono(), (80, 24));
    let screen = text(terminal.backend().buffer());
    assert!(screen.contains("opplæringer er utløpt"), "{screen}");
}

#[test]
fn every_report_on_the_reports_screen() {
    let (mut app, mut store) = demo();
    app.update(Action::GoTo(Screen::Reports), &mut store);
    for name in [
        "report_screen_health",
        "report_screen_incidents",
        "report_screen_training",
        "report_screen_need",
    ] {
        app.update(Action::NextReport, &mut store);
        assert!(!app.report_text.is_empty(), "{name}");
        snapshot(name, &app);
    }
    app.update(Action::NextReport, &mut store);
    assert_eq!(app.report_view, bpa::app::TIMESHEET_VIEW);
    snapshot("report_screen_timesheet_unchosen", &app);
    // s: the assistant and the month from lists; Enter shows the sheet.
    app.update(Action::PickTimesheet, &mut store);
    snapshot("timesheet_pick_form", &app);
    app.update(Action::Submit, &mut store);
    let sheet = app.timesheet.clone().expect("a sheet is shown");
    assert!(!sheet.rows.is_empty());
    snapshot("report_screen_timesheet", &app);
    // a: asks, listing what would surprise payroll; yes approves and locks.
    app.update(Action::Approve, &mut store);
    let question = app.confirm.as_ref().map(|c| c.question.clone()).unwrap();
    assert!(question.contains("ansattnummer"), "{question}");
    snapshot("timesheet_approve_question", &app);
    app.update(Action::Yes, &mut store);
    assert!(app.timesheet_approval.is_some());
    let terminal = draw(&app, &Theme::mono(), (80, 24));
    let screen = text(terminal.backend().buffer());
    assert!(screen.contains("✓ Godkjent"), "{screen}");
    let first = &sheet.rows[0];
    let locked = store.delete_shift(first.id).unwrap_err();
    assert!(locked.to_string().contains("unapprove"), "{locked}");
    // a again reopens it.
    app.update(Action::Approve, &mut store);
    app.update(Action::Yes, &mut store);
    assert!(app.timesheet_approval.is_none());
    app.update(Action::NextReport, &mut store);
    assert_eq!(app.report_view, 0, "back to the hours");
}

#[test]
fn the_export_form_writes_a_timesheet_where_it_says() {
    let (mut app, mut store) = demo();
    let dir = tempfile::tempdir().unwrap();
    app.update(Action::GoTo(Screen::Reports), &mut store);
    app.export_folder = Some("/home/anne/Dokumenter".into());
    app.update(Action::Export, &mut store);
    snapshot("export_form", &app);
    // What: the first kind (a timesheet as CSV); Whom: the first assistant;
    // the folder typed over the default.
    app.update(Action::NextField, &mut store);
    app.update(Action::Right, &mut store);
    app.update(Action::NextField, &mut store);
    app.update(Action::NextField, &mut store);
    for _ in 0..200 {
        app.update(Action::Backspace, &mut store);
    }
    for c in dir.path().display().to_string().chars() {
        app.update(Action::Input(c), &mut store);
    }
    app.update(Action::Submit, &mut store);
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.1.error)
    );
    let status = app.status.clone().unwrap().text;
    assert!(status.contains("Skrevet til"), "{status}");
    let written: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(written.len(), 1);
    let path = written[0].as_ref().unwrap().path();
    assert!(status.contains(&path.display().to_string()), "{status}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# Timesheet of"), "{text}");
}
