//! The colour theme: the system's (`prefers-color-scheme`), light or dark, chosen with a header
//! button and remembered in `localStorage` (never in the URL hash, which holds only the view).

use leptos::prelude::*;

/// The `localStorage` key that holds the chosen theme (namespaced: a host page shares it).
pub const THEME_STORAGE_KEY: &str = "lede-theme";

/// The colour theme the reader chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system's light or dark preference.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The theme a stored value names; anything else (or nothing) is the system's.
    pub fn from_stored(value: Option<&str>) -> Theme {
        match value {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// The value stored for this theme.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The `data-theme` attribute of the app's root: none for the system's theme, so that the
    /// stylesheet follows `prefers-color-scheme`.
    pub fn root_attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// The theme the toggle moves to next: system → light → dark → system.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// The toggle's visible name for this theme.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Auto",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// The theme signal, read from `localStorage` now and written back on every change; provided
/// as context to the components below the caller.
pub fn provide_theme() -> RwSignal<Theme> {
    let storage = window().local_storage().ok().flatten();
    let stored = storage
        .as_ref()
        .and_then(|s| s.get_item(THEME_STORAGE_KEY).ok().flatten());
    let theme = RwSignal::new(Theme::from_stored(stored.as_deref()));
    Effect::new(move |previous: Option<Theme>| {
        let now = theme.get();
        // The first run only reads: a reader who never chose keeps an empty storage.
        if previous.is_some_and(|p| p != now) {
            if let Some(storage) = &storage {
                let _ = storage.set_item(THEME_STORAGE_KEY, now.as_str());
            }
        }
        now
    });
    provide_context(theme);
    theme
}

/// The header button that cycles the theme (system, light, dark) and names the current one.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = expect_context::<RwSignal<Theme>>();
    let title = move || {
        let now = theme.get();
        format!(
            "Colour theme: {} (press for {})",
            now.label().to_ascii_lowercase(),
            now.next().label().to_ascii_lowercase()
        )
    };
    view! {
        <button
            class="lede-theme-toggle"
            type="button"
            data-theme-choice=move || theme.get().as_str()
            title=title
            on:click=move |_| theme.update(|t| *t = t.next())
        >
            <span class="lede-theme-icon" aria-hidden="true">
                {move || match theme.get() {
                    Theme::System => "◐",
                    Theme::Light => "☀",
                    Theme::Dark => "☾",
                }}
            </span>
            " Theme: "
            {move || theme.get().label()}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_round_trip_and_unknown_ones_follow_the_system() {
        for theme in [Theme::System, Theme::Light, Theme::Dark] {
            assert_eq!(Theme::from_stored(Some(theme.as_str())), theme);
        }
        assert_eq!(Theme::from_stored(None), Theme::System);
        assert_eq!(Theme::from_stored(Some("sepia")), Theme::System);
    }

    #[test]
    fn the_toggle_cycles_through_all_three() {
        assert_eq!(Theme::System.next(), Theme::Light);
        assert_eq!(Theme::Light.next(), Theme::Dark);
        assert_eq!(Theme::Dark.next(), Theme::System);
    }

    #[test]
    fn only_a_chosen_theme_marks_the_root() {
        assert_eq!(Theme::System.root_attribute(), None);
        assert_eq!(Theme::Light.root_attribute(), Some("light"));
        assert_eq!(Theme::Dark.root_attribute(), Some("dark"));
    }
}
