//! The life of a signature in a `SignatureBook`: state changes, invalidation rules with their
//! counts and undoing, withdrawal, and anonymisation that keeps every count.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use plenary_petitions::{
    CanonicalEmail, Error, Invalidation, InvalidationRule, Signature, SignatureBook,
    SignatureState, Verdict,
};

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2012, 12, 13, hour, 0, 0).unwrap()
}

fn person(name: &str, email: &str, country: &str, hour: u32, origin: &str) -> Signature {
    serde_json::from_value(serde_json::json!({
        "petition": "accessnow/internet-belongs-to-us",
        "signer": {"person": {"name": name, "email": email, "country": country, "affiliation": "EFF"}},
        "signed_at": at(hour),
        "consent": {"show_name": true},
        "origin": origin,
    }))
    .unwrap()
}

/// Ana (BR, twice), Bo (KE, disposable domain), Cy (GB, bot name), Di (pending), and an
/// organisation with a contact.
fn book() -> SignatureBook {
    let mut book = SignatureBook::new();
    let confirmed = SignatureState::Confirmed;
    book.add(
        person("Ana", "ana@example.org", "BR", 10, "site"),
        confirmed,
    )
    .unwrap();
    book.add(
        person("Ana", "Ana+2@example.org", "BR", 11, "site"),
        confirmed,
    )
    .unwrap();
    book.add(
        person("Bo", "bo@mailinator.com", "KE", 12, "partner"),
        confirmed,
    )
    .unwrap();
    book.add(
        person("Test Bot 7", "cy@example.net", "GB", 13, "partner"),
        confirmed,
    )
    .unwrap();
    book.add(
        person("Di", "di@example.org", "GB", 14, "site"),
        SignatureState::Pending,
    )
    .unwrap();
    let org: Signature = serde_json::from_value(serde_json::json!({
        "petition": "accessnow/internet-belongs-to-us",
        "signer": {"organization": {"name": "EFF", "country": "US", "contact": "press@eff.org"}},
        "signed_at": at(15),
    }))
    .unwrap();
    book.add(org, confirmed).unwrap();
    book
}

fn invalidation(rule: InvalidationRule) -> Invalidation {
    Invalidation {
        rule,
        verdict: Verdict::Invalidated,
        applied_by: "moderator".into(),
        applied_at: at(20),
        reason: "review".into(),
    }
}

