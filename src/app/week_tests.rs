//! Update tests for planning on the Week screen.

use chrono::NaiveDate;

use super::form::FieldId;
use super::*;
use crate::domain::people::Assistant;
use crate::domain::shift::ShiftStatus;
use crate::store::NewRecipient;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn ready(name: &str) -> Assistant {
    let day = NaiveDate::from_ymd_opt(2026, 1, 1);
    Assistant {
        name: name.into(),
        active: true,
        police_certificate: day,
        confidentiality: day,
        contract: day,
        ..Assistant::default()
    }
}

fn planner() -> (App, Store) {
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
    store.add_assistant(&ready("Kari Nordmann")).unwrap();
    store.add_assistant(&ready("Per Hansen")).unwrap();
    let mut app = App::new(&store, Lang::En, today(), None).unwrap();
    app.update(Action::GoTo(Screen::Week), &mut store);
    (app, store)
}

fn type_text(app: &mut App, store: &mut Store, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c), store);
    }
}

/// Sets a field of the open form to `text`.
fn set(app: &mut App, store: &mut Store, id: FieldId, text: &str) {
    app.form.as_mut().unwrap().1.focus_on(id);
    app.update(Action::End, store);
    for _ in 0..40 {
        app.update(Action::Backspace, store);
    }
    type_text(app, store, text);
}

/// Adds a shift through the form on the selected day.
fn add(app: &mut App, store: &mut Store, who: &str, date: &str, from: &str, to: &str) {
    app.update(Action::Add, store);
    set(app, store, FieldId::Assistant, who);
    set(app, store, FieldId::Date, date);
    set(app, store, FieldId::Start, from);
    set(app, store, FieldId::End, to);
    app.update(Action::Submit, store);
}

fn select_first_shift(app: &mut App) {
    let row = app
        .data
        .week_rows()
        .iter()
        .position(|r| matches!(r, WeekRow::Shift(_)))
        .unwrap();
    app.cursors.week = row;
}

fn scheduled(app: &App) -> i64 {
    app.data.week.as_ref().unwrap().figures.scheduled
}

#[test]
fn adding_a_shift_lowers_the_remaining_hours() {
    let (mut app, mut store) = planner();
    let before = app.data.week.as_ref().unwrap().figures.remaining();
    add(&mut app, &mut store, "kari", "2026-11-24", "08:00", "16:00");
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.1.error)
    );
    assert_eq!(
        app.data.week.as_ref().unwrap().figures.remaining(),
        before - 480
    );
    assert!(
        crate::ui::figures_text(&app).contains("32.0 h left"),
        "{}",
        crate::ui::figures_text(&app)
    );
}

#[test]
fn an_ambiguous_or_unknown_name_keeps_the_form() {
    let (mut app, mut store) = planner();
    store.add_assistant(&ready("Karianne Berg")).unwrap();
    app.reload(&store).unwrap();
    add(&mut app, &mut store, "kari", "2026-11-24", "08:00", "16:00");
    let (_, form) = app.form.as_ref().unwrap();
    assert!(
        form.error.as_deref().unwrap().contains("Several match"),
        "{:?}",
        form.error
    );
    assert_eq!(form.value(FieldId::Assistant), "kari");
    set(&mut app, &mut store, FieldId::Assistant, "Zorro");
    app.update(Action::Submit, &mut store);
    assert!(
        app.form
            .as_ref()
            .unwrap()
            .1
            .error
            .as_deref()
            .unwrap()
            .contains("Zorro")
    );
}

#[test]
fn an_overlap_is_refused_with_the_input_kept() {
    let (mut app, mut store) = planner();
    add(&mut app, &mut store, "Kari", "2026-11-24", "08:00", "16:00");
    add(&mut app, &mut store, "Kari", "2026-11-24", "15:00", "18:00");
    let (_, form) = app.form.as_ref().unwrap();
    assert!(
        form.error
            .as_deref()
            .unwrap()
            .contains("already has a shift"),
        "{:?}",
        form.error
    );
    assert_eq!(form.value(FieldId::Start), "15:00");
    assert_eq!(scheduled(&app), 480);
}

