//! The lowest layer beside the block reader: a file's bytes read where the system keeps them,
//! through a read-only memory map, never copied into a buffer of ours.
//!
//! This is the one place of the workspace that uses `unsafe`, because mapping a file is
//! `unsafe` in Rust: nothing in the language stops another process from changing the file
//! while it is mapped. What that would do here is said at [`map`] and at
//! [`Tally::read_file_on`](crate::Tally::read_file_on).
#![allow(unsafe_code)]

use std::fs::File;

use memmap2::{Advice, Mmap, MmapOptions};

/// The bytes of `file`, mapped read-only, or `None` when it is not worth or not possible to
/// map (an empty file, a file longer than the address space, a file system that does not
/// map); the caller then streams it.
///
/// While the map lives, the file must not be shortened: a page past the new end would end
/// the process with `SIGBUS` when it is read. Bytes changed in place are read as they are at
/// the moment they are read (the tally stays memory-safe: it reads them as any other bytes).
pub(crate) fn map(file: &File) -> Option<Mmap> {
    let len = file.metadata().ok()?.len();
    if len == 0 || usize::try_from(len).is_err() {
        return None;
    }
    // SAFETY: the map is read-only and private, made from an open file handle and dropped
    // before the call that made it returns; no reference into it outlives it. What memmap2
    // cannot rule out is another process changing the file meanwhile; the callers document
    // that a file being written by others is to be streamed instead.
    let map = unsafe { MmapOptions::new().map(file) }.ok()?;
    // Read in order: the system reads ahead. Only advice; a refusal changes nothing.
    let _ = map.advise(Advice::Sequential);
    Some(map)
}
