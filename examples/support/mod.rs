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
