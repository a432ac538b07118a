//! The native half of the Python package `plenary`: plenary's parsers and dataset model for
//! Python, built with PyO3 as one abi3 extension module, `plenary._plenary`.
//!
//! The package's Python files (`python/plenary/`) re-export it as `plenary.treaty`,
//! `plenary.events`, `plenary.petitions`, `plenary.Dataset`, `plenary.wcit12` and
//! `plenary.ParseError`, with type stubs. Results are the JSON shapes plenary writes in Rust, as
//! dicts; errors are `plenary.ParseError` (a `ValueError`) with the message, line and column of
//! the Rust error; long calls release the GIL, and a panic becomes an exception rather than a
//! crash. Build it with `maturin build` (or `pip install crates/plenary-py`); the tests are
//! pytest's, in `tests/`.
//!
//! | file | Python |
//! |---|---|
//! | `treaty.rs` | `plenary.treaty.parse`, `to_akn`, `diff` |
//! | `events.rs` | `plenary.events.parse_date`, `to_ics` |
//! | `petitions.rs` | `plenary.petitions.tally` |
//! | `dataset.rs` | `plenary.Dataset`, `plenary.wcit12` |
//! | `error.rs` | `plenary.ParseError`; the GIL released and panics caught |
//! | `json.rs` | results as dicts, through JSON |

mod dataset;
mod error;
mod events;
mod json;
mod petitions;
mod treaty;

use pyo3::prelude::*;

/// The extension module `plenary._plenary`.
#[pymodule]
fn _plenary(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    error::register(module)?;
    dataset::register(module)?;
    module.add_submodule(&treaty::module(py)?)?;
    module.add_submodule(&events::module(py)?)?;
    module.add_submodule(&petitions::module(py)?)?;
    Ok(())
}
