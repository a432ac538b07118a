//! Properties of the date phrase parser and the iCalendar export, over generated input.

use plenary_core::{DateSpan, PartialDate, Qualifier, SpanEnd};
use plenary_events::{
    DateContext, DateMention, Deadline, Event, EventKind, find_dates, format_date_phrase,
    parse_date_phrase, to_ics,
};
use proptest::prelude::*;

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (0i32..=9999, 0u32..=12, 0u32..=31, 0usize..6).prop_map(|(y, m, d, q)| {
        let date = match (m, d) {
            (0, _) => PartialDate::year(y),
            (m, 0) => PartialDate::year_month(y, m),
            (m, d) => PartialDate::ymd(y, m, d.min(28)),
        };
        let qualifier = [
            Qualifier::Uncertain,
            Qualifier::Approximate,
            Qualifier::UncertainApproximate,
        ]
        .get(q)
        .copied()
        .unwrap_or_default();
        date.expect("the strategy makes only real dates")
            .with_qualifier(qualifier)
    })
}

fn span() -> impl Strategy<Value = DateSpan> {
    (partial_date(), partial_date(), 0u8..4).prop_map(|(a, b, end)| {
        let (start, last) = if a.earliest() <= b.latest() {
            (a, b)
        } else {
            (b, a)
        };
        match end {
            0 => DateSpan::with_unknown_end(start),
            1 => DateSpan::open_ended(start),
            2 => DateSpan::on(start),
            _ => DateSpan::new(start, SpanEnd::Known(last)).unwrap_or(DateSpan::on(start)),
        }
    })
}

/// Phrases made of the words and signs the tokenizer knows, in any order.
fn phrase_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        (0u32..10_000).prop_map(|n| n.to_string()),
        (1u32..40).prop_map(|n| format!("{n}th")),
        Just("September".to_owned()),
        Just("Feb".to_owned()),
        Just("Sept.".to_owned()),
        Just("Thursday".to_owned()),
        Just("-".to_owned()),
        Just("–".to_owned()),
        Just("to".to_owned()),
        Just("&".to_owned()),
        Just(",".to_owned()),
        Just("?".to_owned()),
        Just("onwards".to_owned()),
        Just("/".to_owned()),
        Just("..".to_owned()),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.join(" "))
}

/// Sentences without a date, in which generated dates are set.
const SENTENCES: &[&str] = &[
    "Delegates met in Dubai.",
    "Civil society asked for open negotiations.",
    "Signatures kept arriving.",
    "Nothing was decided.",
    "Observers were present:",
];

/// A date phrase as pages write it, and what `find_dates` should read it as.
fn written_date() -> impl Strategy<Value = (String, String)> {
    const MONTHS: [&str; 12] = plenary_core::MONTH_NAMES;
    (1u32..=26, 0u32..3, 1usize..=12, 1990i32..2030, 0u8..8).prop_map(|(d, extra, m, y, form)| {
        let month = MONTHS[m - 1];
        let end = d + extra;
        match form {
            0 => (format!("{d} {month} {y}"), format!("{y}-{m:02}-{d:02}")),
            1 => (
                format!("{d}-{end} {month} {y}"),
                if extra == 0 {
                    format!("{y}-{m:02}-{d:02}")
                } else {
                    format!("{y}-{m:02}-{d:02}/{y}-{m:02}-{end:02}")
                },
            ),
            2 => (format!("{month} {d}, {y}"), format!("{y}-{m:02}-{d:02}")),
            3 => (
                format!("by {d} {month} {y}"),
                format!("due {y}-{m:02}-{d:02}"),
            ),
            4 => (
                format!("{d} {month} {y} (tbc)"),
                format!("{y}-{m:02}-{d:02}?"),
            ),
            5 => (format!("around {month} {y}"), format!("{y}-{m:02}~")),
            6 => (format!("{d:02}.{m:02}.{y}"), format!("{y}-{m:02}-{d:02}")),
            _ => (format!("{month} {d}"), format!("2012-{m:02}-{d:02}")),
        }
    })
}

fn meaning(mention: DateMention) -> String {
    match mention {
        DateMention::Span(span) => span.to_string(),
        DateMention::Deadline { due, .. } => format!("due {due}"),
        other => format!("{other:?}"),
    }
}

proptest! {
    #[test]
    fn find_dates_finds_exactly_the_dates_put_in_a_paragraph(
        parts in prop::collection::vec((prop::sample::select(SENTENCES), prop::option::of(written_date())), 0..12)
    ) {
        let mut text = String::new();
        let mut put = Vec::new();
        for (sentence, date) in parts {
            text.push_str(sentence);
            text.push(' ');
            if let Some((phrase, edtf)) = date {
                put.push((text.len()..text.len() + phrase.len(), edtf));
                text.push_str(&phrase);
                text.push_str(". ");
            }
        }
        let found: Vec<_> = find_dates(&text, &DateContext::in_year(2012))
            .into_iter()
            .map(|f| (f.range(), meaning(f.mention)))
            .collect();
        prop_assert_eq!(found, put, "{}", text);
    }

    #[test]
    fn no_text_makes_find_dates_panic(text in any::<String>()) {
        for found in find_dates(&text, &DateContext::in_year(2012)) {
            prop_assert!(text.get(found.range()).is_some());
        }
    }

    #[test]
    fn no_text_makes_the_parser_panic(text in any::<String>(), year in proptest::option::of(-20_000i32..20_000)) {
        let _ = parse_date_phrase(&text, year);
    }

    #[test]
    fn no_phrase_of_known_words_makes_it_panic(phrase in phrase_like(), year in proptest::option::of(0i32..10_000)) {
        if let Err(err) = parse_date_phrase(&phrase, year) {
            prop_assert!(err.to_string().starts_with("invalid date phrase"));
        }
    }

    #[test]
    fn span_to_edtf_to_span(span in span()) {
        let edtf = span.to_string();
        prop_assert_eq!(edtf.parse::<DateSpan>(), Ok(span));
        prop_assert_eq!(parse_date_phrase(&edtf, None), Ok(span));
    }

    #[test]
    fn span_to_english_to_span(span in span(), year in proptest::option::of(0i32..10_000)) {
        let phrase = format_date_phrase(&span);
        prop_assert_eq!(parse_date_phrase(&phrase, year), Ok(span), "{}", phrase);
    }

    #[test]
    fn any_deadline_text_stays_one_summary_within_75_octets(what in "\\PC*[\r\n]\\PC*", span in span()) {
        // Validation refuses such text; code may still set it, and the export stays safe. (A
        // title is a `Name`, which cannot hold a line break at all.)
        let mut event = Event::new("e".parse().unwrap(), "untitled", EventKind::Conference).unwrap();
        event.deadlines.push(Deadline::new(span.start(), what));
        event.when = Some(span);
        let text = to_ics([&event], "2012-11-01T00:00:00Z".parse().unwrap()).text;
        let mut summaries = 0;
        for line in text.split_inclusive("\r\n") {
            prop_assert!(line.ends_with("\r\n"));
            let body = &line[..line.len() - 2];
            prop_assert!(!body.contains(['\r', '\n']));
            prop_assert!(body.len() <= 75);
            summaries += usize::from(body.starts_with("SUMMARY"));
        }
        // The event's SUMMARY and its deadline's.
        prop_assert_eq!(summaries, 2);
        prop_assert_eq!(text.matches("BEGIN:VEVENT\r\n").count(), 2);
    }
}
