//! Entities of an article: tokenize each paragraph (char offsets), split sentences, tag the
//! article as one document, turn the tags into mentions and clean them (titles become roles,
//! possessives and pronouns go, capitals are normalised, tickers join their company, acronyms
//! defined in the text join their long form), then merge mentions into entities with
//! corpus-wide ids.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use lede_corpus::{ArticleEntity, EntityKind, Quote, Span};
use lede_text::{fold_for_match, title_case};

use crate::features::is_headline;
use crate::lexicon::{contains, lexicon, PRONOUNS, ROLE_MODIFIERS, TITLES};
use crate::tag::{spans, EntityType};
use crate::tokenize::{sentences, tokenize, Token, TokenKind};
use crate::Tagger;

/// One mention of a name in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Where the name stands (without title or possessive), in chars.
    pub span: Span,
    /// The name as written.
    pub text: String,
    /// The name normalised: whitespace collapsed, capitals of a dateline or headline made
    /// title case (`KABUL` -> `Kabul`).
    pub name: String,
    /// The entity type.
    pub ty: EntityType,
    /// The title written before a person's name (`Foreign Minister`), when there is one.
    pub role: Option<String>,
    /// The stock ticker written after a company (`TXN` from `<TXN>`).
    pub ticker: Option<String>,
    /// For an acronym defined in the text, or the long form that defines it: the acronym.
    pub acronym: Option<String>,
}

/// An entity of one article: its mentions merged, with the role kept (the corpus type has no
/// field for it).
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Corpus-wide id: kind and slug of the canonical name (`person:wang-yi`).
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// The entity type.
    pub ty: EntityType,
    /// Other names it goes by in the article (surnames, long forms, tickers).
    pub aliases: Vec<String>,
    /// The first role seen with a person's name.
    pub role: Option<String>,
    /// Where it is mentioned, in text order.
    pub mentions: Vec<Span>,
}

impl Entity {
    /// The corpus form (the role is left out).
    pub fn to_article_entity(&self) -> ArticleEntity {
        ArticleEntity {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.ty.kind(),
            aliases: self.aliases.clone(),
            mentions: self.mentions.clone(),
        }
    }
}

/// The corpus-wide id of an entity: its kind and the slug of its name, diacritics folded
/// (`place:sao-paulo`, `organization:opec`).
pub fn entity_id(kind: EntityKind, name: &str) -> String {
    format!("{}:{}", kind.as_str(), slug(name))
}

/// Lowercase ASCII-folded words joined by `-`; apostrophes and dots vanish (`U.S.` -> `us`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in fold_for_match(name).chars() {
        if c == '\'' || c == '.' {
            continue;
        }
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

/// The entities of an article in the corpus form, in order of first mention. `quotes` are the
/// article's quotations: a speaker named by the quote extractor becomes a person mention when
/// the tagger missed it.
pub fn extract_entities(
    paragraphs: &[String],
    tagger: &Tagger,
    quotes: &[Quote],
) -> Vec<ArticleEntity> {
    group(&find_mentions(paragraphs, tagger, quotes))
        .iter()
        .map(Entity::to_article_entity)
        .collect()
}

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

struct Para {
    text: Vec<char>,
    toks: Vec<Token>,
    sents: Vec<Range<usize>>,
}

/// A mention while it is being cleaned: token range in its paragraph.
#[derive(Debug, Clone)]
struct Raw {
    p: usize,
    a: usize,
    b: usize,
    ty: EntityType,
    role: Option<String>,
    ticker: Option<String>,
    acronym: Option<String>,
}

fn lower(t: &Token) -> String {
    t.text.to_lowercase()
}

