//! The quotations of a view as files to download: CSV (RFC 4180: a header row, CRLF line
//! ends, fields with a comma, a double quote or a line break quoted and inner quotes doubled)
//! and JSON (an array of records). Corpus text is data the user did not write, so a file made
//! from it is safe to open: in CSV a cell that a spreadsheet would run as a formula (`=`, `+`,
//! `-`, `@`, a tab or CR first) gets a leading `'` (OWASP's advice), and a cell holding bidi
//! controls is isolated (FSI … PDI) so that an open override cannot reorder the cells after it;
//! in JSON the bidi controls are written as `\u` escapes, which read back as the same text.

use std::borrow::Cow;

use lede_text::display::{bidi_isolated, is_bidi_control};

use crate::quotes::QuoteRecord;

/// The CSV header, in column order.
pub const CSV_COLUMNS: [&str; 10] = [
    "speaker",
    "speaker_id",
    "quote",
    "cue",
    "article_id",
    "title",
    "date",
    "source",
    "evidence",
    "quotation",
];

/// A cell's text made safe to open: formula triggers escaped with `'`, bidi controls isolated.
fn safe_cell(s: &str) -> Cow<'_, str> {
    let s = bidi_isolated(s);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        s
    }
}

/// One CSV field, made safe ([`safe_cell`]) and quoted when RFC 4180 requires it.
fn field(s: &str, out: &mut String) {
    let s = safe_cell(s);
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&s);
    }
}

/// The records as CSV: the header, then one row per record (absent values empty).
pub fn to_csv(records: &[QuoteRecord]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for r in records {
        let number = r.number.to_string();
        let cells: [&str; 10] = [
            r.speaker.as_deref().unwrap_or(""),
            r.speaker_id.as_deref().unwrap_or(""),
            &r.quote,
            r.cue.as_deref().unwrap_or(""),
            &r.article_id,
            &r.title,
            r.date.as_deref().unwrap_or(""),
            r.source.as_deref().unwrap_or(""),
            &r.evidence,
            &number,
        ];
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(c, &mut out);
        }
        out.push_str("\r\n");
    }
    out
}

/// The records as a pretty-printed JSON array (absent values `null`), as `serde_json`'s
/// pretty printer writes them (two-space indent), written here so that the app links no JSON
/// library; bidi controls are written as `\u` escapes.
pub fn to_json(records: &[QuoteRecord]) -> String {
    if records.is_empty() {
        return "[]".into();
    }
    let mut out = String::from("[");
    for (i, r) in records.iter().enumerate() {
        out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
        let fields: [(&str, Option<&str>); 9] = [
            ("speaker", r.speaker.as_deref()),
            ("speaker_id", r.speaker_id.as_deref()),
            ("quote", Some(&r.quote)),
            ("cue", r.cue.as_deref()),
            ("article_id", Some(&r.article_id)),
            ("title", Some(&r.title)),
            ("date", r.date.as_deref()),
            ("source", r.source.as_deref()),
            ("evidence", Some(&r.evidence)),
        ];
        for (name, value) in fields {
            out.push_str(if name == "speaker" {
                "\n    \""
            } else {
                ",\n    \""
            });
            out.push_str(name);
            out.push_str("\": ");
            match value {
                None => out.push_str("null"),
                Some(v) => json_string(v, &mut out),
            }
        }
        out.push_str(&format!(",\n    \"number\": {}", r.number));
        out.push_str("\n  }");
    }
    out.push_str("\n]");
    out
}

/// `s` as a JSON string: quotes, backslashes and control characters escaped as `serde_json`
/// escapes them, and bidi controls as `\u` escapes (which read back as the same text).
fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || is_bidi_control(c) => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tricky() -> QuoteRecord {
        QuoteRecord {
            speaker: Some("Ada Lovelace".into()),
            speaker_id: None,
            quote: "Yes, \"no\"\nand maybe".into(),
            cue: Some("said".into()),
            article_id: "a1".into(),
            title: "Plain".into(),
            date: None,
            source: Some("ATN".into()),
            evidence: "cue “said”".into(),
            number: 3,

            ..QuoteRecord::default()
        }
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        let csv = to_csv(&[tricky()]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "speaker,speaker_id,quote,cue,article_id,title,date,source,evidence,quotation"
        );
        assert_eq!(
            lines[1],
            "Ada Lovelace,,\"Yes, \"\"no\"\"\nand maybe\",said,a1,Plain,,ATN,cue “said”,3"
        );
        assert_eq!(lines[2], "");
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn csv_cells_cannot_run_as_formulas_or_reorder_the_row() {
        let mut r = tricky();
        r.speaker = Some("=HYPERLINK(\"http://x\")".into());
        r.quote = "-5 percent".into();
        r.title = "\u{202E}evil".into();
        r.source = Some("@ATN".into());
        let csv = to_csv(&[r]);
        let row = csv.split("\r\n").nth(1).unwrap();
        assert!(
            row.starts_with("\"'=HYPERLINK(\"\"http://x\"\")\","),
            "{row}"
        );
        assert!(row.contains(",'-5 percent,"), "{row}");
        assert!(row.contains(",\u{2068}\u{202E}evil\u{2069},"), "{row}");
        assert!(row.contains(",'@ATN,"), "{row}");
        // Every cell of a row is still there: the isolate closed before the next comma.
        assert_eq!(row.matches(',').count(), CSV_COLUMNS.len() - 1, "{row}");
    }

    #[test]
    fn json_escapes_bidi_controls_and_reads_back_the_same_text() {
        let mut r = tricky();
        r.speaker = Some("\u{202E}Mara\u{2066}".into());
        let json = to_json(&[r.clone()]);
        assert!(!json.chars().any(is_bidi_control), "{json}");
        assert!(json.contains("\\u202e"), "{json}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v[0]["speaker"], r.speaker.unwrap());
    }

    /// What `to_json` wrote before it was written by hand: serde_json's pretty printer, then
    /// each bidi control replaced by its escape.
    fn serde_json_pretty(records: &[QuoteRecord]) -> String {
        let json = serde_json::to_string_pretty(records).unwrap();
        json.chars()
            .map(|c| match is_bidi_control(c) {
                true => format!("\\u{:04x}", c as u32),
                false => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn json_is_what_serde_json_writes() {
        // Every ASCII char, the bidi controls, and text beyond the BMP, in every text field.
        let mut every: String = (0u8..0x80).map(char::from).collect();
        every.push_str("\u{202E}\u{2066}\u{200F}é“€”\u{1F600}\u{85}\u{2028}");
        let mut r = tricky();
        r.speaker = Some(every.clone());
        r.speaker_id = Some(every.chars().rev().collect());
        r.quote = every.clone();
        r.cue = Some(every.clone());
        r.title = every.clone();
        r.source = None;
        r.number = usize::MAX;
        for records in [
            vec![],
            vec![tricky()],
            vec![r, QuoteRecord::default(), tricky()],
        ] {
            assert_eq!(to_json(&records), serde_json_pretty(&records));
        }
    }

    #[test]
    fn csv_of_nothing_is_the_header() {
        assert_eq!(to_csv(&[]), format!("{}\r\n", CSV_COLUMNS.join(",")));
    }

    #[test]
    fn json_round_trips_the_text() {
        let json = to_json(&[tricky(), QuoteRecord::default()]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 2);
        assert_eq!(v[0]["quote"], "Yes, \"no\"\nand maybe");
        assert_eq!(v[0]["date"], serde_json::Value::Null);
        assert_eq!(v[1]["speaker"], serde_json::Value::Null);
    }
}