#[test]
fn move_copy_delete_and_undo() {
    let (mut app, mut store) = planner();
    add(&mut app, &mut store, "Kari", "2026-11-24", "08:00", "16:00");
    select_first_shift(&mut app);
    // Move to Wednesday.
    app.update(Action::Move, &mut store);
    assert_eq!(
        app.form.as_ref().unwrap().1.fields[app.form.as_ref().unwrap().1.focus].id,
        FieldId::Date
    );
    set(&mut app, &mut store, FieldId::Date, "2026-11-25");
    app.update(Action::Submit, &mut store);
    assert_eq!(
        app.data.shifts[0].start.date(),
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    );
    app.update(Action::Undo, &mut store);
    assert_eq!(
        app.data.shifts[0].start.date(),
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    );
    // Copy to Thursday for Per.
    select_first_shift(&mut app);
    app.update(Action::Copy, &mut store);
    set(&mut app, &mut store, FieldId::Assistant, "Per");
    set(&mut app, &mut store, FieldId::Date, "2026-11-26");
    app.update(Action::Submit, &mut store);
    assert_eq!(app.data.shifts.len(), 2);
    // Delete asks first; undo brings it back.
    select_first_shift(&mut app);
    app.update(Action::Remove, &mut store);
    assert!(app.confirm.is_some());
    app.update(Action::Yes, &mut store);
    assert_eq!(app.data.shifts.len(), 1);
    app.update(Action::Undo, &mut store);
    assert_eq!(app.data.shifts.len(), 2);
    app.update(Action::Undo, &mut store);
    assert_eq!(app.status.as_ref().unwrap().text, "Nothing to undo.");
}

#[test]
fn worked_and_absent_with_a_substitute() {
    let (mut app, mut store) = planner();
    add(&mut app, &mut store, "Kari", "2026-11-24", "08:00", "16:00");
    select_first_shift(&mut app);
    app.update(Action::MarkWorked, &mut store);
    set(&mut app, &mut store, FieldId::ActualEnd, "17:30");
    app.update(Action::Submit, &mut store);
    assert_eq!(app.data.shifts[0].status, ShiftStatus::Worked);
    assert_eq!(app.data.week.as_ref().unwrap().figures.worked, 570);
    app.update(Action::Undo, &mut store);
    assert_eq!(app.data.shifts[0].status, ShiftStatus::Planned);

    select_first_shift(&mut app);
    app.update(Action::MarkAbsent, &mut store);
    type_text(&mut app, &mut store, "per");
    app.update(Action::Submit, &mut store);
    let statuses: Vec<ShiftStatus> = app.data.shifts.iter().map(|s| s.status).collect();
    assert_eq!(statuses, vec![ShiftStatus::Absent, ShiftStatus::Planned]);
    assert_eq!(scheduled(&app), 480, "only the substitute's shift counts");
    app.update(Action::Undo, &mut store);
    assert_eq!(app.data.shifts.len(), 1);
    assert_eq!(app.data.shifts[0].status, ShiftStatus::Planned);
}

#[test]
fn copying_last_week_and_going_to_a_week() {
    let (mut app, mut store) = planner();
    add(&mut app, &mut store, "Kari", "2026-11-17", "08:00", "16:00");
    add(&mut app, &mut store, "Per", "2026-11-18", "08:00", "16:00");
    app.update(Action::GoToWeek, &mut store);
    set(&mut app, &mut store, FieldId::WeekNumber, "48");
    app.update(Action::Submit, &mut store);
    assert_eq!(app.week.number(), 48);
    app.update(Action::CopyPreviousWeek, &mut store);
    assert!(
        app.confirm
            .as_ref()
            .unwrap()
            .question
            .contains("Copy 2 shifts from week 47")
    );
    app.update(Action::Yes, &mut store);
    assert_eq!(app.data.shifts.len(), 2);
    assert_eq!(
        app.data.shifts[0].start.date(),
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    );
    app.update(Action::Undo, &mut store);
    assert!(app.data.shifts.is_empty());
    app.update(Action::GoToWeek, &mut store);
    set(&mut app, &mut store, FieldId::WeekNumber, "60");
    app.update(Action::Submit, &mut store);
    assert!(app.form.as_ref().unwrap().1.error.is_some());
}

#[test]
fn warnings_show_as_the_plan_changes() {
    let (mut app, mut store) = planner();
    add(&mut app, &mut store, "Kari", "2026-11-24", "12:00", "21:00");
    assert!(app.data.findings.is_empty());
    add(&mut app, &mut store, "Kari", "2026-11-25", "07:00", "10:00");
    assert_eq!(app.data.findings.len(), 1);
    assert!(app.status.as_ref().unwrap().text.contains("Warnings: 1"));
    let f = &app.data.findings[0];
    assert_eq!(f.rule, crate::domain::rules::Rule::DailyRest);
    assert!(app.data.shift_findings(f.shift.unwrap()).count() == 1);
}