fn is_cap(t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// A pronoun (`He`, `their`); an all-caps `US` or `IT` is not one.
fn is_pronoun(t: &Token) -> bool {
    let l = lower(t);
    contains(PRONOUNS, &l) && (l == "i" || !is_all_caps(&t.text) || t.text.len() == 1)
}

fn is_title(t: &Token) -> bool {
    let l = lower(t);
    contains(TITLES, &l) || contains(TITLES, l.trim_end_matches('.'))
}

fn is_role_word(t: &Token) -> bool {
    is_title(t) || contains(ROLE_MODIFIERS, &lower(t))
}

fn is_connector(l: &str) -> bool {
    matches!(l, "of" | "for" | "the" | "and" | "&" | "de" | "on")
}

/// Words that start sentences capitalised but are not names on their own.
const SENTENCE_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "of",
    "to",
    "as",
    "if",
    "so",
    "however",
    "meanwhile",
    "after",
    "before",
    "while",
    "when",
    "where",
    "although",
    "despite",
    "yesterday",
    "today",
    "tomorrow",
    "there",
    "here",
    "some",
    "many",
    "most",
    "several",
    "all",
    "both",
    "each",
    "no",
    "not",
    "yes",
    "then",
    "now",
    "also",
    "still",
    "only",
    "even",
    "officials",
    "police",
    "analysts",
    "critics",
    "residents",
    "experts",
    "sources",
    "asked",
    "under",
    "over",
    "since",
    "until",
    "with",
    "without",
    "by",
    "from",
    "about",
    "last",
    "next",
    "earlier",
    "later",
    "shares",
    "prices",
    "members",
    "leaders",
    "workers",
    "investors",
    "traders",
    "sales",
    "profits",
    "exports",
    "imports",
    "talks",
    "news",
    "supporters",
    "opponents",
    "ministers",
    "staff",
    "employees",
    "shareholders",
    "rebels",
    "troops",
    "soldiers",
    "delegates",
    "voters",
];

/// Finds the mentions of an article, in text order.
pub fn find_mentions(paragraphs: &[String], tagger: &Tagger, quotes: &[Quote]) -> Vec<Mention> {
    let paras: Vec<Para> = paragraphs
        .iter()
        .map(|p| {
            let toks = tokenize(p);
            let sents = sentences(&toks);
            Para {
                text: p.chars().collect(),
                toks,
                sents,
            }
        })
        .collect();

    // Tag the article as one document; tickers are left out of the tagger's input.
    let mut inputs: Vec<Vec<&str>> = Vec::new();
    let mut index: Vec<(usize, Vec<usize>)> = Vec::new();
    for (p, para) in paras.iter().enumerate() {
        for s in &para.sents {
            let keep: Vec<usize> = s
                .clone()
                .filter(|&k| para.toks[k].kind != TokenKind::Ticker)
                .collect();
            if keep.is_empty() {
                continue;
            }
            inputs.push(keep.iter().map(|&k| para.toks[k].text.as_str()).collect());
            index.push((p, keep));
        }
    }
    // A heading in title case (`Council Backs Terminal Expansion in Close Vote`) reads like
    // the all-caps headlines the model learnt from: give it capitals.
    let upper: Vec<Option<Vec<String>>> = inputs
        .iter()
        .map(|s| is_title_case_heading(s).then(|| s.iter().map(|t| t.to_uppercase()).collect()))
        .collect();
    for (input, up) in inputs.iter_mut().zip(&upper) {
        if let Some(up) = up {
            *input = up.iter().map(String::as_str).collect();
        }
    }
    let tagged = tagger.tag_document(&inputs);
    let mut raws: Vec<Raw> = Vec::new();
    for ((p, keep), tags) in index.iter().zip(&tagged) {
        for s in spans(tags) {
            raws.push(Raw {
                p: *p,
                a: keep[s.start],
                b: keep[s.end - 1] + 1,
                ty: s.ty,
                role: None,
                ticker: None,
                acronym: None,
            });
        }
    }

    let mixed_case = mixed_case_forms(&paras);
    let lowercase_words = lowercase_words(&paras);

    add_speakers(&paras, quotes, &mut raws);
    add_names_after_quotes(&paras, &mut raws);
    let mut cleaned: Vec<Raw> = raws
        .into_iter()
        .filter_map(|r| clean(&paras, r, &lowercase_words))
        .collect();
    attach_tickers(&paras, &mut cleaned);
    define_acronyms(&paras, &mut cleaned);
    propagate(&paras, &mut cleaned, &lowercase_words);
    cleaned.sort_by_key(|r| (r.p, r.a, r.b));
    cleaned.dedup_by(|x, y| x.p == y.p && x.a < y.b && y.a < x.b);

    cleaned
        .into_iter()
        .map(|r| {
            let para = &paras[r.p];
            let (start, end) = (para.toks[r.a].start, para.toks[r.b - 1].end);
            let text: String = para.text[start..end].iter().collect();
            let name = normalise_name(&paras, &r, &mixed_case);
            Mention {
                span: Span {
                    paragraph: r.p,
                    start,
                    end,
                },
                text,
                name,
                ty: r.ty,
                role: r.role,
                ticker: r.ticker,
                acronym: r.acronym,
            }
        })
        .collect()
}

