//! The timesheet as one self-contained HTML page that prints on A4
//! portrait: inline CSS, no script, no external resource. Every piece of
//! user text is cleaned by the one sanitizer and then HTML-escaped.

use super::text::{clock, heading, notes, row_cells};
use super::{Timesheet, bucket_values};
use crate::i18n::Lang;

/// Text made safe inside HTML elements and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "@page { size: A4 portrait; margin: 15mm; }
body { font-family: system-ui, sans-serif; font-size: 10pt; color: #000; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm 0; }
p { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; margin: 4mm 0; }
table { font-size: 9pt; }
th, td { border: 0.3mm solid #444; padding: 1mm 1.2mm; text-align: left; white-space: nowrap; }
th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #eee; }
tr.total td { font-weight: bold; border-top: 0.6mm solid #000; }
.sign { display: flex; gap: 8mm; margin-top: 14mm; }
.sign div { flex: 1; border-top: 0.3mm solid #000; padding-top: 1mm; }
@media print { thead { display: table-header-group; } tr { break-inside: avoid; } }";

/// The sheet as a printable page.
pub fn write(sheet: &Timesheet, lang: Lang) -> String {
    let s = lang.strings();
    let code = match lang {
        Lang::Nb => "nb",
        Lang::En => "en",
    };
    let [title, about] = heading(sheet, lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}</p>\n<table>\n<thead><tr>",
        escape(&title),
        escape(&title),
        escape(&about)
    );
    for (i, h) in s.ts_columns.iter().enumerate() {
        let class = if i >= 4 { " class=\"n\"" } else { "" };
        out += &format!("<th{class}>{}</th>", escape(h));
    }
    out += "</tr></thead>\n<tbody>\n";
    let cell = |i: usize, text: &str| {
        let class = if i >= 4 { " class=\"n\"" } else { "" };
        format!("<td{class}>{}</td>", escape(text))
    };
    for row in row_cells(sheet, lang) {
        out += "<tr>";
        for (i, c) in row.iter().enumerate() {
            out += &cell(i, c);
        }
        out += "</tr>\n";
    }
    out += &format!(
        "<tr class=\"total\"><td colspan=\"4\">{}</td>",
        escape(s.tsv_total)
    );
    for m in bucket_values(&sheet.totals) {
        out += &cell(4, &clock(m));
    }
    out += "</tr>\n</tbody>\n</table>\n";
    for line in notes(sheet, lang) {
        out += &format!("<p>{}</p>\n", escape(&line));
    }
    out += "<div class=\"sign\">";
    for label in s.ts_sign {
        out += &format!("<div>{}</div>", escape(label));
    }
    out += "</div>\n</body>\n</html>\n";
    out
}
