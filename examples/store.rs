//! The plenary data model in a database, from the command line.
//!
//! ```text
//! cargo run --example store -- import DATASET.json [--db PATH_OR_URL]
//! cargo run --example store -- export
//! cargo run --example store -- submit URL TITLE [--note TEXT]
//! cargo run --example store -- pending
//! cargo run --example store -- approve ID [--as RESOURCE_ID]
//! cargo run --example store -- reject ID --reason TEXT
//! cargo run --example store -- sign PETITION_ID SIGNATURES.ndjson
//! cargo run --example store -- count PETITION_ID
//! cargo run --example store -- history PETITION_ID [--csv] [--daily]
//! ```
//!
//! The database is `plenary.db` in the current directory (SQLite, created when missing) unless
//! `--db` names another file or a `postgres://` URL. `import` validates the dataset whole and
//! writes nothing when it has problems (all of them are listed); `export` prints the dataset as
//! JSON; `submit`, `pending`, `approve` and `reject` work the moderation queue (JSON out);
//! `sign` appends signatures NDJSON (with its `state` field) to a petition's log and prints what
//! it stored and which lines it refused; `count` prints the tally JSON of `petitions tally` from
//! the log, `history` the count history of `petitions history`. Output is on stdout, errors on
//! stderr with exit status 1 (2 for bad arguments).

#[macro_use]
mod support;

use std::process::ExitCode;

use lexopt::prelude::*;
use plenary::core::{PetitionId, ResourceId};
use plenary::petitions::Period;
use plenary::resources::{Suggestion, SuggestionId};
use plenary_store::Store;

const USAGE: &str = "usage:
  store import DATASET.json [--db PATH_OR_URL]
  store export
  store submit URL TITLE [--note TEXT]
  store pending
  store approve ID [--as RESOURCE_ID]
  store reject ID --reason TEXT
  store sign PETITION_ID SIGNATURES.ndjson
  store count PETITION_ID
  store history PETITION_ID [--csv] [--daily]
