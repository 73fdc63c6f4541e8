//! The word lists the tagger and the extractor consult: places (generated from GeoNames data,
//! `data/places.txt`), first names (US Census, `data/first_names.txt`), and short hand-written
//! lists of role modifiers, organisation and place cue words and well-known name variants;
//! titles and pronouns come from `lede_text::word_lists`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use lede_text::fold_for_match;
/// The shared titles (fingerprinted below) and pronouns (never entities).
pub(crate) use lede_text::word_lists::{PRONOUNS, TITLES};

use crate::tag::EntityType;

const PLACES: &str = include_str!("../data/places.txt");
const FIRST_NAMES: &str = include_str!("../data/first_names.txt");

/// Place kinds as bits of a gazetteer entry.
pub(crate) const COUNTRY: u8 = 1;
/// A city (capitals and cities of 100,000 people or more).
pub(crate) const CITY: u8 = 2;
/// A region: US states and the hand-written regions.
pub(crate) const REGION: u8 = 4;
/// A continent.
pub(crate) const CONTINENT: u8 = 8;

/// Place names added by hand to the generated list: short forms and parts of countries that
/// GeoNames lists under another name or not at all.
const EXTRA_PLACES: &[(&str, u8)] = &[
    ("U.S.", COUNTRY),
    ("US", COUNTRY),
    ("USA", COUNTRY),
    ("U.S.A.", COUNTRY),
    ("America", COUNTRY),
    ("Britain", COUNTRY),
    ("Great Britain", COUNTRY),
    ("UK", COUNTRY),
    ("U.K.", COUNTRY),
    ("England", COUNTRY),
    ("Scotland", COUNTRY),
    ("Wales", COUNTRY),
    ("Northern Ireland", REGION),
    ("Holland", COUNTRY),
    ("Netherlands", COUNTRY),
    ("Czech Republic", COUNTRY),
    ("Burma", COUNTRY),
    ("East Timor", COUNTRY),
    ("Macedonia", COUNTRY),
    ("Swaziland", COUNTRY),
    ("Zaire", COUNTRY),
    ("Soviet Union", COUNTRY),
    ("Yugoslavia", COUNTRY),
    ("Middle East", REGION),
    ("Gulf", REGION),
    ("Persian Gulf", REGION),
    ("Balkans", REGION),
    ("Caribbean", REGION),
    ("Scandinavia", REGION),
    ("Siberia", REGION),
    ("Kashmir", REGION),
    ("Tibet", REGION),
    ("Chechnya", REGION),
    ("Kurdistan", REGION),
    ("West Bank", REGION),
    ("Gaza", REGION),
    ("Gaza Strip", REGION),
    ("Golan Heights", REGION),
    ("Latin America", REGION),
    ("Central America", REGION),
    ("Southeast Asia", REGION),
    ("Central Asia", REGION),
    ("Eastern Europe", REGION),
    ("Western Europe", REGION),
    ("Central Europe", REGION),
    ("Asia-Pacific", REGION),
    ("Pacific", REGION),
    ("Atlantic", REGION),
    ("Mediterranean", REGION),
    ("Arctic", REGION),
];

/// Words that make a role out of the title after them (`Foreign Minister`, `Prime Minister`,
/// `Deputy`, `Vice`), lowercased. They are part of a role only before a title.
pub(crate) const ROLE_MODIFIERS: &[&str] = &[
    "foreign",
    "finance",
    "defence",
    "defense",
    "interior",
    "trade",
    "economy",
    "economic",
    "justice",
    "health",
    "education",
    "agriculture",
    "energy",
    "environment",
    "labour",
    "labor",
    "culture",
    "transport",
    "home",
    "prime",
    "deputy",
    "vice",
    "acting",
    "former",
    "chief",
    "first",
    "state",
    "junior",
    "senior",
    "executive",
    "general",
    "attorney",
    "managing",
    "army",
    "police",
    "party",
    "opposition",
    "interim",
    "outgoing",
    "incoming",
    "presidential",
    "white",
    "house",
    "cabinet",
    "industry",
    "fisheries",
    "treasury",
    "information",
    "communications",
    "of",
    "for",
    "the",
    "and",
];

