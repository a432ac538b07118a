//! Signatures NDJSON: no input panics the tally, its lines add up (states and unlisted errors
//! included), and reading it line by line, from a buffer, from a stream or on several threads
//! gives the same report and time series, with the full error list and with a short one. The
//! input is also tried as the `state` and the `email` of an otherwise valid line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_petitions::{Period, Tally, TallyReport, tally_parallel};

const MILESTONES: [u64; 3] = [1, 2, 5];

fn adds_up(report: &TallyReport) {
    assert_eq!(
        report.lines,
        report.counted + report.duplicates + report.rejected + report.states.values().sum::<u64>()
    );
    assert_eq!(
        report.rejected,
        report.errors.len() as u64 + report.unlisted_errors.values().sum::<u64>()
    );
}

fn check(data: &[u8], error_limit: usize) {
    // The reference: every line on its own, numbered from 1 after a byte order mark.
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let lines: Vec<&[u8]> = body.split(|&b| b == b'\n').collect();
    let mut by_line = Tally::with_milestones(MILESTONES);
    by_line.set_error_limit(error_limit);
    for (i, text) in lines.iter().enumerate() {
        if i + 1 < lines.len() || !text.is_empty() {
            by_line.add_line(i as u64 + 1, text);
        }
    }
    let report = by_line.report();
    adds_up(&report);
    assert!(report.errors.len() <= error_limit);
    let mut tally = Tally::with_milestones(MILESTONES);
    tally.set_error_limit(error_limit);
    tally.add_ndjson(data);
    assert_eq!(tally.report(), report);
    assert_eq!(tally.report_unmasked().unlisted_errors, report.unlisted_errors);
    for period in [Period::Hour, Period::Day] {
        assert_eq!(tally.time_series(period), by_line.time_series(period));
    }
    let history = tally.history(Period::Hour);
    assert_eq!(history.points.last().map_or(0, |p| p.cumulative), report.counted);
    let mut parallel = tally_parallel(data, &MILESTONES, 3);
    parallel.set_error_limit(error_limit);
    assert_eq!(parallel.report(), report);
    let mut streamed = Tally::with_milestones(MILESTONES);
    streamed.set_error_limit(error_limit);
    streamed
        .read_ndjson_on(data, 2)
        .expect("reading a byte slice cannot fail");
    assert_eq!(streamed.report(), report);
}

fuzz_target!(|data: &[u8]| {
    check(data, 1000);
    check(data, 1);
    if let Ok(text) = std::str::from_utf8(data) {
        let value = serde_json::to_string(text).expect("a string is JSON");
        let lines = format!(
            "{{\"name\": \"N\", \"email\": \"a@b.org\", \"signed_at\": \"2012-12-13T19:00:00Z\", \"state\": {value}}}\n\
             {{\"name\": \"N\", \"email\": {value}, \"signed_at\": \"2012-12-13T19:00:00Z\"}}\n\
             {{\"name\": \"N\", \"email\": \"user@example.org\", \"signed_at\": \"2012-12-13T19:00:00Z\"}}\n"
        );
        let mut tally = Tally::new();
        tally.add_ndjson(lines.as_bytes());
        let report = tally.report();
        adds_up(&report);
        assert_eq!(report.lines, 3);
        assert!(report.counted >= 1);
    }
});
