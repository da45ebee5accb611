//! The rules that keep a plan lawful and safe, as pure checks over shifts.
//!
//! Each finding names its rule (a stable id for scripts), the assistant, the
//! day the offending shift starts, and the numbers a message needs; the words
//! come from the locale. Working time counts every shift that is planned or
//! worked, in real elapsed minutes (the DST nights are 9 and 11 hours).

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use super::allocation::Allocation;
use super::hours::{figures, flex_statuses};
use super::ids::{AssistantId, ShiftId};
use super::people::{Assistant, Missing};
use super::shift::Shift;
use super::time::{DayRange, Week, instant_minutes};

/// A rule, with the id scripts see (`bpa check --format json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    Overlap,
    DailyRest,
    WeeklyRest,
    WorkIn24h,
    WeeklyLimit,
    NotReady,
    Inactive,
    OutsideEmployment,
    OverAllocation,
    FlexOverdrawn,
    UntrainedTask,
}

impl Rule {
    pub fn id(self) -> &'static str {
        match self {
            Self::Overlap => "overlap",
            Self::DailyRest => "aml_10_8_1",
            Self::WeeklyRest => "aml_10_8_2",
            Self::WorkIn24h => "aml_10_6_13h",
            Self::WeeklyLimit => "weekly_limit",
            Self::NotReady => "not_ready",
            Self::Inactive => "inactive",
            Self::OutsideEmployment => "outside_employment",
            Self::OverAllocation => "over_allocation",
            Self::FlexOverdrawn => "flex_overdrawn",
            Self::UntrainedTask => "untrained_task",
        }
    }

    /// An error stops a save; a warning is shown and kept.
    pub fn is_error(self) -> bool {
        self == Self::Overlap
    }
}

/// The numbers behind a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// Overlaps the assistant's shift starting on `other_day`.
    Overlap {
        other: ShiftId,
        other_day: NaiveDate,
    },
    /// The longest rest in the 24 hours from a shift's start, between the
    /// shift ending on `from_day` and the one starting on `to_day`.
    DailyRest {
        rest: i64,
        required: i64,
        from_day: NaiveDate,
        to_day: NaiveDate,
    },
    /// The longest rest in the 7 days from `from_day`.
    WeeklyRest {
        rest: i64,
        required: i64,
        from_day: NaiveDate,
    },
    WorkIn24h {
        work: i64,
        limit: i64,
    },
    WeeklyLimit {
        week: Week,
        work: i64,
        limit: i64,
    },
    NotReady {
        missing: Vec<Missing>,
    },
    Inactive,
    OutsideEmployment,
    OverAllocation {
        week: Week,
        over: i64,
    },
    FlexOverdrawn {
        overdrawn: i64,
    },
    /// A task in the shift's routine needs training the assistant lacks.
    UntrainedTask {
        routine: String,
        task: String,
        status: crate::domain::training::TrainingStatus,
    },
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub assistant: Option<AssistantId>,
    /// The day the offending shift (or window, or week) starts.
    pub date: NaiveDate,
    /// The shift the finding belongs beside, if any.
    pub shift: Option<ShiftId>,
    pub detail: Detail,
}

/// Thresholds, with the law's values as defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// aml § 10-8 (1): 11 h (a tariff agreement may allow 8 h).
    pub daily_rest: i64,
    /// aml § 10-8 (2): 35 h (a tariff agreement may allow 28 h).
    pub weekly_rest: i64,
    /// aml § 10-6 (8): 13 h of work in 24 h.
    pub work_in_24h: i64,
    /// aml § 10-4: 40 h a week without an averaging agreement.
    pub weekly_work: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            daily_rest: 11 * 60,
            weekly_rest: 35 * 60,
            work_in_24h: 13 * 60,
            weekly_work: 40 * 60,
        }
    }
}

/// A shift's working time as instants (minutes since the epoch).
#[derive(Debug, Clone, Copy)]
struct Span {
    id: ShiftId,
    start: i64,
    end: i64,
    day: NaiveDate,
}

const DAY: i64 = 24 * 60;

/// What a check looks at.
pub struct Plan<'a> {
    /// Every shift of the assistants around the range, for all recipients
    /// (rest and working time are the assistant's, whoever they help);
    /// include a week on each side so rest windows see them.
    pub shifts: &'a [Shift],
    /// The recipient's own shifts, for the allocation.
    pub recipient_shifts: &'a [Shift],
    pub assistants: &'a [Assistant],
    pub allocations: &'a [Allocation],
    pub limits: &'a Limits,
}

/// What health tasks need: the routines, task types and training records.
#[derive(Default)]
pub struct Care<'a> {
    pub routines: &'a [crate::domain::routines::Routine],
    pub tasks: &'a [crate::domain::log::TaskType],
    pub trainings: &'a [crate::domain::training::Training],
}

