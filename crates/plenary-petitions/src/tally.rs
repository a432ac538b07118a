//! The streaming, mergeable count of the signatures on a petition: what goes in.
//!
//! Records ([`Tally::add`]) and lines of signatures NDJSON ([`Tally::add_line`],
//! [`Tally::add_ndjson`], [`Tally::read_ndjson`]) go in here; what comes out (the report, the
//! series, the milestones, the history) is in the report module above this one.

use std::io::Read;

use chrono::{DateTime, Utc};
use plenary_core::Country;

use crate::batching::Plan;
use crate::block_reader::BlockReader;
use crate::email::Canonicalizer;
use crate::line_counts::{LineCounts, LineError};
use crate::line_reader::{LineRead, read_line};
use crate::ndjson::{OUT_OF_RANGE, Rejection};
use crate::signer_table::{Seen, SignerTable, fingerprint};
use crate::{CanonicalEmail, Error, SignatureState, country_index};

/// The running count of a petition's signatures: unique signers, duplicates, signatures in each
/// state that does not count, rejected lines with their reasons, counts by country, a time
/// series, milestones and an hourly history.
///
/// A tally is fed records one at a time ([`Tally::add`]: a database row or a
/// [`Signature`](crate::Signature) needs no NDJSON), lines of signatures NDJSON one at a time
/// ([`Tally::add_line`]), a buffer at a time ([`Tally::add_ndjson`]) or from a reader
/// ([`Tally::read_ndjson`], on as many threads as asked). Tallies over shards of one input,
/// made anywhere, merge ([`Tally::merge`]) into exactly the tally of the whole input;
/// [`tally_parallel`] counts one input in memory on every core.
///
/// Only confirmed signatures count; the others are counted by state. One signature counts per
/// canonical email ([`CanonicalEmail`]): the earliest `signed_at` wins, ties going to the earlier
/// line, and the winner's country is the one counted. The tally keeps no email and no name: each
/// signer is a fingerprint, a time and a country in 24 bytes (see the crate docs for the
/// collision trade-off). Of the rejected lines, the first thousand (see
/// [`Tally::set_error_limit`]) are kept with their reasons and the rest counted by kind.
///
/// ```
/// use plenary_petitions::Tally;
///
/// let mut tally = Tally::with_milestones([2, 3]);
/// tally.add_ndjson(br#"{"name": "Ana", "email": "ana@example.org", "country": "GB", "signed_at": "2012-12-13T15:00:00Z"}
/// {"name": "Ana", "email": "ANA+itu@example.org", "signed_at": "2012-12-13T16:00:00Z"}
/// {"name": "Bo", "email": "bo@example.org", "country": "KE", "signed_at": "2012-12-13T14:30:00+04:00"}
/// {"name": "", "email": "cy@example.org", "signed_at": "2012-12-13T17:00:00Z"}
/// {"name": "Di", "email": "di@example.org", "signed_at": "2012-12-13T17:00:00Z", "state": "pending"}
/// "#);
/// let report = tally.report();
/// assert_eq!((report.lines, report.counted, report.duplicates, report.rejected), (5, 2, 1, 1));
/// assert_eq!(report.states["pending"], 1);
/// assert_eq!(report.by_country["GB"], 1);
/// assert_eq!(report.milestones[0].reached_at.to_rfc3339(), "2012-12-13T15:00:00+00:00");
/// assert!(report.milestones.get(1).is_none(), "3 signers were never reached");
/// assert_eq!(report.errors[0].line, 4);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Tally {
    thresholds: Vec<u64>,
    counts: LineCounts,
    signers: SignerTable,
    scratch: Canonicalizer,
    /// How many threads the report's passes over the signers may use.
    threads: usize,
}

/// One signature as a tally needs it, for [`Tally::add`]: whatever holds signatures (a
/// database, a [`SignatureBook`](crate::SignatureBook)) can count them without writing NDJSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignatureRecord<'a> {
    /// The signer's canonical email, which tells signers apart.
    pub email: &'a CanonicalEmail,
    /// When the signature was made.
    pub signed_at: DateTime<Utc>,
    /// The signer's country, if given.
    pub country: Option<Country>,
    /// The signature's state: only confirmed signatures count.
    pub state: SignatureState,
    /// The signature's position in its source (a line number, a row id): it orders signatures
    /// made at the same time and is quoted if the record is rejected.
    pub position: u64,
}

/// What a tally made of one line or record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LineOutcome {
    /// A blank line, not counted at all.
    Blank,
    /// A confirmed signature of a signer not seen before.
    New,
    /// A confirmed signature of a signer seen before; the earlier of the two counts.
    Duplicate,
    /// A valid signature in a state that does not count; counted under its state.
    Uncounted(SignatureState),
    /// A line that was rejected; the reason is in [`Tally::errors`].
    Rejected,
}

