//! Reads the PolNeAR corpus (brat standoff `.ann` files, offsets in code points) into
//! articles with their gold attributions.

use std::collections::HashMap;
use std::path::Path;

/// A gold span: one or more fragments `[start, end)` in code points of the whole text.
pub type Fragments = Vec<(usize, usize)>;

/// One gold attribution relation.
#[derive(Debug, Clone)]
pub struct GoldAttribution {
    /// What was said.
    pub content: Fragments,
    /// The content's text as the `.ann` file gives it.
    pub content_text: String,
    /// Who said it, when annotated.
    pub source: Option<Fragments>,
    /// The source's text.
    pub source_text: Option<String>,
}

impl GoldAttribution {
    /// True when the content is a direct quotation: it begins with a double quote mark.
    pub fn is_direct(&self) -> bool {
        self.content_text.trim_start().starts_with(['“', '"'])
    }
}

/// One PolNeAR article with its gold.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// The file stem.
    pub id: String,
    /// The whole text (the title on the first line).
    pub text: String,
    /// The attributions of one annotator (the first by file name when there are two).
    pub attributions: Vec<GoldAttribution>,
}

/// Reads `<data>/<split>/{text,attributions}`; `split` is `train`, `dev` or `test`.
pub fn read_split(data: &Path, split: &str) -> Result<Vec<GoldArticle>, String> {
    let ann_dir = data.join(split).join("attributions");
    let text_dir = data.join(split).join("text");
    let mut anns: Vec<_> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("{}: {e}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for ann in anns {
        let name = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let Some((stem, _annotator)) = name.rsplit_once('_') else {
            return Err(format!("{}: no _<annotator> suffix", ann.display()));
        };
        if !seen.insert(stem.to_string()) {
            continue;
        }
        let text_path = text_dir.join(format!("{stem}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .map_err(|e| format!("{}: {e}", text_path.display()))?;
        let ann_text =
            std::fs::read_to_string(&ann).map_err(|e| format!("{}: {e}", ann.display()))?;
        let attributions = parse_ann(&ann_text).map_err(|e| format!("{}: {e}", ann.display()))?;
        out.push(GoldArticle {
            id: stem.to_string(),
            text,
            attributions,
        });
    }
    Ok(out)
}

/// Parses brat standoff text: `T` lines (label, fragments, text) and `E` lines linking a
/// Content with its Source.
pub fn parse_ann(ann: &str) -> Result<Vec<GoldAttribution>, String> {
    let mut spans: HashMap<&str, (&str, Fragments, &str)> = HashMap::new();
    let mut events: Vec<HashMap<&str, &str>> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or_default();
        let numbered = |prefix: char| {
            id.strip_prefix(prefix)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        // A span's text may hold line breaks: lines that start with no id continue it.
        if numbered('T') {
            let spec = cols.next().ok_or(format!("line {}: no span", n + 1))?;
            let text = cols.next().unwrap_or_default();
            let (label, frags) = spec
                .split_once(' ')
                .ok_or(format!("line {}: bad span {spec:?}", n + 1))?;
            let mut fragments = Vec::new();
            for f in frags.split(';') {
                let (a, b) = f
                    .split_once(' ')
                    .ok_or(format!("line {}: bad fragment {f:?}", n + 1))?;
                let a: usize = a
                    .parse()
                    .map_err(|_| format!("line {}: bad offset", n + 1))?;
                let b: usize = b
                    .parse()
                    .map_err(|_| format!("line {}: bad offset", n + 1))?;
                fragments.push((a, b));
            }
            spans.insert(id, (label, fragments, text));
        } else if numbered('E') {
            let args = cols.next().unwrap_or_default();
            events.push(
                args.split(' ')
                    .filter_map(|a| a.split_once(':'))
                    .map(|(role, t)| (role.trim_end_matches(char::is_numeric), t))
                    .collect(),
            );
        }
    }
    let mut out = Vec::new();
    for e in events {
        let Some((_, content, content_text)) = e.get("Content").and_then(|t| spans.get(t)) else {
            continue;
        };
        let source = e.get("Source").and_then(|t| spans.get(t));
        out.push(GoldAttribution {
            content: content.clone(),
            content_text: content_text.to_string(),
            source: source.map(|s| s.1.clone()),
            source_text: source.map(|s| s.2.to_string()),
        });
    }
    out.sort_by_key(|a| a.content.first().copied());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fragments_and_links() {
        let ann = "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 14;20 25\t“a b” c d\n\
                   T4\tAttribution 3 7\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let gold = parse_ann(ann).unwrap();
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].content, vec![(8, 14), (20, 25)]);
        assert_eq!(gold[0].source, Some(vec![(0, 2)]));
        assert!(gold[0].is_direct());
        assert!(parse_ann("T1\tSource x 2\tHe\n").is_err());
        let wrapped = "T1\tContent 0 3;5 9\tab.\n\nThe rest\nT2\tSource 10 12\tHe\n\
                       E1\tAttribution:T3 Content:T1 Source:T2\n";
        assert_eq!(
            parse_ann(wrapped).unwrap()[0].source_text.as_deref(),
            Some("He")
        );
    }
}
