//! The grammar of one date mention over the tokens of [`crate::date_token`], shared by
//! [`find_dates`](crate::find_dates) (which skips what does not read) and
//! [`read_date_phrase`](crate::read_date_phrase) (which says why).
//!
//! ```text
//! mention  := prefix* ( unknown | endpoint times? body suffix? )
//! prefix   := deadline word | approximate word | uncertain word | "between"
//! body     := ε | "onwards" | (range | pair) ( "?" | "TBD" | endpoint times? )
//! endpoint := "~"? weekday? ","? ( numeric | year month? day? | month day? ","? year?
//!             | day month? ","? year? | year ) "?"?
//! times    := ","? time ( range time )?
//! suffix   := ","? "("? ( "?" | "tbc" | "to be confirmed" | … ) ")"?
//! ```
//!
//! Filler words (`the`, `of`, `de`, `года`) may stand between any two tokens. Each endpoint
//! takes what it leaves out from the other, then from the context.

use chrono::{Datelike, NaiveTime, Weekday};
use plenary_core::{DateSpan, PartialDate, Precision, Qualifier};

use crate::DateMention;
use crate::date_context::DateContext;
use crate::date_token::{Bad, Kind, Token, Year, english_ordinal_suffix};
use crate::lang::Word;

/// The most filler words skipped in a row, and prefix words read, so that every attempt at a
/// mention reads a bounded number of tokens and a whole text is read in linear time.
const MAX_FILLERS: usize = 8;
const MAX_PREFIXES: usize = 4;

/// A mention read from the tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    /// The index of the token after the mention.
    pub(crate) next: usize,
    /// The byte span of the mention in the text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) mention: DateMention,
    /// Whether it names one date (so that a dash may still follow it).
    pub(crate) single: bool,
}

/// Why no mention was read: `None` when scanning (nobody asks), the reason when strict.
pub(crate) type Miss = Option<String>;

/// What one side of a range gives.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Endpoint {
    day: Option<u32>,
    /// Whether the day was written as an ordinal (`5th`, `1er`, `3日`).
    ordinal: bool,
    month: Option<u32>,
    year: Option<Year>,
    weekday: Option<Weekday>,
    qualifier: Qualifier,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Join {
    Range,
    Pair,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Body {
    Single(Endpoint),
    Both(Endpoint, Join, Endpoint),
    UnknownEnd(Endpoint),
    OpenEnd(Endpoint),
}

pub(crate) struct Reader<'t> {
    text: &'t str,
    tokens: &'t [Token],
    pos: usize,
    context: &'t DateContext,
    strict: bool,
    /// Whether the tokens are running text, where a month or a number alone is rarely a date.
    prose: bool,
    first_byte: Option<usize>,
    last_byte: usize,
}

/// Whether a mention may start with a token of this kind.
pub(crate) fn starts_mention(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Number { .. }
            | Kind::Year(_)
            | Kind::Month(_)
            | Kind::Weekday(_)
            | Kind::Numeric { .. }
            | Kind::Tilde
            | Kind::Word(
                Word::Deadline
                    | Word::RangeOrDeadline
                    | Word::Approximate
                    | Word::Uncertain
                    | Word::Unknown
                    | Word::Announced
                    | Word::Confirm
                    | Word::Between
            )
    )
}

fn starts_endpoint(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Number { .. }
            | Kind::Year(_)
            | Kind::Month(_)
            | Kind::Weekday(_)
            | Kind::Numeric { .. }
            | Kind::Tilde
    )
}

/// Whether a number can be a day: an ordinal, or one or two digits.
fn is_day(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Number { ordinal: true, .. } | Kind::Number { digits: 1..=2, .. }
    )
}

