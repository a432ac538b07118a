//! `plenary.petitions`: a petition's signatures (NDJSON) counted into a tally.

use std::path::PathBuf;

use plenary::petitions::{Tally, tally_parallel};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};

use crate::error::{Failure, detached};
use crate::json;

/// Where the signatures come from.
enum Input {
    /// A file to read (without the GIL).
    Path(PathBuf),
    /// The file's bytes, already in memory.
    Bytes(PyBackedBytes),
}

impl Input {
    fn extract(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        if value.is_instance_of::<PyBytes>() || value.is_instance_of::<PyByteArray>() {
            return Ok(Self::Bytes(value.extract()?));
        }
        if value.is_instance_of::<PyMemoryView>() {
            let copy = value.py().get_type::<PyBytes>().call1((value,))?;
            return Ok(Self::Bytes(copy.extract()?));
        }
        let is_path = value.is_instance_of::<PyString>()
            || value.hasattr(pyo3::intern!(value.py(), "__fspath__"))?;
        if is_path {
            return Ok(Self::Path(value.extract()?));
        }
        Err(PyTypeError::new_err(format!(
            "tally reads a path (str or os.PathLike) or the file's bytes (bytes, bytearray or \
             memoryview); got {}",
            value.get_type().name()?
        )))
    }
}

/// The thresholds as given, each a whole number above zero, sorted and without repeats.
fn thresholds(milestones: &Bound<'_, PyAny>) -> PyResult<Vec<u64>> {
    if milestones.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "milestones are a sequence of whole numbers such as (1000, 10000), not a string",
        ));
    }
    let mut thresholds = Vec::new();
    for item in milestones.try_iter()? {
        let item = item?;
        match item.extract::<u64>() {
            Ok(n) if n > 0 => thresholds.push(n),
            _ => {
                return Err(PyValueError::new_err(format!(
                    "invalid milestone {}: expected a whole number above zero, such as 1000",
                    item.repr()?
                )));
            }
        }
    }
    thresholds.sort_unstable();
    thresholds.dedup();
    Ok(thresholds)
}

/// Counts a petition's signatures, one JSON object a line (NDJSON: ``name``, ``email``,
/// ``country``, ``signed_at``), into ``{"lines", "counted", "duplicates", "rejected",
/// "by_country", "milestones", "errors"}``: ``lines`` counts the non-blank lines and equals
/// ``counted + duplicates + rejected``; a signer who signs twice (the same email, however it is
/// written) counts once; ``by_country`` counts signers without a country under ``"unknown"``;
/// ``milestones`` lists each threshold reached with ``reached_at`` (RFC 3339, UTC); every
/// rejected line is in ``errors`` with its ``line`` and ``reason``.
///
/// ``path_or_bytes`` is a path (``str`` or ``os.PathLike``), read through a read-only memory
/// map (the file must not be shortened meanwhile), or the file's bytes. The count runs
/// on ``threads`` threads (every available core by default) with the GIL released, so several
/// tallies can run at once on Python threads. Raises ``OSError`` for a file that cannot be read
/// and ``ValueError`` for a milestone that is not a whole number above zero.
#[pyfunction]
#[pyo3(signature = (path_or_bytes, milestones = None, *, threads = None))]
fn tally<'py>(
    py: Python<'py>,
    path_or_bytes: &Bound<'py, PyAny>,
    milestones: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let input = Input::extract(path_or_bytes)?;
    let thresholds = milestones.map(thresholds).transpose()?.unwrap_or_default();
    let threads = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let out = detached(py, || {
        let tally = match &input {
            // Read through a memory map where the file allows, never copied whole.
            Input::Path(path) => {
                let failed = |error| Failure::File {
                    path: path.clone(),
                    error,
                };
                let file = std::fs::File::open(path).map_err(failed)?;
                let mut tally = Tally::with_milestones(thresholds.iter().copied());
                tally.read_file_on(file, threads).map_err(|e| match e {
                    plenary::petitions::Error::Io(error) => failed(error),
                    other => failed(std::io::Error::other(other)),
                })?;
                tally
            }
            Input::Bytes(bytes) => tally_parallel(bytes, &thresholds, threads),
        };
        json::write(&tally.report())
    })?;
    json::read(py, &out)
}

/// The submodule `petitions`.
pub(crate) fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let module = PyModule::new(py, "petitions")?;
    module.add_function(wrap_pyfunction!(tally, &module)?)?;
    Ok(module)
}
