//! How fast `bpa` opens and answers with ten years of data.
//!
//! `cargo bench --bench ten_years` builds a database with ten years of demo
//! data (about 4 600 shifts and 7 600 log entries), then times what a user
//! waits for: opening the file, loading everything the first screen shows,
//! moving to another week, and the week and month reports. Each figure is
//! the median of repeated runs. Last, it imports 5 000, 10 000 and 20 000
//! shifts of one assistant into empty databases: the time per line stays
//! the same when the import grows linearly with the file.

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use bpa::app::{Action, App};
use bpa::domain::time::{Month, Week};
use bpa::i18n::Lang;
use bpa::store::Store;
use bpa::summary::{Period, report};
use chrono::NaiveDate;

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

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bpa.db");
    let plan = bpa::demo::plan(10, 1, today.and_hms_opt(12, 0, 0).unwrap());
    let started = Instant::now();
    let mut store = Store::open(&path).unwrap();
    let recipient = store.load_demo(&plan, false).unwrap();
    println!(
        "built: {} shifts, {} log entries in {:?}",
        store.shift_count(recipient).unwrap(),
        plan.logs.len(),
        started.elapsed()
    );
    drop(store);

    let runs = 30;
    let open = time(runs, || Store::open(&path).unwrap());
    let mut store = Store::open(&path).unwrap();
    let first_screen = time(runs, || App::new(&store, Lang::Nb, today, None).unwrap());
    let mut app = App::new(&store, Lang::Nb, today, None).unwrap();
    // The start asks who is at the keyboard; answer it, so keys reach the screen.
    app.update(Action::Close, &mut store);
    assert!(app.form.is_none());
    let next_week = time(runs, || app.update(Action::NextWeek, &mut store));
    let week = time(runs, || {
        report(&store, recipient, Period::Week(Week::containing(today))).unwrap()
    });
    let month = time(runs, || {
        report(&store, recipient, Period::Month(Month::containing(today))).unwrap()
    });
    println!("open the database           {open:>10.2?}");
    println!("load the first screen       {first_screen:>10.2?}");
    println!("move to the next week       {next_week:>10.2?}");
    println!("week report                 {week:>10.2?}");
    println!("month report                {month:>10.2?}");
    import_grows_linearly();
}

/// `lines` shifts of one assistant, two a day from 1 January 2000.
fn import_rows(lines: usize) -> bpa::domain::import::ShiftBatch {
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let mut batch = bpa::domain::import::ShiftBatch::new();
    for i in 0..lines {
        let day = first + chrono::Duration::days((i / 2) as i64);
        let (from, to) = if i % 2 == 0 { (8, 12) } else { (13, 17) };
        batch.push(
            i + 2,
            "Kari",
            day.and_hms_opt(from, 0, 0).unwrap(),
            day.and_hms_opt(to, 0, 0).unwrap(),
            bpa::domain::shift::ShiftKind::Ordinary,
            "",
        );
    }
    batch
}

fn import_grows_linearly() {
    for lines in [5_000, 10_000, 20_000] {
        let rows = import_rows(lines);
        let samples: Vec<Duration> = (0..3)
            .map(|_| {
                let dir = tempfile::tempdir().unwrap();
                let mut store = Store::open(&dir.path().join("import.db")).unwrap();
                let r = store
                    .create_recipient(
                        &bpa::store::NewRecipient {
                            name: "Ola".into(),
                            representative: None,
                        },
                        None,
                    )
                    .unwrap();
                let start = Instant::now();
                let done = store.import_shifts(r, &rows, &mut |_| {}).unwrap().unwrap();
                assert_eq!(done.added, lines);
                start.elapsed()
            })
            .collect();
        let took = median(samples);
        println!(
            "import {lines:>6} lines         {took:>10.2?}  ({:.1?} a line)",
            took / lines as u32
        );
    }
}
