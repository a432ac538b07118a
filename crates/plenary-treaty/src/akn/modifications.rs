//! Akoma Ntoso's record of amendments: `passiveModifications` on a text that proposals amended
//! (from [`Document::modifications`]), `activeModifications` on a proposal (from its marks),
//! each change a `textualMod` of type `insertion`, `substitution` or `repeal`.

use super::{Xml, slug, slug_label};
use crate::Error;
use crate::diff::appendix_key;
use crate::document::{AppendixKind, Clause, Document, DocumentPart, clause_key};
use crate::mark::{MarkAction, ProposalMark};
use crate::modification::Modification;

/// The namespace of the old and new texts inside `old` and `new`, which Akoma Ntoso leaves
/// to other vocabularies.
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// Writes `analysis` with the document's active and passive modifications, if it has any.
pub(super) fn analysis(x: &mut Xml, doc: &Document) -> Result<(), Error> {
    let active = marked(doc);
    if active.is_empty() && doc.modifications.is_empty() {
        return Ok(());
    }
    x.start("analysis", &[("source", "#plenary")])?;
    if !active.is_empty() {
        x.start("activeModifications", &[])?;
        for (i, m) in active.iter().enumerate() {
            let Some(kind) = m.kind() else { continue };
            let eid = eid(doc, m);
            x.start(
                "textualMod",
                &[("eId", &format!("amod_{}", i + 1)), ("type", kind.as_str())],
            )?;
            x.empty("source", &[("href", &format!("#{eid}"))])?;
            // The provision of the amended text, by the eId it has there.
            x.empty("destination", &[("href", &format!("#{eid}"))])?;
            if let Some(new) = &m.new {
                text_argument(x, "new", new)?;
            }
            x.end("textualMod")?;
        }
        x.end("activeModifications")?;
    }
    if !doc.modifications.is_empty() {
        x.start("passiveModifications", &[])?;
        for (i, m) in doc.modifications.iter().enumerate() {
            let Some(kind) = m.kind() else { continue };
            x.start(
                "textualMod",
                &[("eId", &format!("pmod_{}", i + 1)), ("type", kind.as_str())],
            )?;
            x.empty("source", &[("href", &format!("#{}", source_id(m)))])?;
            x.empty("destination", &[("href", &format!("#{}", eid(doc, m)))])?;
            if let Some(old) = &m.old {
                text_argument(x, "old", old)?;
            }
            if let Some(new) = &m.new {
                text_argument(x, "new", new)?;
            }
            x.end("textualMod")?;
        }
        x.end("passiveModifications")?;
    }
    x.end("analysis")
}

/// Writes a `passiveRef` for each proposal that amended the document, for the `source` of its
/// modifications.
pub(super) fn references(x: &mut Xml, doc: &Document) -> Result<(), Error> {
    let mut seen = std::collections::HashSet::new();
    for m in &doc.modifications {
        if m.kind().is_none() {
            continue;
        }
        let id = source_id(m);
        if !seen.insert(id.clone()) {
            continue;
        }
        let reference = m.mark.reference.as_deref().unwrap_or("unreferenced");
        x.empty(
            "passiveRef",
            &[
                ("eId", &id),
                (
                    "href",
                    &format!("/akn/int/doc/proposal/itu/{}", slug(reference)),
                ),
                ("showAs", &m.mark.to_string()),
            ],
        )?;
    }
    Ok(())
}

fn source_id(m: &Modification) -> String {
    format!(
        "src_{}",
        slug(m.mark.reference.as_deref().unwrap_or("unreferenced"))
    )
}

/// `<old>` or `<new>` holding the text as an XHTML `span`.
fn text_argument(x: &mut Xml, name: &str, text: &str) -> Result<(), Error> {
    x.start(name, &[])?;
    x.text_element("span", &[("xmlns", XHTML_NS)], text)?;
    x.end(name)
}

