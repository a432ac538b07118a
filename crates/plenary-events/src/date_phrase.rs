//! Date phrases as people write them on conference pages — `August 6-8`, `September 14-?`,
//! `Nairobi, 3 March, 2014`, `du 12 au 16 mars 2012` — read into a [`DateSpan`] or a
//! [`DateMention`], and spans written back as English phrases.
//!
//! Reading is two small steps. A tokenizer turns the phrase into numbers (with their digit count
//! and any ordinal suffix), numeric dates, times, the month, weekday and connector words of the
//! six UN languages (see [`Language`](crate::Language)), and signs. A grammar then reads one or
//! two *endpoints*, each a day, a month and a year in whichever of them are present and in
//! either order, joined by a range or a pair word, with the words around them that make a date
//! a deadline, an uncertain or an approximate one. What an endpoint leaves out is taken from the
//! other endpoint, then from the context. A new real-world phrase is usually a new word in a
//! language table, not a new rule.

use plenary_core::{DateSpan, PartialDate, Precision, Qualifier, SpanEnd};

use crate::date_grammar::{Reader, bad_reason, column, describe, english, starts_mention};
use crate::date_token::{Kind, Token, tokenize};
use crate::lang::Word;
use crate::{DateContext, DateMention, Error};

/// Reads a date phrase into a [`DateSpan`], taking the year from `context_year` when the phrase
/// has none.
///
/// Accepted forms include `August 6-8`, `September 14-?` (end not known yet), `September 25 &
/// 26`, `3-14 December 2012`, `25-27 Feb 13`, `30 November - 2 December 2012` (hyphen, en or em
/// dash), `December 31, 2012 - January 2, 2013`, `May 14–16, 2013`, `1st-3rd October`,
/// `Sept. 10-14`, `10 to 14 September 2012`, `Thursday, 22 November 2012`, `December 2012`,
/// `2014`, `14 September 2012 onwards` (open-ended), EDTF itself (`2012-12-03/2012-12-14`,
/// `2012-09-14?`), numeric dates (`07.06.2013`, `7/6/2013` day first, `14.VI.2013`), the words
/// pages put around one date (`Nairobi, 3 March, 2014`, `Fourth Session: 12-14 June 2013`,
/// `planned for 5-7 October 2010`, `in the period from 2nd to 4th July 2011`, `between 3
/// June-9 August`, `(Oct. 2013)`), uncertainty (`around December 2012` is `2012-12~`, `14
/// September (tbc)` is `2012-09-14?`) and the other UN languages (`du 12 au 16 mars 2012`,
/// `Del 5 al 9 de noviembre`, `с 3 по 14 декабря 2012 года`, `2012年12月3日至14日`).
///
/// A two-digit year (`Feb 13`) is read in the century of the context year, or in the 2000s
/// without one. When an endpoint takes its year from the other and would then run backwards
/// across New Year (`December 31 - January 2, 2013`), the year turns: the start is in 2012.
/// A deadline (`due by 20 September`) reads as its day and hours (`9 April, 09:00-12:30`) as
/// their days: [`read_date_phrase`] keeps what they mean.
///
/// # Errors
///
/// [`Error::DatePhrase`], saying what is wrong, where, and what was expected, for impossible
/// days, reversed ranges, weekdays that do not match their date, two days joined by `&` that
/// are not consecutive, a phrase that holds several dates (which [`find_dates`](crate::find_dates)
/// returns), a date said to be unknown (`TBA`), and anything unreadable.
///
/// ```
/// use plenary_events::parse_date_phrase;
///
/// let rcc = parse_date_phrase("September 14-?", Some(2012))?;
/// assert_eq!(rcc.to_string(), "2012-09-14/");
/// let wsis = parse_date_phrase("25-27 Feb 13", Some(2012))?;
/// assert_eq!(wsis.to_string(), "2013-02-25/2013-02-27");
/// let igf = parse_date_phrase("Nairobi, 3 March, 2014", None)?;
/// assert_eq!(igf.to_string(), "2014-03-03");
///
/// let err = parse_date_phrase("February 30, 2013", None).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"invalid date phrase "February 30, 2013": day 30 does not exist in February 2013"#
/// );
/// # Ok::<(), plenary_events::Error>(())
/// ```
pub fn parse_date_phrase(phrase: &str, context_year: Option<i32>) -> Result<DateSpan, Error> {
    let context = DateContext {
        year: context_year,
        ..DateContext::default()
    };
    match read_date_phrase(phrase, &context)? {
        DateMention::Span(span) | DateMention::Times { days: span, .. } => Ok(span),
        DateMention::Deadline { due, .. } => Ok(DateSpan::on(due)),
        DateMention::Unknown => Err(Error::DatePhrase {
            phrase: phrase.to_owned(),
            reason: "it says the date is not known yet; expected a date such as \"3-14 December \
                     2012\""
                .to_owned(),
        }),
    }
}

