//! Update tests: an `App` on an in-memory store, fed actions.

use chrono::NaiveDate;

use super::*;
use crate::store::NewRecipient;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn empty() -> (App, Store) {
    let store = Store::open_in_memory().unwrap();
    let app = App::new(&store, Lang::En, today(), None).unwrap();
    (app, store)
}

fn type_text(app: &mut App, store: &mut Store, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c), store);
    }
}

#[test]
fn an_empty_database_opens_the_guided_start() {
    let (app, _) = empty();
    assert!(app.setup.is_some());
    assert_eq!(app.context(), Context::Chooser);
}

#[test]
fn the_guided_start_creates_recipient_and_allocation() {
    let (mut app, mut store) = empty();
    app.update(Action::Choose, &mut store);
    assert!(app.form.is_some());
    type_text(&mut app, &mut store, "Ola q Nordmann");
    app.update(Action::NextField, &mut store);
    app.update(Action::Right, &mut store); // a representative
    app.update(Action::NextField, &mut store);
    type_text(&mut app, &mut store, "Anne");
    app.update(Action::NextField, &mut store);
    type_text(&mut app, &mut store, "mor");
    app.update(Action::NextField, &mut store);
    type_text(&mut app, &mut store, "37,5");
    app.update(Action::Submit, &mut store);
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.1.error)
    );
    assert!(app.setup.is_none());
    let r = app.recipient.clone().unwrap();
    assert_eq!(r.name, "Ola q Nordmann");
    assert_eq!(r.arbeidsleder(), "Anne");
    assert_eq!(
        app.data.week.as_ref().unwrap().figures.allocated,
        4 * 2250 / 7 + 1
    );
}

#[test]
fn a_bad_value_keeps_the_input_and_names_the_field() {
    let (mut app, mut store) = empty();
    app.update(Action::Choose, &mut store);
    type_text(&mut app, &mut store, "Ola");
    for _ in 0..2 {
        app.update(Action::NextField, &mut store);
    }
    type_text(&mut app, &mut store, "lots");
    app.update(Action::Submit, &mut store);
    let (_, form) = app.form.as_ref().unwrap();
    assert!(form.error.as_deref().unwrap().contains("lots"));
    assert_eq!(form.fields[form.focus].id, form::FieldId::Hours);
    assert_eq!(form.value(form::FieldId::RecipientName), "Ola");
    assert!(store.is_empty().unwrap());
}

#[test]
fn leaving_the_guided_start_half_way_writes_nothing_and_asks_first() {
    let (mut app, mut store) = empty();
    app.update(Action::Choose, &mut store);
    type_text(&mut app, &mut store, "Ola");
    app.update(Action::Close, &mut store);
    assert!(app.confirm.is_some());
    app.update(Action::No, &mut store);
    assert!(app.form.is_some());
    app.update(Action::Quit, &mut store);
    assert!(!app.quit);
    app.update(Action::Yes, &mut store);
    assert!(app.quit);
    assert!(store.is_empty().unwrap());
}

#[test]
fn demo_data_from_the_guided_start() {
    let (mut app, mut store) = empty();
    app.update(Action::Down, &mut store);
    app.update(Action::Choose, &mut store);
    assert!(app.setup.is_none());
    let week = app.data.week.as_ref().unwrap();
    assert_eq!(week.figures.allocated, 2400);
    assert!(week.figures.scheduled > 0);
    assert!(!app.data.history.is_empty());
    assert!(app.status.as_ref().is_some_and(|s| !s.error));
    app.update(Action::Down, &mut store);
    assert_eq!(app.status, None, "a message lasts until the next key");
}

fn with_recipient() -> (App, Store) {
    let mut store = Store::open_in_memory().unwrap();
    store
        .create_recipient(
            &NewRecipient {
                name: "Ola".into(),
                representative: None,
            },
            Some(&NewAllocation::new(
                2400,
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            )),
        )
        .unwrap();
    let app = App::new(&store, Lang::Nb, today(), None).unwrap();
    (app, store)
}

#[test]
fn screens_switch_by_number_tab_and_click() {
    let (mut app, mut store) = with_recipient();
    app.update(Action::GoTo(Screen::Log), &mut store);
    assert_eq!(app.screen, Screen::Log);
    app.update(Action::NextScreen, &mut store);
    assert_eq!(app.screen, Screen::Allocation);
    app.update(Action::PreviousScreen, &mut store);
    app.update(Action::PreviousScreen, &mut store);
    assert_eq!(app.screen, Screen::Assistants);
    let x = 1 + crate::text::width(&tab_titles(Lang::Nb)[0]) as u16 + TAB_GAP + 1;
    app.update(Action::Click(x, TAB_ROW), &mut store);
    assert_eq!(app.screen, Screen::Week);
}

