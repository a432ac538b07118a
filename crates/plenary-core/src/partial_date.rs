//! A calendar date known to the year, the month or the day, written in EDTF.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::Error;

/// The largest year a [`PartialDate`] holds: EDTF's plain form has four digits.
pub const MAX_YEAR: i32 = 9999;

/// The English names of the months, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How precisely a [`PartialDate`] is known.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Only the year: `2012`.
    Year,
    /// The year and the month: `2012-12`.
    Month,
    /// The day: `2012-12-03`.
    Day,
}

/// How sure a source is of a date: EDTF level-1 qualification.
///
/// `?` marks a date the source is not sure of ("14 September (tbc)"), `~` one it gives only
/// roughly ("around December 2012"), `%` both. The qualifier is written after the date and
/// applies to the whole of it: `2012-09-14?`, `2012-12~`, `2012%`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    /// Neither uncertain nor approximate: the plain date.
    #[default]
    Exact,
    /// Uncertain: `?`.
    Uncertain,
    /// Approximate: `~`.
    Approximate,
    /// Uncertain and approximate: `%`.
    UncertainApproximate,
}

impl Qualifier {
    /// The EDTF sign written after the date, if any.
    pub fn sign(self) -> Option<char> {
        match self {
            Qualifier::Exact => None,
            Qualifier::Uncertain => Some('?'),
            Qualifier::Approximate => Some('~'),
            Qualifier::UncertainApproximate => Some('%'),
        }
    }

    /// The qualifier of the EDTF sign `c`, if it is one.
    pub fn from_sign(c: char) -> Option<Self> {
        match c {
            '?' => Some(Qualifier::Uncertain),
            '~' => Some(Qualifier::Approximate),
            '%' => Some(Qualifier::UncertainApproximate),
            _ => None,
        }
    }

    /// Both qualifications at once: `?` and `~` make `%`.
    #[must_use]
    pub fn and(self, other: Qualifier) -> Qualifier {
        let uncertain = self.is_uncertain() || other.is_uncertain();
        let approximate = self.is_approximate() || other.is_approximate();
        match (uncertain, approximate) {
            (false, false) => Qualifier::Exact,
            (true, false) => Qualifier::Uncertain,
            (false, true) => Qualifier::Approximate,
            (true, true) => Qualifier::UncertainApproximate,
        }
    }

    /// Whether the date is uncertain (`?` or `%`).
    pub fn is_uncertain(self) -> bool {
        matches!(self, Qualifier::Uncertain | Qualifier::UncertainApproximate)
    }

    /// Whether the date is approximate (`~` or `%`).
    pub fn is_approximate(self) -> bool {
        matches!(
            self,
            Qualifier::Approximate | Qualifier::UncertainApproximate
        )
    }
}

/// A date known to the year (`2012`), the month (`2012-12`) or the day (`2012-12-03`).
///
/// Policy calendars are full of dates like "December 2012" or "in 2014": a `PartialDate` keeps
/// exactly what is known. Its text and JSON form is the EDTF (ISO 8601-2) date, years 0000 to
/// 9999, with an optional EDTF level-1 [`Qualifier`] after it (`2012-09-14?`, `2012-12~`).
/// Partial dates sort by their earliest day, then by their latest (then exact before
/// qualified), so `2012-12` sorts after `2012-11-30` and before `2012-12-01`.
///
/// ```
/// use plenary_core::{PartialDate, Precision};
///
/// let december: PartialDate = "2012-12".parse()?;
/// assert_eq!(december.precision(), Precision::Month);
/// assert_eq!(december.earliest().to_string(), "2012-12-01");
/// assert_eq!(december.latest().to_string(), "2012-12-31");
/// assert_eq!(december.to_string(), "2012-12");
///
/// let err = "2013-02-30".parse::<PartialDate>().unwrap_err();
/// assert_eq!(err.to_string(), r#"invalid date "2013-02-30": day 30 does not exist in February 2013"#);
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: u16,
    /// 1-12, or 0 when only the year is known.
    month: u8,
    /// 1-31, or 0 when the day is not known.
    day: u8,
    qualifier: Qualifier,
}

impl PartialDate {
    /// A date known only to the year.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] for a year outside 0000 to [`MAX_YEAR`].
    pub fn year(year: i32) -> Result<Self, Error> {
        let year = check_year(year)?;
        Ok(Self {
            year,
            month: 0,
            day: 0,
            qualifier: Qualifier::Exact,
        })
    }

