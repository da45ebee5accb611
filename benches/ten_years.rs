//! How fast `bpa` opens and answers with ten years of dense data.
//!
//! `cargo bench --bench ten_years` builds the dense demo database (seed 1,
//! today fixed at 2026-11-26): ten years of care around the clock, about
//! 51 000 shifts and 300 000 log entries. It then times what a user waits
//! for, each figure the median of repeated runs:
//!
//! - opening the file and drawing the first screen (80×24, into ratatui's
//!   `TestBackend`);
//! - moving to the next week, drawn;
//! - the week and month reports, the flex balance of a year, and the rule
//!   check of a year;
//! - a key press in a week of 500 shifts, drawn;
//! - importing 50 000 lines into an empty database, and 5 000, 10 000 and
//!   20 000 lines of one assistant: the time per line stays the same when
//!   the import grows linearly with the file.
//!
//! Each line says the target beside the figure (docs/PERFORMANCE.md).

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use bpa::app::{Action, App, Screen};
use bpa::domain::import::ShiftBatch;
use bpa::domain::shift::ShiftKind;
use bpa::domain::time::{DayRange, Month, Week};
use bpa::i18n::Lang;
use bpa::store::{NewRecipient, NewShift, Store};
use bpa::summary::{Period, report};
use bpa::ui::theme::Theme;
use chrono::{Duration as Days, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn line(what: &str, took: Duration, target: &str) {
    println!("{what:<40} {took:>10.2?}   target {target}");
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn draw(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|f| bpa::ui::render(app, &Theme::mono(), f))
        .unwrap();
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bpa.db");
    let plan = bpa::demo::dense_plan(10, 1, today().and_hms_opt(12, 0, 0).unwrap());
    let started = Instant::now();
    let mut store = Store::open(&path).unwrap();
    let recipient = store.load_demo(&plan, false).unwrap();
    println!(
        "built the dense demo: {} shifts, {} log entries in {:.2?}",
        store.shift_count(recipient).unwrap(),
        plan.logs.len(),
        started.elapsed()
    );
    drop(store);

    let runs = 30;
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let first_screen = time(runs, || {
        let store = Store::open(&path).unwrap();
        let app = App::new(&store, Lang::Nb, today(), None).unwrap();
        draw(&app, &mut terminal);
    });
    line(
        "open and draw the first screen",
        first_screen,
        "(whole process: bench/compare.sh)",
    );

    let mut store = Store::open(&path).unwrap();
    let mut app = App::new(&store, Lang::Nb, today(), None).unwrap();
    // The start asks who is at the keyboard; answer it, so keys reach the screen.
    app.update(Action::Close, &mut store);
    app.update(Action::GoTo(Screen::Week), &mut store);
    let next_week = time(runs, || {
        app.update(Action::NextWeek, &mut store);
        draw(&app, &mut terminal);
    });
    line("next week, drawn", next_week, "5 ms");

    let week = Week::containing(today());
    let week_report = time(runs, || {
        report(&store, recipient, Period::Week(week)).unwrap()
    });
    line(
        "week report",
        week_report,
        "(whole process: bench/compare.sh)",
    );
    let month_report = time(runs, || {
        report(&store, recipient, Period::Month(Month::containing(today()))).unwrap()
    });
    line("month report", month_report, "10 ms");
    let flex = time(runs, || {
        report(&store, recipient, Period::Week(week))
            .unwrap()
            .flex_balance()
    });
    line("flex balance of a year", flex, "10 ms");
    let year = DayRange::inclusive(today() - Days::days(364), today());
    let check = time(5, || {
        bpa::checks::findings(&store, recipient, year).unwrap()
    });
    line("rule check of a year", check, "(no target; shown)");

    key_press_in_a_full_week(&mut store, recipient, &mut terminal);
    drop(store);
    import_fifty_thousand_lines();
    import_grows_linearly();
}

/// 500 open shifts in one week of 2027, then Down on the week screen.
fn key_press_in_a_full_week(
    store: &mut Store,
    recipient: bpa::domain::ids::RecipientId,
    terminal: &mut Terminal<TestBackend>,
) {
    let monday = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
    for i in 0..500 {
        let start =
            (monday + Days::days(i % 7)).and_hms_opt(6, 0, 0).unwrap() + Days::minutes(i / 7 * 10);
        store
            .add_shift(
                recipient,
                &NewShift {
                    line: 0,
                    assistant: String::new(),
                    allocation: None,
                    start,
                    end: start + Days::hours(2),
                    kind: ShiftKind::Ordinary,
                    status: bpa::domain::shift::ShiftStatus::Planned,
                    note: String::new(),
                    active: Vec::new(),
                },
            )
            .unwrap();
    }
    let mut app = App::new(store, Lang::Nb, monday, None).unwrap();
    app.update(Action::Close, store);
    app.update(Action::GoTo(Screen::Week), store);
    let key = time(100, || {
        app.update(Action::Down, store);
        draw(&app, terminal);
    });
    line("key press in a week of 500 shifts", key, "5 ms");
}

/// `lines` shifts from 1 January 2000: `per_day` a day over `people` assistants.
fn import_rows(lines: usize, per_day: usize, people: usize) -> ShiftBatch {
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let mut batch = ShiftBatch::new();
    for i in 0..lines {
        let day = first + Days::days((i / per_day) as i64);
        let slot = (i % per_day) as i64;
        let start = day.and_hms_opt(6, 0, 0).unwrap() + Days::minutes(slot * 70);
        batch.push(
            i + 2,
            &format!("Assistent {}", slot as usize % people),
            start,
            start + Days::hours(1),
            ShiftKind::Ordinary,
            "",
        );
    }
    batch
}

fn import_into_empty(batch: &ShiftBatch) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("import.db")).unwrap();
    let r = store
        .create_recipient(
            &NewRecipient {
                name: "Ola".into(),
                representative: None,
            },
            None,
        )
        .unwrap();
    let start = Instant::now();
    let done = store.import_shifts(r, batch, &mut |_| {}).unwrap().unwrap();
    assert_eq!(done.added, batch.len());
    start.elapsed()
}

fn import_fifty_thousand_lines() {
    // 14 a day over 8 assistants, as an arrangement around the clock has.
    let batch = import_rows(50_000, 14, 8);
    let took = median((0..3).map(|_| import_into_empty(&batch)).collect());
    line("import 50 000 lines", took, "1 s");
}

fn import_grows_linearly() {
    for lines in [5_000, 10_000, 20_000] {
        let batch = import_rows(lines, 2, 1);
        let took = median((0..3).map(|_| import_into_empty(&batch)).collect());
        println!(
            "import {lines:>6} lines of one assistant    {took:>10.2?}   {:.1?} a line",
            took / lines as u32
        );
    }
}
