//! Date normalisation: the date shapes article sources use, turned into the ISO 8601 forms the
//! corpus format accepts (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally `THH:MM[:SS[.f]]` and a zone),
//! checked and written by [`lede_corpus::Date`].

use std::sync::LazyLock;

use lede_corpus::date::{Date, DateError, Time, Zone};
use lede_text::word_lists::MONTHS;
use regex::Regex;
use serde_json::{Map, Value};

/// `2024-07-01`, `2024-07-01T10:00:00.000Z`, `2024/7/1 10:00`, `2024-07-01 10:00:00 +0200`.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?P<y>\d{4})(?:[-/](?P<m>\d{1,2})(?:[-/](?P<d>\d{1,2}))?)?(?:(?:T|\s+)(?P<h>\d{1,2}):(?P<min>\d{2})(?::(?P<s>\d{2})(?P<f>\.\d{1,9})?)?)?\s*(?P<z>Z|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    )
    .expect("valid regex")
});

/// `Mon, 01 Jul 2024 10:00:00 GMT`, `1 July 2024`, `26-FEB-1987 15:01:01.79` (Reuters).
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[a-z]+,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?P<mon>[a-z]{3,9})\.?,?[\s-]+(?P<y>\d{4})(?:,?\s+(?P<h>\d{1,2}):(?P<min>\d{2})(?::(?P<s>\d{2})(?P<f>\.\d{1,9})?)?)?\s*(?P<z>Z|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    )
    .expect("valid regex")
});

/// `July 1, 2024`, `Monday, July 1st, 2024`, `Jul 1 2024 10:00`.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[a-z]+,?\s+)?(?P<mon>[a-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?:,?\s+(?P<h>\d{1,2}):(?P<min>\d{2})(?::(?P<s>\d{2})(?P<f>\.\d{1,9})?)?)?\s*(?P<z>Z|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    )
    .expect("valid regex")
});

/// The month number (1-12) of an English month name or abbreviation of at least three letters.
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&lower))
        .map(|i| i as u32 + 1)
}

/// Normalises a date string to ISO 8601, or `None` when the shape is not understood or a part
/// is out of range ([`Date`] checks the parts). Already-ISO dates come back unchanged apart from
/// zone spelling.
pub fn normalise_date(input: &str) -> Option<String> {
    let s = input.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let (caps, month) = if let Some(c) = ISO.captures(s) {
        let month = match c.name("m") {
            Some(m) => Some(m.as_str().parse().ok()?),
            None => None,
        };
        (c, month)
    } else if let Some(c) = DAY_MONTH_YEAR
        .captures(s)
        .or_else(|| MONTH_DAY_YEAR.captures(s))
    {
        let month = month_number(&c["mon"])?;
        (c, Some(month))
    } else {
        return None;
    };
    let number = |name: &str| -> Option<Option<u32>> {
        match caps.name(name) {
            Some(m) => Some(Some(m.as_str().parse().ok()?)),
            None => Some(None),
        }
    };
    let year: u32 = caps["y"].parse().ok()?;
    // A day only counts with a month, and a time only with a day.
    let day = if month.is_some() { number("d")? } else { None };
    let date = Date::from_parts(year, month, day)?;
    let (Some(_), Some(hour)) = (day, number("h")?) else {
        return Some(date.to_string());
    };
    let minute = number("min")??;
    let second = number("s")?;
    let fraction = caps.name("f").map(|f| &f.as_str()[1..]);
    let zone = match caps.name("z").map(|z| z.as_str()) {
        None => None,
        Some(z)
            if ["z", "utc", "gmt"]
                .iter()
                .any(|u| z.eq_ignore_ascii_case(u)) =>
        {
            Some(Zone::Utc)
        }
        Some(z) => {
            let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
            let (h, m) = digits.split_at(2);
            Some(Zone::offset(
                z.starts_with('-'),
                h.parse().ok()?,
                m.parse().ok()?,
            )?)
        }
    };
    let time = Time::from_parts(hour, minute, second, fraction, zone)?;
    Some(date.with_time(time)?.to_string())
}

