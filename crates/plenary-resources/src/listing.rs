//! The plain-text listing format of resource bank pages: section headings, `Title - Author`
//! lines, description lines.

use std::collections::HashSet;
use std::fmt;

use plenary_core::{Actor, LanguageTag, MAX_ID_LEN, Name, ResourceId};

use crate::author::ActorDirectory;
use crate::fold::{ascii_slug, fold_words};
use crate::{Author, Error, Resource, ResourceKind, sections};

/// The longest author part of a `Title - Author` line, in characters.
const MAX_AUTHOR_CHARS: usize = 200;
/// The most words in one name of the author part (names are separated by `, `).
const MAX_AUTHOR_WORDS: usize = 8;
/// The longest section heading, in characters.
const MAX_HEADING_CHARS: usize = 60;
/// The most words in a section heading.
const MAX_HEADING_WORDS: usize = 6;

/// How to import a listing: which actors its authors may be, how to name the resources, which
/// language they are in.
#[derive(Debug, Clone, Default)]
pub struct ListingOptions<'a> {
    /// The known actors: an author that matches one by name or acronym becomes its id.
    pub actors: &'a [Actor],
    /// Put before every generated id, such as `"wcit-12/"`.
    pub id_prefix: String,
    /// The language of every resource, when known.
    pub language: Option<LanguageTag>,
}

/// A line the importer could not understand, with its number (from 1) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnparsedLine {
    /// The line number, from 1.
    pub line: usize,
    /// The line as written.
    pub text: String,
    /// Why it was not understood, and what was expected there.
    pub reason: String,
}

impl fmt::Display for UnparsedLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}: {:?}", self.line, self.reason, self.text)
    }
}

/// What an import found: the resources in order, and every line it could not understand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListingImport {
    /// The resources, in the order of the listing.
    pub resources: Vec<Resource>,
    /// The section headings, in order, including those with no entry.
    pub sections: Vec<String>,
    /// The lines that are neither a heading, an entry nor a description, in order.
    pub unparsed: Vec<UnparsedLine>,
}

/// Reads a resource listing as resource bank pages print it.
///
/// - A **section heading** is a short line (at most six words) without ` - ` that does not end
///   like a sentence: `Policy Analyses`, `Advocacy Resources`.
/// - An **entry** is a `Title - Author` line: the author is after the *last* ` - ` (an en or em
///   dash between spaces counts too), so a title may itself hold ` - ` or a colon. The author
///   part is one or more names separated by `, `, each starting with a capital letter or digit
///   and at most eight words, and does not end with sentence punctuation. Several authors
///   joined by `, `, ` and ` or ` & ` are split only when each of them is a known actor.
/// - The line right after an entry is its **description**, unless it is itself an entry; a
///   blank line in between means the entry has none.
/// - Every other line — page prose, a second description line — is
///   reported in [`ListingImport::unparsed`] with its number, never dropped silently.
///
/// The kind of each resource is inferred from its words (`Sample letter …` is a sample letter,
/// a description starting `Testimony of` is testimony, …), else from its section (`Policy
/// Analyses` gives policy analyses). Ids are the prefix and a slug of the title, made unique with
/// `-2`, `-3`, ….
///
/// ```
/// use plenary_resources::{Author, ListingOptions, ResourceKind, import_listing};
///
/// let listing = "Advocacy Resources\n\
///     Talking Points for Civil Society on the WCIT - Access Now\n\
///     These are talking points that civil society can use.\n\
///     Coming soon.\n";
/// let import = import_listing(listing, &ListingOptions::default());
/// let r = &import.resources[0];
/// assert_eq!(r.title, "Talking Points for Civil Society on the WCIT");
/// assert_eq!(r.authors, [Author::Name("Access Now".parse()?)]);
/// assert_eq!(r.kind, ResourceKind::TalkingPoints);
/// assert_eq!(r.section.as_ref().map(|s| s.as_str()), Some("Advocacy Resources"));
/// assert_eq!(import.unparsed[0].to_string(), r#"line 4: a second description line, or prose outside the listing; expected a section heading or a "Title - Author" line: "Coming soon.""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import_listing(text: &str, options: &ListingOptions<'_>) -> ListingImport {
    let directory = ActorDirectory::new(options.actors);
    let mut import = ListingImport::default();
    let mut ids: HashSet<String> = HashSet::new();
    let mut section: Option<Name> = None;
    let mut awaiting_description = false;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            awaiting_description = false;
            continue;
        }
        let unparsed = |reason: &str| UnparsedLine {
            line: number,
            text: raw.to_owned(),
            reason: reason.to_owned(),
        };
        if let Some((title, author)) = split_entry(line) {
            match entry(
                title,
                author,
                section.as_ref(),
                &directory,
                options,
                &mut ids,
            ) {
                Ok(resource) => {
                    import.resources.push(resource);
                    awaiting_description = true;
                }
                Err(e) => import.unparsed.push(unparsed(&format!(
                    "a \"Title - Author\" line that makes no resource ({e})"
                ))),
            }
            continue;
        }
        if awaiting_description {
            awaiting_description = false;
            if let Some(resource) = import.resources.last_mut() {
                match describe(resource, line) {
                    Ok(()) => continue,
                    Err(e) => {
                        import.unparsed.push(unparsed(&format!(
                            "a description that cannot be kept ({e})"
                        )));
                        continue;
                    }
                }
            }
        }
        if is_heading(line) {
            match Name::new(line) {
                Ok(name) => {
                    import.sections.push(name.to_string());
                    section = Some(name);
                }
                Err(e) => import.unparsed.push(unparsed(&e.to_string())),
            }
            continue;
        }
        import.unparsed.push(unparsed(
            "a second description line, or prose outside the listing; expected a section heading or a \"Title - Author\" line",
        ));
    }
    import
}

