//! The one publication-date type: the ISO 8601 forms the corpus format allows, read strictly
//! (month lengths and leap years checked), written back as ISO, and counted in days for filters.
//!
//! The grammar: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and after a full date `T` (or a space) and
//! `HH:MM`, optionally `:SS` (`60` for a leap second) with a fraction of 1 to 9 digits (`.fff`),
//! and optionally a zone (`Z` or `±HH:MM`). Years run from 0000 to 9999, proleptic Gregorian.

mod calendar;

use std::fmt;
use std::str::FromStr;

use calendar::{civil_from_days, days_from_civil, days_in_month, MONTH_NAMES};

/// A publication date as the corpus format writes it: a year, a month or a day, and after a day
/// optionally a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    year: u16,
    /// `None` for a bare year.
    month: Option<u8>,
    /// `None` for a bare year or month.
    day: Option<u8>,
    /// Only ever set with a day.
    time: Option<Time>,
}

/// A time of day as written after a date: hours and minutes, optionally seconds, a fraction and
/// a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Time {
    hour: u8,
    minute: u8,
    second: Option<u8>,
    /// The digits after the point: their value and how many there are.
    fraction: Option<(u32, u8)>,
    zone: Option<Zone>,
}

/// The zone of a time: UTC (`Z`) or an offset from it (`+04:30`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    /// `Z`.
    Utc,
    /// `±HH:MM`.
    Offset {
        /// West of UTC (`-`).
        negative: bool,
        /// Hours, 0 to 23.
        hours: u8,
        /// Minutes, 0 to 59.
        minutes: u8,
    },
}

/// Why a text is not a [`Date`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in the shape of an ISO 8601 date at all (`July 1st, 2024`, `24-07-01`).
    Malformed {
        /// The text given.
        text: String,
    },
    /// In the shape, but naming no real date or time (`2023-02-30`, `2024-13`, `…T25:00`).
    Impossible {
        /// The text given.
        text: String,
        /// Why not, in words (`February 2023 has 28 days`).
        reason: String,
    },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Malformed { text } => write!(
                f,
                "\"{text}\" is not an ISO 8601 date (YYYY-MM-DD, optionally with a time)"
            ),
            DateError::Impossible { text, reason } => {
                write!(f, "\"{text}\" is not a real date: {reason}")
            }
        }
    }
}

impl std::error::Error for DateError {}

/// The checks every way of making a [`Date`] goes through; the error is the reason in words.
fn check_calendar(year: u32, month: Option<u32>, day: Option<u32>) -> Result<(), String> {
    if year > 9999 {
        return Err(format!("the year {year} has more than four digits"));
    }
    let Some(month) = month else {
        return match day {
            None => Ok(()),
            Some(_) => Err("a day needs a month".into()),
        };
    };
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    match day {
        Some(0) => Err("there is no day 0".into()),
        Some(day) if day > days_in_month(year, month) => Err(format!(
            "{} {year} has {} days",
            MONTH_NAMES[month as usize - 1],
            days_in_month(year, month)
        )),
        _ => Ok(()),
    }
}

/// The checks of a time of day; the error is the reason in words.
fn check_clock(hour: u32, minute: u32, second: Option<u32>) -> Result<(), String> {
    if hour > 23 {
        return Err(format!("there is no hour {hour}"));
    }
    if minute > 59 {
        return Err(format!("there is no minute {minute}"));
    }
    match second {
        Some(s) if s > 60 => Err(format!("there is no second {s}")),
        _ => Ok(()),
    }
}

/// The checks of a zone offset; the error is the reason in words.
fn check_offset(hours: u32, minutes: u32) -> Result<(), String> {
    if hours > 23 || minutes > 59 {
        return Err(format!("there is no zone offset {hours:02}:{minutes:02}"));
    }
    Ok(())
}