#[test]
fn left_and_right_jump_between_days() {
    let (mut app, mut store) = planner();
    app.cursors.week = 0;
    app.update(Action::NextDay, &mut store);
    assert_eq!(
        app.data.row_day(app.cursors.week),
        NaiveDate::from_ymd_opt(2026, 11, 24)
    );
    app.update(Action::PreviousDay, &mut store);
    assert_eq!(
        app.data.row_day(app.cursors.week),
        NaiveDate::from_ymd_opt(2026, 11, 23)
    );
}

#[test]
fn assistants_are_added_edited_and_kept_when_they_have_history() {
    let (mut app, mut store) = planner();
    app.update(Action::GoTo(Screen::Assistants), &mut store);
    app.update(Action::Add, &mut store);
    type_text(&mut app, &mut store, "Nora Haugen");
    set(&mut app, &mut store, FieldId::Percent, "150");
    app.update(Action::Submit, &mut store);
    assert!(
        app.form
            .as_ref()
            .unwrap()
            .1
            .error
            .as_deref()
            .unwrap()
            .contains("150")
    );
    set(&mut app, &mut store, FieldId::Percent, "40");
    set(&mut app, &mut store, FieldId::Police, "01.11.2026");
    app.update(Action::Submit, &mut store);
    assert!(app.form.is_none());
    let nora = app
        .data
        .assistants
        .iter()
        .find(|a| a.name == "Nora Haugen")
        .unwrap()
        .clone();
    assert_eq!(
        (nora.employment_percent, nora.is_ready()),
        (Some(40), false)
    );
    assert_eq!(
        app.data.assistants[app.cursors.assistants].name,
        "Nora Haugen"
    );
    // No history: delete asks, then deletes.
    app.update(Action::Remove, &mut store);
    assert!(matches!(
        app.confirm.as_ref().unwrap().kind,
        ConfirmKind::DeleteAssistant(_)
    ));
    app.update(Action::Yes, &mut store);
    assert!(!app.data.assistants.iter().any(|a| a.name == "Nora Haugen"));
    // With a shift: only deactivated.
    app.update(Action::GoTo(Screen::Week), &mut store);
    add(&mut app, &mut store, "Kari", "2026-11-24", "08:00", "16:00");
    app.update(Action::GoTo(Screen::Assistants), &mut store);
    app.cursors.assistants = app
        .data
        .assistants
        .iter()
        .position(|a| a.name == "Kari Nordmann")
        .unwrap();
    app.update(Action::Remove, &mut store);
    assert!(matches!(
        app.confirm.as_ref().unwrap().kind,
        ConfirmKind::DeactivateAssistant(_)
    ));
    app.update(Action::Yes, &mut store);
    let kari = app
        .data
        .assistants
        .iter()
        .find(|a| a.name == "Kari Nordmann")
        .unwrap();
    assert!(!kari.active);
    assert_eq!(
        app.data.assistants.last().unwrap().name,
        "Kari Nordmann",
        "former assistants last"
    );
}

#[test]
fn a_weekly_visit_by_another_service_shows_and_counts_nothing() {
    let (mut app, mut store) = planner();
    app.update(Action::AddService, &mut store);
    type_text(&mut app, &mut store, "Hjemmesykepleien");
    set(&mut app, &mut store, FieldId::What, "medisin");
    set(&mut app, &mut store, FieldId::Date, "2026-11-02");
    app.form.as_mut().unwrap().1.focus_on(FieldId::Weekly);
    app.update(Action::Right, &mut store);
    app.update(Action::Submit, &mut store);
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.1.error)
    );
    assert_eq!(app.data.visits.len(), 1, "the Monday of week 48");
    assert!(
        app.data
            .week_rows()
            .iter()
            .any(|r| matches!(r, WeekRow::Visit(_)))
    );
    assert_eq!(scheduled(&app), 0);
}

#[test]
fn a_rota_is_previewed_then_applied_once_and_undone() {
    let (mut app, mut store) = planner();
    app.update(Action::ApplyRota, &mut store);
    assert!(app.status.as_ref().unwrap().text.contains("bpa rota add"));
    let r = app.recipient.clone().unwrap();
    store.add_rota(r.id, "Vanlig", 1).unwrap();
    let rota = store.rota(r.id, "Vanlig").unwrap().unwrap();
    let kari = store.assistant_id("Kari Nordmann").unwrap();
    let t = |h| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    for weekday in 1..=6 {
        let slot = crate::domain::rota::Slot {
            cycle_week: 1,
            weekday,
            start: t(8),
            end: t(16),
            kind: crate::domain::shift::ShiftKind::Ordinary,
            assistant: kari,
        };
        store.add_rota_slot(&rota, &slot).unwrap();
    }
    app.update(Action::ApplyRota, &mut store);
    app.update(Action::Submit, &mut store);
    let question = app.confirm.as_ref().unwrap().question.clone();
    assert!(
        question.contains("6 new shifts")
            && question.contains("48.0 h")
            && question.contains("over the allocation: 48"),
        "{question}"
    );
    app.update(Action::Yes, &mut store);
    assert_eq!(app.data.shifts.len(), 6);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("6 shifts added; 0")
    );
    app.update(Action::ApplyRota, &mut store);
    app.update(Action::Submit, &mut store);
    assert!(
        app.confirm
            .as_ref()
            .unwrap()
            .question
            .contains("0 new shifts")
    );
    app.update(Action::No, &mut store);
    app.update(Action::Close, &mut store);
    app.update(Action::Undo, &mut store);
    assert!(app.data.shifts.is_empty());
}

