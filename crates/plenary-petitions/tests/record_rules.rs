//! A petition's own check, `Petition::validate`: the rules that span its fields.

use plenary_petitions::Petition;

fn petition(extra: &str) -> Petition {
    let json = format!(
        r#"{{"id": "p", "kind": "petition", "title": "T", "text": {{"lang": "en", "text": "x"}},
            "status": "open"{extra}}}"#
    );
    serde_json::from_str(&json).expect("the test petitions are well formed")
}

#[test]
fn petitions_that_hold_together_pass() {
    for extra in [
        "",
        r#", "launched": "2012-11", "closes": "2012-12-14""#,
        r#", "launched": "2012-11-20", "closes": "2012-11""#,
        r#", "launched": "2012-11-20", "closes": "2012-11-20""#,
        r#", "goal": 1"#,
        r#", "milestones": [{"threshold": 1000}, {"threshold": 10000}]"#,
        r#", "milestones": [{"threshold": 1000}]"#,
    ] {
        if let Err(err) = petition(extra).validate() {
            panic!("{extra}: {err}");
        }
    }
}

#[test]
fn each_rule_is_named_when_broken() {
    for (extra, message) in [
        (
            r#", "launched": "2012-12-01", "closes": "2012-11-30""#,
            "invalid petition \"p\": it closes (2012-11-30) before it was launched (2012-12-01); \
             expected a closing date on or after the launch",
        ),
        (
            r#", "launched": "2013", "closes": "2012-12""#,
            "invalid petition \"p\": it closes (2012-12) before it was launched (2013); \
             expected a closing date on or after the launch",
        ),
        (
            r#", "goal": 0"#,
            "invalid petition \"p\": its goal is 0 signatures; expected a positive number",
        ),
        (
            r#", "milestones": [{"threshold": 1000}, {"threshold": 1000}]"#,
            "invalid petition \"p\": milestone 1 (1000) does not rise above milestone 0 (1000); \
             expected thresholds in ascending order",
        ),
        (
            r#", "milestones": [{"threshold": 10}, {"threshold": 100}, {"threshold": 50}]"#,
            "invalid petition \"p\": milestone 2 (50) does not rise above milestone 1 (100); \
             expected thresholds in ascending order",
        ),
    ] {
        let err = petition(extra).validate().expect_err(extra).to_string();
        assert_eq!(err, message, "{extra}");
    }
}