    /// A date known to the month.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] for a year outside 0000 to [`MAX_YEAR`] or a month outside 1 to 12.
    pub fn year_month(year: i32, month: u32) -> Result<Self, Error> {
        let y = check_year(year)?;
        let month = check_month(year, month, || format!("{year:04}-{month:02}"))?;
        Ok(Self {
            year: y,
            month,
            day: 0,
            qualifier: Qualifier::Exact,
        })
    }

    /// A date known to the day.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] for a year outside 0000 to [`MAX_YEAR`], a month outside 1 to 12,
    /// or a day the month does not have.
    pub fn ymd(year: i32, month: u32, day: u32) -> Result<Self, Error> {
        let y = check_year(year)?;
        let text = || format!("{year:04}-{month:02}-{day:02}");
        let m = check_month(year, month, text)?;
        let d = check_day(year, month, day, text)?;
        Ok(Self {
            year: y,
            month: m,
            day: d,
            qualifier: Qualifier::Exact,
        })
    }

    /// A date known to the day, from a [`NaiveDate`] in the years 0 to 9999.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] for a date before the year 0 or after [`MAX_YEAR`].
    pub fn from_naive(date: NaiveDate) -> Result<Self, Error> {
        Self::ymd(date.year(), date.month(), date.day())
    }

    /// The year.
    pub fn year_number(&self) -> i32 {
        i32::from(self.year)
    }

    /// The month (1-12), when known.
    pub fn month(&self) -> Option<u32> {
        (self.month != 0).then_some(u32::from(self.month))
    }

    /// The day of the month (1-31), when known.
    pub fn day(&self) -> Option<u32> {
        (self.day != 0).then_some(u32::from(self.day))
    }

    /// How sure the source is of the date.
    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }

    /// The same date with `qualifier` in place of its own.
    #[must_use]
    pub fn with_qualifier(self, qualifier: Qualifier) -> Self {
        Self { qualifier, ..self }
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The exact day, when the date is known to the day.
    pub fn to_naive(&self) -> Option<NaiveDate> {
        (self.day != 0).then(|| self.earliest())
    }

    /// The first day the date can mean: 1 January for a year, the 1st for a month.
    ///
    /// # Panics
    ///
    /// Never: every `PartialDate` is checked to be a real date (years 0000 to [`MAX_YEAR`]) when
    /// it is made, by every constructor and by serde.
    pub fn earliest(&self) -> NaiveDate {
        let month = u32::from(self.month.max(1));
        let day = u32::from(self.day.max(1));
        NaiveDate::from_ymd_opt(i32::from(self.year), month, day)
            .expect("a PartialDate is checked to be a real day when it is made")
    }

    /// The last day the date can mean: 31 December for a year, the month's last day for a month.
    ///
    /// # Panics
    ///
    /// Never, as [`earliest`](Self::earliest).
    pub fn latest(&self) -> NaiveDate {
        let year = i32::from(self.year);
        match (self.month, self.day) {
            (0, _) => NaiveDate::from_ymd_opt(year, 12, 31),
            (m, 0) => NaiveDate::from_ymd_opt(year, u32::from(m), days_in_month(year, m.into())),
            _ => Some(self.earliest()),
        }
        .expect("a PartialDate is checked to be a real day when it is made")
    }

    /// Whether `date` is one of the days this date can mean.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.earliest() <= date && date <= self.latest()
    }
}

impl From<PartialDate> for (NaiveDate, NaiveDate) {
    fn from(date: PartialDate) -> Self {
        (date.earliest(), date.latest())
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.earliest(), self.latest(), self.qualifier).cmp(&(
            other.earliest(),
            other.latest(),
            other.qualifier,
        ))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialDate {
    /// Reads the EDTF text form; the same as `text.parse()`.
    ///
    /// # Errors
    ///
    /// [`Error::DateSyntax`] with the column where the text stops being an EDTF date,
    /// [`Error::DateOutOfRange`] for a month or day that does not exist.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let mut reader = EdtfReader::new(text);
        let date = reader.date()?;
        reader.end("end of text after the date")?;
        Ok(date)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        if let Some(sign) = self.qualifier.sign() {
            write!(f, "{sign}")?;
        }
        Ok(())
    }
}

crate::text_form::impl_text_form!(
    PartialDate,
    PartialDate::parse,
    "an EDTF date such as \"2012-12-03\" or \"2012-12~\""
);

impl fmt::Debug for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PartialDate({self})")
    }
}

