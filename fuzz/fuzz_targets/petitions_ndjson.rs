//! Signatures NDJSON: no input panics the tally, its lines add up, and reading it from a
//! buffer, from a stream or on several threads gives the same report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_petitions::{Tally, tally_parallel};

const MILESTONES: [u64; 3] = [1, 2, 5];

fuzz_target!(|data: &[u8]| {
    let mut tally = Tally::with_milestones(MILESTONES);
    tally.add_ndjson(data);
    let report = tally.report();
    assert_eq!(
        report.lines,
        report.counted + report.duplicates + report.rejected
    );
    assert_eq!(tally_parallel(data, &MILESTONES, 3).report(), report);
    let mut streamed = Tally::with_milestones(MILESTONES);
    streamed
        .read_ndjson(data)
        .expect("reading a byte slice cannot fail");
    assert_eq!(streamed.report(), report);
});
