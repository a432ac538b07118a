//! What the examples share: guarded writing to stdout and stderr, so that `cmd 2>&1 | head`,
//! `2>/dev/full` or `>/dev/full` never panic as `println!` and `eprintln!` do, and reading the
//! files a user names through plenary's limited reader.

use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once stderr could not be written: later diagnostics are dropped without trying again.
static STDERR_GONE: AtomicBool = AtomicBool::new(false);

/// Writes to stdout; a closed pipe ends the program with status 0 (the reader has what it
/// wanted), any other failure (a full device) with status 1 after saying so on stderr.
pub(crate) fn emit(args: std::fmt::Arguments<'_>) {
    if let Err(err) = io::stdout().lock().write_fmt(args) {
        stdout_failed(&err);
    }
}

fn stdout_failed(err: &io::Error) -> ! {
    if err.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    report(format_args!("cannot write to stdout: {err}\n"));
    std::process::exit(1);
}

/// Writes a diagnostic to stderr. When stderr is closed or full there is nowhere left to say
/// anything: the diagnostic is dropped and the program goes on, so its output and exit status
/// stay what they would have been.
pub(crate) fn report(args: std::fmt::Arguments<'_>) {
    if STDERR_GONE.load(Ordering::Relaxed) {
        return;
    }
    // Stderr is unbuffered: formatted in place, each piece of the message would be a write of
    // its own, ten a line, which made a report of millions of lines ten times slower.
    let message = std::fmt::format(args);
    if io::stderr().lock().write_all(message.as_bytes()).is_err() {
        STDERR_GONE.store(true, Ordering::Relaxed);
    }
}

/// Stderr buffered, for reports of many lines (every bad line of a file): written in blocks
/// rather than a line at a time, with the guard of [`report`]; what is left is written when it
/// is dropped.
pub(crate) struct Diagnostics(io::BufWriter<io::Stderr>);

#[allow(dead_code)]
impl Diagnostics {
    pub(crate) fn new() -> Self {
        Self(io::BufWriter::with_capacity(1 << 16, io::stderr()))
    }

    /// Writes one line; dropped, as by [`report`], once stderr cannot be written.
    pub(crate) fn line(&mut self, args: std::fmt::Arguments<'_>) {
        if STDERR_GONE.load(Ordering::Relaxed) {
            return;
        }
        if self
            .0
            .write_fmt(args)
            .and_then(|()| self.0.write_all(b"\n"))
            .is_err()
        {
            STDERR_GONE.store(true, Ordering::Relaxed);
        }
    }
}

impl Drop for Diagnostics {
    fn drop(&mut self) {
        if !STDERR_GONE.load(Ordering::Relaxed) && self.0.flush().is_err() {
            STDERR_GONE.store(true, Ordering::Relaxed);
        }
    }
}

/// Stdout as a buffered writer with the guard of [`emit`], for output written piece by piece
/// (a large JSON document) rather than built whole in memory first.
pub(crate) struct GuardedStdout(io::BufWriter<io::StdoutLock<'static>>);

#[allow(dead_code)]
impl GuardedStdout {
    pub(crate) fn new() -> Self {
        Self(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()))
    }

    /// Writes what is left in the buffer; a failure ends the program as [`emit`] does.
    pub(crate) fn finish(mut self) {
        if let Err(err) = self.0.flush() {
            stdout_failed(&err);
        }
    }
}

impl Write for GuardedStdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(|err| stdout_failed(&err))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(|err| stdout_failed(&err))
    }
}

/// Writes `value` to stdout as pretty JSON and a line break, as it is serialised.
#[allow(dead_code)]
pub(crate) fn emit_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<(), String> {
    let mut out = GuardedStdout::new();
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| e.to_string())?;
    let _ = out.write_all(b"\n");
    out.finish();
    Ok(())
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

/// `eprintln!` that never panics: a closed or full stderr drops the line.
#[allow(unused_macros)]
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::support::report(format_args!("{}\n", format_args!($($arg)*)))
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

/// `path` as messages show it: as written when it is plain text, else quoted with its control
/// characters and bytes that are not UTF-8 escaped, so a file name cannot forge lines or
/// move the terminal's cursor.
#[allow(dead_code)]
pub(crate) fn shown(path: &Path) -> String {
    match path.to_str() {
        Some(text) if !text.chars().any(|c| c.is_control() || c == '"') && !text.is_empty() => {
            text.to_owned()
        }
        _ => format!("{path:?}"),
    }
}

/// The bytes of the file at `path`: a regular file of at most
/// [`MAX_INPUT_BYTES`](plenary::core::MAX_INPUT_BYTES); an error names the file and the limit.
#[allow(dead_code)]
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    plenary::core::read_input(path, plenary::core::MAX_INPUT_BYTES).map_err(|e| e.to_string())
}

/// The text of the file at `path` as [`read_bytes`] reads it, without a byte order mark; text
/// that is not UTF-8 is an error with its line, column and byte offset.
#[allow(dead_code)]
pub(crate) fn read_file(path: &Path) -> Result<String, String> {
    plenary::core::read_input_text(path, plenary::core::MAX_INPUT_BYTES).map_err(|e| e.to_string())
}

/// The dataset in the file at `path`, read but not validated; errors name the file and give the
/// JSON path, line and column.
#[allow(dead_code)]
pub(crate) fn read_dataset(path: &Path) -> Result<plenary::Dataset, String> {
    plenary::Dataset::from_json(&read_file(path)?).map_err(|e| format!("{}: {e}", shown(path)))
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
    report(format_args!("{program}: {error}\n{usage}\n"));
    std::process::exit(2)
}