/// The changes a proposal's marks make, in text order, as modifications of the proposal
/// itself (`NOC` left out).
fn marked(doc: &Document) -> Vec<Modification> {
    let mut out = Vec::new();
    let mut path = Vec::new();
    for (part, sections) in [
        (DocumentPart::Preamble, &doc.preamble),
        (DocumentPart::Operative, &doc.operative),
    ] {
        for section in sections {
            let at = (part.clone(), section.line());
            marked_clauses(&mut out, &at, &mut path, &section.clauses);
        }
    }
    for article in &doc.articles {
        let at = (DocumentPart::Articles, format!("ARTICLE {}", article.num));
        whole(
            &mut out,
            article.mark.as_ref(),
            &at,
            article.heading.as_ref(),
        );
        marked_clauses(&mut out, &at, &mut path, &article.provisions);
    }
    for appendix in &doc.appendices {
        let at = (DocumentPart::Appendices, appendix_key(appendix));
        whole(
            &mut out,
            appendix.mark.as_ref(),
            &at,
            appendix.heading.as_ref(),
        );
        marked_clauses(&mut out, &at, &mut path, &appendix.provisions);
    }
    out
}

/// A mark on a whole article or appendix.
fn whole(
    out: &mut Vec<Modification>,
    mark: Option<&ProposalMark>,
    at: &(DocumentPart, String),
    heading: Option<&String>,
) {
    if let Some(mark) = mark.filter(|m| m.action != MarkAction::Noc) {
        out.push(Modification {
            mark: mark.clone(),
            part: at.0.clone(),
            section: at.1.clone(),
            path: Vec::new(),
            margin: None,
            old: None,
            new: heading.filter(|_| mark.action != MarkAction::Sup).cloned(),
        });
    }
}

/// The marks on clauses and their sub-clauses.
fn marked_clauses<'a>(
    out: &mut Vec<Modification>,
    at: &(DocumentPart, String),
    path: &mut Vec<(&'a Clause, usize)>,
    clauses: &'a [Clause],
) {
    for (i, clause) in clauses.iter().enumerate() {
        path.push((clause, i));
        if let Some(mark) = clause.mark.as_ref().filter(|m| m.action != MarkAction::Noc) {
            // The path of keys is only built for a clause that carries a mark.
            let keys = path
                .iter()
                .map(|(c, i)| c.num.clone().unwrap_or_else(|| clause_key(c, *i)))
                .collect();
            out.push(Modification {
                mark: mark.clone(),
                part: at.0.clone(),
                section: at.1.clone(),
                path: keys,
                margin: clause.margin.clone(),
                old: None,
                new: (mark.action != MarkAction::Sup).then(|| clause.text.clone()),
            });
        }
        marked_clauses(out, at, path, &clause.clauses);
        path.pop();
    }
}

/// The eId that [`to_akn`](super::to_akn) gives the provision, article or section a
/// modification names, in `doc`; for a provision `doc` no longer has, the eId it had.
pub(super) fn eid(doc: &Document, m: &Modification) -> String {
    let label = |text: &str| match text.strip_prefix('#') {
        Some(position) => position.to_owned(),
        None => slug_label(text),
    };
    let (container, paragraphs) = match m.part {
        DocumentPart::Articles => {
            let num = m.section.strip_prefix("ARTICLE ").unwrap_or(&m.section);
            (format!("art_{}", slug_label(num)), true)
        }
        DocumentPart::Appendices => {
            let found = doc
                .appendices
                .iter()
                .position(|a| appendix_key(a) == m.section);
            let kind = found.map_or(AppendixKind::Appendix, |i| doc.appendices[i].kind);
            let name = match kind {
                AppendixKind::Appendix => "appendix",
                AppendixKind::Annex => "annex",
            };
            (format!("{name}_{}", found.map_or(1, |i| i + 1)), true)
        }
        DocumentPart::Preamble | DocumentPart::Operative | DocumentPart::Header => {
            let (sections, prefix) = if m.part == DocumentPart::Operative {
                (&doc.operative, "mainBody__list")
            } else {
                (&doc.preamble, "preamble__list")
            };
            let at = sections.iter().position(|s| s.line() == m.section);
            (format!("{prefix}_{}", at.map_or(1, |i| i + 1)), false)
        }
    };
    let mut id = container;
    for (depth, step) in m.path.iter().enumerate() {
        let leaf = depth + 1 == m.path.len();
        let step = match (&m.margin, step.starts_with('#')) {
            (Some(margin), true) if leaf && paragraphs && depth == 0 => slug_label(margin),
            _ => label(step),
        };
        if depth == 0 && paragraphs {
            id = format!("{id}__para_{step}");
        } else if depth == 0 {
            id = format!("{id}__item_{step}");
        } else {
            id = format!("{id}__list_1__item_{step}");
        }
    }
    id
}