/// How a token is named in an error.
pub(crate) fn describe(kind: Kind) -> String {
    match kind {
        Kind::Number { value, .. } => format!("the number {value}"),
        Kind::Year(y) => format!("the year {y}"),
        Kind::Month(m) => format!("the month {}", plenary_core::month_name(m).unwrap_or("?")),
        Kind::Weekday(w) => format!("the weekday {}", weekday_name(w)),
        Kind::Numeric { .. } => "a numeric date".to_owned(),
        Kind::Time(t) => format!("the time {}", t.format("%H:%M")),
        Kind::Word(Word::Range | Word::RangeOrDeadline) | Kind::Dash => "a range dash".to_owned(),
        Kind::Word(Word::Pair) | Kind::Ampersand => "'&'".to_owned(),
        Kind::Word(Word::Open) => "\"onwards\"".to_owned(),
        Kind::Word(Word::Unknown | Word::Uncertain | Word::Confirm | Word::Announced) => {
            "a word saying the date is not known".to_owned()
        }
        Kind::Word(Word::Deadline) => "a deadline word".to_owned(),
        Kind::Word(_) => "a word".to_owned(),
        Kind::Comma => "','".to_owned(),
        Kind::Question => "'?'".to_owned(),
        Kind::Tilde => "'~'".to_owned(),
        Kind::OpenParen => "'('".to_owned(),
        Kind::CloseParen => "')'".to_owned(),
        Kind::Stray(c) | Kind::Sign(c) => format!("{c:?}"),
        Kind::Unknown => "an unknown word".to_owned(),
        Kind::Bad(_) => "a malformed number".to_owned(),
    }
}

impl<'t> Reader<'t> {
    pub(crate) fn new(
        text: &'t str,
        tokens: &'t [Token],
        pos: usize,
        context: &'t DateContext,
        strict: bool,
    ) -> Self {
        Self {
            text,
            tokens,
            pos,
            context,
            strict,
            prose: false,
            first_byte: None,
            last_byte: 0,
        }
    }

    /// The same reader, reading running text.
    pub(crate) fn in_prose(self) -> Self {
        Self {
            prose: true,
            ..self
        }
    }

    fn miss(&self, reason: impl FnOnce() -> String) -> Miss {
        self.strict.then(reason)
    }

    /// The index of the next token that is not a filler word.
    fn next_index(&self) -> usize {
        let mut i = self.pos;
        let mut skipped = 0;
        while skipped < MAX_FILLERS
            && self
                .tokens
                .get(i)
                .is_some_and(|t| t.kind == Kind::Word(Word::Filler))
        {
            i += 1;
            skipped += 1;
        }
        i
    }

    fn peek(&self) -> Option<Kind> {
        self.tokens.get(self.next_index()).map(|t| t.kind)
    }

    fn peek_after(&self) -> Option<Kind> {
        let mut ahead = Reader::new(
            self.text,
            self.tokens,
            self.next_index() + 1,
            self.context,
            false,
        );
        ahead.pos = ahead.next_index();
        ahead.tokens.get(ahead.pos).map(|t| t.kind)
    }

    fn bump(&mut self) {
        let i = self.next_index();
        if let Some(token) = self.tokens.get(i) {
            self.first_byte.get_or_insert(token.start);
            self.last_byte = token.end;
        }
        self.pos = i + 1;
    }

    fn found(&self) -> String {
        self.tokens
            .get(self.next_index())
            .map_or_else(|| "the end of the phrase".to_owned(), |t| describe(t.kind))
    }

