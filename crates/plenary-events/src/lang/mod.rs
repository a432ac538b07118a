//! The words of dates in the six UN languages, one table per language behind one [`Language`].
//!
//! Each language's file lists its month and weekday names (full, abbreviated and, for Russian,
//! in the genitive that dates use), its connectors (`to`, `au`, `al`, `по`, `至`), the words that
//! make a date a deadline or an uncertain one, and the filler words phrases put around dates.
//! Words are compared after Unicode lower-casing, so `DÉCEMBRE`, `Décembre` and `décembre` are
//! one word. A new language is one new file and one line in [`Language::words`].

mod ar;
mod en;
mod es;
mod fr;
mod ru;
mod zh;

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::Weekday;

use crate::Error;

/// A language whose date words `plenary-events` knows: the six official languages of the UN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Language {
    /// English (`en`).
    English,
    /// French (`fr`).
    French,
    /// Spanish (`es`).
    Spanish,
    /// Russian (`ru`).
    Russian,
    /// Arabic (`ar`): month names, connectors and Arabic-Indic digits.
    Arabic,
    /// Chinese (`zh`): the `2012年12月3日至14日` forms of numerals and date marks.
    Chinese,
}

impl Language {
    /// Every language, in the order words are looked up when no language is given.
    pub const ALL: [Language; 6] = [
        Language::English,
        Language::French,
        Language::Spanish,
        Language::Russian,
        Language::Arabic,
        Language::Chinese,
    ];

    /// The ISO 639-1 code: `"en"`, `"fr"`, `"es"`, `"ru"`, `"ar"`, `"zh"`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Russian => "ru",
            Language::Arabic => "ar",
            Language::Chinese => "zh",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The language's table of date words, lower-case.
    fn words(self) -> &'static [(&'static str, Word)] {
        match self {
            Language::English => en::WORDS,
            Language::French => fr::WORDS,
            Language::Spanish => es::WORDS,
            Language::Russian => ru::WORDS,
            Language::Arabic => ar::WORDS,
            Language::Chinese => zh::WORDS,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;

    /// Reads a language tag by its primary subtag, case-insensitively: `fr`, `fr-CH`, `ZH-Hans`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLanguage`] for any other language.
    fn from_str(tag: &str) -> Result<Self, Error> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
            .ok_or_else(|| Error::UnknownLanguage {
                tag: tag.to_owned(),
            })
    }
}

/// What a word means in a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Word {
    Month(u32),
    Weekday(Weekday),
    /// Joins the two ends of a range: `to`, `au`, `al`, `по`, `至`.
    Range,
    /// A range between dates, a deadline before one: Russian `до`.
    RangeOrDeadline,
    /// Joins two consecutive days: `and`, `et`, `y`, `и`.
    Pair,
    /// `between`: the `and` that follows joins a range.
    Between,
    /// The date is not known: `TBD`, `TBA`, `TBC`.
    Unknown,
    /// The last word of "to be announced", "à déterminer", "por anunciar": a date not known
    /// when it follows its `be` or connector, an ordinary word otherwise.
    Announced,
    /// The date given is not sure: `tbc`, `tentative`, `provisional`.
    Uncertain,
    /// The last word of "to be confirmed", "à confirmer", "por confirmar".
    Confirm,
    /// The `be` of "to be confirmed".
    Be,
    /// The date is approximate: `around`, `circa`, `vers`, `около`.
    Approximate,
    /// No end: `onwards`.
    Open,
    /// The date is a deadline: `by`, `due`, `before`, `avant`, `antes`, `позднее`.
    Deadline,
    /// An ordinal suffix written apart from its number: `2 nd`, `1 er`.
    OrdinalSuffix,
    /// A word that may stand around a date without changing it: `the`, `of`, `de`, `года`.
    Filler,
}

type Table = HashMap<Box<[u8]>, [Option<Word>; 6], BuildHasherDefault<Fnv>>;

