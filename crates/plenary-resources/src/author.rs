//! Who wrote or published a resource: a known actor, or a name as the source gives it.

use std::collections::HashMap;
use std::fmt;

use plenary_core::{Actor, ActorId, ActorKind, Name};
use serde::{Deserialize, Serialize};

use crate::fold::fold_words;

/// An author or publisher of a resource.
///
/// Known organisations and people are [`ActorId`]s, so the facade can tie them to the dataset's
/// actors; a name that matches no actor (`"Various"`) is kept as written. In JSON,
/// `{"actor": "cdt"}` or `{"name": "Various"}`.
///
/// ```
/// use plenary_resources::Author;
///
/// let cdt = Author::Actor("cdt".parse()?);
/// assert_eq!(serde_json::to_string(&cdt)?, r#"{"actor":"cdt"}"#);
/// let various: Author = serde_json::from_str(r#"{"name": "Various"}"#)?;
/// assert_eq!(various.to_string(), "Various");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Author {
    /// An actor of the dataset.
    Actor(ActorId),
    /// A name that is not (yet) an actor.
    Name(Name),
}

impl fmt::Display for Author {
    /// The actor id or the name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Actor(id) => f.write_str(id.as_str()),
            Self::Name(name) => f.write_str(name.as_str()),
        }
    }
}

impl plenary_core::References for Author {
    /// The author itself, when it is an actor: its path is the author's own (`authors[0]`).
    fn visit_references<'s>(
        &'s self,
        at: &plenary_core::RefPath<'_>,
        visit: &mut dyn FnMut(&plenary_core::RefPath<'_>, plenary_core::Reference<'s>),
    ) {
        if let Self::Actor(id) = self {
            visit(at, plenary_core::Reference::Actor(id));
        }
    }
}

/// Legal forms at the end of a company name that a source may leave out (`Wiley Rein` for
/// `Wiley Rein LLP`).
const LEGAL_FORMS: &[&str] = &["llp", "llc", "inc", "ltd", "plc", "gmbh", "sa", "ag", "bv"];

