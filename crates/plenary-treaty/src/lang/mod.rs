//! The words of the six official UN languages: one table per language, behind [`Language`].
//!
//! Every word is stored case-folded (Unicode lower case of NFC text, see [`fold`]), so that
//! `NOTING FURTHER`, `Noting further` and `noting further` read alike in every script that has
//! case. Adding a language is one file with one [`Words`] table and one entry in
//! [`Language::ALL`].

use std::sync::OnceLock;

use crate::document::{AppendixKind, DivisionKind, DocumentKind};
use crate::keyword::Keyword;

mod ar;
pub(crate) mod en;
mod es;
mod fr;
mod ru;
mod zh;

/// One of the six official languages of the United Nations, in which the parser reads
/// headings, keywords, article words and the UN header block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Language {
    /// Arabic (`ar`).
    Arabic,
    /// Chinese (`zh`).
    Chinese,
    /// English (`en`).
    English,
    /// French (`fr`).
    French,
    /// Russian (`ru`).
    Russian,
    /// Spanish (`es`).
    Spanish,
}

impl Language {
    /// Every language, in the order of their codes.
    pub const ALL: [Language; 6] = [
        Language::Arabic,
        Language::Chinese,
        Language::English,
        Language::French,
        Language::Russian,
        Language::Spanish,
    ];

    /// The BCP 47 code: `"ar"`, `"zh"`, `"en"`, `"fr"`, `"ru"`, `"es"`.
    pub fn code(self) -> &'static str {
        self.words().code
    }

    /// The language of a BCP 47 code's primary subtag, such as `"fr"` or `"fr-CH"`.
    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code.split('-').next().unwrap_or(code);
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    pub(crate) fn words(self) -> &'static Words {
        match self {
            Language::Arabic => &ar::WORDS,
            Language::Chinese => &zh::WORDS,
            Language::English => &en::WORDS,
            Language::French => &fr::WORDS,
            Language::Russian => &ru::WORDS,
            Language::Spanish => &es::WORDS,
        }
    }
}

/// The words of one language, each case-folded.
pub(crate) struct Words {
    /// The BCP 47 code.
    pub(crate) code: &'static str,
    /// Whether words are written without spaces between them (Chinese): a keyword then needs no
    /// word boundary after it.
    pub(crate) unspaced: bool,
    /// Section keywords: preamble and operative, longest match wins.
    pub(crate) keywords: &'static [(&'static str, Keyword)],
    /// Modifiers before a keyword: `also`, `further`, `again`, `deeply`.
    pub(crate) before: &'static [&'static str],
    /// Modifiers after a keyword that belong to its phrase: `further`, `also`, `that`.
    pub(crate) after: &'static [&'static str],
    /// The modifiers after a keyword that make it take an addressee (`resolves to instruct`).
    pub(crate) verbs: &'static [&'static str],
    /// Heading words of a text and their kind.
    pub(crate) kinds: &'static [(&'static str, DocumentKind)],
    /// `article`.
    pub(crate) article: &'static [&'static str],
    /// `part`, `chapter`, `section`.
    pub(crate) divisions: &'static [(&'static str, DivisionKind)],
    /// `appendix`, `annex`.
    pub(crate) appendices: &'static [(&'static str, AppendixKind)],
    /// `to` in `ANNEX 2 TO RESOLUTION 101`.
    pub(crate) to: &'static [&'static str],
    /// `preamble`.
    pub(crate) preamble: &'static [&'static str],
    /// Opening words of a closing formula: `in witness whereof`, `done at`.
    pub(crate) closing: &'static [&'static str],
    /// The organization of a UN header block: `united nations`.
    pub(crate) organization: &'static [&'static str],
    /// The session word of a UN header block: `session`.
    pub(crate) session: &'static [&'static str],
    /// The agenda item words of a UN header block: `agenda item`.
    pub(crate) agenda_item: &'static [&'static str],
    /// The opening of the adoption note: `resolution adopted by`.
    pub(crate) adopted: &'static [&'static str],
    /// The meeting of the adoption line: `plenary meeting`.
    pub(crate) meeting: &'static [&'static str],
    /// The first words of an issuer line: `the `, `la `.
    pub(crate) issuer: &'static [&'static str],
    /// Month names, January first.
    pub(crate) months: [&'static str; 12],
}

/// NFC and Unicode lower case: the form every table stores its words in.
pub(crate) fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfc().collect::<String>().to_lowercase()
}

/// The month (1–12) a month name of any of the six languages names, in any case.
pub(crate) fn month(word: &str) -> Option<u32> {
    let folded = fold(word);
    Language::ALL.into_iter().find_map(|l| {
        let at = l.words().months.iter().position(|m| *m == folded)?;
        u32::try_from(at + 1).ok()
    })
}

/// A word of some language found at the start of a text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<T> {
    pub(crate) value: T,
    pub(crate) language: Language,
    /// The byte length of the match in the original text.
    pub(crate) len: usize,
}