/// Shifts whose routine holds a task the assistant is not trained for.
pub fn care_findings(range: DayRange, shifts: &[Shift], care: &Care) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in shifts
        .iter()
        .filter(|s| s.status.counts() && range.contains(s.start.date()))
    {
        for (routine, task, _, status) in
            crate::domain::routines::untrained_tasks(s, care.routines, care.tasks, care.trainings)
        {
            out.push(Finding {
                rule: Rule::UntrainedTask,
                assistant: s.assistant,
                date: s.start.date(),
                shift: Some(s.id),
                detail: Detail::UntrainedTask {
                    routine,
                    task,
                    status,
                },
            });
        }
    }
    out
}

/// Every finding for shifts starting in `range`.
pub fn check_plan(range: DayRange, plan: &Plan) -> Vec<Finding> {
    let mut findings =
        person_and_assistant_findings(range, plan.shifts, plan.assistants, plan.limits);
    findings.extend(budget_findings(
        range,
        plan.recipient_shifts,
        plan.allocations,
    ));
    findings.sort_by_key(|a| (a.date, a.rule, a.assistant));
    findings
}

/// Every finding for one recipient whose assistants work for nobody else.
pub fn check(
    range: DayRange,
    shifts: &[Shift],
    assistants: &[Assistant],
    allocations: &[Allocation],
    limits: &Limits,
) -> Vec<Finding> {
    check_plan(
        range,
        &Plan {
            shifts,
            recipient_shifts: shifts,
            assistants,
            allocations,
            limits,
        },
    )
}

fn person_and_assistant_findings(
    range: DayRange,
    shifts: &[Shift],
    assistants: &[Assistant],
    limits: &Limits,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let in_range = |d: NaiveDate| range.contains(d);
    let mut by_assistant: BTreeMap<AssistantId, Vec<Span>> = BTreeMap::new();
    for s in shifts.iter().filter(|s| s.status.counts()) {
        let Some(who) = s.assistant else { continue };
        let (start, end) = s.counted_times();
        let (Ok(a), Ok(b)) = (instant_minutes(start), instant_minutes(end)) else {
            continue;
        };
        by_assistant.entry(who).or_default().push(Span {
            id: s.id,
            start: a,
            end: b,
            day: start.date(),
        });
        if let Some(assistant) = assistants.iter().find(|x| x.id == Some(who))
            && in_range(start.date())
        {
            findings.extend(assistant_findings(assistant, s));
        }
    }
    for (who, mut spans) in by_assistant {
        spans.sort_by_key(|s| (s.start, s.end));
        findings.extend(
            person_findings(who, &spans, limits)
                .into_iter()
                .filter(|f| in_range(f.date)),
        );
    }
    findings
}

fn assistant_findings(a: &Assistant, s: &Shift) -> Vec<Finding> {
    let finding = |rule, detail| Finding {
        rule,
        assistant: a.id,
        date: s.start.date(),
        shift: Some(s.id),
        detail,
    };
    let mut out = Vec::new();
    if !a.active {
        out.push(finding(Rule::Inactive, Detail::Inactive));
    }
    let day = s.start.date();
    if a.start_date.is_some_and(|d| day < d) || a.end_date.is_some_and(|d| day > d) {
        out.push(finding(Rule::OutsideEmployment, Detail::OutsideEmployment));
    }
    let missing = a.missing();
    if !missing.is_empty() {
        out.push(finding(Rule::NotReady, Detail::NotReady { missing }));
    }
    out
}

