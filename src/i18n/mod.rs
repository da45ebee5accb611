//! The user's language: which one (from the locale or `--lang`), every
//! user-visible string, and how numbers, hours and dates are written.

mod en;
mod nb;
mod strings;

use chrono::{Datelike, NaiveDate};

pub use strings::Strings;

use crate::domain::allocation::AllocationError;
use crate::domain::holidays::Holiday;
use crate::domain::parse::ParseError;
use crate::domain::people::Missing;
use crate::domain::rules::{Detail, Finding};
use crate::domain::shift::{ShiftKind, ShiftStatus};

/// A language `bpa` speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// Norwegian bokmål
    Nb,
    /// English
    En,
}

impl Lang {
    /// The language from the locale variables, in POSIX order: the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set decides. Norwegian
    /// (nb, nn, no) gives bokmål; anything else English.
    pub fn from_env() -> Self {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        Self::from_locale(&value)
    }

    pub fn from_locale(value: &str) -> Self {
        let lower = value.to_ascii_lowercase();
        if ["nb", "nn", "no"].iter().any(|p| lower.starts_with(p)) {
            Self::Nb
        } else {
            Self::En
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Self::Nb => &nb::STRINGS,
            Self::En => &en::STRINGS,
        }
    }

    /// A decimal number with the language's separator.
    fn decimal(self, text: String) -> String {
        match self {
            Self::Nb => text.replace('.', ","),
            Self::En => text,
        }
    }

    /// Minutes as hours: `37,5 t` when exact to a tenth, else `16 t 4 min`,
    /// so no figure on screen hides a minute.
    pub fn hours(self, minutes: i64) -> String {
        let unit = self.strings().hours_unit;
        let sign = if minutes < 0 { "-" } else { "" };
        let m = minutes.abs();
        if m % 6 == 0 {
            let tenths = m / 6;
            self.decimal(format!("{sign}{}.{} {unit}", tenths / 10, tenths % 10))
        } else {
            format!("{sign}{} {unit} {} min", m / 60, m % 60)
        }
    }

    /// Hours rounded to a tenth, for charts where the exact figure is shown elsewhere.
    pub fn hours_rounded(self, minutes: i64) -> String {
        let tenths = (minutes * 10 + 30).div_euclid(60);
        self.decimal(format!(
            "{}.{}",
            tenths.div_euclid(10),
            tenths.rem_euclid(10)
        ))
    }

    /// Hours as a bare decimal for forms: `37,5` or `16:04`.
    pub fn hours_input(self, minutes: i64) -> String {
        if minutes % 6 == 0 {
            let tenths = minutes / 6;
            let text = if tenths % 10 == 0 {
                format!("{}", tenths / 10)
            } else {
                format!("{}.{}", tenths / 10, tenths % 10)
            };
            self.decimal(text)
        } else {
            format!("{}:{:02}", minutes / 60, minutes % 60)
        }
    }

    /// A thousandths factor as a decimal: `1`, `0,333`.
    pub fn factor(self, permille: u32) -> String {
        let text = if permille.is_multiple_of(1000) {
            format!("{}", permille / 1000)
        } else {
            format!("{}.{:03}", permille / 1000, permille % 1000)
                .trim_end_matches('0')
                .to_owned()
        };
        self.decimal(text)
    }

