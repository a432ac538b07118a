//! The lowest layer beside the thread pool: cutting a byte stream into blocks of whole lines,
//! in buffers the caller hands back for reuse.
//!
//! A stream is read here, never held whole in memory (a regular file is better read through
//! `mapped`, by `Tally::read_file_on`). Each block is filled to a set size and cut after its last newline; the part line
//! after the cut starts the next block. Buffers are allocated zeroed (fresh pages from the
//! system, no `memset`) and reused from block to block, so a file of any size costs the page
//! faults of two blocks, not of every block.

use std::io::Read;

/// How big a buffer starts: a small input costs no block-sized buffer.
const FIRST_BYTES: usize = 64 << 10;

/// Reads blocks of whole lines from a stream, skipping a UTF-8 byte order mark at its start.
pub(crate) struct BlockReader<R> {
    reader: R,
    /// How many bytes a block holds, unless a single line is longer.
    block: usize,
    /// The start of a line cut off at the end of the last block.
    tail: Vec<u8>,
    /// Whether the start of the stream was checked for a byte order mark.
    bom_checked: bool,
    /// Whether the stream has ended.
    done: bool,
}

impl<R: Read> BlockReader<R> {
    /// Reads `reader` in blocks of about `block` bytes (at least 1).
    pub(crate) fn new(reader: R, block: usize) -> Self {
        Self {
            reader,
            block: block.max(1),
            tail: Vec::new(),
            bom_checked: false,
            done: false,
        }
    }

    /// Fills `buffer` with the next block and returns its length: whole lines, each ending in
    /// `\n` but for the last line of the stream; 0 once the stream has ended. `buffer` is grown
    /// as needed and best handed back on the next call, so that its memory is reused.
    ///
    /// # Errors
    ///
    /// The reader's error, other than [`std::io::ErrorKind::Interrupted`] (which is retried).
    /// The blocks returned before hold every line read up to then.
    pub(crate) fn fill(&mut self, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
        if self.done {
            return Ok(0);
        }
        let mut filled = self.tail.len();
        if buffer.len() < filled.max(FIRST_BYTES.min(self.block)) {
            grow(buffer, filled.max(FIRST_BYTES.min(self.block)), 0);
        }
        buffer[..filled].copy_from_slice(&self.tail);
        self.tail.clear();
        loop {
            if filled == buffer.len() {
                if buffer.len() < self.block {
                    // The input goes on past a small buffer: make it a whole block at once
                    // (doubling would copy the buffer and fault its pages in time and again).
                    grow(buffer, self.block, filled);
                } else if let Some(last_newline) = memchr::memrchr(b'\n', &buffer[..filled]) {
                    let end = last_newline + 1;
                    self.tail.extend_from_slice(&buffer[end..filled]);
                    return Ok(end);
                } else {
                    // A line longer than a block: make room for it.
                    grow(buffer, buffer.len() * 2, filled);
                }
            }
            let read = match self.reader.read(&mut buffer[filled..]) {
                Ok(read) => read,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            filled += read;
            if !self.bom_checked && (filled >= 3 || read == 0) {
                self.bom_checked = true;
                if buffer[..filled].starts_with(b"\xEF\xBB\xBF") {
                    buffer.copy_within(3..filled, 0);
                    filled -= 3;
                }
            }
            if read == 0 {
                self.done = true;
                return Ok(filled);
            }
        }
    }
}

/// Makes `buffer` `len` bytes long, keeping its first `keep` bytes. A new zeroed allocation
/// rather than `Vec::resize`: the system hands out zeroed pages, so nothing is written twice.
fn grow(buffer: &mut Vec<u8>, len: usize, keep: usize) {
    let mut bigger = vec![0_u8; len];
    bigger[..keep].copy_from_slice(&buffer[..keep]);
    *buffer = bigger;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives at most `step` bytes a call, then, if asked, fails.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
        fail_at_end: bool,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.data.is_empty() && self.fail_at_end {
                return Err(std::io::Error::other("disk gone"));
            }
            let n = self.step.min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn blocks_are_whole_lines_covering_the_stream_without_its_bom() {
        let cases: [(&[u8], &[u8]); 5] = [
            (b"", b""),
            (b"\xEF\xBB\xBF", b""),
            (b"\xEF\xBB", b"\xEF\xBB"),
            (b"\xEF\xBB\xBFa\nbb\n\nccc\r\nd", b"a\nbb\n\nccc\r\nd"),
            (b"a long line with no end", b"a long line with no end"),
        ];
        for (input, expected) in cases {
            for block in [1, 2, 3, 5, 64, 1 << 20] {
                for step in [1, 2, 7, 1000] {
                    let mut blocks = BlockReader::new(
                        Trickle {
                            data: input,
                            step,
                            fail_at_end: false,
                        },
                        block,
                    );
                    let (mut buffer, mut all) = (Vec::new(), Vec::new());
                    loop {
                        let end = blocks.fill(&mut buffer).unwrap();
                        if end == 0 {
                            break;
                        }
                        let got = &buffer[..end];
                        assert!(
                            got.ends_with(b"\n") || all.len() + end == expected.len(),
                            "a block cut a line: {got:?} ({block} {step})"
                        );
                        all.extend_from_slice(got);
                    }
                    assert_eq!(all, expected, "{block} {step}");
                    assert_eq!(blocks.fill(&mut buffer).unwrap(), 0, "ended stays ended");
                }
            }
        }
    }

    #[test]
    fn an_error_comes_after_the_blocks_read_before_it() {
        let mut blocks = BlockReader::new(
            Trickle {
                data: b"a\nb\nc",
                step: 2,
                fail_at_end: true,
            },
            4,
        );
        let mut buffer = Vec::new();
        let end = blocks.fill(&mut buffer).unwrap();
        assert_eq!(&buffer[..end], b"a\nb\n");
        assert!(blocks.fill(&mut buffer).is_err());
    }
}
