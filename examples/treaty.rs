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
//! cargo run --example treaty -- apply BASE.txt PROPOSAL.txt [--text|--akn]   # amended (JSON)
//! cargo run --example treaty -- compile BASE.txt PROPOSAL.txt... [--json|--html] [--untouched]
//! ```
//!
//! Lines the parser could not place are reported on stderr with their line numbers (the first
//! `MAX_UNPLACED`, then a count of the rest); output is streamed to stdout; errors go to stderr
//! with exit status 1. A closed pipe on either stream ends the program quietly.
//!
//! The command-line contract is in `docs/command-line.md`: `-h`/`--help` prints the usage and
//! exits 0; a bad command line prints the usage on stderr and exits 2; bad input exits 1.

#[allow(dead_code, unused_macros)]
#[macro_use]
mod support;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use lexopt::prelude::*;
use plenary::treaty::{self, Document, ProposalOptions};

const USAGE: &str = "usage:
  treaty parse|akn|render|markdown|html|refs FILE.txt
  treaty diff OLD.txt NEW.txt
  treaty propose BASE.txt NEW.txt [--noc] [--reference PREFIX]
  treaty apply BASE.txt PROPOSAL.txt [--text|--akn]
  treaty compile BASE.txt PROPOSAL.txt... [--json|--html] [--untouched]";

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
    /// `--text`, `--akn`, `--json` or `--html`: the output format of apply and compile.
    format: Option<&'static str>,
    /// `--untouched`: compile keeps the provisions no proposal touches.
    untouched: bool,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    let mut parser = lexopt::Parser::from_env();
    let mut command = None;
    let mut files = Vec::new();
    let mut options = ProposalOptions::default();
    let mut format = None;
    let mut untouched = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("noc") => options.noc = true,
            Long("text") => format = Some("text"),
            Long("akn") => format = Some("akn"),
            Long("json") => format = Some("json"),
            Long("html") => format = Some("html"),
            Long("untouched") => untouched = true,
            Long("reference") => {
                let reference = parser.value()?.string()?;
                treaty::check_reference(&reference).map_err(|e| e.to_string())?;
                options.reference = Some(reference);
            }
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
        format,
        untouched,
    })
}

/// Writes to a stream through a buffer; a closed pipe ends the program with status 0, any
/// other failure with 1, never a panic.
fn guarded(result: io::Result<()>, stream: &str) {
    if let Err(err) = result {
        if err.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        errln!("treaty: cannot write to {stream}: {err}");
        std::process::exit(1);
    }
}

fn read(path: &std::path::Path) -> Result<Document, String> {
    let text = support::read_file(path)?;
    let doc = treaty::parse(&text);
    // Diagnostics go through the guarded stderr: a closed or full stderr drops them and the
    // output on stdout goes on.
    let mut err = support::Diagnostics::new();
    let name = support::shown(path);
    for diagnostic in doc.diagnostics() {
        err.line(format_args!("{name}: {diagnostic}"));
    }
    if doc.unplaced_omitted > 0 {
        err.line(format_args!(
            "{name}: {} more unplaced lines, not quoted",
            doc.unplaced_omitted
        ));
    }
    Ok(doc)
}

/// Streams `value` as pretty JSON to stdout.
fn json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let mut out = BufWriter::new(io::stdout().lock());
    match serde_json::to_writer_pretty(&mut out, value) {
        Ok(()) => {}
        Err(e) if e.is_io() => guarded(Err(io::Error::from(e)), "stdout"),
        Err(e) => return Err(e.to_string()),
    }
    guarded(writeln!(out).and_then(|()| out.flush()), "stdout");
    Ok(())
}

/// Writes a rendered text to stdout, ending it with a newline.
fn text(output: &str) {
    let mut out = BufWriter::new(io::stdout().lock());
    guarded(out.write_all(output.as_bytes()), "stdout");
    if !output.ends_with('\n') {
        guarded(out.write_all(b"\n"), "stdout");
    }
    guarded(out.flush(), "stdout");
}

fn run() -> Result<(), String> {
    support::help(USAGE);
    let args = parse_args().unwrap_or_else(|e| support::usage_error("treaty", e, USAGE));
    let wanted = match args.command.as_str() {
        "diff" | "propose" | "apply" => 2,
        "parse" | "akn" | "render" | "markdown" | "html" | "refs" => 1,
        // A base and at least one proposal.
        "compile" => args.files.len().max(2),
        other => support::usage_error("treaty", format!("unknown command {other:?}"), USAGE),
    };
    let formats: &[&str] = match args.command.as_str() {
        "apply" => &["text", "akn"],
        "compile" => &["json", "html"],
        _ => &[],
    };
    if let Some(format) = args.format.filter(|f| !formats.contains(f)) {
        support::usage_error(
            "treaty",
            format!("{} does not take --{format}", args.command),
            USAGE,
        );
    }
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
    match args.command.as_str() {
        "parse" => json(&first)?,
        "akn" => text(&treaty::to_akn(&first).map_err(|e| e.to_string())?),
        "render" => text(&treaty::render(&first)),
        "markdown" => text(&treaty::to_markdown(&first)),
        "html" => text(&treaty::to_html(&first)),
        "refs" => json(&first.references)?,
        "diff" => json(&treaty::diff(&first, &read(&args.files[1])?))?,
        "apply" => {
            let amended = treaty::apply(&first, &read(&args.files[1])?)
                .map_err(|e| format!("{}: {e}", args.files[1].display()))?;
            match args.format {
                Some("text") => text(&treaty::render(&amended)),
                Some("akn") => text(&treaty::to_akn(&amended).map_err(|e| e.to_string())?),
                _ => json(&amended)?,
            }
        }
        "compile" => {
            let proposals = args.files[1..]
                .iter()
                .map(|path| read(path))
                .collect::<Result<Vec<_>, _>>()?;
            let mut compilation = treaty::compile(&first, &proposals);
            if !args.untouched {
                compilation = compilation.without_untouched();
            }
            match args.format {
                Some("json") => json(&compilation)?,
                Some("html") => text(&compilation.to_html()),
                _ => text(&compilation.to_markdown()),
            }
        }
        _ => text(&treaty::render(
            &treaty::propose(&first, &read(&args.files[1])?, &args.options)
                .map_err(|e| e.to_string())?,
        )),
    }
    Ok(())
}