/// The words of every table, and a quick filter of ASCII words: for each length up to
/// [`FILTER_LEN`], the first and last letters any word of that length has.
struct Words {
    table: Table,
    filter: [[u32; 2]; FILTER_LEN + 1],
}

const FILTER_LEN: usize = 16;

fn letter_bit(b: u8) -> u32 {
    1 << (b.to_ascii_lowercase().wrapping_sub(b'a') & 31)
}

/// FNV-1a: words are short and the table is fixed, so a simple hash beats SipHash here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = Words {
            table: Table::default(),
            filter: [[0; 2]; FILTER_LEN + 1],
        };
        for language in Language::ALL {
            for (word, meaning) in language.words() {
                let folded = fold(word);
                if folded.is_ascii() && folded.len() <= FILTER_LEN {
                    let bytes = folded.as_bytes();
                    let filter = &mut words.filter[bytes.len()];
                    filter[0] |= letter_bit(bytes[0]);
                    filter[1] |= letter_bit(bytes[bytes.len() - 1]);
                }
                words
                    .table
                    .entry(folded.into_bytes().into_boxed_slice())
                    .or_default()[language.index()] = Some(*meaning);
            }
        }
        words
    })
}

/// Unicode lower-case folding, as words are compared.
pub(crate) fn fold(word: &str) -> String {
    word.chars().flat_map(char::to_lowercase).collect()
}

/// The longest word in any table, in bytes; longer words are looked up no further.
const LONGEST_WORD: usize = 32;

/// What `word` means in `language`, or in the first of the six that knows it when `None`.
pub(crate) fn lookup(word: &str, language: Option<Language>) -> Option<Word> {
    if word.is_empty() || word.len() > LONGEST_WORD {
        return None;
    }
    let words = words();
    let mut buffer = [0u8; LONGEST_WORD];
    let folded;
    let key: &[u8] = if word.is_ascii() {
        let bytes = word.as_bytes();
        let filter = words.filter.get(bytes.len())?;
        if filter[0] & letter_bit(bytes[0]) == 0
            || filter[1] & letter_bit(bytes[bytes.len() - 1]) == 0
        {
            return None;
        }
        let key = &mut buffer[..bytes.len()];
        key.copy_from_slice(bytes);
        key.make_ascii_lowercase();
        key
    } else {
        folded = fold(word);
        folded.as_bytes()
    };
    let meanings = words.table.get(key)?;
    match language {
        Some(language) => meanings[language.index()],
        None => meanings.iter().flatten().next().copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_lower_case_and_short_enough() {
        for language in Language::ALL {
            for (word, _) in language.words() {
                assert_eq!(fold(word), *word, "{language}: {word}");
                assert!(word.len() <= LONGEST_WORD, "{language}: {word}");
            }
        }
    }

    #[test]
    fn looks_words_up_case_folded_in_the_language_asked() {
        for (word, language, meaning) in [
            ("DÉCEMBRE", Some(Language::French), Some(Word::Month(12))),
            ("Декабря", Some(Language::Russian), Some(Word::Month(12))),
            ("noviembre", None, Some(Word::Month(11))),
            ("au", Some(Language::French), Some(Word::Range)),
            ("au", Some(Language::English), None),
            ("mar", None, Some(Word::Month(3))),
            ("ديسمبر", None, Some(Word::Month(12))),
            ("至", Some(Language::Chinese), Some(Word::Range)),
            ("banana", None, None),
        ] {
            assert_eq!(lookup(word, language), meaning, "{word} in {language:?}");
        }
    }

    #[test]
    fn reads_language_tags() {
        assert_eq!("fr-CH".parse::<Language>(), Ok(Language::French));
        assert_eq!("ZH-Hans".parse::<Language>(), Ok(Language::Chinese));
        assert_eq!(
            "de".parse::<Language>().unwrap_err().to_string(),
            "unknown language \"de\": expected one of en, fr, es, ru, ar, zh"
        );
    }
}
