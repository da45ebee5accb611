//! Visits by other services (home nursing, day centre, respite care): once
//! or weekly. They show beside the shifts and count against no allocation.

use chrono::{Duration, NaiveDate, NaiveTime};

use super::time::DayRange;

/// A service as entered: once on `first_day`, or weekly until `last_day`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub id: i64,
    pub provider: String,
    pub what: String,
    pub first_day: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub weekly: bool,
    pub last_day: Option<NaiveDate>,
}

/// One visit on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub service: i64,
    pub day: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub provider: String,
    pub what: String,
}

/// Every visit in `range`, by day and time.
pub fn visits_in(range: DayRange, services: &[Service]) -> Vec<Visit> {
    let mut visits = Vec::new();
    for s in services {
        let mut day = s.first_day;
        if s.weekly && day < range.start {
            let weeks = (range.start - day).num_days() / 7;
            day += Duration::weeks(weeks);
        }
        while day < range.end && s.last_day.is_none_or(|last| day <= last) {
            if range.contains(day) {
                visits.push(Visit {
                    service: s.id,
                    day,
                    start: s.start,
                    end: s.end,
                    provider: s.provider.clone(),
                    what: s.what.clone(),
                });
            }
            if !s.weekly {
                break;
            }
            day += Duration::weeks(1);
        }
    }
    visits.sort_by(|a, b| (a.day, a.start, &a.provider).cmp(&(b.day, b.start, &b.provider)));
    visits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn t(h: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn weekly_visits_repeat_until_their_last_day() {
        let weekly = Service {
            id: 1,
            provider: "Hjemmesykepleien".into(),
            what: "medisin".into(),
            first_day: d(10, 1),
            start: t(8),
            end: t(9),
            weekly: true,
            last_day: Some(d(11, 26)),
        };
        let once = Service {
            id: 2,
            weekly: false,
            first_day: d(11, 24),
            last_day: None,
            ..weekly.clone()
        };
        let week48 = DayRange::new(d(11, 23), d(11, 30));
        let visits = visits_in(week48, &[weekly.clone(), once]);
        assert_eq!(
            visits.iter().map(|v| v.day).collect::<Vec<_>>(),
            vec![d(11, 24), d(11, 26)]
        );
        let week49 = DayRange::new(d(11, 30), d(12, 7));
        assert!(visits_in(week49, &[weekly]).is_empty());
    }
}
