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

#[cfg(test)]
mod tests {
    use super::*;

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
