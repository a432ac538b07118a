//! Identifiers, countries, language tags, time zones, tags and names: never a panic, and what
//! is accepted reads back as itself; no accepted id has an empty, `.` or `..` segment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_core::{Country, EventId, LanguageTag, Name, Tag, TimeZone};

fuzz_target!(|text: &str| {
    if let Ok(id) = text.parse::<EventId>() {
        assert_eq!(id.as_str(), text);
        // An id can name a file: no segment may be empty, "." or "..".
        assert!(
            text.split('/')
                .all(|segment| !matches!(segment, "" | "." | ".."))
        );
    }
    if let Ok(country) = text.parse::<Country>() {
        assert_eq!(country.code().parse::<Country>(), Ok(country));
    }
    let _ = Country::from_name(text);
    if let Ok(tag) = text.parse::<LanguageTag>() {
        assert_eq!(tag.as_str().parse::<LanguageTag>().as_ref(), Ok(&tag));
    }
    if let Ok(zone) = text.parse::<TimeZone>() {
        assert_eq!(zone.name(), text);
    }
    if let Ok(tag) = Tag::slugify(text) {
        assert_eq!(Tag::new(tag.as_str()).as_ref(), Ok(&tag));
    }
    if let Ok(name) = Name::new(text) {
        assert_eq!(Name::new(name.as_str()).as_ref(), Ok(&name));
    }
});
