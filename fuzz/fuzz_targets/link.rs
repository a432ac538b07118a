//! Links: never a panic, only http, https and mailto get through, canonical forms are stable,
//! no accepted web link carries credentials and no accepted mailto link carries a header
//! beyond a subject and a body or more than one address.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_core::{Link, MAILTO_HEADERS};

fuzz_target!(|text: &str| {
    if let Ok(link) = Link::parse(text) {
        assert!(
            matches!(link.scheme(), "http" | "https" | "mailto"),
            "{link}"
        );
        let url = link.as_url();
        assert!(url.username().is_empty() && url.password().is_none(), "{link}");
        if link.scheme() == "mailto" {
            assert_eq!(url.path().matches('@').count(), 1, "{link}");
            for (name, _) in url.query_pairs() {
                assert!(
                    MAILTO_HEADERS.contains(&name.to_lowercase().as_str()),
                    "{link}"
                );
            }
        }
        let canonical = link.canonical();
        assert_eq!(Link::parse(canonical.as_str()).as_ref(), Ok(&canonical));
        assert_eq!(canonical.canonical(), canonical);
    }
});