    /// Reads one mention from the current token.
    pub(crate) fn mention(&mut self) -> Result<Found, Miss> {
        let mut all = Qualifier::Exact;
        let mut deadline = false;
        let mut between = false;
        for _ in 0..MAX_PREFIXES {
            match self.peek() {
                Some(Kind::Word(Word::Deadline | Word::RangeOrDeadline)) => deadline = true,
                Some(Kind::Word(Word::Approximate)) => all = all.and(Qualifier::Approximate),
                Some(Kind::Word(Word::Uncertain))
                    if self.peek_after().is_some_and(starts_endpoint) =>
                {
                    all = all.and(Qualifier::Uncertain);
                }
                Some(Kind::Word(Word::Between)) => between = true,
                _ => break,
            }
            self.bump();
        }
        // A date not known: "TBA", or "to be announced" after its "be" or connector.
        let announced_after = |kind: Kind| {
            matches!(
                kind,
                Kind::Word(Word::Be | Word::Range | Word::RangeOrDeadline | Word::Filler)
            )
        };
        let standalone = match self.peek() {
            Some(Kind::Word(Word::Unknown)) => true,
            Some(Kind::Word(Word::Announced | Word::Confirm)) => {
                let i = self.next_index();
                i > 0 && announced_after(self.tokens[i - 1].kind)
            }
            _ => false,
        };
        if standalone {
            self.bump();
            return Ok(self.found_mention(DateMention::Unknown, true));
        }
        let first = self.endpoint()?;
        let first_times = self.times();
        let mut times = first_times;
        let after_first = (self.pos, self.last_byte);
        let mut body = Body::Single(first);
        match self.peek() {
            Some(Kind::Word(Word::Open)) => {
                self.bump();
                body = Body::OpenEnd(first);
            }
            Some(
                join @ (Kind::Dash
                | Kind::Ampersand
                | Kind::Word(Word::Range | Word::RangeOrDeadline | Word::Pair)),
            ) if !(times.is_some() && join == Kind::Dash) => {
                let (pos, last_byte) = (self.pos, self.last_byte);
                self.bump();
                let pair = matches!(join, Kind::Ampersand | Kind::Word(Word::Pair));
                let join = if pair && !between {
                    Join::Pair
                } else {
                    Join::Range
                };
                match self.peek() {
                    Some(Kind::Question | Kind::Word(Word::Unknown | Word::Uncertain))
                        if join == Join::Range =>
                    {
                        self.bump();
                        body = Body::UnknownEnd(first);
                    }
                    _ => match self.endpoint() {
                        Ok(second) => {
                            body = Body::Both(first, join, second);
                            if times.is_none() {
                                times = self.times();
                            }
                        }
                        Err(miss) if self.strict => return Err(miss),
                        Err(_) => (self.pos, self.last_byte) = (pos, last_byte),
                    },
                }
            }
            _ => {}
        }
        let prefixed = all;
        all = all.and(self.suffix());
        let days = match self.resolve(body, all) {
            Ok(days) => days,
            // While scanning, two dates that do not make one span are two mentions:
            // "3 March 2014 and 5 May 2014".
            Err(_) if !self.strict && matches!(body, Body::Both(_, Join::Pair, _)) => {
                (self.pos, self.last_byte) = after_first;
                body = Body::Single(first);
                times = first_times;
                all = prefixed.and(self.suffix());
                self.resolve(body, all).map_err(|_| None)?
            }
            Err(reason) => return Err(self.strict.then_some(reason)),
        };
        let single = matches!(body, Body::Single(_));
        let mention = match (times, deadline) {
            (time, true) if days.is_single() => DateMention::Deadline {
                due: days.start(),
                time: time.map(|(start, _)| start),
            },
            (Some((start, end)), _) => DateMention::Times {
                days,
                start,
                end,
                time_zone: self.context.time_zone,
            },
            _ => DateMention::Span(days),
        };
        if self.prose && !deadline && !between && times.is_none() && !plausible(body) {
            return Err(None);
        }
        Ok(self.found_mention(mention, single))
    }

    fn found_mention(&self, mention: DateMention, single: bool) -> Found {
        Found {
            next: self.pos,
            start: self.first_byte.unwrap_or(self.last_byte),
            end: self.last_byte,
            mention,
            single,
        }
    }

