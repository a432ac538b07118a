//! The events of a policy process from the command line: date phrases, iCalendar, what is coming.
//!
//! ```text
//! cargo run --example events -- parse-date "September 14-?" --year 2012   # prints 2012-09-14/
//! cargo run --example events -- ics [--series S] [--tag T] [--kind K] [DATASET.json] [--dtstamp 2012-11-01T00:00:00Z]
//! cargo run --example events -- upcoming --as-of 2012-09-01 [DATASET.json]
//! cargo run --example events -- find-dates FILE.txt [--year 2012] [--lang fr] [--month-first]
//! ```
//!
//! `find-dates` prints each date mention of a text file on a line of its own: its byte range,
//! what it means (EDTF days, `due …`, `… HH:MM-HH:MM`, `unknown`) and the words as written.
//!
//! `ics` writes one feed: every event, or those of one series (`--series WCIT-12`), one tag
//! (`--tag itrs`; `--tag deadline` gives the deadlines alone) or one kind (`--kind
//! preparatory_meeting`). The feed is named after its filter and credits organisers by the
//! names the dataset gives its actors.
//!
//! A DATASET.json is a whole [`plenary::Dataset`], such as the one `cargo run --example dataset --
//! dump` writes; its events are used. It is read but not validated (`cargo run --example dataset
//! -- validate` does that), and a value that cannot be read is reported with its JSON path, line
//! and column. Without a DATASET.json the embedded WCIT-12 events are used. Output goes to stdout;
//! errors go to stderr with exit status 1.
//!
//! The command-line contract is in `docs/command-line.md`: `-h`/`--help` prints the usage and
//! exits 0; a bad command line prints the usage on stderr and exits 2; bad input exits 1.
//!
//! `ics` stamps every component with `--dtstamp` (RFC 3339); without it, with midnight UTC after
//! the last day any event is known to include, so the same data always gives the same file.

#[macro_use]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

use lexopt::prelude::*;
use plenary::core::chrono::{DateTime, Datelike, NaiveDate, Utc};
use plenary::core::{PartialDate, Precision};
use plenary::events::{
    Calendar, DateContext, DateMention, Event, EventKind, FeedContents, IcsFeed, Language,
    find_dates, format_date_phrase, parse_date_phrase, to_ics_feed,
};

const USAGE: &str = "usage:
  events parse-date PHRASE [--year YEAR]
  events ics [--series S] [--tag T] [--kind K] [DATASET.json] [--dtstamp RFC3339]
  events upcoming --as-of YYYY-MM-DD [DATASET.json]
  events find-dates FILE.txt [--year YEAR] [--lang LANG] [--month-first]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            errln!("events: {message}");
            ExitCode::FAILURE
        }
    }
}

enum Command {
    ParseDate {
        phrase: String,
        year: Option<i32>,
    },
    Ics {
        dataset: Option<PathBuf>,
        dtstamp: Option<DateTime<Utc>>,
        filter: Filter,
    },
    Upcoming {
        as_of: NaiveDate,
        dataset: Option<PathBuf>,
    },
    FindDates {
        file: PathBuf,
        context: DateContext,
    },
}

