//! A span of days whose end may be known, not known yet, or open, written in EDTF.

use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;

use crate::partial_date::EdtfReader;
use crate::{Error, PartialDate};

/// How a [`DateSpan`] ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SpanEnd {
    /// The span ends on this date (which may be the start itself).
    Known(PartialDate),
    /// The span has an end, but nobody has said when yet: "September 14-?". EDTF `2012-09-14/`.
    Unknown,
    /// The span has no end: it is ongoing. EDTF `2012-09-14/..`.
    Open,
}

/// The days something happens on: a single date, or a start and an end.
///
/// Both ends are [`PartialDate`]s, so "December 2012" and "2012-12-03 to 2012-12-14" are both
/// spans; the end can also be unknown ("September 14-?") or open (still going on). The text and
/// JSON form is EDTF (ISO 8601-2):
///
/// | EDTF | meaning |
/// |---|---|
/// | `2012` | the year 2012 |
/// | `2012-12-03` | one day |
/// | `2012-12-03/2012-12-14` | from the 3rd to the 14th, both included |
/// | `2012-09-14/` | from the 14th, end not known |
/// | `2012-09-14/..` | from the 14th, open-ended |
/// | `2012-09-14?/2012-09-20~` | from the 14th (uncertain) to around the 20th (EDTF level 1) |
///
/// A span never ends before it starts: the end's last possible day must not come before the
/// start's first. A span whose end equals its start is a single date and is written as one
/// (`2012-12-03/2012-12-03` reads as `2012-12-03`).
///
/// ```
/// use plenary_core::{DateSpan, SpanEnd};
///
/// let wcit: DateSpan = "2012-12-03/2012-12-14".parse()?;
/// assert_eq!(wcit.earliest().to_string(), "2012-12-03");
/// assert_eq!(wcit.latest().map(|d| d.to_string()).as_deref(), Some("2012-12-14"));
///
/// let rcc: DateSpan = "2012-09-14/".parse()?;
/// assert_eq!(rcc.end(), SpanEnd::Unknown);
/// assert_eq!(rcc.to_string(), "2012-09-14/");
///
/// assert!("2012-12-14/2012-12-03".parse::<DateSpan>().is_err());
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateSpan {
    start: PartialDate,
    end: SpanEnd,
}

impl DateSpan {
    /// A span from `start` ending as `end` says; an end before the start is an error.
    ///
    /// # Errors
    ///
    /// [`Error::SpanEndsBeforeStart`] when the end's last possible day comes before the start's
    /// first.
    pub fn new(start: PartialDate, end: SpanEnd) -> Result<Self, Error> {
        if let SpanEnd::Known(end) = end
            && end.latest() < start.earliest()
        {
            return Err(Error::SpanEndsBeforeStart {
                start: start.to_string(),
                end: end.to_string(),
            });
        }
        Ok(Self { start, end })
    }

    /// A single date: a day, a month or a year.
    pub fn on(date: PartialDate) -> Self {
        Self {
            start: date,
            end: SpanEnd::Known(date),
        }
    }

    /// From `start` to `end`, both included.
    ///
    /// # Errors
    ///
    /// [`Error::SpanEndsBeforeStart`] when `end` comes before `start`.
    pub fn between(start: PartialDate, end: PartialDate) -> Result<Self, Error> {
        Self::new(start, SpanEnd::Known(end))
    }

    /// Whole days from `first` to `last`, both included.
    ///
    /// # Errors
    ///
    /// [`Error::SpanEndsBeforeStart`] when `last` comes before `first`;
    /// [`Error::DateOutOfRange`] for a year outside 0000 to 9999.
    pub fn days(first: NaiveDate, last: NaiveDate) -> Result<Self, Error> {
        Self::between(
            PartialDate::from_naive(first)?,
            PartialDate::from_naive(last)?,
        )
    }

    /// Starting on `start`, with an end nobody has announced yet.
    pub fn with_unknown_end(start: PartialDate) -> Self {
        Self {
            start,
            end: SpanEnd::Unknown,
        }
    }

