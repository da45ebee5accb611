//! Allocations (vedtak): insert with the overlap rule, update, list.

use chrono::{Duration, NaiveDate};
use rusqlite::{Transaction, params};
use serde_json::json;

use super::audit::{Change, record};
use super::codec::{code, date_text, opt_date, parse_date};
use super::{Result, Store, StoreError};
use crate::domain::allocation::{
    Allocation, DEFAULT_PURPOSE, FlexPeriod, KindFactors, default_appeal_deadline,
};
use crate::domain::ids::{AllocationId, RecipientId};

/// The fields of an allocation as typed by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAllocation {
    pub purpose: String,
    pub minutes_per_week: i64,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub received_on: Option<NaiveDate>,
    /// `None` with a received date means the default, received + 3 weeks.
    pub appeal_deadline: Option<NaiveDate>,
    pub reference: String,
    pub flex: FlexPeriod,
    pub factors: KindFactors,
    pub notes: String,
}

impl NewAllocation {
    /// A BPA allocation with defaults for everything but hours and start.
    pub fn new(minutes_per_week: i64, valid_from: NaiveDate) -> Self {
        Self {
            purpose: DEFAULT_PURPOSE.to_owned(),
            minutes_per_week,
            valid_from,
            valid_to: None,
            received_on: None,
            appeal_deadline: None,
            reference: String::new(),
            flex: FlexPeriod::None,
            factors: KindFactors::default(),
            notes: String::new(),
        }
    }

    /// The allocation as the domain sees it (defaults filled in), to validate or store.
    pub fn to_domain(&self, id: AllocationId, recipient: RecipientId) -> Allocation {
        let purpose = self.purpose.trim();
        Allocation {
            id,
            recipient,
            purpose: if purpose.is_empty() {
                DEFAULT_PURPOSE
            } else {
                purpose
            }
            .to_owned(),
            minutes_per_week: self.minutes_per_week,
            valid_from: self.valid_from,
            valid_to: self.valid_to,
            received_on: self.received_on,
            appeal_deadline: self
                .appeal_deadline
                .or_else(|| self.received_on.map(default_appeal_deadline)),
            reference: self.reference.trim().to_owned(),
            flex: self.flex,
            factors: self.factors,
            notes: self.notes.trim().to_owned(),
        }
    }
}

fn to_json(a: &Allocation) -> serde_json::Value {
    json!({
        "purpose": a.purpose,
        "minutes_per_week": a.minutes_per_week,
        "valid_from": date_text(a.valid_from),
        "valid_to": a.valid_to.map(date_text),
        "received_on": a.received_on.map(date_text),
        "appeal_deadline": a.appeal_deadline.map(date_text),
        "reference": a.reference,
        "flex_period": a.flex.code(),
        "factors": [a.factors.ordinary, a.factors.awake_night, a.factors.sleeping_night],
        "notes": a.notes,
    })
}

const COLUMNS: &str = "id, recipient_id, purpose, minutes_per_week, valid_from, valid_to, received_on,
    appeal_deadline, reference, flex_period, factor_ordinary, factor_awake_night, factor_sleeping_night, notes";

fn row_to_allocation(r: &rusqlite::Row) -> rusqlite::Result<Allocation> {
    Ok(Allocation {
        id: AllocationId(r.get(0)?),
        recipient: RecipientId(r.get(1)?),
        purpose: r.get(2)?,
        minutes_per_week: r.get(3)?,
        valid_from: parse_date(4, &r.get::<_, String>(4)?)?,
        valid_to: opt_date(r, 5)?,
        received_on: opt_date(r, 6)?,
        appeal_deadline: opt_date(r, 7)?,
        reference: r.get(8)?,
        flex: code(r, 9, FlexPeriod::from_code)?,
        factors: KindFactors {
            ordinary: r.get(10)?,
            awake_night: r.get(11)?,
            sleeping_night: r.get(12)?,
        },
        notes: r.get(13)?,
    })
}

fn load(tx: &Transaction, recipient: RecipientId) -> Result<Vec<Allocation>> {
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM allocation WHERE recipient_id = ?1 ORDER BY valid_from, id"
    ))?;
    let rows = stmt.query_map([recipient.0], row_to_allocation)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The earlier allocation of the same purpose that `new` would cut short, if
