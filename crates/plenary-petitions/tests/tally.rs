//! The tally end to end: the fixture file, streaming reads, shards and merges, and arbitrary
//! input.

use std::io::Read;

use plenary_petitions::{
    CanonicalEmail, Period, SignatureRecord, SignatureState, Tally, TallyReport, tally_parallel,
};
use proptest::prelude::*;

const FIXTURE: &[u8] = include_bytes!("fixtures/signatures.ndjson");
const EXPECTED: &str = include_str!("fixtures/signatures.tally.json");
const MILESTONES: [u64; 4] = [1, 3, 4, 5];

fn tally(input: &[u8]) -> Tally {
    let mut tally = Tally::with_milestones(MILESTONES);
    tally.add_ndjson(input);
    tally
}

#[test]
fn the_fixture_gives_the_expected_report() {
    let expected: TallyReport = serde_json::from_str(EXPECTED).unwrap();
    let report = tally(FIXTURE).report();
    assert_eq!(report, expected);
    assert_eq!(
        report.lines,
        report.counted + report.duplicates + report.rejected
    );
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.starts_with(r#"{"lines":11,"counted":4,"duplicates":2,"rejected":5,"by_country":{"AE":1,"GH":1,"PT":1,"unknown":1},"milestones":[{"threshold":1,"reached_at":"2012-12-12T09:30:00Z"},"#), "{json}");
}

#[test]
fn out_of_order_timestamps_the_earliest_signature_wins() {
    // Ana signs at 15:00Z (from Brazil) and then, earlier in time but later in the file, at
    // 14:00Z (from Portugal): the 14:00 signature counts, with its country.
    let report = tally(FIXTURE).report();
    assert_eq!(report.by_country.get("BR"), None);
    assert_eq!(report.by_country["PT"], 1);
    // Ingrid signs twice at the same time: the earlier line (no country) wins.
    assert_eq!(report.by_country.get("SE"), None);
    assert_eq!(report.by_country["unknown"], 1);
    // Milestones follow signed_at, not the file: the first signer is Kwame, line 4.
    assert_eq!(
        report.milestones[0].reached_at.to_rfc3339(),
        "2012-12-12T09:30:00+00:00"
    );
}

/// A time series as (start in RFC 3339, signers) pairs.
fn series(tally: &Tally, period: Period) -> Vec<(String, u64)> {
    tally
        .time_series(period)
        .iter()
        .map(|p| (p.start.to_rfc3339(), p.signers))
        .collect()
}

#[test]
fn time_series_per_hour_and_day() {
    let t = tally(FIXTURE);
    assert_eq!(
        series(&t, Period::Hour),
        [
            ("2012-12-12T09:00:00+00:00".to_owned(), 1),
            ("2012-12-13T14:00:00+00:00".to_owned(), 1),
            ("2012-12-13T15:00:00+00:00".to_owned(), 1),
            ("2012-12-13T21:00:00+00:00".to_owned(), 1),
        ]
    );
    let days: Vec<u64> = t
        .time_series(Period::Day)
        .iter()
        .map(|p| p.signers)
        .collect();
    assert_eq!(days, [1, 3]);
}

#[test]
fn signatures_centuries_apart_count_alike_on_every_thread_count() {
    // More than 2^20 hours apart, so hours are counted in a map rather than an array.
    let mut input = String::new();
    for (i, time) in [
        "1700-01-01T00:00:00Z",
        "2200-06-01T12:30:00Z",
        "2012-12-13T19:00:00Z",
        "1700-01-01T00:10:00Z",
        "2200-06-01T12:00:00Z",
    ]
    .iter()
    .enumerate()
    {
        input.push_str(&format!(
            "{{\"name\": \"S{i}\", \"email\": \"s{i}@example.org\", \"signed_at\": \"{time}\"}}\n"
        ));
    }
    let single = tally(input.as_bytes());
    assert_eq!(
        series(&single, Period::Hour),
        [
            ("1700-01-01T00:00:00+00:00".to_owned(), 2),
            ("2012-12-13T19:00:00+00:00".to_owned(), 1),
            ("2200-06-01T12:00:00+00:00".to_owned(), 2),
        ]
    );
    let reached: Vec<String> = single
        .milestones()
        .iter()
        .map(|m| m.reached_at.to_rfc3339())
        .collect();
    assert_eq!(
        reached,
        [
            "1700-01-01T00:00:00+00:00",
            "2012-12-13T19:00:00+00:00",
            "2200-06-01T12:00:00+00:00",
            "2200-06-01T12:30:00+00:00"
        ]
    );
    for threads in 1..=4 {
        let parallel = tally_parallel(input.as_bytes(), &MILESTONES, threads);
        assert_eq!(parallel.report(), single.report(), "{threads} threads");
        assert_eq!(
            parallel.time_series(Period::Day),
            single.time_series(Period::Day)
        );
        assert_eq!(
            parallel.time_series(Period::Hour),
            single.time_series(Period::Hour)
        );
    }
}

#[test]
fn tens_of_thousands_of_signers_report_alike_on_every_thread_count() {
    // Enough signers for the report's passes and the table filling to use several threads; in
    // the second input a few signatures centuries away make hours count in a map.
    let countries = ["\"GB\"", "\"KE\"", "\"AE\"", "null"];
    for far_flung in [false, true] {
        let mut input = String::new();
        for i in 0..80_000_u32 {
            let signer = i % 70_000;
            let year = match i {
                7 if far_flung => 1700,
                8 if far_flung => 2200,
                _ => 2012,
            };
            input.push_str(&format!(
                "{{\"name\": \"S\", \"email\": \"s{signer}@example.org\", \"country\": {}, \
                 \"signed_at\": \"{year}-12-{:02}T{:02}:{:02}:00Z\"}}\n",
                countries[(i % 4) as usize],
                3 + i % 11,
                i % 24,
                i % 60,
            ));
        }
        let milestones = [1, 100, 50_000, 70_000, 70_001];
        let mut single = Tally::with_milestones(milestones);
        single.add_ndjson(input.as_bytes());
        let report = single.report();
        assert_eq!((report.counted, report.duplicates), (70_000, 10_000));
        assert_eq!(report.milestones.len(), 4);
        for threads in [2, 3] {
            let parallel = tally_parallel(input.as_bytes(), &milestones, threads);
            assert_eq!(parallel.report(), report, "{threads} threads");
            for period in [Period::Hour, Period::Day] {
                assert_eq!(parallel.time_series(period), single.time_series(period));
            }
        }
    }
}

#[test]
fn the_first_and_last_periods_of_the_range_have_their_start() {
    // The hour and day holding the earliest time a tally can hold start before it.
    let input = b"{\"name\": \"A\", \"email\": \"a@example.org\", \"signed_at\": \"1677-09-21T12:00:00Z\"}\n\
                  {\"name\": \"B\", \"email\": \"b@example.org\", \"signed_at\": \"2262-04-11T23:00:00Z\"}\n";
    let tally = tally(input);
    assert_eq!(tally.errors(), []);
    assert_eq!(
        series(&tally, Period::Day),
        [
            ("1677-09-21T00:00:00+00:00".to_owned(), 1),
            ("2262-04-11T00:00:00+00:00".to_owned(), 1)
        ]
    );
    assert_eq!(
        series(&tally, Period::Hour),
        [
            ("1677-09-21T12:00:00+00:00".to_owned(), 1),
            ("2262-04-11T23:00:00+00:00".to_owned(), 1)
        ]
    );
}

#[test]
fn repeated_signers_stay_within_48_bytes_each() {
    // 10,000 signers, each signing 20 times: the table must grow with the signers, not with
    // the signatures (once it made room ahead for every batch, and reached 180 bytes a signer).
    let mut input = String::new();
    for round in 0..20 {
        for signer in 0..10_000 {
            input.push_str(&format!(
                "{{\"name\": \"S\", \"email\": \"s{signer}@example.org\", \
                 \"signed_at\": \"2012-12-13T{:02}:00:00Z\"}}\n",
                round
            ));
        }
    }
    let mut single = Tally::new();
    single.add_ndjson(input.as_bytes());
    let parallel = tally_parallel(input.as_bytes(), &[], 2);
    let mut streamed = Tally::new();
    streamed.read_ndjson(input.as_bytes()).unwrap();
    for tally in [single, parallel, streamed] {
        assert_eq!((tally.counted(), tally.duplicates()), (10_000, 190_000));
        let per_signer = tally.signer_memory_bytes() as f64 / tally.counted() as f64;
        assert!(per_signer <= 48.0, "{per_signer} bytes per signer");
    }
}

#[test]
fn public_count_has_no_errors_and_no_emails() {
    let json = serde_json::to_string(&tally(FIXTURE).public_count()).unwrap();
    assert_eq!(
        json,
        r#"{"signature_count":4,"signatures_by_country":{"AE":1,"GH":1,"PT":1,"unknown":1}}"#
    );
}

/// A reader that hands out a few bytes at a time, to cross every block boundary.
struct Trickle<'a>(&'a [u8], usize);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn reading_a_stream_equals_reading_a_buffer() {
    for step in [1, 2, 3, 7, 64, 1 << 20] {
        let mut streamed = Tally::with_milestones(MILESTONES);
        streamed.read_ndjson(Trickle(FIXTURE, step)).unwrap();
        assert_eq!(streamed.report(), tally(FIXTURE).report(), "step {step}");
    }
}

