//! The one sanitizer for user text on its way to a terminal or a file, and
//! cutting text by display width.
//!
//! Control characters, escape sequences and bidirectional overrides never
//! reach the terminal: each is replaced by a visible placeholder (ESC shows as
//! `␛`), so the text still shows that something odd was there.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Marks a bidirectional control or other invisible formatting character.
const PLACEHOLDER: char = '\u{FFFD}';

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn needs_replacing(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn replacement(c: char) -> char {
    match c as u32 {
        // C0 controls have their own visible pictures: ␛ for ESC, ␇ for BEL.
        n @ 0..=0x1F => char::from_u32(0x2400 + n).unwrap_or(PLACEHOLDER),
        0x7F => '\u{2421}',
        _ => PLACEHOLDER,
    }
}

/// User text made safe to show: no control characters, no escape sequences,
/// no bidirectional overrides.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().any(needs_replacing) {
        Cow::Owned(
            text.chars()
                .map(|c| {
                    if needs_replacing(c) {
                        replacement(c)
                    } else {
                        c
                    }
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// User text for a CSV cell: cleaned, and never read as a formula by a
/// spreadsheet (a leading `= + - @` gets a `'` in front). A plain number,
/// such as `-120` minutes, stays a number.
pub fn csv_cell(text: &str) -> String {
    let cleaned = clean(text);
    let is_number = cleaned.parse::<i64>().is_ok()
        || (cleaned.parse::<f64>().is_ok()
            && cleaned
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.')));
    if cleaned.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number {
        format!("'{cleaned}")
    } else {
        cleaned.into_owned()
    }
}

/// Cleaned text cut to at most `width` terminal columns, with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    let cleaned = clean(text);
    if cleaned.width() <= width {
        return cleaned.into_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in cleaned.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The candidate closest to `word` by edit distance (case-insensitive), if
/// it is close enough to be a likely typo. The start of a candidate counts
/// too, so «Kary» finds «Kari Nordmann».
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w: Vec<char> = word.trim().to_lowercase().chars().collect();
    if w.is_empty() {
        return None;
    }
    candidates
        .into_iter()
        .filter_map(|c| {
            let cand: Vec<char> = c.to_lowercase().chars().collect();
            let whole = edit_distance(&w, &cand);
            let start = edit_distance(&w, &cand[..w.len().min(cand.len())]);
            if whole <= (cand.len() / 3).max(2) {
                Some((whole, c))
            } else if start <= (w.len() / 3).max(1) && w.len() >= 3 {
                // A typo in the first name: ranked after whole-name matches.
                Some((start + cand.len(), c))
            } else {
                None
            }
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            row.push((prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1));
        }
        prev = row;
    }
    prev[b.len()]
}

/// Cleaned text broken into lines of at most `width` columns, at spaces
/// where it can (a word longer than a line is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in clean(text).split(' ') {
        let word = fit(word, width);
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Cleaned text cut to `width` columns and padded with spaces to exactly
/// `width` columns, by display width (emoji and combining marks included).
pub fn pad(text: &str, width: usize) -> String {
    let cut = fit(text, width.saturating_sub(1));
    let fill = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(fill))
}

/// CSV text with a header; every cell made safe for spreadsheets.
pub fn csv_text<R: AsRef<[String]>>(
    header: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        w.write_record(row.as_ref().iter().map(|c| csv_cell(c)))
            .map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Pretty JSON; string values are cleaned of control and bidi characters.
pub fn json_text<T: serde::Serialize>(value: &T) -> Result<String, String> {
    fn clean_value(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => {
                if let Cow::Owned(c) = clean(s) {
                    *s = c;
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(clean_value),
            serde_json::Value::Object(map) => map.values_mut().for_each(clean_value),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(value).map_err(|e| e.to_string())?;
    clean_value(&mut v);
    let mut s = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

/// [`json_text`] of a list whose items come one at a time, written to
/// `out` as they come: the same text, without the whole list in memory.
pub fn json_list_to<T: serde::Serialize>(
    out: &mut dyn std::io::Write,
    items: impl IntoIterator<Item = T>,
) -> std::io::Result<()> {
    let mut first = true;
    out.write_all(b"[")?;
    for item in items {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        let one = json_text(&item).map_err(std::io::Error::other)?;
        for (n, line) in one.trim_end_matches('\n').lines().enumerate() {
            if n > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(b"  ")?;
            out.write_all(line.as_bytes())?;
        }
    }
    out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    out.flush()
}

/// Pretty JSON that keeps every string exactly, for a document that must
/// restore byte for byte (cleaning would change the data and break the
/// audit log's hashes). It is still safe to show: every control, DEL, C1
/// and bidirectional character is written as a `\uXXXX` escape, so nothing
/// in the file acts on a terminal, and a JSON reader gets the text back.
pub fn json_lossless<T: serde::Serialize>(value: &T) -> Result<String, String> {
    let pretty = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    let mut out = lossless(&pretty);
    out.push('\n');
    Ok(out)
}

/// Pretty JSON text with every character that could act on a terminal
/// written as a `\uXXXX` escape (see [`json_lossless`]).
pub fn lossless(pretty: &str) -> String {
    let mut out = String::with_capacity(pretty.len());
    for c in pretty.chars() {
        // A raw line break is the layout: serde_json escapes those in strings.
        if needs_replacing(c) && c != '\n' {
            out += &format!("\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Display width of cleaned text.
pub fn width(text: &str) -> usize {
    clean(text).width()
}

/// A plain text table: a header row, a rule, then the rows. Columns listed
/// in `right` are right-aligned (numbers).
pub fn table(header: &[&str], rows: &[Vec<String>], right: &[usize]) -> String {
    let cols = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(width(cell).min(60));
        }
    }
    let line = |cells: Vec<String>| {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let c = fit(c, widths[i]);
                let pad = " ".repeat(widths[i].saturating_sub(width(&c)));
                if right.contains(&i) {
                    format!("{pad}{c}")
                } else {
                    format!("{c}{pad}")
                }
            })
            .collect();
        parts.join("  ").trim_end().to_owned() + "\n"
    };
    let mut out = line(header.iter().map(|h| (*h).to_owned()).collect());
    out += &(widths
        .iter()
        .map(|w| "─".repeat(*w))
        .collect::<Vec<_>>()
        .join("  ")
        + "\n");
    for row in rows {
        out += &line(row.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_written_item_by_item_is_the_list_written_whole() {
        #[derive(serde::Serialize)]
        struct Row {
            id: i64,
            name: String,
            periods: Vec<(i64, String)>,
            empty: Vec<i64>,
            none: Option<String>,
        }
        let make = |n: i64| Row {
            id: n,
            name: format!("Kari\u{1b}[31m «{n}»\n"),
            periods: (0..n).map(|i| (i, format!("p{i}"))).collect(),
            empty: Vec::new(),
            none: None,
        };
        for count in [0, 1, 3] {
            let whole = json_text(&(0..count).map(make).collect::<Vec<_>>()).unwrap();
            let mut streamed = Vec::new();
            json_list_to(&mut streamed, (0..count).map(make)).unwrap();
            assert_eq!(String::from_utf8(streamed).unwrap(), whole, "{count} items");
        }
    }
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(clean("\x1b]0;pwned\x07Kari"), "␛]0;pwned␇Kari");
        assert_eq!(clean("a\u{202E}b"), "a\u{FFFD}b");
        assert_eq!(clean("Kari Nordmann"), "Kari Nordmann");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_cells_cannot_start_a_formula() {
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("-2"), "-2");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("-inf"), "'-inf");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("Kari"), "Kari");
    }

    #[test]
    fn text_is_cut_by_display_width() {
        assert_eq!(fit("Kari Nordmann", 6), "Kari …");
        assert_eq!(fit("日本語テキスト", 5), "日本…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit(&"x".repeat(10_000), 10).chars().count(), 10);
    }

    #[test]
    fn text_wraps_at_spaces_by_width() {
        assert_eq!(
            wrap("Kari har 9,0 t hvile; aml § 10-8 (1) krever 11,0 t.", 20),
            vec!["Kari har 9,0 t", "hvile; aml § 10-8", "(1) krever 11,0 t."]
        );
        assert!(wrap(&"x".repeat(50), 10).iter().all(|l| l.width() <= 10));
    }

    #[test]
    fn padding_counts_columns_not_characters() {
        assert_eq!(pad("日本", 6).width(), 6);
        assert_eq!(pad("Åse\u{301}", 6).width(), 6);
        assert_eq!(pad(&"x".repeat(30), 6).width(), 6);
    }

    #[test]
    fn the_nearest_name_is_suggested() {
        let names = ["Kari Nordmann", "Per Hansen", "Ingrid Johansen"];
        assert_eq!(nearest("kari nordman", names), Some("Kari Nordmann"));
        assert_eq!(nearest("Per Hanssen", names), Some("Per Hansen"));
        assert_eq!(nearest("Zorro", names), None);
    }

    #[test]
    fn tables_align_and_clean() {
        let t = table(
            &["Navn", "Timer"],
            &[vec!["Kari\x1b[31m".into(), "8,0 t".into()]],
            &[1],
        );
        assert!(t.contains("Kari␛[31m"), "{t}");
        assert!(!t.contains('\x1b'));
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn lossless_json_escapes_what_a_terminal_would_act_on() {
        let original = "Kari\u{202E}\u{7f}\u{9b}\u{1b}[31m\nny linje";
        let text = json_lossless(&serde_json::json!({ "name": original })).unwrap();
        assert!(
            !text.chars().any(|c| needs_replacing(c) && c != '\n'),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], original);
    }

    proptest! {
        #[test]
        fn cleaned_text_has_no_controls_and_fits(s in "\\PC*|[\\x00-\\x1f\\x7f\\u{202a}-\\u{202e}a-z]{0,40}", w in 0usize..30) {
            let c = clean(&s);
            prop_assert!(!c.chars().any(needs_replacing));
            prop_assert!(fit(&s, w).width() <= w);
        }
    }
}
