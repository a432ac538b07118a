//! The plain-text listing format of resource bank pages: section headings, `Title - Author`
//! lines, description lines.

use plenary_core::{Actor, LanguageTag, Name};

use crate::author::ActorDirectory;
use crate::fold::fold_words;
use crate::listing_line::{EntryLine, ends_like_a_sentence, is_heading, split_entry};
use crate::unique_id::UniqueIds;
use crate::{Author, Error, Resource, ResourceKind, sections};

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

/// A line the importer could not understand: its number (from 1), its text as written, and why
/// (with what was expected), as the [`Diagnostic`](plenary_core::Diagnostic) every plenary
/// reader reports lines with.
pub type UnparsedLine = plenary_core::Diagnostic;

/// A section heading of a listing: where it is, and how many entries follow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingSection {
    /// The line number of the heading, from 1.
    pub line: usize,
    /// The heading, such as `"Policy Analyses"`.
    pub name: String,
    /// How many resources were imported under it; 0 for a heading with no entry.
    pub entries: usize,
}

/// What an import found: the resources in order, and every line it could not understand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListingImport {
    /// The resources, in the order of the listing.
    pub resources: Vec<Resource>,
    /// The section headings, in order, including those with no entry.
    pub sections: Vec<ListingSection>,
    /// The lines that are neither a heading, an entry nor a description, in order; empty when
    /// they were handed out as they were found ([`import_listing_reporting`]).
    pub unparsed: Vec<UnparsedLine>,
}

/// Reads a resource listing as resource bank pages print it.
///
/// - A **section heading** is a short line (at most six words) without ` - ` that does not end
///   like a sentence: `Policy Analyses`, `Advocacy Resources`.
/// - An **entry** is a `Title - Author` line: the author is after the *last* ` - ` (an en or em
///   dash between spaces counts too), so a title may itself hold ` - ` or a colon. The author
///   part is one or more names separated by `, `, each starting with a capital letter or digit
///   and at most eight words, with a letter somewhere, and does not end with sentence
///   punctuation. Several authors joined by `, `, ` and ` or ` & ` are split only when each of
///   them is a known actor.
/// - The line right after an entry is its **description**, unless it is itself an entry; a
///   blank line in between means the entry has none.
/// - A line with a dash between spaces (or a dash with a space on one side only, as in
///   `Title -Access Now`) is never a heading. When its author part breaks the rules above
///   (`Budget - 2012`, `Report - lowercase author`, `Title - `) it is reported as an entry that
///   makes no resource, saying which rule — unless it stands where a description may and ends
///   like a sentence, as prose with a dash does.
/// - Every other line — page prose, a second description line — is
///   reported in [`ListingImport::unparsed`] with its number, never dropped silently.
///
/// So every non-blank line is a resource, its description, a section heading (in
/// [`ListingImport::sections`], with no entries or some) or a reported line.
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
    let mut unparsed = Vec::new();
    let mut import = import_listing_reporting(text, options, |line| unparsed.push(line));
    import.unparsed = unparsed;
    import
}

/// Reads a resource listing as [`import_listing`] does, but hands each line it cannot
/// understand to `report` as soon as it is found instead of keeping it, so that a listing of
/// millions of bad lines costs no memory for them; [`ListingImport::unparsed`] stays empty.
///
/// ```
/// use plenary_resources::{ListingOptions, import_listing_reporting};
///
/// let mut reported = 0;
/// let import = import_listing_reporting(
///     &"x\n".repeat(1000),
///     &ListingOptions::default(),
///     |_line| reported += 1,
/// );
/// assert_eq!((reported, import.resources.len(), import.unparsed.len()), (1000, 0, 0));
/// ```
pub fn import_listing_reporting(
    text: &str,
    options: &ListingOptions<'_>,
    mut report: impl FnMut(UnparsedLine),
) -> ListingImport {
    let directory = ActorDirectory::new(options.actors);
    let mut import = ListingImport::default();
    let mut ids = UniqueIds::default();
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
        let mut unparsed = |reason: &str| {
            report(UnparsedLine::new(number, raw, reason));
        };
        let broken_entry = match split_entry(line) {
            EntryLine::Entry(title, author) => {
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
                        if let Some(heading) = import.sections.last_mut()
                            && section.is_some()
                        {
                            heading.entries += 1;
                        }
                        awaiting_description = true;
                    }
                    Err(e) => unparsed(&format!(
                        "a \"Title - Author\" line that makes no resource ({e})"
                    )),
                }
                continue;
            }
            EntryLine::Broken(reason) => Some(reason),
            EntryLine::NotEntry => None,
        };
        if awaiting_description {
            awaiting_description = false;
            let prose = broken_entry.is_none() || ends_like_a_sentence(line);
            if let Some(resource) = import.resources.last_mut()
                && prose
            {
                if let Err(e) = describe(resource, line) {
                    unparsed(&format!("a description that cannot be kept ({e})"));
                }
                continue;
            }
        }
        if let Some(reason) = broken_entry {
            unparsed(&format!(
                "a \"Title - Author\" line that makes no resource: {reason}; expected \
                 \"Title - Author\" with names that start with a capital letter or digit"
            ));
            continue;
        }
        if is_heading(line) {
            match Name::new(line) {
                Ok(name) => {
                    import.sections.push(ListingSection {
                        line: number,
                        name: name.to_string(),
                        entries: 0,
                    });
                    section = Some(name);
                }
                Err(e) => unparsed(&e.to_string()),
            }
            continue;
        }
        unparsed(
            "a second description line, or prose outside the listing; expected a section heading or a \"Title - Author\" line",
        );
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

