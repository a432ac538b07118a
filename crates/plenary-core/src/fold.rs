//! Folding text for comparison: one function that serves every script.
//!
//! Search, name matching, treaty keywords and canonical forms all need two spellings of the
//! same words to compare equal: `"Télécoms"` and `"TELECOMS"`, `"Οδυσσεύς"` and `"ΟΔΥΣΣΕΥΣ"`,
//! `"Tiếng Việt"` and `"tieng viet"`, `"مُحَمَّد"` and `"محمد"`. [`fold`] does this with the
//! Unicode algorithms, through ICU4X (the Unicode Consortium's own Rust libraries, which the
//! `url` crate already builds on for IDNA):
//!
//! 1. full case folding (`icu_casemap`): `ß` → `ss`, final `ς` → `σ`, `İ` → `i̇`;
//! 2. compatibility decomposition, NFKD (`icu_normalizer`): `é` → `e` + U+0301, `ﬁ` → `fi`,
//!    full-width `Ａ` → `a`;
//! 3. every non-spacing mark removed (General_Category `Mn`, from `icu_properties`): the
//!    accents of Latin, Greek and Cyrillic letters, Vietnamese tone marks, Arabic harakat and
//!    the hamza and madda of alef variants;
//! 4. what must stay ours: a few Latin letters that Unicode gives no decomposition (`ø` → `o`,
//!    `ł` → `l`, `đ` → `d`, `æ` → `ae`, `œ` → `oe`, `þ` → `th`, …), and typographic
//!    apostrophes (`’`, `ʼ`) made `'`.
//!
//! The result is for comparing and indexing, never for display.
//!
//! [`fold_case`] is the lighter fold for identifiers where accents matter, such as the local
//! part of an email address: case folding and NFC only, so that `José` and `JOSÉ` are one and
//! `josé` and `jose` stay two.

use icu_casemap::CaseMapperBorrowed;
use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use icu_properties::CodePointMapData;
use icu_properties::props::GeneralCategory;

/// `text` folded for comparison: case-folded and decomposed (NFKD) as Unicode's compatibility
/// caseless matching does, stripped of non-spacing marks, with the Latin letters Unicode does not
/// decompose spelled plain.
///
/// Two texts that differ only in case, accents, tone marks, Arabic vowel signs or compatibility
/// forms fold to the same string, in every script.
///
/// ```
/// use plenary_core::fold;
///
/// assert_eq!(fold("Emma Llansó"), "emma llanso");
/// assert_eq!(fold("Straße"), "strasse");
/// assert_eq!(fold("ΟΔΥΣΣΕΥΣ"), fold("Οδυσσεύς"));
/// assert_eq!(fold("Ёлка"), "елка");
/// assert_eq!(fold("Tiếng Việt"), "tieng viet");
/// assert_eq!(fold("مُحَمَّد"), "محمد");
/// ```
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // ASCII folds to its lower case: no decomposition, no marks, no plain spellings.
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

// Folding one char at a time, for callers that must map folded text back to the text as
// written (treaty keywords: a match in folded text names the words on the page). [`fold`] is
// this, char after char, so both fold alike.

/// Appends `c` folded as [`fold`] folds it: case-folded, decomposed (NFKD), non-spacing marks
/// dropped, the Latin letters Unicode does not decompose spelled plain.
///
/// A char may fold to several (`ß` → `ss`, `ﬁ` → `fi`) or to none (a combining accent). Folding a
/// text char by char with this gives exactly [`fold`] of the text, so a caller can note where in
/// the folded text each char of the original ends. The marks that survive folding (spacing
/// combining marks with a combining class, found only in musical notation) keep their written
/// order rather than being put in canonical order.
///
/// ```
/// use plenary_core::fold::fold_char_into;
///
/// let mut out = String::new();
/// for c in "DÉCIDE".chars() {
///     fold_char_into(c, &mut out);
/// }
/// assert_eq!(out, "decide");
/// fold_char_into('ß', &mut out);
/// fold_char_into('\u{301}', &mut out);
/// assert_eq!(out, "decidess");
/// ```
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Unicode's compatibility caseless match (D146): NFKD(fold(NFKD(fold(c)))). The second
    // fold catches letters that only decomposition reveals (`𝔻` → `D` → `d`).
    let case_mapper = CaseMapperBorrowed::new();
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd();
    let general_category = CodePointMapData::<GeneralCategory>::new();
    let mut buf = [0u8; 4];
    let folded = case_mapper.fold_string(c.encode_utf8(&mut buf));
    let once = nfkd.normalize(&folded);
    let twice = case_mapper.fold_string(&once);
    for c in nfkd.normalize_iter(twice.chars()) {
        if general_category.get(c) != GeneralCategory::NonspacingMark {
            push_plain(c, out);
        }
    }
}

