//! The rule findings of a range of days for one recipient, read from the
//! store and judged by `domain::rules`; shared by `bpa check`, `bpa shift
//! add` and the Week screen.

use chrono::Duration;

use crate::domain::hours::days_needed;
use crate::domain::ids::RecipientId;
use crate::domain::rules::{Finding, Plan, check_plan};
use crate::domain::time::DayRange;
use crate::store::{Result, Store};

/// Days looked at on each side of the range, so rest windows see the
/// shifts around it.
const MARGIN_DAYS: i64 = 8;

/// Every finding for shifts starting in `range`.
pub fn findings(store: &Store, recipient: RecipientId, range: DayRange) -> Result<Vec<Finding>> {
    let allocations = store.allocations(recipient)?;
    let wide = DayRange::new(
        range.start - Duration::days(MARGIN_DAYS),
        range.end + Duration::days(MARGIN_DAYS),
    );
    let shifts = store.staffed_shifts_in(wide)?;
    let recipient_shifts = store.shifts_in(recipient, days_needed(&allocations, range))?;
    let assistants = store.assistants()?;
    let limits = store.limits()?;
    let routines = store.routines(recipient)?;
    let tasks = store.task_types()?;
    let trainings = store.trainings()?;
    let mut found = check_plan(
        range,
        &Plan {
            shifts: &shifts,
            recipient_shifts: &recipient_shifts,
            assistants: &assistants,
            allocations: &allocations,
            limits: &limits,
        },
    );
    let care = crate::domain::rules::Care {
        routines: &routines,
        tasks: &tasks,
        trainings: &trainings,
    };
    found.extend(crate::domain::rules::care_findings(
        range,
        &recipient_shifts,
        &care,
    ));
    found.sort_by_key(|f| (f.date, f.rule, f.assistant));
    Ok(found)
}
