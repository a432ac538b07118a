//! Counting a buffer of signatures NDJSON in batches, on one thread or several.
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
//!
//! This layer knows the signer table, the line reader and the thread pool, never the tally: it
//! fills a [`SignerTable`] and a [`LineCounts`] that the tally owns.

use crate::email::Canonicalizer;
use crate::line_counts::LineCounts;
use crate::line_reader::{LineRead, read_line, read_text_line};
use crate::signer_table::{PARTS, Shard, SignerTable, Slot, part_of};
use crate::thread_pool::on_threads;

/// How many bytes of input each thread reads in one round.
const ROUND_BYTES_PER_THREAD: usize = 4 << 20;

/// About how many bytes of input a thread takes at a time: small enough that threads finish a
/// round at nearly the same time, large enough that taking one costs nothing.
const PIECE_BYTES: usize = 512 << 10;

/// How a buffer of signatures NDJSON is counted: on how many threads, in rounds of how many
/// bytes, cut into pieces of how many.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plan {
    pub(crate) threads: usize,
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

    /// How many bytes a round reads: a reader feeding [`Plan::count`] block by block keeps
    /// every thread busy with blocks of this size.
    pub(crate) fn round_bytes(self) -> usize {
        self.round_bytes
    }

    /// Counts every line of `input`, whose first line has the number `first_line`, into
    /// `signers` and `counts`; returns the number the line after the input has.
    pub(crate) fn count(
        self,
        signers: &mut SignerTable,
        counts: &mut LineCounts,
        input: &[u8],
        first_line: u64,
    ) -> u64 {
        let mut next_line = first_line;
        let error_limit = counts.errors.limit();
        // The per-part lists of a round's pieces, emptied and handed to the next round's: their
        // memory is allocated once, not a round at a time.
        let mut spare: Vec<Vec<Vec<Slot>>> = Vec::new();
        let rounds = split_lines(input, input.len().div_ceil(self.round_bytes).max(1));
        let (count, mut read) = (rounds.len(), 0);
        for (index, round) in rounds.into_iter().enumerate() {
            read += round.len();
            let pieces = split_lines(round, round.len().div_ceil(self.piece_bytes).max(1));
            // The first round of several sizes the table (see [`PRESIZE`]) from its later half
            // of pieces, where repeats of its first signers have had time to show; one piece
            // (one thread) shows no later half.
            let half = pieces.len() / 2;
            let estimating = index == 0 && count > 1 && half > 0;
            let late_bytes: usize = pieces[half..].iter().map(|p| p.len()).sum();
            let pieces: Vec<_> = pieces.into_iter().map(|p| (p, spare.pop())).collect();
            let batches = on_threads(pieces, self.threads, |(piece, parts)| {
                Batch::read(piece, error_limit, parts)
            });
            let first_lines: Vec<u64> = batches
                .iter()
                .map(|batch| {
                    let first = next_line;
                    next_line += batch.line_count;
                    first
                })
                .collect();
            let parts: Vec<(usize, &mut Shard)> =
                signers.parts_mut().iter_mut().enumerate().collect();
            // A thread is worth starting for thousands of signatures, not for a few.
            let signatures: usize = batches.iter().map(|b| b.counts.valid as usize).sum();
            let threads = self.threads.min(signatures / (1 << 12) + 1);
            // When estimating, each part says how many new signers its later-half pieces
            // brought it.
            let late: usize = on_threads(parts, threads, |(part, table)| {
                let mut late = 0;
                for (i, (batch, &first_line)) in batches.iter().zip(&first_lines).enumerate() {
                    let new = table.absorb(&batch.parts[part], first_line);
                    if i >= half {
                        late += new;
                    }
                }
                late
            })
            .into_iter()
            .sum();
            if estimating {
                let rate = late as f64 / late_bytes.max(1) as f64;
                let estimate = signers.len() as f64 + rate * (input.len() - read) as f64;
                signers.reserve((estimate * PRESIZE) as usize);
            }
            for (batch, first_line) in batches.into_iter().zip(first_lines) {
                counts.merge(batch.counts, first_line);
                spare.push(batch.parts);
            }
        }
        next_line
    }
}

/// After the first round of an input, the signer table is sized for this share of the signers
/// the whole input would hold if new ones kept coming at the rate of the round's later half.
///
/// Growing by half at a time from a few signers moved each signer about twice; sized from the
/// start, a table that the estimate E fits grows at most once more. The estimate cannot know
/// the lines to come: should they bring new signers more slowly than the first round's later
/// half did, the table is larger than they need. Sized for three quarters of E (0.94 E slots of
/// 24 bytes), it holds 30 bytes a signer when it is as full as it is kept, and stays within 48
/// unless the whole input has fewer than 47 % of E signers.
const PRESIZE: f64 = 0.75;

/// What one thread read from one piece of a round, its lines numbered from 0.
struct Batch {
    /// The valid signatures, by signer-table part.
    parts: Vec<Vec<Slot>>,
    /// How many signatures each part has room for when it gets its first.
    room_per_part: usize,
    /// Every line, blank or not.
    line_count: u64,
    /// The counts of the piece's lines.
    counts: LineCounts,
}

