//! Datasets: no bytes panic the reader or the validator, a dataset that reads writes back to
//! JSON that reads as the same dataset, bytes that are not UTF-8 are refused at the offset
//! where they stop being UTF-8, and a byte order mark changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::{Dataset, Error};

fuzz_target!(|bytes: &[u8]| {
    let read = Dataset::from_json_bytes(bytes);
    match std::str::from_utf8(bytes) {
        Ok(json) => {
            if let Ok(dataset) = Dataset::from_json(json) {
                let _ = dataset.validate();
                let written = dataset.to_json();
                assert_eq!(Dataset::from_json(&written).as_ref().ok(), Some(&dataset), "{written}");
                if !json.starts_with('\u{feff}') {
                    let with_bom = format!("\u{feff}{json}");
                    assert_eq!(Dataset::from_json(&with_bom).ok().as_ref(), Some(&dataset));
                }
                assert_eq!(read.ok().as_ref(), Some(&dataset));
            }
        }
        Err(_) => match read {
            Err(Error::NotUtf8(plenary::core::Error::InvalidUtf8 { offset, .. })) => {
                let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                let Err(err) = std::str::from_utf8(body) else {
                    panic!("bytes that are not UTF-8 are not UTF-8 after their byte order mark");
                };
                assert_eq!(offset, bytes.len() - body.len() + err.valid_up_to());
            }
            other => panic!("{other:?}"),
        },
    }
});
