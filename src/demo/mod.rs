//! Realistic, deterministic demo data: one recipient with a 40 h/week
//! allocation, seven assistants (one not ready), a two-week rota with days,
//! evenings, weekends, sleeping and awake nights, N years of shifts up to
//! today and four weeks ahead, a task log with medication, and incidents.
//!
//! The plan is pure data built from a seed; `Store::load_demo` writes it in
//! one transaction.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::allocation::{FlexPeriod, KindFactors};
use crate::domain::log::Category as TaskCategory;
use crate::domain::people::{Assistant, Representative};
use crate::domain::shift::{ShiftKind, ShiftStatus};
use crate::store::{NewAllocation, NewRecipient};

pub use crate::store::{DemoIncident, DemoLog, DemoMedication, DemoPlan, DemoRoutine, DemoShift};

pub mod dense;

/// A small deterministic generator (SplitMix64), so a seed gives the same data everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const NAMES: [&str; 7] = [
    "Kari Nordmann",
    "Per Hansen",
    "Ingrid Johansen",
    "Lars Olsen",
    "Sofie Larsen",
    "Magnus Berg",
    "Nora Haugen",
];

/// One slot of the two-week rota: week of cycle, weekday (0 = Monday), start, hours, kind.
const ROTA: [(u8, i64, u32, i64, ShiftKind); 17] = [
    (0, 0, 8, 4, ShiftKind::Ordinary),
    (0, 1, 16, 5, ShiftKind::Ordinary),
    (0, 2, 8, 4, ShiftKind::Ordinary),
    (0, 2, 22, 9, ShiftKind::SleepingNight),
    (0, 3, 16, 5, ShiftKind::Ordinary),
    (0, 4, 8, 4, ShiftKind::Ordinary),
    (0, 5, 10, 6, ShiftKind::Ordinary),
    (0, 6, 12, 4, ShiftKind::Ordinary),
    (1, 0, 8, 4, ShiftKind::Ordinary),
    (1, 1, 16, 5, ShiftKind::Ordinary),
    (1, 2, 8, 4, ShiftKind::Ordinary),
    (1, 2, 22, 9, ShiftKind::SleepingNight),
    (1, 3, 16, 5, ShiftKind::Ordinary),
    (1, 4, 8, 4, ShiftKind::Ordinary),
    (1, 4, 22, 8, ShiftKind::AwakeNight),
    (1, 5, 10, 6, ShiftKind::Ordinary),
    (1, 6, 12, 4, ShiftKind::Ordinary),
];

/// Assistants who may be given shifts (the last one is not ready yet).
const READY: usize = 6;

/// The first Monday and the last day of a demo of `years` up to `now`,
/// four weeks ahead included.
fn span(years: u32, now: NaiveDateTime) -> (NaiveDate, NaiveDate) {
    let today = now.date();
    let first = today - Duration::days(i64::from(years) * 365);
    let first_monday = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    (first_monday, today + Duration::days(28))
}

/// The dense demo (see [`dense`]) for `years` of history ending at `now`.
pub fn dense_plan(years: u32, seed: u64, now: NaiveDateTime) -> DemoPlan {
    let mut plan = plan(years, seed, now);
    dense::fill(&mut plan, &mut Rng(seed), now, span(years, now));
    plan
}

