//! What the examples share: writing to stdout so that a reader who stops early (`| head`) ends
//! the program quietly, where `println!` would panic on the closed pipe.

use std::io::{self, Write};

/// Writes to stdout; a closed pipe ends the program with status 0, any other failure with 1.
pub(crate) fn emit(args: std::fmt::Arguments<'_>) {
    if let Err(err) = io::stdout().lock().write_fmt(args) {
        if err.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("cannot write to stdout: {err}");
        std::process::exit(1);
    }
}

/// `print!` that ends quietly on a closed pipe.
#[allow(unused_macros)]
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::support::emit(format_args!($($arg)*))
    };
}

/// `println!` that ends quietly on a closed pipe.
#[allow(unused_macros)]
macro_rules! outln {
    () => {
        $crate::support::emit(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::support::emit(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// The command word that starts the arguments; `commands` lists them for the error.
#[allow(dead_code)]
pub(crate) fn subcommand(
    parser: &mut lexopt::Parser,
    commands: &str,
) -> Result<String, lexopt::Error> {
    match parser.next()? {
        Some(lexopt::Arg::Value(command)) => Ok(lexopt::ValueExt::string(command)?),
        Some(arg) => Err(arg.unexpected()),
        None => Err(format!("a command is missing: {commands}").into()),
    }
}

/// The text of the file at `path`, or an error that names it.
#[allow(dead_code)]
pub(crate) fn read_file(path: &std::path::Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The dataset in the file at `path`, read but not validated; errors name the file and give the
/// JSON path, line and column.
#[allow(dead_code)]
pub(crate) fn read_dataset(path: &std::path::Path) -> Result<plenary::Dataset, String> {
    plenary::Dataset::from_json(&read_file(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// Prints `usage` on stdout and ends the program with status 0 when the command line asks for
/// help: `-h` or `--help` anywhere before a `--`.
#[allow(dead_code)]
pub(crate) fn help(usage: &str) {
    let asked = std::env::args_os()
        .skip(1)
        .take_while(|arg| arg != "--")
        .any(|arg| arg == "-h" || arg == "--help");
    if asked {
        emit(format_args!("{usage}\n"));
        if io::stdout().flush().is_err() {
            std::process::exit(1);
        }
        std::process::exit(0);
    }
}

/// Reports a command line the program cannot run, with the usage, on stderr, and ends the
/// program with status 2 (bad input ends with 1).
#[allow(dead_code)]
pub(crate) fn usage_error(program: &str, error: impl std::fmt::Display, usage: &str) -> ! {
    // A closed or full stderr must not turn a usage error into a panic.
    let _ = writeln!(io::stderr(), "{program}: {error}\n{usage}");
    std::process::exit(2)
}
