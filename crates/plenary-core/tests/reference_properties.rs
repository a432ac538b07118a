//! Property tests for record keys, folding and escaping: round trips, idempotence, and no input
//! that makes them panic.

#![allow(clippy::unwrap_used)]

use plenary_core::{RecordKey, RecordKind, fold, html_escape, markdown_escape};
use proptest::prelude::*;
use proptest::sample::select;

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9._-]{0,40}(/[a-z0-9][a-z0-9._-]{0,20}){0,3}"
}

proptest! {
    #[test]
    fn record_keys_round_trip_through_text_and_json(
        kind in select(RecordKind::ALL.to_vec()),
        id in slug(),
    ) {
        let text = format!("{}/{id}", kind.part());
        let key: RecordKey = text.parse().unwrap();
        prop_assert_eq!(key.kind(), kind);
        prop_assert_eq!(key.id(), id.as_str());
        prop_assert_eq!(key.to_string(), text.clone());
        let json = serde_json::to_string(&key).unwrap();
        prop_assert_eq!(serde_json::from_str::<RecordKey>(&json).unwrap(), key);
    }

    #[test]
    fn record_keys_sort_as_their_text(
        a in (select(RecordKind::ALL.to_vec()), slug()),
        b in (select(RecordKind::ALL.to_vec()), slug()),
    ) {
        let (ta, tb) = (format!("{}/{}", a.0.part(), a.1), format!("{}/{}", b.0.part(), b.1));
        let (ka, kb): (RecordKey, RecordKey) = (ta.parse().unwrap(), tb.parse().unwrap());
        prop_assert_eq!(ka.cmp(&kb), ta.cmp(&tb));
    }

    #[test]
    fn any_text_as_a_record_key_is_a_key_or_an_error(text in any::<String>()) {
        if let Ok(key) = text.parse::<RecordKey>() {
            prop_assert_eq!(key.to_string(), text);
        }
    }

    #[test]
    fn folding_is_idempotent_and_case_blind(text in any::<String>()) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once.clone());
        prop_assert_eq!(fold(&text.to_uppercase()), fold(&text.to_lowercase()));
    }

    #[test]
    fn escaped_markdown_has_no_line_break_and_no_bare_syntax(text in any::<String>()) {
        let escaped = markdown_escape(&text);
        prop_assert!(!escaped.contains(['\n', '\r']));
        let mut chars = escaped.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                prop_assert!(chars.next().is_some(), "a lone backslash ends {:?}", escaped);
            } else {
                prop_assert!(!"`*_[]<>&|~#!(){}=^".contains(c), "{:?} in {:?}", c, escaped);
            }
        }
    }

    #[test]
    fn escaped_html_has_no_markup_characters(text in any::<String>()) {
        let escaped = html_escape(&text);
        prop_assert!(!escaped.contains(['<', '>', '"', '\'']));
        for (i, _) in escaped.match_indices('&') {
            let rest = &escaped[i..];
            prop_assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| rest.starts_with(e)),
                "{:?}", escaped
            );
        }
    }
}