/// `text` with its case folded and nothing else: Unicode full case folding (`icu_casemap`),
/// then NFC (`icu_normalizer`), so that the result is in the composed form text is usually
/// written in.
///
/// Unlike [`fold`], marks are kept and compatibility forms are left alone: this is the fold for
/// identifiers whose accents distinguish them, such as the local part of an email address
/// (`josé@example.org` and `jose@example.org` can be two mailboxes, while a mail server that
/// ignores case treats `JOSÉ@` as `josé@`). Full folding, not lower-casing: `ß` folds to `ss`
/// and final `ς` to `σ`, as Unicode's caseless matching does. ASCII text folds to its ASCII
/// lower case.
///
/// ```
/// use plenary_core::fold_case;
///
/// assert_eq!(fold_case("JOSÉ"), "josé");
/// assert_ne!(fold_case("josé"), fold_case("jose"));
/// assert_eq!(fold_case("Straße"), "strasse");
/// assert_eq!(fold_case("ΟΔΥΣΣΕΥΣ"), fold_case("οδυσσευς"));
/// assert_eq!(fold_case("Ana.Maria"), "ana.maria");
/// ```
pub fn fold_case(text: &str) -> String {
    let folded = CaseMapperBorrowed::new().fold_string(text);
    ComposingNormalizerBorrowed::new_nfc()
        .normalize(&folded)
        .into_owned()
}

/// Pushes `c`, spelled plain when it is one of the letters Unicode does not decompose.
fn push_plain(c: char, out: &mut String) {
    let plain = match c {
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'ħ' => "h",
        'ŧ' => "t",
        'ı' => "i",
        'ŋ' => "n",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        // Typographic apostrophes, and the modifier letter sources use for one ("ITUʼs").
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => "'",
        c => {
            out.push(c);
            return;
        }
    };
    out.push_str(plain);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_folds() {
        for (text, folded) in [
            // Latin, with the letters Unicode does not decompose.
            ("Emma Llansó", "emma llanso"),
            ("Télécoms & RÉSEAUX", "telecoms & reseaux"),
            ("Straße", "strasse"),
            (
                "Łódź, Øresund, Þórr, Ærø, Œuvre",
                "lodz, oresund, thorr, aero, oeuvre",
            ),
            ("İstanbul", "istanbul"),
            ("ITUʼs", "itu's"),
            ("don’t", "don't"),
            // Compatibility forms.
            ("ﬁnal ＡＢＣ", "final abc"),
            ("𝔻𝕦𝕓𝕒𝕚", "dubai"),
            // Greek: accents off, final sigma folded.
            ("Οδυσσεύς", "οδυσσευσ"),
            ("ΟΔΥΣΣΕΥΣ", "οδυσσευσ"),
            ("Ἀθῆναι", "αθηναι"),
            // Cyrillic.
            ("Союз", "союз"),
            ("Ёлка ЙОД", "елка иод"),
            // Vietnamese: tone marks and the letter đ.
            ("Tiếng Việt", "tieng viet"),
            ("ĐẠI HỘI", "dai hoi"),
            // Arabic: harakat, shadda, and the hamza and madda of alef variants.
            ("مُحَمَّد", "محمد"),
            ("أإآ", "ااا"),
            // Scripts without case or marks pass unchanged.
            ("国际电信联盟", "国际电信联盟"),
        ] {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn folding_char_by_char_is_folding_the_text() {
        for text in [
            "Télécoms & RÉSEAUX",
            "Conside\u{301}rant",
            "Straße ﬁnal ＡＢＣ 𝔻𝕦𝕓𝕒𝕚",
            "Ἀθῆναι ΟΔΥΣΣΕΥΣ",
            "Ёлка ЙОД",
            "مُحَمَّد أإآ",
            "国际电信联盟，决定：",
        ] {
            let mut out = String::new();
            for c in text.chars() {
                fold_char_into(c, &mut out);
            }
            assert_eq!(out, fold(text), "{text}");
        }
    }

    #[test]
    fn case_folding_keeps_marks_and_composes() {
        for (text, folded) in [
            ("JOSÉ", "josé"),
            // Decomposed input comes out composed.
            ("Jose\u{301}", "josé"),
            ("Straße", "strasse"),
            ("ΟΔΥΣΣΕΥΣ", "οδυσσευσ"),
            ("Ёлка", "ёлка"),
            ("Tiếng Việt", "tiếng việt"),
            ("ﬁ", "fi"),
            ("国际", "国际"),
        ] {
            assert_eq!(fold_case(text), folded, "{text}");
        }
        assert_ne!(fold_case("josé"), fold_case("jose"));
    }

    proptest::proptest! {
        /// On ASCII, case folding is ASCII lower-casing: callers may take that fast path.
        #[test]
        fn ascii_folds_to_its_ascii_lower_case(text in "[\\x00-\\x7f]{0,40}") {
            proptest::prop_assert_eq!(fold_case(&text), text.to_ascii_lowercase());
        }
    }

    #[test]
    fn folding_is_idempotent() {
        for text in ["Ærø", "ΟΔΥΣΣΕΥΣ", "Tiếng Việt", "مُحَمَّد", "ﬃ", "ǅ"]
        {
            let once = fold(text);
            assert_eq!(fold(&once), once, "{text}");
        }
    }
}