#[test]
fn weeks_move_and_come_back() {
    let (mut app, mut store) = with_recipient();
    let this = app.week;
    app.update(Action::NextWeek, &mut store);
    assert_eq!(app.week, this.next());
    app.update(Action::ThisWeek, &mut store);
    assert_eq!(app.week, this);
}

#[test]
fn a_new_allocation_that_overlaps_asks_to_end_the_previous_one() {
    let (mut app, mut store) = with_recipient();
    app.update(Action::GoTo(Screen::Allocation), &mut store);
    app.update(Action::Add, &mut store);
    type_text(&mut app, &mut store, "42");
    app.update(Action::Submit, &mut store);
    let question = app.confirm.as_ref().unwrap().question.clone();
    assert!(question.contains("01.01.2026"), "{question}");
    app.update(Action::No, &mut store);
    assert!(
        app.form
            .as_ref()
            .unwrap()
            .1
            .error
            .as_deref()
            .unwrap()
            .contains("Overlapper")
    );
    app.update(Action::Submit, &mut store);
    app.update(Action::Yes, &mut store);
    assert!(app.form.is_none());
    assert_eq!(app.data.allocations.len(), 2);
    assert_eq!(
        app.data.allocations[0].valid_to,
        Some(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
    );
    // Week 48: Mon–Wed at 40 h/week, Thu–Sun at 42 h/week.
    assert_eq!(
        app.data.week.as_ref().unwrap().figures.allocated,
        3 * 2400 / 7 + 1 + 4 * 2520 / 7
    );
}

#[test]
fn editing_an_allocation_keeps_the_input_on_error() {
    let (mut app, mut store) = with_recipient();
    app.update(Action::GoTo(Screen::Allocation), &mut store);
    app.update(Action::Edit, &mut store);
    app.update(Action::NextField, &mut store);
    app.update(Action::End, &mut store);
    for _ in 0..5 {
        app.update(Action::Backspace, &mut store);
    }
    type_text(&mut app, &mut store, "200");
    app.update(Action::Submit, &mut store);
    let (_, form) = app.form.as_ref().unwrap();
    assert!(form.error.is_some());
    assert_eq!(form.value(form::FieldId::Hours), "200");
    assert_eq!(
        store
            .allocations(app.recipient.as_ref().unwrap().id)
            .unwrap()[0]
            .minutes_per_week,
        2400
    );
}

#[test]
fn another_window_s_change_is_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bpa.db");
    let mut first = Store::open(&path).unwrap();
    first
        .create_recipient(
            &NewRecipient {
                name: "Ola".into(),
                representative: None,
            },
            None,
        )
        .unwrap();
    let mut app = App::new(&first, Lang::En, today(), None).unwrap();
    assert!(!app.tick(&first, today()));
    let mut second = Store::open(&path).unwrap();
    let r = second.pick_recipient(None).unwrap();
    second
        .add_allocation(r.id, &NewAllocation::new(600, today()), false)
        .unwrap();
    assert!(app.tick(&first, today()));
    assert_eq!(app.data.allocations.len(), 1);
    let _ = &mut first;
}

#[test]
fn past_midnight_the_current_week_moves_on() {
    let (mut app, store) = with_recipient();
    let sunday = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    assert!(app.tick(&store, sunday));
    assert_eq!(app.week.number(), 48);
    assert!(app.tick(&store, monday));
    assert_eq!((app.today, app.week.number()), (monday, 49));
}

#[test]
fn the_recipient_picker_switches_and_offers_the_guided_start() {
    let (mut app, mut store) = with_recipient();
    store
        .create_recipient(
            &NewRecipient {
                name: "Kari".into(),
                representative: None,
            },
            None,
        )
        .unwrap();
    app.reload(&store).unwrap();
    app.update(Action::SwitchRecipient, &mut store);
    assert_eq!(app.context(), Context::Chooser);
    app.update(Action::Up, &mut store);
    app.update(Action::Choose, &mut store);
    assert_eq!(app.recipient.as_ref().unwrap().name, "Kari");
    app.update(Action::SwitchRecipient, &mut store);
    app.update(Action::Down, &mut store);
    app.update(Action::Down, &mut store);
    app.update(Action::Choose, &mut store);
    assert!(app.setup.is_some_and(|s| s.adding_another));
    app.update(Action::Close, &mut store);
    assert!(app.setup.is_none());
}