    /// Starting on `start` and still going on.
    pub fn open_ended(start: PartialDate) -> Self {
        Self {
            start,
            end: SpanEnd::Open,
        }
    }

    /// The start.
    pub fn start(&self) -> PartialDate {
        self.start
    }

    /// How the span ends.
    pub fn end(&self) -> SpanEnd {
        self.end
    }

    /// Whether the span is a single date (a day, a month or a year).
    pub fn is_single(&self) -> bool {
        self.end == SpanEnd::Known(self.start)
    }

    /// The first day the span can include.
    pub fn earliest(&self) -> NaiveDate {
        self.start.earliest()
    }

    /// The last day the span can include, when its end is known.
    pub fn latest(&self) -> Option<NaiveDate> {
        match self.end {
            SpanEnd::Known(end) => Some(end.latest()),
            SpanEnd::Unknown | SpanEnd::Open => None,
        }
    }

    /// The last day the span is known to include: the end when known, the last day of the
    /// start when the end is unknown, and `None` when the span is open (it has no last day).
    pub fn latest_known(&self) -> Option<NaiveDate> {
        match self.end {
            SpanEnd::Known(end) => Some(end.latest()),
            SpanEnd::Unknown => Some(self.start.latest()),
            SpanEnd::Open => None,
        }
    }

    /// Whether the span is known to include `day` (see [`latest_known`](Self::latest_known)).
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.earliest() <= day && self.latest_known().is_none_or(|last| day <= last)
    }

    /// Whether the span is known to share a day with `first..=last`.
    pub fn overlaps(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.earliest() <= last && self.latest_known().is_none_or(|end| first <= end)
    }
}

impl From<PartialDate> for DateSpan {
    fn from(date: PartialDate) -> Self {
        Self::on(date)
    }
}

impl Ord for DateSpan {
    fn cmp(&self, other: &Self) -> Ordering {
        self.start.cmp(&other.start).then(self.end.cmp(&other.end))
    }
}

impl PartialOrd for DateSpan {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl DateSpan {
    /// Reads the EDTF text form; the same as `text.parse()`.
    ///
    /// # Errors
    ///
    /// [`Error::DateSyntax`] with the column where the text stops being EDTF,
    /// [`Error::DateOutOfRange`] for a day that does not exist, [`Error::SpanEndsBeforeStart`]
    /// for a span that ends before it starts.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let mut reader = EdtfReader::new(text);
        if reader.eat("..") || reader.eat("/") {
            return Err(Error::DateSyntax {
                text: text.to_owned(),
                column: 1,
                found: "a span without a start".to_owned(),
                expected: "a known start date such as 2012-12-03",
            });
        }
        let start = reader.date()?;
        if reader.at_end() {
            return Ok(Self::on(start));
        }
        if !reader.eat("/") {
            return Err(reader.error("'/' and the end of the span, or end of text"));
        }
        let end = if reader.at_end() {
            SpanEnd::Unknown
        } else if reader.eat("..") {
            SpanEnd::Open
        } else {
            SpanEnd::Known(reader.date()?)
        };
        reader.end("end of text after the span")?;
        Self::new(start, end)
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            SpanEnd::Known(end) if end == self.start => write!(f, "{}", self.start),
            SpanEnd::Known(end) => write!(f, "{}/{end}", self.start),
            SpanEnd::Unknown => write!(f, "{}/", self.start),
            SpanEnd::Open => write!(f, "{}/..", self.start),
        }
    }
}

crate::text_form::impl_text_form!(
    DateSpan,
    DateSpan::parse,
    "an EDTF date or span such as \"2012-12-03/2012-12-14\""
);