fn entry(
    title: &str,
    author: &str,
    section: Option<&Name>,
    directory: &ActorDirectory<'_>,
    options: &ListingOptions<'_>,
    ids: &mut UniqueIds,
) -> Result<Resource, Error> {
    let title = Name::new(title)?;
    let id = ids.make(&options.id_prefix, title.as_str())?;
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
        assert_eq!(
            import.sections,
            [ListingSection {
                line: 3,
                name: "Section One".into(),
                entries: 3
            }]
        );
        let lines: Vec<usize> = import.unparsed.iter().map(|u| u.line).collect();
        assert_eq!(lines, [1, 6, 10]);
    }

    #[test]
    fn hostile_08_a_line_with_a_dash_is_never_a_heading() {
        for (line, reason) in [
            (
                "Report On Things - lowercase author",
                "the author name \"lowercase author\" does not start with a capital letter or digit",
            ),
            ("Budget - 2012", "the author part \"2012\" has no letter"),
            (
                "Title - ",
                "the dash at byte 6 has a space on one side only",
            ),
            (
                "Title -Access Now",
                "the dash at byte 6 has a space on one side only",
            ),
            (
                "Title- Access Now",
                "the dash at byte 5 has a space on one side only",
            ),
            (
                "A - B - ",
                "the dash at byte 6 has a space on one side only",
            ),
            (
                " - Access Now",
                "the dash at byte 0 has a space on one side only",
            ),
        ] {
            for before in ["", "Section\n\n", "Section\nA title - Access Now\n"] {
                let text = format!("{before}{line}\n");
                let import = import_listing(&text, &ListingOptions::default());
                let last = text.lines().count();
                let reported: Vec<&UnparsedLine> =
                    import.unparsed.iter().filter(|u| u.line == last).collect();
                assert_eq!(reported.len(), 1, "{text:?}: {import:?}");
                assert!(
                    reported[0].expected.contains(reason),
                    "{text:?}: {}",
                    reported[0]
                );
                assert!(
                    import.sections.iter().all(|s| s.line != last),
                    "{text:?} made a heading"
                );
                assert!(
                    import
                        .resources
                        .iter()
                        .all(|r| !r.description.contains(line.trim())),
                    "{text:?} made a description"
                );
            }
        }
    }

    #[test]
    fn hostile_08_prose_with_a_dash_is_still_a_description() {
        let text = "Title - Access Now\n\
                    Civil society will speak - whether the ITU listens or not.\n";
        let import = import_listing(text, &ListingOptions::default());
        assert_eq!(
            import.resources[0].description,
            "Civil society will speak - whether the ITU listens or not."
        );
        assert!(import.unparsed.is_empty(), "{:?}", import.unparsed);
    }

    #[test]
    fn hostile_08_every_line_lands_in_a_resource_a_section_or_the_report() {
        let text = "Empty Heading\n\nPolicy\nA - Access Now\nAbout A.\nBudget - 2012\n\
                    Closing Heading\n";
        let import = import_listing(text, &ListingOptions::default());
        let sections: Vec<(usize, &str, usize)> = import
            .sections
            .iter()
            .map(|s| (s.line, s.name.as_str(), s.entries))
            .collect();
        assert_eq!(
            sections,
            [
                (1, "Empty Heading", 0),
                (3, "Policy", 1),
                (7, "Closing Heading", 0)
            ]
        );
        assert_eq!(import.resources.len(), 1);
        assert_eq!(import.resources[0].description, "About A.");
        let lines: Vec<usize> = import.unparsed.iter().map(|u| u.line).collect();
        assert_eq!(lines, [6]);
    }

    #[test]
    fn hostile_02_bad_lines_are_handed_out_not_kept() {
        let text = "x\n".repeat(100_000);
        let mut count = 0;
        let mut last = 0;
        let import = import_listing_reporting(&text, &ListingOptions::default(), |line| {
            count += 1;
            assert_eq!(line.line, last + 1);
            last = line.line;
        });
        assert_eq!(count, 100_000);
        assert!(import.unparsed.is_empty() && import.resources.is_empty());
        assert_eq!(import.unparsed.capacity(), 0);
    }

    #[test]
    fn hostile_04_listing_repeated_titles_linear() {
        let text = format!(
            "Policy Analyses\n\n{}",
            "Same Title - Access Now\n".repeat(40_000)
        );
        let import = import_listing(&text, &ListingOptions::default());
        assert_eq!(import.resources.len(), 40_000);
        assert!(import.unparsed.is_empty());
        assert_eq!(import.resources[0].id.as_str(), "same-title");
        assert_eq!(import.resources[39_999].id.as_str(), "same-title-40000");
        assert_eq!(import.sections[0].entries, 40_000);
    }
}