#[test]
fn state_changes_are_recorded_with_when_and_why() {
    let mut book = book();
    assert_eq!(book.tally([]).counted(), 4);
    book.confirm(4, at(16)).unwrap();
    assert_eq!(book.tally([]).counted(), 5);
    let di = &book.entries()[4];
    assert_eq!(di.state, SignatureState::Confirmed);
    assert_eq!(di.changes.len(), 1);
    assert_eq!(
        (di.changes[0].from, di.changes[0].to, di.changes[0].at),
        (SignatureState::Pending, SignatureState::Confirmed, at(16))
    );
    assert_eq!(di.changes[0].reason, "email confirmed");
    book.change(3, SignatureState::Fraudulent, at(17), "bot")
        .unwrap();
    assert_eq!(book.tally([]).in_state(SignatureState::Fraudulent), 1);
    // Neither back to confirmed nor out of a final state.
    for (position, to) in [
        (3, SignatureState::Confirmed),
        (3, SignatureState::Withdrawn),
    ] {
        match book.change(position, to, at(18), "no") {
            Err(Error::Transition {
                position: p,
                from,
                to: t,
            }) => {
                assert_eq!((p, from, t), (3, SignatureState::Fraudulent, to));
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(matches!(
        book.confirm(99, at(18)),
        Err(Error::NotFound { .. })
    ));
    let message = book.confirm(0, at(18)).unwrap_err().to_string();
    assert_eq!(
        message,
        "signature 0 cannot go from confirmed to confirmed; expected pending -> confirmed, and \
         pending or confirmed -> invalidated, fraudulent or withdrawn"
    );
}

#[test]
fn every_invalidation_rule_reports_matched_and_invalidated() {
    let window = InvalidationRule::TimeWindow {
        from: at(12),
        until: at(14),
    };
    for (rule, matched, invalidated, counted_after) in [
        (
            InvalidationRule::EmailDomain("MAILINATOR.com".into()),
            1,
            1,
            3,
        ),
        (
            InvalidationRule::CanonicalEmail(CanonicalEmail::new("ana@example.org").unwrap()),
            2,
            2,
            3,
        ),
        (InvalidationRule::NamePattern("test bot *".into()), 1, 1, 3),
        (InvalidationRule::Country("GB".parse().unwrap()), 2, 2, 3),
        (window, 2, 2, 2),
        (InvalidationRule::Origin("partner".into()), 2, 2, 2),
    ] {
        let mut book = book();
        let report = book.apply(invalidation(rule.clone())).unwrap();
        assert_eq!(
            (report.matched, report.invalidated),
            (matched, invalidated),
            "{rule:?}"
        );
        let tally = book.tally([]);
        assert_eq!(tally.counted(), counted_after, "{rule:?}");
        assert_eq!(
            tally.lines(),
            tally.counted()
                + tally.duplicates()
                + tally.rejected()
                + tally.states().values().sum::<u64>()
        );
        // Undone, the book counts as before.
        assert_eq!(
            book.undo(report.id, "lead", at(21), "too broad").unwrap(),
            invalidated
        );
        assert_eq!(
            book.tally([]).report(),
            self::book().tally([]).report(),
            "{rule:?}"
        );
        assert!(matches!(
            book.undo(report.id, "lead", at(22), "again"),
            Err(Error::NotFound { .. })
        ));
        assert_eq!(
            book.invalidations()[0].undone.as_ref().unwrap().restored,
            invalidated
        );
    }
}

#[test]
fn a_fraud_verdict_and_states_it_cannot_touch() {
    let mut book = book();
    book.withdraw(
        &CanonicalEmail::new("bo@mailinator.com").unwrap(),
        at(19),
        "asked",
    )
    .unwrap();
    let report = book
        .apply(Invalidation {
            verdict: Verdict::Fraudulent,
            ..invalidation(InvalidationRule::Origin("partner".into()))
        })
        .unwrap();
    // Bo matched but, withdrawn, stays withdrawn.
    assert_eq!((report.matched, report.invalidated), (2, 1));
    let tally = book.tally([]);
    assert_eq!(tally.in_state(SignatureState::Fraudulent), 1);
    assert_eq!(tally.in_state(SignatureState::Withdrawn), 1);
    let bad = invalidation(InvalidationRule::EmailDomain("not a domain".into()));
    assert!(matches!(book.apply(bad), Err(Error::InvalidEmail { .. })));
    assert_eq!(
        book.invalidations().len(),
        1,
        "a refused rule is not recorded"
    );
}

#[test]
fn a_signer_withdraws_every_signature_of_theirs() {
    let mut book = book();
    let ana = CanonicalEmail::new("ANA@example.org").unwrap();
    assert_eq!(book.withdraw(&ana, at(19), "changed my mind").unwrap(), 2);
    let tally = book.tally([]);
    assert_eq!((tally.counted(), tally.duplicates()), (3, 0));
    assert_eq!(tally.states()["withdrawn"], 2);
    assert_eq!(book.entries()[1].changes[0].reason, "changed my mind");
    assert!(matches!(
        book.withdraw(&ana, at(20), "again"),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn anonymisation_keeps_every_public_count() {
    let mut book = book();
    book.apply(invalidation(InvalidationRule::Origin("partner".into())))
        .unwrap();
    let closed = at(23);
    let retention = TimeDelta::days(183);
    let before = book.tally([1, 2, 3]);
    assert!(matches!(
        book.anonymise(closed, retention, closed + TimeDelta::days(30)),
        Err(Error::Invalid { .. })
    ));
    assert_eq!(
        book.anonymise(closed, retention, closed + retention)
            .unwrap(),
        6
    );
    let after = book.tally([1, 2, 3]);
    assert_eq!(after.public_count(), before.public_count());
    assert_eq!(after.report(), before.report());
    assert_eq!(
        after.time_series(plenary_petitions::Period::Hour),
        before.time_series(plenary_petitions::Period::Hour)
    );
    let json = serde_json::to_string(&book).unwrap();
    for private in ["ana@", "Ana", "bo@", "Test Bot", "EFF\"}", "press@eff.org"] {
        assert!(!json.contains(private), "{private} left in {json}");
    }
    assert!(
        json.contains("\"name\":\"EFF\""),
        "an organisation's name is not personal"
    );
    assert!(book.entries()[0].signature.public().unwrap().name.is_none());
}

#[test]
fn an_organisation_without_contact_cannot_be_counted_once() {
    let org: Signature = serde_json::from_value(serde_json::json!({
        "petition": "p",
        "signer": {"organization": {"name": "EFF"}},
        "signed_at": at(15),
    }))
    .unwrap();
    let err = SignatureBook::new()
        .add(org, SignatureState::Confirmed)
        .unwrap_err();
    assert!(err.to_string().contains("without a contact email"), "{err}");
}
