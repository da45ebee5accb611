//! The shift log: task types, log entries with medication details,
//! incidents and unmet need, and the rules an entry must meet.

use chrono::NaiveDateTime;

use super::ids::AssistantId;
use super::training::{Training, TrainingStatus, status};

/// What kind of help a task is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Practical,
    PersonalCare,
    Activity,
    Training,
    Health,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Self::Practical,
        Self::PersonalCare,
        Self::Activity,
        Self::Training,
        Self::Health,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Practical => "practical",
            Self::PersonalCare => "personal_care",
            Self::Activity => "activity",
            Self::Training => "training",
            Self::Health => "health",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code.trim())
    }
}

/// A kind of task that can be logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskType {
    pub id: i64,
    pub name: String,
    pub category: Category,
    /// The competence an assistant must have been trained in.
    pub requires: Option<i64>,
    /// Medication entries record drug, dose and outcome.
    pub medication: bool,
}

/// What became of a dose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Given,
    NotGiven,
    Refused,
    NotApplicable,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Self::Given,
        Self::NotGiven,
        Self::Refused,
        Self::NotApplicable,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Given => "given",
            Self::NotGiven => "not_given",
            Self::Refused => "refused",
            Self::NotApplicable => "not_applicable",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code.trim())
    }
}

/// Who gave a dose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GivenBy {
    Assistant,
    HomeNursing,
    /// The recipient took it alone.
    Recipient,
}

impl GivenBy {
    pub const ALL: [GivenBy; 3] = [Self::Assistant, Self::HomeNursing, Self::Recipient];

    pub fn code(self) -> &'static str {
        match self {
            Self::Assistant => "assistant",
            Self::HomeNursing => "home_nursing",
            Self::Recipient => "recipient",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code.trim())
    }
}

/// The medication part of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Medication {
    pub drug: String,
    pub dose: String,
    pub planned: Option<NaiveDateTime>,
    pub outcome: Outcome,
    /// Needed for every outcome but "given".
    pub reason: String,
    pub given_by: GivenBy,
}

/// A log entry to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub at: NaiveDateTime,
    pub assistant: Option<AssistantId>,
    pub task: i64,
    pub note: String,
    pub medication: Option<Medication>,
    /// The entry this one corrects; both stay visible.
    pub corrects: Option<i64>,
}

/// Why an entry cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("name the drug")]
    DrugRequired,
    #[error("every outcome but «given» needs a reason")]
    ReasonRequired,
    #[error("the assistant is not trained for this task")]
    Untrained(TrainingStatus),
}

/// Checks the parts of an entry that need nothing else.
pub fn validate(entry: &NewEntry) -> Result<(), EntryError> {
    if let Some(m) = &entry.medication {
        if m.drug.trim().is_empty() {
            return Err(EntryError::DrugRequired);
        }
        if m.outcome != Outcome::Given && m.reason.trim().is_empty() {
            return Err(EntryError::ReasonRequired);
        }
    }
    Ok(())
}

/// The training problem with logging `task` for `assistant` on the entry's
/// day, if the task needs a competence the assistant lacks. A dose given
/// by home nursing or taken by the recipient needs no assistant training.
pub fn training_gap(
    entry: &NewEntry,
    task: &TaskType,
    trainings: &[Training],
) -> Option<TrainingStatus> {
    let competence = task.requires?;
    if entry
        .medication
        .as_ref()
        .is_some_and(|m| m.given_by != GivenBy::Assistant)
    {
        return None;
    }
    // A health task logged without an assistant has nobody trained for it.
    let Some(assistant) = entry.assistant else {
        return Some(TrainingStatus::Missing);
    };
    let s = status(trainings, assistant, competence, entry.at.date());
    (!s.allows()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn entry(outcome: Outcome, reason: &str) -> NewEntry {
        NewEntry {
            at: NaiveDate::from_ymd_opt(2026, 11, 26)
                .unwrap()
                .and_hms_opt(8, 5, 0)
                .unwrap(),
            assistant: Some(AssistantId(1)),
            task: 1,
            note: String::new(),
            medication: Some(Medication {
                drug: "Levetiracetam".into(),
                dose: "500 mg".into(),
                planned: None,
                outcome,
                reason: reason.into(),
                given_by: GivenBy::Assistant,
            }),
            corrects: None,
        }
    }

    #[test]
    fn every_outcome_but_given_needs_a_reason() {
        assert_eq!(validate(&entry(Outcome::Given, "")), Ok(()));
        for o in [Outcome::NotGiven, Outcome::Refused, Outcome::NotApplicable] {
            assert_eq!(validate(&entry(o, " ")), Err(EntryError::ReasonRequired));
            assert_eq!(validate(&entry(o, "kastet opp")), Ok(()));
        }
        let mut e = entry(Outcome::Given, "");
        e.medication.as_mut().unwrap().drug = String::new();
        assert_eq!(validate(&e), Err(EntryError::DrugRequired));
    }

    #[test]
    fn an_untrained_assistant_is_found_but_not_for_home_nursing_doses() {
        let task = TaskType {
            id: 1,
            name: "Medisin".into(),
            category: Category::Health,
            requires: Some(7),
            medication: true,
        };
        let e = entry(Outcome::Given, "");
        assert_eq!(training_gap(&e, &task, &[]), Some(TrainingStatus::Missing));
        let mut nursing = e.clone();
        nursing.medication.as_mut().unwrap().given_by = GivenBy::HomeNursing;
        assert_eq!(training_gap(&nursing, &task, &[]), None);
        let mut nobody = e.clone();
        nobody.assistant = None;
        assert_eq!(
            training_gap(&nobody, &task, &[]),
            Some(TrainingStatus::Missing),
            "no assistant, no silent health entry"
        );
        let trained = Training {
            id: 1,
            assistant: AssistantId(1),
            competence: 7,
            trained_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            trained_by: String::new(),
            renew_on: None,
            notes: String::new(),
        };
        assert_eq!(training_gap(&e, &task, &[trained]), None);
    }
}