fn with_log_setup() -> (App, Store) {
    let (mut app, mut store) = planner();
    let meds = store.competence("Legemiddelhåndtering").unwrap();
    store
        .add_task_type(
            "Medisin",
            crate::domain::log::Category::Health,
            Some(meds),
            true,
        )
        .unwrap();
    store
        .add_task_type(
            "Middag",
            crate::domain::log::Category::Practical,
            None,
            false,
        )
        .unwrap();
    app.reload(&store).unwrap();
    app.update(Action::GoTo(Screen::Log), &mut store);
    (app, store)
}

#[test]
fn a_refused_dose_needs_a_reason_and_keeps_the_input() {
    let (mut app, mut store) = with_log_setup();
    app.update(Action::Add, &mut store);
    type_text(&mut app, &mut store, "medisin");
    set(&mut app, &mut store, FieldId::Assistant, "Kari");
    set(&mut app, &mut store, FieldId::Time, "08:05");
    set(&mut app, &mut store, FieldId::Drug, "Paracet");
    set(&mut app, &mut store, FieldId::Dose, "500 mg");
    app.form.as_mut().unwrap().1.focus_on(FieldId::Outcome);
    app.update(Action::Right, &mut store);
    app.update(Action::Right, &mut store); // refused
    app.update(Action::Submit, &mut store);
    let (_, form) = app.form.as_ref().unwrap();
    assert_eq!(form.fields[form.focus].id, FieldId::Reason);
    assert!(
        form.error.as_deref().unwrap().contains("reason"),
        "{:?}",
        form.error
    );
    assert_eq!(form.value(FieldId::Drug), "Paracet");
    set(&mut app, &mut store, FieldId::Reason, "Kastet opp");
    app.update(Action::Submit, &mut store);
    // Kari has no medication training: the warning must be acknowledged.
    let question = app.confirm.as_ref().unwrap().question.clone();
    assert!(question.contains("no training"), "{question}");
    app.update(Action::Yes, &mut store);
    assert!(app.form.is_none());
    assert_eq!(app.data.log.len(), 1);
    assert_eq!(app.data.log[0].outcome.as_deref(), Some("refused"));
}

#[test]
fn a_correction_keeps_both_entries_and_filters_narrow_the_day() {
    let (mut app, mut store) = with_log_setup();
    app.update(Action::Add, &mut store);
    type_text(&mut app, &mut store, "Middag");
    set(&mut app, &mut store, FieldId::Time, "17:00");
    set(&mut app, &mut store, FieldId::Notes, "Fiskesuppe");
    app.update(Action::Submit, &mut store);
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.1.error)
    );
    app.update(Action::Edit, &mut store);
    set(&mut app, &mut store, FieldId::Notes, "Kjøttkaker");
    app.update(Action::Submit, &mut store);
    assert_eq!(app.data.log.len(), 2);
    assert_eq!(app.data.log[0].corrected_by, Some(app.data.log[1].id));
    app.update(Action::ToggleHealthOnly, &mut store);
    assert!(app.visible_log().is_empty());
    app.update(Action::ToggleHealthOnly, &mut store);
    app.update(Action::Search, &mut store);
    type_text(&mut app, &mut store, "kjøtt");
    app.update(Action::Submit, &mut store);
    assert_eq!(app.visible_log().len(), 1);
    app.update(Action::Search, &mut store);
    set(&mut app, &mut store, FieldId::Search, "");
    set(&mut app, &mut store, FieldId::Task, "medisin");
    app.update(Action::Submit, &mut store);
    assert!(app.visible_log().is_empty(), "filtered by task type");
    app.update(Action::Search, &mut store);
    set(&mut app, &mut store, FieldId::Task, "middag");
    app.update(Action::Submit, &mut store);
    assert_eq!(app.visible_log().len(), 2);
}