fn run() -> Result<(), String> {
    support::help(USAGE);
    match parse_args().unwrap_or_else(|e| support::usage_error("events", e, USAGE)) {
        Command::ParseDate { phrase, year } => {
            let span = parse_date_phrase(&phrase, year).map_err(|e| e.to_string())?;
            outln!("{span}");
        }
        Command::Ics {
            dataset,
            dtstamp,
            filter,
        } => {
            let dataset = load_dataset(dataset)?;
            let calendar = Calendar::new(dataset.events).map_err(|e| e.to_string())?;
            let stamp = match dtstamp {
                Some(stamp) => stamp,
                None => calendar.data_stamp(),
            };
            let mut feed = IcsFeed::new(filter.feed_name());
            feed.organisers = dataset
                .actors
                .iter()
                .map(|a| (a.id.clone(), a.name.as_str().to_owned()))
                .collect();
            if filter.tag.as_deref() == Some("deadline") {
                feed.contents = FeedContents::Deadlines;
            }
            let events: Vec<&Event> = calendar
                .timeline()
                .iter()
                .filter(|e| filter.keeps(e))
                .collect();
            let export = to_ics_feed(events, stamp, &feed);
            out!("{}", export.text);
            for id in export.undated {
                errln!("events: note: {id} has no date yet, so it is not in the calendar");
            }
        }
        Command::Upcoming { as_of, dataset } => {
            let calendar =
                Calendar::new(load_dataset(dataset)?.events).map_err(|e| e.to_string())?;
            upcoming(&calendar, as_of);
        }
        Command::FindDates { file, context } => {
            let text = support::read_file(&file)?;
            for found in find_dates(&text, &context) {
                let meaning = match found.mention {
                    DateMention::Span(span) => span.to_string(),
                    DateMention::Deadline { due, time } => match time {
                        Some(time) => format!("due {due} {}", time.format("%H:%M")),
                        None => format!("due {due}"),
                    },
                    DateMention::Times {
                        days, start, end, ..
                    } => match end {
                        Some(end) => {
                            format!("{days} {}-{}", start.format("%H:%M"), end.format("%H:%M"))
                        }
                        None => format!("{days} {}", start.format("%H:%M")),
                    },
                    _ => "unknown".to_owned(),
                };
                let (start, end) = found.span;
                outln!("{start}-{end}\t{meaning}\t{:?}", &text[start..end]);
            }
        }
    }
    Ok(())
}

