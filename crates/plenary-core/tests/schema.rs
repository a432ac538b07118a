//! The JSON Schemas of the core types (with the `schemars` feature) describe their JSON forms.
#![cfg(feature = "schemars")]

use plenary_core::{Actor, Place};
use schemars::schema_for;
use serde_json::{Value, json};

#[test]
fn actor_schema_names_its_fields_and_text_forms() {
    let schema = serde_json::to_value(schema_for!(Actor)).unwrap();
    let properties = &schema["properties"];
    assert_eq!(schema["required"], json!(["id", "name", "kind"]));
    assert_eq!(properties["id"]["$ref"], "#/$defs/ActorId");
    assert_eq!(
        schema["$defs"]["ActorId"]["pattern"],
        "^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$"
    );
    assert_eq!(schema["$defs"]["Country"]["pattern"], "^[A-Za-z]{2}$");
    assert_eq!(schema["additionalProperties"], Value::Bool(false));
    let kinds = &schema["$defs"]["ActorKind"];
    assert!(
        kinds.to_string().contains("regional_telecom_organization"),
        "{kinds}"
    );
}

#[test]
fn place_schema_bounds_coordinates() {
    let schema = serde_json::to_value(schema_for!(Place)).unwrap();
    let geo = &schema["$defs"]["GeoPoint"]["properties"];
    assert_eq!(geo["latitude"]["minimum"], json!(-90.0));
    assert_eq!(geo["longitude"]["maximum"], json!(180.0));
}