/// Small words a title-case heading keeps lowercase, or capitalises.
const HEADING_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "is", "are", "be",
];

/// A line in title case: four words or more, every word but small ones capitalised, and at
/// least one small word capitalised or a long run of capitals (so not a plain list of names).
fn is_title_case_heading(tokens: &[&str]) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| t.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    if words.len() < 4 || is_headline(tokens) {
        return false;
    }
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let big_ok = words
        .iter()
        .all(|w| cap(w) || contains(HEADING_SMALL_WORDS, &w.to_lowercase()));
    let small_capped = words
        .iter()
        .skip(1)
        .any(|w| cap(w) && contains(HEADING_SMALL_WORDS, &w.to_lowercase()));
    let capped = words.iter().filter(|w| cap(w)).count();
    big_ok && (small_capped || capped >= 6) && tokens.last().is_none_or(|t| *t != ".")
}

/// Folded word -> the first way it is written with lowercase letters (`kabul` -> `Kabul`).
fn mixed_case_forms(paras: &[Para]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for para in paras {
        for t in &para.toks {
            if is_cap(t) && t.text.chars().any(char::is_lowercase) {
                out.entry(fold_for_match(&t.text))
                    .or_insert_with(|| t.text.clone());
            }
        }
    }
    out
}

/// Folded words the article writes lowercase somewhere.
fn lowercase_words(paras: &[Para]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for para in paras {
        for t in &para.toks {
            if t.text.chars().next().is_some_and(char::is_lowercase) {
                *out.entry(fold_for_match(&t.text)).or_default() += 1;
            }
        }
    }
    out
}

/// The sentence of paragraph token `k`.
fn sentence_of(para: &Para, k: usize) -> Range<usize> {
    para.sents
        .iter()
        .find(|s| s.contains(&k))
        .cloned()
        .unwrap_or(k..k + 1)
}

/// True when token `k` opens its sentence (possibly after an opening quote or bracket).
fn starts_sentence(para: &Para, k: usize) -> bool {
    let s = sentence_of(para, k);
    let mut first = s.start;
    while first < k && matches!(para.toks[first].text.as_str(), "\"" | "'" | "(" | "[" | "-") {
        first += 1;
    }
    first == k
}

