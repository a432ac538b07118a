//! How plenary's errors become Python exceptions, and the guard that runs Rust work with the GIL
//! released and turns a panic into an exception instead of a crash.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

pyo3::create_exception!(
    plenary,
    ParseError,
    PyValueError,
    "Input that plenary cannot read: a treaty text, a date phrase, a dataset or a timestamp.\n\n\
     The message is the one plenary gives in Rust: it quotes the value, says where it is and \
     what was expected. ``line`` and ``column`` (from 1) and ``path`` (a JSON path such as \
     ``$.events[3].when``) say where, or are None where plenary does not know; ``problems`` \
     holds every problem of a dataset that does not hold together, as dicts with ``path`` and \
     ``message``, and is empty for other errors."
);

/// A failure on the Rust side, kept free of Python objects so that it can leave a closure that
/// runs without the GIL.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Input plenary cannot read: becomes [`ParseError`].
    Input {
        /// The message, as plenary gives it.
        message: String,
        /// The line of the input at fault, from 1.
        line: Option<usize>,
        /// The column of the input at fault, from 1.
        column: Option<usize>,
        /// The JSON path of the value at fault.
        path: Option<String>,
        /// Every problem of a dataset that does not hold together, as (JSON path, message).
        problems: Vec<(String, String)>,
    },
    /// A file could not be read: becomes `OSError` (or the subclass that fits, such as
    /// `FileNotFoundError`) naming the file.
    File {
        /// The file.
        path: std::path::PathBuf,
        /// Why it could not be read.
        error: std::io::Error,
    },
    /// plenary itself failed (a panic): becomes `RuntimeError`, never a crash.
    Internal(String),
}

impl Failure {
    /// The contents of the file at `path`.
    pub(crate) fn read(path: &std::path::Path) -> Result<Vec<u8>, Self> {
        std::fs::read(path).map_err(|error| Self::File {
            path: path.to_owned(),
            error,
        })
    }

    /// An input error with no position.
    pub(crate) fn input(message: impl Into<String>) -> Self {
        Self::Input {
            message: message.into(),
            line: None,
            column: None,
            path: None,
            problems: Vec::new(),
        }
    }
}

impl From<plenary::Error> for Failure {
    fn from(err: plenary::Error) -> Self {
        let message = err.to_string();
        match err {
            plenary::Error::Json {
                path, line, column, ..
            } => Self::Input {
                message,
                line: Some(line),
                column: Some(column),
                path: Some(path),
                problems: Vec::new(),
            },
            plenary::Error::Invalid(problems) => problems.into(),
            _ => Self::input(message),
        }
    }
}

impl From<plenary::Problems> for Failure {
    fn from(problems: plenary::Problems) -> Self {
        Self::Input {
            message: plenary::Error::Invalid(problems.clone()).to_string(),
            line: None,
            column: None,
            path: None,
            problems: problems
                .0
                .iter()
                .map(|p| (p.path().to_owned(), p.to_string()))
                .collect(),
        }
    }
}

impl From<plenary::treaty::Error> for Failure {
    fn from(err: plenary::treaty::Error) -> Self {
        let message = err.to_string();
        match err {
            plenary::treaty::Error::UnplacedLine { line, .. } => Self::Input {
                message,
                line: Some(line),
                column: None,
                path: None,
                problems: Vec::new(),
            },
            _ => Self::input(message),
        }
    }
}

impl From<plenary::events::Error> for Failure {
    fn from(err: plenary::events::Error) -> Self {
        Self::input(err.to_string())
    }
}

impl From<Failure> for PyErr {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Input {
                message,
                line,
                column,
                path,
                problems,
            } => Python::attach(|py| {
                let err = ParseError::new_err(message);
                let value = err.value(py);
                let problems = problems
                    .into_iter()
                    .map(|(path, message)| {
                        let problem = PyDict::new(py);
                        problem.set_item("path", path)?;
                        problem.set_item("message", message)?;
                        Ok(problem)
                    })
                    .collect::<PyResult<Vec<_>>>()
                    .and_then(|problems| PyTuple::new(py, problems));
                let set = value
                    .setattr("line", line)
                    .and_then(|()| value.setattr("column", column))
                    .and_then(|()| value.setattr("path", path))
                    .and_then(|()| value.setattr("problems", problems?));
                match set {
                    Ok(()) => err,
                    Err(other) => other,
                }
            }),
            Failure::File { path, error } => {
                let path = path.to_string_lossy().into_owned();
                let reason = error.to_string();
                // Python adds the errno itself; Rust's "(os error N)" would say it twice.
                let reason = match reason.rfind(" (os error ") {
                    Some(at) => reason[..at].to_owned(),
                    None => reason,
                };
                match error.raw_os_error() {
                    // OSError picks the subclass for the errno, as `open` does.
                    Some(errno) => PyOSError::new_err((errno, reason, path)),
                    None => PyOSError::new_err(format!("cannot read {path}: {reason}")),
                }
            }
            Failure::Internal(message) => PyRuntimeError::new_err(format!(
                "plenary failed on this input: {message}; this is a bug in plenary, please \
                 report it with the input"
            )),
        }
    }
}

/// Gives [`ParseError`] its attributes' defaults, so that one raised from Python code has them
/// too.
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    let class = py.get_type::<ParseError>();
    class.setattr("line", py.None())?;
    class.setattr("column", py.None())?;
    class.setattr("path", py.None())?;
    class.setattr("problems", PyTuple::empty(py))?;
    module.add("ParseError", class)
}

/// Runs `work` with the GIL released, so that other Python threads run meanwhile, and turns a
/// failure into the Python exception for it: a panic becomes `RuntimeError` rather than ending
/// the interpreter.
pub(crate) fn detached<T: Send>(
    py: Python<'_>,
    work: impl FnOnce() -> Result<T, Failure> + Send,
) -> PyResult<T> {
    py.detach(|| {
        catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_owned());
            Err(Failure::Internal(message))
        })
    })
    .map_err(PyErr::from)
}
