//! What the reader shows about one article's quotations: its speakers in order of first
//! quotation with a colour each, the evidence of each attribution, the paragraphs a quotation
//! runs across, and the step through the find marks.

use lede_corpus::{Article, Quote, Speaker, SpeakerKind};
use lede_text::{collapse_whitespace, fold_for_match};

use crate::quotes::Evidence;

/// How many speaker colours the palette has (`--lede-speaker-1` … `--lede-speaker-8`); the
/// ninth speaker shares the first one's colour, told apart by the name beside it.
pub const SPEAKER_COLOURS: usize = 8;

/// One speaker of an article, as the reader's legend lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendSpeaker {
    /// The speaker's name (`None`: the unattributed quotations).
    pub name: Option<String>,
    /// The speaker's entity id, when known.
    pub entity: Option<String>,
    /// The palette slot, `0..SPEAKER_COLOURS` (`None`: unattributed, the neutral colour).
    pub colour: Option<usize>,
    /// The speaker's quotations (numbered as `Article::quotations` numbers them), ascending.
    pub quotations: Vec<usize>,
}

/// The speakers of one article and which of them said each quotation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerLegend {
    /// The speakers in order of their first quotation; the unattributed ones last.
    pub speakers: Vec<LegendSpeaker>,
    /// For each quotation, its speaker: an index into `speakers`.
    pub of_quotation: Vec<usize>,
}

/// The speaker of the quotation made of `pieces`: the first piece that names one.
fn quotation_speaker<'a>(article: &'a Article, pieces: &[usize]) -> Option<&'a Speaker> {
    pieces
        .iter()
        .find_map(|&p| article.quotes.get(p)?.speaker.as_ref())
}

/// The speakers of `article`, one per entity id (or per folded name when the speaker is no
/// known entity), each with a colour by order of first quotation; quotations without a speaker
/// share one row without a colour.
pub fn speaker_legend(article: &Article) -> SpeakerLegend {
    let mut legend = SpeakerLegend::default();
    let mut keys: Vec<String> = Vec::new();
    let mut unattributed: Vec<usize> = Vec::new();
    let mut of: Vec<Option<usize>> = Vec::new();
    for (quotation, pieces) in article.quotations().iter().enumerate() {
        let Some(speaker) = quotation_speaker(article, pieces) else {
            unattributed.push(quotation);
            of.push(None);
            continue;
        };
        let key = match &speaker.entity {
            Some(id) => format!("e:{id}"),
            None => format!("n:{}", fold_for_match(&collapse_whitespace(&speaker.name))),
        };
        let at = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
            keys.push(key);
            legend.speakers.push(LegendSpeaker {
                name: Some(speaker.name.to_string()),
                entity: speaker.entity.as_deref().map(str::to_string),
                colour: Some((keys.len() - 1) % SPEAKER_COLOURS),
                quotations: Vec::new(),
            });
            keys.len() - 1
        });
        legend.speakers[at].quotations.push(quotation);
        of.push(Some(at));
    }
    let none = legend.speakers.len();
    if !unattributed.is_empty() {
        legend.speakers.push(LegendSpeaker {
            name: None,
            entity: None,
            colour: None,
            quotations: unattributed,
        });
    }
    legend.of_quotation = of.into_iter().map(|s| s.unwrap_or(none)).collect();
    legend
}

/// The evidence of the quotation made of `pieces` (indices into `article.quotes`): the first
/// cue among its pieces, the words its speaker's span covers when they differ from the
/// speaker's name and the mentions the extractor followed from them to the name, whether the
/// speaker is a description, and the confidence in percent.
pub fn quotation_evidence(article: &Article, pieces: &[usize]) -> Evidence {
    let quotes: Vec<&Quote> = pieces
        .iter()
        .filter_map(|&p| article.quotes.get(p))
        .collect();
    let cue = quotes
        .iter()
        .find_map(|q| q.cue.as_ref())
        .map(|c| c.text.to_string());
    let speaker = quotation_speaker(article, pieces);
    let name = speaker
        .map(|s| collapse_whitespace(&s.name))
        .unwrap_or_default();
    let resolved_from = speaker.and_then(|s| {
        let text = collapse_whitespace(&span_text(article, s.span?)?);
        (!text.is_empty() && text != name).then_some(text)
    });
    let via = match (&resolved_from, speaker) {
        (Some(from), Some(s)) => s
            .resolved_from
            .iter()
            .map(|m| collapse_whitespace(&m.text))
            .filter(|t| t != &name && t != from)
            .collect(),
        _ => Vec::new(),
    };
    Evidence {
        cue,
        resolved_from,
        via,
        confidence: speaker
            .and_then(|s| s.confidence)
            .map(|c| (c.clamp(0.0, 1.0) * 100.0).round() as u8),
        description: speaker.is_some_and(|s| s.kind == Some(SpeakerKind::Description)),
    }
}

/// The text at `span` of `article`, when the span is inside a paragraph.
fn span_text(article: &Article, span: lede_corpus::Span) -> Option<String> {
    let paragraph = article.paragraphs.get(span.paragraph)?;
    Some(
        paragraph
            .chars()
            .skip(span.start)
            .take(span.end.saturating_sub(span.start))
            .collect(),
    )
}

/// Where a paragraph stands in a quotation that runs across paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// The quotation.
    pub quotation: usize,
    /// The paragraph where it starts.
    pub first: bool,
    /// The paragraph where it ends.
    pub last: bool,
}

/// For each paragraph of `article`, the quotation running across paragraphs that holds it
/// (from its first piece's paragraph to its last's, the paragraphs between included), so that
/// the reader can draw one rule beside them; a paragraph two such quotations reach belongs to
/// the earlier one.
pub fn paragraph_runs(article: &Article) -> Vec<Option<Run>> {
    let mut runs: Vec<Option<Run>> = vec![None; article.paragraphs.len()];
    for (quotation, pieces) in article.quotations().iter().enumerate() {
        let paragraphs = pieces.iter().filter_map(|&p| article.quotes.get(p));
        let (Some(from), Some(to)) = (
            paragraphs.clone().map(|q| q.paragraph).min(),
            paragraphs.map(|q| q.paragraph).max(),
        ) else {
            continue;
        };
        let to = to.min(runs.len().saturating_sub(1));
        if from >= to {
            continue;
        }
        let free: Vec<usize> = (from..=to).filter(|&p| runs[p].is_none()).collect();
        for (i, &p) in free.iter().enumerate() {
            runs[p] = Some(Run {
                quotation,
                first: i == 0,
                last: i + 1 == free.len(),
            });
        }
    }
    runs
}

/// The find mark to go to from `current` among `count` marks: the next (or previous) one,
/// wrapping around; the first (or last) when none is current; `None` when there are none.
pub fn find_step(current: Option<usize>, count: usize, forward: bool) -> Option<usize> {
    if count == 0 {
        return None;
    }
    Some(match (current.map(|i| i.min(count - 1)), forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(i), true) => (i + 1) % count,
        (Some(i), false) => (i + count - 1) % count,
    })
}

#[cfg(test)]
mod tests;