    fn endpoint(&mut self) -> Result<Endpoint, Miss> {
        let mut end = Endpoint::default();
        let i = self.next_index();
        if self.peek() == Some(Kind::Tilde)
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|next| next.start == self.tokens[i].end)
        {
            self.bump();
            end.qualifier = Qualifier::Approximate;
        }
        if let Some(Kind::Weekday(w)) = self.peek() {
            self.bump();
            end.weekday = Some(w);
            if self.peek() == Some(Kind::Comma) {
                self.bump();
            }
        }
        match self.peek() {
            Some(Kind::Numeric { year, month, day }) => {
                self.bump();
                (end.year, end.month, end.day) = (Some(year), Some(month), day);
            }
            Some(Kind::Year(year)) => {
                self.bump();
                end.year = Some(Year::Full(year));
                if let Some(Kind::Month(m)) = self.peek() {
                    self.bump();
                    end.month = Some(m);
                    if let Some(Kind::Number { value, .. }) = self.peek().filter(|k| is_day(*k)) {
                        self.bump();
                        end.day = Some(value);
                    }
                }
            }
            Some(Kind::Month(m)) => {
                self.bump();
                end.month = Some(m);
                if let Some(Kind::Number { value, .. }) = self.peek().filter(|k| is_day(*k)) {
                    self.bump();
                    end.day = Some(value);
                    // After a month and a day, two digits are a year: "Feb 25, 13".
                    self.year_or_two_digits(&mut end);
                } else {
                    self.year(&mut end);
                }
            }
            Some(kind @ Kind::Number { value, ordinal, .. }) if is_day(kind) => {
                self.bump();
                end.day = Some(value);
                end.ordinal = ordinal;
                if let Some(Kind::Month(m)) = self.peek() {
                    self.bump();
                    end.month = Some(m);
                    // After a day and a month, two digits are a year: "25 Feb 13".
                    self.year_or_two_digits(&mut end);
                } else {
                    self.year(&mut end);
                }
            }
            Some(Kind::Number { .. }) => {
                self.year(&mut end);
                if end.year.is_none() {
                    return Err(self.miss(|| {
                        format!(
                            "{} where a date should start; expected a day, a month such as \
                             \"September\" or a year",
                            self.found()
                        )
                    }));
                }
            }
            Some(Kind::Bad(bad)) => {
                let token = self.tokens[self.next_index()];
                return Err(self.miss(|| bad_reason(bad, self.text, token)));
            }
            _ => {
                return Err(self.miss(|| {
                    format!(
                        "{} where a date should start; expected a day, a month such as \
                         \"September\" or a year",
                        self.found()
                    )
                }));
            }
        }
        // "September 14?": a question mark written onto the date.
        if let Some(next) = self.tokens.get(self.pos)
            && next.kind == Kind::Question
            && next.start == self.last_byte
        {
            self.pos += 1;
            self.last_byte = next.end;
            end.qualifier = end.qualifier.and(Qualifier::Uncertain);
        }
        Ok(end)
    }

    /// An optional year of three or four digits (or marked `年`), after an optional comma.
    fn year(&mut self, end: &mut Endpoint) {
        let (pos, last_byte) = (self.pos, self.last_byte);
        if self.peek() == Some(Kind::Comma) {
            self.bump();
        }
        match self.peek() {
            Some(Kind::Number {
                value,
                digits: 3..,
                ordinal: false,
            }) => {
                self.bump();
                end.year = Some(Year::Full(value as i32));
            }
            Some(Kind::Year(year)) => {
                self.bump();
                end.year = Some(Year::Full(year));
            }
            // A comma not followed by a year belongs to whatever comes next.
            _ => (self.pos, self.last_byte) = (pos, last_byte),
        }
    }

    fn year_or_two_digits(&mut self, end: &mut Endpoint) {
        self.year(end);
        if end.year.is_some() {
            return;
        }
        let (pos, last_byte) = (self.pos, self.last_byte);
        if self.peek() == Some(Kind::Comma) {
            self.bump();
        }
        match self.peek() {
            Some(Kind::Number {
                value,
                digits: 2,
                ordinal: false,
            }) => {
                self.bump();
                end.year = Some(Year::TwoDigit(value as i32));
            }
            _ => (self.pos, self.last_byte) = (pos, last_byte),
        }
    }

    /// Hours after a date: `, 09:00-12:30`, `from 9 am to 5 pm`, `14h30`.
    fn times(&mut self) -> Option<(NaiveTime, Option<NaiveTime>)> {
        let (pos, last_byte) = (self.pos, self.last_byte);
        if self.peek() == Some(Kind::Comma) {
            self.bump();
        }
        let Some(Kind::Time(start)) = self.peek() else {
            (self.pos, self.last_byte) = (pos, last_byte);
            return None;
        };
        self.bump();
        let (pos, last_byte) = (self.pos, self.last_byte);
        if let Some(Kind::Dash | Kind::Word(Word::Range | Word::RangeOrDeadline)) = self.peek() {
            self.bump();
            if let Some(Kind::Time(end)) = self.peek() {
                self.bump();
                return Some((start, Some(end)));
            }
        }
        (self.pos, self.last_byte) = (pos, last_byte);
        Some((start, None))
    }

    /// Words after a date that make it uncertain: `?`, `(tbc)`, `, to be confirmed`.
    fn suffix(&mut self) -> Qualifier {
        let (pos, last_byte) = (self.pos, self.last_byte);
        if self.peek() == Some(Kind::Comma) {
            self.bump();
        }
        let paren = self.peek() == Some(Kind::OpenParen);
        if paren {
            self.bump();
        }
        if matches!(
            self.peek(),
            Some(Kind::Dash | Kind::Word(Word::Range | Word::RangeOrDeadline))
        ) && self.peek_after() == Some(Kind::Word(Word::Be))
        {
            self.bump();
        }
        if self.peek() == Some(Kind::Word(Word::Be)) {
            self.bump();
        }
        match self.peek() {
            Some(
                Kind::Question
                | Kind::Word(Word::Unknown | Word::Uncertain | Word::Confirm | Word::Announced),
            ) => {
                self.bump();
                if paren && self.peek() == Some(Kind::CloseParen) {
                    self.bump();
                }
                Qualifier::Uncertain
            }
            _ => {
                (self.pos, self.last_byte) = (pos, last_byte);
                Qualifier::Exact
            }
        }
    }

    fn resolve(&self, body: Body, all: Qualifier) -> Result<DateSpan, String> {
        let qualify =
            |date: PartialDate, end: &Endpoint| date.with_qualifier(all.and(end.qualifier));
        match body {
            Body::Single(e) => Ok(DateSpan::on(qualify(e.checked_date(self.context)?, &e))),
            Body::UnknownEnd(e) => Ok(DateSpan::with_unknown_end(qualify(
                e.checked_date(self.context)?,
                &e,
            ))),
            Body::OpenEnd(e) => Ok(DateSpan::open_ended(qualify(
                e.checked_date(self.context)?,
                &e,
            ))),
            Body::Both(first, join, second) => {
                let first_has_year = first.year.is_some();
                let second_has_year = second.year.is_some();
                let (first, second) = fill_gaps(first, second);
                let mut start = first.date(self.context)?;
                let mut end = second.date(self.context)?;
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
                DateSpan::between(qualify(start, &first), qualify(end, &second)).map_err(|_| {
                    format!(
                        "it ends ({end}) before it starts ({start}); expected an end on or after the start"
                    )
                })
            }
        }
    }
}