/// The start of a line, case-folded, with the original byte offset of every folded char end,
/// so that a match in folded text maps back to the words as written.
pub(crate) struct Folded {
    pub(crate) text: String,
    /// `(folded end, original end)` after each char.
    ends: Vec<(usize, usize)>,
}

/// How many chars of a line are folded for matching: the longest phrase and its modifiers fit.
const FOLD_CHARS: usize = 96;

impl Folded {
    pub(crate) fn new(line: &str) -> Folded {
        // ASCII, the common case: lower case maps byte to byte, no offsets to keep.
        let head = match line.char_indices().nth(FOLD_CHARS) {
            Some((at, _)) => &line[..at],
            None => line,
        };
        if head.is_ascii() {
            return Folded {
                text: head.to_ascii_lowercase(),
                ends: Vec::new(),
            };
        }
        let mut text = String::with_capacity(head.len() + 8);
        let mut ends = Vec::with_capacity(head.len());
        for (i, c) in head.char_indices() {
            if c.is_ascii() {
                text.push(c.to_ascii_lowercase());
            } else {
                text.extend(c.to_lowercase());
            }
            ends.push((text.len(), i + c.len_utf8()));
        }
        Folded { text, ends }
    }

    /// The original byte length of the first `folded` bytes of the folded text, when `folded`
    /// ends at a char boundary of the original.
    pub(crate) fn original_len(&self, folded: usize) -> Option<usize> {
        if folded == 0 {
            return Some(0);
        }
        if self.ends.is_empty() {
            // ASCII: the folded text has the original's offsets.
            return (folded <= self.text.len()).then_some(folded);
        }
        let at = self.ends.binary_search_by_key(&folded, |(f, _)| *f).ok()?;
        Some(self.ends[at].1)
    }
}

/// Whether `rest` (folded text after a word) starts at a word boundary.
pub(crate) fn boundary(rest: &str, unspaced: bool) -> bool {
    unspaced
        || rest
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '\'' && c != '-')
}

