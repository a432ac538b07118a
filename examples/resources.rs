//! The resource bank from the command line: search it, import a listing, export CSL-JSON.
//!
//! ```text
//! cargo run --example resources -- search "net neutrality" [DATASET.json]
//! cargo run --example resources -- import-listing LISTING.txt     # resources as JSON
//! cargo run --example resources -- csl [DATASET.json]             # CSL-JSON
//! ```
//!
//! A DATASET.json is a whole [`plenary::Dataset`], such as the one `cargo run --example dataset --
//! dump` writes; its resources are used, and its actors name their authors. It is read but not
//! validated (`cargo run --example dataset -- validate` does that), and a value that cannot be
//! read is reported with its JSON path, line and column. Without a DATASET.json the embedded
//! WCIT-12 resource bank is used. `search` prints the hits best first, one a line: title,
//! authors, kind and score.
//! `import-listing` matches authors against the embedded WCIT-12 actors and reports on stderr,
//! as it reads, the lines it could not read with their numbers, then the section headings that
//! have no entries. Output goes to stdout; errors go to stderr with exit status 1. A file
//! argument must be a regular file of at most 1 GiB of UTF-8 text.
//!
//! The command-line contract is in `docs/command-line.md`: `-h`/`--help` prints the usage and
//! exits 0; a bad command line prints the usage on stderr and exits 2; bad input exits 1.

#[macro_use]
mod support;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lexopt::prelude::*;
use plenary::core::Actor;
use plenary::datasets;
use plenary::resources::{
    ActorDirectory, ListingOptions, Query, Resource, ResourceBank, import_listing_reporting,
    to_csl_json,
};

const USAGE: &str = "usage:
  resources search QUERY [DATASET.json]
  resources import-listing LISTING.txt
  resources csl [DATASET.json]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            errln!("resources: {message}");
            ExitCode::FAILURE
        }
    }
}

enum Command {
    Search {
        query: String,
        dataset: Option<PathBuf>,
    },
    ImportListing {
        listing: PathBuf,
    },
    Csl {
        dataset: Option<PathBuf>,
    },
}

fn run() -> Result<(), String> {
    support::help(USAGE);
    match parse_args().unwrap_or_else(|e| support::usage_error("resources", e, USAGE)) {
        Command::Search { query, dataset } => {
            let (actors, resources) = load(dataset.as_deref())?;
            let bank =
                ResourceBank::from_resources(actors, resources).map_err(|e| e.to_string())?;
            let directory = ActorDirectory::new(bank.actors());
            for hit in bank.search(&Query::new(query).limit(usize::MAX)) {
                let authors: Vec<String> = hit
                    .resource
                    .authors
                    .iter()
                    .map(|a| directory.display_name(a))
                    .collect();
                outln!(
                    "{} — {} [{}, score {:.2}]",
                    hit.resource.title,
                    if authors.is_empty() {
                        "no author".to_owned()
                    } else {
                        authors.join(", ")
                    },
                    hit.resource.kind,
                    hit.score
                );
            }
        }
        Command::ImportListing { listing } => {
            let text = support::read_file(&listing)?;
            let actors = datasets::wcit12_actors();
            let shown = support::shown(&listing);
            let mut diagnostics = support::Diagnostics::new();
            let import = import_listing_reporting(
                &text,
                &ListingOptions {
                    actors: &actors,
                    ..ListingOptions::default()
                },
                |line| diagnostics.line(format_args!("resources: {shown}: not imported: {line}")),
            );
            for section in import.sections.iter().filter(|s| s.entries == 0) {
                diagnostics.line(format_args!(
                    "resources: {shown}: line {}: section {:?} has no entries",
                    section.line, section.name
                ));
            }
            drop(diagnostics);
            support::emit_json(&import.resources)?;
        }
        Command::Csl { dataset } => {
            let (actors, resources) = load(dataset.as_deref())?;
            support::emit_json(&to_csl_json(&resources, &actors))?;
        }
    }
    Ok(())
}

fn parse_args() -> Result<Command, lexopt::Error> {
    let mut parser = lexopt::Parser::from_env();
    let command = support::subcommand(&mut parser, "search, import-listing or csl")?;
    let mut positional: Vec<String> = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Value(value) if positional.len() < 2 => positional.push(value.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    let mut positional = positional.into_iter();
    let (first, second) = (positional.next(), positional.next());
    match command.as_str() {
        "search" => Ok(Command::Search {
            query: first.ok_or("search needs a QUERY such as \"net neutrality\"")?,
            dataset: second.map(PathBuf::from),
        }),
        "import-listing" if second.is_none() => Ok(Command::ImportListing {
            listing: first
                .ok_or("import-listing needs a LISTING.txt file")?
                .into(),
        }),
        "csl" if second.is_none() => Ok(Command::Csl {
            dataset: first.map(PathBuf::from),
        }),
        "import-listing" | "csl" => Err(format!("{command} takes one file at most").into()),
        other => {
            Err(format!("unknown command {other:?}; expected search, import-listing or csl").into())
        }
    }
}

/// The actors and resources of `dataset`, or of the embedded WCIT-12 story.
fn load(dataset: Option<&Path>) -> Result<(Vec<Actor>, Vec<Resource>), String> {
    let Some(path) = dataset else {
        return Ok((datasets::wcit12_actors(), datasets::wcit12_resources()));
    };
    let dataset = support::read_dataset(path)?;
    Ok((dataset.actors, dataset.resources))
}
