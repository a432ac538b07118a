//! The keywords that open preamble and operative sections, in English, French and Spanish.

use serde::{Deserialize, Serialize};

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
        )
    }

    /// The English phrase, such as `"bearing in mind"`.
    pub fn english(self) -> &'static str {
        KEYWORDS
            .iter()
            .find(|(_, k, lang)| *k == self && *lang == "en")
            .map_or("", |(phrase, _, _)| phrase)
    }
}

/// Phrase, keyword, language (`""` when the word is shared by French and Spanish).
const KEYWORDS: &[(&str, Keyword, &str)] = &[
    ("considering", Keyword::Considering, "en"),
    ("noting", Keyword::Noting, "en"),
    ("recognizing", Keyword::Recognizing, "en"),
    ("recognising", Keyword::Recognizing, "en"),
    ("recalling", Keyword::Recalling, "en"),
    ("bearing in mind", Keyword::BearingInMind, "en"),
    ("having regard to", Keyword::HavingRegardTo, "en"),
    ("taking into account", Keyword::TakingIntoAccount, "en"),
    ("aware", Keyword::Aware, "en"),
    ("convinced", Keyword::Convinced, "en"),
    ("emphasizing", Keyword::Emphasizing, "en"),
    ("emphasising", Keyword::Emphasizing, "en"),
    ("mindful", Keyword::Mindful, "en"),
    ("concerned", Keyword::Concerned, "en"),
    ("acknowledging", Keyword::Acknowledging, "en"),
    ("reaffirming", Keyword::Reaffirming, "en"),
    ("welcoming", Keyword::Welcoming, "en"),
    ("resolves", Keyword::Resolves, "en"),
    ("decides", Keyword::Decides, "en"),
    ("instructs", Keyword::Instructs, "en"),
    ("invites", Keyword::Invites, "en"),
    ("requests", Keyword::Requests, "en"),
    ("encourages", Keyword::Encourages, "en"),
    ("calls upon", Keyword::CallsUpon, "en"),
    ("urges", Keyword::Urges, "en"),
    ("recommends", Keyword::Recommends, "en"),
    ("considérant", Keyword::Considering, "fr"),
    ("notant", Keyword::Noting, "fr"),
    ("reconnaissant", Keyword::Recognizing, "fr"),
    ("rappelant", Keyword::Recalling, "fr"),
    ("ayant à l'esprit", Keyword::BearingInMind, "fr"),
    ("tenant compte", Keyword::TakingIntoAccount, "fr"),
    ("conscient", Keyword::Aware, "fr"),
    ("convaincue", Keyword::Convinced, "fr"),
    ("convaincu", Keyword::Convinced, "fr"),
    ("soulignant", Keyword::Emphasizing, "fr"),
    ("préoccupée", Keyword::Concerned, "fr"),
    ("réaffirmant", Keyword::Reaffirming, "fr"),
    ("se félicitant", Keyword::Welcoming, "fr"),
    ("décide", Keyword::Resolves, "fr"),
    ("charge", Keyword::Instructs, "fr"),
    ("invite", Keyword::Invites, "fr"),
    ("prie", Keyword::Requests, "fr"),
    ("encourage", Keyword::Encourages, "fr"),
    ("appelle", Keyword::CallsUpon, "fr"),
    ("exhorte", Keyword::Urges, "fr"),
    ("recommande", Keyword::Recommends, "fr"),
    ("considerando", Keyword::Considering, "es"),
    ("observando", Keyword::Noting, "es"),
    ("reconociendo", Keyword::Recognizing, "es"),
    ("recordando", Keyword::Recalling, "es"),
    ("teniendo presente", Keyword::BearingInMind, "es"),
    ("teniendo en cuenta", Keyword::TakingIntoAccount, "es"),
    ("consciente", Keyword::Aware, ""),
    ("convencida", Keyword::Convinced, "es"),
    ("convencido", Keyword::Convinced, "es"),
    ("destacando", Keyword::Emphasizing, "es"),
    ("preocupada", Keyword::Concerned, "es"),
    ("reafirmando", Keyword::Reaffirming, "es"),
    ("resuelve", Keyword::Resolves, "es"),
    ("encarga", Keyword::Instructs, "es"),
    ("invita", Keyword::Invites, "es"),
    ("pide", Keyword::Requests, "es"),
    ("alienta", Keyword::Encourages, "es"),
    ("exhorta", Keyword::CallsUpon, "es"),
    ("insta", Keyword::Urges, "es"),
    ("recomienda", Keyword::Recommends, "es"),
];