    /// `26.11.2026` in Norwegian, `2026-11-26` in English.
    pub fn date(self, d: NaiveDate) -> String {
        match self {
            Self::Nb => d.format("%d.%m.%Y").to_string(),
            Self::En => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// `26.11` or `26 Nov`.
    pub fn day_month(self, d: NaiveDate) -> String {
        match self {
            Self::Nb => d.format("%d.%m").to_string(),
            Self::En => format!(
                "{} {}",
                d.day(),
                &self.strings().months[d.month0() as usize][..3]
            ),
        }
    }

    /// `tor 26.11` / `Thu 26 Nov`.
    pub fn weekday_date(self, d: NaiveDate) -> String {
        let s = self.strings();
        format!(
            "{} {}",
            s.weekdays_short[d.weekday().num_days_from_monday() as usize],
            self.day_month(d)
        )
    }

    pub fn weekday_long(self, d: NaiveDate) -> &'static str {
        self.strings().weekdays_long[d.weekday().num_days_from_monday() as usize]
    }

    /// A stored UTC time (`2026-12-03T07:04:07Z`) as the user's Oslo wall
    /// clock: `03.12.2026 08:04`; text that is not such a time is shown as it is.
    pub fn timestamp(self, utc: &str) -> String {
        use chrono::TimeZone;
        match chrono::NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M:%SZ") {
            Ok(t) => {
                let local = chrono::Utc
                    .from_utc_datetime(&t)
                    .with_timezone(&chrono_tz::Europe::Oslo)
                    .naive_local();
                format!("{} {}", self.date(local.date()), local.format("%H:%M"))
            }
            Err(_) => crate::text::clean(utc).into_owned(),
        }
    }

    /// A month with its year: «november 2026», «November 2026».
    pub fn month_year(self, m: crate::domain::time::Month) -> String {
        let name = self.month_name(m.number());
        match self {
            Self::Nb => format!("{name} {}", m.year()),
            Self::En => {
                let mut c = name.chars();
                let first = c.next().map(|f| f.to_uppercase().collect::<String>());
                format!("{}{} {}", first.unwrap_or_default(), c.as_str(), m.year())
            }
        }
    }

    /// What would surprise payroll, in one sentence.
    pub fn surprise(self, s: &crate::domain::approval::Surprise, name: &str) -> String {
        use crate::domain::approval::Surprise;
        let st = self.strings();
        let when = |start: chrono::NaiveDateTime, end: chrono::NaiveDateTime| {
            format!(
                "{} {}–{}",
                self.weekday_date(start.date()),
                start.format("%H:%M"),
                end.format("%H:%M")
            )
        };
        match s {
            Surprise::NoEmployeeNumber => st
                .surprise_no_employee_number
                .replace("{}", &crate::text::clean(name)),
            Surprise::NotMarked { id, start, end } => st
                .surprise_not_marked
                .replace("{id}", &id.0.to_string())
                .replace("{when}", &when(*start, *end)),
            Surprise::NotEnded { id, start, end } => st
                .surprise_not_ended
                .replace("{id}", &id.0.to_string())
                .replace("{when}", &when(*start, *end)),
        }
    }

    /// What to look at before approving `month` of `name`, a line each: the
    /// heading, at most `shown` items marked `!`, and how many more.
    pub fn surprise_lines(
        self,
        found: &[crate::domain::approval::Surprise],
        name: &str,
        month: crate::domain::time::Month,
        shown: usize,
    ) -> Vec<String> {
        let s = self.strings();
        let mut lines = vec![
            s.approve_heading
                .replace("{month}", &self.month_year(month))
                .replace("{name}", &crate::text::clean(name)),
        ];
        lines.extend(
            found
                .iter()
                .take(shown)
                .map(|f| format!("! {}", self.surprise(f, name))),
        );
        if found.len() > shown {
            lines.push(
                s.approve_more
                    .replace("{}", &(found.len() - shown).to_string()),
            );
        }
        lines
    }

