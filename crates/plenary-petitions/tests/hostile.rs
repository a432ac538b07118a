//! Regressions for the hostile inputs of issue 18 that concern the tally: memory per rejected
//! line (item 2), emails in the report (13), one mailbox counted several times (14), and type
//! errors reported for the right line (19).

use plenary_petitions::{DEFAULT_ERROR_LIMIT, Tally, tally_parallel};

fn line(email: &str) -> String {
    format!(
        "{{\"name\": \"N\", \"email\": {}, \"signed_at\": \"2012-12-13T19:00:00Z\"}}\n",
        serde_json::to_string(email).unwrap()
    )
}

/// Item 2: a million two-byte bad lines keep a thousand reasons, and every count stays exact.
#[test]
fn millions_of_bad_lines_keep_only_the_first_reasons() {
    let input = b"x\n".repeat(1_000_000);
    for tally in [
        {
            let mut t = Tally::new();
            t.add_ndjson(&input);
            t
        },
        tally_parallel(&input, &[], 2),
    ] {
        let report = tally.report();
        assert_eq!((report.lines, report.rejected), (1_000_000, 1_000_000));
        assert_eq!(report.errors.len(), DEFAULT_ERROR_LIMIT);
        assert_eq!(report.errors.last().map(|e| e.line), Some(1000));
        assert_eq!(report.unlisted_errors["not_json"], 999_000);
        let json = serde_json::to_string(&report).unwrap();
        assert!(json.len() < 200_000, "{} bytes of report", json.len());
    }
    let mut small = Tally::new();
    small.set_error_limit(2);
    small.add_ndjson(b"x\n{\"name\": \"\"}\nx\n{}\n");
    let report = small.report();
    assert_eq!(
        report.errors.iter().map(|e| e.line).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(
        serde_json::to_string(&report.unlisted_errors).unwrap(),
        r#"{"empty_name":1,"not_json":1}"#
    );
}

/// Item 13: no reason in the report shows an email address, whatever field holds it; the
/// operator's report shows the values as given.
#[test]
fn no_email_address_in_the_report() {
    let input = [
        line("ana.silva@localhost"),
        line("mailto:ana.silva@example.org"),
        line("ana.silva@example..org"),
        line("ana.silva.example.org"),
        "{\"name\": \"N\", \"email\": \"x@y.org\", \"country\": \"ana.silva@example.org\", \"signed_at\": \"2012-12-13T19:00:00Z\"}\n".into(),
        "{\"name\": \"N\", \"email\": \"x@y.org\", \"signed_at\": \"ana.silva@example.org\"}\n".into(),
        "{\"name\": \"N\", \"email\": \"x@y.org\", \"signed_at\": \"2012-12-13T19:00:00Z\", \"state\": \"ana.silva@example.org\"}\n".into(),
    ]
    .concat();
    let mut tally = Tally::new();
    tally.add_ndjson(input.as_bytes());
    let report = serde_json::to_string(&tally.report()).unwrap();
    assert_eq!(tally.rejected(), 7, "{report}");
    assert!(!report.contains("ana.silva"), "{report}");
    let unmasked = serde_json::to_string(&tally.report_unmasked()).unwrap();
    assert_eq!(unmasked.matches("ana.silva").count(), 7, "{unmasked}");
}

/// Item 14: one mailbox written eight ways is one signer.
#[test]
fn one_mailbox_counts_once() {
    let variants = [
        "user@example.org",
        "user(comment)@example.org",
        "\"user\"@example.org",
        "ｕｓｅｒ@example.org",
        "USER@EXAMPLE.ORG",
        "user+petition@example.org",
    ];
    let mut input: String = variants.iter().map(|v| line(v)).collect();
    input.push_str(&line("jos\u{e9}@example.org"));
    input.push_str(&line("jose\u{301}@example.org"));
    // Refused rather than counted as new signers.
    input.push_str(&line("mailto:user@example.org"));
    input.push_str(&line("us\u{200b}er@example.org"));
    let mut tally = Tally::new();
    tally.add_ndjson(input.as_bytes());
    let report = tally.report();
    assert_eq!(
        (report.counted, report.duplicates, report.rejected),
        (2, 6, 2)
    );
    assert!(
        report.errors[0].reason.contains("mailto:"),
        "{:?}",
        report.errors
    );
    assert!(
        report.errors[1].reason.contains("invisible"),
        "{:?}",
        report.errors
    );
}

/// Item 19: a type error on line 11 is reported for line 11 with its column, not as a nested
/// "line 1 column 9".
#[test]
fn type_errors_are_reported_for_their_own_line() {
    let mut input = line("a@b.org").repeat(10);
    input.push_str(
        "{\"name\": 5, \"email\": \"a@b.org\", \"signed_at\": \"2012-12-13T19:00:00Z\"}\n",
    );
    let mut tally = Tally::new();
    tally.add_ndjson(input.as_bytes());
    let errors = &tally.report().errors;
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 11);
    assert_eq!(
        errors[0].reason,
        "field \"name\" at column 10: invalid type: integer `5`, expected a string; expected a string or null"
    );
}
