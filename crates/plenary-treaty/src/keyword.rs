//! The keywords that open preamble and operative sections, in English, French and Spanish.

use serde::{Deserialize, Serialize};

use crate::lang::{Folded, KeywordIndex, Language};

/// A section keyword, named in English whatever the language of the text.
///
/// Preamble keywords (`considering`, `noting`, …) give reasons; operative keywords (`resolves`,
/// `instructs`, …) give decisions. The French `considérant` and the Spanish `considerando` are
/// both [`Keyword::Considering`]; the section keeps the words as written in its `phrase`.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Keyword {
    /// considering, considérant, considerando
    Considering,
    /// noting, notant, observando
    Noting,
    /// recognizing, reconnaissant, reconociendo
    Recognizing,
    /// recalling, rappelant, recordando
    Recalling,
    /// bearing in mind, ayant à l'esprit, teniendo presente
    BearingInMind,
    /// having regard to
    HavingRegardTo,
    /// taking into account, tenant compte, teniendo en cuenta
    TakingIntoAccount,
    /// aware, conscient(e), consciente
    Aware,
    /// convinced, convaincu(e), convencido/a
    Convinced,
    /// emphasizing, soulignant, destacando
    Emphasizing,
    /// mindful
    Mindful,
    /// concerned, préoccupé(e), preocupado/a
    Concerned,
    /// acknowledging
    Acknowledging,
    /// reaffirming, réaffirmant, reafirmando
    Reaffirming,
    /// welcoming, se félicitant, acogiendo con satisfacción
    Welcoming,
    /// resolves, décide, resuelve
    Resolves,
    /// decides
    Decides,
    /// instructs, charge, encarga
    Instructs,
    /// invites, invite, invita
    Invites,
    /// requests, prie, pide
    Requests,
    /// encourages, encourage, alienta
    Encourages,
    /// calls upon, appelle, exhorta
    CallsUpon,
    /// urges, exhorte, insta
    Urges,
    /// recommends, recommande, recomienda
    Recommends,
    /// affirming
    Affirming,
    /// alarmed
    Alarmed,
    /// appreciating
    Appreciating,
    /// believing
    Believing,
    /// cognizant
    Cognizant,
    /// commending
    Commending,
    /// condemning
    Condemning,
    /// deploring
    Deploring,
    /// desiring
    Desiring,
    /// determined
    Determined,
    /// expressing
    Expressing,
    /// guided by
    Guided,
    /// having considered
    HavingConsidered,
    /// having examined
    HavingExamined,
    /// having adopted
    HavingAdopted,
    /// having heard
    HavingHeard,
    /// having reviewed
    HavingReviewed,
    /// highlighting
    Highlighting,
    /// observing
    Observing,
    /// realizing
    Realizing,
    /// reiterating
    Reiterating,
    /// regretting
    Regretting,
    /// stressing
    Stressing,
    /// taking note
    TakingNote,
    /// underlining
    Underlining,
    /// accepts
    Accepts,
    /// adopts
    Adopts,
    /// affirms
    Affirms,
    /// agrees
    Agrees,
    /// appeals
    Appeals,
    /// approves
    Approves,
    /// authorizes
    Authorizes,
    /// commends
    Commends,
    /// condemns
    Condemns,
    /// confirms
    Confirms,
    /// declares
    Declares,
    /// demands
    Demands,
    /// deplores
    Deplores,
    /// designates
    Designates,
    /// emphasizes
    Emphasizes,
    /// endorses
    Endorses,
    /// establishes
    Establishes,
    /// expresses
    Expresses,
    /// notes
    Notes,
    /// proclaims
    Proclaims,
    /// reaffirms
    Reaffirms,
    /// recognizes
    Recognizes,
    /// regrets
    Regrets,
    /// reiterates
    Reiterates,
    /// revokes
    Revokes,
    /// stresses
    Stresses,
    /// supports
    Supports,
    /// takes note
    TakesNote,
    /// underlines
    Underlines,
    /// welcomes
    Welcomes,
}

impl Keyword {
    /// Whether the keyword opens an operative section (a decision) rather than a preamble one.
    pub fn is_operative(self) -> bool {
        matches!(
            self,
            Keyword::Resolves
                | Keyword::Decides
                | Keyword::Instructs
                | Keyword::Invites
                | Keyword::Requests
                | Keyword::Encourages
                | Keyword::CallsUpon
                | Keyword::Urges
                | Keyword::Recommends
                | Keyword::Accepts
                | Keyword::Adopts
                | Keyword::Affirms
                | Keyword::Agrees
                | Keyword::Appeals
                | Keyword::Approves
                | Keyword::Authorizes
                | Keyword::Commends
                | Keyword::Condemns
                | Keyword::Confirms
                | Keyword::Declares
                | Keyword::Demands
                | Keyword::Deplores
                | Keyword::Designates
                | Keyword::Emphasizes
                | Keyword::Endorses
                | Keyword::Establishes
                | Keyword::Expresses
                | Keyword::Notes
                | Keyword::Proclaims
                | Keyword::Reaffirms
                | Keyword::Recognizes
                | Keyword::Regrets
                | Keyword::Reiterates
                | Keyword::Revokes
                | Keyword::Stresses
                | Keyword::Supports
                | Keyword::TakesNote
                | Keyword::Underlines
                | Keyword::Welcomes
        )
    }