/// Words that may follow a keyword and belong to its phrase: `considering further`,
/// `noting that`, `resolves to instruct`, `considérant en outre`, `considerando además`.
const MODIFIERS: &[&str] = &[
    "further",
    "also",
    "that",
    "in particular",
    "moreover",
    "with concern",
    "with satisfaction",
    "with appreciation",
    "to instruct",
    "to invite",
    "to request",
    "to encourage",
    "en outre",
    "également",
    "que",
    "de plus",
    "en particulier",
    "avec préoccupation",
    "avec satisfaction",
    "de charger",
    "d'inviter",
    "además",
    "asimismo",
    "también",
    "en particular",
    "con preocupación",
    "con satisfacción",
    "encargar",
    "invitar",
];

/// The modifiers that turn a keyword into a verb taking an addressee (`resolves to instruct`).
const VERB_MODIFIERS: &[&str] = &[
    "to instruct",
    "to invite",
    "to request",
    "to encourage",
    "de charger",
    "d'inviter",
    "encargar",
    "invitar",
];

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

/// Reads a keyword line (whitespace already collapsed), or `None` when the line is not one.
pub(crate) fn keyword_line(line: &str) -> Option<KeywordLine> {
    let first = *line.as_bytes().first()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let line = line.trim_end_matches([',', ':']);
    let mut best: Option<(&str, Keyword, &str)> = None;
    let first = first.to_ascii_lowercase();
    for &(phrase, keyword, language) in KEYWORDS {
        if phrase.as_bytes()[0] != first {
            continue;
        }
        if strip_word_prefix(line, phrase).is_some()
            && best.is_none_or(|(p, _, _)| p.len() < phrase.len())
        {
            best = Some((phrase, keyword, language));
        }
    }
    let (phrase, keyword, language) = best?;
    let mut phrase_len = phrase.len();
    let mut rest = line[phrase_len..].trim_start();
    let mut verb_modifier = false;
    for modifier in MODIFIERS {
        if let Some(after) = strip_word_prefix(rest, modifier) {
            phrase_len = line.len() - after.len();
            rest = after.trim_start();
            verb_modifier = VERB_MODIFIERS.contains(modifier);
            break;
        }
    }
    let phrase = line[..phrase_len].trim_end().to_owned();
    if rest.is_empty() {
        return Some(KeywordLine {
            keyword,
            phrase,
            addressee: None,
            language,
        });
    }
    let addressed_verb = matches!(
        keyword,
        Keyword::Instructs
            | Keyword::Invites
            | Keyword::Requests
            | Keyword::Encourages
            | Keyword::CallsUpon
            | Keyword::Urges
    );
    let takes_addressee = verb_modifier || (addressed_verb && phrase_len == phrase.len());
    if takes_addressee
        && rest.len() <= MAX_ADDRESSEE
        && !rest.contains([';', '.', ':'])
        && !rest.ends_with(',')
    {
        return Some(KeywordLine {
            keyword,
            phrase,
            addressee: Some(rest.to_owned()),
            language,
        });
    }
    None
}

/// `line` without `word` at its start (ASCII case ignored), when `word` ends at a word boundary.
fn strip_word_prefix<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let head = line.as_bytes().get(..word.len())?;
    if !head.eq_ignore_ascii_case(word.as_bytes()) {
        return None;
    }
    let rest = &line[word.len()..];
    match rest.as_bytes().first() {
        None | Some(b' ' | b',' | b':') => Some(rest),
        Some(_) => None,
    }
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
        for (_, keyword, _) in KEYWORDS {
            assert!(!keyword.english().is_empty(), "{keyword:?}");
        }
        assert!(Keyword::Instructs.is_operative());
        assert!(!Keyword::Recalling.is_operative());
    }
}
