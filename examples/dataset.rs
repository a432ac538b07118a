//! Whole datasets from the command line: check one, print the JSON Schema, dump the WCIT-12 story.
//!
//! ```text
//! cargo run --example dataset -- validate DATASET.json   # every problem, one a line
//! cargo run --example dataset -- schema                  # JSON Schema of the dataset
//! cargo run --example dataset -- dump                    # the embedded WCIT-12 dataset as JSON
//! ```
//!
//! Output goes to stdout; errors go to stderr with exit status 1.
//!
//! The command-line contract is in `docs/command-line.md`: `-h`/`--help` prints the usage and
//! exits 0; a bad command line prints the usage on stderr and exits 2; bad input exits 1.

#[macro_use]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

use lexopt::prelude::*;
use plenary::{Dataset, Error};

const USAGE: &str = "usage:
  dataset validate DATASET.json
  dataset schema
  dataset dump";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            errln!("dataset: {message}");
            ExitCode::FAILURE
        }
    }
}

enum Command {
    Validate(PathBuf),
    Schema,
    Dump,
}

fn run() -> Result<(), String> {
    support::help(USAGE);
    match parse_args().unwrap_or_else(|e| support::usage_error("dataset", e, USAGE)) {
        Command::Validate(path) => {
            let json = support::read_file(&path)?;
            match Dataset::load(&json) {
                Ok(dataset) => outln!(
                    "{}: valid: {} actors, {} events, {} resources, {} documents, {} petitions",
                    support::shown(&path),
                    dataset.actors.len(),
                    dataset.events.len(),
                    dataset.resources.len(),
                    dataset.documents.len(),
                    dataset.petitions.len()
                ),
                Err(Error::Invalid(problems)) => {
                    for problem in &problems.0 {
                        errln!("{}: {problem}", support::shown(&path));
                    }
                    return Err(format!(
                        "{}: {} problem(s)",
                        support::shown(&path),
                        problems.0.len()
                    ));
                }
                Err(err) => return Err(format!("{}: {err}", support::shown(&path))),
            }
        }
        Command::Schema => {
            let schema =
                serde_json::to_string_pretty(&Dataset::json_schema()).map_err(|e| e.to_string())?;
            outln!("{schema}");
        }
        Command::Dump => outln!("{}", plenary::datasets::wcit12().to_json()),
    }
    Ok(())
}

fn parse_args() -> Result<Command, lexopt::Error> {
    let mut parser = lexopt::Parser::from_env();
    let command = support::subcommand(&mut parser, "validate, schema or dump")?;
    let command = match command.as_str() {
        "validate" => match parser.next()? {
            Some(Value(path)) => Command::Validate(PathBuf::from(path)),
            Some(arg) => return Err(arg.unexpected()),
            None => return Err("validate needs a DATASET.json".into()),
        },
        "schema" => Command::Schema,
        "dump" => Command::Dump,
        other => return Err(format!("unknown command {other:?}").into()),
    };
    if let Some(arg) = parser.next()? {
        return Err(arg.unexpected());
    }
    Ok(command)
}
