//! Date phrases as people write them on conference pages — `August 6-8`, `September 14-?`,
//! `25-27 Feb 13` — read into a [`DateSpan`], and spans written back as such phrases.
//!
//! Reading is two small steps. A tokenizer turns the phrase into numbers (with their digit count
//! and any ordinal suffix), month names, weekday names and separators (`-`, `–`, `to`, `&`,
//! `,`, `?`). A grammar then reads one or two *endpoints*, each a day, a month and a year in
//! whichever of them are present and in either order (`3 December 2012`, `December 3, 2012`,
//! `December 2012`, `2014`, `14`), joined by a range or a pair separator. What an endpoint leaves
//! out is taken from the other endpoint, then from the context year. A new real-world phrase is
//! usually a new word in the tokenizer's vocabulary, not a new rule.

use std::fmt;

use chrono::{Datelike, Weekday};
use plenary_core::{DateSpan, PartialDate, Precision, SpanEnd};

use crate::Error;

/// Reads a date phrase into a [`DateSpan`], taking the year from `context_year` when the phrase
/// has none.
///
/// Accepted forms include `August 6-8`, `September 14-?` (end not known yet), `September 25 &
/// 26`, `3-14 December 2012`, `25-27 Feb 13`, `30 November - 2 December 2012` (hyphen, en or em
/// dash), `December 31, 2012 - January 2, 2013`, `May 14–16, 2013`, `1st-3rd October`,
/// `Sept. 10-14`, `10 to 14 September 2012`, `Thursday, 22 November 2012`, `December 2012`,
/// `2014`, `14 September 2012 onwards` (open-ended) and EDTF itself (`2012-12-03/2012-12-14`).
///
/// A two-digit year (`Feb 13`) is read in the century of the context year, or in the 2000s
/// without one. When an endpoint takes its year from the other and would then run backwards
/// across New Year (`December 31 - January 2, 2013`), the year turns: the start is in 2012.
///
/// Impossible days, reversed ranges, weekdays that do not match their date, two days joined by
/// `&` that are not consecutive and anything unreadable are errors that say what is wrong.
///
/// ```
/// use plenary_events::parse_date_phrase;
///
/// let rcc = parse_date_phrase("September 14-?", Some(2012))?;
/// assert_eq!(rcc.to_string(), "2012-09-14/");
/// let wsis = parse_date_phrase("25-27 Feb 13", Some(2012))?;
/// assert_eq!(wsis.to_string(), "2013-02-25/2013-02-27");
///
/// let err = parse_date_phrase("February 30, 2013", None).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"invalid date phrase "February 30, 2013": day 30 does not exist in February 2013"#
/// );
/// # Ok::<(), plenary_events::Error>(())
/// ```
pub fn parse_date_phrase(phrase: &str, context_year: Option<i32>) -> Result<DateSpan, Error> {
    let fail = |reason: String| Error::DatePhrase {
        phrase: phrase.to_owned(),
        reason,
    };
    let trimmed = phrase.trim();
    if trimmed.is_empty() {
        return Err(fail(
            "it is empty; expected a date such as \"3-14 December 2012\"".to_owned(),
        ));
    }
    // EDTF is a date phrase too, and the only one that writes months as numbers.
    if trimmed.starts_with(|c: char| c.is_ascii_digit())
        && let Ok(span) = trimmed.parse::<DateSpan>()
    {
        return Ok(span);
    }
    let tokens = tokenize(phrase).map_err(fail)?;
    let parsed = Grammar {
        tokens: &tokens,
        pos: 0,
    }
    .phrase()
    .map_err(fail)?;
    parsed.resolve(context_year).map_err(fail)
}

