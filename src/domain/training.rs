//! Competences and training: whether an assistant may do a health task on
//! a given day. A training without a renewal date stays valid; one whose
//! renewal date has passed has expired; within 30 days of it, it is expiring.

use chrono::{Duration, NaiveDate};

use super::ids::AssistantId;

/// Days before the renewal date a training counts as expiring.
pub const EXPIRING_DAYS: i64 = 30;

/// One training record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Training {
    pub id: i64,
    pub assistant: AssistantId,
    pub competence: i64,
    pub trained_on: NaiveDate,
    pub trained_by: String,
    /// Renewal due on this day; `None`: no renewal needed.
    pub renew_on: Option<NaiveDate>,
    pub notes: String,
}

/// Where an assistant stands for one competence on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TrainingStatus {
    Valid,
    /// Valid, but the renewal date is within 30 days.
    Expiring {
        renew_on: NaiveDate,
    },
    Expired {
        renew_on: NaiveDate,
    },
    Missing,
}

impl TrainingStatus {
    /// May the assistant do the task on that day?
    pub fn allows(self) -> bool {
        matches!(self, Self::Valid | Self::Expiring { .. })
    }
}

/// The status of one training on `day`: the renewal day itself still
/// counts as valid (the training is renewed by the end of that day).
pub fn status_of(t: &Training, day: NaiveDate) -> TrainingStatus {
    match t.renew_on {
        Some(renew) if day > renew => TrainingStatus::Expired { renew_on: renew },
        Some(renew) if renew - day <= Duration::days(EXPIRING_DAYS) => {
            TrainingStatus::Expiring { renew_on: renew }
        }
        None | Some(_) => TrainingStatus::Valid,
    }
}

/// The best status among an assistant's trainings in a competence on `day`.
pub fn status(
    trainings: &[Training],
    assistant: AssistantId,
    competence: i64,
    day: NaiveDate,
) -> TrainingStatus {
    trainings
        .iter()
        .filter(|t| t.assistant == assistant && t.competence == competence && t.trained_on <= day)
        .map(|t| status_of(t, day))
        .min()
        .unwrap_or(TrainingStatus::Missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn training(renew: Option<NaiveDate>) -> Training {
        Training {
            id: 1,
            assistant: AssistantId(1),
            competence: 7,
            trained_on: d(1, 10),
            trained_by: "Sykepleier".into(),
            renew_on: renew,
            notes: String::new(),
        }
    }

    #[test]
    fn valid_expiring_expired_and_missing() {
        let today = d(11, 26);
        assert_eq!(
            status(&[training(None)], AssistantId(1), 7, today),
            TrainingStatus::Valid
        );
        assert_eq!(
            status(&[training(Some(d(12, 31)))], AssistantId(1), 7, today),
            TrainingStatus::Valid
        );
        assert_eq!(
            status(&[training(Some(d(12, 26)))], AssistantId(1), 7, today),
            TrainingStatus::Expiring {
                renew_on: d(12, 26)
            }
        );
        assert_eq!(
            status(&[training(Some(d(11, 25)))], AssistantId(1), 7, today),
            TrainingStatus::Expired {
                renew_on: d(11, 25)
            }
        );
        assert_eq!(
            status(&[training(None)], AssistantId(2), 7, today),
            TrainingStatus::Missing
        );
        assert_eq!(
            status(&[training(None)], AssistantId(1), 8, today),
            TrainingStatus::Missing
        );
        // Trained after the day asked about: not yet.
        assert_eq!(
            status(&[training(None)], AssistantId(1), 7, d(1, 9)),
            TrainingStatus::Missing
        );
    }

    #[test]
    fn the_renewal_day_itself_is_still_valid_and_the_next_is_not() {
        let renew = d(11, 26);
        let t = [training(Some(renew))];
        assert!(status(&t, AssistantId(1), 7, renew).allows());
        assert!(!status(&t, AssistantId(1), 7, renew + Duration::days(1)).allows());
        assert_eq!(
            status(&t, AssistantId(1), 7, renew - Duration::days(30)),
            TrainingStatus::Expiring { renew_on: renew }
        );
        assert_eq!(
            status(&t, AssistantId(1), 7, renew - Duration::days(31)),
            TrainingStatus::Valid
        );
    }

    #[test]
    fn a_renewed_training_wins_over_an_expired_one() {
        let old = training(Some(d(6, 1)));
        let renewed = Training {
            id: 2,
            trained_on: d(6, 1),
            renew_on: Some(d(12, 31)),
            ..training(None)
        };
        assert_eq!(
            status(&[old, renewed], AssistantId(1), 7, d(11, 26)),
            TrainingStatus::Valid
        );
    }
}
