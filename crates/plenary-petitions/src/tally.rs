//! The streaming, mergeable count of the signatures on a petition.

use std::collections::BTreeMap;
use std::io::Read;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::country_index;
use crate::email::Canonicalizer;
use crate::ndjson::{Rejection, parse_line};
use crate::parallel::Plan;
use crate::signer_table::{Seen, SignerTable, fingerprint, slots};
use crate::{Error, PublicCount};

const NANOS_PER_HOUR: i64 = 3_600_000_000_000;

/// A rejected line: its number (1-based, counting every line of the input) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// The line number.
    pub line: u64,
    /// Why the line was not counted.
    pub reason: Rejection,
}

/// The running count of a petition's signatures: unique signers, duplicates, rejected lines with
/// their reasons, counts by country, a time series and milestones.
///
/// A tally is fed lines of signatures NDJSON one at a time ([`Tally::add_line`]), a buffer at a
/// time ([`Tally::add_ndjson`]) or from a reader ([`Tally::read_ndjson`]). Tallies over shards of
/// one input, made anywhere, merge ([`Tally::merge`]) into exactly the tally of the whole input;
/// [`tally_parallel`](crate::tally_parallel) counts one input in memory on every core.
///
/// One signature counts per canonical email ([`CanonicalEmail`](crate::CanonicalEmail)): the
/// earliest `signed_at` wins, ties going to the earlier line, and the winner's country is the one
/// counted. The tally keeps no email and no name: each signer is a fingerprint, a time and a
/// country in 24 bytes (see the crate docs for the collision trade-off).
///
/// ```
/// use plenary_petitions::Tally;
///
/// let mut tally = Tally::with_milestones([2, 3]);
/// tally.add_ndjson(br#"{"name": "Ana", "email": "ana@example.org", "country": "GB", "signed_at": "2012-12-13T15:00:00Z"}
/// {"name": "Ana", "email": "ANA+itu@example.org", "signed_at": "2012-12-13T16:00:00Z"}
/// {"name": "Bo", "email": "bo@example.org", "country": "KE", "signed_at": "2012-12-13T14:30:00+04:00"}
/// {"name": "", "email": "cy@example.org", "signed_at": "2012-12-13T17:00:00Z"}
/// "#);
/// let report = tally.report();
/// assert_eq!((report.lines, report.counted, report.duplicates, report.rejected), (4, 2, 1, 1));
/// assert_eq!(report.by_country["GB"], 1);
/// assert_eq!(report.milestones[0].reached_at.to_rfc3339(), "2012-12-13T15:00:00+00:00");
/// assert!(report.milestones.get(1).is_none(), "3 signers were never reached");
/// assert_eq!(report.errors[0].line, 4);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Tally {
    thresholds: Vec<u64>,
    lines: u64,
    valid: u64,
    errors: Vec<LineError>,
    signers: SignerTable,
    scratch: Canonicalizer,
    /// How many threads the report's passes over the signers may use.
    threads: usize,
}

/// What one line of signatures NDJSON holds.
pub(crate) enum LineRead {
    /// Nothing but white space.
    Blank,
    /// A valid signature.
    Signature {
        /// The fingerprint of the canonical email.
        key: u64,
        /// When it was signed, in nanoseconds since the Unix epoch.
        time: i64,
        /// The country index.
        country: u8,
    },
    /// A line that is not a valid signature.
    Rejected(Rejection),
}

/// Reads one line (without its `\n`; a trailing `\r` is ignored).
pub(crate) fn read_line(text: &[u8], scratch: &mut Canonicalizer) -> LineRead {
    let text = text.strip_suffix(b"\r").unwrap_or(text);
    if text.iter().all(u8::is_ascii_whitespace) {
        return LineRead::Blank;
    }
    match parse_line(text, scratch) {
        Ok(accepted) => LineRead::Signature {
            key: fingerprint(scratch.joined.as_bytes()),
            time: accepted.signed_at,
            country: accepted.country,
        },
        Err(reason) => LineRead::Rejected(reason),
    }
}

