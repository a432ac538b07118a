//! Event date phrases ("3-14 December 2012", "early 2013", …): never a panic, and what is read
//! writes back, in English and in EDTF, to text that reads as the same span.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_core::DateSpan;
use plenary_events::{format_date_phrase, parse_date_phrase};

fuzz_target!(|text: &str| {
    for context in [None, Some(2012)] {
        if let Ok(span) = parse_date_phrase(text, context) {
            let english = format_date_phrase(&span);
            assert_eq!(
                parse_date_phrase(&english, context),
                Ok(span),
                "{text:?} → {english:?}"
            );
            let edtf = span.to_string();
            assert_eq!(edtf.parse::<DateSpan>(), Ok(span), "{text:?} → {edtf:?}");
        }
    }
});
