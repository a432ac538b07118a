//! The words of the six official UN languages: one table per language, behind [`Language`].
//!
//! Each table is written as the words are spelled (`"décide"`, `"إذ تقرر"`), and read through
//! [`Language::words`] folded once, on first use, with [`plenary_core::fold()`]: case folded,
//! decomposed, accents and Arabic vowel signs dropped. A line is folded the same way
//! ([`Folded`]), so that `NOTING FURTHER`, `Noting further` and `noting further` read alike,
//! as do `DÉCIDE`, `décide` and `DECIDE`, `Ёлка` and `елка`, and Arabic with or without
//! harakat. Adding a language is one file with one [`Words`] table and one entry in
//! [`Language::ALL`].

use std::sync::{LazyLock, OnceLock};

use plenary_core::fold::{fold, fold_char_into};

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

    /// The words of the language as its table spells them.
    fn written(self) -> &'static Words {
        match self {
            Language::Arabic => &ar::WORDS,
            Language::Chinese => &zh::WORDS,
            Language::English => &en::WORDS,
            Language::French => &fr::WORDS,
            Language::Russian => &ru::WORDS,
            Language::Spanish => &es::WORDS,
        }
    }

    /// The words of the language, folded (see [`fold()`]) to compare with a [`Folded`] line.
    pub(crate) fn words(self) -> &'static Words {
        static FOLDED: LazyLock<[Words; 6]> =
            LazyLock::new(|| Language::ALL.map(|l| l.written().folded()));
        let at = match self {
            Language::Arabic => 0,
            Language::Chinese => 1,
            Language::English => 2,
            Language::French => 3,
            Language::Russian => 4,
            Language::Spanish => 5,
        };
        &FOLDED[at]
    }
}

/// The words of one language: as written in a table, or folded by [`Language::words`].
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

impl Words {
    /// Every word folded. The folded tables live as long as the program, so the words that
    /// folding changes are leaked once, into `'static` strings; a list already folded (English)
    /// is kept as it is.
    fn folded(&'static self) -> Words {
        fn word(w: &'static str) -> &'static str {
            let folded = fold(w);
            if folded == w {
                w
            } else {
                Box::leak(folded.into_boxed_str())
            }
        }
        fn list(l: &'static [&'static str]) -> &'static [&'static str] {
            // Compare with `fold`, not `word`: `word` leaks what it folds, and a folded word
            // that is then thrown away would be a real leak.
            if l.iter().all(|w| fold(w) == *w) {
                return l;
            }
            Box::leak(l.iter().map(|w| word(w)).collect())
        }
        fn pairs<T: Copy>(l: &'static [(&'static str, T)]) -> &'static [(&'static str, T)] {
            if l.iter().all(|(w, _)| fold(w) == *w) {
                return l;
            }
            Box::leak(l.iter().map(|(w, v)| (word(w), *v)).collect())
        }
        Words {
            code: self.code,
            unspaced: self.unspaced,
            keywords: pairs(self.keywords),
            before: list(self.before),
            after: list(self.after),
            verbs: list(self.verbs),
            kinds: pairs(self.kinds),
            article: list(self.article),
            divisions: pairs(self.divisions),
            appendices: pairs(self.appendices),
            to: list(self.to),
            preamble: list(self.preamble),
            closing: list(self.closing),
            organization: list(self.organization),
            session: list(self.session),
            agenda_item: list(self.agenda_item),
            adopted: list(self.adopted),
            meeting: list(self.meeting),
            issuer: list(self.issuer),
            months: self.months.map(word),
        }
    }
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

