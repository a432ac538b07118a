//! Signatures NDJSON: no input panics the tally, its lines add up, and reading it line by line,
//! from a buffer, from a stream or on several threads gives the same report and time series.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_petitions::{Period, Tally, tally_parallel};

const MILESTONES: [u64; 3] = [1, 2, 5];

fuzz_target!(|data: &[u8]| {
    // The reference: every line on its own, numbered from 1 after a byte order mark.
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let lines: Vec<&[u8]> = body.split(|&b| b == b'\n').collect();
    let mut by_line = Tally::with_milestones(MILESTONES);
    for (i, text) in lines.iter().enumerate() {
        if i + 1 < lines.len() || !text.is_empty() {
            by_line.add_line(i as u64 + 1, text);
        }
    }
    let report = by_line.report();
    let mut tally = Tally::with_milestones(MILESTONES);
    tally.add_ndjson(data);
    assert_eq!(tally.report(), report);
    for period in [Period::Hour, Period::Day] {
        assert_eq!(tally.time_series(period), by_line.time_series(period));
    }
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
