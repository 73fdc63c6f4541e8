//! The genders an article's pronouns give the names they resolve to, so that `she` never
//! points back at a name `he` stood for (no list of first names: only what the text says).

/// The genders an article's pronouns gave its names: `he` said once for a name, `she` never
/// points back at it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Genders(Vec<(String, bool)>);

impl Genders {
    /// Remembers that a pronoun of gender `female` (none for `it`, `they`) stood for `name`.
    pub(super) fn learn(&mut self, name: &str, female: Option<bool>) {
        if let Some(f) = female {
            if !self.0.iter().any(|(n, _)| n == name) {
                self.0.push((name.to_string(), f));
            }
        }
    }

    /// False when `name` is known to be of the other gender than `female`.
    pub(super) fn agrees(&self, name: &str, female: Option<bool>) -> bool {
        female.is_none_or(|f| !self.0.iter().any(|(n, g)| n == name && *g != f))
    }
}

/// The gender a lowercased pronoun gives: `she` female, `he` male, none for the others.
pub(super) fn pronoun_gender(pronoun: &str) -> Option<bool> {
    match pronoun {
        "she" => Some(true),
        "he" => Some(false),
        _ => None,
    }
}