#[test]
fn editing_the_received_date_moves_an_untouched_deadline_and_keeps_factors() {
    let mut store = Store::open_in_memory().unwrap();
    let mut first = NewAllocation::new(2400, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    first.received_on = NaiveDate::from_ymd_opt(2025, 12, 1);
    first.factors.awake_night = 800;
    store
        .create_recipient(
            &NewRecipient {
                name: "Ola".into(),
                representative: None,
            },
            Some(&first),
        )
        .unwrap();
    let mut app = App::new(&store, Lang::Nb, today(), None).unwrap();
    app.update(Action::GoTo(Screen::Allocation), &mut store);
    app.update(Action::Edit, &mut store);
    for _ in 0..4 {
        app.update(Action::NextField, &mut store);
    }
    app.update(Action::End, &mut store);
    for _ in 0..10 {
        app.update(Action::Backspace, &mut store);
    }
    type_text(&mut app, &mut store, "10.12.2025");
    app.update(Action::Submit, &mut store);
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.1.error)
    );
    let a = &store
        .allocations(app.recipient.as_ref().unwrap().id)
        .unwrap()[0];
    assert_eq!(a.received_on, NaiveDate::from_ymd_opt(2025, 12, 10));
    assert_eq!(a.appeal_deadline, NaiveDate::from_ymd_opt(2025, 12, 31));
    assert_eq!(a.factors.awake_night, 800);
}

#[test]
fn an_edit_does_not_overwrite_a_change_made_in_another_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bpa.db");
    let mut mine = Store::open(&path).unwrap();
    mine.create_recipient(
        &NewRecipient {
            name: "Ola".into(),
            representative: None,
        },
        Some(&NewAllocation::new(
            2400,
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        )),
    )
    .unwrap();
    let mut app = App::new(&mine, Lang::En, today(), None).unwrap();
    app.update(Action::GoTo(Screen::Allocation), &mut mine);
    app.update(Action::Edit, &mut mine);
    app.update(Action::NextField, &mut mine);
    app.update(Action::End, &mut mine);
    app.update(Action::Backspace, &mut mine);
    app.update(Action::Backspace, &mut mine);
    type_text(&mut app, &mut mine, "45");
    // Meanwhile, another window changes the same allocation.
    let mut other = Store::open(&path).unwrap();
    let id = other
        .allocations(app.recipient.as_ref().unwrap().id)
        .unwrap()[0]
        .id;
    other
        .update_allocation(
            id,
            &NewAllocation::new(2100, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
            None,
        )
        .unwrap();
    assert!(
        app.tick(&mine, today()),
        "the other window's change is noticed"
    );
    app.update(Action::Submit, &mut mine);
    let (_, form) = app.form.as_ref().expect("the form stays open");
    assert!(
        form.error.as_deref().unwrap().contains("another window"),
        "{:?}",
        form.error
    );
    assert_eq!(form.value(form::FieldId::Hours), "45", "the input is kept");
    assert_eq!(
        mine.allocations(app.recipient.as_ref().unwrap().id)
            .unwrap()[0]
            .minutes_per_week,
        2100
    );
}

#[test]
fn a_save_that_cannot_be_written_keeps_the_input_and_says_why() {
    let (mut app, mut store) = with_recipient();
    app.update(Action::GoTo(Screen::Allocation), &mut store);
    app.update(Action::Add, &mut store);
    app.form
        .as_mut()
        .unwrap()
        .1
        .focus_on(form::FieldId::Purpose);
    app.update(Action::End, &mut store);
    for _ in 0..3 {
        app.update(Action::Backspace, &mut store);
    }
    type_text(&mut app, &mut store, "avlastning");
    app.update(Action::NextField, &mut store);
    type_text(&mut app, &mut store, "10");
    // The file turns read-only (or the disk fills) between opening the form and saving.
    store.set_pragma("query_only", 1).unwrap();
    app.update(Action::Submit, &mut store);
    let (_, form) = app.form.as_ref().expect("the form stays open");
    assert!(
        form.error.as_deref().unwrap().contains("readonly"),
        "{:?}",
        form.error
    );
    assert_eq!(form.value(form::FieldId::Hours), "10");
    store.set_pragma("query_only", 0).unwrap();
    app.update(Action::Submit, &mut store);
    assert!(app.form.is_none());
    assert_eq!(app.data.allocations.len(), 2);
}

#[test]
fn the_overview_knows_the_last_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bpa.db")).unwrap();
    store
        .create_recipient(
            &NewRecipient {
                name: "Ola".into(),
                representative: None,
            },
            None,
        )
        .unwrap();
    let app = App::new(&store, Lang::En, today(), None).unwrap();
    assert_eq!(app.data.last_backup, None);
    let now = today().and_hms_opt(9, 0, 0).unwrap();
    store.auto_backup(now).unwrap();
    let app = App::new(&store, Lang::En, today(), None).unwrap();
    assert_eq!(app.data.last_backup, Some(now));
}