fn parse_args() -> Result<Command, lexopt::Error> {
    let mut parser = lexopt::Parser::from_env();
    let command = support::subcommand(&mut parser, "parse-date, ics, upcoming or find-dates")?;
    let mut positional: Option<String> = None;
    let mut year = None;
    let mut dtstamp = None;
    let mut as_of = None;
    let mut filter = Filter::default();
    let mut language = None;
    let mut month_first = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("lang") if command == "find-dates" => {
                let tag = parser.value()?.string()?;
                language = Some(
                    tag.parse::<Language>()
                        .map_err(|e| format!("--lang {tag:?}: {e}"))?,
                );
            }
            Long("month-first") if command == "find-dates" => month_first = true,
            Long("year") if command == "parse-date" || command == "find-dates" => {
                year = Some(option_year(&parser.value()?.string()?)?);
            }
            Long("dtstamp") if command == "ics" => {
                dtstamp = Some(option_dtstamp(&parser.value()?.string()?)?);
            }
            Long("as-of") if command == "upcoming" => {
                as_of = Some(option_as_of(&parser.value()?.string()?)?);
            }
            Long("series") if command == "ics" => filter.series = Some(parser.value()?.string()?),
            Long("tag") if command == "ics" => filter.tag = Some(parser.value()?.string()?),
            Long("kind") if command == "ics" => {
                filter.kind = Some(option_kind(&parser.value()?.string()?)?);
            }
            Value(value) if positional.is_none() => positional = Some(value.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    match command.as_str() {
        "parse-date" => Ok(Command::ParseDate {
            phrase: positional.ok_or("parse-date needs a PHRASE such as \"September 14-?\"")?,
            year,
        }),
        "ics" => Ok(Command::Ics {
            dataset: positional.map(PathBuf::from),
            dtstamp,
            filter,
        }),
        "upcoming" => Ok(Command::Upcoming {
            as_of: as_of.ok_or("upcoming needs --as-of YYYY-MM-DD")?,
            dataset: positional.map(PathBuf::from),
        }),
        "find-dates" => {
            let mut context = DateContext::new();
            context.year = year;
            context.language = language;
            if month_first {
                context = context.month_first();
            }
            Ok(Command::FindDates {
                file: positional
                    .map(PathBuf::from)
                    .ok_or("find-dates needs a FILE.txt to read")?,
                context,
            })
        }
        other => Err(format!(
            "unknown command {other:?}; expected parse-date, ics, upcoming or find-dates"
        )
        .into()),
    }
}

/// The dataset at `dataset`, or the embedded WCIT-12 story.
fn load_dataset(dataset: Option<PathBuf>) -> Result<plenary::Dataset, String> {
    match dataset {
        None => Ok(plenary::datasets::wcit12()),
        Some(path) => support::read_dataset(&path),
    }
}

/// Which events a feed holds.
#[derive(Default)]
struct Filter {
    series: Option<String>,
    tag: Option<String>,
    kind: Option<EventKind>,
}

impl Filter {
    fn keeps(&self, event: &Event) -> bool {
        self.series
            .as_deref()
            .is_none_or(|s| event.series.as_ref().is_some_and(|e| e.as_str() == s))
            && self.tag.as_deref().is_none_or(|t| {
                t == "deadline" && !event.deadlines.is_empty()
                    || event.tags.iter().any(|e| e.as_str() == t)
            })
            && self.kind.is_none_or(|k| event.kind == k)
    }

    fn feed_name(&self) -> String {
        let mut name = match &self.series {
            Some(series) => format!("{series} events"),
            None => "Events".to_owned(),
        };
        match self.tag.as_deref() {
            Some("deadline") => name.push_str(": deadlines"),
            Some(tag) => name.push_str(&format!(" tagged {tag}")),
            None => {}
        }
        if let Some(kind) = self.kind {
            name.push_str(&format!(" ({kind})"));
        }
        name
    }
}

/// `--year`: a year 0 to 9999.
fn option_year(value: &str) -> Result<i32, String> {
    PartialDate::parse(value)
        .ok()
        .filter(|d| d.precision() == Precision::Year)
        .map(|d| d.year_number())
        .ok_or_else(|| format!("--year {value:?}: expected a four-digit year such as 2012"))
}

/// `--as-of`: a day, with the reason when it is not one.
fn option_as_of(value: &str) -> Result<NaiveDate, String> {
    let date = PartialDate::parse(value).map_err(|e| format!("--as-of {value:?}: {e}"))?;
    date.to_naive().ok_or_else(|| {
        format!(
            "--as-of {value:?}: expected a day YYYY-MM-DD such as 2012-09-01, not a month or year"
        )
    })
}

/// `--dtstamp`: an RFC 3339 time in the years iCalendar can write.
fn option_dtstamp(value: &str) -> Result<DateTime<Utc>, String> {
    let stamp: DateTime<Utc> = value.parse().map_err(|e| {
        format!("--dtstamp {value:?}: {e}; expected an RFC 3339 time such as 2012-11-01T00:00:00Z")
    })?;
    if !(0..=9999).contains(&stamp.year()) {
        return Err(format!(
            "--dtstamp {value:?}: year {} is outside 0000 to 9999, which iCalendar cannot write",
            stamp.year()
        ));
    }
    Ok(stamp)
}

/// `--kind`: an event kind in its JSON spelling.
fn option_kind(value: &str) -> Result<EventKind, String> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).map_err(|_| {
        let kinds: Vec<String> = EventKind::ALL
            .iter()
            .filter_map(|k| serde_json::to_value(k).ok())
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        format!("--kind {value:?}: expected one of {}", kinds.join(", "))
    })
}

fn upcoming(calendar: &Calendar, as_of: NaiveDate) {
    let events = calendar.upcoming(as_of);
    outln!("Upcoming as of {as_of}: {} events", events.len());
    let width = events
        .iter()
        .map(|e| e.when.map_or(0, |w| format_date_phrase(&w).chars().count()))
        .max()
        .unwrap_or(0)
        .max("date not known".len());
    for event in &events {
        let when = event
            .when
            .map_or_else(|| "date not known".to_owned(), |w| format_date_phrase(&w));
        let place = match (&event.place, event.online) {
            (Some(place), true) => format!(" — {place} and online"),
            (Some(place), false) => format!(" — {place}"),
            (None, true) => " — online".to_owned(),
            (None, false) => String::new(),
        };
        outln!(
            "  {when:<width$}  {}{place} [{}]",
            event.one_line_title(),
            event.status
        );
    }
    let last = NaiveDate::MAX;
    let due = calendar.deadlines_due(as_of, last);
    if !due.is_empty() {
        outln!();
        outln!("Deadlines from {as_of}:");
        for d in due {
            outln!(
                "  {:<width$}  {} for {}",
                format_date_phrase(&d.deadline.due.into()),
                d.deadline.what,
                d.event.one_line_title()
            );
        }
    }
}
