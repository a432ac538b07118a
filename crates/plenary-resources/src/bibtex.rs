//! BibTeX, for LaTeX documents.

use std::fmt::Write;

use plenary_core::Actor;

use crate::author::ActorDirectory;
use crate::{Resource, ResourceKind};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The resources as BibTeX entries, one each, keyed by resource id.
///
/// Analyses, reports, background papers and comments are `@techreport`s whose `institution` is
/// their first organisation author; everything else is `@misc` with its kind in `note`. People's
/// names are written `Family, Given`; an organisation's name is braced, so BibTeX never splits
/// it at an `and`. Every value is escaped for LaTeX (`& % $ # _ { } ~ ^ \`), titles are braced
/// to keep their capitals, and URLs keep their characters except braces, which are
/// percent-encoded.
///
/// ```
/// use plenary_resources::{Author, Resource, ResourceKind, to_bibtex};
///
/// let mut r = Resource::new("cdt/security".parse()?,
///     "Security Proposals to the ITU".parse()?, ResourceKind::PolicyAnalysis);
/// r.authors.push(Author::Name("Center for Democracy & Technology".parse()?));
/// let bib = to_bibtex(&[r], &[]);
/// assert!(bib.starts_with("@techreport{cdt/security,\n"));
/// assert!(bib.contains("  author = {{Center for Democracy \\& Technology}},\n"));
/// assert!(bib.contains("  title = {{Security Proposals to the ITU}},\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_bibtex(resources: &[Resource], actors: &[Actor]) -> String {
    let directory = ActorDirectory::new(actors);
    let mut out = String::new();
    for (i, r) in resources.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        entry(&mut out, r, &directory);
    }
    out
}

fn entry(out: &mut String, r: &Resource, directory: &ActorDirectory<'_>) {
    let report = matches!(
        r.kind,
        ResourceKind::PolicyAnalysis
            | ResourceKind::Report
            | ResourceKind::Background
            | ResourceKind::Comments
    );
    let _ = writeln!(
        out,
        "@{}{{{},",
        if report { "techreport" } else { "misc" },
        r.id
    );
    let mut field = |name: &str, value: &str| {
        let _ = writeln!(out, "  {name} = {{{value}}},");
    };
    if !r.authors.is_empty() {
        let names: Vec<String> = r
            .authors
            .iter()
            .map(|a| {
                let shown = directory.display_name(a);
                match shown.rsplit_once(' ') {
                    Some((given, family)) if directory.is_person(a) => {
                        format!("{}, {}", escape(family), escape(given))
                    }
                    _ => format!("{{{}}}", escape(&shown)),
                }
            })
            .collect();
        field("author", &names.join(" and "));
    }
    field("title", &format!("{{{}}}", escape(r.title.as_str())));
    if report {
        let institution = r
            .authors
            .iter()
            .chain(&r.publisher)
            .find(|a| !directory.is_person(a));
        if let Some(institution) = institution {
            field("institution", &escape(&directory.display_name(institution)));
        }
        if r.kind != ResourceKind::Report {
            field("type", &escape(&capitalised(r.kind.label())));
        }
    } else {
        field("note", &escape(&capitalised(r.kind.label())));
        if let Some(publisher) = &r.publisher {
            field("publisher", &escape(&directory.display_name(publisher)));
        }
    }
    if let Some(date) = r.published {
        field("year", &date.year_number().to_string());
    }
    if let Some(link) = &r.link {
        field(
            "url",
            &link.as_str().replace('{', "%7B").replace('}', "%7D"),
        );
    }
    if !r.description.is_empty() {
        field("abstract", &escape(&r.description.replace('\n', " ")));
    }
    if !r.topics.is_empty() {
        let topics: Vec<&str> = r.topics.iter().map(|t| t.as_str()).collect();
        field("keywords", &escape(&topics.join(", ")));
    }
    if let Some(language) = r.languages.first() {
        field("language", &escape(language.as_str()));
    }
    if let Some(month) = r.published.and_then(|d| d.month()) {
        let name = MONTHS[(month as usize).clamp(1, 12) - 1];
        let _ = writeln!(out, "  month = {name},");
    }
    out.push_str("}\n");
}

fn capitalised(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `text` with the characters LaTeX or BibTeX give a meaning escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use plenary_core::ActorKind;

    use super::*;
    use crate::Author;

    #[test]
    fn escaping() {
        for (text, escaped) in [
            ("AT&T", "AT\\&T"),
            ("100% {sure} $5 #1 a_b", "100\\% \\{sure\\} \\$5 \\#1 a\\_b"),
            (
                "~^\\",
                "\\textasciitilde{}\\textasciicircum{}\\textbackslash{}",
            ),
            ("Llansó", "Llansó"),
            ("}{", "\\}\\{"),
        ] {
            assert_eq!(escape(text), escaped, "{text}");
        }
    }

    #[test]
    fn a_whole_entry() {
        let actors = [
            Actor::new(
                "laura-denardis".parse().unwrap(),
                "Laura DeNardis".parse().unwrap(),
                ActorKind::Academic,
            ),
            Actor::new(
                "isoc".parse().unwrap(),
                "Internet Society".parse().unwrap(),
                ActorKind::CivilSociety,
            ),
        ];
        let mut r = Resource::new(
            "x/ixp".parse().unwrap(),
            "Governance at the Internet's Core: IXPs".parse().unwrap(),
            ResourceKind::PolicyAnalysis,
        )
        .with_description("A content tax: 'sending party network pays' } {")
        .unwrap();
        r.authors = vec![
            Author::Actor("laura-denardis".parse().unwrap()),
            Author::Actor("isoc".parse().unwrap()),
        ];
        r.published = Some("2012-09".parse().unwrap());
        r.link = Some("https://example.org/a?x={y}".parse().unwrap());
        assert_eq!(
            to_bibtex(&[r], &actors),
            "@techreport{x/ixp,\n  \
               author = {DeNardis, Laura and {Internet Society}},\n  \
               title = {{Governance at the Internet's Core: IXPs}},\n  \
               institution = {Internet Society},\n  \
               type = {Policy analysis},\n  \
               year = {2012},\n  \
               url = {https://example.org/a?x=%7By%7D},\n  \
               abstract = {A content tax: 'sending party network pays' \\} \\{},\n  \
               month = sep,\n\
             }\n"
        );
    }

    #[test]
    fn braces_stay_balanced_whatever_the_data() {
        let r = Resource::new(
            "x".parse().unwrap(),
            "}}} {{ \\".parse().unwrap(),
            ResourceKind::Video,
        );
        let bib = to_bibtex(&[r], &[]);
        let mut depth = 0i32;
        let mut chars = bib.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0, "{bib}");
        }
        assert_eq!(depth, 0, "{bib}");
    }
}
