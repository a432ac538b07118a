//! The dataset end to end: the embedded WCIT-12 story against its JSON Schema, loading errors with
//! their JSON paths, and validation that reports every problem at once.

use plenary::{Dataset, Error, Problem};
use serde_json::json;

#[test]
fn the_embedded_dataset_validates_against_the_generated_schema() {
    let schema = Dataset::json_schema();
    let validator = jsonschema::validator_for(&schema).expect("the generated schema is valid");
    let dataset = serde_json::to_value(plenary::datasets::wcit12()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&dataset)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_schema_refuses_what_the_types_refuse() {
    let validator = jsonschema::validator_for(&Dataset::json_schema()).unwrap();
    for bad in [
        json!({"schema_version": 1, "actors": [{"id": "Bad Id", "name": "X", "kind": "company"}]}),
        json!({"schema_version": 1, "actors": [{"id": "x", "name": "X", "kind": "ngo"}]}),
        json!({"schema_version": 1, "actors": [{"id": "x", "name": "X", "kind": "company", "size": 3}]}),
        json!({"schema_version": 1, "rumours": []}),
        json!({"actors": []}),
    ] {
        assert!(!validator.is_valid(&bad), "{bad}");
        assert!(
            serde_json::from_value::<Dataset>(bad.clone()).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn a_bad_value_is_reported_with_its_path_line_and_column() {
    let json = r#"{
  "schema_version": 1,
  "actors": [
    {"id": "itu", "name": "International Telecommunication Union", "kind": "un_body"},
    {"id": "isoc", "name": "Internet Society", "kind": "civil_society", "country": "UK"}
  ]
}"#;
    match Dataset::from_json(json) {
        Err(Error::Json {
            path,
            line,
            message,
            ..
        }) => {
            assert_eq!(path, "$.actors[1].country");
            assert_eq!(line, 5);
            assert!(message.starts_with(r#"unknown country "UK""#), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let err = Dataset::from_json(r#"{"schema_version": 2}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unsupported schema_version 2: this version of plenary reads schema_version 1"
    );
    let err = Dataset::from_json("{").unwrap_err().to_string();
    assert!(
        err.starts_with("invalid dataset JSON at $ (line 1, column 1)"),
        "{err}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let json = json!({
        "schema_version": 1,
        "actors": [
            {"id": "cdt", "name": "CDT", "kind": "civil_society"},
            {"id": "cdt", "name": "CDT again", "kind": "civil_society"}
        ],
        "events": [
            {"id": "wcit-12", "title": "WCIT-12", "kind": "conference",
             "when": "2012-12-03/2012-12-14", "organisers": ["itu"],
             "agenda": [{"title": "Approval", "documents": ["wcit-12/dt-1"]}]},
            {"id": "wcit-12/plenary", "title": "Plenary", "kind": "plenary_session",
             "when": "2012-12-15", "parent": "wcit-12"}
        ],
        "resources": [
            {"id": "cdt/timeline", "title": "Timeline", "kind": "timeline",
             "description": "Meetings on the road to Dubai.",
             "authors": [{"actor": "cdt"}], "related_petitions": ["accessnow/gone"]}
        ],
        "provenance": {"events/wcit-12": ["seed/missing"], "petitions/gone": []}
    });
    let dataset = Dataset::from_json(&json.to_string()).unwrap();
    let problems = dataset.validate().unwrap_err();
    let lines: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            r#"$.actors[1].id: id "cdt" is used again; $.actors[0] has it first"#,
            r#"$.events[0].organisers[0]: actor "itu" is not in the dataset"#,
            r#"$.events[0].agenda[0].documents[0]: document "wcit-12/dt-1" is not in the dataset"#,
            r#"$.resources[0].related_petitions[0]: petition "accessnow/gone" is not in the dataset"#,
            r#"$.provenance["events/wcit-12"][0]: source "seed/missing" is not in the dataset"#,
            r#"$.provenance["petitions/gone"]: petition "gone" is not in the dataset"#,
            r#"$.events[1].when: event "wcit-12/plenary" (2012-12-15) falls outside "wcit-12" (2012-12-03/2012-12-14), which it is part of"#,
        ]
    );
    assert!(matches!(problems.0[0], Problem::DuplicateId { .. }));
    assert!(matches!(Dataset::load(&json.to_string()), Err(Error::Invalid(p)) if p.0.len() == 7));
}

#[test]
fn a_provenance_key_that_names_no_kind_of_record_is_refused_on_reading() {
    let json = json!({"schema_version": 1, "provenance": {"rumours/x": []}}).to_string();
    match Dataset::from_json(&json) {
        Err(Error::Json { path, message, .. }) => {
            assert!(path.starts_with("$.provenance"), "{path}");
            assert!(
                message.starts_with(r#"invalid record key "rumours/x": "rumours" is not a part"#),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_record_changed_through_its_fields_is_caught_by_its_own_check() {
    let mut dataset = plenary::datasets::wcit12();
    dataset.petitions[0].goal = Some(0);
    // A title is a `Name` and cannot be blank; a description can be set to hold a bell.
    dataset.events[0].description = Some("ring\u{7}".into());
    let problems = dataset.validate().unwrap_err();
    let lines: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0].starts_with("$.events[0]: invalid event"),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].ends_with(
            "the description holds the control character U+0007 at character 5; expected text \
             whose only control characters are line breaks and tabs"
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("$.petitions[0]: invalid petition")
            && lines[1].ends_with("its goal is 0 signatures; expected a positive number"),
        "{}",
        lines[1]
    );
    assert!(matches!(problems.0[1], Problem::InvalidRecord { .. }));
}

#[test]
fn typed_lookups_find_each_kind_of_record() {
    let story = plenary::datasets::wcit12();
    let itu = "itu".parse().unwrap();
    assert_eq!(story.actor(&itu).map(|a| a.short_name()), Some("ITU"));
    let wcit = "wcit-12".parse().unwrap();
    assert!(story.event(&wcit).is_some());
    let resource = story.resources[0].id.clone();
    assert_eq!(story.resource(&resource).map(|r| &r.id), Some(&resource));
    let document = story.documents[0].id.clone().unwrap();
    assert!(story.document(&document).is_some());
    let petition = story.petitions[0].id.clone();
    assert!(story.petition(&petition).is_some());
    let source = story.sources[0].id.clone();
    assert!(story.source(&source).is_some());
    assert!(story.actor(&"nobody".parse().unwrap()).is_none());
    let key = plenary::RecordKey::Event(wcit);
    assert!(!story.sources_of(&key).is_empty());
}

#[test]
fn a_saved_dataset_loads_back_equal() {
    let dataset = plenary::datasets::wcit12();
    let json = dataset.to_json();
    assert_eq!(Dataset::load(&json).unwrap(), dataset);
}

fn event(id: &str, parent: Option<&str>) -> serde_json::Value {
    let mut event = json!({"id": id, "title": id, "kind": "conference"});
    if let Some(parent) = parent {
        event["parent"] = json!(parent);
    }
    event
}

#[test]
fn hostile_15_parent_cycles_are_refused_naming_their_members() {
    let json = json!({
        "schema_version": 1,
        "events": [
            event("a", Some("b")),
            event("b", Some("a")),
            event("c", Some("h")),
            event("d", Some("e")),
            event("e", Some("f")),
            event("f", Some("e")),
            event("g", Some("a")),
            event("h", None),
            event("i", Some("h")),
        ]
    });
    let dataset = Dataset::from_json(&json.to_string()).unwrap();
    let problems = dataset.validate().unwrap_err();
    let lines: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            r#"$.events[0].parent: the events "a" → "b" → "a" are each part of the next, so each is part of itself; expected a chain of parents that ends"#,
            r#"$.events[4].parent: the events "e" → "f" → "e" are each part of the next, so each is part of itself; expected a chain of parents that ends"#,
        ]
    );
    assert_eq!(
        problems.0[0],
        Problem::ParentCycle {
            path: "$.events[0].parent".into(),
            members: vec!["a".into(), "b".into()],
        }
    );
}

#[test]
fn hostile_15_a_long_chain_of_parents_is_checked_in_one_walk() {
    let mut events: Vec<serde_json::Value> = (0..50_000)
        .map(|i| {
            event(
                &format!("e{i}"),
                (i > 0).then(|| format!("e{}", i - 1)).as_deref(),
            )
        })
        .collect();
    let dataset =
        Dataset::from_json(&json!({"schema_version": 1, "events": events}).to_string()).unwrap();
    assert!(dataset.validate().is_ok());
    events[0]["parent"] = json!("e49999");
    let dataset =
        Dataset::from_json(&json!({"schema_version": 1, "events": events}).to_string()).unwrap();
    match &dataset.validate().unwrap_err().0[..] {
        [Problem::ParentCycle { path, members }] => {
            assert_eq!(path, "$.events[0].parent");
            assert_eq!(members.len(), 50_000);
            assert_eq!((members[0].as_str(), members[1].as_str()), ("e0", "e49999"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn hostile_09_duplicate_provenance_keys_are_refused_with_their_path() {
    let json = r#"{
  "schema_version": 1,
  "sources": [{"id": "seed/a", "title": "A"}, {"id": "seed/b", "title": "B"}],
  "provenance": {
    "sources/seed-a": ["seed/a"],
    "sources/seed-a": ["seed/b"]
  }
}"#;
    match Dataset::from_json(json) {
        Err(Error::Json {
            path,
            line,
            message,
            ..
        }) => {
            assert_eq!(path, "$.provenance");
            assert_eq!(line, 6);
            assert_eq!(
                message,
                r#"duplicate provenance key "sources/seed-a"; expected each key once, with all its sources in one list"#
            );
        }
        other => panic!("{other:?}"),
    }
    let once = json.replace(
        "\"sources/seed-a\": [\"seed/b\"]",
        "\"sources/seed-b\": [\"seed/b\"]",
    );
    assert_eq!(Dataset::from_json(&once).unwrap().provenance.len(), 2);
}

#[test]
fn hostile_19_a_byte_order_mark_before_a_dataset_is_accepted() {
    let dataset = Dataset::from_json("\u{feff}{\"schema_version\": 1}").unwrap();
    assert_eq!(dataset, Dataset::default());
    let dataset = Dataset::from_json_bytes(b"\xEF\xBB\xBF{\"schema_version\": 1}").unwrap();
    assert_eq!(dataset, Dataset::default());
}

#[test]
fn hostile_19_one_bad_byte_in_a_dataset_is_reported_where_it_is() {
    let mut json = plenary::datasets::wcit12().to_json().into_bytes();
    let at = json.len() / 2;
    json[at] = 0xFF;
    let line = 1 + json[..at].iter().filter(|&&b| b == b'\n').count();
    match Dataset::from_json_bytes(&json) {
        Err(Error::NotUtf8(plenary::core::Error::InvalidUtf8 {
            line: l, offset, ..
        })) => {
            assert_eq!((l, offset), (line, at));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_json_error_is_also_a_diagnostic_with_the_column_in_characters() {
    let json = "{\"schema_version\": 1,\n\"actors\": [{\"id\": \"itu\", \"name\": \"Union é\", \"kind\": \"un_body\", \"country\": \"UK\"}]}";
    let Err(Error::Json {
        line,
        column,
        diagnostic,
        ..
    }) = Dataset::from_json(json)
    else {
        panic!("expected a JSON error");
    };
    assert_eq!((line, diagnostic.line), (2, 2));
    let text = json.lines().nth(1).unwrap();
    // The reader counts bytes; the diagnostic counts characters (`é` is two bytes).
    let byte = column - 1;
    assert_eq!(
        diagnostic.column,
        Some(text[..byte].chars().count() + 1),
        "{diagnostic}"
    );
    assert!(
        text.contains(&diagnostic.text) && diagnostic.text.contains("UK"),
        "{diagnostic}"
    );
    assert!(
        diagnostic.to_string().starts_with("line 2, column "),
        "{diagnostic}"
    );
    assert!(
        diagnostic
            .expected
            .starts_with("$.actors[0].country: unknown country \"UK\""),
        "{diagnostic}"
    );

    // One line of megabytes is quoted by an excerpt.
    let long = format!(
        "{{\"schema_version\": 1, \"sources\": [{}], \"actors\": 7}}",
        vec![r#"{"id": "s", "title": "t", "link": "https://example.org/"}"#; 20_000].join(",")
    );
    let Err(Error::Json { diagnostic, .. }) = Dataset::from_json(&long) else {
        panic!("expected a JSON error");
    };
    assert_eq!(diagnostic.line, 1);
    assert!(diagnostic.text.chars().count() <= 80, "{}", diagnostic.text);
    assert!(
        diagnostic.text.contains("\"actors\": 7"),
        "{}",
        diagnostic.text
    );
}