impl Date {
    /// Reads an ISO 8601 date in the forms the corpus format allows (see the module docs).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        parse_parts(text).map_err(|reason| match reason {
            None => DateError::Malformed { text: text.into() },
            Some(reason) => DateError::Impossible {
                text: text.into(),
                reason,
            },
        })
    }

    /// The date `year`, `year-month` or `year-month-day`; `None` when it does not exist (a day
    /// without a month, month 13, February 30th, a year past 9999).
    pub fn from_parts(year: u32, month: Option<u32>, day: Option<u32>) -> Option<Date> {
        check_calendar(year, month, day).ok()?;
        Some(Date {
            year: year as u16,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
            time: None,
        })
    }

    /// The day `days` after 1970-01-01 (before it when negative); `None` outside the years
    /// 0000 to 9999.
    pub fn from_day_number(days: i64) -> Option<Date> {
        let (year, month, day) = civil_from_days(days);
        Date::from_parts(u32::try_from(year).ok()?, Some(month), Some(day))
    }

    /// This day at `time`; `None` when the date is not a whole day (`2024-07`).
    pub fn with_time(self, time: Time) -> Option<Date> {
        self.day?;
        Some(Date {
            time: Some(time),
            ..self
        })
    }

    /// The year.
    pub fn year(&self) -> u32 {
        u32::from(self.year)
    }

    /// The month (1-12), unless the date is a bare year.
    pub fn month(&self) -> Option<u32> {
        self.month.map(u32::from)
    }

    /// The day of the month, when the date names a day.
    pub fn day(&self) -> Option<u32> {
        self.day.map(u32::from)
    }

    /// The time of day, when one is given.
    pub fn time(&self) -> Option<Time> {
        self.time
    }

    /// The first day the date covers (January 1st of a bare year, the 1st of a month), as days
    /// since 1970-01-01; the time and its zone do not move it.
    pub fn first_day(&self) -> i32 {
        days_from_civil(
            self.year(),
            self.month().unwrap_or(1),
            self.day().unwrap_or(1),
        )
    }

    /// The last day the date covers (December 31st of a bare year, the month's last day), as
    /// days since 1970-01-01.
    pub fn last_day(&self) -> i32 {
        let month = self.month().unwrap_or(12);
        let day = self
            .day()
            .unwrap_or_else(|| days_in_month(self.year(), month));
        days_from_civil(self.year(), month, day)
    }
}

impl Time {
    /// `hour:minute[:second[.fraction]]` and a zone; `None` when a part is out of range (hour
    /// 24, minute 60, second 61), or `fraction` is not 1 to 9 digits or comes without seconds.
    pub fn from_parts(
        hour: u32,
        minute: u32,
        second: Option<u32>,
        fraction: Option<&str>,
        zone: Option<Zone>,
    ) -> Option<Time> {
        check_clock(hour, minute, second).ok()?;
        if fraction.is_some() && second.is_none() {
            return None;
        }
        let fraction = match fraction {
            None => None,
            Some(digits) => Some(read_fraction(digits)?),
        };
        Some(Time {
            hour: hour as u8,
            minute: minute as u8,
            second: second.map(|s| s as u8),
            fraction,
            zone,
        })
    }

    /// The hour, 0 to 23.
    pub fn hour(&self) -> u32 {
        u32::from(self.hour)
    }

    /// The minute, 0 to 59.
    pub fn minute(&self) -> u32 {
        u32::from(self.minute)
    }

    /// The second (60 for a leap second), when given.
    pub fn second(&self) -> Option<u32> {
        self.second.map(u32::from)
    }

    /// The zone, when given.
    pub fn zone(&self) -> Option<Zone> {
        self.zone
    }
}

impl Zone {
    /// The offset `±hours:minutes` from UTC; `None` past 23:59.
    pub fn offset(negative: bool, hours: u32, minutes: u32) -> Option<Zone> {
        check_offset(hours, minutes).ok()?;
        Some(Zone::Offset {
            negative,
            hours: hours as u8,
            minutes: minutes as u8,
        })
    }
}

/// 1 to 9 ASCII digits as (value, count).
fn read_fraction(digits: &str) -> Option<(u32, u8)> {
    let ok = (1..=9).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| (decimal_value(digits), digits.len() as u8))
}

/// `text` as a number of exactly `len` ASCII digits.
fn digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| decimal_value(text))
}