/// Writes `span` as an English phrase that [`parse_date_phrase`] reads back to the same span.
///
/// ```
/// use plenary_core::DateSpan;
/// use plenary_events::format_date_phrase;
///
/// let wcit: DateSpan = "2012-12-03/2012-12-14".parse()?;
/// assert_eq!(format_date_phrase(&wcit), "3–14 December 2012");
/// let rcc: DateSpan = "2012-09-14/".parse()?;
/// assert_eq!(format_date_phrase(&rcc), "14 September 2012 – ?");
/// # Ok::<(), plenary_core::Error>(())
/// ```
pub fn format_date_phrase(span: &DateSpan) -> String {
    let start = span.start();
    match span.end() {
        SpanEnd::Known(end) if end == start => english(start),
        SpanEnd::Known(end) => {
            let same_year = start.year_number() == end.year_number();
            match (start.precision(), end.precision()) {
                (Precision::Day, Precision::Day) if same_year && start.month() == end.month() => {
                    format!("{}–{}", start.day().unwrap_or(1), english(end))
                }
                (Precision::Day, Precision::Day) | (Precision::Month, Precision::Month)
                    if same_year =>
                {
                    let without_year = english(start);
                    let without_year = without_year
                        .strip_suffix(&format!(" {:04}", start.year_number()))
                        .unwrap_or(&without_year);
                    format!("{without_year} – {}", english(end))
                }
                _ => format!("{} – {}", english(start), english(end)),
            }
        }
        SpanEnd::Unknown => format!("{} – ?", english(start)),
        SpanEnd::Open => format!("{} onwards", english(start)),
    }
}

/// A partial date in English: `3 December 2012`, `December 2012`, `2012`.
fn english(date: PartialDate) -> String {
    let year = date.year_number();
    match (date.month(), date.day()) {
        (Some(m), Some(d)) => format!("{d} {} {year:04}", month_name(m)),
        (Some(m), None) => format!("{} {year:04}", month_name(m)),
        _ => format!("{year:04}"),
    }
}

fn month_name(month: u32) -> &'static str {
    plenary_core::month_name(month).unwrap_or("?")
}

/// One word or sign of a phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    /// Digits: the value, how many digits, and whether an ordinal suffix followed (`3rd`).
    Number {
        value: u32,
        digits: usize,
        ordinal: bool,
    },
    Month(u32),
    Weekday(Weekday),
    /// `-`, `–`, `—`, `to`, `until`, `through`.
    Range,
    /// `&`, `and`.
    Pair,
    Comma,
    /// `?`, `TBD`, `TBA`: an end not known yet.
    Unknown,
    /// `onwards`, `ongoing`: no end.
    Open,
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Number { value, .. } => write!(f, "the number {value}"),
            Token::Month(m) => write!(f, "the month {}", month_name(*m)),
            Token::Weekday(w) => write!(f, "the weekday {w}"),
            Token::Range => f.write_str("a range dash"),
            Token::Pair => f.write_str("'&'"),
            Token::Comma => f.write_str("','"),
            Token::Unknown => f.write_str("'?'"),
            Token::Open => f.write_str("\"onwards\""),
        }
    }
}

