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

    /// A parse error in the user's language.
    pub fn parse_error(self, e: &ParseError) -> String {
        let s = self.strings();
        let (template, value) = match e {
            ParseError::Date(v) => (s.err_date, v),
            ParseError::Time(v) => (s.err_time, v),
            ParseError::Hours(v) => (s.err_hours, v),
            ParseError::Factor(v) => (s.err_factor, v),
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
    fn parse_errors_are_translated() {
        let e = ParseError::Date("31.02".into());
        assert!(Lang::Nb.parse_error(&e).contains("31.02"));
        assert!(Lang::Nb.parse_error(&e).contains("dato"));
    }
}