/// Reads a phrase that holds one date mention, in `context`, into what it means: days, a
/// deadline, hours on days, or a date not known yet (`TBA`).
///
/// # Errors
///
/// As [`parse_date_phrase`], except that an unknown date is not an error.
///
/// ```
/// use plenary_events::{DateContext, DateMention, Language, read_date_phrase};
///
/// let context = DateContext::in_year(2012).language(Language::French);
/// let mention = read_date_phrase("au plus tard le 5 mars", &context)?;
/// assert!(matches!(mention, DateMention::Deadline { due, .. } if due.to_string() == "2012-03-05"));
/// # Ok::<(), plenary_events::Error>(())
/// ```
pub fn read_date_phrase(phrase: &str, context: &DateContext) -> Result<DateMention, Error> {
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
    // EDTF is a date phrase too; a day it names that does not exist is said so.
    if looks_like_edtf(trimmed) {
        match trimmed.parse::<DateSpan>() {
            Ok(span) => return Ok(DateMention::Span(span)),
            Err(plenary_core::Error::DateOutOfRange { reason, .. }) => return Err(fail(reason)),
            Err(plenary_core::Error::SpanEndsBeforeStart { start, end }) => {
                return Err(fail(format!(
                    "it ends ({end}) before it starts ({start}); expected an end on or after the start"
                )));
            }
            Err(_) => {}
        }
    }
    let tokens = tokenize(phrase, context);
    let mut found = Vec::new();
    let mut leftover = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if starts_mention(tokens[i].kind)
            && let Ok(mention) = Reader::new(phrase, &tokens, i, context, false).mention()
        {
            found.push((i, mention));
            i = mention.next;
            continue;
        }
        // A connector word before the first date is part of the words around it: the "au" of
        // "au plus tard le 5 mars", the "to" of "dates to be announced".
        let leading_word = found.is_empty()
            && matches!(
                tokens[i].kind,
                Kind::Word(Word::Range | Word::RangeOrDeadline | Word::Pair)
            );
        if is_significant(tokens[i].kind) && !leading_word {
            leftover.push(i);
        }
        i += 1;
    }
    match (found.as_slice(), leftover.first()) {
        ([(_, only)], None) => return Ok(only.mention),
        ([_, _, ..], _) => {
            let quoted: Vec<String> = found
                .iter()
                .map(|(_, f)| format!("{:?}", &phrase[f.start..f.end]))
                .collect();
            return Err(fail(format!(
                "it holds {} dates ({}); expected one date or one span of days, as \
                 find_dates returns each",
                found.len(),
                quoted.join(", ")
            )));
        }
        _ => {}
    }
    let start = match (found.first(), leftover.first()) {
        (Some((a, _)), Some(b)) => (*a).min(*b),
        (Some((a, _)), None) => *a,
        (None, Some(b)) => *b,
        (None, None) => return Err(fail(nothing_found(phrase, &tokens))),
    };
    let mention = Reader::new(phrase, &tokens, start, context, true)
        .mention()
        .map_err(|miss| fail(miss.unwrap_or_default()))?;
    match tokens[mention.next..]
        .iter()
        .find(|t| is_significant(t.kind))
    {
        None => Ok(mention.mention),
        Some(token) => Err(fail(match token.kind {
            Kind::Bad(bad) => bad_reason(bad, phrase, *token),
            kind if mention.single => format!(
                "{} at column {} after the first date; expected '-', \"to\", '&' or the end of \
                 the phrase",
                describe(kind),
                column(phrase, token.start)
            ),
            kind => format!(
                "{} at column {} after the last date; expected the end of the phrase",
                describe(kind),
                column(phrase, token.start)
            ),
        })),
    }
}

