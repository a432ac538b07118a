//! The tokens of dates in running text: numbers, words of the six languages, numeric dates,
//! times and signs, each with its byte span.
//!
//! The tokenizer makes one pass over the text and never fails: what it cannot read becomes a
//! [`Kind::Word`] (an unknown word) or a [`Kind::Bad`] (something that looks like a date or a
//! time but is not one, kept so that a phrase can say why).

use chrono::NaiveTime;

use crate::date_context::{DateContext, NumericOrder};
use crate::lang::{self, Word};

/// A year as written: in full, or by its last two digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Year {
    Full(i32),
    TwoDigit(i32),
}

impl Year {
    pub(crate) fn resolve(self, context_year: Option<i32>) -> i32 {
        match self {
            Year::Full(y) => y,
            Year::TwoDigit(yy) => context_year
                .map_or(2000, |c| c.saturating_sub(c.rem_euclid(100)))
                .saturating_add(yy),
        }
    }
}

/// Why a token that looks like part of a date is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bad {
    /// More than four digits: `20121203`.
    TooLong,
    /// An English ordinal with the wrong suffix: `1th`; the value.
    Ordinal(u32),
    /// A time of day past 23:59 or with minutes past 59: `25:00`.
    Time { hour: u32, minute: u32 },
    /// A numeric date whose month is not 1 to 12: `14.13.2013`.
    Month(u32),
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Digits: the value, how many digits, and whether an ordinal suffix or `日` followed.
    Number {
        value: u32,
        digits: u8,
        ordinal: bool,
    },
    /// A year marked as one: `2012年`.
    Year(i32),
    /// A month name, or a month number marked as one: `12月`.
    Month(u32),
    Weekday(chrono::Weekday),
    /// A numeric date: `07.06.2013`, `7/6/2013`, `2013-06-07`, `14.VI.2013`, `2013-06`.
    Numeric {
        year: Year,
        month: u32,
        day: Option<u32>,
    },
    Time(NaiveTime),
    /// A word of the language tables.
    Word(Word),
    /// `-`, `–`, `—`.
    Dash,
    /// `&`.
    Ampersand,
    Comma,
    /// `?`.
    Question,
    /// `~`.
    Tilde,
    OpenParen,
    CloseParen,
    /// A mark that may stand beside a date without meaning anything: `:`, `*`, `†`, `.`, `;`,
    /// quotes and brackets.
    Stray(char),
    /// Any other sign: `/`, `!`, `=`.
    Sign(char),
    /// A word no table knows.
    Unknown,
    Bad(Bad),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Splits `text` into tokens, reading words in the context's language (or any of the six).
pub(crate) fn tokenize(text: &str, context: &DateContext) -> Vec<Token> {
    let mut tokenizer = Tokenizer {
        text,
        pos: 0,
        context,
        tokens: Vec::with_capacity(text.len() / 16 + 1),
    };
    tokenizer.run();
    tokenizer.tokens
}

struct Tokenizer<'a> {
    text: &'a str,
    pos: usize,
    context: &'a DateContext,
    tokens: Vec<Token>,
}

/// The value of a decimal digit: ASCII, Arabic-Indic, Extended Arabic-Indic or full-width.
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{FF10}'..='\u{FF19}' => Some(c as u32 - 0xFF10),
        _ => None,
    }
}

/// Letters of a word; digits end it, so `12月3日` splits between marks and numbers.
fn is_letter(c: char) -> bool {
    c.is_alphabetic() && digit_value(c).is_none()
}

/// Ordinal suffixes written onto their number: English, French and Spanish.
const ATTACHED_ORDINALS: &[&str] = &[
    "st", "nd", "rd", "th", "er", "re", "ère", "e", "ème", "eme", "o", "a", "º", "ª", "ro", "do",
    "to", "vo", "no",
];

