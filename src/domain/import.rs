//! Shifts read from a file, kept compactly until they are stored: each name
//! is held once, so a million lines over a thousand assistants take tens of
//! megabytes, not hundreds. The file's own lines are checked against each
//! other here, in memory, before the database is touched.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::shift::ShiftKind;

/// The `who` of an open shift (no assistant).
const OPEN: u32 = u32::MAX;

/// One line of an import, in 24 bytes: times as minutes since 1970, the
/// name and the note as indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchRow {
    line: u32,
    who: u32,
    start: i32,
    end: i32,
    /// Index into the notes; 0 is no note.
    note: u32,
    kind: ShiftKind,
}

fn epoch() -> NaiveDateTime {
    NaiveDate::default().and_time(chrono::NaiveTime::MIN)
}

/// Minutes since 1970 (seconds are dropped: shifts are read to the minute).
fn minutes(at: NaiveDateTime) -> i32 {
    i32::try_from((at - epoch()).num_minutes()).unwrap_or(i32::MAX)
}

impl BatchRow {
    /// Line in the file (the header is line 1).
    pub fn line(&self) -> usize {
        self.line as usize
    }

    pub fn start(&self) -> NaiveDateTime {
        epoch() + Duration::minutes(i64::from(self.start))
    }

    pub fn end(&self) -> NaiveDateTime {
        epoch() + Duration::minutes(i64::from(self.end))
    }

    pub fn kind(&self) -> ShiftKind {
        self.kind
    }
}

/// The shifts of one import, in file order, with their assistants' names.
#[derive(Debug, Clone, Default)]
pub struct ShiftBatch {
    /// Names as first written in the file.
    names: Vec<String>,
    /// Lower-cased, trimmed name → index in `names`.
    index: HashMap<String, u32>,
    /// The notes of the lines that have one, after an empty one at 0.
    notes: Vec<Box<str>>,
    rows: Vec<BatchRow>,
}

/// What the file's lines say about each other.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct BatchCheck {
    /// Lines that overlap an earlier line of the same assistant, and why.
    pub refused: Vec<(usize, String)>,
    /// Rows (by index) that repeat an earlier line exactly: stored once.
    pub repeated: Vec<usize>,
}

impl ShiftBatch {
    pub fn new() -> Self {
        Self {
            notes: vec!["".into()],
            ..Self::default()
        }
    }