/// Demonyms and religions, folded: words that name a people or a faith, never one person, an
/// organisation or a place (`Muslim`, `Afghan`, `Chinese`; a plural `s` is allowed).
pub(crate) const DEMONYMS: &[&str] = &[
    "muslim",
    "christian",
    "jew",
    "jewish",
    "hindu",
    "buddhist",
    "sikh",
    "catholic",
    "protestant",
    "orthodox",
    "evangelical",
    "mormon",
    "sunni",
    "shia",
    "shiite",
    "shi'ite",
    "islamic",
    "islamist",
    "jihadist",
    "arab",
    "afghan",
    "african",
    "albanian",
    "algerian",
    "american",
    "argentine",
    "argentinian",
    "armenian",
    "asian",
    "australian",
    "austrian",
    "bangladeshi",
    "belgian",
    "bolivian",
    "bosnian",
    "brazilian",
    "british",
    "bulgarian",
    "burmese",
    "canadian",
    "chilean",
    "chinese",
    "colombian",
    "croatian",
    "cuban",
    "czech",
    "danish",
    "dutch",
    "egyptian",
    "english",
    "ethiopian",
    "european",
    "filipino",
    "finnish",
    "french",
    "georgian",
    "german",
    "greek",
    "hungarian",
    "indian",
    "indonesian",
    "iranian",
    "iraqi",
    "irish",
    "israeli",
    "italian",
    "japanese",
    "jordanian",
    "kenyan",
    "korean",
    "kurdish",
    "kurd",
    "kuwaiti",
    "latino",
    "lebanese",
    "libyan",
    "malaysian",
    "mexican",
    "moroccan",
    "nigerian",
    "norwegian",
    "pakistani",
    "palestinian",
    "pashtun",
    "persian",
    "peruvian",
    "polish",
    "portuguese",
    "romanian",
    "russian",
    "rohingya",
    "saudi",
    "scottish",
    "serbian",
    "somali",
    "spanish",
    "sudanese",
    "swedish",
    "swiss",
    "syrian",
    "taiwanese",
    "taliban",
    "thai",
    "tibetan",
    "turkish",
    "ukrainian",
    "uzbek",
    "uighur",
    "uyghur",
    "venezuelan",
    "vietnamese",
    "welsh",
    "yemeni",
    "zimbabwean",
];

/// Words that end or mark an organisation's name, lowercased.
pub(crate) const ORG_CUES: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "group",
    "holdings",
    "bank",
    "ministry",
    "party",
    "council",
    "agency",
    "university",
    "exchange",
    "association",
    "federation",
    "union",
    "committee",
    "commission",
    "institute",
    "foundation",
    "company",
    "airlines",
    "airways",
    "motors",
    "industries",
    "international",
    "organization",
    "organisation",
    "department",
    "court",
    "assembly",
    "parliament",
    "congress",
    "senate",
    "army",
    "navy",
    "police",
    "office",
    "board",
    "fund",
    "club",
    "team",
    "united",
    "city",
    "rovers",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "network",
    "systems",
    "technologies",
    "partners",
    "securities",
    "capital",
    "trust",
    "authority",
    "service",
    "services",
    "front",
    "movement",
    "alliance",
    "league",
    "society",
    "church",
    "school",
    "college",
    "hospital",
    "reserve",
    "treasury",
    "cabinet",
    "government",
    // Clubs, companies and newspapers that read like a person's name (`Brennick Athletic`).
    "athletic",
    "wanderers",
    "fc",
    "freight",
    "foods",
    "bancorp",
    "insurance",
    "herald",
    "tribune",
    "gazette",
    "telegraph",
    "initiative",
];

/// Trade words that end a company's name (`Ardent Steelworks`, `Sarrow Ferries`), lowercased:
/// read only by the repair that retypes a "person" ending in one, never by the tagger's
/// features (so not in the model's fingerprint). Plural or mass nouns no surname is.
pub(crate) const COMPANY_HEADS: &[&str] = &[
    "steelworks",
    "ironworks",
    "ferries",
    "railways",
    "railroad",
    "shipping",
    "shipyards",
    "breweries",
    "brewery",
    "distillers",
    "bakeries",
    "chemicals",
    "pharmaceuticals",
    "petroleum",
    "textiles",
    "logistics",
    "utilities",
    "enterprises",
    "electronics",
    "laboratories",
    "telecom",
    "telecommunications",
    "mining",
    "refineries",
    "airport",
    "hotels",
    "resorts",
    "motorways",
];

/// Words that end a place's name (`River`, `Province`), lowercased.
pub(crate) const LOC_CUES: &[&str] = &[
    "river",
    "mountains",
    "mountain",
    "mount",
    "lake",
    "sea",
    "ocean",
    "island",
    "islands",
    "bay",
    "valley",
    "province",
    "region",
    "county",
    "state",
    "district",
    "street",
    "avenue",
    "square",
    "airport",
    "port",
    "strait",
    "peninsula",
    "desert",
    "coast",
    "gulf",
    "canal",
    "park",
    "city",
    "town",
    "village",
    "heights",
    "hills",
];

