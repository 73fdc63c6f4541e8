//! The input formats and the names `--format` takes for them.

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Raw scraped text, one article per file (masthead, doubled headline, dateline, source tag).
    Raw,
    /// A JSON document: an array of articles, an object holding one, or one article.
    Json,
    /// JSON Lines: one article object per line.
    Jsonl,
    /// Reuters-21578 SGML.
    Reuters,
    /// A PolNeAR text file with its `metadata.tsv`.
    Polnear,
}

impl Format {
    /// Every format, in the order `--format` lists them.
    pub const ALL: [Format; 5] = [
        Format::Raw,
        Format::Json,
        Format::Jsonl,
        Format::Reuters,
        Format::Polnear,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Raw => "raw",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Reuters => "reuters",
            Format::Polnear => "polnear",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| format!("unknown format \"{s}\" (raw, json, jsonl, reuters, polnear)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert!("xml".parse::<Format>().is_err());
    }
}