    /// The English phrase, such as `"bearing in mind"`.
    pub fn english(self) -> &'static str {
        crate::lang::en::KEYWORDS
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(phrase, _)| phrase)
    }
}

/// A keyword line, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeywordLine {
    pub(crate) keyword: Keyword,
    pub(crate) phrase: String,
    pub(crate) addressee: Option<String>,
    pub(crate) language: &'static str,
}

/// The longest addressee accepted on a keyword line; longer lines are prose, not keywords.
const MAX_ADDRESSEE: usize = 200;

/// A keyword phrase at the start of a line: modifiers before it (`also`), the keyword, modifiers
/// after it (`further`, `to instruct`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Phrase {
    pub(crate) keyword: Keyword,
    pub(crate) language: Language,
    /// Byte length of the phrase in the line as written.
    pub(crate) len: usize,
    /// A modifier after the keyword makes it take an addressee (`resolves to instruct`).
    pub(crate) verb: bool,
    /// Some modifier came after the keyword.
    pub(crate) modified: bool,
}

/// The openings of every keyword and of every modifier before one, in every language: a line
/// that opens with none of them has no keyword phrase.
fn phrase_openings() -> &'static crate::lang::Openings {
    static OPENINGS: std::sync::OnceLock<crate::lang::Openings> = std::sync::OnceLock::new();
    OPENINGS.get_or_init(|| {
        crate::lang::Openings::new(Language::ALL.into_iter().flat_map(|l| {
            let w = l.words();
            w.keywords
                .iter()
                .map(|(word, _)| *word)
                .chain(w.before.iter().copied())
        }))
    })
}

/// Reads the keyword phrase that opens `line`, in any of the six languages and any case.
pub(crate) fn phrase(line: &str) -> Option<Phrase> {
    let first = line.chars().next()?;
    if !first.is_alphabetic() || !phrase_openings().may_open(line) {
        return None;
    }
    let folded = Folded::new(line);
    let text = folded.text.as_str();
    let index = KeywordIndex::get();
    // Modifiers before the keyword: `Also decides`, `ALSO URGES`, `Deeply concerned`, `又回顾`.
    let mut start = 0;
    let mut found = index.find(&folded, 0);
    if found.is_none()
        && let Some((language, len)) = crate::lang::longest_word(text, |w| w.before)
    {
        let after = &text[len..];
        let skip = after.len() - after.trim_start().len();
        if let Some(k) = index.find(&folded, len + skip)
            && k.language == language
        {
            start = len + skip;
            found = Some(k);
        }
    }
    let found = found?;
    let words = found.language.words();
    let mut end = start + found.len;
    let mut verb = false;
    let mut modified = false;
    let rest = &text[end..];
    let skip = rest.len() - rest.trim_start().len();
    let mut best = 0;
    for modifier in words.after {
        let r = &rest[skip..];
        if modifier.len() > best
            && r.starts_with(modifier)
            && crate::lang::boundary(&r[modifier.len()..], words.unspaced)
        {
            best = modifier.len();
            verb = words.verbs.contains(modifier);
        }
    }
    if best > 0 {
        end += skip + best;
        modified = true;
    }
    Some(Phrase {
        keyword: found.value,
        language: found.language,
        len: folded.original_len(end)?,
        verb,
        modified,
    })
}

/// Reads a keyword line (whitespace already collapsed): a keyword phrase alone, or an
/// operative verb and its addressee (`instructs the Secretary-General`); `None` otherwise.
pub(crate) fn keyword_line(line: &str) -> Option<KeywordLine> {
    // The closing punctuation, and any space before it (`requests n ,`).
    let line = line.trim_end_matches(|c: char| {
        matches!(c, ',' | ':' | '،' | '，' | '：') || c.is_whitespace()
    });
    let p = phrase(line)?;
    let phrase_text = line[..p.len].trim_end().to_owned();
    let rest = line[p.len..].trim_start();
    let language = p.language.code();
    if rest.is_empty() {
        return Some(KeywordLine {
            keyword: p.keyword,
            phrase: phrase_text,
            addressee: None,
            language,
        });
    }
    let addressed_verb = matches!(
        p.keyword,
        Keyword::Instructs
            | Keyword::Invites
            | Keyword::Requests
            | Keyword::Encourages
            | Keyword::CallsUpon
            | Keyword::Urges
    );
    let takes_addressee = p.verb || (addressed_verb && !p.modified);
    if takes_addressee
        && rest.len() <= MAX_ADDRESSEE
        && !rest.contains([';', '.', ':'])
        && !rest.ends_with(',')
    {
        return Some(KeywordLine {
            keyword: p.keyword,
            phrase: phrase_text,
            addressee: Some(rest.to_owned()),
            language,
        });
    }
    None
}

