//! The events of a policy process from the command line: date phrases, iCalendar, what is coming.
//!
//! ```text
//! cargo run --example events -- parse-date "September 14-?" --year 2012   # prints 2012-09-14/
//! cargo run --example events -- ics [DATASET.json] [--dtstamp 2012-11-01T00:00:00Z]
//! cargo run --example events -- upcoming --as-of 2012-09-01 [DATASET.json]
//! ```
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
use plenary::core::chrono::{DateTime, Days, NaiveDate, Utc};
use plenary::events::{Calendar, format_date_phrase, parse_date_phrase, to_ics};

const USAGE: &str = "usage:
  events parse-date PHRASE [--year YEAR]
  events ics [DATASET.json] [--dtstamp RFC3339]
  events upcoming --as-of YYYY-MM-DD [DATASET.json]";

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
    },
    Upcoming {
        as_of: NaiveDate,
        dataset: Option<PathBuf>,
    },
}

fn run() -> Result<(), String> {
    support::help(USAGE);
    match parse_args().unwrap_or_else(|e| support::usage_error("events", e, USAGE)) {
        Command::ParseDate { phrase, year } => {
            let span = parse_date_phrase(&phrase, year).map_err(|e| e.to_string())?;
            outln!("{span}");
        }
        Command::Ics { dataset, dtstamp } => {
            let calendar = load(dataset)?;
            let stamp = match dtstamp {
                Some(stamp) => stamp,
                None => default_stamp(&calendar),
            };
            let export = to_ics(calendar.timeline(), stamp);
            out!("{}", export.text);
            for id in export.undated {
                errln!("events: note: {id} has no date yet, so it is not in the calendar");
            }
        }
        Command::Upcoming { as_of, dataset } => {
            let calendar = load(dataset)?;
            upcoming(&calendar, as_of);
        }
    }
    Ok(())
}

fn parse_args() -> Result<Command, lexopt::Error> {
    let mut parser = lexopt::Parser::from_env();
    let command = support::subcommand(&mut parser, "parse-date, ics or upcoming")?;
    let mut positional: Option<String> = None;
    let mut year = None;
    let mut dtstamp = None;
    let mut as_of = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("year") if command == "parse-date" => year = Some(parser.value()?.parse()?),
            Long("dtstamp") if command == "ics" => dtstamp = Some(parser.value()?.parse()?),
            Long("as-of") if command == "upcoming" => as_of = Some(parser.value()?.parse()?),
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
        }),
        "upcoming" => Ok(Command::Upcoming {
            as_of: as_of.ok_or("upcoming needs --as-of YYYY-MM-DD")?,
            dataset: positional.map(PathBuf::from),
        }),
        other => {
            Err(format!("unknown command {other:?}; expected parse-date, ics or upcoming").into())
        }
    }
}

/// The events of the dataset at `dataset`, or of the embedded WCIT-12 story, as a calendar.
fn load(dataset: Option<PathBuf>) -> Result<Calendar, String> {
    let events = match dataset {
        None => plenary::datasets::wcit12_events(),
        Some(path) => support::read_dataset(&path)?.events,
    };
    Calendar::new(events).map_err(|e| e.to_string())
}

/// Midnight UTC after the last day any event is known to include.
fn default_stamp(calendar: &Calendar) -> DateTime<Utc> {
    let last = calendar
        .timeline()
        .iter()
        .filter_map(|e| e.when.and_then(|w| w.latest_known()))
        .chain(
            calendar
                .timeline()
                .iter()
                .flat_map(|e| e.deadlines.iter().map(|d| d.due.latest())),
        )
        .max()
        .unwrap_or_default();
    let day = last.checked_add_days(Days::new(1)).unwrap_or(last);
    day.and_time(Default::default()).and_utc()
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
