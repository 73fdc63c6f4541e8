//! The title a page shows for an article: its own, or for an article whose title is blank,
//! "(untitled)" and the first words of its text, so that a link is never empty.

use std::borrow::Cow;

use crate::model::Article;

/// Words of the text an untitled article's title takes.
const UNTITLED_WORDS: usize = 8;

impl Article {
    /// The title to show: the article's own, or "(untitled) " with its first words.
    pub fn display_title(&self) -> Cow<'_, str> {
        if !self.title.trim().is_empty() {
            return Cow::Borrowed(&self.title);
        }
        let words: Vec<&str> = self
            .paragraphs
            .iter()
            .flat_map(|p| p.split_whitespace())
            .take(UNTITLED_WORDS + 1)
            .collect();
        let more = if words.len() > UNTITLED_WORDS {
            "…"
        } else {
            ""
        };
        let first = words[..words.len().min(UNTITLED_WORDS)].join(" ");
        Cow::Owned(format!("(untitled) {first}{more}").trim_end().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_title_shows_the_first_words() {
        let text = "One two three four five six seven eight nine ten.";
        let mut a = Article {
            title: " \t ".into(),
            paragraphs: vec![String::new(), text.into()].into(),
            ..Article::default()
        };
        let first8: Vec<&str> = text.split_whitespace().take(8).collect();
        assert_eq!(
            a.display_title(),
            format!("(untitled) {}…", first8.join(" "))
        );
        a.paragraphs = vec!["Short.".into()].into();
        assert_eq!(a.display_title(), "(untitled) Short.");
        a.title = "Harbour vote".into();
        assert!(matches!(a.display_title(), Cow::Borrowed("Harbour vote")));
    }
}