every command takes --db PATH_OR_URL (default: plenary.db; or a postgres:// URL)";

const COMMANDS: &str = "import, export, submit, pending, approve, reject, sign, count or history";

#[derive(Debug, Default)]
struct Args {
    command: String,
    values: Vec<String>,
    db: Option<String>,
    note: Option<String>,
    reason: Option<String>,
    resource: Option<String>,
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
            errln!("store: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            errln!("store: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            errln!("store: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> Result<(), String> {
    let location = args.db.as_deref().unwrap_or("plenary.db");
    let store = Store::open(location).await.map_err(|e| e.to_string())?;
    let result = command(&store, args).await;
    store.close().await;
    result
}

async fn command(store: &Store, args: &Args) -> Result<(), String> {
    let err = |e: plenary_store::Error| e.to_string();
    let value = |i: usize| args.values[i].as_str();
    match args.command.as_str() {
        "import" => {
            let path = std::path::Path::new(value(0));
            let dataset = support::read_dataset(path)?;
            store
                .import(&dataset)
                .await
                .map_err(|e| format!("{}: {e}", path.display()))?;
            outln!(
                "imported {} actors, {} events, {} resources, {} documents, {} petitions and {} sources into {}",
                dataset.actors.len(),
                dataset.events.len(),
                dataset.resources.len(),
                dataset.documents.len(),
                dataset.petitions.len(),
                dataset.sources.len(),
                store.location()
            );
            Ok(())
        }
        "export" => {
            let dataset = store.export().await.map_err(err)?;
            outln!("{}", dataset.to_json());
            Ok(())
        }
        "submit" => {
            let suggestion = Suggestion {
                link: value(0).to_owned(),
                title: value(1).to_owned(),
                description: args.note.clone().unwrap_or_default(),
                ..Suggestion::default()
            };
            support::emit_json(&store.submit(&suggestion).await.map_err(err)?)
        }
        "pending" => support::emit_json(&store.pending().await.map_err(err)?),
        "approve" => {
            let id = suggestion_id(value(0))?;
            let resource = match &args.resource {
                Some(text) => Some(
                    text.parse::<ResourceId>()
                        .map_err(|e| format!("--as: {e}"))?,
                ),
                None => None,
            };
            support::emit_json(&store.approve(id, resource).await.map_err(err)?)
        }
        "reject" => {
            let id = suggestion_id(value(0))?;
            let reason = args.reason.as_deref().unwrap_or_default();
            support::emit_json(&store.reject(id, reason).await.map_err(err)?)
        }
        "sign" => {
            let petition = petition_id(value(0))?;
            let path = value(1);
            let input = support::read_bytes(std::path::Path::new(path))?;
            support::emit_json(&store.sign(&petition, &input).await.map_err(err)?)
        }
        "count" => support::emit_json(&store.count(&petition_id(value(0))?).await.map_err(err)?),
        _ => {
            let period = if args.daily {
                Period::Day
            } else {
                Period::Hour
            };
            let history = store
                .history(&petition_id(value(0))?, period)
                .await
                .map_err(err)?;
            if args.csv {
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

fn petition_id(text: &str) -> Result<PetitionId, String> {
    text.parse().map_err(|e| format!("{e}"))
}

fn suggestion_id(text: &str) -> Result<SuggestionId, String> {
    text.trim_start_matches('#')
        .parse::<u64>()
        .map(SuggestionId::from)
        .map_err(|_| format!("suggestion {text:?} is not a number; expected one such as 3"))
}

fn parse_args() -> Result<Args, String> {
    let mut parser = lexopt::Parser::from_env();
    let mut args = Args::default();
    let text = |value: std::ffi::OsString, what: &str| {
        value
            .into_string()
            .map_err(|v| format!("{what} {v:?} is not UTF-8"))
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("help") | Short('h') => return Err("help".into()),
            Long("db") => args.db = Some(text(parser.value().map_err(|e| e.to_string())?, "--db")?),
            Long("note") if args.command == "submit" => {
                args.note = Some(text(parser.value().map_err(|e| e.to_string())?, "--note")?);
            }
            Long("reason") if args.command == "reject" => {
                args.reason = Some(text(
                    parser.value().map_err(|e| e.to_string())?,
                    "--reason",
                )?);
            }
            Long("as") if args.command == "approve" => {
                args.resource = Some(text(parser.value().map_err(|e| e.to_string())?, "--as")?);
            }
            Long("csv") if args.command == "history" => args.csv = true,
            Long("daily") if args.command == "history" => args.daily = true,
            Value(value) if args.command.is_empty() => {
                let command = text(value, "command")?;
                if !COMMANDS
                    .replace(" or", ",")
                    .split(", ")
                    .any(|c| c == command)
                {
                    return Err(format!("unknown command {command:?}; expected {COMMANDS}"));
                }
                args.command = command;
            }
            Value(value) => args.values.push(text(value, "argument")?),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let needs = match args.command.as_str() {
        "" => return Err(format!("no command given; expected {COMMANDS}")),
        "export" | "pending" => (0, ""),
        "import" => (1, "import needs a DATASET.json file"),
        "submit" => (2, "submit needs a URL and a TITLE"),
        "approve" => (1, "approve needs a suggestion ID"),
        "reject" => (1, "reject needs a suggestion ID"),
        "sign" => (2, "sign needs a PETITION_ID and a SIGNATURES.ndjson file"),
        _ => (1, "count and history need a PETITION_ID"),
    };
    if args.values.len() < needs.0 {
        return Err(needs.1.into());
    }
    if args.values.len() > needs.0 {
        return Err(format!(
            "unexpected argument {:?} for {}",
            args.values[needs.0], args.command
        ));
    }
    if args.command == "reject" && args.reason.is_none() {
        return Err("reject needs --reason TEXT: say why".into());
    }
    Ok(args)
}