/// The value of `digits`, nine ASCII digits at most (so that it fits), read by hand: `parse`
/// would link `ParseIntError`'s Debug into the app for an error that cannot happen.
fn decimal_value(digits: &str) -> u32 {
    digits.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

/// The parts of `text`; `Err(None)` when it is not in the shape, `Err(Some(reason))` when it is
/// but names no real date or time.
fn parse_parts(text: &str) -> Result<Date, Option<String>> {
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year = parts.next().and_then(|y| digits(y, 4)).ok_or(None)?;
    let month = parts.next().map(|m| digits(m, 2).ok_or(None)).transpose()?;
    let day = parts.next().map(|d| digits(d, 2).ok_or(None)).transpose()?;
    if parts.next().is_some() {
        return Err(None);
    }
    check_calendar(year, month, day).map_err(Some)?;
    let date = Date {
        year: year as u16,
        month: month.map(|m| m as u8),
        day: day.map(|d| d as u8),
        time: None,
    };
    let Some(time) = time else {
        return Ok(date);
    };
    if day.is_none() {
        return Err(None);
    }
    let time = parse_time(time)?;
    Ok(Date {
        time: Some(time),
        ..date
    })
}

/// `HH:MM[:SS[.f]][Z|±HH:MM]`, errors as [`parse_parts`] gives them.
fn parse_time(text: &str) -> Result<Time, Option<String>> {
    let (clock, zone) = if let Some(clock) = text.strip_suffix('Z') {
        (clock, Some(Zone::Utc))
    } else if let Some(pos) = text.rfind(['+', '-']) {
        let (h, m) = text[pos + 1..].split_once(':').ok_or(None)?;
        let (h, m) = (digits(h, 2).ok_or(None)?, digits(m, 2).ok_or(None)?);
        check_offset(h, m).map_err(Some)?;
        let zone = Zone::Offset {
            negative: text.as_bytes()[pos] == b'-',
            hours: h as u8,
            minutes: m as u8,
        };
        (&text[..pos], Some(zone))
    } else {
        (text, None)
    };
    let (clock, fraction) = match clock.split_once('.') {
        Some((c, f)) => (c, Some(read_fraction(f).ok_or(None)?)),
        None => (clock, None),
    };
    let mut hms = clock.split(':');
    let hour = hms.next().and_then(|h| digits(h, 2)).ok_or(None)?;
    let minute = hms.next().and_then(|m| digits(m, 2)).ok_or(None)?;
    let second = hms.next().map(|s| digits(s, 2).ok_or(None)).transpose()?;
    if hms.next().is_some() || (fraction.is_some() && second.is_none()) {
        return Err(None);
    }
    check_clock(hour, minute, second).map_err(Some)?;
    Ok(Time {
        hour: hour as u8,
        minute: minute as u8,
        second: second.map(|s| s as u8),
        fraction,
        zone,
    })
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        Date::parse(text)
    }
}

