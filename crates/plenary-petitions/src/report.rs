//! What a tally reports: counts by country, the time series, milestones, and the tally JSON.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::histogram::Histogram;
use crate::signer_table::slots;
use crate::{LineError, PublicCount, Tally, country_index};

pub(crate) const NANOS_PER_HOUR: i64 = 3_600_000_000_000;

impl Tally {
    /// Unique signers by country code, with `"unknown"` for signers who gave none.
    pub fn by_country(&self) -> BTreeMap<String, u64> {
        let mut counts = [0_u64; 256];
        let runs = self.signers().passes(self.threads(), |parts| {
            let mut counts = [0_u64; 256];
            for slot in slots(parts) {
                counts[usize::from(slot.country())] += 1;
            }
            counts
        });
        for run in runs {
            for (total, count) in counts.iter_mut().zip(run) {
                *total += count;
            }
        }
        (0..=255_u8)
            .filter(|&i| counts[usize::from(i)] > 0)
            .map(|i| {
                let code = country_index::country(i).map_or("unknown", |c| c.code());
                (code.to_owned(), counts[usize::from(i)])
            })
            .collect()
    }

    /// Unique signers per hour or per day (UTC) of their winning signature, in time order;
    /// periods without signatures are left out.
    ///
    /// # Panics
    ///
    /// Never: a tally holds times of 1677 to 2262 only (nanoseconds in an `i64`), and the start
    /// of any hour or day of that range is a valid `chrono` time.
    pub fn time_series(&self, period: Period) -> Vec<SeriesPoint> {
        let width = match period {
            Period::Hour => NANOS_PER_HOUR,
            Period::Day => 24 * NANOS_PER_HOUR,
        };
        Histogram::of(self.signers(), width, self.threads())
            .counts()
            .map(|(bucket, signers)| SeriesPoint {
                // In seconds: the first period of the nanosecond range starts before it.
                start: DateTime::from_timestamp(bucket * (width / 1_000_000_000), 0)
                    .expect("a period of the tally's 1677-2262 range is a chrono time"),
                signers,
            })
            .collect()
    }

    /// The milestones reached, each with the time of the signature that reached it: the n-th
    /// unique signer in `signed_at` order (ties by line) reaches threshold n.
    pub fn milestones(&self) -> Vec<MilestoneReached> {
        let counted = self.counted();
        let reached: Vec<u64> = self
            .thresholds()
            .iter()
            .copied()
            .filter(|&t| t <= counted)
            .collect();
        if reached.is_empty() {
            return Vec::new();
        }
        // Find each threshold's hour from the hourly counts, then order only those hours'
        // signatures: memory stays proportional to a few hours, not to every signer.
        let hours = Histogram::of(self.signers(), NANOS_PER_HOUR, self.threads());
        // (hour, signers before it, thresholds reached in it)
        let mut wanted: Vec<(i64, u64, Vec<u64>)> = Vec::new();
        let mut before = 0;
        let mut pending = reached.iter().copied().peekable();
        for (hour, count) in hours.counts() {
            while let Some(threshold) = pending.next_if(|&t| t <= before + count) {
                match wanted.last_mut() {
                    Some((last, _, thresholds)) if *last == hour => thresholds.push(threshold),
                    _ => wanted.push((hour, before, vec![threshold])),
                }
            }
            before += count;
        }
        let lookup = hours.index(wanted.iter().map(|(hour, _, _)| *hour));
        let runs = self.signers().passes(self.threads(), |parts| {
            let mut in_hours: Vec<Vec<(i64, u64)>> = vec![Vec::new(); wanted.len()];
            for slot in slots(parts) {
                if let Some(i) = lookup.get(slot.time.div_euclid(NANOS_PER_HOUR)) {
                    in_hours[i].push((slot.time, slot.order >> 8));
                }
            }
            in_hours
        });
        let mut in_hours: Vec<Vec<(i64, u64)>> = vec![Vec::new(); wanted.len()];
        for run in runs {
            for (all, some) in in_hours.iter_mut().zip(run) {
                all.extend(some);
            }
        }
        let mut result = Vec::with_capacity(reached.len());
        for ((_, before, thresholds), mut times) in wanted.into_iter().zip(in_hours) {
            times.sort_unstable();
            for threshold in thresholds {
                let index = usize::try_from(threshold - before - 1).unwrap_or(usize::MAX);
                if let Some(&(time, _)) = times.get(index) {
                    result.push(MilestoneReached {
                        threshold,
                        reached_at: DateTime::from_timestamp_nanos(time),
                    });
                }
            }
        }
        result
    }

