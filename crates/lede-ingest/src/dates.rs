//! Date normalisation: the date shapes article sources use, turned into the ISO 8601 forms the
//! corpus format accepts (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally `THH:MM[:SS[.f]]` and a zone).

use std::sync::LazyLock;

use regex::Regex;

/// Month names and their common abbreviations, lowercased, January first.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

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
/// is out of range. Already-ISO dates come back unchanged apart from zone spelling.
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
    let year: u32 = caps["y"].parse().ok()?;
    let mut out = format!("{year:04}");
    let Some(month) = month else {
        return Some(out);
    };
    if !(1..=12).contains(&month) {
        return None;
    }
    out.push_str(&format!("-{month:02}"));
    let Some(day) = caps.name("d") else {
        return Some(out);
    };
    let day: u32 = day.as_str().parse().ok()?;
    if !(1..=days_in_month(year, month)).contains(&day) {
        return None;
    }
    out.push_str(&format!("-{day:02}"));
    let Some(hour) = caps.name("h") else {
        return Some(out);
    };
    let hour: u32 = hour.as_str().parse().ok()?;
    let minute: u32 = caps["min"].parse().ok()?;
    if hour > 23 || minute > 59 {
        return None;
    }
    out.push_str(&format!("T{hour:02}:{minute:02}"));
    if let Some(sec) = caps.name("s") {
        let sec: u32 = sec.as_str().parse().ok()?;
        if sec > 60 {
            return None;
        }
        out.push_str(&format!(":{sec:02}"));
        if let Some(f) = caps.name("f") {
            out.push_str(f.as_str());
        }
    }
    if let Some(zone) = caps.name("z") {
        let z = zone.as_str();
        if z.eq_ignore_ascii_case("z")
            || z.eq_ignore_ascii_case("utc")
            || z.eq_ignore_ascii_case("gmt")
        {
            out.push('Z');
        } else {
            let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
            let (h, m) = digits.split_at(2);
            if h.parse::<u32>().ok()? > 23 || m.parse::<u32>().ok()? > 59 {
                return None;
            }
            out.push_str(&format!("{}{h}:{m}", &z[..1]));
        }
    }
    Some(out)
}

/// An ISO date-time (UTC) from a Unix timestamp in seconds, or in milliseconds when it is too
/// large to be seconds (after the year 5138).
pub fn from_unix_timestamp(value: i64) -> Option<String> {
    let secs = if value.abs() >= 100_000_000_000 {
        value.div_euclid(1000)
    } else {
        value
    };
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    if !(0..=9999).contains(&y) {
        return None;
    }
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    ))
}

/// (year, month, day) of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Days in `month` of `year` (Gregorian).
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
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
