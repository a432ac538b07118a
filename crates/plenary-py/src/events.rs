//! `plenary.events`: date phrases as EDTF and a dataset's events as iCalendar.

use plenary::core::chrono::{DateTime, Utc};
use plenary::events::{
    Calendar, DateContext, DateMention, IcsFeed, Language, find_dates as find, parse_date_phrase,
    to_ics_feed,
};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use crate::error::{Failure, detached};
use crate::json;

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

/// Finds every date mention in running text, in order, as dicts: ``start`` and ``end`` (indices
/// into ``text``, so ``text[start:end]`` is the mention), ``text``, and what it means: ``kind``
/// ``"span"`` with ``edtf``; ``"deadline"`` with ``due`` (EDTF) and ``time`` when given;
/// ``"times"`` with ``edtf`` (the days), ``start_time``, ``end_time`` and ``time_zone``; or
/// ``"unknown"`` (``TBA``).
///
/// ``year`` (and ``month``) give the date of phrases without one; ``language`` (``"en"``,
/// ``"fr"``, ``"es"``, ``"ru"``, ``"ar"``, ``"zh"``) the text's language when known;
/// ``month_first=True`` reads ``7/6/2013`` as July 6. Raises ``ParseError`` for an unknown
/// language or a month outside 1-12. The GIL is released while the text is read.
#[pyfunction]
#[pyo3(signature = (text, year = None, *, month = None, language = None, month_first = false))]
fn find_dates<'py>(
    py: Python<'py>,
    text: PyBackedStr,
    year: Option<i32>,
    month: Option<u32>,
    language: Option<&str>,
    month_first: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let mut context = year.map_or_else(DateContext::new, DateContext::in_year);
    if let Some(month) = month {
        if !(1..=12).contains(&month) {
            return Err(Failure::input(format!(
                "invalid month {month}; expected a month from 1 to 12"
            ))
            .into());
        }
        context = context.month(month);
    }
    if let Some(language) = language {
        let language: Language = language.parse().map_err(|_| {
            Failure::input(format!(
                "unknown language {language:?}; expected one of \"en\", \"fr\", \"es\", \"ru\", \"ar\", \"zh\""
            ))
        })?;
        context = context.language(language);
    }
    if month_first {
        context = context.month_first();
    }
    let out = detached(py, || {
        let mut found = Vec::new();
        // Byte offsets become character offsets, which is how Python indexes a str.
        let mut chars = 0;
        let mut byte = 0;
        let mut to_chars = |at: usize| {
            chars += text[byte..at].chars().count();
            byte = at;
            chars
        };
        for date in find(&text, &context) {
            let (start, end) = date.span;
            let mut item = serde_json::Map::new();
            item.insert("start".into(), to_chars(start).into());
            item.insert("end".into(), to_chars(end).into());
            item.insert("text".into(), text[start..end].into());
            match date.mention {
                DateMention::Span(span) => {
                    item.insert("kind".into(), "span".into());
                    item.insert("edtf".into(), span.to_string().into());
                }
                DateMention::Deadline { due, time } => {
                    item.insert("kind".into(), "deadline".into());
                    item.insert("due".into(), due.to_string().into());
                    if let Some(time) = time {
                        item.insert("time".into(), time.format("%H:%M").to_string().into());
                    }
                }
                DateMention::Times {
                    days,
                    start,
                    end,
                    time_zone,
                } => {
                    item.insert("kind".into(), "times".into());
                    item.insert("edtf".into(), days.to_string().into());
                    item.insert(
                        "start_time".into(),
                        start.format("%H:%M").to_string().into(),
                    );
                    if let Some(end) = end {
                        item.insert("end_time".into(), end.format("%H:%M").to_string().into());
                    }
                    if let Some(zone) = time_zone {
                        item.insert("time_zone".into(), zone.to_string().into());
                    }
                }
                _ => {
                    item.insert("kind".into(), "unknown".into());
                }
            }
            found.push(serde_json::Value::Object(item));
        }
        json::write(&found)
    })?;
    json::read(py, &out)
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
        let stamp = stamp.unwrap_or_else(|| calendar.data_stamp());
        // The feed the `events ics` example writes: named, organisers credited by name.
        let mut feed = IcsFeed::new("Events");
        feed.organisers = dataset
            .actors
            .iter()
            .map(|a| (a.id.clone(), a.name.as_str().to_owned()))
            .collect();
        Ok(to_ics_feed(calendar.timeline(), stamp, &feed).text)
    })
}

/// The submodule `events`.
pub(crate) fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let module = PyModule::new(py, "events")?;
    module.add_function(wrap_pyfunction!(parse_date, &module)?)?;
    module.add_function(wrap_pyfunction!(find_dates, &module)?)?;
    module.add_function(wrap_pyfunction!(to_ics, &module)?)?;
    Ok(module)
}
