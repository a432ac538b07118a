//! Resource listings: no text panics the importer, and every line it could not place is
//! reported with its true number and text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_resources::{ListingOptions, import_listing, to_listing};

fuzz_target!(|text: &str| {
    let import = import_listing(text, &ListingOptions::default());
    let lines: Vec<&str> = text.strip_prefix('\u{feff}').unwrap_or(text).lines().collect();
    for unparsed in &import.unparsed {
        let line = unparsed.line.checked_sub(1).and_then(|i| lines.get(i));
        assert_eq!(line, Some(&unparsed.text.as_str()), "line {}", unparsed.line);
    }
    let _ = to_listing(&import.resources, &[]);
});
