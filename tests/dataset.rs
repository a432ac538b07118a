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
    dataset.events[0].title = " ".into();
    let problems = dataset.validate().unwrap_err();
    let lines: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0].starts_with("$.events[0]: invalid event"),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].ends_with("is blank; expected the event's name"),
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
