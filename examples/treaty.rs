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
//! Lines the parser could not place are reported on stderr with their line numbers; output goes
//! to stdout; errors go to stderr with exit status 1.

#[macro_use]
mod support;

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
            eprintln!("treaty: {message}");
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
        format,
        untouched,
    })
}

fn read(path: &std::path::Path) -> Result<Document, String> {
    let text = support::read_file(path)?;
    let doc = treaty::parse(&text);
    for diagnostic in doc.diagnostics() {
        eprintln!("{}: {diagnostic}", path.display());
    }
    Ok(doc)
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

fn run() -> Result<(), String> {
    let args = parse_args().map_err(|e| format!("{e}\n{USAGE}"))?;
    let wanted = match args.command.as_str() {
        "diff" | "propose" | "apply" => 2,
        "parse" | "akn" | "render" | "markdown" | "html" | "refs" => 1,
        // A base and at least one proposal.
        "compile" => args.files.len().max(2),
        other => return Err(format!("unknown command {other:?}\n{USAGE}")),
    };
    let formats: &[&str] = match args.command.as_str() {
        "apply" => &["text", "akn"],
        "compile" => &["json", "html"],
        _ => &[],
    };
    if let Some(format) = args.format.filter(|f| !formats.contains(f)) {
        return Err(format!(
            "{} does not take --{format}\n{USAGE}",
            args.command
        ));
    }
    if args.files.len() != wanted {
        return Err(format!(
            "{} takes {wanted} file(s), got {}\n{USAGE}",
            args.command,
            args.files.len()
        ));
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
        "apply" => {
            let amended = treaty::apply(&first, &read(&args.files[1])?)
                .map_err(|e| format!("{}: {e}", args.files[1].display()))?;
            match args.format {
                Some("text") => treaty::render(&amended),
                Some("akn") => treaty::to_akn(&amended).map_err(|e| e.to_string())?,
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
                Some("html") => compilation.to_html(),
                _ => compilation.to_markdown(),
            }
        }
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
