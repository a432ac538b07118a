//! Datasets: no JSON panics the reader or the validator, and a dataset that reads writes back
//! to JSON that reads as the same dataset.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::Dataset;

fuzz_target!(|json: &str| {
    if let Ok(dataset) = Dataset::from_json(json) {
        let _ = dataset.validate();
        let written = dataset.to_json();
        assert_eq!(Dataset::from_json(&written).as_ref().ok(), Some(&dataset), "{written}");
    }
});
