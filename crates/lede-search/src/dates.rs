//! Dates as day ranges: `1987` covers the whole year, `1987-02` the month, `1987-02-26` (with
//! or without a time) the day; filters keep the articles whose range overlaps theirs.

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

/// Days from 1970-01-01 to the civil date `y-m-d` (proleptic Gregorian; H. Hinnant's method).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as u32;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe as i32 - 719_468
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl DayRange {
    /// Parses the date part of an ISO 8601 date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, anything
    /// after the day ignored); `None` when it is not one.
    pub fn parse(s: &str) -> Option<DayRange> {
        let s = s.trim();
        let num = |part: &str, len: usize| -> Option<u32> {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let year = num(s.get(..4)?, 4)? as i32;
        let rest = &s[4..];
        if rest.is_empty() {
            return Some(DayRange {
                lo: days_from_civil(year, 1, 1),
                hi: days_from_civil(year, 12, 31),
                year,
            });
        }
        let month = num(rest.strip_prefix('-')?.get(..2)?, 2)?;
        if !(1..=12).contains(&month) {
            return None;
        }
        let rest = &rest[3..];
        if rest.is_empty() {
            return Some(DayRange {
                lo: days_from_civil(year, month, 1),
                hi: days_from_civil(year, month, days_in_month(year, month)),
                year,
            });
        }
        let day = num(rest.strip_prefix('-')?.get(..2)?, 2)?;
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let after = &rest[3..];
        if !(after.is_empty() || after.starts_with('T') || after.starts_with(' ')) {
            return None;
        }
        let d = days_from_civil(year, month, day);
        Some(DayRange { lo: d, hi: d, year })
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
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
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
}