/// What a tally made of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LineOutcome {
    /// A blank line, not counted at all.
    Blank,
    /// A signature of a signer not seen before.
    New,
    /// A signature of a signer seen before; the earlier of the two counts.
    Duplicate,
    /// A line that was rejected; the reason is in [`Tally::errors`].
    Rejected,
}

impl Tally {
    /// An empty tally with no milestones.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty tally that reports when each of `thresholds` unique signers was reached.
    pub fn with_milestones(thresholds: impl IntoIterator<Item = u64>) -> Self {
        let mut thresholds: Vec<u64> = thresholds.into_iter().filter(|&t| t > 0).collect();
        thresholds.sort_unstable();
        thresholds.dedup();
        Self {
            thresholds,
            ..Self::default()
        }
    }

    /// The milestone thresholds, smallest first.
    pub fn thresholds(&self) -> &[u64] {
        &self.thresholds
    }

    /// Counts one line of signatures NDJSON, given without its line end (a trailing `\r` is
    /// ignored); `line` is its 1-based number in the whole input, which orders ties and is
    /// quoted in errors.
    pub fn add_line(&mut self, line: u64, text: &[u8]) -> LineOutcome {
        match read_line(text, &mut self.scratch) {
            LineRead::Blank => LineOutcome::Blank,
            LineRead::Signature { key, time, country } => {
                self.lines += 1;
                self.valid += 1;
                match self.signers.insert(key, time, line, country) {
                    Seen::New => LineOutcome::New,
                    Seen::Again => LineOutcome::Duplicate,
                }
            }
            LineRead::Rejected(reason) => {
                self.lines += 1;
                self.errors.push(LineError { line, reason });
                LineOutcome::Rejected
            }
        }
    }

    /// Counts every line of `input`, the whole of a signatures NDJSON file or its start: a UTF-8
    /// byte order mark is skipped and lines are numbered from 1.
    pub fn add_ndjson(&mut self, input: &[u8]) {
        let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
        self.add_ndjson_from(input, 1);
    }

    /// Counts every line of `input`, a piece of a larger input whose first line has the number
    /// `first_line`; returns the number the line after the piece has.
    pub fn add_ndjson_from(&mut self, input: &[u8], first_line: u64) -> u64 {
        Plan::on(1).count(self, input, first_line)
    }

