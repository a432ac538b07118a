//! The errors of the facade.

use plenary_core::Diagnostic;

use crate::dataset::SCHEMA_VERSION;
use crate::problem::Problems;

/// What can go wrong reading or checking a [`Dataset`](crate::Dataset).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The JSON could not be read into a dataset.
    #[error("invalid dataset JSON at {path} (line {line}, column {column}): {message}")]
    Json {
        /// The JSON path of the value at fault, such as `$.events[3].when`.
        path: String,
        /// Its line, from 1.
        line: usize,
        /// Its column, from 1, in bytes (as the JSON reader counts).
        column: usize,
        /// What was wrong and what was expected.
        message: String,
        /// The same problem as the [`Diagnostic`] every line of input is reported with: the
        /// line, the column in characters, an excerpt of at most 80 characters of the line
        /// around the column as the text, and `<path>: <message>` as what was expected.
        diagnostic: Box<Diagnostic>,
    },

    /// The bytes of the dataset are not UTF-8; the core error gives the line, column and byte
    /// offset.
    #[error("invalid dataset: {0}")]
    NotUtf8(#[source] plenary_core::Error),

    /// The dataset is in a version of the format this crate does not read.
    #[error(
        "unsupported schema_version {found}: this version of plenary reads schema_version {SCHEMA_VERSION}"
    )]
    SchemaVersion {
        /// The version the dataset declares.
        found: u32,
    },

    /// The dataset was read but does not hold together; every problem is listed.
    #[error("the dataset has {count} problem(s):\n{0}", count = .0.0.len())]
    Invalid(Problems),
}

impl Error {
    /// The error `err` of the JSON reader on `json`, at the JSON path `path`.
    pub(crate) fn from_json_error(json: &str, path: &str, err: &serde_json::Error) -> Self {
        let (line, column) = (err.line(), err.column());
        let message = err.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
        let diagnostic = Box::new(json_diagnostic(
            json,
            line,
            column,
            &format!("{path}: {message}"),
        ));
        Self::Json {
            path: path.to_owned(),
            line,
            column,
            message,
            diagnostic,
        }
    }
}

/// How many characters of a line a JSON diagnostic quotes: a dataset may be one line of
/// megabytes.
const EXCERPT_CHARS: usize = 80;

/// The diagnostic of a JSON error at `line` and byte `column` (both from 1; a column of 0 is the
/// start of the line): the column in characters and an excerpt of the line around it.
fn json_diagnostic(json: &str, line: usize, column: usize, expected: &str) -> Diagnostic {
    let text = json.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let text = text.strip_suffix('\r').unwrap_or(text);
    // The byte column may fall inside a character, or past the end: count the characters that
    // start before it.
    let before = text
        .char_indices()
        .take_while(|(at, _)| *at < column.saturating_sub(1))
        .count();
    let first = before.saturating_sub(EXCERPT_CHARS / 2);
    let excerpt: String = text.chars().skip(first).take(EXCERPT_CHARS).collect();
    Diagnostic::new(line, excerpt, expected).at_column(before + 1)
}
