//! Property tests of folding: one char at a time is the whole text, and folding twice is
//! folding once.

use plenary_core::fold::{fold, fold_char_into};
use proptest::prelude::*;

/// Text mixing the scripts and marks folding deals with: ASCII, Latin with accents, Greek,
/// Cyrillic, Arabic with harakat, CJK, combining marks, compatibility forms, and any char.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[ -~]{1,8}",
            "[À-ſ]{1,4}",
            "[Ά-ώ]{1,4}",
            "[Ѐ-ӿ]{1,4}",
            "[ء-ي\u{64b}-\u{652}]{1,4}",
            "[\u{300}-\u{36f}]{1,2}",
            "[一-龥，：]{1,3}",
            "[ﬀ-ﬆＡ-ｚ]{1,3}",
            any::<char>().prop_map(String::from),
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn folding_char_by_char_is_folding_the_text(s in text()) {
        let mut out = String::new();
        for c in s.chars() {
            fold_char_into(c, &mut out);
        }
        prop_assert_eq!(out, fold(&s));
    }

    #[test]
    fn folding_twice_is_folding_once(s in text()) {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once);
    }
}
