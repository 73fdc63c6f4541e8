//! The date histogram of a set of articles: counts per year, month or day, the unit chosen by
//! the span of their dates so that a narrow range shows days and a wide one years.

use lede_corpus::{Corpus, Date};

/// The unit of a histogram's buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// One bucket per calendar year.
    Year,
    /// One bucket per calendar month.
    Month,
    /// One bucket per day.
    Day,
}

/// One bucket: the year, month or day it covers and how many articles fall in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// The period, as a `Date` of the histogram's granularity (`2024`, `2024-07`, `2024-07-01`).
    pub period: Date,
    /// Articles whose date falls in it.
    pub count: usize,
}

/// Counts of articles per period, every period from the first dated article to the last
/// (empty ones included, so bars line up with time), plus the undated ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    /// The unit of the buckets.
    pub granularity: Granularity,
    /// The buckets in time order, contiguous.
    pub buckets: Vec<Bucket>,
    /// Articles without a date (or with one that does not parse).
    pub undated: usize,
}

/// More days than this between the first and last date: months instead of days.
const MAX_DAYS: i32 = 92;
/// More months than this: years instead of months.
const MAX_MONTHS: i32 = 36;

/// The histogram of the dates of `articles` (indices into `corpus.articles`). An article dated
/// only by year or month counts in the first bucket its date covers.
pub fn histogram(corpus: &Corpus, articles: &[usize]) -> Histogram {
    let mut days = Vec::with_capacity(articles.len());
    let mut undated = 0;
    for &i in articles {
        match corpus
            .articles
            .get(i)
            .and_then(|a| a.date.as_deref())
            .and_then(|d| Date::parse(d).ok())
        {
            Some(d) => days.push(d.first_day()),
            None => undated += 1,
        }
    }
    let (Some(&lo), Some(&hi)) = (days.iter().min(), days.iter().max()) else {
        return Histogram {
            granularity: Granularity::Year,
            buckets: Vec::new(),
            undated,
        };
    };
    let (first, last) = (day(lo), day(hi));
    let months = |d: &Date| d.year() as i32 * 12 + d.month().unwrap_or(1) as i32 - 1;
    let granularity = if hi - lo <= MAX_DAYS {
        Granularity::Day
    } else if months(&last) - months(&first) <= MAX_MONTHS {
        Granularity::Month
    } else {
        Granularity::Year
    };
    // Bucket index of a day number, and the buckets from the first period to the last.
    let slot = |d: i32| -> usize {
        let date = day(d);
        (match granularity {
            Granularity::Day => d - lo,
            Granularity::Month => months(&date) - months(&first),
            Granularity::Year => date.year() as i32 - first.year() as i32,
        }) as usize
    };
    let mut buckets: Vec<Bucket> = (0..=slot(hi))
        .map(|k| Bucket {
            period: period(granularity, &first, lo, k),
            count: 0,
        })
        .collect();
    for d in days {
        buckets[slot(d)].count += 1;
    }
    Histogram {
        granularity,
        buckets,
        undated,
    }
}

/// The day `n` days after 1970-01-01 (always a valid date here: it came from one).
fn day(n: i32) -> Date {
    Date::from_day_number(i64::from(n)).expect("a day number made from a valid date")
}

/// The `k`th period of `granularity` from the one holding `first` (day number `lo`).
fn period(granularity: Granularity, first: &Date, lo: i32, k: usize) -> Date {
    let k = k as u32;
    match granularity {
        Granularity::Day => day(lo + k as i32),
        Granularity::Month => {
            let m = first.month().unwrap_or(1) - 1 + k;
            Date::from_parts(first.year() + m / 12, Some(m % 12 + 1), None)
                .expect("a month within the years of the corpus")
        }
        Granularity::Year => {
            Date::from_parts(first.year() + k, None, None).expect("a year within 0000-9999")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_corpus::Article;

    fn corpus(dates: &[Option<&str>]) -> Corpus {
        Corpus::new(
            dates
                .iter()
                .enumerate()
                .map(|(i, d)| Article {
                    id: format!("a{i}"),
                    title: format!("Article {i}"),
                    date: d.map(Into::into),
                    ..Article::default()
                })
                .collect(),
        )
    }

    fn shape(h: &Histogram) -> Vec<(String, usize)> {
        h.buckets
            .iter()
            .map(|b| (b.period.to_string(), b.count))
            .collect()
    }

    #[test]
    fn a_few_weeks_are_counted_by_day_with_the_empty_days_between() {
        let c = corpus(&[
            Some("2024-02-28"),
            Some("2024-03-01"),
            Some("2024-03-01T09:30:00Z"),
            None,
        ]);
        let h = histogram(&c, &[0, 1, 2, 3]);
        assert_eq!(h.granularity, Granularity::Day);
        assert_eq!(
            shape(&h),
            [
                ("2024-02-28".into(), 1),
                ("2024-02-29".into(), 0),
                ("2024-03-01".into(), 2)
            ]
        );
        assert_eq!(h.undated, 1);
        // Only the articles asked for count.
        assert_eq!(histogram(&c, &[1]).buckets.len(), 1);
    }

    #[test]
    fn months_across_a_year_end_and_years_for_a_long_span() {
        let c = corpus(&[
            Some("2023-11-05"),
            Some("2024-02"),
            Some("2024-02-20"),
            Some("2024"),
        ]);
        let h = histogram(&c, &[0, 1, 2, 3]);
        assert_eq!(h.granularity, Granularity::Month);
        assert_eq!(
            shape(&h),
            [
                ("2023-11".into(), 1),
                ("2023-12".into(), 0),
                ("2024-01".into(), 1),
                ("2024-02".into(), 2)
            ]
        );
        let c = corpus(&[Some("1987-03-01"), Some("1990-06-30"), Some("1987-12-31")]);
        let h = histogram(&c, &[0, 1, 2]);
        assert_eq!(h.granularity, Granularity::Year);
        assert_eq!(
            shape(&h),
            [
                ("1987".into(), 2),
                ("1988".into(), 0),
                ("1989".into(), 0),
                ("1990".into(), 1)
            ]
        );
        let total: usize = h.buckets.iter().map(|b| b.count).sum();
        assert_eq!(total + h.undated, 3);
    }

    #[test]
    fn no_dated_article_gives_no_bucket() {
        let c = corpus(&[None, Some("not a date")]);
        let h = histogram(&c, &[0, 1, 7]);
        assert!(h.buckets.is_empty());
        assert_eq!(h.undated, 3);
    }
}
