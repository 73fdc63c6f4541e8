//! Dates as day ranges: `1987` covers the whole year, `1987-02` the month, `1987-02-26` (with
//! or without a time) the day; filters keep the articles whose range overlaps theirs. The dates
//! are read, and their days counted, by [`lede_corpus::Date`].

use lede_corpus::Date;

/// An inclusive range of days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DayRange {
    /// First day.
    pub lo: i32,
    /// Last day.
    pub hi: i32,
    /// The calendar year of the first day.
    pub year: i32,
}

impl DayRange {
    /// The days `date` covers.
    pub fn of(date: &Date) -> DayRange {
        DayRange {
            lo: date.first_day(),
            hi: date.last_day(),
            year: date.year() as i32,
        }
    }

    /// The days of an ISO 8601 date as [`Date::parse`] reads it (surrounding whitespace
    /// ignored); `None` when it is not a real date.
    pub fn parse(s: &str) -> Option<DayRange> {
        Date::parse(s.trim()).ok().map(|d| DayRange::of(&d))
    }

    /// True when the two ranges share a day.
    pub fn overlaps(&self, other: &DayRange) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_years_months_days_and_times() {
        assert_eq!(DayRange::parse("1970-01-01").unwrap().lo, 0);
        assert_eq!(DayRange::parse("2000-03-01").unwrap().lo, 11_017);
        let y = DayRange::parse("1987").unwrap();
        assert_eq!((y.hi - y.lo, y.year), (364, 1987));
        let m = DayRange::parse("2024-02").unwrap();
        assert_eq!(m.hi - m.lo, 28);
        let d = DayRange::parse("1987-02-26T15:01:01Z").unwrap();
        assert_eq!(d.lo, d.hi);
        assert!(y.overlaps(&d) && m.overlaps(&DayRange::parse("2024-02-29").unwrap()));
        assert!(!m.overlaps(&d));
        for bad in [
            "87",
            "1987-13",
            "1987-02-30",
            "19x7",
            "1987-2-3",
            "1987-02-26junk",
        ] {
            assert_eq!(DayRange::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_valid_date_is_filterable_and_counted_in_the_year_facet() {
        use lede_corpus::{Article, Corpus};
        let article = |id: &str, date: &str| Article {
            id: id.into(),
            title: format!("Harbour news {id}"),
            date: Some(date.into()),
            paragraphs: vec!["The harbour reopened.".into()].into(),
            ..Article::default()
        };
        let corpus = Corpus::new(vec![
            article("leap", "2024-02-29T08:00:00Z"),
            article("before", "2023-02-28"),
            article("year", "2024"),
        ]);
        let index = crate::Index::build(&corpus);
        let mut q = crate::Query::parse("harbour");
        q.date_from = Some("2024-02-29".into());
        q.date_to = Some(" 2024-02-29 ".into());
        let results = index.search(&corpus, &q);
        let mut ids: Vec<&str> = results
            .hits
            .iter()
            .map(|h| corpus.articles[h.article].id.as_str())
            .collect();
        ids.sort_unstable();
        assert_eq!(ids, ["leap", "year"], "the day and the year that holds it");
        let all = index.search(&corpus, &crate::Query::parse("harbour"));
        assert_eq!(all.facets.years, [(2023, 1), (2024, 2)]);
    }
}
