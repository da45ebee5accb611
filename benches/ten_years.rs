//! How fast `bpa` opens and answers with ten years of data.
//!
//! `cargo bench --bench ten_years` builds a database with ten years of demo
//! data (about 4 600 shifts and 7 600 log entries), then times what a user
//! waits for: opening the file, loading everything the first screen shows,
//! moving to another week, and the week and month reports. Each figure is
//! the median of repeated runs.

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
}