/// The English name of `month` (1-12), such as `"December"` for 12.
///
/// ```
/// assert_eq!(plenary_core::month_name(12), Some("December"));
/// assert_eq!(plenary_core::month_name(13), None);
/// ```
pub fn month_name(month: u32) -> Option<&'static str> {
    MONTH_NAMES.get(month.checked_sub(1)? as usize).copied()
}

/// The number of days in `month` of `year`, proleptic Gregorian.
pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

fn check_year(year: i32) -> Result<u16, Error> {
    u16::try_from(year)
        .ok()
        .filter(|y| i32::from(*y) <= MAX_YEAR)
        .ok_or_else(|| Error::DateOutOfRange {
            text: year.to_string(),
            reason: format!("year {year} is outside 0000 to {MAX_YEAR}"),
        })
}

fn check_month(year: i32, month: u32, text: impl Fn() -> String) -> Result<u8, Error> {
    if (1..=12).contains(&month) {
        Ok(month as u8)
    } else {
        Err(Error::DateOutOfRange {
            text: text(),
            reason: format!("month {month:02} does not exist in {year:04}; expected 01 to 12"),
        })
    }
}

fn check_day(year: i32, month: u32, day: u32, text: impl Fn() -> String) -> Result<u8, Error> {
    if day >= 1 && day <= days_in_month(year, month) {
        Ok(day as u8)
    } else {
        Err(Error::DateOutOfRange {
            text: text(),
            reason: format!(
                "day {day} does not exist in {} {year:04}",
                month_name(month).unwrap_or("(no such month)")
            ),
        })
    }
}

