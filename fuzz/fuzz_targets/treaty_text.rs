//! Treaty texts: no text panics the parser, the reference finder, the exports or a proposal;
//! references point into the text; every line end reads alike; what is quoted of unplaced
//! lines stays bounded and counted; a text read without leftovers writes back to text that
//! reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_treaty::{
    MAX_UNPLACED, ProposalOptions, find_references, parse, propose, render, to_akn, to_html,
    to_markdown,
};

fuzz_target!(|text: &str| {
    for reference in find_references(text) {
        assert_eq!(
            text.get(reference.start..reference.end),
            Some(reference.text.as_str())
        );
    }
    let doc = parse(text);
    assert!(doc.unplaced.len() <= MAX_UNPLACED);
    assert!(doc.unplaced_omitted == 0 || doc.unplaced.len() == MAX_UNPLACED);
    // CR, NEL, U+2028 and U+2029 end lines as LF does (issue 18, item 6).
    let plain = !text.contains(['\r', '\u{85}', '\u{2028}', '\u{2029}']);
    if plain && text.len() < 4096 {
        for sep in ["\r", "\r\n", "\u{2028}"] {
            assert_eq!(parse(&text.replace('\n', sep)), doc, "{sep:?}");
        }
    }
    if doc.unplaced.is_empty() && doc.running_heads.is_empty() {
        let rendered = render(&doc);
        assert_eq!(parse(&rendered), doc, "{text:?} → {rendered:?}");
    }
    let _ = to_akn(&doc);
    let _ = to_html(&doc);
    let _ = to_markdown(&doc);
    // A proposal of the text against itself, with a reference taken from the text: refused
    // unless it is one token, never a panic.
    let reference = text.lines().next().unwrap_or("").chars().take(40).collect();
    let options = ProposalOptions {
        noc: true,
        reference: Some(reference),
    };
    if let Ok(proposal) = propose(&doc, &doc, &options) {
        let _ = render(&proposal);
    }
});