/// Builds the demo plan for `years` of history ending at `now`.
pub fn plan(years: u32, seed: u64, now: NaiveDateTime) -> DemoPlan {
    let mut rng = Rng(seed);
    let today = now.date();
    let (first_monday, last) = span(years, now);

    let mut allocation = NewAllocation::new(40 * 60, first_monday);
    allocation.received_on = Some(first_monday - Duration::days(20));
    allocation.reference = format!("{}/{}", first_monday.year(), 1000 + rng.next() % 9000);
    allocation.flex = FlexPeriod::Year;
    allocation.factors = KindFactors {
        sleeping_night: 500,
        ..KindFactors::default()
    };
    allocation.notes = "Søvnnatt teller halvt mot vedtaket.".into();

    let papers = first_monday - Duration::days(30);
    let assistants = NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| Assistant {
            name: (*name).into(),
            phone: format!("9{:02} {:02} {:03}", 10 + i * 7, 20 + i * 3, 100 + i * 111),
            email: String::new(),
            police_certificate: (i < READY).then_some(papers),
            confidentiality: Some(papers),
            contract: Some(papers),
            start_date: Some(papers),
            employment_percent: Some(if i < 2 { 50 } else { 20 }),
            active: true,
            ..Assistant::default()
        })
        .collect();

    let task_types = vec![
        ("Morgenstell", TaskCategory::PersonalCare, None, false),
        ("Måltid", TaskCategory::Practical, None, false),
        ("Handling", TaskCategory::Practical, None, false),
        ("Rengjøring", TaskCategory::Practical, None, false),
        ("Følge til aktivitet", TaskCategory::Activity, None, false),
        ("Medisin", TaskCategory::Health, Some(0), true),
        (
            "Forflytning med løfter",
            TaskCategory::Health,
            Some(1),
            false,
        ),
        ("Treningsprogram", TaskCategory::Training, None, false),
    ];
    let competences = vec![
        "Legemiddelhåndtering",
        "Forflytning og løfter",
        "Epilepsi: akuttmedisin",
    ];
    // Every ready assistant is trained in medication and lifting, renewed
    // yearly; one renewal falls due within a month, one has passed.
    let mut trainings = Vec::new();
    for a in 0..READY {
        let renew = match a {
            0 => today + Duration::days(12),
            1 => today - Duration::days(3),
            _ => today + Duration::days(200 + a as i64 * 10),
        };
        trainings.push((a, 0, papers, Some(renew)));
        trainings.push((a, 1, papers, None));
    }
    trainings.push((2, 2, papers, Some(today + Duration::days(25))));

    let mut shifts = Vec::new();
    let mut logs = Vec::new();
    let mut monday = first_monday;
    let mut week_index = 0usize;
    while monday <= last {
        for (slot, (cycle, weekday, hour, hours, kind)) in ROTA.iter().enumerate() {
            if usize::from(*cycle) != week_index % 2 {
                continue;
            }
            let day = monday + Duration::days(*weekday);
            if day < first_monday || day > last {
                continue;
            }
            let who = (slot + week_index) % READY;
            let mut shift = planned(who, day, *hour, *hours, *kind);
            let end = shift.end;
            let past = end <= now;
            if past {
                shift.status = ShiftStatus::Worked;
                if rng.chance(3) {
                    shift.status = ShiftStatus::Absent;
                    shift.substitute = Some((who + 1) % READY);
                } else if rng.chance(2) {
                    shift.status = ShiftStatus::Cancelled;
                } else if rng.chance(8) {
                    shift.actual_end =
                        Some(end + Duration::minutes(15 * (1 + (rng.next() % 2) as i64)));
                }
            } else if day > today + Duration::days(7) && rng.chance(4) {
                shift.assistant = None;
            }
            if shift.status == ShiftStatus::Worked || shift.substitute.is_some() {
                let by = shift.substitute.unwrap_or(who);
                add_logs(&mut logs, &mut rng, &shift, by);
            }
            shifts.push(shift);
        }
        monday += Duration::days(7);
        week_index += 1;
    }

    let mut incidents = Vec::new();
    let mut day = first_monday + Duration::days(17);
    let events = [
        (
            "Fall på badet ved forflytning, ingen skade.",
            "medium",
            "Sjekket for skader, ringte mor. Gjennomgår løfteteknikk.",
        ),
        (
            "Kveldsmedisin ikke gitt: assistenten kom ikke.",
            "high",
            "Medisin gitt av hjemmesykepleien kl. 21:30.",
        ),
        (
            "Assistent kom 40 minutter for sent.",
            "low",
            "Snakket med assistenten.",
        ),
    ];
    while day < today {
        let (what, severity, action) = events[(rng.next() % 3) as usize];
        incidents.push(DemoIncident {
            at: day.and_time(NaiveTime::from_hms_opt(19, 10, 0).unwrap_or(NaiveTime::MIN)),
            what: what.into(),
            severity,
            action: action.into(),
        });
        day += Duration::days(45 + (rng.next() % 30) as i64);
    }

    DemoPlan {
        recipient: NewRecipient {
            name: "Sigrid Haugen".into(),
            representative: Some(Representative {
                name: "Anne Haugen".into(),
                relation: "mor".into(),
            }),
        },
        allocation,
        assistants,
        task_types,
        competences,
        trainings,
        routines: demo_routines(),
        shifts,
        logs,
        incidents,
    }
}

/// A planned shift of `who` on `day` from `hour`:00, `hours` long.
fn planned(who: usize, day: NaiveDate, hour: u32, hours: i64, kind: ShiftKind) -> DemoShift {
    let start = day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN));
    DemoShift {
        assistant: Some(who),
        start,
        end: start + Duration::hours(hours),
        actual_end: None,
        kind,
        status: ShiftStatus::Planned,
        substitute: None,
    }
}

fn demo_routines() -> Vec<DemoRoutine> {
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
    vec![
        DemoRoutine {
            name: "Morgen",
            weekdays: vec![1, 2, 3, 4, 5],
            start: t(7, 30),
            end: t(12, 0),
            items: vec![
                (5, Some(t(8, 0)), ""),
                (0, Some(t(8, 20)), "dusj og påkledning"),
                (1, Some(t(9, 0)), "frokost"),
            ],
        },
        DemoRoutine {
            name: "Kveld",
            weekdays: vec![1, 2, 3, 4, 5, 6, 7],
            start: t(16, 0),
            end: t(21, 0),
            items: vec![(1, Some(t(17, 0)), "middag"), (5, Some(t(20, 0)), "")],
        },
    ]
}

