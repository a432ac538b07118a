//! Every date mention in a text: `find_dates`.

use std::ops::Range;

use crate::date_grammar::{Reader, starts_mention};
use crate::date_token::tokenize;
use crate::{DateContext, DateMention};

/// One date mention found in a text: where it is and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct FoundDate {
    /// Its byte range in the text: from the first word that gives the date or changes its
    /// meaning (`by`, `around`, `between`) to the last; filler words before it (`from`, `on
    /// the`) are left out.
    pub span: (usize, usize),
    /// What it means.
    pub mention: DateMention,
}

impl FoundDate {
    /// The byte range as a [`Range`], to slice the text with.
    pub fn range(&self) -> Range<usize> {
        self.span.0..self.span.1
    }
}

/// Finds every date mention in `text`, in order: spans of days, deadlines (`due by`, `by`, `no
/// later than`, `before`), hours on a day, and dates said to be unknown (`TBA`).
///
/// A phrase without a year takes the context's; without one it is not a date the text gives and
/// is not returned. In running text, a month alone (`May`) and a number alone that is not a
/// year from 1000 to 2999 are not taken for dates, nor a day without a month unless it is an
/// ordinal (`the 5th`) and the context gives the month. Mentions do not overlap; each token is
/// read a bounded number of times, so the time is linear in the text.
///
/// ```
/// use plenary_events::{DateContext, DateMention, find_dates};
///
/// let text = "WCIT-12 meets in Dubai from 3-14 December 2012; contributions are due by \
///             3 November. The RCC meeting is planned for September 14 (tbc).";
/// let found = find_dates(text, &DateContext::in_year(2012));
/// let read: Vec<(&str, String)> = found
///     .iter()
///     .map(|f| (&text[f.range()], match f.mention {
///         DateMention::Span(span) => span.to_string(),
///         DateMention::Deadline { due, .. } => format!("due {due}"),
///         other => format!("{other:?}"),
///     }))
///     .collect();
/// assert_eq!(read, [
///     ("3-14 December 2012", "2012-12-03/2012-12-14".to_owned()),
///     ("due by 3 November", "due 2012-11-03".to_owned()),
///     ("September 14 (tbc)", "2012-09-14?".to_owned()),
/// ]);
/// ```
pub fn find_dates(text: &str, context: &DateContext) -> Vec<FoundDate> {
    let tokens = tokenize(text, context);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if starts_mention(tokens[i].kind)
            && let Ok(mention) = Reader::new(text, &tokens, i, context, false)
                .in_prose()
                .mention()
        {
            found.push(FoundDate {
                span: (mention.start, mention.end),
                mention: mention.mention,
            });
            i = mention.next.max(i + 1);
            continue;
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;

    /// A paragraph, its context (year, language or ""), and each mention as `text => meaning`.
    const PARAGRAPHS: &[(&str, Option<i32>, &str, &[&str])] = &[
        (
            "The Internet Governance Forum met in Nairobi, 3 March, 2014, and again (Oct. 2014). \
             Comments are due by 20 September.",
            Some(2014),
            "",
            &[
                "3 March, 2014 => 2014-03-03",
                "Oct. 2014 => 2014-10",
                "due by 20 September => due 2014-09-20",
            ],
        ),
        (
            "You may sign until May 5. The 500,000 signatures came in 2012. Resolution 12 was \
             adopted; the venue is TBA.",
            Some(2012),
            "",
            &["May 5 => 2012-05-05", "2012 => 2012", "TBA => unknown"],
        ),
        (
            "La réunion aura lieu du 12 au 16 mars 2012 à Genève ; contributions au plus tard le \
             1er février.",
            Some(2012),
            "fr",
            &[
                "12 au 16 mars 2012 => 2012-03-12/2012-03-16",
                "tard le 1er février => due 2012-02-01",
            ],
        ),
        (
            "Conferencia: Del 5 al 9 de noviembre, Montevideo; reunión preparatoria entre el 3 y \
             el 5 de junio de 2013.",
            Some(2012),
            "es",
            &[
                "5 al 9 de noviembre => 2012-11-05/2012-11-09",
                "entre el 3 y el 5 de junio de 2013 => 2013-06-03/2013-06-05",
            ],
        ),
        (
            "The dates were announced and a tentative agreement reached; dates to be announced.",
            Some(2012),
            "",
            &["announced => unknown"],
        ),
        (
            "Конференция пройдёт с 3 по 14 декабря 2012 года в Дубае.",
            None,
            "ru",
            &["3 по 14 декабря 2012 => 2012-12-03/2012-12-14"],
        ),
        (
            "会议将于2012年12月3日至14日在迪拜举行。",
            None,
            "zh",
            &["2012年12月3日至14日 => 2012-12-03/2012-12-14"],
        ),
        (
            "Workshop on 9 April, 09:00-12:30, then a webinar on the 11th at 14h30.",
            Some(2013),
            "",
            &[
                "9 April, 09:00-12:30 => 2013-04-09 09:00-12:30",
                "11th at 14h30 => 2013-04-11 14:30",
            ],
        ),
    ];

    fn meaning(mention: DateMention) -> String {
        match mention {
            DateMention::Span(span) => span.to_string(),
            DateMention::Deadline { due, .. } => format!("due {due}"),
            DateMention::Times {
                days, start, end, ..
            } => match end {
                Some(end) => format!("{days} {}-{}", start.format("%H:%M"), end.format("%H:%M")),
                None => format!("{days} {}", start.format("%H:%M")),
            },
            DateMention::Unknown => "unknown".to_owned(),
        }
    }

    #[test]
    fn finds_every_mention_of_each_paragraph() {
        for (text, year, language, want) in PARAGRAPHS {
            let mut context = DateContext {
                year: *year,
                month: Some(4),
                ..DateContext::default()
            };
            if !language.is_empty() {
                context = context.language(language.parse::<Language>().unwrap());
            }
            let got: Vec<String> = find_dates(text, &context)
                .iter()
                .map(|f| format!("{} => {}", &text[f.range()], meaning(f.mention)))
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn finds_nothing_without_a_year_to_give() {
        assert_eq!(find_dates("Meet on September 14.", &DateContext::new()), []);
        assert_eq!(find_dates("", &DateContext::new()), []);
    }
}
