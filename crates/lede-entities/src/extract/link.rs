//! Speaker linking: a quote's speaker gets the id of the article entity it names.

use std::collections::HashMap;

use lede_corpus::{ArticleEntity, EntityKind, Quote, Span};
use lede_text::fold_for_match;

/// Sets `speaker.entity` of each quote whose speaker is one of `entities`: the speaker's words
/// in the text are a mention of it, or the speaker's name is its name or an alias, or a lone
/// name is the first or last word of exactly one person's name. The first such entity in
/// `entities` order wins.
///
/// The entities' mentions, names and name words are indexed once, so the time grows with
/// quotes + mentions, not quotes × mentions (a 50 MB article has 100,000s of both).
pub fn link_speakers(quotes: &mut [Quote], entities: &[ArticleEntity]) {
    let index = Lookup::new(entities);
    for q in quotes.iter_mut() {
        let Some(speaker) = q.speaker.as_mut() else {
            continue;
        };
        let name = fold_for_match(speaker.name.trim());
        let found = speaker
            .span
            .and_then(|s| index.by_span(s))
            .or_else(|| index.by_name.get(&name).copied())
            .or_else(|| index.by_part(&name));
        if let Some(e) = found {
            speaker.entity = Some(entities[e].id.clone());
        }
    }
}

/// The entities indexed for linking.
struct Lookup {
    /// (paragraph, start, end, entity) of every mention of an entity of a known kind, sorted.
    mentions: Vec<(usize, usize, usize, usize)>,
    /// The longest such mention, in chars.
    longest: usize,
    /// Folded name or alias → the first entity with it.
    by_name: HashMap<String, usize>,
    /// Folded first or last word of a person's name of two or more words → those persons.
    by_word: HashMap<String, Vec<usize>>,
}

impl Lookup {
    fn new(entities: &[ArticleEntity]) -> Self {
        let mut mentions = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            if e.kind != EntityKind::Other {
                mentions.extend(e.mentions.iter().map(|m| (m.paragraph, m.start, m.end, i)));
            }
            for n in std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(|a| a.as_str())) {
                by_name.entry(fold_for_match(n)).or_insert(i);
            }
            if e.kind == EntityKind::Person {
                let words: Vec<String> = e.name.split_whitespace().map(fold_for_match).collect();
                if words.len() > 1 {
                    let (first, last) = (&words[0], &words[words.len() - 1]);
                    by_word.entry(first.clone()).or_default().push(i);
                    if last != first {
                        by_word.entry(last.clone()).or_default().push(i);
                    }
                }
            }
        }
        mentions.sort_unstable();
        let longest = mentions
            .iter()
            .map(|m| m.2.saturating_sub(m.1))
            .max()
            .unwrap_or(0);
        Lookup {
            mentions,
            longest,
            by_name,
            by_word,
        }
    }

    /// The first entity (in `entities` order) with a mention overlapping `s`.
    fn by_span(&self, s: Span) -> Option<usize> {
        // Overlapping mentions start after `s.start - longest` and before `s.end`.
        let from = (s.paragraph, s.start.saturating_sub(self.longest), 0, 0);
        let first = self.mentions.partition_point(|m| *m < from);
        self.mentions[first..]
            .iter()
            .take_while(|m| m.0 == s.paragraph && m.1 < s.end)
            .filter(|m| s.start < m.2)
            .map(|m| m.3)
            .min()
    }

    /// The one person whose name of two or more words starts or ends with the lone `name`.
    fn by_part(&self, name: &str) -> Option<usize> {
        if name.contains(' ') || name.is_empty() {
            return None;
        }
        match self.by_word.get(name)?.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use lede_corpus::Speaker;

    use super::*;

    /// The rule written out plainly: every entity scanned for every quote.
    fn link_plainly(quotes: &mut [Quote], entities: &[ArticleEntity]) {
        for q in quotes.iter_mut() {
            let Some(speaker) = q.speaker.as_mut() else {
                continue;
            };
            let by_span = speaker.span.and_then(|s| {
                entities.iter().find(|e| {
                    e.kind != EntityKind::Other
                        && e.mentions.iter().any(|m| {
                            m.paragraph == s.paragraph && m.start < s.end && s.start < m.end
                        })
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

    fn span(paragraph: usize, start: usize, end: usize) -> Span {
        Span::new(paragraph, start, end)
    }

    #[test]
    fn the_index_links_as_the_plain_rule_does() {
        let entity =
            |id: &str, name: &str, kind, mentions: Vec<Span>, aliases: &[&str]| ArticleEntity {
                id: id.into(),
                name: name.into(),
                kind,
                aliases: aliases.iter().map(|&a| a.into()).collect(),
                mentions: mentions.into(),
            };
        let entities = vec![
            entity("o:x", "Xylo", EntityKind::Other, vec![span(0, 0, 4)], &[]),
            entity(
                "p:a",
                "Ana Petrov",
                EntityKind::Person,
                vec![span(0, 2, 12), span(1, 40, 50)],
                &["Petrova"],
            ),
            entity(
                "p:b",
                "Boris Petrov",
                EntityKind::Person,
                vec![span(1, 0, 12)],
                &[],
            ),
            entity(
                "p:c",
                "Chen Wei",
                EntityKind::Person,
                vec![span(2, 5, 40)],
                &[],
            ),
            entity(
                "g:c",
                "Chen",
                EntityKind::Organization,
                vec![span(2, 30, 34)],
                &["Wei"],
            ),
        ];
        let mut quotes = Vec::new();
        let speakers: Vec<(&str, Option<Span>)> = vec![
            ("Xylo", Some(span(0, 0, 3))),
            ("someone", Some(span(0, 10, 11))),
            ("someone", Some(span(1, 45, 46))),
            ("someone", Some(span(2, 33, 36))),
            ("someone", Some(span(2, 41, 44))),
            ("petrova", None),
            ("Petrov", None),
            ("Ana", None),
            ("Chen", None),
            ("Wei", None),
            ("Boris", Some(span(9, 0, 5))),
            ("", None),
        ];
        for (name, s) in speakers {
            quotes.push(Quote {
                paragraph: 0,
                start: 0,
                end: 1,
                held_text: Some("x".into()),
                speaker: Some(Speaker {
                    name: name.into(),
                    entity: None,
                    span: s,
                    kind: None,
                    resolved_from: Box::default(),
                    confidence: None,
                }),
                cue: None,
                next: None,
                rule: None,
            });
        }
        let mut plain = quotes.clone();
        link_plainly(&mut plain, &entities);
        link_speakers(&mut quotes, &entities);
        let ids = |qs: &[Quote]| -> Vec<Option<lede_corpus::SharedStr>> {
            qs.iter()
                .map(|q| q.speaker.as_ref().unwrap().entity.clone())
                .collect()
        };
        assert_eq!(ids(&quotes), ids(&plain));
        // The rules were all exercised: a span, a name, an alias, a lone word, nothing.
        let linked = ids(&plain);
        assert_eq!(linked[1].as_deref(), Some("p:a"));
        assert_eq!(linked[5].as_deref(), Some("p:a"));
        assert_eq!(linked[6], None, "Petrov ends two names");
        assert_eq!(linked[7].as_deref(), Some("p:a"));
        assert_eq!(linked[10].as_deref(), Some("p:b"));
        assert_eq!(linked[11], None);
    }
}