/// Overlaps and working-time rules for one assistant's spans, by start.
fn person_findings(who: AssistantId, spans: &[Span], limits: &Limits) -> Vec<Finding> {
    let mut out = Vec::new();
    let finding = |rule, span: &Span, detail| Finding {
        rule,
        assistant: Some(who),
        date: span.day,
        shift: Some(span.id),
        detail,
    };
    for (i, s) in spans.iter().enumerate() {
        if let Some(other) = spans[..i].iter().rev().find(|o| o.end > s.start) {
            out.push(finding(
                Rule::Overlap,
                s,
                Detail::Overlap {
                    other: other.id,
                    other_day: other.day,
                },
            ));
        }
    }
    // Daily rest: the 24 h from each shift's start must hold a rest long
    // enough; when not, the short rest right after that shift is named.
    let mut reported_gaps = Vec::new();
    for i in 0..spans.len() {
        let window_short =
            longest_rest(spans, i, DAY).is_some_and(|(rest, _, _)| rest < limits.daily_rest);
        if !window_short {
            continue;
        }
        if let Some((rest, before, after)) = first_rest(spans, i)
            && rest < limits.daily_rest
            && !reported_gaps.contains(&before)
        {
            reported_gaps.push(before);
            out.push(finding(
                Rule::DailyRest,
                &spans[after],
                Detail::DailyRest {
                    rest,
                    required: limits.daily_rest,
                    from_day: spans[before].day,
                    to_day: spans[after].day,
                },
            ));
        }
    }
    // Weekly rest: the longest rest inside the 7 days from each shift's start.
    let mut covered_until = i64::MIN;
    for (i, s) in spans.iter().enumerate() {
        if s.start < covered_until {
            continue;
        }
        if let Some((rest, _, _)) = longest_rest(spans, i, 7 * DAY)
            && rest < limits.weekly_rest
        {
            covered_until = s.start + 7 * DAY;
            out.push(finding(
                Rule::WeeklyRest,
                s,
                Detail::WeeklyRest {
                    rest,
                    required: limits.weekly_rest,
                    from_day: s.day,
                },
            ));
        }
    }
    // Work in any 24 h from a shift's start.
    let mut covered_until = i64::MIN;
    for s in spans {
        if s.start < covered_until {
            continue;
        }
        let window_end = s.start + DAY;
        let work: i64 = spans
            .iter()
            .map(|o| (o.end.min(window_end) - o.start.max(s.start)).max(0))
            .sum();
        if work > limits.work_in_24h {
            covered_until = window_end;
            out.push(finding(
                Rule::WorkIn24h,
                s,
                Detail::WorkIn24h {
                    work,
                    limit: limits.work_in_24h,
                },
            ));
        }
    }
    // Work per ISO week.
    let mut weeks: BTreeMap<Week, (i64, Span)> = BTreeMap::new();
    for s in spans {
        let entry = weeks.entry(Week::containing(s.day)).or_insert((0, *s));
        entry.0 += s.end - s.start;
    }
    for (week, (work, first)) in weeks {
        if work > limits.weekly_work {
            out.push(finding(
                Rule::WeeklyLimit,
                &first,
                Detail::WeeklyLimit {
                    week,
                    work,
                    limit: limits.weekly_work,
                },
            ));
        }
    }
    out
}

/// The longest rest in the window `[spans[i].start, + window)`: the gaps
/// between the assistant's shifts, and the time from the last one to the
/// window's end. Returns the rest, the index of the shift before it and of
/// the shift after it (`None` when the rest runs to the window's end);
/// `None` when there is no rest at all (continuous work is the 13-hour
/// rule's finding).
fn longest_rest(spans: &[Span], i: usize, window: i64) -> Option<(i64, usize, Option<usize>)> {
    let window_end = spans[i].start + window;
    let mut best: Option<(i64, usize, Option<usize>)> = None;
    let mut busy_until = spans[i].end;
    let mut last = i;
    for (j, next) in spans.iter().enumerate().skip(i + 1) {
        if busy_until >= window_end || next.start >= window_end {
            break;
        }
        if next.start > busy_until {
            best = Some(pick(best, (next.start - busy_until, last, Some(j))));
        }
        if next.end > busy_until {
            busy_until = next.end;
            last = j;
        }
    }
    if busy_until < window_end {
        best = Some(pick(best, (window_end - busy_until, last, None)));
    }
    best
}

/// The rest after the work that starts with `spans[i]` (shifts that touch
/// or overlap count as one stretch of work): its length and the shifts
/// before and after it; `None` when nothing follows.
fn first_rest(spans: &[Span], i: usize) -> Option<(i64, usize, usize)> {
    let mut busy_until = spans[i].end;
    let mut last = i;
    for (j, next) in spans.iter().enumerate().skip(i + 1) {
        if next.start > busy_until {
            return Some((next.start - busy_until, last, j));
        }
        if next.end > busy_until {
            busy_until = next.end;
            last = j;
        }
    }
    None
}

fn pick(
    best: Option<(i64, usize, Option<usize>)>,
    candidate: (i64, usize, Option<usize>),
) -> (i64, usize, Option<usize>) {
    match best {
        Some(b) if b.0 >= candidate.0 => b,
        _ => candidate,
    }
}

/// Weeks over their allocation and overdrawn flex periods.
fn budget_findings(range: DayRange, shifts: &[Shift], allocations: &[Allocation]) -> Vec<Finding> {
    let mut out = Vec::new();
    if allocations.is_empty() {
        return out;
    }
    let mut week = Week::containing(range.start);
    while week.monday() < range.end {
        let f = figures(week.days(), allocations, shifts);
        if f.remaining() < 0 {
            out.push(Finding {
                rule: Rule::OverAllocation,
                assistant: None,
                date: week.monday().max(range.start),
                shift: None,
                detail: Detail::OverAllocation {
                    week,
                    over: -f.remaining(),
                },
            });
        }
        week = week.next();
    }
    let last = range.end - Duration::days(1);
    for flex in flex_statuses(allocations, shifts, DayRange::inclusive(last, last)) {
        if flex.balance < 0 {
            out.push(Finding {
                rule: Rule::FlexOverdrawn,
                assistant: None,
                date: last,
                shift: None,
                detail: Detail::FlexOverdrawn {
                    overdrawn: -flex.balance,
                },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
