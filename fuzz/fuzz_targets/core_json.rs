//! JSON into the core types: never a panic, and what is accepted round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_core::{Actor, DateSpan, Place, RecordKey, Translations};

fn round_trip<T>(bytes: &[u8])
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    if let Ok(value) = serde_json::from_slice::<T>(bytes) {
        let json = serde_json::to_string(&value).expect("core values always serialise");
        let back: T = serde_json::from_str(&json).expect("what was read reads again");
        assert_eq!(back, value);
    }
}

fuzz_target!(|bytes: &[u8]| {
    round_trip::<Actor>(bytes);
    round_trip::<Place>(bytes);
    round_trip::<DateSpan>(bytes);
    round_trip::<Translations>(bytes);
    round_trip::<RecordKey>(bytes);
});
