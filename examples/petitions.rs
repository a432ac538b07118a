//! Count a petition's signatures from the command line.
//!
//! ```text
//! cargo run --example petitions -- tally SIGNATURES.ndjson [--milestones 1000,10000,100000]
//! ```
//!
//! Prints the tally as JSON on stdout: `{"lines", "counted", "duplicates", "rejected",
//! "by_country", "milestones", "errors"}`. Rejected lines are in `errors` and do not make the
//! command fail; a file that cannot be read goes to stderr with exit status 1. The file is
//! tallied on every available core.
//!
//! The command-line contract is in `docs/command-line.md`: `-h`/`--help` prints the usage and
//! exits 0; a bad command line prints the usage on stderr and exits 2; bad input exits 1.

#[macro_use]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

use lexopt::prelude::*;
use plenary::petitions::{parse_milestones, tally_parallel};

const USAGE: &str = "usage:
  petitions tally SIGNATURES.ndjson [--milestones 1000,10000,100000]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            errln!("petitions: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    support::help(USAGE);
    let (file, milestones) =
        parse_args().unwrap_or_else(|e| support::usage_error("petitions", e, USAGE));
    let input = support::read_bytes(&file)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let tally = tally_parallel(&input, &milestones, threads);
    let json = serde_json::to_string_pretty(&tally.report()).map_err(|e| e.to_string())?;
    outln!("{json}");
    Ok(())
}

fn parse_args() -> Result<(PathBuf, Vec<u64>), String> {
    let mut parser = lexopt::Parser::from_env();
    let mut command = None;
    let mut file = None;
    let mut milestones = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("milestones") => {
                let list = parser.value().map_err(|e| e.to_string())?;
                let list = list
                    .into_string()
                    .map_err(|v| format!("--milestones {v:?} is not UTF-8"))?;
                milestones = parse_milestones(&list).map_err(|e| e.to_string())?;
            }
            Long("help") | Short('h') => return Err("help".into()),
            Value(value) if command.is_none() => {
                let value = value
                    .into_string()
                    .map_err(|v| format!("unknown command {v:?}"))?;
                if value != "tally" {
                    return Err(format!("unknown command {value:?}; expected \"tally\""));
                }
                command = Some(value);
            }
            Value(value) if file.is_none() => file = Some(PathBuf::from(value)),
            other => return Err(other.unexpected().to_string()),
        }
    }
    if command.is_none() {
        return Err("no command given; expected \"tally\"".into());
    }
    let file = file.ok_or("tally needs a SIGNATURES.ndjson file")?;
    Ok((file, milestones))
}
