//! A Markdown list of resources, grouped by section.

use plenary_core::{Actor, markdown_escape as escape};

use crate::author::ActorDirectory;
use crate::{Resource, sections};

/// The resources as a Markdown list under one `##` heading per section, sections in the order
/// they first appear, resources without a section last under "Other resources".
///
/// Each item is `- [Title](<link>) — Authors: description` (the title plain when there is no
/// link). Markdown's metacharacters in the data are escaped with backslashes, so a title such as
/// `[click](javascript:…)` stays text, and a description is kept on the item's line.
///
/// ```
/// use plenary_resources::{Author, Resource, ResourceKind, to_markdown};
///
/// let mut r = Resource::new("x".parse()?, "Tell the ITU: *The internet* belongs to us!".parse()?,
///     ResourceKind::Petition);
/// r.authors.push(Author::Name("Access Now".parse()?));
/// r.section = Some("Advocacy Resources".parse()?);
/// r.link = Some("https://www.accessnow.org/itu".parse()?);
/// assert_eq!(
///     to_markdown(&[r], &[]),
///     "## Advocacy Resources\n\n- [Tell the ITU: \\*The internet\\* belongs to us\\!](<https://www.accessnow.org/itu>) — Access Now\n"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_markdown(resources: &[Resource], actors: &[Actor]) -> String {
    let directory = ActorDirectory::new(actors);
    let mut out = String::new();
    for (section, items) in sections(resources) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str("## ");
        out.push_str(&escape(section.unwrap_or("Other resources")));
        out.push_str("\n\n");
        for r in items {
            out.push_str("- ");
            let title = escape(r.title.as_str());
            match &r.link {
                Some(link) => {
                    out.push('[');
                    out.push_str(&title);
                    out.push_str("](<");
                    out.push_str(&link.as_str().replace('<', "%3C").replace('>', "%3E"));
                    out.push_str(">)");
                }
                None => out.push_str(&title),
            }
            if !r.authors.is_empty() {
                let names: Vec<String> = r
                    .authors
                    .iter()
                    .map(|a| escape(&directory.display_name(a)))
                    .collect();
                out.push_str(" — ");
                out.push_str(&names.join(", "));
            }
            if !r.description.is_empty() {
                out.push_str(": ");
                out.push_str(&escape(&r.description));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ResourceKind;

    #[test]
    fn grouped_by_section_in_first_seen_order() {
        let r = |id: &str, section: Option<&str>| {
            let mut r = Resource::new(
                id.parse().unwrap(),
                id.to_uppercase().parse().unwrap(),
                ResourceKind::Report,
            );
            r.section = section.map(|s| s.parse().unwrap());
            r
        };
        let md = to_markdown(
            &[
                r("a", Some("Policy Analyses")),
                r("b", None),
                r("c", Some("Advocacy Resources")),
                r("d", Some("Policy Analyses")),
            ],
            &[],
        );
        assert_eq!(
            md,
            "## Policy Analyses\n\n- A\n- D\n\n## Advocacy Resources\n\n- C\n\n## Other resources\n\n- B\n"
        );
    }
}