/// The start of a line, folded (see [`fold()`]), with the original byte offset of every folded char end,
/// so that a match in folded text maps back to the words as written.
pub(crate) struct Folded {
    pub(crate) text: String,
    /// `(folded end, original end)` after each char; empty for an ASCII line.
    ends: Vec<(usize, usize)>,
    /// The start of the line as written; empty for an ASCII line, whose folded text is it in
    /// lower case.
    original: String,
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
                original: String::new(),
            };
        }
        let mut text = String::with_capacity(head.len() + 8);
        let mut ends = Vec::with_capacity(head.len());
        for (i, c) in head.char_indices() {
            fold_char_into(c, &mut text);
            ends.push((text.len(), i + c.len_utf8()));
        }
        Folded {
            text,
            ends,
            original: head.to_owned(),
        }
    }

    /// Whether the folded bytes `start..end` come from words written as `written` (a table
    /// word as spelled, in lower case), accents and all.
    fn written_as(&self, start: usize, end: usize, written: &str) -> bool {
        if self.ends.is_empty() {
            return self.text.get(start..end) == Some(written);
        }
        let (Some(start), Some(end)) = (self.original_len(start), self.original_len(end)) else {
            return false;
        };
        self.original
            .get(start..end)
            .is_some_and(|o| o.chars().flat_map(char::to_lowercase).eq(written.chars()))
    }

    /// The original byte length of the first `folded` bytes of the folded text, when `folded`
    /// ends at a char boundary of the original; the chars that fold to nothing after it (a
    /// combining accent) are counted in.
    pub(crate) fn original_len(&self, folded: usize) -> Option<usize> {
        if folded == 0 {
            return Some(0);
        }
        if self.ends.is_empty() {
            // ASCII: the folded text has the original's offsets.
            return (folded <= self.text.len()).then_some(folded);
        }
        // The last char whose fold ends there: combining marks after a match belong to it.
        let after = self.ends.partition_point(|(f, _)| *f <= folded);
        let (end, original) = *self.ends.get(after.checked_sub(1)?)?;
        (end == folded).then_some(original)
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
    /// `(folded, as written, keyword, language)`.
    entries: Vec<(&'static str, &'static str, Keyword, Language)>,
}