/// The words a phrase may hold, lower-case, with what each means; `None` means a filler word.
const VOCABULARY: &[(&str, Option<Token>)] = &[
    ("january", Some(Token::Month(1))),
    ("jan", Some(Token::Month(1))),
    ("february", Some(Token::Month(2))),
    ("feb", Some(Token::Month(2))),
    ("march", Some(Token::Month(3))),
    ("mar", Some(Token::Month(3))),
    ("april", Some(Token::Month(4))),
    ("apr", Some(Token::Month(4))),
    ("may", Some(Token::Month(5))),
    ("june", Some(Token::Month(6))),
    ("jun", Some(Token::Month(6))),
    ("july", Some(Token::Month(7))),
    ("jul", Some(Token::Month(7))),
    ("august", Some(Token::Month(8))),
    ("aug", Some(Token::Month(8))),
    ("september", Some(Token::Month(9))),
    ("sept", Some(Token::Month(9))),
    ("sep", Some(Token::Month(9))),
    ("october", Some(Token::Month(10))),
    ("oct", Some(Token::Month(10))),
    ("november", Some(Token::Month(11))),
    ("nov", Some(Token::Month(11))),
    ("december", Some(Token::Month(12))),
    ("dec", Some(Token::Month(12))),
    ("monday", Some(Token::Weekday(Weekday::Mon))),
    ("mon", Some(Token::Weekday(Weekday::Mon))),
    ("tuesday", Some(Token::Weekday(Weekday::Tue))),
    ("tue", Some(Token::Weekday(Weekday::Tue))),
    ("tues", Some(Token::Weekday(Weekday::Tue))),
    ("wednesday", Some(Token::Weekday(Weekday::Wed))),
    ("wed", Some(Token::Weekday(Weekday::Wed))),
    ("thursday", Some(Token::Weekday(Weekday::Thu))),
    ("thu", Some(Token::Weekday(Weekday::Thu))),
    ("thur", Some(Token::Weekday(Weekday::Thu))),
    ("thurs", Some(Token::Weekday(Weekday::Thu))),
    ("friday", Some(Token::Weekday(Weekday::Fri))),
    ("fri", Some(Token::Weekday(Weekday::Fri))),
    ("saturday", Some(Token::Weekday(Weekday::Sat))),
    ("sat", Some(Token::Weekday(Weekday::Sat))),
    ("sunday", Some(Token::Weekday(Weekday::Sun))),
    ("sun", Some(Token::Weekday(Weekday::Sun))),
    ("to", Some(Token::Range)),
    ("until", Some(Token::Range)),
    ("till", Some(Token::Range)),
    ("through", Some(Token::Range)),
    ("thru", Some(Token::Range)),
    ("and", Some(Token::Pair)),
    ("tbd", Some(Token::Unknown)),
    ("tba", Some(Token::Unknown)),
    ("tbc", Some(Token::Unknown)),
    ("onwards", Some(Token::Open)),
    ("onward", Some(Token::Open)),
    ("ongoing", Some(Token::Open)),
    ("from", None),
    ("of", None),
    ("the", None),
    ("on", None),
];

/// Splits a phrase into tokens; the error is the reason, ready for [`Error::DatePhrase`].
fn tokenize(phrase: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut chars = phrase.char_indices().peekable();
    let column = |byte: usize| phrase[..byte].chars().count() + 1;
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let mut end = start;
            while let Some(&(i, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                end = i + d.len_utf8();
                chars.next();
            }
            let digits = &phrase[start..end];
            let value = digits
                .parse::<u32>()
                .ok()
                .filter(|_| digits.len() <= 4)
                .ok_or_else(|| {
                    format!(
                        "the number {digits} at column {} is too long; expected a day or a year of at most four digits",
                        column(start)
                    )
                })?;
            let mut suffix_end = end;
            while let Some(&(i, l)) = chars.peek().filter(|(_, l)| l.is_alphabetic()) {
                suffix_end = i + l.len_utf8();
                chars.next();
            }
            let suffix = phrase[end..suffix_end].to_lowercase();
            let ordinal = !suffix.is_empty();
            if ordinal && suffix != ordinal_suffix(value) {
                return Err(format!(
                    "{:?} at column {} is not an ordinal; expected \"{value}{}\"",
                    &phrase[start..suffix_end],
                    column(start),
                    ordinal_suffix(value)
                ));
            }
            tokens.push(Token::Number {
                value,
                digits: digits.len(),
                ordinal,
            });
        } else if c.is_alphabetic() {
            let mut end = start;
            while let Some(&(i, l)) = chars.peek().filter(|(_, l)| l.is_alphabetic()) {
                end = i + l.len_utf8();
                chars.next();
            }
            // An abbreviation's full stop: "Sept.".
            if chars.peek().is_some_and(|&(_, p)| p == '.') {
                chars.next();
            }
            let word = phrase[start..end].to_lowercase();
            match VOCABULARY.iter().find(|(w, _)| *w == word) {
                Some((_, Some(token))) => tokens.push(*token),
                Some((_, None)) => {}
                None => {
                    return Err(format!(
                        "unknown word {:?} at column {}; expected a month such as \"September\" or \"Sept.\", a weekday, \"to\" or \"and\"",
                        &phrase[start..end],
                        column(start)
                    ));
                }
            }
        } else {
            let token = match c {
                '-' | '–' | '—' | '‒' | '‐' => Token::Range,
                '&' => Token::Pair,
                ',' => Token::Comma,
                '?' => Token::Unknown,
                _ => {
                    return Err(format!(
                        "unexpected {c:?} at column {}; expected a day, a month, a year, '-', '&' or ','",
                        column(start)
                    ));
                }
            };
            tokens.push(token);
            chars.next();
        }
    }
    Ok(tokens)
}