/// Whether the phrase starts as EDTF does: four digits and a `-`, `/`, a qualifier or the end.
fn looks_like_edtf(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 4
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && matches!(bytes.get(4), None | Some(b'-' | b'/' | b'?' | b'~' | b'%'))
        && !text.contains(char::is_whitespace)
}

/// Whether a token left outside every mention stops a phrase from being one date: numbers,
/// months, connectors and signs do; unknown words (places, labels) and stray marks do not.
fn is_significant(kind: Kind) -> bool {
    !matches!(
        kind,
        Kind::Unknown
            | Kind::Stray(_)
            | Kind::Comma
            | Kind::OpenParen
            | Kind::CloseParen
            | Kind::Word(
                Word::Filler
                    | Word::Be
                    | Word::Announced
                    | Word::Confirm
                    | Word::Uncertain
                    | Word::Between
                    | Word::Deadline
                    | Word::Approximate
                    | Word::OrdinalSuffix
            )
    )
}

/// The reason for a phrase that holds no date and nothing that looks like one.
fn nothing_found(phrase: &str, tokens: &[Token]) -> String {
    match tokens.iter().find(|t| t.kind == Kind::Unknown) {
        Some(word) => format!(
            "unknown word {:?} at column {}; expected a date such as \"3-14 December 2012\", \
             with a month such as \"September\" or \"Sept.\", a weekday, \"to\" or \"and\"",
            phrase[word.start..word.end]
                .split(' ')
                .next()
                .unwrap_or_default(),
            column(phrase, word.start)
        ),
        None => "it holds no date; expected a date such as \"3-14 December 2012\"".to_owned(),
    }
}

/// Writes `span` as an English phrase that [`parse_date_phrase`] reads back to the same span.
///
/// Qualifiers are words when both ends share one (`around December 2012`, `14 September 2012
/// (tbc)`), and EDTF's signs on each end otherwise (`~3 December 2012 – 14 December 2012?`).
///
/// ```
/// use plenary_core::DateSpan;
/// use plenary_events::format_date_phrase;
///
/// let wcit: DateSpan = "2012-12-03/2012-12-14".parse()?;
/// assert_eq!(format_date_phrase(&wcit), "3–14 December 2012");
/// let rcc: DateSpan = "2012-09-14/".parse()?;
/// assert_eq!(format_date_phrase(&rcc), "14 September 2012 – ?");
/// let later: DateSpan = "2012-12~".parse()?;
/// assert_eq!(format_date_phrase(&later), "around December 2012");
/// # Ok::<(), plenary_core::Error>(())
/// ```
pub fn format_date_phrase(span: &DateSpan) -> String {
    let start = span.start();
    let qualifier = start.qualifier();
    match span.end() {
        SpanEnd::Known(end) if end.qualifier() == qualifier => {
            let plain = plain_phrase(
                start.with_qualifier(Qualifier::Exact),
                end.with_qualifier(Qualifier::Exact),
            );
            match qualifier {
                Qualifier::Exact => plain,
                Qualifier::Approximate => format!("around {plain}"),
                Qualifier::Uncertain => format!("{plain} (tbc)"),
                _ => format!("around {plain} (tbc)"),
            }
        }
        SpanEnd::Known(end) => format!("{} – {}", signed(start), signed(end)),
        SpanEnd::Unknown => format!("{} – ?", signed(start)),
        SpanEnd::Open => format!("{} onwards", signed(start)),
    }
}

/// Two unqualified ends as one phrase, sharing the month and year they have in common.
fn plain_phrase(start: PartialDate, end: PartialDate) -> String {
    if end == start {
        return english(start);
    }
    let same_year = start.year_number() == end.year_number();
    match (start.precision(), end.precision()) {
        (Precision::Day, Precision::Day) if same_year && start.month() == end.month() => {
            format!("{}–{}", start.day().unwrap_or(1), english(end))
        }
        (Precision::Day, Precision::Day) | (Precision::Month, Precision::Month) if same_year => {
            let without_year = english(start);
            let without_year = without_year
                .strip_suffix(&format!(" {:04}", start.year_number()))
                .unwrap_or(&without_year);
            format!("{without_year} – {}", english(end))
        }
        _ => format!("{} – {}", english(start), english(end)),
    }
}