/// The actors a listing or a bank knows, looked up by id, name or acronym.
///
/// Names are compared case- and accent-insensitively, `&` as `and`, ignoring punctuation and a company's legal
/// form (`LLP`, `Inc`, …); a name of ten letters or more also matches with one typo (`Analysis
/// Mason` finds `Analysys Mason`) when exactly one actor is that close.
///
/// ```
/// use plenary_core::{Actor, ActorKind};
/// use plenary_resources::ActorDirectory;
///
/// let cdt = Actor::new("cdt".parse()?, "Center for Democracy & Technology".parse()?,
///     ActorKind::CivilSociety).with_acronym("CDT".parse()?);
/// let actors = [cdt];
/// let directory = ActorDirectory::new(&actors);
/// assert_eq!(directory.find("CDT").map(|a| a.id.as_str()), Some("cdt"));
/// assert_eq!(directory.find("center for democracy and technology").map(|a| a.id.as_str()), Some("cdt"));
/// assert_eq!(directory.find("Center for Democracy"), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ActorDirectory<'a> {
    actors: &'a [Actor],
    by_key: HashMap<String, usize>,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> ActorDirectory<'a> {
    /// A directory over `actors`; when two actors share a name, the first one wins.
    pub fn new(actors: &'a [Actor]) -> Self {
        let mut by_key = HashMap::new();
        let mut by_id = HashMap::new();
        for (i, actor) in actors.iter().enumerate() {
            by_id.entry(actor.id.as_str()).or_insert(i);
            for name in std::iter::once(&actor.name).chain(&actor.acronym) {
                let key = name_key(name.as_str());
                if !key.is_empty() {
                    by_key.entry(key).or_insert(i);
                }
            }
        }
        Self {
            actors,
            by_key,
            by_id,
        }
    }

    /// The actors of the directory.
    pub fn actors(&self) -> &'a [Actor] {
        self.actors
    }

    /// The actor with this id.
    pub fn get(&self, id: &ActorId) -> Option<&'a Actor> {
        self.by_id.get(id.as_str()).map(|&i| &self.actors[i])
    }

    /// The actor a source means by `name`: its name or acronym, or its id, or (for a long name)
    /// the one actor whose name is one typo away.
    pub fn find(&self, name: &str) -> Option<&'a Actor> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_key.get(&key) {
            return Some(&self.actors[i]);
        }
        if let Some(&i) = self.by_id.get(name.trim()) {
            return Some(&self.actors[i]);
        }
        if key.chars().filter(|c| c.is_alphanumeric()).count() < 10 {
            return None;
        }
        let mut close = self
            .by_key
            .iter()
            .filter(|(known, _)| within_one_edit(known, &key))
            .map(|(_, &i)| i);
        match (close.next(), close.next()) {
            (Some(i), None) => Some(&self.actors[i]),
            (Some(i), Some(j)) if i == j && close.all(|k| k == i) => Some(&self.actors[i]),
            _ => None,
        }
    }

    /// The author `name` stands for: the actor's id when an actor matches, else the name.
    ///
    /// # Errors
    ///
    /// [`plenary_core::Error::InvalidName`] when no actor matches and `name` is not a valid
    /// [`Name`] (blank, too long, or more than one line).
    pub fn author(&self, name: &str) -> Result<Author, plenary_core::Error> {
        match self.find(name) {
            Some(actor) => Ok(Author::Actor(actor.id.clone())),
            None => Ok(Author::Name(Name::new(name)?)),
        }
    }

    /// The name to show for `author`: the actor's name when the directory knows it, else the id
    /// or the name as stored.
    pub fn display_name(&self, author: &Author) -> String {
        match author {
            Author::Actor(id) => self
                .get(id)
                .map_or_else(|| id.to_string(), |a| a.name.to_string()),
            Author::Name(name) => name.to_string(),
        }
    }

    /// Whether `author` is a person (an actor of kind person or academic with no acronym); free
    /// names are never taken for people, since a name alone cannot tell.
    pub fn is_person(&self, author: &Author) -> bool {
        match author {
            Author::Actor(id) => self.get(id).is_some_and(|a| {
                a.kind == ActorKind::Person
                    || (a.kind == ActorKind::Academic
                        && a.acronym.is_none()
                        && looks_like_person(a.name.as_str()))
            }),
            Author::Name(_) => false,
        }
    }
}

/// An academic actor may be a university; a person's name has two to four words, none of them
/// an institution word.
fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !words.iter().any(|w| {
            let w = w.to_lowercase();
            [
                "university",
                "institute",
                "school",
                "college",
                "centre",
                "center",
                "of",
            ]
            .contains(&w.as_str())
        })
}

/// The form names are compared in: folded words, without a trailing legal form.
fn name_key(name: &str) -> String {
    let key = fold_words(name);
    for form in LEGAL_FORMS {
        if let Some(stem) = key.strip_suffix(form).and_then(|s| s.strip_suffix(' ')) {
            return stem.to_owned();
        }
    }
    key
}

