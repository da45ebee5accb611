//! Rotas (turnus): a cycle of 1–8 weeks of shift patterns by weekday and
//! week of the cycle, with or without an assistant, laid out over a range
//! of days.

use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime};

use super::ids::AssistantId;
use super::shift::ShiftKind;
use super::time::{DayRange, Week};

/// One pattern of a rota: week of the cycle (1-based), weekday (1 = Monday).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub cycle_week: u32,
    pub weekday: u32,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub kind: ShiftKind,
    pub assistant: Option<AssistantId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rota {
    pub id: i64,
    pub name: String,
    pub cycle_weeks: u32,
    pub slots: Vec<Slot>,
}

/// A shift the rota gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub kind: ShiftKind,
    pub assistant: Option<AssistantId>,
}

/// The shifts the rota gives for the days of `range`; the cycle's first
/// week is the week `range` starts in. An end at or before the start is the
/// next day.
pub fn lay_out(rota: &Rota, range: DayRange) -> Vec<Planned> {
    lay_out_from(rota, range, range.start)
}

/// As [`lay_out`], with the cycle's first week being the week of
/// `cycle_start`, so a rota applied a piece at a time keeps its rhythm.
pub fn lay_out_from(rota: &Rota, range: DayRange, cycle_start: chrono::NaiveDate) -> Vec<Planned> {
    let first = Week::containing(cycle_start).monday();
    let mut out = Vec::new();
    for day in range.iter_days() {
        let week_index = ((day - first).num_days().div_euclid(7))
            .rem_euclid(i64::from(rota.cycle_weeks.max(1))) as u32
            + 1;
        let weekday = day.weekday().number_from_monday();
        for slot in rota
            .slots
            .iter()
            .filter(|s| s.cycle_week == week_index && s.weekday == weekday)
        {
            let start = day.and_time(slot.start);
            let mut end = day.and_time(slot.end);
            if end <= start {
                end += Duration::days(1);
            }
            out.push(Planned {
                start,
                end,
                kind: slot.kind,
                assistant: slot.assistant,
            });
        }
    }
    out.sort_by_key(|p| p.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn t(h: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn a_two_week_cycle_alternates() {
        let rota = Rota {
            id: 1,
            name: "Turnus".into(),
            cycle_weeks: 2,
            slots: vec![
                Slot {
                    cycle_week: 1,
                    weekday: 1,
                    start: t(8),
                    end: t(16),
                    kind: ShiftKind::Ordinary,
                    assistant: None,
                },
                Slot {
                    cycle_week: 2,
                    weekday: 3,
                    start: t(22),
                    end: t(7),
                    kind: ShiftKind::SleepingNight,
                    assistant: Some(AssistantId(4)),
                },
            ],
        };
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let shifts = lay_out(&rota, DayRange::new(monday, monday + Duration::days(28)));
        let days: Vec<_> = shifts.iter().map(|s| s.start.date()).collect();
        assert_eq!(
            days,
            vec![
                monday,
                monday + Duration::days(9),
                monday + Duration::days(14),
                monday + Duration::days(23)
            ]
        );
        assert_eq!(shifts[1].end, (monday + Duration::days(10)).and_time(t(7)));
        // Applied from the second week on, with the cycle still starting on the
        // first, the second week's pattern comes first.
        let later = lay_out_from(
            &rota,
            DayRange::new(monday + Duration::days(7), monday + Duration::days(14)),
            monday,
        );
        assert_eq!(
            later.iter().map(|s| s.start.date()).collect::<Vec<_>>(),
            vec![monday + Duration::days(9)]
        );
        // And a cycle start after the range counts backwards the same way.
        let before = lay_out_from(
            &rota,
            DayRange::new(monday, monday + Duration::days(7)),
            monday + Duration::days(14),
        );
        assert_eq!(before.len(), 1);
        assert_eq!(before[0].start.date(), monday);
    }
}
