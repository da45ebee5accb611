//! Payroll files: the approved hours of a month summed per assistant and
//! wage type, in the import layouts of Visma Lønn and Tripletex.
//!
//! Hours only: `bpa` never computes kroner. Each bucket of the timesheet
//! maps to a wage-type number from the settings (`payroll.wage_type.*`);
//! the quantity is hours with two decimals. Nothing is silently left out:
//! a month not approved, an assistant without an employee number or a
//! bucket without a wage type is an error that names them.

use crate::domain::ids::AssistantId;
use crate::domain::pay::Buckets;
use crate::domain::people::Recipient;
use crate::domain::time::Month;
use crate::i18n::Lang;
use crate::store::Store;
use crate::timesheet::csv::hours;

/// Which figure of the timesheet a payroll line carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WageBucket {
    /// Paid time (the sleeping-night rule applied): the ordinary wage.
    Ordinary,
    EveningNight,
    Weekend,
    Holiday,
    /// Passive (sleeping) time of sleeping nights, for employers who pay
    /// or record it on its own wage type.
    Passive,
}

impl WageBucket {
    pub const ALL: [Self; 5] = [
        Self::Ordinary,
        Self::EveningNight,
        Self::Weekend,
        Self::Holiday,
        Self::Passive,
    ];

    /// The setting that holds this bucket's wage-type number.
    pub fn setting(self) -> &'static str {
        match self {
            Self::Ordinary => "payroll.wage_type.ordinary",
            Self::EveningNight => "payroll.wage_type.evening_night",
            Self::Weekend => "payroll.wage_type.weekend",
            Self::Holiday => "payroll.wage_type.holiday",
            Self::Passive => "payroll.wage_type.passive",
        }
    }

    /// The minutes of this bucket in a timesheet's totals.
    pub fn minutes(self, b: &Buckets) -> i64 {
        match self {
            Self::Ordinary => b.paid_minutes,
            Self::EveningNight => b.evening_night_minutes,
            Self::Weekend => b.weekend_minutes,
            Self::Holiday => b.holiday_minutes,
            Self::Passive => b.passive_minutes,
        }
    }

    /// A short English comment for the payroll line.
    fn comment(self) -> &'static str {
        match self {
            Self::Ordinary => "paid hours",
            Self::EveningNight => "evening/night supplement hours",
            Self::Weekend => "weekend supplement hours",
            Self::Holiday => "holiday supplement hours",
            Self::Passive => "passive night hours",
        }
    }
}

/// One assistant's approved month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approved {
    pub employee_number: String,
    pub totals: Buckets,
}

/// One line of a payroll file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub employee_number: String,
    pub bucket: WageBucket,
    pub wage_type: String,
    pub minutes: i64,
}

/// The lines of the file: one per assistant and bucket with any minutes,
/// in the order given and the buckets' order. `wage_type` gives the number
/// of each bucket; a bucket that has minutes but no number is returned in
/// the error, so nothing is silently left out, except passive time: it is
/// already paid through the ordinary line (a third of it), so it has a
/// line only for an employer who names a wage type to record it on.
pub fn lines(
    approved: &[Approved],
    wage_type: impl Fn(WageBucket) -> Option<String>,
) -> Result<Vec<Line>, Vec<WageBucket>> {
    let mut out = Vec::new();
    let mut missing = Vec::new();
    for a in approved {
        for bucket in WageBucket::ALL {
            let minutes = bucket.minutes(&a.totals);
            if minutes == 0 {
                continue;
            }
            match wage_type(bucket) {
                Some(number) => out.push(Line {
                    employee_number: a.employee_number.trim().to_owned(),
                    bucket,
                    wage_type: number,
                    minutes,
                }),
                None if bucket == WageBucket::Passive => {}
                None => {
                    if !missing.contains(&bucket) {
                        missing.push(bucket);
                    }
                }
            }
        }
    }
    if missing.is_empty() {
        Ok(out)
    } else {
        missing.sort();
        Err(missing)
    }
}

/// Visma Lønn, "Lønnsregistrering Standard format": no header; fields
/// separated by `;`: year; run number; employee number; wage type; basis;
/// quantity; rate; amount. The run number is the payroll run the hours go
/// into (`--run`, by default the month's number). Basis, rate and amount
/// are left empty, so Visma
/// takes them from the employee's own figures; decimals use a point.
pub fn visma(month: Month, run: u32, lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines {
        out += &format!(
            "{};{run};{};{};;{};;\r\n",
            month.year(),
            l.employee_number,
            l.wage_type,
            hours(l.minutes, '.')
        );
    }
    out
}

/// Tripletex's payroll import: a header row, then `;`-separated YEAR;
/// MONTH; EMPLOYEE NUMBER; WAGE TYPE NUMBER; COMMENT; QUANTITY; AMOUNT,
/// with a decimal comma. The amount is left empty (hours only).
pub fn tripletex(month: Month, lines: &[Line]) -> String {
    let mut out =
        String::from("YEAR;MONTH;EMPLOYEE NUMBER;WAGE TYPE NUMBER;COMMENT;QUANTITY;AMOUNT\r\n");
    for l in lines {
        out += &format!(
            "{};{:02};{};{};{};{};\r\n",
            month.year(),
            month.number(),
            l.employee_number,
            l.wage_type,
            l.bucket.comment(),
            hours(l.minutes, ',')
        );
    }
    out
}

