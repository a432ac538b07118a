//! Count a petition's signatures from the command line.
//!
//! ```text
//! cargo run --example petitions -- tally SIGNATURES.ndjson [--milestones 1000,10000,100000] [--max-errors N] [--show-emails]
//! cargo run --example petitions -- history SIGNATURES.ndjson [--csv] [--daily]
//! ```
//!
//! `tally` prints the tally as JSON on stdout: `{"lines", "counted", "duplicates", "rejected",
//! "states", "by_country", "milestones", "errors", "unlisted_errors"}`. The first rejected lines
//! (1000, or `--max-errors`) are listed with their reasons, the rest counted by kind; reasons
//! never show an email address unless the operator asks with `--show-emails`. `history` prints
//! the signatures per hour (or day, `--daily`) and the running total, as JSON or CSV. Rejected
//! lines do not make a command fail; a file that cannot be read (or is not a regular file) or
//! bad arguments go to stderr with exit status 1 (2 for the arguments). The file is read in
//! blocks, on every available core, without being loaded whole.

#[macro_use]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

use lexopt::prelude::*;
use plenary::petitions::{Period, Tally, parse_milestones};

const USAGE: &str = "usage:
  petitions tally SIGNATURES.ndjson [--milestones 1000,10000,100000] [--max-errors N] [--show-emails]
  petitions history SIGNATURES.ndjson [--csv] [--daily]";

#[derive(Debug, Default)]
struct Args {
    command: String,
    file: PathBuf,
    milestones: Vec<u64>,
    max_errors: Option<usize>,
    show_emails: bool,
    csv: bool,
    daily: bool,
}

fn main() -> ExitCode {
    // `-h` or `--help` anywhere on the line prints the usage and exits 0.
    support::help(USAGE);
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) if message == "help" => {
            outln!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            errln!("petitions: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            errln!("petitions: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    // A file name with a newline or a control character is shown quoted: it cannot forge a line.
    let name = support::shown(&args.file);
    let file = plenary::core::open_input(&args.file).map_err(|e| e.to_string())?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut tally = Tally::with_milestones(args.milestones.iter().copied());
    if let Some(limit) = args.max_errors {
        tally.set_error_limit(limit);
    }
    // Read through a memory map (the file's bytes counted where the system keeps them).
    tally
        .read_file_on(file, threads)
        .map_err(|e| format!("{name}: {e}"))?;
    match args.command.as_str() {
        "tally" => support::emit_json(&if args.show_emails {
            tally.report_unmasked()
        } else {
            tally.report()
        }),
        _ => {
            let history = tally.history(if args.daily {
                Period::Day
            } else {
                Period::Hour
            });
            if args.csv {
                // Written through the guarded stdout: a closed pipe ends quietly.
                let mut out = support::GuardedStdout::new();
                history
                    .write_csv(&mut out)
                    .map_err(|e| format!("cannot write to stdout: {e}"))?;
                out.finish();
                Ok(())
            } else {
                support::emit_json(&history)
            }
        }
    }
}

fn parse_args() -> Result<Args, String> {
    let mut parser = lexopt::Parser::from_env();
    let mut args = Args::default();
    let mut file = None;
    let utf8 = |option: &str, value: std::ffi::OsString| {
        value
            .into_string()
            .map_err(|v| format!("{option} {v:?} is not UTF-8"))
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("milestones") if args.command == "tally" => {
                let list = utf8("--milestones", parser.value().map_err(|e| e.to_string())?)?;
                args.milestones = parse_milestones(&list).map_err(|e| e.to_string())?;
            }
            Long("max-errors") if args.command == "tally" => {
                let value = utf8("--max-errors", parser.value().map_err(|e| e.to_string())?)?;
                args.max_errors = Some(value.parse().map_err(|_| {
                    format!("--max-errors {value:?} is not a whole number; expected such as 1000")
                })?);
            }
            Long("show-emails") if args.command == "tally" => args.show_emails = true,
            Long("csv") if args.command == "history" => args.csv = true,
            Long("daily") if args.command == "history" => args.daily = true,
            Long("help") | Short('h') => return Err("help".into()),
            Value(value) if args.command.is_empty() => {
                let value = value
                    .into_string()
                    .map_err(|v| format!("unknown command {v:?}"))?;
                if value != "tally" && value != "history" {
                    return Err(format!(
                        "unknown command {value:?}; expected \"tally\" or \"history\""
                    ));
                }
                args.command = value;
            }
            Value(value) if file.is_none() => file = Some(PathBuf::from(value)),
            other => return Err(other.unexpected().to_string()),
        }
    }
    if args.command.is_empty() {
        return Err("no command given; expected \"tally\" or \"history\"".into());
    }
    args.file = file.ok_or_else(|| format!("{} needs a SIGNATURES.ndjson file", args.command))?;
    Ok(args)
}
