//! The streaming, mergeable count of the signatures on a petition.

use std::collections::BTreeMap;
use std::io::Read;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::country_index;
use crate::email::Canonicalizer;
use crate::ndjson::{Rejection, parse_line};
use crate::signer_table::{Seen, SignerTable, Slot, fingerprint};
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
/// one input merge ([`Tally::merge`]) into exactly the tally of the whole input, which is how
/// [`tally_parallel`] uses every core.
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
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        if text.iter().all(u8::is_ascii_whitespace) {
            return LineOutcome::Blank;
        }
        self.lines += 1;
        match parse_line(text, &mut self.scratch) {
            Ok(accepted) => {
                self.valid += 1;
                let key = fingerprint(self.scratch.joined.as_bytes());
                match self
                    .signers
                    .insert(key, accepted.signed_at, line, accepted.country)
                {
                    Seen::New => LineOutcome::New,
                    Seen::Again => LineOutcome::Duplicate,
                }
            }
            Err(reason) => {
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
        let mut line = first_line;
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', input) {
            self.add_line(line, &input[start..end]);
            line += 1;
            start = end + 1;
        }
        if start < input.len() {
            self.add_line(line, &input[start..]);
            line += 1;
        }
        line
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
            line = self.add_ndjson_from(&buffer[start..end - 1], line);
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
        } = other;
        self.merge_counts(&thresholds, lines, valid, errors);
        self.signers.merge(signers);
    }

    fn merge_counts(&mut self, thresholds: &[u64], lines: u64, valid: u64, errors: Vec<LineError>) {
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
        for slot in self.signers.iter() {
            counts[usize::from(slot.country())] += 1;
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
        let mut buckets: BTreeMap<i64, u64> = BTreeMap::new();
        for slot in self.signers.iter() {
            *buckets.entry(slot.time.div_euclid(width)).or_default() += 1;
        }
        buckets
            .into_iter()
            .map(|(bucket, signers)| SeriesPoint {
                start: DateTime::from_timestamp_nanos(bucket * width),
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
        // Find each threshold's hour from the hourly counts, then order only that hour's
        // signatures: memory stays proportional to one hour, not to every signer.
        let mut hours: BTreeMap<i64, u64> = BTreeMap::new();
        for slot in self.signers.iter() {
            *hours
                .entry(slot.time.div_euclid(NANOS_PER_HOUR))
                .or_default() += 1;
        }
        let mut result = Vec::with_capacity(reached.len());
        let mut before = 0;
        let mut pending = reached.iter().copied().peekable();
        for (hour, count) in hours {
            let mut in_hour: Option<Vec<(i64, u64)>> = None;
            while let Some(&threshold) = pending.peek() {
                if threshold > before + count {
                    break;
                }
                let sorted = in_hour.get_or_insert_with(|| {
                    let mut times: Vec<(i64, u64)> = self
                        .signers
                        .iter()
                        .filter(|s| s.time.div_euclid(NANOS_PER_HOUR) == hour)
                        .map(|s: &Slot| (s.time, s.order >> 8))
                        .collect();
                    times.sort_unstable();
                    times
                });
                let index = usize::try_from(threshold - before - 1).unwrap_or(usize::MAX);
                if let Some(&(time, _)) = sorted.get(index) {
                    result.push(MilestoneReached {
                        threshold,
                        reached_at: DateTime::from_timestamp_nanos(time),
                    });
                }
                pending.next();
            }
            before += count;
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

/// Tallies a whole signatures NDJSON input on `threads` threads: the input is cut into
/// line-aligned shards, each shard is tallied on its own thread, and the shards' signers are
/// merged part by part, again in parallel. The result equals a single-threaded [`Tally`] over
/// the same input.
///
/// ```
/// use plenary_petitions::{Tally, tally_parallel};
///
/// let input = b"{\"name\":\"A\",\"email\":\"a@x.org\",\"signed_at\":\"2012-12-13T15:00:00Z\"}\n\
///               {\"name\":\"A\",\"email\":\"A@x.org\",\"signed_at\":\"2012-12-12T15:00:00Z\"}\n";
/// let parallel = tally_parallel(input, &[1], 2);
/// let mut single = Tally::with_milestones([1]);
/// single.add_ndjson(input);
/// assert_eq!(parallel.report(), single.report());
/// ```
pub fn tally_parallel(input: &[u8], thresholds: &[u64], threads: usize) -> Tally {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let threads = threads.max(1);
    let mut shards = Vec::with_capacity(threads);
    let mut start = 0;
    for i in 1..=threads {
        let target = (input.len() * i / threads).max(start);
        let end = if i == threads {
            input.len()
        } else {
            memchr::memchr(b'\n', &input[target..]).map_or(input.len(), |p| target + p + 1)
        };
        shards.push(&input[start..end]);
        start = end;
    }
    let mut first_lines = Vec::with_capacity(shards.len());
    let mut next = 1;
    for shard in &shards {
        first_lines.push(next);
        next += memchr::memchr_iter(b'\n', shard).count() as u64;
    }
    let mut tallies: Vec<Tally> = std::thread::scope(|scope| {
        let handles: Vec<_> = shards
            .iter()
            .zip(&first_lines)
            .map(|(&shard, &first_line)| {
                scope.spawn(move || {
                    let mut tally = Tally::with_milestones(thresholds.iter().copied());
                    tally.add_ndjson_from(shard, first_line);
                    tally
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(tally) => tally,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });

    let mut parts_by_table: Vec<Vec<crate::signer_table::Part>> =
        tallies.iter_mut().map(|t| t.signers.take_parts()).collect();
    let mut per_part: Vec<Vec<crate::signer_table::Part>> =
        vec![Vec::new(); crate::signer_table::PARTS];
    for parts in &mut parts_by_table {
        for (p, part) in std::mem::take(parts).into_iter().enumerate() {
            per_part[p].push(part);
        }
    }
    let merged: Vec<crate::signer_table::Part> = std::thread::scope(|scope| {
        let groups = chunk_evenly(per_part, threads);
        let handles: Vec<_> = groups
            .into_iter()
            .map(|group| {
                scope.spawn(move || {
                    group
                        .into_iter()
                        .map(|parts| crate::signer_table::merge_parts(parts).0)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(parts) => parts,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });

    let mut total = Tally::with_milestones(thresholds.iter().copied());
    for tally in tallies {
        total.merge_counts(&[], tally.lines, tally.valid, tally.errors);
    }
    total.signers = SignerTable::from_parts(merged);
    total
}

/// Splits `items` into `groups` runs of nearly equal length, keeping their order.
fn chunk_evenly<T>(items: Vec<T>, groups: usize) -> Vec<Vec<T>> {
    let len = items.len();
    let mut result: Vec<Vec<T>> = (0..groups).map(|_| Vec::new()).collect();
    for (i, item) in items.into_iter().enumerate() {
        result[i * groups / len.max(1)].push(item);
    }
    result
}
