//! One tally on several threads.
//!
//! The input is read in rounds of a few megabytes a thread. In each round the threads read the
//! round's line-aligned pieces, taking the next unread piece whenever they finish one, and sort
//! the valid signatures they find by the part of the signer table they belong to; then the
//! threads fill the table, each taking the next unfilled part with what every piece found for
//! it. No signer is inserted twice and no table is merged, so the work divides by the number of
//! threads, and taking work as it comes keeps a thread that was slowed down (by another process,
//! say) from holding the others up. A part being filled is a 64th of the table, which stays in
//! the filling core's cache up to a few million signers. Memory beyond the table is one round's
//! signatures, 24 bytes each.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::email::Canonicalizer;
use crate::signer_table::{PARTS, Part, Slot, part_of};
use crate::tally::{LineError, LineRead, Tally, read_line};

/// How many bytes of input each thread reads in one round.
const ROUND_BYTES_PER_THREAD: usize = 16 << 20;

/// About how many bytes of input a thread takes at a time: small enough that threads finish a
/// round at nearly the same time, large enough that taking one costs nothing.
const PIECE_BYTES: usize = 512 << 10;

/// Tallies a whole signatures NDJSON input on `threads` threads (at most 64 are used); the
/// result equals a single-threaded [`Tally`] over the same input.
///
/// The input is read in rounds of 16 MiB a thread: the threads read the round's line-aligned
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
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let mut tally = Tally::with_milestones(thresholds.iter().copied());
    let plan = Plan::on(threads);
    plan.count(&mut tally, input, 1);
    tally.set_threads(plan.threads);
    tally
}

/// How a buffer of signatures NDJSON is counted into a tally: on how many threads, in rounds of
/// how many bytes, cut into pieces of how many.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plan {
    threads: usize,
    round_bytes: usize,
    piece_bytes: usize,
}

impl Plan {
    /// The plan for `threads` threads (at least 1, at most [`PARTS`]).
    pub(crate) fn on(threads: usize) -> Self {
        let threads = threads.clamp(1, PARTS);
        Self {
            threads,
            round_bytes: threads * ROUND_BYTES_PER_THREAD,
            // One thread has nobody to keep pace with.
            piece_bytes: if threads == 1 {
                usize::MAX
            } else {
                PIECE_BYTES
            },
        }
    }

    /// Counts every line of `input`, whose first line has the number `first_line`, into
    /// `tally`; returns the number the line after the input has.
    pub(crate) fn count(self, tally: &mut Tally, input: &[u8], first_line: u64) -> u64 {
        let mut next_line = first_line;
        for round in split_lines(input, input.len().div_ceil(self.round_bytes).max(1)) {
            let pieces = split_lines(round, round.len().div_ceil(self.piece_bytes).max(1));
            let batches = on_threads(pieces, self.threads, Batch::read);
            let first_lines: Vec<u64> = batches
                .iter()
                .map(|batch| {
                    let first = next_line;
                    next_line += batch.line_count;
                    first
                })
                .collect();
            let parts: Vec<(usize, &mut Part)> = tally
                .signers_mut()
                .parts_mut()
                .iter_mut()
                .enumerate()
                .collect();
            // A thread is worth starting for thousands of signatures, not for a few.
            let signatures: usize = batches.iter().map(|b| b.valid as usize).sum();
            let threads = self.threads.min(signatures / (1 << 12) + 1);
            on_threads(parts, threads, |(part, table)| {
                for (batch, &first_line) in batches.iter().zip(&first_lines) {
                    table.absorb(&batch.parts[part], first_line);
                }
            });
            for (batch, first_line) in batches.into_iter().zip(first_lines) {
                let errors = batch
                    .errors
                    .into_iter()
                    .map(|e| LineError {
                        line: e.line + first_line,
                        ..e
                    })
                    .collect();
                tally.merge_counts(&[], batch.lines, batch.valid, errors);
            }
        }
        next_line
    }
}

/// What one thread read from one piece of a round, its lines numbered from 0.
struct Batch {
    /// The valid signatures, by signer-table part.
    parts: Vec<Vec<Slot>>,
    /// How many signatures each part has room for when it gets its first.
    room_per_part: usize,
    /// Every line, blank or not.
    line_count: u64,
    /// Non-blank lines.
    lines: u64,
    /// Valid signatures.
    valid: u64,
    /// Rejected lines.
    errors: Vec<LineError>,
}

impl Batch {
    fn read(piece: &[u8]) -> Batch {
        let mut batch = Batch {
            parts: vec![Vec::new(); PARTS],
            // Room for as many signatures as lines of 80 bytes, spread evenly: one allocation
            // a part for the usual line, a few growths for short lines or uneven parts.
            room_per_part: piece.len() / 80 / PARTS + 8,
            line_count: 0,
            lines: 0,
            valid: 0,
            errors: Vec::new(),
        };
        let mut scratch = Canonicalizer::default();
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', piece) {
            batch.add(&piece[start..end], &mut scratch);
            start = end + 1;
        }
        if start < piece.len() {
            batch.add(&piece[start..], &mut scratch);
        }
        batch
    }

    fn add(&mut self, text: &[u8], scratch: &mut Canonicalizer) {
        let line = self.line_count;
        self.line_count += 1;
        match read_line(text, scratch) {
            LineRead::Blank => {}
            LineRead::Signature { key, time, country } => {
                self.lines += 1;
                self.valid += 1;
                let part = &mut self.parts[part_of(key)];
                if part.capacity() == 0 {
                    // Made when first needed: a small piece touches few parts.
                    part.reserve_exact(self.room_per_part);
                }
                part.push(Slot {
                    key,
                    time,
                    order: Slot::order(line, country),
                });
            }
            LineRead::Rejected(reason) => {
                self.lines += 1;
                self.errors.push(LineError { line, reason });
            }
        }
    }
}