impl Batch {
    /// Reads `piece`, sorting its signatures into `parts` (emptied first) when given, else
    /// into new lists.
    fn read(piece: &[u8], error_limit: usize, parts: Option<Vec<Vec<Slot>>>) -> Batch {
        let parts = match parts {
            Some(mut parts) => {
                parts.iter_mut().for_each(Vec::clear);
                parts
            }
            None => vec![Vec::new(); PARTS],
        };
        let mut batch = Batch {
            parts,
            // Room for as many signatures as lines of 80 bytes, spread evenly: one allocation
            // a part for the usual line, a few growths for short lines or uneven parts.
            room_per_part: piece.len() / 80 / PARTS + 8,
            line_count: 0,
            counts: LineCounts::with_error_limit(error_limit),
        };
        let mut scratch = Canonicalizer::default();
        // The piece is checked for UTF-8 once, whole, when it can be: far cheaper than a check
        // a line.
        let text = std::str::from_utf8(piece).ok();
        let mut read = |start: usize, end: usize| match text {
            // Both ends sit next to a newline or an end of the piece: character boundaries.
            Some(text) => read_text_line(&text[start..end], &mut scratch),
            None => read_line(&piece[start..end], &mut scratch),
        };
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', piece) {
            batch.add(read(start, end));
            start = end + 1;
        }
        if start < piece.len() {
            batch.add(read(start, piece.len()));
        }
        batch
    }

    fn add(&mut self, read: LineRead) {
        let line = self.line_count;
        self.line_count += 1;
        match read {
            LineRead::Blank => {}
            LineRead::Signature { key, time, country } => {
                self.counts.confirmed();
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
            LineRead::Uncounted(state) => self.counts.uncounted(state),
            LineRead::Rejected(reason) => self.counts.rejected(line, reason),
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
            2 => format!(r#"{{"name": "Ana", "email": "{email}", "state": "pending", "signed_at": "2012-12-13T1{hour}:00:00Z"}}{end}"#),
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
            let (mut signers, mut counts) = (SignerTable::default(), LineCounts::with_error_limit(3));
            let mut scratch = Canonicalizer::default();
            for (i, text) in input.split('\n').enumerate() {
                if i < input.split('\n').count() - 1 || !text.is_empty() {
                    let line = i as u64 + 1;
                    match read_line(text.as_bytes(), &mut scratch) {
                        LineRead::Blank => {}
                        LineRead::Signature { key, time, country } => {
                            counts.confirmed();
                            signers.insert(key, time, line, country);
                        }
                        LineRead::Uncounted(state) => counts.uncounted(state),
                        LineRead::Rejected(reason) => counts.rejected(line, reason),
                    }
                }
            }
            let plan = Plan { threads, round_bytes, piece_bytes };
            let (mut batched, mut batched_counts) = (SignerTable::default(), LineCounts::with_error_limit(3));
            let next = plan.count(&mut batched, &mut batched_counts, input.as_bytes(), 1);
            prop_assert_eq!(next, lines.len() as u64 + u64::from(unterminated) + 1);
            prop_assert_eq!(batched.sorted_slots(), signers.sorted_slots());
            prop_assert_eq!(
                (batched_counts.lines, batched_counts.valid, batched_counts.states),
                (counts.lines, counts.valid, counts.states)
            );
            prop_assert_eq!(batched_counts.errors.listed(), counts.errors.listed());
            prop_assert_eq!(batched_counts.errors.unlisted(), counts.errors.unlisted());
        }
    }

    /// A piece that is not all UTF-8 is read line by line, its other lines counted as usual
    /// and the bad one refused with its own number.
    #[test]
    fn a_piece_that_is_not_utf8_is_read_a_line_at_a_time() {
        let input: &[u8] = b"{\"name\": \"Ana\", \"email\": \"ana@example.org\", \"signed_at\": \"2012-12-13T10:00:00Z\"}\n\
            {\"name\": \"Bo\xff\", \"email\": \"bo@example.org\", \"signed_at\": \"2012-12-13T10:00:00Z\"}\r\n\
            \n\
            {\"name\": \"Cy\", \"email\": \"cy@example.org\", \"signed_at\": \"2012-12-13T11:00:00Z\"}";
        for threads in 1..=2 {
            let plan = Plan {
                threads,
                round_bytes: 1 << 20,
                piece_bytes: 1 << 20,
            };
            let (mut signers, mut counts) =
                (SignerTable::default(), LineCounts::with_error_limit(3));
            let next = plan.count(&mut signers, &mut counts, input, 1);
            assert_eq!(next, 5);
            assert_eq!((counts.lines, counts.valid), (3, 2));
            let listed: Vec<u64> = counts.errors.listed().iter().map(|e| e.line).collect();
            assert_eq!(listed, [2]);
            assert_eq!(signers.sorted_slots().len(), 2);
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
}
