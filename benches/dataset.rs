//! Dataset JSON load (parse, then validate as a whole) over a generated dataset of about 33 MB:
//! the embedded WCIT-12 dataset and 599 renamed copies of its items, every copy cross-linked within
//! itself so that every reference still resolves. The sizes follow the embedded data; the bench
//! prints them (27,600 actors, 7,800 events, 15,600 resources, 3,600 documents, 1,200 petitions
//! and 55,800 provenance entries when written).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use plenary::Dataset;
use serde_json::{Map, Value};

/// How many copies of the WCIT-12 items the generated dataset holds, the original included.
const COPIES: usize = 600;

/// The WCIT-12 dataset with `COPIES - 1` copies of its actors, events, resources, documents,
/// petitions and provenance, each copy's ids suffixed `/c<k>` in their definitions and in every
/// reference to them. The sources are shared, so provenance still points at them.
fn generate() -> String {
    let wcit12 = serde_json::to_value(plenary::datasets::wcit12())
        .expect("the embedded dataset converts to a JSON value");
    let Value::Object(mut out) = wcit12.clone() else {
        unreachable!("a dataset is a JSON object")
    };
    for k in 1..COPIES {
        let suffix = format!("/c{k}");
        for part in ["actors", "events", "resources", "documents", "petitions"] {
            let Some(Value::Array(items)) = wcit12.get(part) else {
                continue;
            };
            let copies = items.iter().map(|item| {
                let mut item = item.clone();
                rename(part, &mut item, &suffix);
                item
            });
            if let Some(Value::Array(list)) = out.get_mut(part) {
                list.extend(copies);
            }
        }
        if let (Some(Value::Object(provenance)), Some(Value::Object(all))) =
            (wcit12.get("provenance"), out.get_mut("provenance"))
        {
            for (key, sources) in provenance {
                all.insert(format!("{key}{suffix}"), sources.clone());
            }
        }
    }
    plenary::Dataset::from_json(&Value::Object(out).to_string())
        .expect("the generated dataset reads")
        .to_json()
}

/// Suffixes the item's own id and every id it names, as `Dataset::validate` follows them.
fn rename(part: &str, item: &mut Value, suffix: &str) {
    let Value::Object(item) = item else { return };
    suffix_at(item, "id", suffix);
    match part {
        "actors" => {
            suffix_at(item, "affiliation", suffix);
            suffix_each(item, "member_of", suffix);
        }
        "events" => {
            suffix_each(item, "organisers", suffix);
            suffix_at(item, "parent", suffix);
            if let Some(Value::Array(agenda)) = item.get_mut("agenda") {
                for entry in agenda.iter_mut().filter_map(Value::as_object_mut) {
                    suffix_each(entry, "documents", suffix);
                }
            }
        }
        "resources" => {
            if let Some(Value::Array(authors)) = item.get_mut("authors") {
                for author in authors.iter_mut().filter_map(Value::as_object_mut) {
                    suffix_at(author, "actor", suffix);
                }
            }
            if let Some(Value::Object(publisher)) = item.get_mut("publisher") {
                suffix_at(publisher, "actor", suffix);
            }
            for list in ["related_events", "related_documents", "related_petitions"] {
                suffix_each(item, list, suffix);
            }
        }
        "petitions" => {
            suffix_each(item, "sponsors", suffix);
            suffix_each(item, "supporters", suffix);
            if let Some(Value::Array(targets)) = item.get_mut("targets") {
                for target in targets.iter_mut().filter_map(Value::as_object_mut) {
                    suffix_at(target, "actor", suffix);
                }
            }
        }
        _ => {}
    }
}

fn suffix_at(object: &mut Map<String, Value>, key: &str, suffix: &str) {
    if let Some(Value::String(id)) = object.get_mut(key) {
        id.push_str(suffix);
    }
}

fn suffix_each(object: &mut Map<String, Value>, key: &str, suffix: &str) {
    if let Some(Value::Array(ids)) = object.get_mut(key) {
        for id in ids {
            if let Value::String(id) = id {
                id.push_str(suffix);
            }
        }
    }
}

fn bench(c: &mut Criterion) {
    let json = generate();
    let dataset = match Dataset::load(&json) {
        Ok(dataset) => dataset,
        Err(err) => panic!("the generated dataset must be valid: {err}"),
    };
    eprintln!(
        "{:.1} MB of JSON: {} actors, {} events, {} resources, {} documents, {} petitions, {} provenance entries",
        json.len() as f64 / 1e6,
        dataset.actors.len(),
        dataset.events.len(),
        dataset.resources.len(),
        dataset.documents.len(),
        dataset.petitions.len(),
        dataset.provenance.len()
    );

    let mut group = c.benchmark_group("dataset");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("load", |b| {
        b.iter(|| Dataset::load(black_box(&json)).map(|d| d.events.len()))
    });
    group.bench_function("from_json", |b| {
        b.iter(|| Dataset::from_json(black_box(&json)).map(|d| d.events.len()))
    });
    group.bench_function("validate", |b| b.iter(|| black_box(&dataset).validate()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