/// Writes resources in the listing format [`import_listing`] reads: a heading for each section
/// (resources without a section first, under none), then a `Title - Authors` line and a
/// description line for each resource.
///
/// Authors are written by name (an actor's full name), joined by `, `; a resource without
/// authors is written as by `Various`. Line breaks in a description become spaces. Reading the
/// text back with the same actors gives the same titles, authors, descriptions and sections —
/// all that the format carries — as long as a description does not itself end in ` - ` and a
/// short name.
///
/// ```
/// use plenary_resources::{Author, ListingOptions, Resource, ResourceKind, import_listing, to_listing};
///
/// let mut r = Resource::new("x".parse()?, "Talking Points".parse()?, ResourceKind::TalkingPoints)
///     .with_description("For advocates.")?;
/// r.authors.push(Author::Name("Access Now".parse()?));
/// r.section = Some("Advocacy Resources".parse()?);
/// let text = to_listing(&[r.clone()], &[]);
/// assert_eq!(text, "Advocacy Resources\n\nTalking Points - Access Now\nFor advocates.\n");
/// let back = import_listing(&text, &ListingOptions::default());
/// assert_eq!(back.resources[0].title, r.title);
/// assert_eq!(back.resources[0].authors, r.authors);
/// assert_eq!(back.resources[0].section, r.section);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_listing(resources: &[Resource], actors: &[Actor]) -> String {
    let directory = ActorDirectory::new(actors);
    let mut groups = sections(resources);
    groups.sort_by_key(|(section, _)| section.is_some());
    let mut out = String::new();
    for (section, items) in groups {
        if let Some(section) = section {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(section);
            out.push_str("\n\n");
        }
        for r in items {
            let names: Vec<String> = r
                .authors
                .iter()
                .map(|a| directory.display_name(a))
                .collect();
            let authors = if names.is_empty() {
                "Various".to_owned()
            } else {
                names.join(", ")
            };
            out.push_str(&format!("{} - {authors}\n", r.title));
            if !r.description.is_empty() {
                out.push_str(&r.description.replace('\n', " "));
                out.push('\n');
            }
        }
    }
    out
}