/// Which payroll system the file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    /// Visma Lønn, into the payroll run with this number.
    Visma {
        run: u32,
    },
    Tripletex,
}

/// The payroll file of `month` for `recipient`: every assistant with a
/// shift worked or planned in the month must have the month approved and an
/// employee number. The error is a message in the user's language.
pub fn build(
    store: &Store,
    recipient: &Recipient,
    month: Month,
    system: System,
    lang: Lang,
) -> Result<String, String> {
    let s = lang.strings();
    let fail = |e: crate::store::StoreError| e.to_string();
    let days = month.days();
    let mut working: Vec<AssistantId> = store
        .shifts_in(recipient.id, days)
        .map_err(fail)?
        .into_iter()
        .filter(|sh| sh.status.counts() && days.contains(sh.start.date()))
        .filter_map(|sh| sh.assistant)
        .collect();
    working.sort();
    working.dedup();
    let approved = store
        .approvals_of_month(recipient.id, month)
        .map_err(fail)?;
    let names = store.assistant_names().map_err(fail)?;
    let name = |id: &AssistantId| {
        crate::text::clean(names.get(id).map_or("?", String::as_str)).into_owned()
    };
    let missing: Vec<String> = working
        .iter()
        .filter(|id| !approved.iter().any(|a| a.assistant == **id))
        .map(name)
        .collect();
    let label = lang.month_year(month);
    if !missing.is_empty() {
        return Err(s
            .payroll_not_approved
            .replace("{month}", &label)
            .replace("{names}", &missing.join(", ")));
    }
    if approved.is_empty() {
        return Err(s.payroll_nothing.replace("{month}", &label));
    }
    let mut sheets = Vec::new();
    let mut no_number = Vec::new();
    for a in &approved {
        let sheet =
            crate::timesheet::build(store, recipient, a.assistant, month, None).map_err(fail)?;
        if sheet.employee_number.trim().is_empty() {
            no_number.push(name(&a.assistant));
        }
        sheets.push(Approved {
            employee_number: sheet.employee_number,
            totals: sheet.totals,
        });
    }
    if !no_number.is_empty() {
        return Err(s
            .payroll_no_number
            .replace("{names}", &no_number.join(", ")));
    }
    let settings: Vec<(WageBucket, Option<String>)> = WageBucket::ALL
        .iter()
        .map(|b| Ok((*b, store.setting(b.setting()).map_err(fail)?)))
        .collect::<Result<_, String>>()?;
    let lines = lines(&sheets, |b| {
        settings
            .iter()
            .find(|(k, _)| *k == b)
            .and_then(|(_, v)| v.clone())
    })
    .map_err(|missing| {
        let keys: Vec<&str> = missing.iter().map(|b| b.setting()).collect();
        s.payroll_no_wage_type.replace("{keys}", &keys.join(", "))
    })?;
    Ok(match system {
        System::Visma { run } => visma(month, run, &lines),
        System::Tripletex => tripletex(month, &lines),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn approved(number: &str, paid: i64, night: i64, passive: i64) -> Approved {
        Approved {
            employee_number: number.into(),
            totals: Buckets {
                clock_minutes: paid,
                paid_minutes: paid,
                passive_minutes: passive,
                evening_night_minutes: night,
                weekend_minutes: 0,
                holiday_minutes: 0,
            },
        }
    }

    fn numbers(b: WageBucket) -> Option<String> {
        match b {
            WageBucket::Ordinary => Some("100".into()),
            WageBucket::EveningNight => Some("210".into()),
            _ => None,
        }
    }

    #[test]
    fn passive_time_has_a_line_only_when_it_has_a_wage_type() {
        let list = [approved("1002", 480, 0, 200)];
        let without = lines(&list, numbers).unwrap();
        assert_eq!(without.len(), 1, "the ordinary line only");
        let with = lines(&list, |b| match b {
            WageBucket::Passive => Some("240".into()),
            other => numbers(other),
        })
        .unwrap();
        assert_eq!(with.len(), 2);
        assert_eq!((with[1].wage_type.as_str(), with[1].minutes), ("240", 200));
    }

    #[test]
    fn a_bucket_without_a_wage_type_is_named_not_dropped() {
        let list = [approved("1001", 600, 120, 0), approved("1002", 480, 0, 200)];
        let no_night = |b| (b == WageBucket::Ordinary).then(|| "100".to_owned());
        assert_eq!(lines(&list, no_night), Err(vec![WageBucket::EveningNight]));
        let ok = lines(&list[..1], numbers).unwrap();
        assert_eq!(ok.len(), 2, "zero buckets have no line");
        assert_eq!(
            visma(Month::new(2026, 11).unwrap(), 1, &ok),
            "2026;1;1001;100;;10.00;;\r\n2026;1;1001;210;;2.00;;\r\n"
        );
        assert_eq!(
            tripletex(Month::new(2026, 3).unwrap(), &ok),
            "YEAR;MONTH;EMPLOYEE NUMBER;WAGE TYPE NUMBER;COMMENT;QUANTITY;AMOUNT\r\n\
             2026;03;1001;100;paid hours;10,00;\r\n\
             2026;03;1001;210;evening/night supplement hours;2,00;\r\n"
        );
    }
}