impl Tokenizer<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn push(&mut self, kind: Kind, start: usize) {
        self.tokens.push(Token {
            kind,
            start,
            end: self.pos,
        });
    }

    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() {
            // Fast paths for the ASCII that makes up most prose.
            let b = bytes[self.pos];
            if b.is_ascii_whitespace() {
                self.pos += 1;
                continue;
            }
            if b.is_ascii_alphabetic() {
                let start = self.pos;
                let mut end = start + 1;
                while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
                    end += 1;
                }
                if end == bytes.len() || bytes[end].is_ascii() {
                    self.pos = end;
                    self.finish_word(start);
                    continue;
                }
            }
            let Some(c) = self.peek() else { break };
            let start = self.pos;
            if c.is_whitespace() {
                self.pos += c.len_utf8();
            } else if digit_value(c).is_some() {
                self.number();
            } else if is_letter(c) {
                self.word();
            } else {
                self.pos += c.len_utf8();
                let kind = match c {
                    '-' | '–' | '—' | '‒' | '‐' | '−' => Kind::Dash,
                    '&' => Kind::Ampersand,
                    ',' | '،' | '，' | '、' => Kind::Comma,
                    '?' | '？' => Kind::Question,
                    '~' | '～' => Kind::Tilde,
                    '(' | '（' => Kind::OpenParen,
                    ')' | '）' => Kind::CloseParen,
                    ':' | '*' | '†' | '‡' | '.' | ';' | '"' | '\'' | '‘' | '’' | '“' | '”'
                    | '«' | '»' | '[' | ']' | '。' | '：' => Kind::Stray(c),
                    _ => Kind::Sign(c),
                };
                self.push(kind, start);
            }
        }
    }

    /// Reads digits at the current position: their value (saturating) and count.
    fn digits(&mut self) -> (u32, usize) {
        let mut value: u32 = 0;
        let mut count = 0;
        while let Some(d) = self.peek().and_then(digit_value) {
            value = value.saturating_mul(10).saturating_add(d);
            count += 1;
            self.pos += self.peek().map_or(1, char::len_utf8);
        }
        (value, count)
    }

    /// Digits exactly `count` long at the current position, not followed by another digit.
    fn exact_digits(&mut self, count: usize) -> Option<u32> {
        let save = self.pos;
        let (value, n) = self.digits();
        if n == count {
            Some(value)
        } else {
            self.pos = save;
            None
        }
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Whether a letter follows (so the thing read so far is part of a longer word).
    fn letter_follows(&self) -> bool {
        self.peek().is_some_and(|c| c.is_alphanumeric())
    }

    fn number(&mut self) {
        let start = self.pos;
        let (value, digits) = self.digits();
        if digits > 4 {
            self.push(Kind::Bad(Bad::TooLong), start);
            return;
        }
        let after = self.pos;
        if let Some(kind) = self.numeric_date(value, digits) {
            self.push(kind, start);
            return;
        }
        self.pos = after;
        if let Some(kind) = self.time(value, digits) {
            self.push(kind, start);
            return;
        }
        self.pos = after;
        let kind = match self.peek() {
            Some('年') => Kind::Year(value as i32),
            Some('月') => Kind::Month(value),
            Some('日' | '号') => Kind::Number {
                value,
                digits: digits as u8,
                ordinal: true,
            },
            _ => return self.number_suffix(start, value, digits),
        };
        self.pos += 3;
        if let Kind::Month(m) = kind
            && !(1..=12).contains(&m)
        {
            self.push(Kind::Bad(Bad::Month(m)), start);
        } else {
            self.push(kind, start);
        }
    }

    /// A number, an ordinal (`3rd`, `1er`, `2 nd`), or a word that begins with digits (`4G`).
    fn number_suffix(&mut self, start: usize, value: u32, digits: usize) {
        let number = |ordinal| Kind::Number {
            value,
            digits: digits as u8,
            ordinal,
        };
        let suffix_start = self.pos;
        while self
            .peek()
            .is_some_and(|c| is_letter(c) || c == 'º' || c == 'ª')
        {
            self.pos += self.peek().map_or(1, char::len_utf8);
        }
        if self.pos == suffix_start {
            // "2 nd", "1 er": an ordinal suffix written apart.
            let save = self.pos;
            while self.peek() == Some(' ') {
                self.pos += 1;
            }
            let word_start = self.pos;
            while self.peek().is_some_and(is_letter) {
                self.pos += self.peek().map_or(1, char::len_utf8);
            }
            let word = &self.text[word_start..self.pos];
            if word_start > save
                && !word.is_empty()
                && lang::lookup(word, self.context.language) == Some(Word::OrdinalSuffix)
            {
                let kind = ordinal_kind(value, digits, &lang::fold(word));
                self.push(kind, start);
            } else {
                self.pos = save;
                self.push(number(false), start);
            }
            return;
        }
        let suffix = lang::fold(&self.text[suffix_start..self.pos]);
        if ATTACHED_ORDINALS.contains(&suffix.as_str()) || suffix == "°" {
            let kind = ordinal_kind(value, digits, &suffix);
            self.push(kind, start);
        } else {
            self.push(Kind::Unknown, start);
        }
    }

    /// `07.06.2013`, `7/6/13`, `2013-06-07`, `2013-06`, `14.VI.2013`.
    fn numeric_date(&mut self, first: u32, digits: usize) -> Option<Kind> {
        let order = self.context.order;
        if digits == 4 && self.eat('-') {
            let month = self.exact_digits(2)?;
            let day = if self.eat('-') {
                Some(self.exact_digits(2)?)
            } else {
                None
            };
            if self.letter_follows() || !(1..=12).contains(&month) {
                return None;
            }
            return Some(Kind::Numeric {
                year: Year::Full(first as i32),
                month,
                day,
            });
        }
        if digits > 2 {
            return None;
        }
        let separator = self.peek().filter(|c| *c == '.' || *c == '/')?;
        self.pos += 1;
        let (second, roman) = match self.roman_month() {
            Some(month) if separator == '.' => (month, true),
            _ => {
                let (value, n) = self.digits();
                if !(1..=2).contains(&n) {
                    return None;
                }
                (value, false)
            }
        };
        if !self.eat(separator) {
            return None;
        }
        let (year, year_digits) = self.digits();
        let year = match year_digits {
            4 => Year::Full(year as i32),
            2 => Year::TwoDigit(year as i32),
            _ => return None,
        };
        if self.letter_follows() {
            return None;
        }
        let (day, month) = if roman || order == NumericOrder::DayFirst {
            (first, second)
        } else {
            (second, first)
        };
        if !(1..=12).contains(&month) {
            return Some(Kind::Bad(Bad::Month(month)));
        }
        Some(Kind::Numeric {
            year,
            month,
            day: Some(day),
        })
    }

    /// A Roman month numeral, `I` to `XII` in either case, followed by the separator.
    fn roman_month(&mut self) -> Option<u32> {
        const ROMAN: [&str; 12] = [
            "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
        ];
        let rest = self.rest();
        let len = rest
            .bytes()
            .take_while(|b| matches!(b.to_ascii_lowercase(), b'i' | b'v' | b'x'))
            .count();
        let numeral = rest[..len].to_ascii_lowercase();
        let month = ROMAN.iter().position(|r| *r == numeral)? as u32 + 1;
        self.pos += len;
        Some(month)
    }

    /// `09:00`, `9:00:00`, `14h30`, `14h`, `9.30 am`, `9am`, `5 p.m.`.
    fn time(&mut self, hour: u32, digits: usize) -> Option<Kind> {
        if digits > 2 {
            return None;
        }
        let mut minute = 0;
        let colon = self.eat(':');
        if colon {
            minute = self.exact_digits(2)?;
            if self.eat(':') {
                self.exact_digits(2)?;
            }
        } else if self.peek().is_some_and(|c| c == 'h' || c == 'H') {
            self.pos += 1;
            if let Some(m) = self.exact_digits(2) {
                minute = m;
            }
            if self.letter_follows() {
                return None;
            }
            return Some(time_kind(hour, minute));
        } else if self.eat('.') {
            // "9.30" alone is a decimal number more often than a time: it needs "am" or "pm".
            minute = self.exact_digits(2)?;
        }
        let before_meridiem = self.pos;
        while self.peek() == Some(' ') {
            self.pos += 1;
        }
        match self.meridiem() {
            Some(pm) if (1..=12).contains(&hour) => {
                let hour = match (hour, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                };
                Some(time_kind(hour, minute))
            }
            Some(_) => Some(Kind::Bad(Bad::Time { hour, minute })),
            None if colon => {
                self.pos = before_meridiem;
                Some(time_kind(hour, minute))
            }
            None => None,
        }
    }

    /// `am`, `pm`, `a.m.`, `p.m.` followed by no letter: whether it is afternoon.
    fn meridiem(&mut self) -> Option<bool> {
        let rest = self.rest().as_bytes();
        let pm = match rest.first().map(u8::to_ascii_lowercase) {
            Some(b'a') => false,
            Some(b'p') => true,
            _ => return None,
        };
        let len = if rest.get(1).map(u8::to_ascii_lowercase) == Some(b'm') {
            2
        } else if rest.get(1) == Some(&b'.')
            && rest.get(2).map(u8::to_ascii_lowercase) == Some(b'm')
        {
            if rest.get(3) == Some(&b'.') { 4 } else { 3 }
        } else {
            return None;
        };
        if rest.get(len).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        self.pos += len;
        Some(pm)
    }

    fn word(&mut self) {
        let start = self.pos;
        while self.peek().is_some_and(is_letter) {
            self.pos += self.peek().map_or(1, char::len_utf8);
        }
        self.finish_word(start);
    }

    /// The token of the word from `start` to the current position.
    fn finish_word(&mut self, start: usize) {
        let word = &self.text[start..self.pos];
        let kind = match lang::lookup(word, self.context.language) {
            Some(Word::Month(m)) => Kind::Month(m),
            Some(Word::Weekday(w)) => Kind::Weekday(w),
            Some(w) => Kind::Word(w),
            None => Kind::Unknown,
        };
        // An abbreviation's full stop: "Sept.", "c.".
        if matches!(
            kind,
            Kind::Month(_) | Kind::Weekday(_) | Kind::Word(Word::Approximate | Word::Filler)
        ) && word.chars().count() <= 4
        {
            self.eat('.');
        }
        // A run of unknown words is one token: it stops a date all the same.
        if kind == Kind::Unknown
            && let Some(last) = self.tokens.last_mut()
            && last.kind == Kind::Unknown
            && self.text[last.end..start].bytes().all(|b| b == b' ')
        {
            last.end = self.pos;
            return;
        }
        self.push(kind, start);
    }
}

fn time_kind(hour: u32, minute: u32) -> Kind {
    match NaiveTime::from_hms_opt(hour, minute, 0) {
        Some(time) => Kind::Time(time),
        None => Kind::Bad(Bad::Time { hour, minute }),
    }
}

/// A number with an ordinal suffix; English suffixes must be the right one (`1st`, not `1th`).
fn ordinal_kind(value: u32, digits: usize, suffix: &str) -> Kind {
    if matches!(suffix, "st" | "nd" | "rd" | "th") && suffix != english_ordinal_suffix(value) {
        return Kind::Bad(Bad::Ordinal(value));
    }
    Kind::Number {
        value,
        digits: digits as u8,
        ordinal: true,
    }
}

/// The English ordinal suffix of `n`: `st`, `nd`, `rd` or `th`.
pub(crate) fn english_ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}
