//! Links: never a panic, only http, https and mailto get through, canonical forms are stable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_core::Link;

fuzz_target!(|text: &str| {
    if let Ok(link) = Link::parse(text) {
        assert!(
            matches!(link.scheme(), "http" | "https" | "mailto"),
            "{link}"
        );
        let canonical = link.canonical();
        assert_eq!(Link::parse(canonical.as_str()).as_ref(), Ok(&canonical));
        assert_eq!(canonical.canonical(), canonical);
    }
});