    /// The tally in the JSON shape of the crate docs, every quoted value masked so that no
    /// email address appears (see [`Rejection`](crate::Rejection)).
    pub fn report(&self) -> TallyReport {
        self.report_with(|e| e.reason.to_string())
    }

    /// The tally with the rejected lines' values as given, email addresses included: for an
    /// operator who asks for them, never for publication.
    pub fn report_unmasked(&self) -> TallyReport {
        self.report_with(|e| e.reason.unmasked().to_string())
    }

    /// The rejected lines [`Tally::errors`] lists, as [`Diagnostic`](plenary_core::Diagnostic)s
    /// (see [`LineError::diagnostic`]), masked like [`Tally::report`].
    pub fn diagnostics(&self) -> impl Iterator<Item = plenary_core::Diagnostic> + '_ {
        self.errors().iter().map(LineError::diagnostic)
    }

    fn report_with(&self, reason: impl Fn(&LineError) -> String) -> TallyReport {
        TallyReport {
            lines: self.lines(),
            counted: self.counted(),
            duplicates: self.duplicates(),
            rejected: self.rejected(),
            states: self.states(),
            by_country: self.by_country(),
            milestones: self.milestones(),
            errors: self
                .errors()
                .iter()
                .map(|e| ReportedError {
                    line: e.line,
                    reason: reason(e),
                })
                .collect(),
            unlisted_errors: self.unlisted_errors(),
        }
    }

    /// The count as petition sites publish it: no names, no emails, no rejected lines.
    pub fn public_count(&self) -> PublicCount {
        PublicCount {
            signature_count: self.counted(),
            signatures_by_country: self.by_country(),
        }
    }
}

/// The width of a period of a [`Tally::time_series`].
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Period {
    /// One hour, UTC.
    Hour,
    /// One day, UTC.
    Day,
}

/// The unique signers whose winning signature falls in one period.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesPoint {
    /// When the period starts.
    pub start: DateTime<Utc>,
    /// How many signers signed first in it.
    pub signers: u64,
}

/// A milestone reached: the threshold and the time of the signature that reached it.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneReached {
    /// The number of unique signers.
    pub threshold: u64,
    /// When the signature that made the number was made (RFC 3339, UTC, with `Z`).
    pub reached_at: DateTime<Utc>,
}

/// A rejected line in a [`TallyReport`].
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedError {
    /// The 1-based line number.
    pub line: u64,
    /// Why the line was rejected.
    pub reason: String,
}

/// The JSON of a tally:
/// `{"lines", "counted", "duplicates", "rejected", "states", "by_country", "milestones":
/// [{"threshold", "reached_at"}], "errors": [{"line", "reason"}], "unlisted_errors"}`.
///
/// `lines` counts non-blank lines and equals `counted + duplicates + rejected` plus the sum of
/// `states` (valid signatures in a state that does not count, such as `{"pending": 3}`).
/// `errors` lists the first rejected lines (1000 unless the tally was told otherwise) and
/// `unlisted_errors` counts the rest by kind (`{"not_json": 9999000}`); both empty ones are left
/// out. The reasons mask every email address; publish [`PublicCount`] all the same.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TallyReport {
    /// Non-blank input lines.
    pub lines: u64,
    /// Unique signers.
    pub counted: u64,
    /// Valid signatures of a signer already counted.
    pub duplicates: u64,
    /// Rejected lines, listed or not.
    pub rejected: u64,
    /// Valid signatures in a state that does not count, by state; absent when there are none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub states: BTreeMap<String, u64>,
    /// Unique signers by country code; `"unknown"` for those who gave none.
    pub by_country: BTreeMap<String, u64>,
    /// The thresholds reached, smallest first.
    pub milestones: Vec<MilestoneReached>,
    /// The first rejected lines, in line order.
    pub errors: Vec<ReportedError>,
    /// The rejected lines not listed in `errors`, by kind; absent when there are none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unlisted_errors: BTreeMap<String, u64>,
}
