//! The dense demo, for measuring: care around the clock with two and at
//! times three assistants at once, 14 shifts a day, about 75 log entries a
//! day, and 20 assistants coming and going over the years. Ten years give
//! about 51 000 shifts and 270 000 log entries.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};

use super::{DemoLog, DemoMedication, DemoPlan, DemoShift, Rng};
use crate::domain::people::Assistant;
use crate::domain::shift::{ShiftKind, ShiftStatus};

/// How many assistants the arrangement has over its years.
pub const ASSISTANTS: usize = 20;

/// Places on the rota: each is held by two assistants in turn, the second
/// taking over from the first at a point that differs for each place.
const PLACES: usize = ASSISTANTS / 2;

/// A duty: shifts one assistant works in a row, as (start hour, hours, kind).
type Duty = &'static [(u32, i64, ShiftKind)];

/// The day's eight duties, 14 shifts: two assistants around the clock (one
/// sleeping night, one awake night) and a third during the day.
const DUTIES: [Duty; 8] = [
    &[
        (7, 3, ShiftKind::Ordinary),
        (10, 3, ShiftKind::Ordinary),
        (13, 3, ShiftKind::Ordinary),
    ],
    &[(16, 3, ShiftKind::Ordinary), (19, 3, ShiftKind::Ordinary)],
    &[(22, 9, ShiftKind::SleepingNight)],
    &[(7, 4, ShiftKind::Ordinary), (11, 4, ShiftKind::Ordinary)],
    &[(15, 4, ShiftKind::Ordinary), (19, 4, ShiftKind::Ordinary)],
    &[(23, 8, ShiftKind::AwakeNight)],
    &[(9, 3, ShiftKind::Ordinary), (12, 3, ShiftKind::Ordinary)],
    &[(17, 3, ShiftKind::Ordinary)],
];

/// The allocation: the most a week can have. Two and three assistants at
/// once use about twice that, so every week is overdrawn, as in an
/// arrangement waiting for its allocation to be raised.
pub const WEEKLY_MINUTES: i64 = 168 * 60;

/// Replaces the plan's assistants, trainings, shifts and log entries with
/// the dense ones, from `first_monday` to `last`.
pub(super) fn fill(
    plan: &mut DemoPlan,
    rng: &mut Rng,
    now: NaiveDateTime,
    (first_monday, last): (NaiveDate, NaiveDate),
) {
    let today = now.date();
    let days = (last - first_monday).num_days().max(1);
    // Place p changes hands on this day (counted from the first Monday).
    let handover = |p: usize| days * (p as i64 + 1) / (PLACES as i64 + 1);
    let papers = first_monday - Duration::days(30);
    plan.assistants = (0..ASSISTANTS)
        .map(|i| {
            let (place, second) = (i / 2, i % 2 == 1);
            let change = first_monday + Duration::days(handover(place));
            let (start, end) = if second {
                (change, None)
            } else {
                (papers, Some(change - Duration::days(1)))
            };
            let left = end.is_some_and(|e| e < today);
            Assistant {
                name: format!("{} {}", FIRST[i], LAST[i]),
                phone: format!("4{:02} {:02} {:03}", 10 + i, 30 + i, 200 + i * 17),
                police_certificate: Some(start - Duration::days(10)),
                confidentiality: Some(start - Duration::days(10)),
                contract: Some(start - Duration::days(10)),
                start_date: Some(start),
                end_date: end,
                employment_percent: Some(60),
                active: !left,
                ..Assistant::default()
            }
        })
        .collect();
    plan.allocation.minutes_per_week = WEEKLY_MINUTES;
    plan.trainings = (0..ASSISTANTS)
        .flat_map(|a| {
            let on = plan.assistants[a].start_date.unwrap_or(papers);
            [(a, 0, on, None), (a, 1, on, None)]
        })
        .collect();

    plan.shifts.clear();
    plan.logs.clear();
    let mut day = first_monday;
    while day <= last {
        let k = (day - first_monday).num_days();
        for (d, duty) in DUTIES.iter().enumerate() {
            let place = (d + k as usize) % PLACES;
            let who = if k < handover(place) {
                2 * place
            } else {
                2 * place + 1
            };
            for (n, (hour, hours, kind)) in duty.iter().enumerate() {
                let mut shift = super::planned(who, day, *hour, *hours, *kind);
                let end = shift.end;
                if end <= now {
                    shift.status = ShiftStatus::Worked;
                    if rng.chance(2) {
                        shift.status = ShiftStatus::Cancelled;
                    } else if n + 1 == duty.len() && rng.chance(5) {
                        // Only a duty's last shift runs late: the next one is
                        // the same assistant's.
                        shift.actual_end = Some(end + Duration::minutes(15));
                    }
                }
                if shift.status == ShiftStatus::Worked {
                    // The first line of assistants gives the medicine; the
                    // others must not log the same dose again.
                    add_logs(&mut plan.logs, rng, &shift, who, d < 2);
                }
                plan.shifts.push(shift);
            }
        }
        day += Duration::days(1);
    }
}

/// Entries every half hour of a day shift, two in a night.
fn add_logs(logs: &mut Vec<DemoLog>, rng: &mut Rng, shift: &DemoShift, by: usize, doses: bool) {
    let step = if shift.kind == ShiftKind::Ordinary {
        30
    } else {
        180
    };
    let mut at = shift.start + Duration::minutes(15);
    while at < shift.end {
        let hour = at.hour();
        let (task, medication) = match hour {
            8 | 14 | 20 if doses && at.minute() < 30 => (5, true),
            7 | 21 => (0, false),
            10 | 15 => (2 + usize::from(at.day().is_multiple_of(2)), false),
            // Turning in bed at night, and lifts during the day.
            0..=5 | 9 | 16 | 22 | 23 => (6, false),
            11 | 13 => (4, false),
            18 => (7, false),
            // Meals at 12 and 17, and a drink or a snack the rest of the day.
            _ => (1, false),
        };
        logs.push(DemoLog {
            at,
            assistant: by,
            task,
            note: String::new(),
            medication: medication.then(|| {
                let refused = rng.chance(2);
                Box::new(DemoMedication {
                    name: "Levetiracetam",
                    dose: "500 mg",
                    outcome: if refused { "refused" } else { "given" },
                    reason: refused.then(|| "Ville ikke ta den; ny runde 30 min senere".to_owned()),
                })
            }),
        });
        at += Duration::minutes(step);
    }
}

const FIRST: [&str; ASSISTANTS] = [
    "Kari", "Per", "Ingrid", "Lars", "Sofie", "Magnus", "Nora", "Jonas", "Emma", "Henrik", "Maja",
    "Sander", "Ida", "Mathias", "Thea", "Elias", "Frida", "Aksel", "Hedda", "Tobias",
];

const LAST: [&str; ASSISTANTS] = [
    "Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen", "Dahl", "Bakke", "Lie",
    "Moen", "Strand", "Solberg", "Eide", "Lunde", "Holm", "Aas", "Vik", "Nilsen", "Ruud",
];
