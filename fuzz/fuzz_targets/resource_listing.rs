//! Resource listings: no text panics the importer, every line it could not place is reported
//! with its true number and text, every non-blank line is a resource, a description, a
//! heading or a report, no heading holds a dash between words, and the streaming report gives
//! the same lines as the collected one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_resources::{ListingOptions, import_listing, import_listing_reporting, to_listing};

fuzz_target!(|text: &str| {
    let import = import_listing(text, &ListingOptions::default());
    let lines: Vec<&str> = text.strip_prefix('\u{feff}').unwrap_or(text).lines().collect();
    for unparsed in &import.unparsed {
        let line = unparsed.line.checked_sub(1).and_then(|i| lines.get(i));
        assert_eq!(line, Some(&unparsed.text.as_str()), "line {}", unparsed.line);
    }
    let non_blank = lines.iter().filter(|l| !l.trim().is_empty()).count();
    let described = import
        .resources
        .iter()
        .filter(|r| !r.description.is_empty())
        .count();
    assert_eq!(
        import.resources.len() + described + import.sections.len() + import.unparsed.len(),
        non_blank
    );
    for section in &import.sections {
        assert!(
            !section.name.contains(" - ") && !section.name.ends_with(" -"),
            "{section:?}"
        );
    }
    let mut streamed = Vec::new();
    let again = import_listing_reporting(text, &ListingOptions::default(), |u| streamed.push(u));
    assert_eq!(streamed, import.unparsed);
    assert_eq!(again.resources, import.resources);
    let _ = to_listing(&import.resources, &[]);
});
