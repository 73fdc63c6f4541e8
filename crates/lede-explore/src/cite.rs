//! A quotation as a citation to paste elsewhere: speaker, quote, title, source and date, as
//! plain text and as Markdown. Each part of corpus text is bidi-isolated where it holds bidi
//! controls, so that an override left open in a title cannot reorder the rest of the line.

use lede_text::display::bidi_isolated;

use crate::quotes::QuoteRecord;

/// The speaker as a citation names them.
fn speaker_of(r: &QuoteRecord) -> &str {
    r.speaker.as_deref().unwrap_or("Unattributed")
}

/// `“quote” — Speaker, “Title”, Source, 2024-07-01` (parts the article lacks left out).
pub fn citation_text(r: &QuoteRecord) -> String {
    let mut parts = vec![
        bidi_isolated(speaker_of(r)).into_owned(),
        format!("\u{201c}{}\u{201d}", bidi_isolated(&r.title)),
    ];
    parts.extend(r.source.as_deref().map(|s| bidi_isolated(s).into_owned()));
    parts.extend(r.date.as_deref().map(|s| bidi_isolated(s).into_owned()));
    format!(
        "\u{201c}{}\u{201d} \u{2014} {}",
        bidi_isolated(&r.quote),
        parts.join(", ")
    )
}

/// Markdown's special characters escaped with a backslash, so text reads as written; bidi
/// controls isolated.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in bidi_isolated(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A Markdown block quote: the quote's lines, then `— **Speaker**, *Title*, Source, date`.
pub fn citation_markdown(r: &QuoteRecord) -> String {
    let mut out = String::new();
    for line in r.quote.lines() {
        out.push_str("> ");
        out.push_str(&escape(line.trim_end()));
        out.push('\n');
    }
    let mut parts = vec![
        format!("**{}**", escape(speaker_of(r))),
        format!("*{}*", escape(&r.title)),
    ];
    parts.extend(r.source.as_deref().map(escape));
    parts.extend(r.date.as_deref().map(escape));
    out.push_str(">\n> \u{2014} ");
    out.push_str(&parts.join(", "));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> QuoteRecord {
        QuoteRecord {
            speaker: Some("Wang Yi".into()),
            speaker_id: Some("person:wang-yi".into()),
            quote: "We will *not* wait.".into(),
            cue: Some("said".into()),
            article_id: "a1".into(),
            title: "Talks [resume]".into(),
            date: Some("2024-07-01".into()),
            source: Some("Reuters".into()),
            evidence: String::new(),
            number: 0,

            ..QuoteRecord::default()
        }
    }

    #[test]
    fn plain_text_names_speaker_title_source_and_date() {
        assert_eq!(
            citation_text(&record()),
            "“We will *not* wait.” — Wang Yi, “Talks [resume]”, Reuters, 2024-07-01"
        );
        let bare = QuoteRecord {
            speaker: None,
            date: None,
            source: None,
            ..record()
        };
        assert_eq!(
            citation_text(&bare),
            "“We will *not* wait.” — Unattributed, “Talks [resume]”"
        );
    }

    #[test]
    fn markdown_is_a_block_quote_with_markup_escaped() {
        assert_eq!(
            citation_markdown(&record()),
            "> We will \\*not\\* wait.\n>\n> — **Wang Yi**, *Talks \\[resume\\]*, Reuters, 2024-07-01"
        );
        let two_lines = QuoteRecord {
            quote: "One.\nTwo.".into(),
            ..record()
        };
        assert!(citation_markdown(&two_lines).starts_with("> One.\n> Two.\n>\n"));
    }

    #[test]
    fn an_open_override_ends_with_its_part() {
        let hostile = QuoteRecord {
            title: "\u{202E}Talks".into(),
            speaker: Some("Wang\u{2067}".into()),
            ..record()
        };
        for cited in [citation_text(&hostile), citation_markdown(&hostile)] {
            assert!(cited.contains("\u{2068}\u{202E}Talks\u{2069}"), "{cited}");
            assert!(cited.contains("\u{2068}Wang\u{2067}\u{2069}"), "{cited}");
            // The app's own words after the title are outside every isolate.
            let after = cited.rsplit('\u{2069}').next().unwrap();
            assert!(after.contains("Reuters, 2024-07-01"), "{cited}");
        }
    }
}