/// Whether `a` and `b` differ by at most one inserted, deleted or replaced character.
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix + 1.min(short.len() - prefix)..] == long[prefix + 1.min(long.len() - prefix)..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, name: &str, acronym: Option<&str>, kind: ActorKind) -> Actor {
        let a = Actor::new(id.parse().unwrap(), name.parse().unwrap(), kind);
        match acronym {
            Some(acr) => a.with_acronym(acr.parse().unwrap()),
            None => a,
        }
    }

    fn actors() -> Vec<Actor> {
        vec![
            actor(
                "cdt",
                "Center for Democracy & Technology",
                Some("CDT"),
                ActorKind::CivilSociety,
            ),
            actor(
                "isoc",
                "Internet Society",
                Some("ISOC"),
                ActorKind::CivilSociety,
            ),
            actor(
                "von-europe",
                "Voice on the Net Coalition Europe",
                Some("VON Europe"),
                ActorKind::IndustryAssociation,
            ),
            actor("analysys-mason", "Analysys Mason", None, ActorKind::Company),
            actor("wiley-rein", "Wiley Rein LLP", None, ActorKind::Company),
            actor("patrick-ryan", "Patrick S. Ryan", None, ActorKind::Academic),
            actor("emma-llanso", "Emma Llansó", None, ActorKind::Person),
        ]
    }

    #[test]
    fn names_as_sources_write_them() {
        let actors = actors();
        let directory = ActorDirectory::new(&actors);
        for (name, id) in [
            ("CDT", Some("cdt")),
            ("cdt", Some("cdt")),
            ("Internet Society", Some("isoc")),
            ("internet  society.", Some("isoc")),
            ("VON Europe", Some("von-europe")),
            ("Analysis Mason", Some("analysys-mason")),
            ("Analysys Masons", Some("analysys-mason")),
            ("Wiley Rein", Some("wiley-rein")),
            ("Wiley Rein, LLP", Some("wiley-rein")),
            ("Patrick S Ryan", Some("patrick-ryan")),
            ("Emma Llanso", Some("emma-llanso")),
            ("Various", None),
            ("CDR", None),
            ("Internet Societies of", None),
            ("", None),
        ] {
            assert_eq!(directory.find(name).map(|a| a.id.as_str()), id, "{name:?}");
        }
    }

    #[test]
    fn authors_and_display_names() {
        let actors = actors();
        let directory = ActorDirectory::new(&actors);
        assert_eq!(
            directory.author("CDT").unwrap(),
            Author::Actor("cdt".parse().unwrap())
        );
        assert_eq!(
            directory.author("Various").unwrap(),
            Author::Name("Various".parse().unwrap())
        );
        assert!(directory.author(" ").is_err());
        assert_eq!(
            directory.display_name(&Author::Actor("isoc".parse().unwrap())),
            "Internet Society"
        );
        assert_eq!(
            directory.display_name(&Author::Actor("nobody".parse().unwrap())),
            "nobody"
        );
        assert!(directory.is_person(&Author::Actor("patrick-ryan".parse().unwrap())));
        assert!(directory.is_person(&Author::Actor("emma-llanso".parse().unwrap())));
        assert!(!directory.is_person(&Author::Actor("isoc".parse().unwrap())));
        assert!(!directory.is_person(&Author::Name("Patrick S. Ryan".parse().unwrap())));
    }

    #[test]
    fn one_edit() {
        for (a, b, close) in [
            ("analysys mason", "analysis mason", true),
            ("abc", "abcd", true),
            ("abcd", "abc", true),
            ("abc", "abc", true),
            ("abc", "xbc", true),
            ("abc", "ab", true),
            ("abc", "a", false),
            ("abcd", "abdc", false),
            ("", "a", true),
        ] {
            assert_eq!(within_one_edit(a, b), close, "{a} {b}");
        }
    }

    #[test]
    fn json_forms() {
        for (author, json) in [
            (Author::Actor("cdt".parse().unwrap()), r#"{"actor":"cdt"}"#),
            (
                Author::Name("Various".parse().unwrap()),
                r#"{"name":"Various"}"#,
            ),
        ] {
            assert_eq!(serde_json::to_string(&author).unwrap(), json);
            assert_eq!(serde_json::from_str::<Author>(json).unwrap(), author);
        }
        for json in [
            r#"{"actor":"CDT"}"#,
            r#"{"name":""}"#,
            r#""cdt""#,
            r#"{"person":"x"}"#,
        ] {
            assert!(serde_json::from_str::<Author>(json).is_err(), "{json}");
        }
    }
}
