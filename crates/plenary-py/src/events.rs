//! `plenary.events`: date phrases as EDTF and a dataset's events as iCalendar.

use plenary::core::chrono::{DateTime, Days, Utc};
use plenary::events::{Calendar, parse_date_phrase};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use crate::error::{Failure, detached};

/// Reads a date phrase as conference pages write them (``"3-14 December 2012"``, ``"September
/// 14-?"``, ``"early 2012"``) and returns it as an EDTF string: ``"2012-12-03/2012-12-14"``,
/// ``"2012-09-14/"`` (end not known). ``year`` supplies the year of a phrase without one.
///
/// Raises ``ParseError`` for a phrase that cannot be read or names days that do not exist.
#[pyfunction]
#[pyo3(signature = (phrase, year = None))]
fn parse_date(py: Python<'_>, phrase: &str, year: Option<i32>) -> PyResult<String> {
    detached(py, || Ok(parse_date_phrase(phrase, year)?.to_string()))
}

/// The events of a dataset (its JSON text, as ``Dataset.to_json`` writes it) as an iCalendar
/// file: CRLF line ends, lines folded at 75 octets; events without a known date are left out.
///
/// Every component is stamped with ``dtstamp`` (RFC 3339, such as ``"2012-11-01T00:00:00Z"``);
/// without it, with midnight UTC after the last day any event is known to include, so the same
/// data always gives the same file. The dataset is read but not validated. Raises
/// ``ParseError`` for JSON that is not a dataset (with its line, column and JSON path), for two
/// events with one id, or for a ``dtstamp`` that is not RFC 3339. The GIL is released while the
/// dataset is read and the calendar written.
#[pyfunction]
#[pyo3(signature = (dataset_json, *, dtstamp = None))]
fn to_ics(py: Python<'_>, dataset_json: PyBackedStr, dtstamp: Option<&str>) -> PyResult<String> {
    let stamp = dtstamp
        .map(|text| {
            text.parse::<DateTime<Utc>>().map_err(|e| {
                Failure::input(format!(
                    "invalid dtstamp {text:?}: {e}; expected an RFC 3339 timestamp such as \
                     \"2012-11-01T00:00:00Z\""
                ))
            })
        })
        .transpose()?;
    detached(py, || {
        let dataset = plenary::Dataset::from_json(&dataset_json)?;
        let calendar = Calendar::new(dataset.events)?;
        let stamp = stamp.unwrap_or_else(|| default_stamp(&calendar));
        Ok(plenary::events::to_ics(calendar.timeline(), stamp).text)
    })
}

/// Midnight UTC after the last day any event or deadline is known to include.
fn default_stamp(calendar: &Calendar) -> DateTime<Utc> {
    let events = calendar.timeline();
    let last = events
        .iter()
        .filter_map(|e| e.when.and_then(|w| w.latest_known()))
        .chain(
            events
                .iter()
                .flat_map(|e| e.deadlines.iter().map(|d| d.due.latest())),
        )
        .max()
        .unwrap_or_default();
    let day = last.checked_add_days(Days::new(1)).unwrap_or(last);
    day.and_time(Default::default()).and_utc()
}

/// The submodule `events`.
pub(crate) fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let module = PyModule::new(py, "events")?;
    module.add_function(wrap_pyfunction!(parse_date, &module)?)?;
    module.add_function(wrap_pyfunction!(to_ics, &module)?)?;
    Ok(module)
}
