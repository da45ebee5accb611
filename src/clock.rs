//! The one place that reads the clock.
//!
//! `--today YYYY-MM-DD` or `BPA_TODAY` fixes the date (at 12:00 local time),
//! so tests, screenshots and demos are deterministic. Everything else asks
//! this module, never `chrono::Local` or `SystemTime` directly.

use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Oslo;

static FIXED: OnceLock<NaiveDate> = OnceLock::new();

/// Fixes today's date for the rest of the process. The first call wins.
pub fn fix_today(day: NaiveDate) {
    let _ = FIXED.set(day);
}

/// The current wall-clock time in Oslo.
pub fn now() -> NaiveDateTime {
    match FIXED.get() {
        Some(day) => day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)),
        None => Utc::now().with_timezone(&Oslo).naive_local(),
    }
}

/// Today's date in Oslo.
pub fn today() -> NaiveDate {
    now().date()
}

/// The real current instant as UTC text, for the audit log: a fixed
/// `--today` changes what today means for planning and reports, never
/// when a change is recorded as made.
pub fn audit_stamp() -> String {
    Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The current instant as UTC text (at noon of a fixed day), for what a
/// file says of when it was made.
pub fn now_utc_text() -> String {
    let instant = match FIXED.get() {
        Some(_) => Oslo
            .from_local_datetime(&now())
            .earliest()
            .map_or_else(Utc::now, |t| t.with_timezone(&Utc)),
        None => Utc::now(),
    };
    instant.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Nanoseconds since 1970 from the system clock, even when today is fixed:
/// a seed for identifiers that must differ between databases, never a date.
pub fn entropy_nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}