/// Whether a mention read while scanning prose is likely a date: a month alone ("May") or a
/// number alone that is not a year of our era are more often other words.
fn plausible(body: Body) -> bool {
    match body {
        Body::Single(e) => match (e.day, e.month, e.year) {
            (None, Some(_), None) => false,
            (None, None, Some(Year::Full(y))) => (1000..=2999).contains(&y),
            (None, None, _) => false,
            _ => true,
        },
        _ => true,
    }
}

/// The column (in characters, from 1) of byte `at` of `text`.
pub(crate) fn column(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |before| before.chars().count()) + 1
}

/// The reason a malformed token is not a date or a time, with where it stands.
pub(crate) fn bad_reason(bad: Bad, text: &str, token: Token) -> String {
    let written = text.get(token.start..token.end).unwrap_or_default();
    let column = column(text, token.start);
    match bad {
        Bad::TooLong => format!(
            "the number {written} at column {column} is too long; expected a day or a year of \
             at most four digits"
        ),
        Bad::Ordinal(value) => format!(
            "{written:?} at column {column} is not an ordinal; expected \"{value}{}\"",
            english_ordinal_suffix(value)
        ),
        Bad::Time { hour, minute } => format!(
            "{written:?} at column {column} is not a time of day ({hour:02}:{minute:02}); \
             expected hours 00 to 23 (1 to 12 with am or pm) and minutes 00 to 59"
        ),
        Bad::Month(month) => format!(
            "{written:?} at column {column}: month {month} does not exist; expected a month 1 \
             to 12"
        ),
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
    .map_err(core_reason)
}

fn core_reason(err: plenary_core::Error) -> String {
    match err {
        plenary_core::Error::DateOutOfRange { reason, .. } => reason,
        other => other.to_string(),
    }
}

impl Endpoint {
    /// The partial date this endpoint names, the year (and month) taken from the context when
    /// it has none.
    fn date(&self, context: &DateContext) -> Result<PartialDate, String> {
        let year = match self.year {
            Some(year) => year.resolve(context.year),
            None => context.year.ok_or_else(|| {
                "it has no year and no context year was given; expected a year such as \
                 \"September 14, 2012\""
                    .to_owned()
            })?,
        };
        // An ordinal alone ("on the 5th") is in the context's month.
        let month = self
            .month
            .or(context.month.filter(|_| self.ordinal && self.day.is_some()));
        match (self.day, month) {
            (Some(day), Some(month)) => PartialDate::ymd(year, month, day),
            (None, Some(month)) => PartialDate::year_month(year, month),
            (None, None) => PartialDate::year(year),
            (Some(day), None) => {
                return Err(format!(
                    "day {day} has no month; expected a month such as \"September {day}\""
                ));
            }
        }
        .map_err(core_reason)
    }

    fn checked_date(&self, context: &DateContext) -> Result<PartialDate, String> {
        let date = self.date(context)?;
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

/// A partial date in English without its qualifier: `3 December 2012`, `December 2012`, `2012`.
pub(crate) fn english(date: PartialDate) -> String {
    let year = date.year_number();
    let month = |m| plenary_core::month_name(m).unwrap_or("?");
    match (date.month(), date.day()) {
        (Some(m), Some(d)) => format!("{d} {} {year:04}", month(m)),
        (Some(m), None) => format!("{} {year:04}", month(m)),
        _ => format!("{year:04}"),
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