/// An ISO date-time (UTC) from a Unix timestamp in seconds, or in milliseconds when it is too
/// large to be seconds (after the year 5138).
pub fn from_unix_timestamp(value: i64) -> Option<String> {
    let secs = if value.abs() >= 100_000_000_000 {
        value.div_euclid(1000)
    } else {
        value
    };
    let rem = secs.rem_euclid(86_400) as u32;
    let date = Date::from_day_number(secs.div_euclid(86_400))?;
    let time = Time::from_parts(
        rem / 3600,
        rem % 3600 / 60,
        Some(rem % 60),
        None,
        Some(Zone::Utc),
    )?;
    Some(date.with_time(time)?.to_string())
}

/// For a record already in Lede's format: takes out a `date` in the ISO shape that names no
/// real day or time (`2023-02-30`), which the corpus loader would reject, and gives the warning
/// that says so; the article is then kept without the date.
pub(crate) fn drop_impossible_date(record: &mut Map<String, Value>) -> Option<String> {
    let Some(Value::String(text)) = record.get("date") else {
        return None;
    };
    let Err(e @ DateError::Impossible { .. }) = Date::parse(text) else {
        return None;
    };
    record.remove("date");
    Some(format!("date {e}; left out"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_shapes_become_iso() {
        for (input, want) in [
            ("2024-07-01", Some("2024-07-01")),
            ("2024", Some("2024")),
            ("2024-7", Some("2024-07")),
            ("2024/7/1", Some("2024-07-01")),
            ("2024-07-01T10:05:00.000Z", Some("2024-07-01T10:05:00.000Z")),
            ("2024-07-01 10:05", Some("2024-07-01T10:05")),
            (
                "2024-07-01T10:05:09+0200",
                Some("2024-07-01T10:05:09+02:00"),
            ),
            (
                "Mon, 01 Jul 2024 10:00:00 GMT",
                Some("2024-07-01T10:00:00Z"),
            ),
            ("1 July 2024", Some("2024-07-01")),
            ("July 1, 2024", Some("2024-07-01")),
            ("Monday, July 1st, 2024", Some("2024-07-01")),
            ("Sept 22, 2023", Some("2023-09-22")),
            ("26-FEB-1987 15:01:01.79", Some("1987-02-26T15:01:01.79")),
            (" 2-MAR-1987 06:41:42.20", Some("1987-03-02T06:41:42.20")),
            ("2023-02-29", None),
            ("2024-13-01", None),
            ("yesterday", None),
            ("2024-07-01T25:00", None),
            ("", None),
        ] {
            assert_eq!(normalise_date(input).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn an_impossible_iso_date_is_dropped_with_a_warning_and_others_are_kept() {
        let mut record = Map::new();
        record.insert("date".into(), Value::from("2023-02-30"));
        assert_eq!(
            drop_impossible_date(&mut record).as_deref(),
            Some("date \"2023-02-30\" is not a real date: February 2023 has 28 days; left out")
        );
        assert!(!record.contains_key("date"));
        for kept in ["2024-02-29", "July 1st, 2024", ""] {
            record.insert("date".into(), Value::from(kept));
            assert_eq!(drop_impossible_date(&mut record), None, "{kept}");
            assert_eq!(record["date"], kept);
        }
        record.insert("date".into(), Value::from(20240229));
        assert_eq!(drop_impossible_date(&mut record), None);
    }

    #[test]
    fn unix_timestamps_in_seconds_and_millis() {
        assert_eq!(
            from_unix_timestamp(1_719_792_000).as_deref(),
            Some("2024-07-01T00:00:00Z")
        );
        assert_eq!(
            from_unix_timestamp(1_719_792_000_000).as_deref(),
            Some("2024-07-01T00:00:00Z")
        );
        assert_eq!(
            from_unix_timestamp(0).as_deref(),
            Some("1970-01-01T00:00:00Z")
        );
        assert_eq!(
            from_unix_timestamp(951_782_400).as_deref(),
            Some("2000-02-29T00:00:00Z")
        );
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_number("FEB"), Some(2));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("december"), Some(12));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayday"), None);
    }
}