/// Finds the longest word of `table` (picked from each language by `pick`) that starts `folded`
/// at a word boundary.
pub(crate) fn longest<T: Copy + 'static>(
    folded: &str,
    pick: impl Fn(&'static Words) -> &'static [(&'static str, T)],
) -> Option<(T, Language, usize)> {
    let mut best: Option<(T, Language, usize)> = None;
    for language in Language::ALL {
        let words = language.words();
        for (word, value) in pick(words) {
            if word.len() > best.map_or(0, |b| b.2)
                && folded.starts_with(word)
                && boundary(&folded[word.len()..], words.unspaced)
            {
                best = Some((*value, language, word.len()));
            }
        }
    }
    best
}

/// Like [`longest`] for plain word lists.
pub(crate) fn longest_word(
    folded: &str,
    pick: impl Fn(&'static Words) -> &'static [&'static str],
) -> Option<(Language, usize)> {
    let mut best: Option<(Language, usize)> = None;
    for language in Language::ALL {
        let words = language.words();
        for word in pick(words) {
            if word.len() > best.map_or(0, |b| b.1)
                && folded.starts_with(word)
                && boundary(&folded[word.len()..], words.unspaced)
            {
                best = Some((language, word.len()));
            }
        }
    }
    best
}

/// The openings of the words of some tables, to tell cheaply that a line opens with none of
/// them before folding it: the first (at most three) ASCII bytes of every word.
///
/// A line whose first three bytes are ASCII folds to their lower case, so it can open with a
/// word only if its lower-cased first bytes start with that word's opening; a word that starts
/// with a non-ASCII char never opens such a line. Lines that start otherwise (shorter, or with
/// a non-ASCII char in their first three bytes) are always looked at.
pub(crate) struct Openings {
    /// Which lower-case ASCII bytes some opening starts with.
    first: [bool; 128],
    /// Each opening's bytes and length (1 to 3), sorted, without repeats.
    prefixes: Vec<([u8; 3], usize)>,
}

impl Openings {
    pub(crate) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Openings {
        let mut first = [false; 128];
        let mut prefixes = Vec::new();
        for word in words {
            let len = word.bytes().take(3).take_while(u8::is_ascii).count();
            if len == 0 {
                continue;
            }
            let mut prefix = [0u8; 3];
            prefix[..len].copy_from_slice(&word.as_bytes()[..len]);
            first[usize::from(prefix[0])] = true;
            prefixes.push((prefix, len));
        }
        prefixes.sort_unstable();
        prefixes.dedup();
        Openings { first, prefixes }
    }

    /// Whether `line` may open with one of the words; `false` only when it cannot.
    pub(crate) fn may_open(&self, line: &str) -> bool {
        let Some(&[a, b, c]) = line.as_bytes().get(..3) else {
            return true;
        };
        if !(a.is_ascii() && b.is_ascii() && c.is_ascii()) {
            return true;
        }
        let head = [
            a.to_ascii_lowercase(),
            b.to_ascii_lowercase(),
            c.to_ascii_lowercase(),
        ];
        self.first[usize::from(head[0])]
            && self
                .prefixes
                .iter()
                .any(|(prefix, len)| head[..*len] == prefix[..*len])
    }
}

/// Every keyword of every language, sorted by its first char, for a fast lookup per line.
pub(crate) struct KeywordIndex {
    entries: Vec<(&'static str, Keyword, Language)>,
}

impl KeywordIndex {
    pub(crate) fn get() -> &'static KeywordIndex {
        static INDEX: OnceLock<KeywordIndex> = OnceLock::new();
        INDEX.get_or_init(|| {
            let mut entries: Vec<(&'static str, Keyword, Language)> = Language::ALL
                .into_iter()
                .flat_map(|l| l.words().keywords.iter().map(move |(w, k)| (*w, *k, l)))
                .collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            KeywordIndex { entries }
        })
    }

    /// The longest keyword starting `folded` at a word boundary.
    pub(crate) fn find(&self, folded: &str) -> Option<Found<Keyword>> {
        let first = folded.chars().next()?;
        let mut buf = [0u8; 4];
        let first = &*first.encode_utf8(&mut buf);
        let start = self.entries.partition_point(|(w, _, _)| *w < first);
        let mut best: Option<Found<Keyword>> = None;
        for (word, keyword, language) in &self.entries[start..] {
            if !word.starts_with(first) {
                break;
            }
            if word.len() > best.map_or(0, |b| b.len)
                && folded.starts_with(word)
                && boundary(&folded[word.len()..], language.words().unspaced)
            {
                best = Some(Found {
                    value: *keyword,
                    language: *language,
                    len: word.len(),
                });
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_folded_and_complete() {
        for language in Language::ALL {
            let w = language.words();
            let lists: [&[&str]; 10] = [
                w.before,
                w.after,
                w.verbs,
                w.article,
                w.to,
                w.preamble,
                w.closing,
                w.organization,
                w.session,
                w.agenda_item,
            ];
            for word in lists
                .iter()
                .flat_map(|l| l.iter())
                .chain(w.keywords.iter().map(|(k, _)| k))
                .chain(w.kinds.iter().map(|(k, _)| k))
                .chain(w.months.iter())
            {
                assert_eq!(fold(word), *word, "{} {word:?} is not folded", w.code);
                assert!(!word.is_empty(), "{}", w.code);
            }
            assert!(
                w.keywords.iter().any(|(_, k)| k.is_operative()),
                "{}",
                w.code
            );
            assert_eq!(Language::from_code(w.code), Some(language));
        }
    }

    #[test]
    fn openings_let_through_every_word_in_every_case_and_stop_others() {
        let mut all: Vec<&str> = Vec::new();
        for language in Language::ALL {
            let w = language.words();
            all.extend(w.keywords.iter().map(|(k, _)| *k));
            all.extend(w.before);
            all.extend(w.article);
            all.extend(w.preamble);
            all.extend(w.closing);
            all.extend(w.divisions.iter().map(|(k, _)| *k));
            all.extend(w.appendices.iter().map(|(k, _)| *k));
        }
        let openings = Openings::new(all.iter().copied());
        for word in &all {
            let title: String = word
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(word.chars().skip(1))
                .collect();
            for line in [
                word.to_string(),
                format!("{word} 3"),
                format!("{} 3 – Title", word.to_uppercase()),
                title,
            ] {
                assert!(openings.may_open(&line), "{line:?}");
            }
        }
        let few = Openings::new(["article", "chapter", "préambule", "статья", "en"]);
        for (line, may) in [
            ("ARTICLE 3", true),
            ("Chapter II", true),
            ("PRÉAMBULE", true),
            ("Preamble", true),
            ("Статья 4", true),
            ("En foi de quoi", true),
            ("ab", true),
            ("These Regulations", false),
            ("Purpose and scope", false),
            ("- administrations;", false),
            ("Art", true),
            ("Arx", false),
        ] {
            assert_eq!(few.may_open(line), may, "{line:?}");
        }
    }

    #[test]
    fn month_names_of_every_language() {
        for (word, month) in [
            ("December", Some(12)),
            ("décembre", Some(12)),
            ("Diciembre", Some(12)),
            ("декабря", Some(12)),
            ("يونيه", Some(6)),
            ("3月", Some(3)),
            ("Decembre", None),
        ] {
            assert_eq!(super::month(word), month, "{word}");
        }
    }

    #[test]
    fn folding_reads_every_case_alike() {
        for (text, folded) in [
            ("NOTING FURTHER", "noting further"),
            ("CONSIDÉRANT", "considérant"),
            ("Conside\u{301}rant", "considérant"),
            ("ПОСТАНОВЛЯЕТ", "постановляет"),
            ("تقرر", "تقرر"),
            ("决定", "决定"),
        ] {
            assert_eq!(fold(text), folded, "{text:?}");
        }
    }
}
