//! Every statement on the report paths and behind the screens reads the
//! tables that grow with the years (shifts, log entries, incidents, unmet
//! needs, the audit log) through an index: a full scan of one of them is
//! milliseconds today and seconds in ten years.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use bpa::app::{Action, App, Screen};
use bpa::domain::time::{DayRange, Month, Week};
use bpa::i18n::Lang;
use bpa::store::Store;
use bpa::summary::{Period, report_for};
use chrono::{Duration, NaiveDate};

/// The tables that grow with time.
const GROWING: [&str; 6] = [
    "shift",
    "task_log",
    "incident",
    "unmet_need",
    "audit_log",
    "approval",
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// The table each name in `sql` stands for: the tables themselves and
/// their aliases (`FROM task_log l`, `JOIN task_log AS c`).
fn tables(sql: &str) -> BTreeMap<String, String> {
    let words: Vec<String> = sql
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let keyword = |w: &str| {
        [
            "where", "join", "left", "inner", "on", "order", "group", "limit", "as", "union",
            "cross", "natural",
        ]
        .contains(&w)
    };
    let mut names = BTreeMap::new();
    for (i, w) in words.iter().enumerate() {
        if (w == "from" || w == "join")
            && let Some(table) = words.get(i + 1)
        {
            names.insert(table.clone(), table.clone());
            let mut next = i + 2;
            if words.get(next).is_some_and(|w| w == "as") {
                next += 1;
            }
            if let Some(alias) = words.get(next).filter(|a| !keyword(a)) {
                names.insert(alias.clone(), table.clone());
            }
        }
    }
    names
}

/// The statements whose plan scans a growing table, with that plan.
fn full_scans(store: &Store, statements: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for sql in statements {
        let lower = sql.trim_start().to_ascii_lowercase();
        if !(lower.starts_with("select")
            || lower.starts_with("with")
            || lower.starts_with("update")
            || lower.starts_with("delete"))
        {
            continue;
        }
        let names = tables(sql);
        let plan = store.query_plan(sql).unwrap();
        for step in &plan {
            // An automatic index is built by reading the whole table, on
            // every run; a SEARCH with no index walks the table in rowid order.
            let unindexed = step.starts_with("SEARCH ") && !step.contains(" USING ");
            let rest = step.strip_prefix("SCAN ").or_else(|| {
                (step.contains("AUTOMATIC") || unindexed)
                    .then(|| step.split_whitespace().nth(1).unwrap_or(""))
            });
            let Some(rest) = rest else {
                continue;
            };
            let name = rest
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let table = names.get(&name).map_or(name.as_str(), String::as_str);
            if GROWING.contains(&table) {
                found.push(format!("{sql}\n    → {}", plan.join(" | ")));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

fn demo() -> (Store, bpa::domain::ids::RecipientId) {
    let mut store = Store::open_in_memory().unwrap();
    let plan = bpa::demo::plan(1, 1, today().and_hms_opt(12, 0, 0).unwrap());
    let r = store.load_demo(&plan, false).unwrap();
    (store, r)
}

fn seen(
    trace: &std::sync::Arc<std::sync::Mutex<Vec<(String, std::time::Duration)>>>,
) -> Vec<String> {
    let mut all: Vec<String> = trace
        .lock()
        .unwrap()
        .drain(..)
        .map(|(sql, _)| sql)
        .collect();
    all.sort();
    all.dedup();
    all
}

#[test]
fn the_table_names_of_a_statement_are_read_with_their_aliases() {
    let names = tables(
        "SELECT l.id FROM task_log l JOIN task_type AS t ON t.id = l.task_type_id WHERE (SELECT 1 FROM shift)",
    );
    assert_eq!(names["l"], "task_log");
    assert_eq!(names["t"], "task_type");
    assert_eq!(names["shift"], "shift");
}

#[test]
fn a_full_scan_is_found() {
    let (store, _) = demo();
    let scans = full_scans(
        &store,
        &["SELECT count(*) FROM task_log l WHERE l.note = 'x'".into()],
    );
    assert_eq!(scans.len(), 1, "{scans:?}");
    let automatic = full_scans(
        &store,
        &["SELECT l.id, (SELECT min(c.id) FROM task_log c WHERE c.note = l.note) FROM task_log l WHERE l.recipient_id = 1 AND l.at >= '2026-11-01'".into()],
    );
    assert_eq!(automatic.len(), 1, "{automatic:?}");
    let indexed = full_scans(
        &store,
        &["SELECT id FROM shift WHERE recipient_id = 1 AND start_at >= '2026-11-01'".into()],
    );
    assert!(indexed.is_empty(), "{indexed:?}");
}

#[test]
fn the_report_paths_read_the_growing_tables_by_index() {
    let (mut store, r) = demo();
    let trace = store.trace_statements();
    let recipient = store.pick_recipient(None).unwrap();
    let week = Week::containing(today());
    let month = Month::containing(today());
    report_for(&store, r, Period::Week(week), None).unwrap();
    report_for(&store, r, Period::Month(month), None).unwrap();
    let days = DayRange::inclusive(today() - Duration::days(27), today());
    let source = bpa::reports::Source {
        store: &store,
        recipient: r,
        recipient_name: &recipient.name,
        lang: Lang::En,
    };
    for report in [
        bpa::reports::health,
        bpa::reports::incidents,
        bpa::reports::training,
        bpa::reports::need,
    ] {
        report(&source, days, bpa::reports::Format::Json).unwrap();
    }
    bpa::checks::findings(&store, r, days).unwrap();
    let kari = store.assistant_id("Kari Nordmann").unwrap().unwrap();
    bpa::timesheet::build(&store, &recipient, kari, month, None).unwrap();
    let statements = seen(&trace);
    assert!(statements.len() > 10, "{statements:?}");
    let scans = full_scans(&store, &statements);
    assert!(scans.is_empty(), "full scans:\n{}", scans.join("\n"));
}

#[test]
fn the_screens_read_the_growing_tables_by_index() {
    let (mut store, _) = demo();
    let trace = store.trace_statements();
    let mut app = App::new(&store, Lang::Nb, today(), None).unwrap();
    app.update(Action::Close, &mut store);
    for screen in Screen::ALL {
        app.update(Action::GoTo(screen), &mut store);
        app.update(Action::NextWeek, &mut store);
        app.update(Action::PreviousWeek, &mut store);
        app.update(Action::NextDay, &mut store);
        app.update(Action::Down, &mut store);
    }
    app.update(Action::GoTo(Screen::Reports), &mut store);
    for _ in 0..8 {
        app.update(Action::NextReport, &mut store);
    }
    app.update(Action::GoTo(Screen::Assistants), &mut store);
    app.update(Action::ToggleMatrix, &mut store);
    app.update(Action::Tick, &mut store);
    let statements = seen(&trace);
    assert!(statements.len() > 10, "{statements:?}");
    let scans = full_scans(&store, &statements);
    assert!(scans.is_empty(), "full scans:\n{}", scans.join("\n"));
}