impl fmt::Display for Date {
    /// The date as ISO 8601: `2024`, `2024-07`, `2024-07-01`, `2024-07-01T09:30:00.5+04:30`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        if let Some(time) = &self.time {
            write!(f, "T{time}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Time {
    /// `HH:MM[:SS[.f]][Z|±HH:MM]`, the fraction with as many digits as it was given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)?;
        if let Some(second) = self.second {
            write!(f, ":{second:02}")?;
        }
        if let Some((value, len)) = self.fraction {
            write!(f, ".{value:0len$}", len = usize::from(len))?;
        }
        match self.zone {
            None => Ok(()),
            Some(Zone::Utc) => f.write_str("Z"),
            Some(Zone::Offset {
                negative,
                hours,
                minutes,
            }) => write!(
                f,
                "{}{hours:02}:{minutes:02}",
                if negative { '-' } else { '+' }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allowed_forms_read_and_write_back_unchanged() {
        for text in [
            "2024",
            "2024-07",
            "2024-07-01",
            "2024-02-29",
            "2000-02-29",
            "0000-01-01",
            "2024-07-01T09:30",
            "2024-07-01T09:30:00Z",
            "2024-07-01T09:30+04:30",
            "2024-07-01T09:30:00-00:00",
            "1987-02-26T15:01:01.79",
            "2024-07-01T10:05:00.000Z",
            "2016-12-31T23:59:60Z",
        ] {
            let date = Date::parse(text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(date.to_string(), text);
            assert_eq!(text.parse::<Date>(), Ok(date));
        }
        let spaced = Date::parse("2024-07-01 09:30").unwrap();
        assert_eq!(spaced.to_string(), "2024-07-01T09:30");
        assert_eq!(spaced.time().map(|t| (t.hour(), t.minute())), Some((9, 30)));
    }

    #[test]
    fn impossible_dates_are_told_apart_from_malformed_ones() {
        for (text, reason) in [
            ("2023-02-30", "February 2023 has 28 days"),
            ("2023-02-29", "February 2023 has 28 days"),
            ("1900-02-29", "February 1900 has 28 days"),
            ("2024-04-31", "April 2024 has 30 days"),
            ("2024-01-00", "there is no day 0"),
            ("2024-13-01", "there is no month 13"),
            ("2024-00", "there is no month 0"),
            ("2024-07-01T25:00", "there is no hour 25"),
            ("2024-07-01T09:60", "there is no minute 60"),
            ("2024-07-01T09:30:61", "there is no second 61"),
            ("2024-07-01T09:30+24:00", "there is no zone offset 24:00"),
        ] {
            let err = Date::parse(text).unwrap_err();
            assert_eq!(
                err,
                DateError::Impossible {
                    text: text.into(),
                    reason: reason.into()
                },
                "{text}"
            );
            assert_eq!(
                err.to_string(),
                format!("\"{text}\" is not a real date: {reason}")
            );
        }
        for text in [
            "",
            "July 1st, 2024",
            "24-07-01",
            "2024-7-01",
            "2024-07-01-02",
            "19x7",
            "2024T09:30",
            "2024-07T09:30",
            "2024-07-01T9:30",
            "2024-07-01T09:30:00.",
            "2024-07-01T09:30:00.x",
            "2024-07-01T09:30:00.1234567890",
            "2024-07-01T09:30.5",
            "2024-07-01T09:30+0430",
            "2024-07-01junk",
            " 2024",
        ] {
            assert_eq!(
                Date::parse(text),
                Err(DateError::Malformed { text: text.into() }),
                "{text:?}"
            );
        }
    }

    #[test]
    fn day_numbers_cover_the_year_month_or_day() {
        let day = |t: &str| Date::parse(t).unwrap();
        assert_eq!(day("1970-01-01").first_day(), 0);
        assert_eq!(day("2000-03-01").first_day(), 11_017);
        assert_eq!(day("1969-12-31").first_day(), -1);
        let year = day("1987");
        assert_eq!(
            (year.last_day() - year.first_day(), year.year()),
            (364, 1987)
        );
        let leap = day("2024-02");
        assert_eq!(leap.last_day() - leap.first_day(), 28);
        let dated = day("1987-02-26T15:01:01Z");
        assert_eq!(dated.first_day(), dated.last_day());
        assert_eq!(dated.first_day(), day("1987-02-26").first_day());
        for n in [-719_528, -1, 0, 11_016, 19_905, 2_932_896] {
            let d = Date::from_day_number(n).unwrap();
            assert_eq!(i64::from(d.first_day()), n, "{d}");
        }
        assert_eq!(Date::from_day_number(-719_529), None, "before year 0");
        assert_eq!(Date::from_day_number(2_932_897), None, "after 9999");
    }

    #[test]
    fn dates_built_from_parts_are_checked_like_parsed_ones() {
        assert_eq!(Date::from_parts(2023, Some(2), Some(30)), None);
        assert_eq!(Date::from_parts(2024, None, Some(1)), None);
        assert_eq!(Date::from_parts(10_000, None, None), None);
        let day = Date::from_parts(2024, Some(7), Some(1)).unwrap();
        let time = Time::from_parts(9, 5, Some(0), Some("000"), Some(Zone::Utc)).unwrap();
        assert_eq!(
            day.with_time(time).unwrap().to_string(),
            "2024-07-01T09:05:00.000Z"
        );
        let month = Date::from_parts(2024, Some(7), None).unwrap();
        assert_eq!(month.with_time(time), None);
        assert_eq!(Time::from_parts(24, 0, None, None, None), None);
        assert_eq!(Time::from_parts(9, 0, Some(0), Some("1e3"), None), None);
        assert_eq!(Time::from_parts(9, 0, None, Some("5"), None), None);
        let zone = Zone::offset(true, 5, 30).unwrap();
        let t = Time::from_parts(9, 0, None, None, Some(zone)).unwrap();
        assert_eq!(t.to_string(), "09:00-05:30");
        assert_eq!(Zone::offset(false, 0, 60), None);
    }
}
