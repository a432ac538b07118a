//! EDTF dates and spans: never a panic, and whatever is read writes back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_core::{DateSpan, PartialDate};

fuzz_target!(|text: &str| {
    if let Ok(date) = text.parse::<PartialDate>() {
        assert_eq!(date.to_string().parse::<PartialDate>(), Ok(date));
        assert!(date.earliest() <= date.latest());
    }
    if let Ok(span) = text.parse::<DateSpan>() {
        let written = span.to_string();
        assert_eq!(written.parse::<DateSpan>(), Ok(span));
        if let Some(last) = span.latest() {
            assert!(span.earliest() <= last);
        }
    }
});