/// ending it the day before `new` starts resolves the overlap.
fn previous_to_end<'a>(existing: &'a [Allocation], new: &Allocation) -> Option<&'a Allocation> {
    existing.iter().find(|a| {
        a.id != new.id
            && a.purpose.eq_ignore_ascii_case(&new.purpose)
            && a.valid_from < new.valid_from
            && a.days().contains(new.valid_from)
    })
}

/// Inserts an allocation inside `tx`. With `end_previous`, an earlier
/// allocation of the same purpose that is still in force is ended the day
/// before the new one starts.
pub(super) fn insert_allocation(
    tx: &Transaction,
    actor: &str,
    recipient: RecipientId,
    new: &NewAllocation,
    end_previous: bool,
) -> Result<AllocationId> {
    let candidate = new.to_domain(AllocationId(0), recipient);
    candidate.validate()?;
    let existing = load(tx, recipient)?;
    if end_previous && let Some(prev) = previous_to_end(&existing, &candidate) {
        let mut ended = prev.clone();
        ended.valid_to = Some(candidate.valid_from - Duration::days(1));
        tx.execute(
            "UPDATE allocation SET valid_to = ?1 WHERE id = ?2",
            params![ended.valid_to.map(date_text), prev.id.0],
        )?;
        record(
            tx,
            actor,
            &Change {
                action: "update",
                entity: "allocation",
                entity_id: Some(prev.id.0),
                before: Some(to_json(prev)),
                after: Some(to_json(&ended)),
            },
        )?;
    }
    candidate.check_overlap(&load(tx, recipient)?)?;
    tx.execute(
        &format!("INSERT INTO allocation ({COLUMNS}) VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
        params![
            recipient.0,
            candidate.purpose,
            candidate.minutes_per_week,
            date_text(candidate.valid_from),
            candidate.valid_to.map(date_text),
            candidate.received_on.map(date_text),
            candidate.appeal_deadline.map(date_text),
            candidate.reference,
            candidate.flex.code(),
            candidate.factors.ordinary,
            candidate.factors.awake_night,
            candidate.factors.sleeping_night,
            candidate.notes,
        ],
    )?;
    let id = AllocationId(tx.last_insert_rowid());
    record(
        tx,
        actor,
        &Change {
            action: "create",
            entity: "allocation",
            entity_id: Some(id.0),
            before: None,
            after: Some(to_json(&candidate)),
        },
    )?;
    Ok(id)
}

impl Store {
    /// Adds an allocation; see [`insert_allocation`] for `end_previous`.
    pub fn add_allocation(
        &mut self,
        recipient: RecipientId,
        new: &NewAllocation,
        end_previous: bool,
    ) -> Result<AllocationId> {
        self.write(|tx, actor| insert_allocation(tx, actor, recipient, new, end_previous))
    }

    /// The allocation of the same purpose that adding `new` would end early,
    /// so the caller can ask the user first.
    pub fn allocation_to_end(
        &self,
        recipient: RecipientId,
        new: &NewAllocation,
    ) -> Result<Option<Allocation>> {
        let existing = self.allocations(recipient)?;
        let candidate = new.to_domain(AllocationId(0), recipient);
        Ok(previous_to_end(&existing, &candidate).cloned())
    }

    /// Changes an allocation's fields, keeping its id.
    /// With `expected` (the allocation as the user saw it), one changed in
    /// another window since is not overwritten.
    pub fn update_allocation(
        &mut self,
        id: AllocationId,
        new: &NewAllocation,
        expected: Option<&Allocation>,
    ) -> Result<()> {
        self.write(|tx, actor| {
            let before: Allocation = tx.query_row(
                &format!("SELECT {COLUMNS} FROM allocation WHERE id = ?1"),
                [id.0],
                row_to_allocation,
            )?;
            if expected.is_some_and(|e| *e != before) {
                return Err(StoreError::Conflict);
            }
            let after = new.to_domain(id, before.recipient);
            after.validate()?;
            after.check_overlap(&load(tx, before.recipient)?)?;
            tx.execute(
                "UPDATE allocation SET purpose = ?1, minutes_per_week = ?2, valid_from = ?3, valid_to = ?4,
                 received_on = ?5, appeal_deadline = ?6, reference = ?7, flex_period = ?8,
                 factor_ordinary = ?9, factor_awake_night = ?10, factor_sleeping_night = ?11, notes = ?12
                 WHERE id = ?13",
                params![
                    after.purpose,
                    after.minutes_per_week,
                    date_text(after.valid_from),
                    after.valid_to.map(date_text),
                    after.received_on.map(date_text),
                    after.appeal_deadline.map(date_text),
                    after.reference,
                    after.flex.code(),
                    after.factors.ordinary,
                    after.factors.awake_night,
                    after.factors.sleeping_night,
                    after.notes,
                    id.0,
                ],
            )?;
            record(
                tx,
                actor,
                &Change {
                    action: "update",
                    entity: "allocation",
                    entity_id: Some(id.0),
                    before: Some(to_json(&before)),
                    after: Some(to_json(&after)),
                },
            )?;
            Ok(())
        })
    }

    /// Every allocation of a recipient, oldest first.
    pub fn allocations(&self, recipient: RecipientId) -> Result<Vec<Allocation>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM allocation WHERE recipient_id = ?1 ORDER BY valid_from, id"
        ))?;
        let rows = stmt.query_map([recipient.0], row_to_allocation)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::allocation::AllocationError;
    use crate::store::{NewRecipient, StoreError};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn setup() -> (Store, RecipientId) {
        let mut s = Store::open_in_memory().unwrap();
        let id = s
            .create_recipient(
                &NewRecipient {
                    name: "Ola".into(),
                    representative: None,
                },
                None,
            )
            .unwrap();
        (s, id)
    }

    #[test]
    fn the_appeal_deadline_defaults_to_three_weeks_after_receipt() {
        let (mut s, r) = setup();
        let mut new = NewAllocation::new(2250, d(2026, 1, 1));
        new.received_on = Some(d(2025, 12, 10));
        s.add_allocation(r, &new, false).unwrap();
        let a = &s.allocations(r).unwrap()[0];
        assert_eq!(a.appeal_deadline, Some(d(2025, 12, 31)));
        assert_eq!(a.minutes_per_week, 2250);
    }

    #[test]
    fn an_overlap_is_refused_unless_the_previous_one_is_ended() {
        let (mut s, r) = setup();
        s.add_allocation(r, &NewAllocation::new(2400, d(2026, 1, 1)), false)
            .unwrap();
        let next = NewAllocation::new(2700, d(2026, 7, 1));
        let err = s.add_allocation(r, &next, false).unwrap_err();
        assert!(
            matches!(err, StoreError::Allocation(AllocationError::Overlap { .. })),
            "{err}"
        );
        assert_eq!(s.allocations(r).unwrap().len(), 1);
        assert_eq!(
            s.allocation_to_end(r, &next).unwrap().map(|a| a.valid_from),
            Some(d(2026, 1, 1))
        );
        s.add_allocation(r, &next, true).unwrap();
        let all = s.allocations(r).unwrap();
        assert_eq!(all[0].valid_to, Some(d(2026, 6, 30)));
        assert_eq!(all[1].valid_from, d(2026, 7, 1));
        // A different purpose may overlap.
        let mut respite = NewAllocation::new(600, d(2026, 3, 1));
        respite.purpose = "avlastning".into();
        s.add_allocation(r, &respite, false).unwrap();
    }

    #[test]
    fn an_update_keeps_the_rules() {
        let (mut s, r) = setup();
        let id = s
            .add_allocation(r, &NewAllocation::new(2400, d(2026, 1, 1)), false)
            .unwrap();
        let mut changed = NewAllocation::new(2250, d(2026, 1, 1));
        changed.flex = FlexPeriod::Year;
        s.update_allocation(id, &changed, None).unwrap();
        let a = &s.allocations(r).unwrap()[0];
        assert_eq!((a.minutes_per_week, a.flex), (2250, FlexPeriod::Year));
        changed.valid_to = Some(d(2025, 1, 1));
        assert!(s.update_allocation(id, &changed, None).is_err());
        assert_eq!(s.allocations(r).unwrap()[0].valid_to, None);
    }
}