/// Strips pronouns, punctuation, possessives and titles from the edges, keeps a person's
/// title as the role, and drops what is left when it is no name.
fn clean(paras: &[Para], mut r: Raw, lowercase: &HashMap<String, usize>) -> Option<Raw> {
    let para = &paras[r.p];
    let toks = &para.toks;
    let junk = |t: &Token| t.kind != TokenKind::Word || is_pronoun(t) || lower(t) == "the";
    while r.a < r.b && junk(&toks[r.a]) {
        r.a += 1;
    }
    while r.b > r.a && (junk(&toks[r.b - 1]) || matches!(lower(&toks[r.b - 1]).as_str(), "'s")) {
        r.b -= 1;
    }
    if r.a >= r.b {
        return None;
    }
    // `Shares of Calder Instruments`: a common word opening the sentence before `of`.
    if r.b - r.a >= 3 && starts_sentence(para, r.a) && lower(&toks[r.a + 1]) == "of" {
        let f = fold_for_match(&toks[r.a].text);
        if contains(SENTENCE_WORDS, &f) || lowercase.contains_key(&f) {
            r.a += 2;
            while r.a < r.b && is_connector(&lower(&toks[r.a])) {
                r.a += 1;
            }
        }
    }
    // Titles inside the mention (`President Arlen Voss` tagged whole).
    let honorific = matches!(
        lower(&toks[r.a]).trim_end_matches('.'),
        "mr" | "mrs" | "ms" | "dr" | "sir"
    );
    if r.ty == EntityType::Per || honorific {
        let mut k = r.a;
        while k + 1 < r.b && is_role_word(&toks[k]) {
            k += 1;
        }
        if k > r.a && (r.a..k).any(|j| is_title(&toks[j])) {
            r.role = Some(words(para, r.a, k));
            r.a = k;
            r.ty = EntityType::Per;
        }
    }
    // Titles before a person's name.
    if r.ty == EntityType::Per && r.role.is_none() {
        let mut k = r.a;
        while k > 0 && toks[k - 1].kind == TokenKind::Word && is_role_word(&toks[k - 1]) {
            k -= 1;
        }
        while k < r.a && is_connector(&lower(&toks[k])) {
            k += 1;
        }
        if k < r.a && (k..r.a).any(|j| is_title(&toks[j])) {
            r.role = Some(words(para, k, r.a));
        }
    }
    if (r.a..r.b).all(|k| is_pronoun(&toks[k]) || is_title(&toks[k])) {
        return None;
    }
    // `SAO PAULO (Reuters) -`: a dateline names a place.
    let dateline = r.a == 0
        && toks
            .get(r.b)
            .is_some_and(|t| matches!(t.text.as_str(), "(" | "," | "-" | "--"));
    let name = words(para, r.a, r.b);
    if dateline && (is_all_caps(&name) || lexicon().places.contains_key(&fold_for_match(&name))) {
        r.ty = EntityType::Loc;
    }
    if is_hyphenated_modifier(&name) {
        return None;
    }
    // A capitalised common word opening a sentence (`Officials said`) is no name.
    if r.b - r.a == 1 && starts_sentence(para, r.a) {
        let t = &toks[r.a];
        let f = fold_for_match(&t.text);
        let lx = lexicon();
        let known = lx.places.contains_key(&f) || lx.first_names.contains(&f);
        if !known && (contains(SENTENCE_WORDS, &f) || lowercase.contains_key(&f)) {
            return None;
        }
    }
    Some(r)
}

/// True for one hyphenated word that modifies rather than names (`Kremlin-financed`,
/// `Soviet-style`) and for party tags after a politician (`R-Neb`, `D-Calif.`).
fn is_hyphenated_modifier(name: &str) -> bool {
    if name.contains(' ') || !name.contains('-') {
        return false;
    }
    let mut parts = name.split('-');
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let party_tag = matches!(first, "R" | "D" | "I")
        && rest.len() == 1
        && rest[0].trim_end_matches('.').chars().count() <= 5
        && rest[0].chars().next().is_some_and(char::is_uppercase);
    let modifier = rest
        .iter()
        .any(|p| p.chars().next().is_some_and(char::is_lowercase));
    party_tag || modifier
}

/// The text of tokens `a..b` of a paragraph, whitespace collapsed.
fn words(para: &Para, a: usize, b: usize) -> String {
    let s: String = para.text[para.toks[a].start..para.toks[b - 1].end]
        .iter()
        .collect();
    lede_text::collapse_whitespace(&s)
}

