//! The errors of the facade.

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
        /// Its column, from 1.
        column: usize,
        /// What was wrong and what was expected.
        message: String,
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
    pub(crate) fn from_json_error(path: &str, err: &serde_json::Error) -> Self {
        let (line, column) = (err.line(), err.column());
        let message = err.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
        Self::Json {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    }
}
