//! ITU treaty texts from the command line: parse, render, export, cross-reference, diff and
//! write proposals.
//!
//! ```text
//! cargo run --example treaty -- parse FILE.txt          # the Document as JSON
//! cargo run --example treaty -- akn FILE.txt            # Akoma Ntoso 3.0 XML
//! cargo run --example treaty -- render FILE.txt         # canonical plain text
//! cargo run --example treaty -- markdown FILE.txt       # Markdown
//! cargo run --example treaty -- html FILE.txt           # an HTML fragment
//! cargo run --example treaty -- refs FILE.txt           # the cross-references as JSON
//! cargo run --example treaty -- diff OLD.txt NEW.txt    # the changes as JSON
//! cargo run --example treaty -- propose BASE.txt NEW.txt [--noc] [--reference ARB/7]
//! ```
//!
//! Lines the parser could not place are reported on stderr with their line numbers; output goes
//! to stdout; errors go to stderr with exit status 1.
//!
//! The command-line contract is in `docs/command-line.md`: `-h`/`--help` prints the usage and
//! exits 0; a bad command line prints the usage on stderr and exits 2; bad input exits 1.

#[macro_use]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;

use lexopt::prelude::*;
use plenary::treaty::{self, Document, ProposalOptions};

const USAGE: &str = "usage:
  treaty parse|akn|render|markdown|html|refs FILE.txt
  treaty diff OLD.txt NEW.txt
  treaty propose BASE.txt NEW.txt [--noc] [--reference PREFIX]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            errln!("treaty: {message}");
            ExitCode::FAILURE
        }
    }
}

struct Args {
    command: String,
    files: Vec<PathBuf>,
    options: ProposalOptions,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    let mut parser = lexopt::Parser::from_env();
    let mut command = None;
    let mut files = Vec::new();
    let mut options = ProposalOptions::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("noc") => options.noc = true,
            Long("reference") => options.reference = Some(parser.value()?.string()?),
            Value(value) if command.is_none() => command = Some(value.string()?),
            Value(value) => files.push(PathBuf::from(value)),
            _ => return Err(arg.unexpected()),
        }
    }
    let command = command.ok_or("missing command")?;
    Ok(Args {
        command,
        files,
        options,
    })
}

fn read(path: &std::path::Path) -> Result<Document, String> {
    let text = support::read_file(path)?;
    let doc = treaty::parse(&text);
    for diagnostic in doc.diagnostics() {
        errln!("{}: {diagnostic}", support::shown(path));
    }
    Ok(doc)
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

fn run() -> Result<(), String> {
    support::help(USAGE);
    let args = parse_args().unwrap_or_else(|e| support::usage_error("treaty", e, USAGE));
    let wanted = match args.command.as_str() {
        "diff" | "propose" => 2,
        "parse" | "akn" | "render" | "markdown" | "html" | "refs" => 1,
        other => support::usage_error("treaty", format!("unknown command {other:?}"), USAGE),
    };
    if args.files.len() != wanted {
        support::usage_error(
            "treaty",
            format!(
                "{} takes {wanted} file(s), got {}",
                args.command,
                args.files.len()
            ),
            USAGE,
        );
    }
    let first = read(&args.files[0])?;
    let output = match args.command.as_str() {
        "parse" => json(&first)?,
        "akn" => treaty::to_akn(&first).map_err(|e| e.to_string())?,
        "render" => treaty::render(&first),
        "markdown" => treaty::to_markdown(&first),
        "html" => treaty::to_html(&first),
        "refs" => json(&first.references)?,
        "diff" => json(&treaty::diff(&first, &read(&args.files[1])?))?,
        _ => treaty::render(&treaty::propose(
            &first,
            &read(&args.files[1])?,
            &args.options,
        )),
    };
    out!("{output}");
    if !output.ends_with('\n') {
        outln!();
    }
    Ok(())
}