/// Reads EDTF dates from a text left to right, reporting errors against the whole text.
pub(crate) struct EdtfReader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> EdtfReader<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self { text, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos == self.text.len()
    }

    /// Consumes `token` if the text continues with it.
    pub(crate) fn eat(&mut self, token: &str) -> bool {
        let found = self.rest().starts_with(token);
        if found {
            self.pos += token.len();
        }
        found
    }

    /// An error at the current position.
    pub(crate) fn error(&self, expected: &'static str) -> Error {
        let found = match self.rest().chars().next() {
            Some(c) => format!("{c:?}"),
            None => "end of text".to_owned(),
        };
        Error::DateSyntax {
            text: self.text.to_owned(),
            column: self.text[..self.pos].chars().count() + 1,
            found,
            expected,
        }
    }

    /// Requires the end of the text.
    pub(crate) fn end(&self, expected: &'static str) -> Result<(), Error> {
        if self.at_end() {
            Ok(())
        } else {
            Err(self.error(expected))
        }
    }

    fn digits(&mut self, count: usize, expected: &'static str) -> Result<u32, Error> {
        let bytes = self.rest().as_bytes();
        if bytes.len() < count || !bytes[..count].iter().all(u8::is_ascii_digit) {
            let bad = bytes
                .iter()
                .take(count)
                .take_while(|b| b.is_ascii_digit())
                .count();
            self.pos += bad;
            return Err(self.error(expected));
        }
        let value = bytes[..count]
            .iter()
            .fold(0, |n, b| n * 10 + u32::from(b - b'0'));
        self.pos += count;
        Ok(value)
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each with an optional qualifier `?`, `~`, `%`.
    pub(crate) fn date(&mut self) -> Result<PartialDate, Error> {
        let date = self.plain_date()?;
        match self.rest().chars().next().and_then(Qualifier::from_sign) {
            Some(qualifier) => {
                self.pos += 1;
                Ok(date.with_qualifier(qualifier))
            }
            None => Ok(date),
        }
    }

    fn plain_date(&mut self) -> Result<PartialDate, Error> {
        let start = self.pos;
        let year = self.digits(4, "a four-digit year such as 2012")?;
        if self
            .rest()
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit)
        {
            return Err(self.error("a four-digit year such as 2012, then '-' or '/'"));
        }
        let year = year as i32;
        if !self.eat("-") {
            return PartialDate::year(year);
        }
        let month = self.digits(2, "a two-digit month 01 to 12")?;
        if !self.eat("-") {
            let text = &self.text[start..self.pos];
            return check_month(year, month, || text.to_owned()).map(|m| PartialDate {
                year: year as u16,
                month: m,
                day: 0,
                qualifier: Qualifier::Exact,
            });
        }
        let day = self.digits(2, "a two-digit day 01 to 31")?;
        let text = &self.text[start..self.pos];
        let m = check_month(year, month, || text.to_owned())?;
        let d = check_day(year, month, day, || text.to_owned())?;
        Ok(PartialDate {
            year: year as u16,
            month: m,
            day: d,
            qualifier: Qualifier::Exact,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(text: &str) -> (usize, String, &'static str) {
        match text.parse::<PartialDate>() {
            Err(Error::DateSyntax {
                column,
                found,
                expected,
                ..
            }) => (column, found, expected),
            other => panic!("{text:?}: expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn reads_and_writes_each_precision() {
        for (text, precision, earliest, latest) in [
            ("2012", Precision::Year, "2012-01-01", "2012-12-31"),
            ("2012-02", Precision::Month, "2012-02-01", "2012-02-29"),
            ("2013-02", Precision::Month, "2013-02-01", "2013-02-28"),
            ("2012-12-03", Precision::Day, "2012-12-03", "2012-12-03"),
            ("0000", Precision::Year, "0000-01-01", "0000-12-31"),
            ("9999-12-31", Precision::Day, "9999-12-31", "9999-12-31"),
        ] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(date.precision(), precision, "{text}");
            assert_eq!(date.earliest().to_string(), earliest, "{text}");
            assert_eq!(date.latest().to_string(), latest, "{text}");
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn impossible_dates_say_why() {
        for (text, reason) in [
            ("2013-02-29", "day 29 does not exist in February 2013"),
            ("2012-04-31", "day 31 does not exist in April 2012"),
            (
                "2012-00",
                "month 00 does not exist in 2012; expected 01 to 12",
            ),
            (
                "2012-13-01",
                "month 13 does not exist in 2012; expected 01 to 12",
            ),
            ("2012-12-00", "day 0 does not exist in December 2012"),
        ] {
            assert_eq!(
                text.parse::<PartialDate>(),
                Err(Error::DateOutOfRange {
                    text: text.into(),
                    reason: reason.into()
                })
            );
        }
        assert!(PartialDate::ymd(1900, 2, 29).is_err());
        assert!(PartialDate::ymd(2000, 2, 29).is_ok());
        assert!(PartialDate::year(10_000).is_err());
        assert!(PartialDate::year(-1).is_err());
    }

    #[test]
    fn syntax_errors_point_at_the_column() {
        assert_eq!(
            syntax(""),
            (1, "end of text".into(), "a four-digit year such as 2012")
        );
        assert_eq!(
            syntax("12"),
            (3, "end of text".into(), "a four-digit year such as 2012")
        );
        assert_eq!(
            syntax("2012-1"),
            (7, "end of text".into(), "a two-digit month 01 to 12")
        );
        assert_eq!(
            syntax("2012-12-3x"),
            (10, "'x'".into(), "a two-digit day 01 to 31")
        );
        assert_eq!(
            syntax("2012-12-03 "),
            (11, "' '".into(), "end of text after the date")
        );
        assert_eq!(
            syntax("20121"),
            (
                5,
                "'1'".into(),
                "a four-digit year such as 2012, then '-' or '/'"
            )
        );
        assert_eq!(syntax("2012!").1, "'!'");
        assert_eq!(syntax("2012-12??").1, "'?'");
    }

    #[test]
    fn reads_and_writes_edtf_level_1_qualifiers() {
        for (text, qualifier) in [
            ("2012-09-14?", Qualifier::Uncertain),
            ("2012-12~", Qualifier::Approximate),
            ("2012%", Qualifier::UncertainApproximate),
            ("2012-12-03", Qualifier::Exact),
        ] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(date.qualifier(), qualifier, "{text}");
            assert_eq!(date.to_string(), text);
        }
        let exact = PartialDate::ymd(2012, 9, 14).unwrap();
        let uncertain = exact.with_qualifier(Qualifier::Uncertain);
        assert_ne!(exact, uncertain);
        assert!(exact < uncertain);
        assert_eq!(
            Qualifier::Uncertain.and(Qualifier::Approximate),
            Qualifier::UncertainApproximate
        );
    }

    #[test]
    fn sorts_by_earliest_day_then_latest() {
        let mut dates: Vec<PartialDate> = ["2012-12-01", "2012-12", "2012", "2012-11-30", "2011"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        dates.sort();
        let texts: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            texts,
            ["2011", "2012", "2012-11-30", "2012-12-01", "2012-12"]
        );
    }

    #[test]
    fn json_is_the_edtf_string() {
        let date: PartialDate = "2012-12".parse().unwrap();
        assert_eq!(serde_json::to_string(&date).unwrap(), r#""2012-12""#);
        assert_eq!(
            serde_json::from_str::<PartialDate>(r#""2012-12""#).unwrap(),
            date
        );
        let err = serde_json::from_str::<PartialDate>(r#""2012-13""#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("month 13 does not exist"), "{err}");
    }
}