/// Tallies a whole signatures NDJSON input on `threads` threads (at most 64 are used); the
/// result equals a single-threaded [`Tally`] over the same input.
///
/// The input is read in rounds of 4 MiB a thread: the threads read the round's line-aligned
/// pieces and sort their signatures by signer-table part, then fill the table's parts, taking
/// the next piece or part whenever they finish one. Memory beyond the tally's own is one round's
/// signatures, 24 bytes each.
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
    let mut tally = Tally::with_milestones(thresholds.iter().copied());
    tally.count_with(Plan::on(threads), without_bom(input), 1);
    tally
}

/// `input` without a leading UTF-8 byte order mark: the start of a whole input.
fn without_bom(input: &[u8]) -> &[u8] {
    input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input)
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

    /// Keeps the reasons of at most `limit` rejected lines (those with the smallest numbers;
    /// 1000 unless set), counting the others by kind ([`Tally::unlisted_errors`]): the count
    /// stays exact whatever the input, and memory stays bounded.
    pub fn set_error_limit(&mut self, limit: usize) {
        self.counts.errors.set_limit(limit);
    }

    /// The milestone thresholds, smallest first.
    pub fn thresholds(&self) -> &[u64] {
        &self.thresholds
    }

    /// Counts one signature record; the record-level entry point for any source of signatures.
    ///
    /// A record is rejected (with [`Rejection::BadSignedAt`]) only when its time is outside the
    /// range a tally holds, 1677 to 2262.
    ///
    /// # Panics
    ///
    /// Never: the tally's country index is built from every [`Country`](plenary_core::Country),
    /// so each record's country has an entry.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use plenary_petitions::{CanonicalEmail, LineOutcome, SignatureRecord, SignatureState, Tally};
    ///
    /// let email = CanonicalEmail::new("Ana+wcit@example.org")?;
    /// let mut record = SignatureRecord {
    ///     email: &email,
    ///     signed_at: Utc.with_ymd_and_hms(2012, 12, 13, 19, 0, 0).unwrap(),
    ///     country: None,
    ///     state: SignatureState::Confirmed,
    ///     position: 1,
    /// };
    /// let mut tally = Tally::new();
    /// assert_eq!(tally.add(&record), LineOutcome::New);
    /// record.position = 2;
    /// assert_eq!(tally.add(&record), LineOutcome::Duplicate);
    /// record.state = SignatureState::Withdrawn;
    /// assert_eq!(tally.add(&record), LineOutcome::Uncounted(SignatureState::Withdrawn));
    /// assert_eq!((tally.lines(), tally.counted(), tally.duplicates()), (3, 1, 1));
    /// # Ok::<(), plenary_petitions::Error>(())
    /// ```
    pub fn add(&mut self, record: &SignatureRecord<'_>) -> LineOutcome {
        let Some(time) = record.signed_at.timestamp_nanos_opt() else {
            self.counts.rejected(
                record.position,
                Rejection::BadSignedAt {
                    signed_at: record.signed_at.to_rfc3339(),
                    problem: OUT_OF_RANGE.to_owned(),
                },
            );
            return LineOutcome::Rejected;
        };
        if !record.state.counts() {
            self.counts.uncounted(record.state);
            return LineOutcome::Uncounted(record.state);
        }
        let country = match record.country {
            None => country_index::UNKNOWN,
            Some(country) => country_index::lookup(country.code())
                .expect("every Country has an index: the index is built from Country::all"),
        };
        let key = fingerprint(record.email.as_str().as_bytes());
        self.confirmed(key, time, record.position, country)
    }

    fn confirmed(&mut self, key: u64, time: i64, line: u64, country: u8) -> LineOutcome {
        self.counts.confirmed();
        match self.signers.insert(key, time, line, country) {
            Seen::New => LineOutcome::New,
            Seen::Again => LineOutcome::Duplicate,
        }
    }

    /// Counts one line of signatures NDJSON, given without its line end (a trailing `\r` is
    /// ignored); `line` is its 1-based number in the whole input, which orders ties and is
    /// quoted in errors.
    pub fn add_line(&mut self, line: u64, text: &[u8]) -> LineOutcome {
        match read_line(text, &mut self.scratch) {
            LineRead::Blank => LineOutcome::Blank,
            LineRead::Signature { key, time, country } => self.confirmed(key, time, line, country),
            LineRead::Uncounted(state) => {
                self.counts.uncounted(state);
                LineOutcome::Uncounted(state)
            }
            LineRead::Rejected(reason) => {
                self.counts.rejected(line, reason);
                LineOutcome::Rejected
            }
        }
    }

    /// Counts every line of `input`, the whole of a signatures NDJSON file or its start: a UTF-8
    /// byte order mark is skipped and lines are numbered from 1.
    pub fn add_ndjson(&mut self, input: &[u8]) {
        self.add_ndjson_from(without_bom(input), 1);
    }

    /// Counts every line of `input`, a piece of a larger input whose first line has the number
    /// `first_line`; returns the number the line after the piece has.
    pub fn add_ndjson_from(&mut self, input: &[u8], first_line: u64) -> u64 {
        self.count_with(Plan::on(1), input, first_line)
    }

    fn count_with(&mut self, plan: Plan, input: &[u8], first_line: u64) -> u64 {
        self.threads = self.threads.max(plan.threads);
        plan.count(&mut self.signers, &mut self.counts, input, first_line)
    }

    /// Counts every line read from `reader`, a signatures NDJSON stream, in blocks, without
    /// holding more than one block and one line in memory.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when reading fails; the lines read before stay counted.
    pub fn read_ndjson(&mut self, reader: impl Read) -> Result<(), Error> {
        self.read_ndjson_on(reader, 1)
    }

    /// Counts every line read from `reader` on `threads` threads (at most 64), in blocks of
    /// 4 MiB a thread, the next block read while one is counted (two buffers in all): a file of
    /// any size is tallied as fast as [`tally_parallel`] tallies it in memory. The file is
    /// streamed, never held whole; [`read_file_on`](Self::read_file_on) reads a file through a
    /// memory map instead.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when reading fails; the lines read before stay counted.
    pub fn read_ndjson_on(&mut self, reader: impl Read, threads: usize) -> Result<(), Error> {
        let plan = Plan::on(threads);
        self.read_blocks(reader, plan, plan.round_bytes().min(1 << 30))
    }

    /// Counts the signatures NDJSON file `file` on `threads` threads (at most 64), as
    /// [`tally_parallel`] counts bytes in memory: a regular, non-empty file is read through a
    /// read-only memory map, so its bytes are counted where the system keeps them, never copied
    /// into a buffer; any other file is streamed as [`read_ndjson_on`](Self::read_ndjson_on)
    /// streams it. The result is the same either way.
    ///
    /// **A file that may be shortened while it is counted** (a log another process rotates or
    /// truncates) is to be read with [`read_ndjson_on`](Self::read_ndjson_on): a mapped page past
    /// a new end of the file ends the process with `SIGBUS` when it is read. Bytes changed in
    /// place are counted as they are when read.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when a streamed file cannot be read; the lines read before stay counted.
    ///
    /// ```
    /// use plenary_petitions::Tally;
    ///
    /// let path = std::env::temp_dir().join("plenary-read-file-on-doctest.ndjson");
    /// std::fs::write(
    ///     &path,
    ///     "{\"name\":\"A\",\"email\":\"a@x.org\",\"signed_at\":\"2012-12-13T15:00:00Z\"}\n",
    /// )?;
    /// let mut tally = Tally::new();
    /// tally.read_file_on(std::fs::File::open(&path)?, 2)?;
    /// assert_eq!(tally.counted(), 1);
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_file_on(&mut self, file: std::fs::File, threads: usize) -> Result<(), Error> {
        match crate::mapped::map(&file) {
            Some(map) => {
                self.count_with(Plan::on(threads), without_bom(&map), 1);
                Ok(())
            }
            None => self.read_ndjson_on(file, threads),
        }
    }

    fn read_blocks(&mut self, reader: impl Read, plan: Plan, block: usize) -> Result<(), Error> {
        let mut blocks = BlockReader::new(reader, block);
        let mut buffer = Vec::new();
        if plan.threads == 1 {
            let mut line = 1;
            loop {
                let end = blocks.fill(&mut buffer).map_err(Error::Io)?;
                if end == 0 {
                    return Ok(());
                }
                line = self.count_with(plan, &buffer[..end], line);
            }
        }
        // On several threads, the next block is read while this one is counted: two buffers
        // go round, one being filled here while the other is counted.
        let (full, to_count) = std::sync::mpsc::sync_channel::<(Vec<u8>, usize)>(0);
        let (spare, counted) = std::sync::mpsc::channel::<Vec<u8>>();
        let tally = &mut *self;
        std::thread::scope(|scope| {
            let counter = scope.spawn(move || {
                let mut line = 1;
                for (buffer, end) in to_count {
                    line = tally.count_with(plan, &buffer[..end], line);
                    // Once reading has stopped, nobody wants the buffer back.
                    let _ = spare.send(buffer);
                }
            });
            let result = loop {
                let end = match blocks.fill(&mut buffer) {
                    Ok(0) => break Ok(()),
                    Ok(end) => end,
                    Err(e) => break Err(Error::Io(e)),
                };
                // Only a panic stops the counter early; joining it below resumes the panic.
                if full.send((buffer, end)).is_err() {
                    break Ok(());
                }
                buffer = counted.try_recv().unwrap_or_default();
            };
            drop(full);
            if let Err(panic) = counter.join() {
                std::panic::resume_unwind(panic);
            }
            result
        })
    }

    /// Adds the count of another shard of the same input, whose lines were numbered in the same
    /// sequence: afterwards `self` is the tally of both shards together.
    ///
    /// Merging is commutative and associative; milestone thresholds are united, and the smaller
    /// error limit of the two is kept.
    pub fn merge(&mut self, other: Tally) {
        let Tally {
            thresholds,
            counts,
            signers,
            scratch: _,
            threads,
        } = other;
        let limit = self.counts.errors.limit().min(counts.errors.limit());
        self.counts.merge(counts, 0);
        self.counts.errors.set_limit(limit);
        self.signers.merge(signers);
        self.threads = self.threads.max(threads);
        if !thresholds.is_empty() {
            self.thresholds.extend(thresholds);
            self.thresholds.sort_unstable();
            self.thresholds.dedup();
        }
    }

    /// The unique signers, for the report's passes over them.
    pub(crate) fn signers(&self) -> &SignerTable {
        &self.signers
    }

    /// How many threads the report's passes over the signers may use.
    pub(crate) fn threads(&self) -> usize {
        self.threads
    }

    /// Non-blank lines (or records) seen.
    pub fn lines(&self) -> u64 {
        self.counts.lines
    }

    /// Unique signers.
    pub fn counted(&self) -> u64 {
        self.signers.len() as u64
    }

    /// Confirmed signatures of a signer already counted.
    pub fn duplicates(&self) -> u64 {
        self.counts.valid - self.counted()
    }

    /// Rejected lines, listed or not.
    pub fn rejected(&self) -> u64 {
        self.counts.errors.total()
    }

    /// Valid signatures in a state that does not count, by state name (`"pending"`, …); states
    /// with none are left out.
    pub fn states(&self) -> std::collections::BTreeMap<String, u64> {
        self.counts.states()
    }

    /// Valid signatures in `state` (for [`SignatureState::Confirmed`], the confirmed lines,
    /// duplicates included).
    pub fn in_state(&self, state: SignatureState) -> u64 {
        match state {
            SignatureState::Confirmed => self.counts.valid,
            other => self.counts.states[other.index()],
        }
    }

    /// The first rejected lines with their reasons, in line order (see
    /// [`Tally::set_error_limit`]).
    pub fn errors(&self) -> &[LineError] {
        self.counts.errors.listed()
    }

    /// The rejected lines beyond those [`Tally::errors`] lists, by [`Rejection::kind`].
    pub fn unlisted_errors(&self) -> std::collections::BTreeMap<String, u64> {
        self.counts.errors.unlisted()
    }

    /// The heap memory holding the unique signers, in bytes: at most 48 per signer once there
    /// are more than a few thousand.
    pub fn signer_memory_bytes(&self) -> usize {
        self.signers.heap_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives at most `step` bytes a call.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn every_block_size_and_read_size_counts_alike() {
        let input = "\u{feff}{\"name\":\"A\",\"email\":\"a@x.org\",\"signed_at\":\"2012-12-13T15:00:00Z\"}\n\
                     \n\
                     broken\r\n\
                     {\"name\":\"B\",\"email\":\"b@x.org\",\"signed_at\":\"2012-12-13T16:00:00Z\",\"state\":\"pending\"}\n\
                     {\"name\":\"A\",\"email\":\"A@x.org\",\"signed_at\":\"2012-12-12T15:00:00Z\"}";
        let mut expected = Tally::with_milestones([1]);
        expected.add_ndjson(input.as_bytes());
        assert_eq!((expected.lines(), expected.rejected()), (4, 1));
        for block in [1, 2, 3, 7, 40, 1000, 100_000] {
            for step in [1, 3, 64] {
                for threads in [1, 2] {
                    let mut tally = Tally::with_milestones([1]);
                    let reader = Trickle {
                        data: input.as_bytes(),
                        step,
                    };
                    tally.read_blocks(reader, Plan::on(threads), block).unwrap();
                    assert_eq!(
                        tally.report(),
                        expected.report(),
                        "{block} {step} {threads}"
                    );
                }
            }
        }
    }
}
