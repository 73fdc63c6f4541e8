//! Speaker linking: a quote's speaker gets the id of the article entity it names.

use lede_corpus::{ArticleEntity, EntityKind, Quote};
use lede_text::fold_for_match;

/// Sets `speaker.entity` of each quote whose speaker is one of `entities`: the speaker's words
/// in the text are a mention of it, or the speaker's name is its name or an alias, or a lone
/// name is the first or last word of exactly one person's name.
pub fn link_speakers(quotes: &mut [Quote], entities: &[ArticleEntity]) {
    for q in quotes.iter_mut() {
        let Some(speaker) = q.speaker.as_mut() else {
            continue;
        };
        let by_span = speaker.span.and_then(|s| {
            entities.iter().find(|e| {
                e.kind != EntityKind::Other
                    && e.mentions
                        .iter()
                        .any(|m| m.paragraph == s.paragraph && m.start < s.end && s.start < m.end)
            })
        });
        let name = fold_for_match(speaker.name.trim());
        let by_name = || {
            entities.iter().find(|e| {
                fold_for_match(&e.name) == name
                    || e.aliases.iter().any(|a| fold_for_match(a) == name)
            })
        };
        let by_part = || {
            if name.contains(' ') || name.is_empty() {
                return None;
            }
            let mut found = entities.iter().filter(|e| {
                e.kind == EntityKind::Person && {
                    let words: Vec<String> =
                        e.name.split_whitespace().map(fold_for_match).collect();
                    words.len() > 1 && (words[0] == name || words[words.len() - 1] == name)
                }
            });
            let first = found.next();
            if found.next().is_some() {
                None
            } else {
                first
            }
        };
        if let Some(e) = by_span.or_else(by_name).or_else(by_part) {
            speaker.entity = Some(e.id.clone());
        }
    }
}
