//! Treaty texts: no text panics the parser, the reference finder or the exports; references
//! point into the text; a text read without leftovers writes back to text that reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_treaty::{find_references, parse, render, to_akn, to_html, to_markdown};

fuzz_target!(|text: &str| {
    for reference in find_references(text) {
        assert_eq!(
            text.get(reference.start..reference.end),
            Some(reference.text.as_str())
        );
    }
    let doc = parse(text);
    if doc.unplaced.is_empty() {
        let rendered = render(&doc);
        assert_eq!(parse(&rendered), doc, "{text:?} → {rendered:?}");
    }
    let _ = to_akn(&doc);
    let _ = to_html(&doc);
    let _ = to_markdown(&doc);
});