    pub fn month_name(self, month: u32) -> &'static str {
        self.strings().months[(month.clamp(1, 12) - 1) as usize]
    }

    pub fn holiday(self, h: Holiday) -> &'static str {
        let s = self.strings();
        s.holidays[h as usize]
    }

    pub fn kind(self, k: ShiftKind) -> &'static str {
        self.strings().kinds[k as usize]
    }

    pub fn status(self, st: ShiftStatus) -> &'static str {
        self.strings().statuses[st as usize]
    }

    /// A medication outcome code (`given`, `not_given`, ...) in words.
    pub fn outcome(self, code: &str) -> &str {
        let i = match code {
            "given" => 0,
            "not_given" => 1,
            "refused" => 2,
            "not_applicable" => 3,
            _ => return "",
        };
        self.strings().outcomes[i]
    }

    /// An incident's severity code (`low`, `medium`, `high`) in words.
    pub fn severity(self, code: &str) -> String {
        let i = crate::store::log::SEVERITIES
            .iter()
            .position(|c| *c == code);
        i.map_or_else(
            || code.to_owned(),
            |i| self.strings().severities[i].to_owned(),
        )
    }

    /// An unmet need's reason code in words.
    pub fn need_reason(self, code: &str) -> String {
        let i = crate::store::log::NEED_REASONS
            .iter()
            .position(|c| *c == code);
        i.map_or_else(
            || code.to_owned(),
            |i| self.strings().need_reasons[i].to_owned(),
        )
    }

    /// An incident's status code (`open`, `closed`) in words.
    pub fn incident_status(self, code: &str) -> String {
        match code {
            "open" => self.strings().incident_statuses[0].to_owned(),
            "closed" => self.strings().incident_statuses[1].to_owned(),
            other => other.to_owned(),
        }
    }

    pub fn missing(self, m: Missing) -> &'static str {
        self.strings().missing[m as usize]
    }

    /// An allocation rule broken, in the user's language.
    pub fn allocation_error(self, e: &AllocationError) -> String {
        let s = self.strings();
        match e {
            AllocationError::Hours => s.err_alloc_hours.to_owned(),
            AllocationError::Factor => s.err_alloc_factor.to_owned(),
            AllocationError::EndBeforeStart { from, to } => s
                .err_alloc_end_before
                .replace("{from}", &self.date(*from))
                .replace("{to}", &self.date(*to)),
            AllocationError::Overlap { purpose, from, to } => s
                .err_alloc_overlap
                .replace("{purpose}", &crate::text::clean(purpose))
                .replace("{from}", &self.date(*from))
                .replace(
                    "{to}",
                    &to.parse().map_or_else(|_| to.clone(), |d| self.date(d)),
                ),
        }
    }

    /// A broken rule in plain words; `name` is the assistant's name.
    pub fn finding(self, f: &Finding, name: &str) -> String {
        let s = self.strings();
        let day = self.weekday_date(f.date);
        let fill = |template: &str, pairs: &[(&str, String)]| {
            let mut out = template
                .replace("{name}", &crate::text::clean(name))
                .replace("{day}", &day);
            for (key, value) in pairs {
                out = out.replace(key, value);
            }
            out
        };
        match &f.detail {
            Detail::Overlap { other_day, .. } => {
                fill(s.rule_overlap, &[("{day}", self.weekday_date(*other_day))])
            }
            Detail::DailyRest {
                rest,
                required,
                from_day,
                to_day,
            } => fill(
                s.rule_daily_rest,
                &[
                    ("{rest}", self.hours(*rest)),
                    ("{required}", self.hours(*required)),
                    ("{from}", self.weekday_date(*from_day)),
                    ("{to}", self.weekday_date(*to_day)),
                ],
            ),
            Detail::WeeklyRest {
                rest,
                required,
                from_day,
            } => fill(
                s.rule_weekly_rest,
                &[
                    ("{rest}", self.hours(*rest)),
                    ("{required}", self.hours(*required)),
                    ("{from}", self.weekday_date(*from_day)),
                ],
            ),
            Detail::WorkIn24h { work, limit } => fill(
                s.rule_work_24h,
                &[
                    ("{work}", self.hours(*work)),
                    ("{limit}", self.hours(*limit)),
                ],
            ),
            Detail::WeeklyLimit { week, work, limit } => fill(
                s.rule_weekly_limit,
                &[
                    ("{work}", self.hours(*work)),
                    ("{limit}", self.hours(*limit)),
                    ("{week}", week.number().to_string()),
                ],
            ),
            Detail::NotReady { missing } => {
                let list: Vec<&str> = missing.iter().map(|m| self.missing(*m)).collect();
                fill(s.rule_not_ready, &[("{missing}", list.join(", "))])
            }
            Detail::Inactive => fill(s.rule_inactive, &[]),
            Detail::OutsideEmployment => fill(s.rule_outside_employment, &[]),
            Detail::OverAllocation { week, over } => fill(
                s.rule_over_allocation,
                &[
                    ("{week}", week.number().to_string()),
                    ("{over}", self.hours(*over)),
                ],
            ),
            Detail::UntrainedTask {
                routine,
                task,
                status,
            } => fill(
                s.rule_untrained_task,
                &[
                    ("{routine}", crate::text::clean(routine).into_owned()),
                    ("{task}", crate::text::clean(task).into_owned()),
                    ("{why}", self.untrained(*status).to_lowercase()),
                ],
            ),
            Detail::FlexOverdrawn { overdrawn } => {
                fill(s.rule_flex_overdrawn, &[("{over}", self.hours(*overdrawn))])
            }
        }
    }

    /// Why an assistant may not do a task, in words.
    pub fn untrained(self, status: crate::domain::training::TrainingStatus) -> String {
        use crate::domain::training::TrainingStatus;
        let s = self.strings();
        match status {
            TrainingStatus::Expired { renew_on } => {
                s.untrained_expired.replace("{}", &self.date(renew_on))
            }
            _ => s.untrained_missing.to_owned(),
        }
    }

    /// A training status in symbols and words, dates without the year (for narrow columns).
    pub fn training_status_short(self, status: crate::domain::training::TrainingStatus) -> String {
        use crate::domain::training::TrainingStatus;
        let s = self.strings();
        match status {
            TrainingStatus::Expiring { renew_on } => {
                s.training_expiring.replace("{}", &self.day_month(renew_on))
            }
            TrainingStatus::Expired { renew_on } => {
                s.training_expired.replace("{}", &self.day_month(renew_on))
            }
            other => self.training_status(other),
        }
    }

    /// A training status in symbols and words.
    pub fn training_status(self, status: crate::domain::training::TrainingStatus) -> String {
        use crate::domain::training::TrainingStatus;
        let s = self.strings();
        match status {
            TrainingStatus::Valid => s.training_valid.to_owned(),
            TrainingStatus::Expiring { renew_on } => {
                s.training_expiring.replace("{}", &self.date(renew_on))
            }
            TrainingStatus::Expired { renew_on } => {
                s.training_expired.replace("{}", &self.date(renew_on))
            }
            TrainingStatus::Missing => s.training_missing.to_owned(),
        }
    }

    /// A log entry refused, in words.
    pub fn entry_error(self, e: &crate::domain::log::EntryError) -> String {
        use crate::domain::log::EntryError;
        let s = self.strings();
        match e {
            EntryError::DrugRequired => s.err_drug.to_owned(),
            EntryError::ReasonRequired => s.err_reason.to_owned(),
            EntryError::Untrained(status) => self.untrained(*status),
        }
    }

    /// The default task types in this language: name, category, the
    /// competence it requires, and whether entries record medication.
    pub fn default_task_types(
        self,
    ) -> Vec<(
        &'static str,
        crate::domain::log::Category,
        Option<&'static str>,
        bool,
    )> {
        use crate::domain::log::Category::{Activity, Health, PersonalCare, Practical, Training};
        match self {
            Self::Nb => vec![
                ("Morgenstell", PersonalCare, None, false),
                ("Måltid", Practical, None, false),
                ("Handling", Practical, None, false),
                ("Rengjøring", Practical, None, false),
                ("Følge til aktivitet", Activity, None, false),
                ("Medisin", Health, Some("Legemiddelhåndtering"), true),
                ("Sondeernæring", Health, Some("Sondeernæring"), false),
                ("Kateterstell", Health, Some("Kateterstell"), false),
                (
                    "Epilepsi: akuttmedisin",
                    Health,
                    Some("Epilepsi: akuttmedisin"),
                    true,
                ),
                (
                    "Løft og forflytning",
                    Health,
                    Some("Forflytning og løfter"),
                    false,
                ),
                ("Treningsprogram", Training, None, false),
            ],
            Self::En => vec![
                ("Morning routine", PersonalCare, None, false),
                ("Meal", Practical, None, false),
                ("Shopping", Practical, None, false),
                ("Cleaning", Practical, None, false),
                ("Accompaniment", Activity, None, false),
                ("Medication", Health, Some("Medication handling"), true),
                ("Tube feeding", Health, Some("Tube feeding"), false),
                ("Catheter care", Health, Some("Catheter care"), false),
                (
                    "Epilepsy rescue medication",
                    Health,
                    Some("Epilepsy rescue medication"),
                    true,
                ),
                (
                    "Lifting and transfer",
                    Health,
                    Some("Lifting and transfer"),
                    false,
                ),
                ("Exercise programme", Training, None, false),
            ],
        }
    }

    /// A parse error in the user's language.
    pub fn parse_error(self, e: &ParseError) -> String {
        let s = self.strings();
        let (template, value) = match e {
            ParseError::Date(v) => (s.err_date, v),
            ParseError::Year(v) => (s.err_year, v),
            ParseError::Time(v) => (s.err_time, v),
            ParseError::Hours(v) => (s.err_hours, v),
            ParseError::Factor(v) => (s.err_factor, v),
            ParseError::Period(v) => (s.err_period, v),
        };
        template.replace("{}", &crate::text::clean(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_picks_the_language() {
        for v in ["nb_NO.UTF-8", "nn_NO", "no", "NB_no"] {
            assert_eq!(Lang::from_locale(v), Lang::Nb, "{v}");
        }
        for v in ["en_GB.UTF-8", "C", "POSIX", "", "de_DE"] {
            assert_eq!(Lang::from_locale(v), Lang::En, "{v}");
        }
    }

    #[test]
    fn hours_are_written_exactly() {
        assert_eq!(Lang::Nb.hours(2400), "40,0 t");
        assert_eq!(Lang::Nb.hours(1890), "31,5 t");
        assert_eq!(Lang::En.hours(510), "8.5 h");
        assert_eq!(Lang::Nb.hours(-150), "-2,5 t");
        assert_eq!(Lang::Nb.hours(964), "16 t 4 min");
        assert_eq!(Lang::Nb.hours_input(2250), "37,5");
        assert_eq!(Lang::En.hours_input(2400), "40");
        assert_eq!(Lang::En.hours_input(964), "16:04");
        assert_eq!(Lang::Nb.factor(333), "0,333");
        assert_eq!(Lang::Nb.hours_rounded(2745), "45,8");
        assert_eq!(Lang::En.hours_rounded(0), "0.0");
        assert_eq!(Lang::Nb.factor(500), "0,5");
        assert_eq!(Lang::En.factor(1000), "1");
    }

    #[test]
    fn dates_follow_the_language() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert_eq!(Lang::Nb.date(d), "26.11.2026");
        assert_eq!(Lang::En.date(d), "2026-11-26");
        assert_eq!(Lang::Nb.weekday_date(d), "tor 26.11");
        assert_eq!(Lang::En.weekday_date(d), "Thu 26 Nov");
    }

    #[test]
    fn findings_name_their_rule_in_plain_words() {
        let f = Finding {
            rule: crate::domain::rules::Rule::DailyRest,
            assistant: None,
            date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            shift: None,
            detail: Detail::DailyRest {
                rest: 540,
                required: 660,
                from_day: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
                to_day: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            },
        };
        assert_eq!(
            Lang::En.finding(&f, "Kari"),
            "Kari has 9.0 h rest between the shifts on Tue 24 Nov and Wed 25 Nov; aml § 10-8 (1) requires 11.0 h."
        );
        assert!(
            Lang::Nb
                .finding(&f, "Kari")
                .contains("aml § 10-8 (1) krever 11,0 t")
        );
    }

    #[test]
    fn parse_errors_are_translated() {
        let e = ParseError::Date("31.02".into());
        assert!(Lang::Nb.parse_error(&e).contains("31.02"));
        assert!(Lang::Nb.parse_error(&e).contains("dato"));
    }
}