fn add_logs(logs: &mut Vec<DemoLog>, rng: &mut Rng, shift: &DemoShift, by: usize) {
    let at = |h: u32, m: u32| {
        shift
            .start
            .date()
            .and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN))
    };
    let medication = |planned: &str, rng: &mut Rng| {
        let refused = rng.chance(3);
        Box::new(DemoMedication {
            name: "Levetiracetam",
            dose: "500 mg",
            outcome: if refused { "refused" } else { "given" },
            reason: refused
                .then(|| format!("Ville ikke ta den kl. {planned}; ny runde 30 min senere")),
        })
    };
    match shift.start.time().format("%H").to_string().as_str() {
        "08" => {
            logs.push(DemoLog {
                at: at(8, 0),
                assistant: by,
                task: 5,
                note: String::new(),
                medication: Some(medication("08:00", rng)),
            });
            logs.push(DemoLog {
                at: at(8, 20),
                assistant: by,
                task: 0,
                note: "Dusj og påkledning.".into(),
                medication: None,
            });
            logs.push(DemoLog {
                at: at(10, 0),
                assistant: by,
                task: 2,
                note: String::new(),
                medication: None,
            });
        }
        "16" => {
            logs.push(DemoLog {
                at: at(17, 0),
                assistant: by,
                task: 1,
                note: "Middag.".into(),
                medication: None,
            });
            logs.push(DemoLog {
                at: at(20, 0),
                assistant: by,
                task: 5,
                note: String::new(),
                medication: Some(medication("20:00", rng)),
            });
        }
        "10" | "12" => {
            logs.push(DemoLog {
                at: shift.start + Duration::minutes(30),
                assistant: by,
                task: 4,
                note: "Tur i parken.".into(),
                medication: None,
            });
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 26)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    #[test]
    fn the_same_seed_gives_the_same_data() {
        assert_eq!(plan(1, 7, now()), plan(1, 7, now()));
        assert_ne!(plan(1, 7, now()).shifts, plan(1, 8, now()).shifts);
    }

    #[test]
    fn the_plan_has_what_the_demo_promises() {
        let p = plan(1, 1, now());
        assert_eq!(p.allocation.minutes_per_week, 2400);
        assert!((6..=8).contains(&p.assistants.len()));
        assert_eq!(p.assistants.iter().filter(|a| !a.is_ready()).count(), 1);
        let last = p.shifts.iter().map(|s| s.start.date()).max().unwrap();
        assert!(last >= now().date() + Duration::days(21));
        for kind in ShiftKind::ALL {
            assert!(p.shifts.iter().any(|s| s.kind == kind), "{kind:?}");
        }
        assert!(
            p.shifts
                .iter()
                .any(|s| s.start.weekday() == chrono::Weekday::Sat)
        );
        assert!(p.logs.iter().any(|l| l.medication.is_some()));
        assert!(!p.incidents.is_empty());
        // Nobody but the ready assistants works.
        assert!(
            p.shifts
                .iter()
                .all(|s| s.assistant.is_none_or(|a| a < READY))
        );
    }

    #[test]
    fn the_dense_plan_has_fourteen_shifts_a_day_and_twenty_assistants_who_never_overlap() {
        let p = dense_plan(2, 3, now());
        assert_eq!(p.assistants.len(), dense::ASSISTANTS);
        let (first, last) = span(2, now());
        let days = (last - first).num_days() as usize + 1;
        assert_eq!(p.shifts.len(), days * 14);
        // Everyone comes or goes: half of them start after the first day.
        let late = p
            .assistants
            .iter()
            .filter(|a| a.start_date.is_some_and(|d| d > first))
            .count();
        assert_eq!(late, dense::ASSISTANTS / 2);
        let mut by_assistant: std::collections::BTreeMap<usize, Vec<&DemoShift>> =
            std::collections::BTreeMap::new();
        for s in &p.shifts {
            let who = s.assistant.unwrap();
            let a = &p.assistants[who];
            assert!(a.start_date.is_none_or(|d| d <= s.start.date()), "{s:?}");
            assert!(a.end_date.is_none_or(|d| s.start.date() <= d), "{s:?}");
            by_assistant.entry(who).or_default().push(s);
        }
        for shifts in by_assistant.values_mut() {
            shifts.sort_by_key(|s| s.start);
            for pair in shifts.windows(2) {
                // Worked late or not, no one is in two places at once.
                let end = pair[0].actual_end.unwrap_or(pair[0].end);
                assert!(end <= pair[1].start, "{pair:?}");
            }
        }
        // One dose at a time: never two medication entries at one moment.
        let mut doses: Vec<_> = p
            .logs
            .iter()
            .filter(|l| l.medication.is_some())
            .map(|l| l.at)
            .collect();
        let all = doses.len();
        doses.sort();
        doses.dedup();
        assert_eq!(doses.len(), all, "a dose logged twice");
        // About 75 log entries a worked day.
        let worked_days = (now().date() - first).num_days() as usize;
        let per_day = p.logs.len() / worked_days;
        assert!((60..=90).contains(&per_day), "{per_day}");
    }
}