/// A paragraph that opens with its keyword, UN style: `Recalling also its resolution …`,
/// `Decides to …`, `ALSO URGES …`. The keyword must be capitalised (or in a script without
/// case, or `any_case` for a text already known to be in UN layout, as Russian texts write
/// `ссылаясь на …`) and followed by the paragraph's words. Returns the phrase's length in bytes.
pub(crate) fn inline_keyword(text: &str, any_case: bool) -> Option<Phrase> {
    inline_keyword_or_alone(text, any_case, false)
}

/// [`inline_keyword`], also taking a text that is the keyword alone when `alone` (a numbered
/// paragraph whose first line ends after its keyword: `1. Decides` / `to act;` is read as
/// `1. Decides to act;` is).
pub(crate) fn inline_keyword_or_alone(text: &str, any_case: bool, alone: bool) -> Option<Phrase> {
    let first = text.chars().next()?;
    if first.is_lowercase() && !any_case {
        return None;
    }
    let p = phrase(text)?;
    let rest = text[p.len..].trim_start_matches([' ', ',', '،', '，']);
    (alone || !rest.is_empty()).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_lines_table() {
        use Keyword::*;
        for (line, expected) in [
            (
                "considering",
                Some((Considering, "considering", None, "en")),
            ),
            (
                "considering further",
                Some((Considering, "considering further", None, "en")),
            ),
            (
                "considering that",
                Some((Considering, "considering that", None, "en")),
            ),
            (
                "noting further,",
                Some((Noting, "noting further", None, "en")),
            ),
            (
                "bearing in mind",
                Some((BearingInMind, "bearing in mind", None, "en")),
            ),
            (
                "having regard to",
                Some((HavingRegardTo, "having regard to", None, "en")),
            ),
            (
                "Recognizing",
                Some((Recognizing, "Recognizing", None, "en")),
            ),
            ("resolves", Some((Resolves, "resolves", None, "en"))),
            (
                "resolves further",
                Some((Resolves, "resolves further", None, "en")),
            ),
            (
                "instructs the Secretary-General",
                Some((Instructs, "instructs", Some("the Secretary-General"), "en")),
            ),
            (
                "resolves to instruct the Director of the Telecommunication Standardization Bureau",
                Some((
                    Resolves,
                    "resolves to instruct",
                    Some("the Director of the Telecommunication Standardization Bureau"),
                    "en",
                )),
            ),
            (
                "invites Member States",
                Some((Invites, "invites", Some("Member States"), "en")),
            ),
            (
                "calls upon Member States",
                Some((CallsUpon, "calls upon", Some("Member States"), "en")),
            ),
            (
                "considérant",
                Some((Considering, "considérant", None, "fr")),
            ),
            (
                "considérant en outre",
                Some((Considering, "considérant en outre", None, "fr")),
            ),
            (
                "charge le Secrétaire général",
                Some((Instructs, "charge", Some("le Secrétaire général"), "fr")),
            ),
            (
                "invite les États Membres",
                Some((Invites, "invite", Some("les États Membres"), "fr")),
            ),
            (
                "considerando",
                Some((Considering, "considerando", None, "es")),
            ),
            ("resuelve", Some((Resolves, "resuelve", None, "es"))),
            (
                "encarga al Secretario General",
                Some((Instructs, "encarga", Some("al Secretario General"), "es")),
            ),
            ("noting the outcome of the meeting;", None),
            ("resolves that all Member States shall", None),
            ("invites Member States to consider;", None),
            ("considerations of the group", None),
            ("a) considering", None),
            ("", None),
        ] {
            let got = keyword_line(line).map(|k| (k.keyword, k.phrase, k.addressee, k.language));
            let expected = expected.map(|(k, p, a, l): (Keyword, &str, Option<&str>, &str)| {
                (k, p.to_owned(), a.map(str::to_owned), l)
            });
            assert_eq!(got, expected, "{line:?}");
        }
    }

    #[test]
    fn every_keyword_has_an_english_phrase_and_its_part() {
        for language in Language::ALL {
            for (_, keyword) in language.words().keywords {
                assert!(!keyword.english().is_empty(), "{keyword:?}");
            }
        }
        assert!(Keyword::Instructs.is_operative());
        assert!(!Keyword::Recalling.is_operative());
    }
}