impl fmt::Debug for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateSpan({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn reads_every_form_and_writes_it_back() {
        for (text, end) in [
            ("2012", "2012"),
            ("2012-12", "2012-12"),
            ("2012-12-03", "2012-12-03"),
            ("2012-12-03/2012-12-14", "2012-12-14"),
            ("2012-09-14/", "unknown"),
            ("2012-09-14/..", "open"),
            ("2012-11/2013-02", "2013-02"),
            ("2012/2014", "2014"),
        ] {
            let span: DateSpan = text.parse().unwrap();
            let got = match span.end() {
                SpanEnd::Known(d) => d.to_string(),
                SpanEnd::Unknown => "unknown".into(),
                SpanEnd::Open => "open".into(),
            };
            assert_eq!(got, end, "{text}");
            assert_eq!(span.to_string(), text);
        }
    }

    #[test]
    fn an_end_equal_to_the_start_is_a_single_date() {
        let span: DateSpan = "2012-12-03/2012-12-03".parse().unwrap();
        assert!(span.is_single());
        assert_eq!(span.to_string(), "2012-12-03");
    }

    #[test]
    fn end_before_start_is_an_error() {
        assert_eq!(
            "2012-12-14/2012-12-03".parse::<DateSpan>(),
            Err(Error::SpanEndsBeforeStart {
                start: "2012-12-14".into(),
                end: "2012-12-03".into()
            })
        );
        assert!("2013/2012-12".parse::<DateSpan>().is_err());
        // An end that is coarser than the start but reaches past it is fine.
        assert!("2012-12-20/2012-12".parse::<DateSpan>().is_ok());
    }

    #[test]
    fn syntax_errors_name_the_column_and_the_expectation() {
        for (text, column, expected) in [
            ("/2012", 1, "a known start date such as 2012-12-03"),
            ("../2012", 1, "a known start date such as 2012-12-03"),
            (
                "2012-12-03 2012-12-14",
                11,
                "'/' and the end of the span, or end of text",
            ),
            ("2012-12-03/2012-12-1", 21, "a two-digit day 01 to 31"),
            ("2012-12-03/../", 14, "end of text after the span"),
            ("2012-12-03/2012-12-14/", 22, "end of text after the span"),
            (
                "2012-12-03–2012-12-14",
                11,
                "'/' and the end of the span, or end of text",
            ),
        ] {
            match text.parse::<DateSpan>() {
                Err(Error::DateSyntax {
                    column: c,
                    expected: e,
                    ..
                }) => {
                    assert_eq!((c, e), (column, expected), "{text}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn contains_and_overlaps_use_what_is_known() {
        let wcit: DateSpan = "2012-12-03/2012-12-14".parse().unwrap();
        assert!(wcit.contains(day("2012-12-03")) && wcit.contains(day("2012-12-14")));
        assert!(!wcit.contains(day("2012-12-15")));
        assert!(wcit.overlaps(day("2012-12-14"), day("2012-12-20")));
        assert!(!wcit.overlaps(day("2012-12-15"), day("2012-12-20")));

        let unknown: DateSpan = "2012-09-14/".parse().unwrap();
        assert_eq!(unknown.latest(), None);
        assert_eq!(unknown.latest_known(), Some(day("2012-09-14")));
        assert!(!unknown.contains(day("2012-09-15")));

        let open: DateSpan = "2012-09-14/..".parse().unwrap();
        assert!(open.contains(day("2030-01-01")));
        assert!(!open.contains(day("2012-09-13")));
    }

    #[test]
    fn sorts_by_start_then_end() {
        let mut spans: Vec<DateSpan> = [
            "2012-12-03/2012-12-14",
            "2012-09-14/..",
            "2012-09-14/",
            "2012-09-14",
            "2012",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        spans.sort();
        let texts: Vec<String> = spans.iter().map(ToString::to_string).collect();
        assert_eq!(
            texts,
            [
                "2012",
                "2012-09-14",
                "2012-09-14/",
                "2012-09-14/..",
                "2012-12-03/2012-12-14"
            ]
        );
    }

    #[test]
    fn json_is_the_edtf_string() {
        let span: DateSpan = "2012-09-14/".parse().unwrap();
        assert_eq!(serde_json::to_string(&span).unwrap(), r#""2012-09-14/""#);
        assert_eq!(
            serde_json::from_str::<DateSpan>(r#""2012-09-14/""#).unwrap(),
            span
        );
        let err = serde_json::from_str::<DateSpan>(r#""2012-12-14/2012-12-03""#)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("ends (2012-12-03) before it starts (2012-12-14)"),
            "{err}"
        );
    }
}