/// One end with its qualifier as EDTF signs: `~3 December 2012?`.
fn signed(date: PartialDate) -> String {
    let text = english(date);
    let q = date.qualifier();
    let before = if q.is_approximate() { "~" } else { "" };
    let after = if q.is_uncertain() { "?" } else { "" };
    format!("{before}{text}{after}")
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
        let wrong: Vec<String> = READS
            .iter()
            .filter_map(
                |(phrase, year, edtf)| match parse_date_phrase(phrase, *year) {
                    Ok(span) if span.to_string() == *edtf => None,
                    Ok(span) => Some(format!("{phrase:?}: read {span}, expected {edtf}")),
                    Err(err) => Some(format!("{phrase:?}: {err}")),
                },
            )
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
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
            "unknown word \"banana\" at column 1; expected a date such as \"3-14 December 2012\", with a month such as \"September\" or \"Sept.\", a weekday, \"to\" or \"and\"",
        ),
        (
            "Septembar 14",
            Some(2012),
            "day 14 has no month; expected a month such as \"September 14\"",
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
            "it holds 2 dates (\"August 6-8 2012\", \"2013\"); expected one date or one span of days, as find_dates returns each",
        ),
        (
            "August 6 8",
            Some(2012),
            "the number 8 at column 10 after the first date; expected '-', \"to\", '&' or the end of the phrase",
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
            "'/' at column 10 after the first date; expected '-', \"to\", '&' or the end of the phrase",
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
        ("2013-02-29", None, "day 29 does not exist in February 2013"),
        (
            "2012-13",
            None,
            "month 13 does not exist in 2012; expected 01 to 12",
        ),
        ("29.02.2013", None, "day 29 does not exist in February 2013"),
        (
            "14.13.2013",
            None,
            "\"14.13.2013\" at column 1: month 13 does not exist; expected a month 1 to 12",
        ),
        (
            "9 April 2013, 25:00",
            None,
            "\"25:00\" at column 15 is not a time of day (25:00); expected hours 00 to 23 (1 to 12 with am or pm) and minutes 00 to 59",
        ),
        (
            "3 March 2014 and 5 May 2014",
            None,
            "it holds 2 dates (\"3 March 2014\", \"5 May 2014\"); expected one date or one span of days, as find_dates returns each",
        ),
        (
            "TBA",
            None,
            "it says the date is not known yet; expected a date such as \"3-14 December 2012\"",
        ),
        (
            "December 2012-?-?",
            None,
            "a range dash at column 16 after the last date; expected the end of the phrase",
        ),
        (
            "Sept. 10-14 !",
            Some(2012),
            "'!' at column 13 after the last date; expected the end of the phrase",
        ),
    ];

    /// Phrases from conference and civil-society pages, in context: year, language ("" for any),
    /// whether numeric dates are month first, and what the phrase means (EDTF of the days,
    /// `due …` for a deadline, `… at HH:MM-HH:MM` for hours, `unknown`).
    const MENTIONS: &[(&str, Option<i32>, &str, bool, &str)] = &[
        // Words around one date.
        ("Nairobi, 3 March, 2014", None, "", false, "2014-03-03"),
        (
            "Fourth Session: 12-14 June 2013",
            None,
            "",
            false,
            "2013-06-12/2013-06-14",
        ),
        (
            "planned for 5-7 October 2010",
            None,
            "",
            false,
            "2010-10-05/2010-10-07",
        ),
        (
            "in the period from 2nd to 4th July 2011",
            None,
            "",
            false,
            "2011-07-02/2011-07-04",
        ),
        (
            "between 3 June-9 August",
            Some(2013),
            "",
            false,
            "2013-06-03/2013-08-09",
        ),
        (
            "between 3 and 5 June 2013",
            None,
            "",
            false,
            "2013-06-03/2013-06-05",
        ),
        ("(Oct. 2013)", None, "", false, "2013-10"),
        ("* 14 May 2013 †", None, "", false, "2013-05-14"),
        ("past 14 May 2013", None, "", false, "2013-05-14"),
        ("on the 4th of July 2012", None, "", false, "2012-07-04"),
        (
            "2 nd - 4 th July 2011",
            None,
            "",
            false,
            "2011-07-02/2011-07-04",
        ),
        ("the 5th", Some(2012), "", false, "day 5 has no month"),
        // Numeric and Roman-numeral dates, and EDTF.
        ("07.06.2013", None, "", false, "2013-06-07"),
        ("7/6/2013", None, "", false, "2013-06-07"),
        ("7/6/2013", None, "", true, "2013-07-06"),
        ("2013-06-07", None, "", false, "2013-06-07"),
        ("14.VI.2013", None, "", false, "2013-06-14"),
        ("14.vi.13", None, "", false, "2013-06-14"),
        (
            "07.06.2013 - 09.06.2013",
            None,
            "",
            false,
            "2013-06-07/2013-06-09",
        ),
        ("2012-09-14?", None, "", false, "2012-09-14?"),
        ("2012-12~", None, "", false, "2012-12~"),
        // Times.
        (
            "9 April, 09:00-12:30",
            Some(2013),
            "",
            false,
            "2013-04-09 at 09:00-12:30",
        ),
        (
            "9 April 2013, 9.30 am",
            None,
            "",
            false,
            "2013-04-09 at 09:30",
        ),
        (
            "9 April 2013 from 9 am to 5 pm",
            None,
            "",
            false,
            "2013-04-09 at 09:00-17:00",
        ),
        (
            "9-11 April 2013, 14h30-18h",
            None,
            "",
            false,
            "2013-04-09/2013-04-11 at 14:30-18:00",
        ),
        (
            "le 9 avril 2013 de 9h à 12h30",
            None,
            "fr",
            false,
            "2013-04-09 at 09:00-12:30",
        ),
        // Deadlines.
        (
            "due by 20 September 2012",
            None,
            "",
            false,
            "due 2012-09-20",
        ),
        (
            "no later than 5 March",
            Some(2013),
            "",
            false,
            "due 2013-03-05",
        ),
        (
            "before 1 May 2013, 17:00",
            None,
            "",
            false,
            "due 2013-05-01 at 17:00",
        ),
        (
            "au plus tard le 5 mars 2013",
            None,
            "fr",
            false,
            "due 2013-03-05",
        ),
        (
            "a más tardar el 5 de marzo de 2013",
            None,
            "es",
            false,
            "due 2013-03-05",
        ),
        (
            "не позднее 5 марта 2013 года",
            None,
            "ru",
            false,
            "due 2013-03-05",
        ),
        ("до 5 марта 2013 г.", None, "ru", false, "due 2013-03-05"),
        // Uncertainty.
        ("September 14 (tbc)", Some(2012), "", false, "2012-09-14?"),
        ("September 14?", Some(2012), "", false, "2012-09-14?"),
        (
            "14 September 2012, to be confirmed",
            None,
            "",
            false,
            "2012-09-14?",
        ),
        (
            "tentatively 14 September 2012",
            None,
            "",
            false,
            "2012-09-14?",
        ),
        ("around December 2012", None, "", false, "2012-12~"),
        ("circa 2014", None, "", false, "2014~"),
        ("c. 2014", None, "", false, "2014~"),
        (
            "around 3-5 June 2013 (tbc)",
            None,
            "",
            false,
            "2013-06-03%/2013-06-05%",
        ),
        (
            "~3 December 2012 – 14 December 2012?",
            None,
            "",
            false,
            "2012-12-03~/2012-12-14?",
        ),
        ("TBA", None, "", false, "unknown"),
        ("dates to be announced", None, "", false, "unknown"),
        ("date à déterminer", None, "fr", false, "unknown"),
        ("vers décembre 2012", None, "fr", false, "2012-12~"),
        ("около 2014 года", None, "ru", false, "2014~"),
        // French, Spanish, Russian, Arabic, Chinese.
        (
            "du 12 au 16 mars 2012",
            None,
            "fr",
            false,
            "2012-03-12/2012-03-16",
        ),
        (
            "Du 12 au 16 mars",
            Some(2012),
            "",
            false,
            "2012-03-12/2012-03-16",
        ),
        ("1er décembre 2012", None, "fr", false, "2012-12-01"),
        ("lundi 3 décembre 2012", None, "fr", false, "2012-12-03"),
        (
            "3 et 4 DÉCEMBRE 2012",
            None,
            "fr",
            false,
            "2012-12-03/2012-12-04",
        ),
        (
            "Del 5 al 9 de noviembre",
            Some(2012),
            "es",
            false,
            "2012-11-05/2012-11-09",
        ),
        (
            "del 5 de noviembre al 9 de diciembre de 2012",
            None,
            "es",
            false,
            "2012-11-05/2012-12-09",
        ),
        (
            "entre el 3 y el 5 de junio de 2013",
            None,
            "es",
            false,
            "2013-06-03/2013-06-05",
        ),
        ("1º de mayo de 2013", None, "es", false, "2013-05-01"),
        (
            "с 3 по 14 декабря 2012 года",
            None,
            "ru",
            false,
            "2012-12-03/2012-12-14",
        ),
        (
            "3–14 Декабря 2012 г.",
            None,
            "ru",
            false,
            "2012-12-03/2012-12-14",
        ),
        (
            "понедельник, 3 декабря 2012 года",
            None,
            "ru",
            false,
            "2012-12-03",
        ),
        (
            "من 3 إلى 14 ديسمبر 2012",
            None,
            "ar",
            false,
            "2012-12-03/2012-12-14",
        ),
        ("٣ ديسمبر ٢٠١٢", None, "ar", false, "2012-12-03"),
        (
            "2012年12月3日至14日",
            None,
            "zh",
            false,
            "2012-12-03/2012-12-14",
        ),
        ("2012年12月", None, "zh", false, "2012-12"),
        ("12月3日", Some(2012), "zh", false, "2012-12-03"),
    ];

    fn meaning(mention: DateMention) -> String {
        let hours = |start: chrono::NaiveTime, end: Option<chrono::NaiveTime>| match end {
            Some(end) => format!("{}-{}", start.format("%H:%M"), end.format("%H:%M")),
            None => start.format("%H:%M").to_string(),
        };
        match mention {
            DateMention::Span(span) => span.to_string(),
            DateMention::Deadline { due, time: None } => format!("due {due}"),
            DateMention::Deadline { due, time: Some(t) } => {
                format!("due {due} at {}", hours(t, None))
            }
            DateMention::Times {
                days, start, end, ..
            } => format!("{days} at {}", hours(start, end)),
            DateMention::Unknown => "unknown".to_owned(),
        }
    }

    #[test]
    fn reads_what_each_phrase_means_in_its_context() {
        let wrong: Vec<String> = MENTIONS
            .iter()
            .filter_map(|(phrase, year, language, month_first, want)| {
                let mut context = DateContext {
                    year: *year,
                    ..DateContext::default()
                };
                if !language.is_empty() {
                    context = context.language(language.parse().expect("a known language"));
                }
                if *month_first {
                    context = context.month_first();
                }
                let got = match read_date_phrase(phrase, &context) {
                    Ok(mention) => meaning(mention),
                    Err(Error::DatePhrase { reason, .. }) => reason,
                    Err(other) => other.to_string(),
                };
                (!got.starts_with(want)).then(|| format!("{phrase:?}: got {got}, expected {want}"))
            })
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn refuses_with_a_reason() {
        let wrong: Vec<String> = REFUSES
            .iter()
            .filter_map(|(phrase, year, reason)| {
                let got = parse_date_phrase(phrase, *year);
                let want = Err(Error::DatePhrase {
                    phrase: (*phrase).to_owned(),
                    reason: (*reason).to_owned(),
                });
                (got != want).then(|| format!("{phrase:?}: got {got:?}"))
            })
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn extreme_context_years_are_errors_not_overflows() {
        for year in [i32::MAX, i32::MIN, -1, 10_000] {
            for phrase in ["25 Feb 13", "August 6-8", "December 31 - January 2"] {
                assert!(
                    parse_date_phrase(phrase, Some(year)).is_err(),
                    "{phrase} in {year}"
                );
            }
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
