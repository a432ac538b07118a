//! `plenary.Dataset` and `plenary.wcit12()`: one policy process's actors, events, resources,
//! documents and petitions.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use crate::error::{Failure, detached};

/// One policy process as plenary models it: its actors, events, resources, treaty documents and
/// petitions, with the sources of its facts.
///
/// ``Dataset.load(path)`` reads and validates a dataset file, ``Dataset.from_json(text)`` reads
/// JSON without validating, ``validate()`` checks ids and references as a whole, and
/// ``to_json()`` writes the JSON that both read. Datasets compare equal when their contents are.
#[pyclass(module = "plenary", name = "Dataset", frozen, eq)]
#[derive(PartialEq)]
pub(crate) struct Dataset {
    inner: plenary::Dataset,
}

/// `bytes` as UTF-8, or an error giving the line and column of the first byte that is not.
fn utf8(path: &std::path::Path, bytes: Vec<u8>) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|err| {
        let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        Failure::Input {
            message: format!(
                "{} is not UTF-8 at line {line}, column {column}; expected a dataset in UTF-8 \
                 JSON",
                path.display()
            ),
            line: Some(line),
            column: Some(column),
            path: None,
            problems: Vec::new(),
        }
    })
}

#[pymethods]
impl Dataset {
    /// Reads the dataset file at ``path`` (``str`` or ``os.PathLike``) and validates it.
    ///
    /// Raises ``OSError`` for a file that cannot be read and ``ParseError`` for JSON that is not
    /// a dataset (with its ``line``, ``column`` and JSON ``path``) or a dataset that does not
    /// hold together (every problem in ``problems``). The GIL is released meanwhile.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        detached(py, || {
            let json = utf8(&path, Failure::read(&path)?)?;
            Ok(Self {
                inner: plenary::Dataset::load(&json)?,
            })
        })
    }

    /// Reads a dataset from its JSON text without validating it (``validate`` does that).
    ///
    /// Raises ``ParseError`` for JSON that is not a dataset, with its ``line``, ``column`` and
    /// JSON ``path``. The GIL is released meanwhile.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: PyBackedStr) -> PyResult<Self> {
        detached(py, || {
            Ok(Self {
                inner: plenary::Dataset::from_json(&json)?,
            })
        })
    }

    /// Checks the dataset as a whole: ids used twice or missing, references that do not
    /// resolve, events outside the events they are part of. Returns None when all is well and
    /// raises ``ParseError`` otherwise, its message one problem a line and ``problems`` a list
    /// of dicts with ``path`` and ``message``.
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        detached(py, || Ok(self.inner.validate()?))
    }

    /// The dataset as pretty-printed JSON, which ``from_json`` and ``load`` read back.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        detached(py, || Ok(self.inner.to_json()))
    }

    fn __repr__(&self) -> String {
        let d = &self.inner;
        format!(
            "<plenary.Dataset: {} actors, {} events, {} resources, {} documents, {} petitions>",
            d.actors.len(),
            d.events.len(),
            d.resources.len(),
            d.documents.len(),
            d.petitions.len()
        )
    }
}

/// The embedded WCIT-12 story (the World Conference on International Telecommunications,
/// Dubai 2012) as a ``Dataset``: its conferences and meetings, the civil-society resource bank,
/// the draft resolutions and the petitions.
#[pyfunction]
fn wcit12(py: Python<'_>) -> PyResult<Dataset> {
    detached(py, || {
        Ok(Dataset {
            inner: plenary::datasets::wcit12(),
        })
    })
}

/// Adds `Dataset` and `wcit12` to the module.
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Dataset>()?;
    module.add_function(wrap_pyfunction!(wcit12, module)?)
}