/// Words that, before a capitalised name, make it a named storm (`Storm Ilka`, `Hurricane
/// Katrina`): an event, never a person or place. Not among the model's features.
pub(crate) const STORM_WORDS: &[&str] = &["storm", "hurricane", "typhoon", "cyclone"];

/// Well-known names written in several ways: every variant, lowercased, maps to the canonical
/// name and its type.
const VARIANTS: &[(&str, EntityType, &[&str])] = &[
    (
        "United States",
        EntityType::Loc,
        &[
            "u.s.",
            "us",
            "usa",
            "u.s.a.",
            "united states",
            "united states of america",
            "america",
        ],
    ),
    (
        "United Kingdom",
        EntityType::Loc,
        &["u.k.", "uk", "united kingdom", "britain", "great britain"],
    ),
    (
        "United Nations",
        EntityType::Org,
        &["u.n.", "un", "united nations"],
    ),
    (
        "European Union",
        EntityType::Org,
        &["e.u.", "eu", "european union"],
    ),
    (
        "NATO",
        EntityType::Org,
        &[
            "nato",
            "north atlantic treaty organization",
            "north atlantic treaty organisation",
        ],
    ),
    (
        "Soviet Union",
        EntityType::Loc,
        &["soviet union", "ussr", "u.s.s.r."],
    ),
];

/// The loaded lists.
pub(crate) struct Lexicon {
    /// Folded place name (tokens joined by one space) -> kind bits.
    pub places: HashMap<String, u8>,
    /// Most tokens in a place name.
    pub max_place_tokens: usize,
    /// Folded first names.
    pub first_names: HashSet<String>,
    /// Folded variant -> canonical name.
    pub variants: HashMap<String, (&'static str, EntityType)>,
}

/// The lists, loaded once.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(load)
}

/// The gazetteer key of some tokens: folded and joined by one space.
pub(crate) fn key<S: AsRef<str>>(tokens: &[S]) -> String {
    let mut out = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&fold_for_match(t.as_ref()));
    }
    out
}

fn load() -> Lexicon {
    let mut places: HashMap<String, u8> = HashMap::new();
    let mut max_place_tokens = 1;
    let mut add = |name: &str, bits: u8| {
        let toks: Vec<String> = crate::tokenize::tokenize(name)
            .into_iter()
            .map(|t| t.text)
            .collect();
        if toks.is_empty() {
            return;
        }
        max_place_tokens = max_place_tokens.max(toks.len());
        *places.entry(key(&toks)).or_insert(0) |= bits;
    };
    for line in PLACES.lines().filter(|l| !l.starts_with('#')) {
        let Some((kind, name)) = line.split_once('\t') else {
            continue;
        };
        let bits = match kind {
            "country" => COUNTRY,
            "city" => CITY,
            "region" => REGION,
            "continent" => CONTINENT,
            _ => continue,
        };
        add(name, bits);
    }
    for &(name, bits) in EXTRA_PLACES {
        add(name, bits);
    }
    let first_names = FIRST_NAMES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| fold_for_match(l.trim()))
        .collect();
    let mut variants = HashMap::new();
    for &(canonical, ty, forms) in VARIANTS {
        for &f in forms {
            variants.insert(f.to_string(), (canonical, ty));
        }
    }
    Lexicon {
        places,
        max_place_tokens: max_place_tokens.min(6),
        first_names,
        variants,
    }
}

/// A fingerprint of every list the features read, stored in the model file so that a model is
/// never used with lists it was not trained with.
pub(crate) fn fingerprint() -> u64 {
    let mut h = crate::hash::Fnv::new();
    h.write(PLACES.as_bytes());
    h.write(FIRST_NAMES.as_bytes());
    for &(name, bits) in EXTRA_PLACES {
        h.write(name.as_bytes());
        h.write(&[bits]);
    }
    for list in [TITLES, ORG_CUES, LOC_CUES] {
        for w in list {
            h.write(w.as_bytes());
            h.write(&[0]);
        }
        h.write(&[1]);
    }
    h.finish()
}

/// True when `lower` (a lowercased word) is in `list`.
pub(crate) fn contains(list: &[&str], lower: &str) -> bool {
    list.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_lists_load() {
        let lx = lexicon();
        assert!(lx.places.len() > 5000, "{}", lx.places.len());
        assert_eq!(lx.places.get("kabul").copied().unwrap_or(0) & CITY, CITY);
        assert_eq!(lx.places.get("new zealand"), Some(&COUNTRY));
        assert_ne!(lx.places.get("u.s.").copied().unwrap_or(0), 0);
        assert!(lx.first_names.contains("mary"));
        assert!(lx.first_names.len() > 4000);
        assert_eq!(lx.variants.get("usa").map(|v| v.0), Some("United States"));
    }
}
