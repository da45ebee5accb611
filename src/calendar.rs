//! iCalendar text (RFC 5545) of shifts, for an assistant's phone calendar.
//!
//! Pure text building: it gets the shifts, the names and the stamp from the
//! caller and reads nothing itself (the CLI reads the store). Every event
//! carries a UID made of the shift's id and a token of the database, so a
//! calendar that imports a newer export updates its events instead of
//! adding them twice. Times are Europe/Oslo wall-clock times with a
//! VTIMEZONE, so a night across a DST change shows its real length.

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::domain::shift::{Shift, ShiftStatus};
use crate::i18n::Lang;
use crate::text;

/// The longest line in octets, without its CRLF (RFC 5545 § 3.1).
const MAX_LINE_OCTETS: usize = 75;

/// The time zone every event is written in.
pub const TZID: &str = "Europe/Oslo";

/// Europe/Oslo since 1996: summer time from the last Sunday of March 02:00,
/// standard time from the last Sunday of October 03:00 (EU rules).
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Oslo",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// One shift to write, with the names it shows.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub shift: &'a Shift,
    /// `None` for an open shift.
    pub assistant: Option<&'a str>,
    /// Only when the user asked for it: a phone calendar is not private.
    pub recipient: Option<&'a str>,
    /// Rises with every change of the shift, so calendars take the update.
    pub sequence: i64,
}

/// The whole calendar: `token` is the database's calendar token, `stamp`
/// the moment of the export (DTSTAMP).
pub fn build(events: &[Event], token: &str, stamp: DateTime<Utc>, lang: Lang) -> String {
    let s = lang.strings();
    let mut out = String::new();
    let mut line = |l: &str| {
        out += &fold(l);
        out += "\r\n";
    };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!(
        "PRODID:-//bpa//bpa {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(s.ics_calendar_name)));
    line(&format!("X-WR-TIMEZONE:{TZID}"));
    for l in VTIMEZONE {
        line(l);
    }
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        let (start, end) = e.shift.counted_times();
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", uid(e.shift.id.0, token)));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;TZID={TZID}:{}", local(start)));
        line(&format!("DTEND;TZID={TZID}:{}", local(end)));
        line(&format!("SEQUENCE:{}", e.sequence.max(0)));
        line(&format!("SUMMARY:{}", escape(&summary(e, lang))));
        let status = if e.shift.status.counts() {
            "CONFIRMED"
        } else {
            "CANCELLED"
        };
        line(&format!("STATUS:{status}"));
        if e.shift.status != ShiftStatus::Planned {
            line(&format!(
                "DESCRIPTION:{}",
                escape(lang.status(e.shift.status))
            ));
        }
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// The UID of a shift's event: the same in every export of this database.
pub fn uid(shift_id: i64, token: &str) -> String {
    format!("shift-{shift_id}-{token}@bpa")
}

fn summary(e: &Event, lang: Lang) -> String {
    let s = lang.strings();
    let who = e.assistant.unwrap_or(s.ics_open_shift);
    let template = if e.recipient.is_some() {
        s.ics_summary_with_recipient
    } else {
        s.ics_summary
    };
    template
        .replace("{kind}", lang.kind(e.shift.kind))
        .replace("{recipient}", e.recipient.unwrap_or_default())
        .replace("{assistant}", who)
}

fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// A TEXT value: cleaned by the one sanitizer, then `\ , ;` and line breaks
/// escaped (a line break survives as `\n`; other controls become visible).
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for (i, piece) in value.replace("\r\n", "\n").split('\n').enumerate() {
        if i > 0 {
            out += "\\n";
        }
        for c in text::clean(piece).chars() {
            match c {
                '\\' => out += "\\\\",
                ',' => out += "\\,",
                ';' => out += "\\;",
                c => out.push(c),
            }
        }
    }
    out
}

/// A content line folded at 75 octets: each further line starts with a
/// space, and a UTF-8 character is never split.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX_LINE_OCTETS {
            out += "\r\n ";
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_characters_whole_and_lines_short() {
        let long = format!("SUMMARY:{}", "Æøå ".repeat(40));
        let folded = fold(&long);
        for l in folded.split("\r\n") {
            assert!(l.len() <= MAX_LINE_OCTETS, "{l}");
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, long);
        assert_eq!(fold("SHORT"), "SHORT");
    }

    #[test]
    fn text_is_escaped_after_cleaning() {
        assert_eq!(escape("a,b;c\\d"), "a\\,b\\;c\\\\d");
        assert_eq!(escape("one\r\ntwo\nthree"), "one\\ntwo\\nthree");
        assert_eq!(escape("\x1b[31mKari"), "␛[31mKari");
    }
}