/// The English ordinal suffix of `n`: `st`, `nd`, `rd` or `th`.
fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// What one side of a phrase gives: any of a day, a month and a year.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Endpoint {
    day: Option<u32>,
    month: Option<u32>,
    year: Option<Year>,
    weekday: Option<Weekday>,
}

/// A year as written: in full, or by its last two digits.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Year {
    Full(i32),
    TwoDigit(i32),
}

impl Year {
    fn resolve(self, context_year: Option<i32>) -> i32 {
        match self {
            Year::Full(y) => y,
            Year::TwoDigit(yy) => context_year.map_or(2000, |c| c - c.rem_euclid(100)) + yy,
        }
    }
}

/// How the second endpoint is joined to the first.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Join {
    Range,
    Pair,
}

/// A phrase after the grammar and before its gaps are filled in.
#[derive(Debug, PartialEq)]
enum Parsed {
    Single(Endpoint),
    Both(Endpoint, Join, Endpoint),
    UnknownEnd(Endpoint),
    OpenEnd(Endpoint),
}

struct Grammar<'t> {
    tokens: &'t [Token],
    pos: usize,
}

impl Grammar<'_> {
    fn peek(&self) -> Option<Token> {
        self.tokens.get(self.pos).copied()
    }

    fn next_if(&mut self, wanted: impl Fn(Token) -> bool) -> Option<Token> {
        let token = self.peek().filter(|t| wanted(*t))?;
        self.pos += 1;
        Some(token)
    }

    fn found(&self) -> String {
        self.peek()
            .map_or_else(|| "the end of the phrase".to_owned(), |t| t.to_string())
    }

    /// phrase := endpoint ( end | (range|pair) (endpoint | unknown) | range? unknown | open )
    fn phrase(mut self) -> Result<Parsed, String> {
        let first = self.endpoint()?;
        let parsed = match self.peek() {
            None => return Ok(Parsed::Single(first)),
            Some(Token::Open) => {
                self.pos += 1;
                Parsed::OpenEnd(first)
            }
            Some(Token::Unknown) => {
                self.pos += 1;
                Parsed::UnknownEnd(first)
            }
            Some(join @ (Token::Range | Token::Pair)) => {
                self.pos += 1;
                if self.next_if(|t| t == Token::Unknown).is_some() {
                    Parsed::UnknownEnd(first)
                } else {
                    let join = if join == Token::Pair {
                        Join::Pair
                    } else {
                        Join::Range
                    };
                    Parsed::Both(first, join, self.endpoint()?)
                }
            }
            Some(_) => {
                return Err(format!(
                    "{} after the first date; expected '-', \"to\", '&' or the end of the phrase",
                    self.found()
                ));
            }
        };
        match self.peek() {
            None => Ok(parsed),
            Some(_) => Err(format!(
                "{} after the last date; expected the end of the phrase",
                self.found()
            )),
        }
    }

    /// endpoint := weekday? ','? ( month day? ','? year? | day month? ','? year? | year )
    fn endpoint(&mut self) -> Result<Endpoint, String> {
        let mut end = Endpoint::default();
        if let Some(Token::Weekday(w)) = self.next_if(|t| matches!(t, Token::Weekday(_))) {
            end.weekday = Some(w);
            self.next_if(|t| t == Token::Comma);
        }
        match self.peek() {
            Some(Token::Month(m)) => {
                self.pos += 1;
                end.month = Some(m);
                if let Some(Token::Number { value, .. }) = self.next_if(is_day) {
                    end.day = Some(value);
                    // After a month and a day, two digits are a year: "Feb 25, 13".
                    self.year_or_two_digits(&mut end);
                } else {
                    self.year(&mut end);
                }
            }
            Some(Token::Number { .. }) if self.peek().is_some_and(is_day) => {
                if let Some(Token::Number { value, .. }) = self.next_if(is_day) {
                    end.day = Some(value);
                }
                if let Some(Token::Month(m)) = self.next_if(|t| matches!(t, Token::Month(_))) {
                    end.month = Some(m);
                    // After a day and a month, two digits are a year: "25 Feb 13".
                    self.year_or_two_digits(&mut end);
                } else {
                    self.year(&mut end);
                }
            }
            Some(Token::Number { .. }) => self.year(&mut end),
            _ => {
                return Err(format!(
                    "{} where a date should start; expected a day, a month such as \"September\" or a year",
                    self.found()
                ));
            }
        }
        if end.year.is_none() && end.month.is_none() && end.day.is_none() {
            return Err(format!(
                "{} where a date should start; expected a day, a month or a year",
                self.found()
            ));
        }
        Ok(end)
    }

    /// An optional year of three or four digits, after an optional comma.
    fn year(&mut self, end: &mut Endpoint) {
        let comma = self.pos;
        self.next_if(|t| t == Token::Comma);
        match self.peek() {
            Some(Token::Number {
                value,
                digits: 3..,
                ordinal: false,
            }) => {
                self.pos += 1;
                end.year = Some(Year::Full(value as i32));
            }
            // A comma not followed by a year belongs to whatever comes next.
            _ => self.pos = comma,
        }
    }

    fn year_or_two_digits(&mut self, end: &mut Endpoint) {
        self.year(end);
        let comma = self.pos;
        self.next_if(|t| t == Token::Comma);
        if end.year.is_none()
            && let Some(Token::Number { value, .. }) = self.next_if(|t| {
                matches!(
                    t,
                    Token::Number {
                        digits: 2,
                        ordinal: false,
                        ..
                    }
                )
            })
        {
            end.year = Some(Year::TwoDigit(value as i32));
        } else {
            self.pos = comma;
        }
    }
}

