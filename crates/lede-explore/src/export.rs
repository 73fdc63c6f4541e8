//! The quotations of a view as files to download: CSV (RFC 4180: a header row, CRLF line
//! ends, fields with a comma, a double quote or a line break quoted and inner quotes doubled)
//! and JSON (an array of records).

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

/// One CSV field, quoted when RFC 4180 requires it.
fn field(s: &str, out: &mut String) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
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

/// The records as a pretty-printed JSON array (absent values `null`).
pub fn to_json(records: &[QuoteRecord]) -> String {
    serde_json::to_string_pretty(records).expect("records always serialise")
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
