//! `plenary.treaty`: ITU treaty texts in plain text, parsed, exported to Akoma Ntoso and diffed.

use plenary::treaty::{self, Document};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use crate::error::{Failure, detached};
use crate::json;

/// Parses `text`; `strict` refuses a text with a line the parser cannot place.
fn document(text: &str, strict: bool) -> Result<Document, Failure> {
    if strict {
        Ok(treaty::parse_strict(text)?)
    } else {
        Ok(treaty::parse(text))
    }
}

/// Parses a treaty text in ITU plain-text layout (a resolution, a proposal, a revision) into a
/// dict: ``kind``, ``number``, ``title``, ``issuer``, ``preamble`` and ``operative`` sections
/// (``keyword``, ``clauses`` with ``num``, ``text`` and nested ``clauses``), ``articles``,
/// ``references`` and, for lines it could not place, ``unplaced`` (``line``, ``text``).
///
/// With ``strict=True`` a line that cannot be placed raises ``ParseError`` with its ``line``
/// instead. The GIL is released while the text is parsed.
#[pyfunction]
#[pyo3(signature = (text, *, strict = false))]
fn parse<'py>(py: Python<'py>, text: PyBackedStr, strict: bool) -> PyResult<Bound<'py, PyAny>> {
    let out = detached(py, || json::write(&document(&text, strict)?))?;
    json::read(py, &out)
}

/// Parses a treaty text like ``parse`` and returns it as Akoma Ntoso 3.0 XML (a string).
///
/// Raises ``ParseError`` where ``parse`` does (with ``strict=True``) or where the document
/// cannot be written as XML. The GIL is released while the text is parsed and written.
#[pyfunction]
#[pyo3(signature = (text, *, strict = false))]
fn to_akn(py: Python<'_>, text: PyBackedStr, strict: bool) -> PyResult<String> {
    detached(py, || Ok(treaty::to_akn(&document(&text, strict)?)?))
}

/// Compares two treaty texts clause by clause: ``{"changes": [{"part", "section", "num",
/// "change", "old", "new"}]}``, where ``change`` is ``added``, ``removed``, ``modified`` or
/// ``moved``. The GIL is released while the texts are parsed and compared.
#[pyfunction]
fn diff<'py>(py: Python<'py>, old: PyBackedStr, new: PyBackedStr) -> PyResult<Bound<'py, PyAny>> {
    let out = detached(py, || {
        json::write(&treaty::diff(&treaty::parse(&old), &treaty::parse(&new)))
    })?;
    json::read(py, &out)
}

/// Applies an ITU proposal (ADD, MOD, (MOD), SUP and NOC marks) to a base instrument and returns
/// the amended document as a dict, with ``modifications`` recording which proposal changed which
/// provision. Provisions are matched by margin number, else by article and provision number.
///
/// Raises ``ParseError`` naming the mark, its reference and the provision when a mark does not
/// fit (MOD of a provision the base lacks, ADD of one it has, NOC whose text differs); nothing
/// is half-applied. The GIL is released while the texts are parsed and applied.
#[pyfunction]
fn apply<'py>(
    py: Python<'py>,
    base: PyBackedStr,
    proposal: PyBackedStr,
) -> PyResult<Bound<'py, PyAny>> {
    let out = detached(py, || {
        json::write(&treaty::apply(
            &treaty::parse(&base),
            &treaty::parse(&proposal),
        )?)
    })?;
    json::read(py, &out)
}

/// The submodule `treaty`.
pub(crate) fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let module = PyModule::new(py, "treaty")?;
    module.add_function(wrap_pyfunction!(parse, &module)?)?;
    module.add_function(wrap_pyfunction!(to_akn, &module)?)?;
    module.add_function(wrap_pyfunction!(diff, &module)?)?;
    module.add_function(wrap_pyfunction!(apply, &module)?)?;
    Ok(module)
}
