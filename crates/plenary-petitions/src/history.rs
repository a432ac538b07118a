//! The count history as open data: unique signers per hour (or day) and the running total, as
//! JSON and CSV, the same numbers as the tally.

use std::io::{self, Write};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use crate::{Period, Tally};

/// A petition's count over time: for each period with signatures, how many signers signed
/// first in it and how many had signed by its end.
///
/// In JSON `{"period": "hour", "counted": 3, "points": [{"start": "2012-12-13T15:00:00Z",
/// "signatures": 2, "cumulative": 2}, …]}`; in CSV the header `start,signatures,cumulative` and
/// one row a point. Periods without signatures are left out; the last `cumulative` is the
/// tally's `counted`.
///
/// ```
/// use plenary_petitions::{Period, Tally};
///
/// let mut tally = Tally::new();
/// tally.add_ndjson(br#"{"name": "Ana", "email": "ana@example.org", "signed_at": "2012-12-13T15:10:00Z"}
/// {"name": "Bo", "email": "bo@example.org", "signed_at": "2012-12-13T15:50:00Z"}
/// {"name": "Cy", "email": "cy@example.org", "signed_at": "2012-12-13T18:00:00Z"}
/// "#);
/// let history = tally.history(Period::Hour);
/// let mut csv = Vec::new();
/// history.write_csv(&mut csv)?;
/// assert_eq!(String::from_utf8(csv).unwrap(), "start,signatures,cumulative\n\
///     2012-12-13T15:00:00Z,2,2\n\
///     2012-12-13T18:00:00Z,1,3\n");
/// assert_eq!(history.counted, tally.counted());
/// # Ok::<(), std::io::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// The width of each period.
    pub period: Period,
    /// Unique signers in all: the tally's `counted`.
    pub counted: u64,
    /// The periods with signatures, in time order.
    pub points: Vec<HistoryPoint>,
}

/// One period of a [`History`].
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryPoint {
    /// When the period starts (RFC 3339, UTC).
    pub start: DateTime<Utc>,
    /// Unique signers whose counted signature falls in the period.
    pub signatures: u64,
    /// Unique signers up to the end of the period.
    pub cumulative: u64,
}

impl History {
    /// Writes the history as CSV: `start,signatures,cumulative`, one row a period.
    ///
    /// # Errors
    ///
    /// Whatever writing to `out` returns.
    pub fn write_csv(&self, mut out: impl Write) -> io::Result<()> {
        out.write_all(b"start,signatures,cumulative\n")?;
        for point in &self.points {
            writeln!(
                out,
                "{},{},{}",
                point.start.to_rfc3339_opts(SecondsFormat::Secs, true),
                point.signatures,
                point.cumulative
            )?;
        }
        Ok(())
    }
}

impl Tally {
    /// The count history per `period`: signers per period and the running total.
    pub fn history(&self, period: Period) -> History {
        let mut cumulative = 0;
        let points = self
            .time_series(period)
            .into_iter()
            .map(|point| {
                cumulative += point.signers;
                HistoryPoint {
                    start: point.start,
                    signatures: point.signers,
                    cumulative,
                }
            })
            .collect();
        History {
            period,
            counted: self.counted(),
            points,
        }
    }
}