#[test]
fn incidents_and_unmet_need_from_the_log_screen() {
    let (mut app, mut store) = with_log_setup();
    app.update(Action::AddIncident, &mut store);
    app.update(Action::Submit, &mut store);
    assert!(
        app.form.as_ref().unwrap().1.error.is_some(),
        "what happened is required"
    );
    set(&mut app, &mut store, FieldId::What, "Fall på badet");
    app.update(Action::Submit, &mut store);
    assert!(app.form.is_none());
    app.update(Action::AddNeed, &mut store);
    set(&mut app, &mut store, FieldId::Hours, "2,5");
    set(&mut app, &mut store, FieldId::What, "Følge til lege");
    app.update(Action::Submit, &mut store);
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.1.error)
    );
    let r = app.recipient.clone().unwrap();
    let day = crate::domain::time::DayRange::inclusive(today(), today());
    assert_eq!(store.incidents(r.id, day).unwrap().len(), 1);
    assert_eq!(store.needs(r.id, day).unwrap()[0].minutes, 150);
}

#[test]
fn a_routine_checklist_is_ticked_from_the_log_and_warns_in_the_week() {
    let (mut app, mut store) = with_log_setup();
    let r = app.recipient.clone().unwrap();
    let t = |h| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    let morning = store
        .add_routine(r.id, "Morgen", &[1, 2, 3, 4, 5], t(7), t(10))
        .unwrap();
    let tasks = store.task_types().unwrap();
    let dinner = tasks.iter().find(|x| x.name == "Middag").unwrap().id;
    let meds = tasks.iter().find(|x| x.name == "Medisin").unwrap().id;
    store
        .add_routine_item(morning, meds, Some(t(8)), "")
        .unwrap();
    store
        .add_routine_item(morning, dinner, Some(t(9)), "frokost")
        .unwrap();
    app.update(Action::GoTo(Screen::Week), &mut store);
    add(&mut app, &mut store, "Kari", "2026-11-26", "07:00", "12:00");
    // Kari is not trained in medication: the routine's task gives a warning in the week.
    assert!(
        app.data
            .findings
            .iter()
            .any(|f| f.rule == crate::domain::rules::Rule::UntrainedTask),
        "{:?}",
        app.data.findings
    );
    app.update(Action::GoTo(Screen::Log), &mut store);
    let (_, items) = app.checklist().unwrap();
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|(_, _, done)| !done));
    app.update(Action::Tick, &mut store);
    app.form.as_mut().unwrap().1.focus_on(FieldId::Item);
    app.update(Action::Right, &mut store); // the breakfast item
    app.update(Action::Submit, &mut store);
    assert!(
        app.form.is_none(),
        "{:?}",
        app.form.as_ref().map(|f| &f.1.error)
    );
    let (_, items) = app.checklist().unwrap();
    assert_eq!(items.iter().filter(|(_, _, done)| *done).count(), 1);
    // The medication item opens the log form, prefilled, for the dose.
    app.update(Action::Tick, &mut store);
    app.update(Action::Submit, &mut store);
    let (purpose, form) = app.form.as_ref().unwrap();
    assert_eq!(*purpose, FormPurpose::NewLogEntry);
    assert_eq!(form.value(FieldId::Task), "Medisin");
    assert_eq!(form.value(FieldId::Assistant), "Kari Nordmann");
    assert_eq!(form.value(FieldId::Time), "08:00");
}

#[test]
fn the_person_at_the_keyboard_is_picked_and_named_in_the_audit_log() {
    let (mut app, mut store) = planner();
    add(&mut app, &mut store, "Kari", "2026-11-26", "08:00", "16:00");
    let r = app.recipient.clone().unwrap();
    store.add_co_supervisor(r.id, "Anne").unwrap();
    let mut app = App::new(&store, Lang::En, today(), None).unwrap();
    let (purpose, form) = app.form.as_ref().expect("asked at start");
    assert_eq!(*purpose, FormPurpose::PickActor);
    let options = match &form.fields[0].kind {
        super::form::FieldKind::Choice { options, .. } => options.clone(),
        _ => Vec::new(),
    };
    assert_eq!(
        options,
        vec![
            "Ola (Arbeidsleder)",
            "Anne (co-supervisor)",
            "Kari Nordmann (assistant on shift)"
        ]
    );
    app.update(Action::Right, &mut store);
    app.update(Action::Right, &mut store);
    app.update(Action::Submit, &mut store);
    assert_eq!(app.actor, "Kari Nordmann");
    assert_eq!(store.actor(), "Kari Nordmann");
    app.update(Action::PickActor, &mut store);
    assert!(app.form.is_some(), "F2 asks again");
}