/// A file read through a memory map counts as the same bytes in memory, on one thread or two,
/// with a byte order mark, without a final newline, with bad lines; an empty file is streamed.
#[test]
fn reading_a_file_equals_reading_its_bytes() {
    let dir = std::env::temp_dir().join(format!("plenary-read-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut big = Vec::new();
    for n in 0..30_000 {
        big.extend_from_slice(
            format!(
                "{{\"name\": \"S\", \"email\": \"s{}@example.org\", \"signed_at\": \"2012-12-13T{:02}:00:00Z\"}}\r\n",
                n % 20_000,
                n % 24
            )
            .as_bytes(),
        );
    }
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(FIXTURE);
    let unterminated = FIXTURE.strip_suffix(b"\n").unwrap_or(FIXTURE);
    for (name, bytes) in [
        ("fixture", FIXTURE),
        ("bom", &with_bom[..]),
        ("unterminated", unterminated),
        ("bad", &b"{\"name\": \"\xff\"}\nnot json\n\n"[..]),
        ("empty", &b""[..]),
        ("big", &big[..]),
    ] {
        let path = dir.join(format!("{name}.ndjson"));
        std::fs::write(&path, bytes).unwrap();
        let mut expected = Tally::with_milestones(MILESTONES);
        expected.add_ndjson(bytes);
        for threads in [1, 2] {
            let mut mapped = Tally::with_milestones(MILESTONES);
            mapped
                .read_file_on(std::fs::File::open(&path).unwrap(), threads)
                .unwrap();
            assert_eq!(
                mapped.report(),
                expected.report(),
                "{name}, {threads} threads"
            );
            assert_eq!(mapped.lines(), expected.lines(), "{name}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn blank_lines_before_a_block_end_keep_their_numbers() {
    // Found by the petitions_ndjson fuzz target: a block ending in two newlines lost a line.
    let input = b"\n\n\"";
    let mut streamed = Tally::new();
    streamed.read_ndjson(&input[..]).unwrap();
    assert_eq!(streamed.errors()[0].line, 3);
    assert_eq!(streamed.report(), tally(input).report());
}

#[test]
fn every_thread_count_gives_the_same_report() {
    let single = tally(FIXTURE).report();
    for threads in 1..=8 {
        assert_eq!(
            tally_parallel(FIXTURE, &MILESTONES, threads).report(),
            single,
            "{threads} threads"
        );
    }
}

fn line() -> impl Strategy<Value = String> {
    let name = prop_oneof![Just("Ana"), Just(""), Just("Bo")];
    let email = prop_oneof![
        Just("ana@example.org"),
        Just("ANA+x@example.org"),
        Just("a.na@gmail.com"),
        Just("ana@googlemail.com"),
        Just("bo@example.org"),
        Just("cy@bücher.example"),
        Just("bad@localhost"),
    ];
    let country = prop_oneof![Just("\"GB\""), Just("\"KE\""), Just("null"), Just("\"UK\"")];
    (name, email, country, 0_u32..6, 0_u32..3).prop_map(|(name, email, country, hour, kind)| {
        match kind {
            0 => String::new(),
            1 if hour == 5 => "{broken".to_owned(),
            _ => format!(
                r#"{{"name": "{name}", "email": "{email}", "country": {country}, "signed_at": "2012-12-13T{:02}:00:00Z"}}"#,
                10 + hour
            ),
        }
    })
}

proptest! {
    #[test]
    fn merging_shards_equals_the_tally_of_the_whole(
        lines in prop::collection::vec(line(), 0..40),
        cut in 0_usize..40,
        crlf in any::<bool>(),
        step in 1_usize..64,
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let cut = cut.min(lines.len());
        let first: String = lines[..cut].iter().map(|l| format!("{l}{end}")).collect();
        let second: String = lines[cut..].iter().map(|l| format!("{l}{end}")).collect();
        let whole = format!("{first}{second}");

        let mut a = Tally::with_milestones(MILESTONES);
        let next = a.add_ndjson_from(first.as_bytes(), 1);
        let mut b = Tally::with_milestones(MILESTONES);
        b.add_ndjson_from(second.as_bytes(), next);
        // Either order of merging gives the same tally.
        let mut ab = a.clone();
        ab.merge(b.clone());
        let mut ba = b;
        ba.merge(a);

        let expected = tally(whole.as_bytes()).report();
        // The reference: every line on its own.
        let mut by_line = Tally::with_milestones(MILESTONES);
        for (i, text) in lines.iter().enumerate() {
            by_line.add_line(i as u64 + 1, text.as_bytes());
        }
        prop_assert_eq!(&by_line.report(), &expected);
        prop_assert_eq!(&ab.report(), &expected);
        prop_assert_eq!(&ba.report(), &expected);
        prop_assert_eq!(
            expected.lines,
            expected.counted + expected.duplicates + expected.rejected + expected.states.values().sum::<u64>()
        );
        prop_assert_eq!(&tally_parallel(whole.as_bytes(), &MILESTONES, 3).report(), &expected);
        let mut streamed = Tally::with_milestones(MILESTONES);
        streamed.read_ndjson(Trickle(whole.as_bytes(), step)).unwrap();
        prop_assert_eq!(&streamed.report(), &expected);
    }

    #[test]
    fn no_line_panics(bytes in prop::collection::vec(any::<u8>(), 0..200), text in "\\PC{0,80}") {
        let mut tally = Tally::with_milestones(MILESTONES);
        tally.add_ndjson(&bytes);
        tally.add_line(1, text.as_bytes());
        let json = format!(r#"{{"name": {text:?}, "email": {text:?}, "country": {text:?}, "signed_at": {text:?}}}"#);
        tally.add_line(2, json.as_bytes());
        let report = tally.report();
        prop_assert_eq!(report.lines, report.counted + report.duplicates + report.rejected);
    }

    /// A tally fed records equals the tally fed the same signatures as NDJSON.
    #[test]
    fn records_count_like_ndjson(
        signatures in prop::collection::vec(
            (0_usize..5, prop::option::of(0_usize..3), 0_i64..200_000, 0_usize..5),
            0..60,
        ),
    ) {
        let emails = ["ana@example.org", "ANA+x@example.org", "a.na@gmail.com", "bo@example.org", "cy@bücher.example"];
        let countries = ["GB", "KE", "BR"];
        let mut ndjson = String::new();
        let mut records = Tally::with_milestones(MILESTONES);
        for (i, &(email, country, seconds, state)) in signatures.iter().enumerate() {
            let signed_at = chrono::DateTime::from_timestamp(1_355_400_000 + seconds, 0).unwrap();
            let state = SignatureState::ALL[state];
            let country_json = country.map_or("null".to_owned(), |c| format!("\"{}\"", countries[c]));
            ndjson.push_str(&format!(
                "{{\"name\": \"N\", \"email\": \"{}\", \"country\": {country_json}, \"signed_at\": \"{}\", \"state\": \"{state}\"}}\n",
                emails[email],
                signed_at.to_rfc3339(),
            ));
            let canonical = CanonicalEmail::new(emails[email]).unwrap();
            records.add(&SignatureRecord {
                email: &canonical,
                signed_at,
                country: country.map(|c| countries[c].parse().unwrap()),
                state,
                position: i as u64 + 1,
            });
        }
        let from_ndjson = tally(ndjson.as_bytes());
        prop_assert_eq!(records.report(), from_ndjson.report());
        prop_assert_eq!(records.time_series(Period::Hour), from_ndjson.time_series(Period::Hour));
    }
}

#[test]
fn history_sums_to_the_tally_in_json_and_csv() {
    let t = tally(FIXTURE);
    for period in [Period::Hour, Period::Day] {
        let history = t.history(period);
        assert_eq!(history.counted, t.counted());
        assert_eq!(
            history.points.iter().map(|p| p.signatures).sum::<u64>(),
            t.counted()
        );
        assert_eq!(
            history.points.last().map(|p| p.cumulative),
            Some(t.counted())
        );
        let series: Vec<(chrono::DateTime<chrono::Utc>, u64)> = t
            .time_series(period)
            .iter()
            .map(|p| (p.start, p.signers))
            .collect();
        let points: Vec<_> = history
            .points
            .iter()
            .map(|p| (p.start, p.signatures))
            .collect();
        assert_eq!(points, series);
    }
    let json = serde_json::to_string(&t.history(Period::Hour)).unwrap();
    assert_eq!(
        json,
        r#"{"period":"hour","counted":4,"points":[{"start":"2012-12-12T09:00:00Z","signatures":1,"cumulative":1},{"start":"2012-12-13T14:00:00Z","signatures":1,"cumulative":2},{"start":"2012-12-13T15:00:00Z","signatures":1,"cumulative":3},{"start":"2012-12-13T21:00:00Z","signatures":1,"cumulative":4}]}"#
    );
    let mut csv = Vec::new();
    t.history(Period::Day).write_csv(&mut csv).unwrap();
    assert_eq!(
        String::from_utf8(csv).unwrap(),
        "start,signatures,cumulative\n2012-12-12T00:00:00Z,1,1\n2012-12-13T00:00:00Z,3,4\n"
    );
}

#[test]
fn rejected_lines_are_diagnostics_that_say_what_the_reason_says() {
    let input = concat!(
        "{\"name\": \"Ana\"\n",
        "{\"name\": \"\", \"email\": \"a@b.org\", \"signed_at\": \"2012-12-13T19:00:00Z\"}\n",
        "{\"name\": \"Ana\", \"email\": \"ana@localhost\", \"signed_at\": \"2012-12-13T19:00:00Z\"}\n",
        "{\"name\": \"Ana\", \"email\": \"a@b.org\", \"country\": \"XX\", \"signed_at\": \"2012-12-13T19:00:00Z\"}\n",
        "{\"name\": \"Ana\", \"email\": \"a@b.org\", \"signed_at\": \"yesterday\"}\n",
        "{\"name\": \"Ana\", \"email\": \"a@b.org\", \"signed_at\": \"2012-12-13T19:00:00Z\", \"state\": \"x@y\"}\n",
        "{\"name\": 7, \"email\": \"a@b.org\", \"signed_at\": \"2012-12-13T19:00:00Z\"}\n",
    );
    let mut tally = Tally::new();
    tally.add_ndjson(input.as_bytes());
    let diagnostics: Vec<_> = tally.diagnostics().collect();
    let lines: Vec<usize> = diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, [1, 2, 3, 4, 5, 6, 7]);
    for (error, diagnostic) in tally.errors().iter().zip(&diagnostics) {
        let reason = error.reason.to_string();
        assert_eq!(diagnostic.column, None);
        // The reason reads `head "value"tail`; the diagnostic keeps the value as its text.
        if diagnostic.text.is_empty() {
            assert_eq!(diagnostic.expected, reason);
        } else {
            let quoted = format!(" {:?}", diagnostic.text);
            assert_eq!(
                diagnostic.expected,
                reason.replacen(&quoted, "", 1),
                "{reason}"
            );
        }
        let shown = diagnostic.to_string();
        assert!(
            shown.starts_with(&format!("line {}: ", error.line)),
            "{shown}"
        );
        assert!(!shown.contains("ana@") && !shown.contains("x@"), "{shown}");
    }
    assert_eq!(diagnostics[2].text, "…@localhost");
    assert_eq!(
        tally.errors()[2].diagnostic_unmasked().text,
        "ana@localhost"
    );
    assert_eq!(diagnostics[3].text, "XX");
    assert_eq!(diagnostics[5].text, "…@y");
}
