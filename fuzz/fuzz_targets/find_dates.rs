//! Dates in running text: never a panic; every mention is a slice of the text, in order and
//! apart from the others; every span found writes to EDTF that reads back as itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_core::DateSpan;
use plenary_events::{DateContext, Language, find_dates};

fuzz_target!(|text: &str| {
    let contexts = [
        DateContext::new(),
        DateContext::in_year(2012).month(12),
        DateContext::in_year(2012).language(Language::French).month_first(),
        DateContext::in_year(1999).language(Language::Chinese),
    ];
    for context in contexts {
        let mut last_end = 0;
        for found in find_dates(text, &context) {
            let range = found.range();
            assert!(range.start >= last_end && range.start < range.end, "{range:?} in {text:?}");
            assert!(text.get(range.clone()).is_some(), "{range:?} in {text:?}");
            last_end = range.end;
            if let Some(span) = found.mention.days() {
                let edtf = span.to_string();
                assert_eq!(edtf.parse::<DateSpan>(), Ok(span), "{edtf}");
            }
        }
    }
});
