//! The people `bpa` knows: recipients of assistance, the arbeidsleder who
//! directs it, and the assistants.

use chrono::NaiveDate;

use super::ids::{AssistantId, RecipientId};

/// A person who receives assistance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub id: RecipientId,
    pub name: String,
    /// The arbeidsleder when it is not the recipient: name and relation
    /// (parent, guardian, ...).
    pub representative: Option<Representative>,
}

/// Someone who is arbeidsleder on the recipient's behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Representative {
    pub name: String,
    pub relation: String,
}

impl Recipient {
    /// The name of the arbeidsleder: the representative, else the recipient.
    pub fn arbeidsleder(&self) -> &str {
        self.representative
            .as_ref()
            .map_or(self.name.as_str(), |r| r.name.as_str())
    }
}

/// An assistant employed in the arrangement.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assistant {
    pub id: Option<AssistantId>,
    pub name: String,
    pub phone: String,
    pub email: String,
    /// Employment as a percentage of full time, if agreed that way.
    pub employment_percent: Option<u32>,
    /// Contracted minutes per week, if agreed that way.
    pub contracted_minutes: Option<i64>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub police_certificate: Option<NaiveDate>,
    pub confidentiality: Option<NaiveDate>,
    pub contract: Option<NaiveDate>,
    pub active: bool,
    pub notes: String,
    /// The employer's employee number, for payroll files (empty: not known).
    pub employee_number: String,
}

/// A document an assistant must have before the first shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Missing {
    PoliceCertificate,
    Confidentiality,
    Contract,
}

impl Assistant {
    /// What the assistant still lacks before the first shift; empty when ready.
    pub fn missing(&self) -> Vec<Missing> {
        [
            (self.police_certificate, Missing::PoliceCertificate),
            (self.confidentiality, Missing::Confidentiality),
            (self.contract, Missing::Contract),
        ]
        .into_iter()
        .filter(|(date, _)| date.is_none())
        .map(|(_, m)| m)
        .collect()
    }

    pub fn is_ready(&self) -> bool {
        self.missing().is_empty()
    }
}

/// Characters that show nothing: zero-width spaces and joiners, direction
/// marks and embeddings, the soft hyphen, the byte-order mark. Two names
/// that differ only by these look the same on every screen.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// A name as it is stored: invisible characters removed, each run of white
/// space one space, trimmed. A control character (NUL, a line break, an
/// escape) is refused: a name is one line of visible text.
pub fn clean_name(raw: &str) -> Result<String, String> {
    if let Some(c) = raw
        .chars()
        .find(|c| c.is_control() && *c != ' ' && *c != '\t')
    {
        return Err(format!(
            "a name cannot hold the control character U+{:04X}",
            u32::from(c)
        ));
    }
    Ok(visible(raw))
}

/// The visible words of `raw`, one space between each.
fn visible(raw: &str) -> String {
    raw.split_whitespace()
        .map(|word| word.chars().filter(|c| !invisible(*c)).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What two names are compared by: cleaned and lower-cased, so "kari
/// nordmann", " Kari  Nordmann" and "Kari\u{200B} Nordmann" are one name.
pub fn name_key(raw: &str) -> String {
    visible(raw).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_invisible_characters_and_refuse_control_characters() {
        assert_eq!(
            clean_name("  Kari\u{200B}  Nord\u{00AD}mann ").unwrap(),
            "Kari Nordmann"
        );
        assert_eq!(clean_name("\u{202E}Per\u{FEFF}").unwrap(), "Per");
        assert!(clean_name("Ka\u{0}ri").unwrap_err().contains("U+0000"));
        assert!(clean_name("Kari\nNordmann").is_err());
        assert!(clean_name("\u{1b}[31mKari").is_err());
        assert_eq!(
            name_key(" KARI\u{200D} nordmann"),
            name_key("Kari Nordmann")
        );
        assert_ne!(name_key("Kari"), name_key("Karin"));
        // The key of a cleaned name is the cleaned name, lower-cased.
        for raw in ["Åse  Øye", "\u{2066}Áile\u{2069} Sara", "Ola"] {
            assert_eq!(name_key(raw), clean_name(raw).unwrap().to_lowercase());
        }
    }

    #[test]
    fn an_assistant_without_papers_is_not_ready() {
        let mut a = Assistant {
            name: "Kari".into(),
            active: true,
            ..Assistant::default()
        };
        assert_eq!(a.missing().len(), 3);
        let day = NaiveDate::from_ymd_opt(2026, 1, 5);
        a.police_certificate = day;
        a.confidentiality = day;
        assert_eq!(a.missing(), vec![Missing::Contract]);
        a.contract = day;
        assert!(a.is_ready());
    }

    #[test]
    fn the_arbeidsleder_is_the_representative_when_there_is_one() {
        let mut r = Recipient {
            id: RecipientId(1),
            name: "Ola".into(),
            representative: None,
        };
        assert_eq!(r.arbeidsleder(), "Ola");
        r.representative = Some(Representative {
            name: "Anne".into(),
            relation: "mor".into(),
        });
        assert_eq!(r.arbeidsleder(), "Anne");
    }
}