impl KeywordIndex {
    pub(crate) fn get() -> &'static KeywordIndex {
        static INDEX: OnceLock<KeywordIndex> = OnceLock::new();
        INDEX.get_or_init(|| {
            let mut entries: Vec<(&'static str, &'static str, Keyword, Language)> = Language::ALL
                .into_iter()
                .flat_map(|l| {
                    let written = l.written().keywords.iter();
                    let folded = l.words().keywords.iter();
                    folded
                        .zip(written)
                        .map(move |((f, k), (w, _))| (*f, *w, *k, l))
                })
                .collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            KeywordIndex { entries }
        })
    }

    /// The longest keyword starting the folded text of `line` at byte `at` and ending at a
    /// word boundary; `len` of the result is its length in the folded text.
    ///
    /// Two languages may spell a keyword alike once folded (French `décide`, Spanish `decide`):
    /// the one spelled as the line writes it, accents and all, is taken.
    pub(crate) fn find(&self, line: &Folded, at: usize) -> Option<Found<Keyword>> {
        let folded = line.text.get(at..)?;
        let first = folded.chars().next()?;
        let mut buf = [0u8; 4];
        let first = &*first.encode_utf8(&mut buf);
        let start = self.entries.partition_point(|(w, _, _, _)| *w < first);
        let mut best: Option<Found<Keyword>> = None;
        let mut best_as_written = false;
        for (word, written, keyword, language) in &self.entries[start..] {
            if !word.starts_with(first) {
                break;
            }
            let best_len = best.map_or(0, |b| b.len);
            if word.len() >= best_len
                && folded.starts_with(word)
                && boundary(&folded[word.len()..], language.words().unspaced)
            {
                let as_written = || line.written_as(at, at + word.len(), written);
                if word.len() > best_len {
                    best_as_written = false;
                } else if best_as_written || !as_written() {
                    continue;
                } else {
                    best_as_written = true;
                }
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
            ("Decembre", Some(12)),
            ("Decembr", None),
        ] {
            assert_eq!(super::month(word), month, "{word}");
        }
    }

    #[test]
    fn folding_reads_every_case_alike() {
        for (text, folded) in [
            ("NOTING FURTHER", "noting further"),
            ("CONSIDÉRANT", "considerant"),
            ("Conside\u{301}rant", "considerant"),
            ("ПОСТАНОВЛЯЕТ", "постановляет"),
            ("تقرر", "تقرر"),
            ("تُقَرِّر", "تقرر"),
            ("决定", "决定"),
        ] {
            assert_eq!(fold(text), folded, "{text:?}");
            assert_eq!(Folded::new(text).text, folded, "{text:?}");
        }
    }

    #[test]
    fn keywords_match_with_or_without_accents_in_any_case() {
        use crate::keyword::Keyword::{self, *};
        // (line, keyword, language, the words of the line the keyword phrase covers)
        let table: &[(&str, Keyword, &str, &str)] = &[
            // French: accented, unaccented, capitals with and without accents, decomposed.
            ("décide que le Conseil", Resolves, "fr", "décide que"),
            ("DÉCIDE que le Conseil", Resolves, "fr", "DÉCIDE que"),
            ("CONSIDERANT la", Considering, "fr", "CONSIDERANT"),
            ("Considérant la", Considering, "fr", "Considérant"),
            // Unaccented `decide` is also Spanish, spelled so: the language that writes it as
            // the line does wins.
            ("DECIDE la Conferencia", Decides, "es", "DECIDE"),
            ("decide la Conferencia", Decides, "es", "decide"),
            (
                "de\u{301}cide que le Conseil",
                Resolves,
                "fr",
                "de\u{301}cide que",
            ),
            (
                "Réaffirmant sa résolution",
                Reaffirming,
                "fr",
                "Réaffirmant",
            ),
            (
                "REAFFIRMANT sa résolution",
                Reaffirming,
                "fr",
                "REAFFIRMANT",
            ),
            ("Ayant a l'esprit", BearingInMind, "fr", "Ayant a l'esprit"),
            (
                "AYANT À L’ESPRIT la",
                BearingInMind,
                "fr",
                "AYANT À L’ESPRIT",
            ),
            // Spanish.
            (
                "Acogiendo con beneplácito el informe",
                Welcoming,
                "es",
                "Acogiendo con beneplácito",
            ),
            (
                "ACOGIENDO CON BENEPLACITO el informe",
                Welcoming,
                "es",
                "ACOGIENDO CON BENEPLACITO",
            ),
            // Russian: capitals, and ё for е.
            ("ПОСТАНОВЛЯЕТ, что", Decides, "ru", "ПОСТАНОВЛЯЕТ"),
            ("Подчёркивая важность", Emphasizing, "ru", "Подчёркивая"),
            ("подчеркивая важность", Emphasizing, "ru", "подчеркивая"),
            // Arabic: with and without harakat, with and without the hamza of the alef.
            ("تقرر أن", Decides, "ar", "تقرر"),
            ("تُقَرِّرُ أن", Decides, "ar", "تُقَرِّرُ"),
            ("إذ تشير قرارها", Recalling, "ar", "إذ تشير"),
            ("اذ تشير قرارها", Recalling, "ar", "اذ تشير"),
            ("إِذْ تُشِيرُ قرارها", Recalling, "ar", "إِذْ تُشِيرُ"),
            // Chinese has neither case nor accents.
            ("决定：", Decides, "zh", "决定"),
            // English stays on the ASCII path.
            ("FURTHER RESOLVES to", Resolves, "en", "FURTHER RESOLVES"),
        ];
        for (line, keyword, code, covered) in table {
            let found = crate::keyword::phrase(line);
            let found = found.unwrap_or_else(|| panic!("no keyword in {line:?}"));
            assert_eq!(found.keyword, *keyword, "{line:?}");
            assert_eq!(found.language.code(), *code, "{line:?}");
            assert_eq!(line[..found.len].trim_end(), *covered, "{line:?}");
        }
    }

    #[test]
    fn structure_words_match_with_or_without_accents() {
        // Month names of the header block and the organization line, as written and plain.
        for (word, month) in [("Décembre", 12), ("DECEMBRE", 12), ("février", 2)] {
            assert_eq!(super::month(word), Some(month), "{word}");
        }
        for line in [
            "Организация Объединённых Наций",
            "ОРГАНИЗАЦИЯ ОБЪЕДИНЕННЫХ НАЦИЙ",
        ] {
            let folded = Folded::new(line);
            let (language, len) =
                longest_word(&folded.text, |w| w.organization).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(language, Language::Russian, "{line}");
            assert_eq!(folded.original_len(len), Some(line.len()), "{line}");
        }
    }

    #[test]
    fn a_match_takes_the_marks_after_it() {
        let folded = Folded::new("de\u{301}cide\u{301} x");
        assert_eq!(folded.text, "decide x");
        assert_eq!(folded.original_len(6), Some("de\u{301}cide\u{301}".len()));
        assert_eq!(folded.original_len(1), Some(1));
        // Half of a char that folds to two (`ß` → `ss`) maps to nothing.
        let folded = Folded::new("ßa");
        assert_eq!(folded.original_len(1), None);
        assert_eq!(folded.original_len(2), Some("ß".len()));
    }
}