/// Whether `token` can be a day: an ordinal, or a number of one or two digits.
fn is_day(token: Token) -> bool {
    matches!(
        token,
        Token::Number { ordinal: true, .. } | Token::Number { digits: 1..=2, .. }
    )
}

impl Parsed {
    fn resolve(self, context_year: Option<i32>) -> Result<DateSpan, String> {
        match self {
            Parsed::Single(e) => Ok(DateSpan::on(e.checked_date(context_year)?)),
            Parsed::UnknownEnd(e) => Ok(DateSpan::with_unknown_end(e.checked_date(context_year)?)),
            Parsed::OpenEnd(e) => Ok(DateSpan::open_ended(e.checked_date(context_year)?)),
            Parsed::Both(first, join, second) => {
                let first_has_year = first.year.is_some();
                let second_has_year = second.year.is_some();
                let (first, second) = fill_gaps(first, second);
                let mut start = first.date(context_year)?;
                let mut end = second.date(context_year)?;
                // A range whose months run backwards within one year crosses New Year, unless
                // both years were written: "December 31 - January 2, 2013".
                if !(first_has_year && second_has_year)
                    && start.year_number() == end.year_number()
                    && start.month().zip(end.month()).is_some_and(|(a, b)| a > b)
                {
                    if !first_has_year && second_has_year {
                        start = shift_year(start, -1)?;
                    } else {
                        end = shift_year(end, 1)?;
                    }
                }
                first.check_weekday(start)?;
                second.check_weekday(end)?;
                if join == Join::Pair {
                    let next = start.to_naive().and_then(|d| d.succ_opt());
                    if start.precision() != Precision::Day || next != end.to_naive() {
                        return Err(format!(
                            "{} and {} joined by '&' are not two consecutive days, and a date \
                             span is one stretch of days; expected a pair such as \"September 25 & 26\"",
                            english(start),
                            english(end)
                        ));
                    }
                }
                DateSpan::between(start, end).map_err(|_| {
                    format!(
                        "it ends ({end}) before it starts ({start}); expected an end on or after the start"
                    )
                })
            }
        }
    }
}

/// Gives each endpoint the parts it leaves out above its most precise part, from the other.
fn fill_gaps(first: Endpoint, second: Endpoint) -> (Endpoint, Endpoint) {
    fn fill(this: Endpoint, other: Endpoint) -> Endpoint {
        let mut this = this;
        if this.month.is_none() && this.day.is_some() {
            this.month = other.month;
        }
        if this.year.is_none() && this.month.is_some() {
            this.year = other.year;
        }
        this
    }
    (fill(first, second), fill(second, first))
}