/// The name of a mention: whitespace collapsed, and capitals made title case when they are
/// a headline's or a dateline's, or the word is written in mixed case elsewhere.
fn normalise_name(paras: &[Para], r: &Raw, mixed: &HashMap<String, String>) -> String {
    let para = &paras[r.p];
    let name = words(para, r.a, r.b);
    if !is_all_caps(&name) {
        return name;
    }
    let sentence = sentence_of(para, r.a);
    let texts: Vec<&str> = para.toks[sentence.clone()]
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    let dateline = r.a == 0
        && para
            .toks
            .get(r.b)
            .is_some_and(|t| matches!(t.text.as_str(), "(" | "," | "-" | "--"));
    let long_headline = texts
        .iter()
        .filter(|t| t.chars().next().is_some_and(char::is_alphabetic))
        .count()
        >= 3
        && is_headline(&texts);
    let caps_context = dateline || long_headline;
    let lx = lexicon();
    let folded = fold_for_match(&name);
    let known_place = lx.places.contains_key(&folded) && !lx.variants.contains_key(&folded);
    let mut out = Vec::new();
    for t in &para.toks[r.a..r.b] {
        let word = &t.text;
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let acronym_like = word.contains('.') || letters < 2;
        let converted = if !is_all_caps(word) || acronym_like {
            word.clone()
        } else if let Some(m) = mixed.get(&fold_for_match(word)) {
            m.clone()
        } else if caps_context || (known_place && letters >= 4) {
            title_case(word)
        } else {
            word.clone()
        };
        out.push(converted);
    }
    // Keep the original spacing between tokens (`Kuala Lumpur`, not `Kuala  Lumpur`).
    let mut s = String::new();
    for (k, w) in out.iter().enumerate() {
        let idx = r.a + k;
        if k > 0 && para.toks[idx].start > para.toks[idx - 1].end {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}

/// Speakers named by the quote extractor become person mentions when nothing covers them.
fn add_speakers(paras: &[Para], quotes: &[Quote], raws: &mut Vec<Raw>) {
    for q in quotes {
        let Some(span) = q.speaker.as_ref().and_then(|s| s.span) else {
            continue;
        };
        let Some(para) = paras.get(span.paragraph) else {
            continue;
        };
        let ks: Vec<usize> = (0..para.toks.len())
            .filter(|&k| para.toks[k].start < span.end && span.start < para.toks[k].end)
            .collect();
        let (Some(&a), Some(&b)) = (ks.first(), ks.last()) else {
            continue;
        };
        let b = b + 1;
        let name_like = (a..b).all(|k| {
            let t = &para.toks[k];
            t.kind == TokenKind::Word && (is_cap(t) || is_connector(&lower(t)))
        }) && (a..b)
            .any(|k| !is_title(&para.toks[k]) && !is_pronoun(&para.toks[k]));
        let covered = raws
            .iter()
            .any(|r| r.p == span.paragraph && r.a < b && a < r.b);
        if name_like && !covered {
            raws.push(Raw {
                p: span.paragraph,
                a,
                b,
                ty: EntityType::Per,
                role: None,
                ticker: None,
                acronym: None,
            });
        }
    }
}

/// Reporting verbs that follow a speaker's name after a quotation.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "wrote",
    "explained",
    "insisted",
    "replied",
    "warned",
    "argued",
    "noted",
    "declared",
    "stated",
    "tweeted",
    "recalled",
];

/// `“…,” Mirela Vostrikova said`: capitalised words right after a closing quote mark and
/// before a reporting verb are a person, when the tagger did not see it.
fn add_names_after_quotes(paras: &[Para], raws: &mut Vec<Raw>) {
    for (p, para) in paras.iter().enumerate() {
        let toks = &para.toks;
        for k in 1..toks.len() {
            if toks[k - 1].text != "\"" || !is_cap(&toks[k]) || toks[k].kind != TokenKind::Word {
                continue;
            }
            // The quote mark closes a quotation: a word or mark stands right before it.
            let closing = k >= 2 && toks[k - 2].end == toks[k - 1].start;
            if !closing {
                continue;
            }
            let mut b = k;
            while b < toks.len() && is_cap(&toks[b]) && toks[b].kind == TokenKind::Word {
                b += 1;
            }
            let verb = toks
                .get(b)
                .is_some_and(|t| contains(SPEECH_VERBS, &lower(t)));
            let a = (k..b).find(|&j| !is_role_word(&toks[j])).unwrap_or(b);
            let covered = raws.iter().any(|r| r.p == p && r.a < b && k < r.b);
            if verb && a < b && !covered && !(k..b).any(|j| is_pronoun(&toks[j])) {
                raws.push(Raw {
                    p,
                    a: k,
                    b,
                    ty: EntityType::Per,
                    role: None,
                    ticker: None,
                    acronym: None,
                });
            }
        }
    }
}

/// `Tessaly Instruments Inc <TSY>`: the ticker makes the name before it a company.
fn attach_tickers(paras: &[Para], raws: &mut Vec<Raw>) {
    for (p, para) in paras.iter().enumerate() {
        for (k, t) in para.toks.iter().enumerate() {
            if t.kind != TokenKind::Ticker {
                continue;
            }
            let ticker = t.text.trim_matches(['<', '>']).to_string();
            // A mention ending right before, or before company suffixes (`Inc`, `Corp`).
            let suffix = |j: usize| {
                let l = lower(&para.toks[j]);
                matches!(
                    l.trim_end_matches('.'),
                    "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "ag" | "sa" | "nv" | "group"
                ) || l == ","
            };
            if let Some(r) = raws
                .iter_mut()
                .find(|r| r.p == p && r.b <= k && (r.b..k).all(suffix))
            {
                r.b = (r.b..k)
                    .rev()
                    .find(|&j| para.toks[j].text != ",")
                    .map_or(r.b, |j| j + 1)
                    .max(r.b);
                r.ty = EntityType::Org;
                r.ticker = Some(ticker);
                continue;
            }
            // No mention right before: take the capitalised run.
            let mut a = k;
            while a > 0
                && para.toks[a - 1].kind == TokenKind::Word
                && (is_cap(&para.toks[a - 1])
                    || (a >= 2
                        && is_connector(&lower(&para.toks[a - 1]))
                        && is_cap(&para.toks[a - 2])))
            {
                a -= 1;
            }
            // Not across a capitalised sentence opener (`Shares of …`).
            if a < k && starts_sentence(para, a) && k - a > 1 {
                let first = fold_for_match(&para.toks[a].text);
                let lx = lexicon();
                if !lx.places.contains_key(&first) && !lx.first_names.contains(&first) {
                    a += 1;
                    while a < k && is_connector(&lower(&para.toks[a])) {
                        a += 1;
                    }
                }
            }
            if a < k {
                raws.retain(|r| !(r.p == p && r.a < k && a < r.b));
                raws.push(Raw {
                    p,
                    a,
                    b: k,
                    ty: EntityType::Org,
                    role: None,
                    ticker: Some(ticker),
                    acronym: None,
                });
            }
        }
    }
}

/// The capitals of a name's words, skipping `of`, `and`, `the` (`OPEC` from `Organization of
/// Petroleum Exporting Countries`).
fn initials(toks: &[Token]) -> String {
    toks.iter()
        .filter(|t| is_cap(t))
        .flat_map(|t| {
            // `Inter-American` gives `IA`.
            t.text
                .split('-')
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `Long Name (ACR)`: the acronym names what the long form names, and later mentions of it
/// join the same entity.
fn define_acronyms(paras: &[Para], raws: &mut Vec<Raw>) {
    for (p, para) in paras.iter().enumerate() {
        let toks = &para.toks;
        for k in 1..toks.len().saturating_sub(2) {
            if toks[k].text != "(" || toks[k + 2].text != ")" {
                continue;
            }
            let acr_tok = &toks[k + 1];
            let acr: String = acr_tok.text.chars().filter(|c| *c != '.').collect();
            if acr.chars().count() < 2
                || !acr.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                continue;
            }
            // The long form: the capitalised run before the bracket.
            let mut a = k;
            while a > 0
                && toks[a - 1].kind == TokenKind::Word
                && (is_cap(&toks[a - 1])
                    || (a >= 2 && is_connector(&lower(&toks[a - 1])) && is_cap(&toks[a - 2])))
            {
                a -= 1;
            }
            // Find the shortest tail of the run whose initials spell the acronym.
            let Some(start) = (a..k).rev().find(|&s| initials(&toks[s..k]) == acr) else {
                continue;
            };
            let long_ty = raws
                .iter()
                .find(|r| r.p == p && r.a < k && start < r.b)
                .map_or(EntityType::Org, |r| r.ty);
            raws.retain(|r| !(r.p == p && r.a < k + 2 && start < r.b));
            for (a, b) in [(start, k), (k + 1, k + 2)] {
                raws.push(Raw {
                    p,
                    a,
                    b,
                    ty: long_ty,
                    role: None,
                    ticker: None,
                    acronym: Some(acr_tok.text.clone()),
                });
            }
        }
    }
}

/// Later occurrences of names the tagger found once: a defined acronym, a name of two or more
/// words, and the last word of a person's full name (`Atmar said`) become mentions too.
fn propagate(paras: &[Para], raws: &mut Vec<Raw>, lowercase: &HashMap<String, usize>) {
    // Token texts -> (type, acronym).
    let mut names: Vec<(Vec<String>, EntityType, Option<String>)> = Vec::new();
    for r in raws.iter() {
        let toks = &paras[r.p].toks[r.a..r.b];
        let texts: Vec<String> = toks.iter().map(|t| t.text.clone()).collect();
        if r.acronym.is_some() || texts.len() > 1 {
            names.push((texts.clone(), r.ty, r.acronym.clone()));
        }
        if r.ty == EntityType::Per && texts.len() > 1 {
            let last = &toks[toks.len() - 1];
            let f = fold_for_match(&last.text);
            let plain = is_cap(last)
                && last.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !is_pronoun(last)
                && !contains(SENTENCE_WORDS, &f)
                && !lowercase.contains_key(&f);
            if plain {
                names.push((vec![last.text.clone()], EntityType::Per, None));
            }
        }
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.0.len()));
    names.dedup_by(|x, y| x.0 == y.0);
    for (p, para) in paras.iter().enumerate() {
        let toks = &para.toks;
        let mut k = 0;
        while k < toks.len() {
            let hit = names.iter().find(|(texts, _, _)| {
                k + texts.len() <= toks.len()
                    && texts.iter().zip(&toks[k..]).all(|(t, tok)| *t == tok.text)
            });
            let Some((texts, ty, acronym)) = hit else {
                k += 1;
                continue;
            };
            let (a, b) = (k, k + texts.len());
            let covered = raws.iter().any(|r| r.p == p && r.a < b && a < r.b);
            // Not a piece of a longer capitalised name (`Atmar Street`).
            let inside_name = (a > 0 && is_cap(&toks[a - 1]) && !starts_sentence(para, a))
                || toks
                    .get(b)
                    .is_some_and(|t| is_cap(t) && t.kind == TokenKind::Word);
            if !covered && !inside_name {
                raws.push(Raw {
                    p,
                    a,
                    b,
                    ty: *ty,
                    role: None,
                    ticker: None,
                    acronym: acronym.clone(),
                });
            }
            k = b;
        }
    }
}

/// A cluster of mentions while merging.
struct Cluster {
    names: Vec<String>,
    forms: Vec<String>,
    types: BTreeMap<EntityType, usize>,
    first_ty: EntityType,
    canonical: Option<String>,
    role: Option<String>,
    mentions: Vec<Span>,
    /// A company: named with a ticker or a suffix such as `Corp`.
    company: bool,
}

impl Cluster {
    fn is_person(&self) -> bool {
        self.ty() == EntityType::Per
    }

    /// The majority type; the first mention's type breaks ties.
    fn ty(&self) -> EntityType {
        let best = self.types.values().copied().max().unwrap_or(0);
        if self.types.get(&self.first_ty) == Some(&best) {
            return self.first_ty;
        }
        self.types
            .iter()
            .find(|(_, &n)| n == best)
            .map_or(self.first_ty, |(t, _)| *t)
    }

    /// The longest person name, or the first name otherwise (unless fixed by a variant table
    /// or an acronym).
    fn name(&self) -> String {
        if let Some(c) = &self.canonical {
            return c.clone();
        }
        if self.is_person() {
            let mut best = &self.names[0];
            for n in &self.names {
                if n.split_whitespace().count() > best.split_whitespace().count() {
                    best = n;
                }
            }
            return best.clone();
        }
        self.names[0].clone()
    }
}

/// Merges an article's mentions into entities: the same name (or a well-known variant of it),
/// a lone first or last word of an earlier person's name, and an acronym with its long form.
pub fn group(mentions: &[Mention]) -> Vec<Entity> {
    let lx = lexicon();
    // Folded long form or acronym -> acronym.
    let acronyms: HashMap<String, String> = mentions
        .iter()
        .filter_map(|m| {
            m.acronym
                .as_ref()
                .map(|a| (fold_for_match(&m.name), a.clone()))
        })
        .collect();
    let mut clusters: Vec<Cluster> = Vec::new();
    for m in mentions {
        let folded = fold_for_match(&m.name);
        let variant = lx.variants.get(&folded).copied();
        let acronym = acronyms.get(&folded).cloned();
        let canonical = acronym.clone().or_else(|| variant.map(|v| v.0.to_string()));
        let key = canonical.as_deref().map_or(folded.clone(), fold_for_match);
        let ty = variant.map_or(m.ty, |v| v.1);
        let single = !m.name.contains(' ');
        let found = clusters
            .iter()
            .position(|c| c.forms.contains(&key) || c.forms.contains(&folded))
            .or_else(|| {
                // `Atmar` after `Haneef Atmar`; `Wang` after `Wang Yi`.
                if !single || canonical.is_some() {
                    return None;
                }
                let mergeable = matches!(m.ty, EntityType::Per | EntityType::Org)
                    || !lx.places.contains_key(&folded);
                // `Rovers` after `Velmora Rovers`, when both are organisations; `Harrow` after
                // `Harrow Freight Corp <HFC.N>` whatever the tagger made of it.
                let org = m.ty == EntityType::Org;
                clusters.iter().rposition(|c| {
                    let company_first = c.company
                        && c.names.iter().any(|n| {
                            n.split_whitespace().next().map(fold_for_match).as_ref()
                                == Some(&folded)
                        });
                    company_first
                        || (mergeable
                            && (c.is_person() || (org && c.ty() == EntityType::Org))
                            && c.names.iter().any(|n| {
                                let words: Vec<String> =
                                    n.split_whitespace().map(fold_for_match).collect();
                                words.len() > 1
                                    && (words[0] == folded || words[words.len() - 1] == folded)
                            }))
                })
            })
            .or_else(|| {
                // `Haneef Atmar` after a lone `Atmar`: the longer name takes the cluster.
                let words: Vec<String> = m.name.split_whitespace().map(fold_for_match).collect();
                if m.ty != EntityType::Per || words.len() < 2 {
                    return None;
                }
                clusters.iter().rposition(|c| {
                    c.is_person()
                        && c.names.iter().all(|n| !n.contains(' '))
                        && c.forms
                            .iter()
                            .any(|f| *f == words[0] || *f == words[words.len() - 1])
                })
            });
        let idx = match found {
            Some(i) => i,
            None => {
                clusters.push(Cluster {
                    names: Vec::new(),
                    forms: Vec::new(),
                    types: BTreeMap::new(),
                    first_ty: ty,
                    canonical: None,
                    role: None,
                    mentions: Vec::new(),
                    company: false,
                });
                clusters.len() - 1
            }
        };
        let c = &mut clusters[idx];
        if c.canonical.is_none() {
            c.canonical = canonical;
        }
        for n in [Some(m.name.clone()), m.ticker.clone()]
            .into_iter()
            .flatten()
        {
            if !c.names.contains(&n) {
                c.names.push(n);
            }
        }
        for f in [folded, key] {
            if !c.forms.contains(&f) {
                c.forms.push(f);
            }
        }
        if let Some(t) = &m.ticker {
            c.forms.push(fold_for_match(t));
        }
        *c.types.entry(ty).or_default() += 1;
        if c.role.is_none() {
            c.role = m.role.clone();
        }
        let suffix = m.name.split_whitespace().last().is_some_and(|w| {
            matches!(
                w.to_lowercase().trim_end_matches('.'),
                "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "corporation" | "company" | "group"
            )
        });
        c.company |= m.ticker.is_some() || (ty == EntityType::Org && suffix);
        c.mentions.push(m.span);
    }
    let mut out: Vec<Entity> = clusters
        .into_iter()
        .map(|c| {
            let ty = c.ty();
            let name = c.name();
            let aliases = c.names.iter().filter(|n| **n != name).cloned().collect();
            let mut mentions = c.mentions.clone();
            mentions.sort_by_key(|s| (s.paragraph, s.start));
            Entity {
                id: entity_id(ty.kind(), &name),
                name,
                ty,
                aliases,
                role: c.role,
                mentions,
            }
        })
        .collect();
    out.sort_by_key(|e| e.mentions.first().map(|s| (s.paragraph, s.start)));
    // Two clusters that end up with one id (a variant written two ways) become one.
    let mut merged: Vec<Entity> = Vec::new();
    for e in out {
        if let Some(prev) = merged.iter_mut().find(|p| p.id == e.id) {
            for a in e.aliases {
                if !prev.aliases.contains(&a) && a != prev.name {
                    prev.aliases.push(a);
                }
            }
            prev.mentions.extend(e.mentions);
            prev.mentions.sort_by_key(|s| (s.paragraph, s.start));
            if prev.role.is_none() {
                prev.role = e.role;
            }
        } else {
            merged.push(e);
        }
    }
    merged
}