    /// Counts every line read from `reader`, a signatures NDJSON stream, in blocks, without
    /// holding more than one block and one line in memory.
    pub fn read_ndjson(&mut self, mut reader: impl Read) -> Result<(), Error> {
        const BLOCK: usize = 1 << 20;
        let mut buffer = vec![0_u8; BLOCK];
        let mut filled = 0;
        let mut line = 1;
        let mut first = true;
        loop {
            if filled == buffer.len() {
                buffer.resize(buffer.len() * 2, 0);
            }
            let read = match reader.read(&mut buffer[filled..]) {
                Ok(read) => read,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Error::Io(e)),
            };
            filled += read;
            let mut start = 0;
            if first && filled >= 3 {
                first = false;
                if buffer.starts_with(b"\xEF\xBB\xBF") {
                    start = 3;
                }
            }
            if read == 0 {
                if first && buffer[..filled].starts_with(b"\xEF\xBB\xBF") {
                    start = 3;
                }
                self.add_ndjson_from(&buffer[start..filled], line);
                return Ok(());
            }
            if first {
                continue;
            }
            let Some(last_newline) = memchr::memrchr(b'\n', &buffer[start..filled]) else {
                buffer.copy_within(start..filled, 0);
                filled -= start;
                continue;
            };
            let end = start + last_newline + 1;
            line = self.add_ndjson_from(&buffer[start..end], line);
            buffer.copy_within(end..filled, 0);
            filled -= end;
        }
    }

    /// Adds the count of another shard of the same input, whose lines were numbered in the same
    /// sequence: afterwards `self` is the tally of both shards together.
    ///
    /// Merging is commutative and associative; milestone thresholds are united.
    pub fn merge(&mut self, other: Tally) {
        let Tally {
            thresholds,
            lines,
            valid,
            errors,
            signers,
            scratch: _,
            threads,
        } = other;
        self.merge_counts(&thresholds, lines, valid, errors);
        self.signers.merge(signers);
        self.threads = self.threads.max(threads);
    }

    /// Adds the counts of a shard whose signers are added separately.
    pub(crate) fn merge_counts(
        &mut self,
        thresholds: &[u64],
        lines: u64,
        valid: u64,
        errors: Vec<LineError>,
    ) {
        self.lines += lines;
        self.valid += valid;
        // Shards usually come in line order, which keeps this an append.
        let sorted_already = match (self.errors.last(), errors.first()) {
            (Some(last), Some(first)) => last.line < first.line,
            _ => true,
        };
        self.errors.extend(errors);
        if !sorted_already {
            self.errors.sort_by_key(|e| e.line);
        }
        if !thresholds.is_empty() {
            self.thresholds.extend(thresholds);
            self.thresholds.sort_unstable();
            self.thresholds.dedup();
        }
    }

    /// Lets the report's passes over the signers run on `threads` threads.
    pub(crate) fn set_threads(&mut self, threads: usize) {
        self.threads = threads;
    }

    /// The unique signers, for a caller filling them directly.
    pub(crate) fn signers_mut(&mut self) -> &mut SignerTable {
        &mut self.signers
    }

    /// Non-blank lines seen.
    pub fn lines(&self) -> u64 {
        self.lines
    }

    /// Unique signers.
    pub fn counted(&self) -> u64 {
        self.signers.len() as u64
    }

    /// Valid signatures of a signer already counted.
    pub fn duplicates(&self) -> u64 {
        self.valid - self.counted()
    }

    /// Rejected lines.
    pub fn rejected(&self) -> u64 {
        self.errors.len() as u64
    }

    /// The rejected lines with their reasons, in line order.
    pub fn errors(&self) -> &[LineError] {
        &self.errors
    }

    /// The heap memory holding the unique signers, in bytes: at most 48 per signer once there
    /// are more than a few thousand.
    pub fn signer_memory_bytes(&self) -> usize {
        self.signers.heap_bytes()
    }

    /// Unique signers by country code, with `"unknown"` for signers who gave none.
    pub fn by_country(&self) -> BTreeMap<String, u64> {
        let mut counts = [0_u64; 256];
        let runs = self.signers.passes(self.threads, |parts| {
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
    pub fn time_series(&self, period: Period) -> Vec<SeriesPoint> {
        let width = match period {
            Period::Hour => NANOS_PER_HOUR,
            Period::Day => 24 * NANOS_PER_HOUR,
        };
        Histogram::of(&self.signers, width, self.threads)
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
            .thresholds
            .iter()
            .copied()
            .filter(|&t| t <= counted)
            .collect();
        if reached.is_empty() {
            return Vec::new();
        }
        // Find each threshold's hour from the hourly counts, then order only those hours'
        // signatures: memory stays proportional to a few hours, not to every signer.
        let hours = Histogram::of(&self.signers, NANOS_PER_HOUR, self.threads);
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
        let runs = self.signers.passes(self.threads, |parts| {
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

    /// The tally in the JSON shape of DESIGN.md.
    pub fn report(&self) -> TallyReport {
        TallyReport {
            lines: self.lines,
            counted: self.counted(),
            duplicates: self.duplicates(),
            rejected: self.rejected(),
            by_country: self.by_country(),
            milestones: self.milestones(),
            errors: self
                .errors
                .iter()
                .map(|e| ReportedError {
                    line: e.line,
                    reason: e.reason.to_string(),
                })
                .collect(),
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

/// Unique signers per period of a fixed width, counted in one pass over the signers: in an array
/// when the periods span at most [`Histogram::DENSE`] of them (119 years of hours) and not many
/// more than there are signers, else in a map.
enum Histogram {
    /// Counts of the periods `first`, `first + 1`, ….
    Dense { first: i64, counts: Vec<u64> },
    /// Counts of the periods that have signers.
    Sparse(BTreeMap<i64, u64>),
}

impl Histogram {
    const DENSE: i64 = 1 << 20;

    fn of(signers: &SignerTable, width: i64, threads: usize) -> Self {
        let runs = signers.passes(threads, |parts| {
            slots(parts).fold((i64::MAX, i64::MIN), |(earliest, latest), slot| {
                (earliest.min(slot.time), latest.max(slot.time))
            })
        });
        let (earliest, latest) = runs
            .into_iter()
            .fold((i64::MAX, i64::MIN), |(e, l), (run_e, run_l)| {
                (e.min(run_e), l.max(run_l))
            });
        if earliest > latest {
            return Self::Sparse(BTreeMap::new());
        }
        let first = earliest.div_euclid(width);
        let span = latest.div_euclid(width) - first + 1;
        // Each thread counts in an array of its own: keep the arrays to about as many entries
        // as the thread has signers, so that a few far-flung signatures cost no megabytes.
        let per_thread = signers.len() / signers.pass_threads(threads);
        if span <= Self::DENSE.min(per_thread.max(4096) as i64) {
            let runs = signers.passes(threads, |parts| {
                let mut counts = vec![0; span as usize];
                for slot in slots(parts) {
                    counts[(slot.time.div_euclid(width) - first) as usize] += 1;
                }
                counts
            });
            let mut runs = runs.into_iter();
            let mut counts = runs.next().unwrap_or_default();
            for run in runs {
                for (total, count) in counts.iter_mut().zip(run) {
                    *total += count;
                }
            }
            Self::Dense { first, counts }
        } else {
            let mut counts: BTreeMap<i64, u64> = BTreeMap::new();
            for run in signers.passes(threads, |parts| {
                let mut counts: BTreeMap<i64, u64> = BTreeMap::new();
                for slot in slots(parts) {
                    *counts.entry(slot.time.div_euclid(width)).or_default() += 1;
                }
                counts
            }) {
                for (period, count) in run {
                    *counts.entry(period).or_default() += count;
                }
            }
            Self::Sparse(counts)
        }
    }

    /// The periods that have signers and their counts, in time order.
    fn counts(&self) -> Box<dyn Iterator<Item = (i64, u64)> + '_> {
        match self {
            Self::Dense { first, counts } => Box::new(
                (*first..)
                    .zip(counts.iter().copied())
                    .filter(|&(_, count)| count > 0),
            ),
            Self::Sparse(counts) => {
                Box::new(counts.iter().map(|(&period, &count)| (period, count)))
            }
        }
    }

    /// A lookup from the given periods to their positions in the list.
    fn index(&self, periods: impl Iterator<Item = i64>) -> PeriodIndex {
        match self {
            Self::Dense { first, counts } => {
                let mut positions = vec![u32::MAX; counts.len()];
                for (i, period) in periods.enumerate() {
                    positions[(period - first) as usize] = i as u32;
                }
                PeriodIndex::Dense {
                    first: *first,
                    positions,
                }
            }
            Self::Sparse(_) => {
                PeriodIndex::Sparse(periods.enumerate().map(|(i, p)| (p, i)).collect())
            }
        }
    }
}

/// Where some periods of a [`Histogram`] are in a list of them.
enum PeriodIndex {
    Dense { first: i64, positions: Vec<u32> },
    Sparse(BTreeMap<i64, usize>),
}

impl PeriodIndex {
    fn get(&self, period: i64) -> Option<usize> {
        match self {
            Self::Dense { first, positions } => positions
                .get(usize::try_from(period - first).ok()?)
                .filter(|&&i| i != u32::MAX)
                .map(|&i| i as usize),
            Self::Sparse(positions) => positions.get(&period).copied(),
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

/// The JSON of a tally, as DESIGN.md gives it:
/// `{"lines", "counted", "duplicates", "rejected", "by_country", "milestones": [{"threshold",
/// "reached_at"}], "errors": [{"line", "reason"}]}`.
///
/// `lines` counts non-blank lines and equals `counted + duplicates + rejected`. It is an
/// operator's report: `errors` quote rejected lines' values, emails included, so publish
/// [`PublicCount`] instead.
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
    /// Rejected lines.
    pub rejected: u64,
    /// Unique signers by country code; `"unknown"` for those who gave none.
    pub by_country: BTreeMap<String, u64>,
    /// The thresholds reached, smallest first.
    pub milestones: Vec<MilestoneReached>,
    /// The rejected lines, in line order.
    pub errors: Vec<ReportedError>,
}