/// Splits `Title - Author` at the last dash between spaces, when the author part is short
/// enough to be a list of names, each starting with a capital, and does not end like a sentence.
fn split_entry(line: &str) -> Option<(&str, &str)> {
    let (cut, dash) = [" - ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|d| line.rfind(d).map(|at| (at, d.len())))
        .max_by_key(|(at, _)| *at)?;
    let title = line[..cut].trim();
    let author = line[cut + dash..].trim();
    let ok = !title.is_empty()
        && !author.is_empty()
        && author.chars().count() <= MAX_AUTHOR_CHARS
        && author.split(", ").all(|name| {
            name.split_whitespace().count() <= MAX_AUTHOR_WORDS
                && name
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        && author.chars().any(char::is_alphabetic)
        && !author.ends_with(['.', '!', '?', ',', ';', ':']);
    ok.then_some((title, author))
}

fn is_heading(line: &str) -> bool {
    line.chars().count() <= MAX_HEADING_CHARS
        && line.split_whitespace().count() <= MAX_HEADING_WORDS
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !line.ends_with(['.', '!', '?', ',', ';', ':', '"'])
}

fn entry(
    title: &str,
    author: &str,
    section: Option<&Name>,
    directory: &ActorDirectory<'_>,
    options: &ListingOptions<'_>,
    ids: &mut HashSet<String>,
) -> Result<Resource, Error> {
    let title = Name::new(title)?;
    let id = unique_id(&options.id_prefix, title.as_str(), ids)?;
    let mut resource = Resource::new(id, title, ResourceKind::PolicyAnalysis);
    resource.authors = authors(author, directory)?;
    resource.section = section.cloned();
    resource.languages.extend(options.language.clone());
    resource.kind = infer_kind(&resource);
    Ok(resource)
}

fn describe(resource: &mut Resource, line: &str) -> Result<(), Error> {
    let old = std::mem::take(&mut resource.description);
    match Resource::new(resource.id.clone(), resource.title.clone(), resource.kind)
        .with_description(line)
    {
        Ok(_) => {
            resource.description = line.to_owned();
            resource.kind = infer_kind(resource);
            Ok(())
        }
        Err(e) => {
            resource.description = old;
            Err(e)
        }
    }
}

/// The authors of `text`: one known actor or name, or several known actors joined by `, `,
/// ` and ` or ` & `.
fn authors(text: &str, directory: &ActorDirectory<'_>) -> Result<Vec<Author>, Error> {
    if let Some(actor) = directory.find(text) {
        return Ok(vec![Author::Actor(actor.id.clone())]);
    }
    let known = |part: &str| directory.find(part).map(|a| Author::Actor(a.id.clone()));
    let mut found = Vec::new();
    for part in text.split(", ").map(str::trim) {
        match known(part) {
            Some(author) => found.push(author),
            None => {
                let pieces: Option<Vec<Author>> = part
                    .split(" and ")
                    .flat_map(|p| p.split(" & "))
                    .map(|p| known(p.trim()))
                    .collect();
                match pieces {
                    Some(pieces) if pieces.len() > 1 => found.extend(pieces),
                    _ => return Ok(vec![Author::Name(Name::new(text)?)]),
                }
            }
        }
    }
    if found.len() > 1 {
        let mut unique = Vec::with_capacity(found.len());
        for author in found {
            if !unique.contains(&author) {
                unique.push(author);
            }
        }
        return Ok(unique);
    }
    Ok(vec![Author::Name(Name::new(text)?)])
}

fn unique_id(prefix: &str, title: &str, ids: &mut HashSet<String>) -> Result<ResourceId, Error> {
    let room = MAX_ID_LEN.saturating_sub(prefix.len() + 4).max(1);
    let mut slug = ascii_slug(title, room);
    if slug.is_empty() {
        slug = "resource".into();
    }
    let base = format!("{prefix}{slug}");
    let mut id = base.clone();
    let mut n = 2;
    while ids.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    let id = ResourceId::new(id)?;
    ids.insert(id.to_string());
    Ok(id)
}

/// The kind a listing entry's words say, else its section's.
pub(crate) fn infer_kind(resource: &Resource) -> ResourceKind {
    let title = fold_words(resource.title.as_str());
    let description = fold_words(&resource.description);
    let section = resource
        .section
        .as_ref()
        .map(|s| fold_words(s.as_str()))
        .unwrap_or_default();
    let has = |text: &str, word: &str| format!(" {text} ").contains(&format!(" {word} "));
    let starts = |text: &str, word: &str| text == word || text.starts_with(&format!("{word} "));
    let rules: [(bool, ResourceKind); 15] = [
        (has(&title, "sample letter"), ResourceKind::SampleLetter),
        (
            has(&title, "talking points") || has(&title, "key messages"),
            ResourceKind::TalkingPoints,
        ),
        (starts(&title, "timeline"), ResourceKind::Timeline),
        (
            starts(&description, "testimony") || starts(&title, "testimony"),
            ResourceKind::Testimony,
        ),
        (
            starts(&description, "petition") || starts(&title, "petition"),
            ResourceKind::Petition,
        ),
        (has(&title, "letter"), ResourceKind::Letter),
        (
            starts(&title, "comments") || has(&title, "comment to") || has(&title, "comments on"),
            ResourceKind::Comments,
        ),
        (
            starts(&title, "background") || has(&description, "background paper"),
            ResourceKind::Background,
        ),
        (
            has(&title, "video") || has(&title, "webinar"),
            ResourceKind::Video,
        ),
        (
            has(&title, "podcast") || has(&title, "audio"),
            ResourceKind::Audio,
        ),
        (
            has(&title, "press release") || starts(&title, "statement"),
            ResourceKind::Statement,
        ),
        (
            starts(&description, "this report") || has(&title, "report"),
            ResourceKind::Report,
        ),
        (
            has(&section, "video") || has(&section, "videos") || has(&section, "multimedia"),
            ResourceKind::Video,
        ),
        (
            has(&section, "news") || has(&section, "press"),
            ResourceKind::News,
        ),
        (has(&section, "letters"), ResourceKind::Letter),
    ];
    rules
        .into_iter()
        .find(|(holds, _)| *holds)
        .map_or(ResourceKind::PolicyAnalysis, |(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_lines() {
        for (line, expected) in [
            (
                "Talking Points - Access Now",
                Some(("Talking Points", "Access Now")),
            ),
            (
                "Tell the ITU: The internet belongs to us! - Access Now",
                Some(("Tell the ITU: The internet belongs to us!", "Access Now")),
            ),
            (
                "ITU - a view - from afar - Patrick S. Ryan",
                Some(("ITU - a view - from afar", "Patrick S. Ryan")),
            ),
            (
                "A title \u{2013} Internet Society",
                Some(("A title", "Internet Society")),
            ),
            (
                "Civil society will be the player in a debate that dominated tech news - whether the ITU will be given the power to regulate the internet.",
                None,
            ),
            (
                "The internet belongs to all of us - not to governments, and certainly not to the ITU. We call",
                None,
            ),
            ("Policy Analyses", None),
            (" - Access Now", None),
            ("A title - ", None),
            ("A title - 2012", None),
        ] {
            assert_eq!(split_entry(line.trim()), expected, "{line}");
        }
    }

    #[test]
    fn headings() {
        for (line, heading) in [
            ("Policy Analyses", true),
            ("Advocacy Resources", true),
            ("Multimedia", true),
            ("Coming soon.", false),
            ("lower case words", false),
            (
                "Input into the WCIT process has been dominated by member states",
                false,
            ),
        ] {
            assert_eq!(is_heading(line), heading, "{line}");
        }
    }

    #[test]
    fn unique_ids() {
        let mut ids = HashSet::new();
        let id =
            |t: &str, ids: &mut HashSet<String>| unique_id("wcit-12/", t, ids).unwrap().to_string();
        assert_eq!(
            id("ITU: Key Messages", &mut ids),
            "wcit-12/itu-key-messages"
        );
        assert_eq!(
            id("ITU key messages!", &mut ids),
            "wcit-12/itu-key-messages-2"
        );
        assert_eq!(id("!!!", &mut ids), "wcit-12/resource");
        assert!(id(&"word ".repeat(100), &mut ids).len() <= MAX_ID_LEN);
    }

    #[test]
    fn every_line_is_accounted_for() {
        let text = "Intro prose that is long enough to be no heading at all, really.\n\
                    \n\
                    Section One\n\
                    A - B\n\
                    First description.\n\
                    Second description line.\n\
                    C - D\n\
                    E - F\n\
                    lower case description\n\
                    another stray line\n";
        let import = import_listing(text, &ListingOptions::default());
        let titles: Vec<&str> = import.resources.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["A", "C", "E"]);
        assert_eq!(import.resources[0].description, "First description.");
        assert_eq!(import.resources[1].description, "");
        assert_eq!(import.resources[2].description, "lower case description");
        assert_eq!(import.sections, ["Section One"]);
        let lines: Vec<usize> = import.unparsed.iter().map(|u| u.line).collect();
        assert_eq!(lines, [1, 6, 10]);
    }
}
