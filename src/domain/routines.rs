//! Routines: named checklists (for example "Morning": wake-up, hygiene,
//! medication 08:00, breakfast) tied to shifts by weekday and time of day.

use chrono::{Datelike, NaiveTime};

use super::log::TaskType;
use super::shift::Shift;
use super::training::{Training, TrainingStatus, status};

/// One item of a routine's checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: i64,
    pub task: i64,
    /// The time it is due, if any.
    pub at: Option<NaiveTime>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routine {
    pub id: i64,
    pub name: String,
    /// Weekdays it applies to, 1 = Monday … 7 = Sunday.
    pub weekdays: Vec<u32>,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub items: Vec<Item>,
}

impl Routine {
    /// Does the routine belong to this shift: on one of its weekdays, and
    /// overlapping its time of day?
    pub fn applies_to(&self, shift: &Shift) -> bool {
        let day = shift.start.date();
        if !self.weekdays.contains(&day.weekday().number_from_monday()) {
            return false;
        }
        let from = day.and_time(self.start);
        let mut to = day.and_time(self.end);
        if to <= from {
            to += chrono::Duration::days(1);
        }
        shift.start < to && from < shift.end
    }
}

/// The routines that belong to a shift.
pub fn for_shift<'a>(shift: &Shift, routines: &'a [Routine]) -> Vec<&'a Routine> {
    routines.iter().filter(|r| r.applies_to(shift)).collect()
}

/// Tasks in the shift's routines that its assistant is not trained for:
/// routine name, task name, competence id and the training status.
pub fn untrained_tasks(
    shift: &Shift,
    routines: &[Routine],
    tasks: &[TaskType],
    trainings: &[Training],
) -> Vec<(String, String, i64, TrainingStatus)> {
    let Some(assistant) = shift.assistant else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in for_shift(shift, routines) {
        for item in &r.items {
            let Some(task) = tasks.iter().find(|t| t.id == item.task) else {
                continue;
            };
            let Some(competence) = task.requires else {
                continue;
            };
            let st = status(trainings, assistant, competence, shift.start.date());
            if !st.allows()
                && !out
                    .iter()
                    .any(|(_, name, _, _): &(String, String, i64, TrainingStatus)| {
                        *name == task.name
                    })
            {
                out.push((r.name.clone(), task.name.clone(), competence, st));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{AssistantId, ShiftId};
    use crate::domain::log::Category;
    use crate::domain::shift::{ShiftKind, ShiftStatus};
    use chrono::NaiveDate;

    fn t(h: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, 0, 0).unwrap()
    }

    fn shift(day: u32, h0: u32, h1: u32) -> Shift {
        let d = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        Shift {
            id: ShiftId(1),
            assistant: Some(AssistantId(1)),
            allocation: None,
            start: d.and_time(t(h0)),
            end: d.and_time(t(h1)),
            actual_start: None,
            actual_end: None,
            kind: ShiftKind::Ordinary,
            status: ShiftStatus::Planned,
            note: String::new(),
            active: Vec::new(),
        }
    }

    fn morning() -> Routine {
        Routine {
            id: 1,
            name: "Morgen".into(),
            weekdays: vec![1, 2, 3, 4, 5],
            start: t(7),
            end: t(10),
            items: vec![Item {
                id: 1,
                task: 5,
                at: Some(t(8)),
                label: String::new(),
            }],
        }
    }

    #[test]
    fn a_routine_belongs_to_shifts_on_its_days_and_hours() {
        let r = morning();
        assert!(r.applies_to(&shift(23, 8, 12)), "Monday morning");
        assert!(!r.applies_to(&shift(23, 12, 16)), "Monday afternoon");
        assert!(!r.applies_to(&shift(28, 8, 12)), "Saturday");
    }

    #[test]
    fn an_untrained_assistant_on_a_routine_with_medication_is_found() {
        let tasks = [TaskType {
            id: 5,
            name: "Medisin".into(),
            category: Category::Health,
            requires: Some(9),
            medication: true,
        }];
        let found = untrained_tasks(&shift(23, 8, 12), &[morning()], &tasks, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].0.as_str(), found[0].1.as_str(), found[0].3),
            ("Morgen", "Medisin", TrainingStatus::Missing)
        );
        let trained = Training {
            id: 1,
            assistant: AssistantId(1),
            competence: 9,
            trained_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            trained_by: String::new(),
            renew_on: None,
            notes: String::new(),
        };
        assert!(untrained_tasks(&shift(23, 8, 12), &[morning()], &tasks, &[trained]).is_empty());
    }
}