/// `date` moved by `years`, keeping its month and day.
fn shift_year(date: PartialDate, years: i32) -> Result<PartialDate, String> {
    let year = date.year_number() + years;
    match (date.month(), date.day()) {
        (Some(m), Some(d)) => PartialDate::ymd(year, m, d),
        (Some(m), None) => PartialDate::year_month(year, m),
        _ => PartialDate::year(year),
    }
    .map_err(|err| match err {
        plenary_core::Error::DateOutOfRange { reason, .. } => reason,
        other => other.to_string(),
    })
}

impl Endpoint {
    /// The partial date this endpoint names, years taken from the context when it has none.
    fn date(&self, context_year: Option<i32>) -> Result<PartialDate, String> {
        let year = match self.year {
            Some(year) => year.resolve(context_year),
            None => context_year.ok_or_else(|| {
                "it has no year and no context year was given; expected a year such as \
                 \"September 14, 2012\""
                    .to_owned()
            })?,
        };
        match (self.day, self.month) {
            (Some(day), Some(month)) => PartialDate::ymd(year, month, day),
            (None, Some(month)) => PartialDate::year_month(year, month),
            (None, None) => PartialDate::year(year),
            (Some(day), None) => {
                return Err(format!(
                    "day {day} has no month; expected a month such as \"September {day}\""
                ));
            }
        }
        .map_err(|err| match err {
            plenary_core::Error::DateOutOfRange { reason, .. } => reason,
            other => other.to_string(),
        })
    }

    fn checked_date(&self, context_year: Option<i32>) -> Result<PartialDate, String> {
        let date = self.date(context_year)?;
        self.check_weekday(date)?;
        Ok(date)
    }

    /// A weekday written beside a date must be that date's weekday.
    fn check_weekday(&self, date: PartialDate) -> Result<(), String> {
        match (self.weekday, date.to_naive()) {
            (Some(weekday), Some(day)) if day.weekday() != weekday => Err(format!(
                "{} was a {}, not a {}",
                english(date),
                weekday_name(day.weekday()),
                weekday_name(weekday)
            )),
            (Some(_), None) => Err(format!(
                "a weekday is given for {}, which is not a single day; expected a day such as \
                 \"Thursday, 22 November 2012\"",
                english(date)
            )),
            _ => Ok(()),
        }
    }
}

fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Phrase, context year, the EDTF span it means.
    const READS: &[(&str, Option<i32>, &str)] = &[
        // The phrases of the seeds and of issue 3.
        ("August 6-8", Some(2012), "2012-08-06/2012-08-08"),
        ("September 14-?", Some(2012), "2012-09-14/"),
        ("September 25 & 26", Some(2012), "2012-09-25/2012-09-26"),
        ("3-14 December 2012", None, "2012-12-03/2012-12-14"),
        ("25-27 Feb 13", Some(2012), "2013-02-25/2013-02-27"),
        (
            "30 November - 2 December 2012",
            None,
            "2012-11-30/2012-12-02",
        ),
        (
            "30 November – 2 December 2012",
            None,
            "2012-11-30/2012-12-02",
        ),
        (
            "December 31, 2012 - January 2, 2013",
            None,
            "2012-12-31/2013-01-02",
        ),
        ("May 14–16, 2013", None, "2013-05-14/2013-05-16"),
        ("1st-3rd October", Some(2012), "2012-10-01/2012-10-03"),
        ("Sept. 10-14", Some(2012), "2012-09-10/2012-09-14"),
        ("10 to 14 September 2012", None, "2012-09-10/2012-09-14"),
        ("December 2012", None, "2012-12"),
        ("2014", None, "2014"),
        ("February 21, 2013", None, "2013-02-21"),
        // More of the same families.
        ("September 10-14", Some(2012), "2012-09-10/2012-09-14"),
        ("September 11-14", Some(2012), "2012-09-11/2012-09-14"),
        ("October 8-9", Some(2012), "2012-10-08/2012-10-09"),
        ("November 20-29", Some(2012), "2012-11-20/2012-11-29"),
        ("December 3-14", Some(2012), "2012-12-03/2012-12-14"),
        ("September 20th", Some(2012), "2012-09-20"),
        ("November 3rd", Some(2012), "2012-11-03"),
        ("14-16 May 2013", None, "2013-05-14/2013-05-16"),
        ("14 May 2013", None, "2013-05-14"),
        ("May 2013", None, "2013-05"),
        ("may 14 - 16 2013", None, "2013-05-14/2013-05-16"),
        ("SEPTEMBER 14 - ?", Some(2012), "2012-09-14/"),
        ("September 14 – TBD", Some(2012), "2012-09-14/"),
        ("14 September 2012 onwards", None, "2012-09-14/.."),
        ("from 14 September 2012 onwards", None, "2012-09-14/.."),
        ("Thursday, 22 November 2012", None, "2012-11-22"),
        ("Thu 22 Nov 2012", None, "2012-11-22"),
        (
            "Monday 3 December - Friday 14 December 2012",
            None,
            "2012-12-03/2012-12-14",
        ),
        ("3rd of December 2012", None, "2012-12-03"),
        ("the 3rd of December", Some(2012), "2012-12-03"),
        (
            "December 31 - January 2",
            Some(2012),
            "2012-12-31/2013-01-02",
        ),
        (
            "December 31 - January 2, 2013",
            None,
            "2012-12-31/2013-01-02",
        ),
        ("31 Dec 2012 – 2 Jan 2013", None, "2012-12-31/2013-01-02"),
        ("November 2012 - February 2013", None, "2012-11/2013-02"),
        ("November - December 2012", None, "2012-11/2012-12"),
        ("2012 - 2014", None, "2012/2014"),
        ("2012-12-03/2012-12-14", None, "2012-12-03/2012-12-14"),
        ("2012-09-14/", None, "2012-09-14/"),
        ("  August 6-8  ", Some(2012), "2012-08-06/2012-08-08"),
        ("Aug 6—8", Some(2012), "2012-08-06/2012-08-08"),
        ("6 until 8 August", Some(2012), "2012-08-06/2012-08-08"),
        ("6 through 8 August 2012", None, "2012-08-06/2012-08-08"),
        ("6th and 7th August", Some(2012), "2012-08-06/2012-08-07"),
        ("February 29, 2012", None, "2012-02-29"),
        ("21st-23rd Feb 2014", None, "2014-02-21/2014-02-23"),
        ("11th-13th June", Some(2013), "2013-06-11/2013-06-13"),
        ("December 3 - 3", Some(2012), "2012-12-03"),
        ("Jan 5 99", Some(1998), "1999-01-05"),
        ("5 Jan 99", Some(1998), "1999-01-05"),
        ("5 Jan 13", None, "2013-01-05"),
        ("October 2014", Some(2012), "2014-10"),
    ];

    #[test]
    fn reads_every_phrase_of_the_table() {
        for (phrase, year, edtf) in READS {
            match parse_date_phrase(phrase, *year) {
                Ok(span) => assert_eq!(span.to_string(), *edtf, "{phrase:?}"),
                Err(err) => panic!("{phrase:?}: {err}"),
            }
        }
    }

    /// Phrase, context year, the reason given.
    const REFUSES: &[(&str, Option<i32>, &str)] = &[
        (
            "February 30, 2013",
            None,
            "day 30 does not exist in February 2013",
        ),
        (
            "February 29, 2013",
            None,
            "day 29 does not exist in February 2013",
        ),
        (
            "April 31",
            Some(2012),
            "day 31 does not exist in April 2012",
        ),
        (
            "September 0",
            Some(2012),
            "day 0 does not exist in September 2012",
        ),
        (
            "September 14-10",
            Some(2012),
            "it ends (2012-09-10) before it starts (2012-09-14); expected an end on or after the start",
        ),
        (
            "2014 - 2012",
            None,
            "it ends (2012) before it starts (2014); expected an end on or after the start",
        ),
        (
            "banana",
            None,
            "unknown word \"banana\" at column 1; expected a month such as \"September\" or \"Sept.\", a weekday, \"to\" or \"and\"",
        ),
        (
            "Septembre 14",
            Some(2012),
            "unknown word \"Septembre\" at column 1; expected a month such as \"September\" or \"Sept.\", a weekday, \"to\" or \"and\"",
        ),
        (
            "",
            None,
            "it is empty; expected a date such as \"3-14 December 2012\"",
        ),
        (
            "   ",
            None,
            "it is empty; expected a date such as \"3-14 December 2012\"",
        ),
        (
            "14-16",
            Some(2012),
            "day 14 has no month; expected a month such as \"September 14\"",
        ),
        (
            "August 6-8",
            None,
            "it has no year and no context year was given; expected a year such as \"September 14, 2012\"",
        ),
        (
            "September 25 & 27",
            Some(2012),
            "25 September 2012 and 27 September 2012 joined by '&' are not two consecutive days, and a date span is one stretch of days; expected a pair such as \"September 25 & 26\"",
        ),
        (
            "1th October",
            Some(2012),
            "\"1th\" at column 1 is not an ordinal; expected \"1st\"",
        ),
        (
            "Friday, 22 November 2012",
            None,
            "22 November 2012 was a Thursday, not a Friday",
        ),
        (
            "Friday, November 2012",
            None,
            "a weekday is given for November 2012, which is not a single day; expected a day such as \"Thursday, 22 November 2012\"",
        ),
        (
            "August 6-8 2012 2013",
            None,
            "the number 2013 after the last date; expected the end of the phrase",
        ),
        (
            "August 6 8",
            Some(2012),
            "the number 8 after the first date; expected '-', \"to\", '&' or the end of the phrase",
        ),
        (
            "- August 8",
            Some(2012),
            "a range dash where a date should start; expected a day, a month such as \"September\" or a year",
        ),
        (
            "August 6-",
            Some(2012),
            "the end of the phrase where a date should start; expected a day, a month such as \"September\" or a year",
        ),
        (
            "August 6 / 8",
            Some(2012),
            "unexpected '/' at column 10; expected a day, a month, a year, '-', '&' or ','",
        ),
        (
            "20121203",
            None,
            "the number 20121203 at column 1 is too long; expected a day or a year of at most four digits",
        ),
        (
            "99999999999999999999 May",
            None,
            "the number 99999999999999999999 at column 1 is too long; expected a day or a year of at most four digits",
        ),
        ("32 May 2013", None, "day 32 does not exist in May 2013"),
        (
            "December 2012-?-?",
            None,
            "a range dash after the last date; expected the end of the phrase",
        ),
        (
            "Sept. 10-14 !",
            Some(2012),
            "unexpected '!' at column 13; expected a day, a month, a year, '-', '&' or ','",
        ),
    ];

    #[test]
    fn refuses_with_a_reason() {
        for (phrase, year, reason) in REFUSES {
            assert_eq!(
                parse_date_phrase(phrase, *year),
                Err(Error::DatePhrase {
                    phrase: (*phrase).to_owned(),
                    reason: (*reason).to_owned()
                }),
                "{phrase:?}"
            );
        }
    }

    #[test]
    fn the_error_message_quotes_the_phrase() {
        let err = parse_date_phrase("February 30, 2013", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid date phrase \"February 30, 2013\": day 30 does not exist in February 2013"
        );
    }

    #[test]
    fn writes_phrases_it_reads_back() {
        for (edtf, phrase) in [
            ("2012-12-03/2012-12-14", "3–14 December 2012"),
            ("2012-11-30/2012-12-02", "30 November – 2 December 2012"),
            ("2012-12-31/2013-01-02", "31 December 2012 – 2 January 2013"),
            ("2012-09-14/", "14 September 2012 – ?"),
            ("2012-09-14/..", "14 September 2012 onwards"),
            ("2012-12", "December 2012"),
            ("2012-11/2012-12", "November – December 2012"),
            ("2014", "2014"),
            ("2012/2014", "2012 – 2014"),
            ("2013-02-21", "21 February 2013"),
        ] {
            let span: DateSpan = edtf.parse().unwrap();
            assert_eq!(format_date_phrase(&span), phrase, "{edtf}");
            assert_eq!(parse_date_phrase(phrase, None), Ok(span), "{phrase}");
        }
    }
}
