//! Results cross into Python as the JSON shapes plenary writes in Rust: written by serde_json
//! (without the GIL), then read by Python's `json` module into dicts, lists, strings and numbers.

use pyo3::prelude::*;
use serde::Serialize;

use crate::error::Failure;

/// `value` as compact JSON.
pub(crate) fn write<T: Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string(value).map_err(|e| Failure::Internal(format!("cannot write JSON: {e}")))
}

/// The Python value of `json`, which [`write`] produced.
pub(crate) fn read<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}