    /// Adds a line; an empty `assistant` is an open shift.
    pub fn push(
        &mut self,
        line: usize,
        assistant: &str,
        start: NaiveDateTime,
        end: NaiveDateTime,
        kind: ShiftKind,
        note: &str,
    ) {
        let name =
            super::people::clean_name(assistant).unwrap_or_else(|_| assistant.trim().to_owned());
        let who = if name.is_empty() {
            OPEN
        } else {
            let key = super::people::name_key(&name);
            if let Some(i) = self.index.get(&key) {
                *i
            } else {
                let i = self.names.len() as u32;
                self.names.push(name.clone());
                self.index.insert(key, i);
                i
            }
        };
        let note = match note.trim() {
            "" => 0,
            text => {
                self.notes.push(text.into());
                (self.notes.len() - 1) as u32
            }
        };
        self.rows.push(BatchRow {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            who,
            start: minutes(start),
            end: minutes(end),
            note,
            kind,
        });
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn rows(&self) -> &[BatchRow] {
        &self.rows
    }

    /// Every name in the file, each once, as first written.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The assistant of a row: an index into [`names`](Self::names), or
    /// `None` for an open shift.
    pub fn who(&self, row: &BatchRow) -> Option<usize> {
        (row.who != OPEN).then_some(row.who as usize)
    }

    /// The name of a row's assistant; empty for an open shift.
    pub fn name(&self, row: &BatchRow) -> &str {
        self.who(row).map_or("", |i| self.names[i].as_str())
    }

    /// The note of a row; empty when it has none.
    pub fn note(&self, row: &BatchRow) -> &str {
        &self.notes[row.note as usize]
    }

    /// Checks the file's lines against each other: per assistant, sorted
    /// by start, a line that begins before an earlier one ends is refused,
    /// unless it is the very same shift again (then it is stored once).
    pub fn check(&self) -> BatchCheck {
        let mut order: Vec<usize> = (0..self.rows.len())
            .filter(|i| self.rows[*i].who != OPEN)
            .collect();
        order.sort_by_key(|i| (self.rows[*i].who, self.rows[*i].start, self.rows[*i].line));
        let mut check = BatchCheck::default();
        // The row that ends last so far, for the assistant being scanned.
        let mut latest: Option<usize> = None;
        for i in order {
            let row = &self.rows[i];
            let Some(l) = latest.filter(|l| self.rows[*l].who == row.who) else {
                latest = Some(i);
                continue;
            };
            let prev = &self.rows[l];
            if row.start < prev.end {
                if (row.start, row.end, row.kind) == (prev.start, prev.end, prev.kind) {
                    check.repeated.push(i);
                } else {
                    let (first, second) = if prev.line < row.line {
                        (prev, row)
                    } else {
                        (row, prev)
                    };
                    check.refused.push((
                        second.line as usize,
                        format!(
                            "{} has another shift on line {} of the file, {} – {}",
                            self.name(row),
                            first.line,
                            first.start().format("%Y-%m-%d %H:%M"),
                            first.end().format("%Y-%m-%d %H:%M")
                        ),
                    ));
                }
            }
            if row.end > prev.end {
                latest = Some(i);
            }
        }
        check.refused.sort();
        // One reason a line: a long shift late in the file covers several.
        check.refused.dedup_by_key(|(line, _)| *line);
        check.repeated.sort_unstable();
        check
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn batch(rows: &[(&str, u32, u32, u32, u32)]) -> ShiftBatch {
        let mut b = ShiftBatch::new();
        for (i, (who, d0, h0, d1, h1)) in rows.iter().enumerate() {
            b.push(
                i + 2,
                who,
                at(*d0, *h0),
                at(*d1, *h1),
                ShiftKind::Ordinary,
                "",
            );
        }
        b
    }

    #[test]
    fn names_are_held_once_whatever_their_case() {
        let b = batch(&[
            ("Kari", 2, 8, 2, 16),
            (" kari ", 3, 8, 3, 16),
            ("", 3, 8, 3, 9),
        ]);
        assert_eq!(b.names(), ["Kari"]);
        assert_eq!(b.rows()[1].start(), at(3, 8));
        assert_eq!(b.rows()[1].end(), at(3, 16));
        assert_eq!(b.rows()[2].line(), 4);
        assert_eq!(b.name(&b.rows()[1]), "Kari");
        assert_eq!(b.who(&b.rows()[2]), None);
    }

    #[test]
    fn a_row_is_small_and_keeps_its_times_and_note() {
        assert_eq!(std::mem::size_of::<BatchRow>(), 24);
        let mut b = ShiftBatch::new();
        let old = NaiveDate::from_ymd_opt(1901, 2, 3)
            .unwrap()
            .and_hms_opt(23, 59, 0)
            .unwrap();
        b.push(
            2,
            "Kari",
            old,
            at(30, 7),
            ShiftKind::SleepingNight,
            " tannlege ",
        );
        b.push(3, "Kari", at(30, 8), at(30, 9), ShiftKind::Ordinary, "");
        let rows = b.rows();
        assert_eq!((rows[0].start(), rows[0].end()), (old, at(30, 7)));
        assert_eq!(rows[0].kind(), ShiftKind::SleepingNight);
        assert_eq!((b.note(&rows[0]), b.note(&rows[1])), ("tannlege", ""));
    }

    #[test]
    fn lines_of_one_assistant_that_overlap_are_refused_whatever_their_order() {
        // Line 4 starts before line 2 ends; line 3 is another assistant.
        let b = batch(&[
            ("Kari", 2, 8, 2, 16),
            ("Per", 2, 8, 2, 16),
            ("Kari", 2, 15, 2, 20),
            ("Kari", 1, 22, 2, 7),
        ]);
        let check = b.check();
        assert_eq!(check.refused.len(), 1, "{check:?}");
        assert_eq!(check.refused[0].0, 4);
        assert!(check.refused[0].1.contains("line 2"), "{check:?}");
        assert!(check.repeated.is_empty());
    }

    #[test]
    fn a_long_shift_is_compared_with_every_later_one_it_covers() {
        // Line 2 covers both later lines, which do not touch each other.
        let b = batch(&[
            ("Kari", 2, 0, 3, 0),
            ("Kari", 2, 8, 2, 9),
            ("Kari", 2, 12, 2, 13),
        ]);
        let lines: Vec<usize> = b.check().refused.iter().map(|r| r.0).collect();
        assert_eq!(lines, [3, 4]);
    }

    #[test]
    fn a_long_shift_after_the_short_ones_it_covers_is_named_once() {
        let b = batch(&[
            ("Kari", 2, 8, 2, 9),
            ("Kari", 2, 10, 2, 11),
            ("Kari", 2, 12, 2, 13),
            ("Kari", 2, 0, 3, 0),
        ]);
        let lines: Vec<usize> = b.check().refused.iter().map(|r| r.0).collect();
        assert_eq!(lines, [5]);
    }

    #[test]
    fn the_same_line_twice_is_stored_once_and_back_to_back_is_fine() {
        let b = batch(&[
            ("Kari", 2, 8, 2, 16),
            ("Kari", 2, 8, 2, 16),
            ("Kari", 2, 16, 2, 20),
            ("", 2, 8, 2, 16),
            ("", 2, 8, 2, 16),
        ]);
        let check = b.check();
        assert!(check.refused.is_empty(), "{check:?}");
        assert_eq!(check.repeated, [1]);
    }
}