/// Cuts `input` into `pieces` runs of whole lines of nearly equal length (some may be empty).
fn split_lines(input: &[u8], pieces: usize) -> Vec<&[u8]> {
    let mut result = Vec::with_capacity(pieces);
    let mut start = 0;
    for i in 1..=pieces {
        // In u128, as the product can pass usize::MAX on 32-bit targets.
        let target = ((input.len() as u128 * i as u128 / pieces as u128) as usize).max(start);
        let end = if i == pieces {
            input.len()
        } else {
            // A piece ends just after a newline, so that no line is cut.
            match memchr::memchr(b'\n', &input[target.saturating_sub(1)..]) {
                Some(p) => target.saturating_sub(1) + p + 1,
                None => input.len(),
            }
            .max(start)
        };
        result.push(&input[start..end]);
        start = end;
    }
    result
}

/// Runs `work` on every item on `threads` threads (this one among them), each thread taking
/// the next item whenever it finishes one, and returns the results in the items' order. A panic
/// on any thread is resumed here.
pub(crate) fn on_threads<T: Send, R: Send>(
    items: Vec<T>,
    threads: usize,
    work: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let count = items.len();
    let items: Vec<Mutex<Option<T>>> = items.into_iter().map(|i| Mutex::new(Some(i))).collect();
    let next = AtomicUsize::new(0);
    let take_and_work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = items.get(i) else {
                return done;
            };
            // Each item is taken exactly once, so no lock is ever held by a panicking thread.
            let item = slot.lock().map(|mut item| item.take());
            if let Ok(Some(item)) = item {
                done.push((i, work(item)));
            }
        }
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads.min(count))
            .map(|_| scope.spawn(take_and_work))
            .collect();
        let mut done = take_and_work();
        for handle in handles {
            match handle.join() {
                Ok(more) => done.extend(more),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        done
    });
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn line() -> impl Strategy<Value = String> {
        let email = prop_oneof![
            Just("ana@example.org"),
            Just("ANA+x@example.org"),
            Just("bo@example.org"),
            Just("cy@example.org"),
            Just("bad@localhost"),
        ];
        let country = prop_oneof![Just("\"GB\""), Just("\"KE\""), Just("null")];
        let end = prop_oneof![Just("\n"), Just("\r\n")];
        let fields = (email, country, 0_u32..4);
        (fields, 0_u32..8, end).prop_map(|((email, country, hour), kind, end)| match kind {
            0 => end.to_owned(),
            1 => format!("{{broken{end}"),
            _ => format!(
                r#"{{"name": "Ana", "email": "{email}", "country": {country}, "signed_at": "2012-12-13T1{hour}:00:00Z"}}{end}"#
            ),
        })
    }

    proptest! {
        /// However the input is cut into rounds and pieces and on however many threads, the
        /// tally is the one line-by-line counting gives.
        #[test]
        fn every_plan_counts_like_one_line_at_a_time(
            lines in prop::collection::vec(line(), 0..60),
            unterminated in any::<bool>(),
            threads in 1_usize..5,
            round_bytes in 1_usize..2000,
            piece_bytes in 1_usize..500,
        ) {
            let mut input = lines.concat();
            if unterminated {
                input.push_str(r#"{"name": "Bo", "email": "bo@example.org", "signed_at": "2012-12-13T09:00:00Z"}"#);
            }
            let mut expected = Tally::with_milestones([1, 2, 3]);
            for (i, text) in input.split('\n').enumerate() {
                if i < input.split('\n').count() - 1 || !text.is_empty() {
                    expected.add_line(i as u64 + 1, text.as_bytes());
                }
            }
            let plan = Plan { threads, round_bytes, piece_bytes };
            let mut tally = Tally::with_milestones([1, 2, 3]);
            let next = plan.count(&mut tally, input.as_bytes(), 1);
            prop_assert_eq!(next, lines.len() as u64 + u64::from(unterminated) + 1);
            prop_assert_eq!(tally.report(), expected.report());
        }
    }

    #[test]
    fn pieces_are_whole_lines_covering_the_input() {
        let input = b"a\nbb\n\nccc\nd";
        for pieces in 1..=8 {
            let split = split_lines(input, pieces);
            assert_eq!(split.len(), pieces);
            assert_eq!(split.concat(), input.to_vec(), "{pieces} pieces");
            for piece in &split[..pieces - 1] {
                assert!(piece.is_empty() || piece.ends_with(b"\n"), "{piece:?}");
            }
        }
        assert_eq!(split_lines(b"", 3), vec![&b""[..]; 3]);
    }

    #[test]
    fn results_come_back_in_order() {
        for threads in 1..=4 {
            let squares = on_threads((0..100_u64).collect(), threads, |i| i * i);
            assert_eq!(squares, (0..100_u64).map(|i| i * i).collect::<Vec<_>>());
            assert!(on_threads(Vec::<u8>::new(), threads, |i| i).is_empty());
        }
    }
}
