//! ITU proposals written from a diff: every clause marked ADD, MOD, SUP or NOC.

use crate::Error;
use crate::diff::{ChangeKind, entries, matching};
use crate::document::{Article, Clause, Document, Section};
use crate::mark::{MarkAction, ProposalMark};

/// How [`propose`] marks a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposalOptions {
    /// Mark unchanged clauses `NOC` (otherwise they carry no mark).
    pub noc: bool,
    /// The proposal's reference prefix, such as `"ARB/7"`; marks are then numbered
    /// `ARB/7/1`, `ARB/7/2`, … in text order.
    pub reference: Option<String>,
}

/// Writes the new version of a text as an ITU proposal against its base: added clauses and
/// provisions are marked `ADD`, modified or moved ones `MOD`, removed ones come back as `SUP`
/// with their label and no text, and unchanged ones are marked `NOC` when asked for.
///
/// ```
/// use plenary_treaty::{MarkAction, ProposalOptions, parse, propose};
///
/// let base = parse("ARTICLE 3\nNetwork\n3.1 one;\n3.2 two;\n3.3 three.\n");
/// let new = parse("ARTICLE 3\nNetwork\n3.1 one;\n3.2 two more;\n3.1bis four.\n");
/// let options = ProposalOptions { noc: true, reference: Some("ARB/7".into()) };
/// let proposal = propose(&base, &new, &options)?;
/// let marks: Vec<String> = proposal.articles[0]
///     .provisions
///     .iter()
///     .map(|p| format!("{} {}", p.mark.as_ref().map_or(String::new(), |m| m.to_string()), p.num.as_deref().unwrap_or("")))
///     .collect();
/// assert_eq!(marks, ["NOC ARB/7/1 3.1", "MOD ARB/7/2 3.2", "SUP ARB/7/3 3.3", "ADD ARB/7/4 3.1bis"]);
///
/// // A reference is one token: a newline would inject a line into the proposal.
/// let bad = ProposalOptions { noc: false, reference: Some("ARB/7\nresolves".into()) };
/// assert!(propose(&base, &new, &bad).is_err());
/// # Ok::<(), plenary_treaty::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::InvalidReference`] when [`ProposalOptions::reference`] is not one token of letters,
/// digits, `-` and `.` in parts joined by `/` (such as `ARB/7`), at most 32 bytes.
pub fn propose(
    base: &Document,
    new: &Document,
    options: &ProposalOptions,
) -> Result<Document, Error> {
    if let Some(reference) = &options.reference {
        check_reference(reference)?;
    }
    let old_entries = entries(base);
    let new_entries = entries(new);
    let m = matching(&old_entries, &new_entries);
    let actions: Vec<Option<MarkAction>> = (0..new_entries.len())
        .map(|j| match (m.new_to_old[j], m.kinds[j]) {
            (None, _) => Some(MarkAction::Add),
            (Some(_), Some(ChangeKind::Modified | ChangeKind::Moved)) => Some(MarkAction::Mod),
            _ => options.noc.then_some(MarkAction::Noc),
        })
        .collect();
    let mut proposal = new.clone();
    let mut index = 0;
    let mut set = |clauses: &mut Vec<Clause>| mark_all(clauses, &actions, &mut index);
    for section in proposal
        .preamble
        .iter_mut()
        .chain(proposal.operative.iter_mut())
    {
        set(&mut section.clauses);
    }
    for article in &mut proposal.articles {
        set(&mut article.provisions);
    }

    // Removed clauses return as SUP, at their old place in their section or article.
    for (i, entry) in old_entries.iter().enumerate() {
        if m.old_matched[i] {
            continue;
        }
        // A clause nested in a removed clause goes with its parent's SUP.
        if entry.depth > 0 && parent_removed(&old_entries, &m.old_matched, entry) {
            continue;
        }
        let sup = Clause {
            num: entry.num.clone(),
            text: String::new(),
            mark: Some(ProposalMark::new(MarkAction::Sup)),
            ..Clause::default()
        };
        let list = match entry.part {
            crate::DocumentPart::Articles => {
                let found = proposal
                    .articles
                    .iter()
                    .position(|a| format!("ARTICLE {}", a.num) == entry.section);
                let at = match found {
                    Some(at) => at,
                    None => {
                        let heading = base
                            .articles
                            .iter()
                            .find(|a| format!("ARTICLE {}", a.num) == entry.section);
                        proposal.articles.push(Article {
                            num: heading.map(|a| a.num.clone()).unwrap_or_default(),
                            heading: heading.and_then(|a| a.heading.clone()),
                            ..Article::default()
                        });
                        proposal.articles.len() - 1
                    }
                };
                &mut proposal.articles[at].provisions
            }
            crate::DocumentPart::Appendices => {
                let found = proposal
                    .appendices
                    .iter()
                    .position(|a| crate::diff::appendix_key(a) == entry.section);
                match found {
                    Some(at) => &mut proposal.appendices[at].provisions,
                    None => {
                        let Some(template) = base
                            .appendices
                            .iter()
                            .find(|a| crate::diff::appendix_key(a) == entry.section)
                        else {
                            continue;
                        };
                        proposal.appendices.push(crate::Appendix {
                            provisions: Vec::new(),
                            mark: None,
                            ..template.clone()
                        });
                        let last = proposal.appendices.len() - 1;
                        &mut proposal.appendices[last].provisions
                    }
                }
            }
            crate::DocumentPart::Preamble
            | crate::DocumentPart::Operative
            | crate::DocumentPart::Header => {
                let (sections, base_sections) = if entry.part == crate::DocumentPart::Preamble {
                    (&mut proposal.preamble, &base.preamble)
                } else {
                    (&mut proposal.operative, &base.operative)
                };
                let at = match sections.iter().position(|s| s.line() == entry.section) {
                    Some(at) => at,
                    None => {
                        let template = base_sections.iter().find(|s| s.line() == entry.section);
                        sections.push(Section {
                            keyword: template.and_then(|s| s.keyword),
                            phrase: template.map(|s| s.phrase.clone()).unwrap_or_default(),
                            addressee: template.and_then(|s| s.addressee.clone()),
                            ..Section::default()
                        });
                        sections.len() - 1
                    }
                };
                &mut sections[at].clauses
            }
        };
        let list = if entry.depth == 0 {
            Some(list)
        } else {
            find_by_path(list, "", &entry.parent).map(|parent| &mut parent.clauses)
        };
        if let Some(list) = list {
            let at = entry.index.min(list.len());
            list.insert(at, sup);
        }
    }

    if let Some(prefix) = &options.reference {
        let mut n = 0;
        let mut number = |clauses: &mut Vec<Clause>| number_marks(clauses, prefix, &mut n);
        for section in proposal
            .preamble
            .iter_mut()
            .chain(proposal.operative.iter_mut())
        {
            number(&mut section.clauses);
        }
        for article in &mut proposal.articles {
            number(&mut article.provisions);
        }
    }
    proposal.references = proposal.find_references();
    Ok(proposal)
}

/// The longest reference prefix [`propose`] accepts, in bytes.
pub const MAX_REFERENCE_LEN: usize = 32;

/// Checks a proposal reference prefix such as `ARB/7`: one token of ASCII letters, digits, `-`
/// and `.` in non-empty parts joined by `/`, at most [`MAX_REFERENCE_LEN`] bytes.
///
/// # Errors
///
/// [`Error::InvalidReference`], quoting the prefix, when it is anything else.
pub fn check_reference(reference: &str) -> Result<(), Error> {
    let valid = !reference.is_empty()
        && reference.len() <= MAX_REFERENCE_LEN
        && reference.split('/').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        });
    if valid {
        Ok(())
    } else {
        Err(Error::InvalidReference {
            reference: reference.to_owned(),
        })
    }
}

fn mark_all(clauses: &mut [Clause], actions: &[Option<MarkAction>], index: &mut usize) {
    for clause in clauses {
        clause.mark = actions
            .get(*index)
            .copied()
            .flatten()
            .map(ProposalMark::new);
        *index += 1;
        mark_all(&mut clause.clauses, actions, index);
    }
}

fn number_marks(clauses: &mut [Clause], prefix: &str, n: &mut usize) {
    for clause in clauses {
        if let Some(mark) = &mut clause.mark {
            *n += 1;
            mark.reference = Some(format!("{prefix}/{n}"));
        }
        number_marks(&mut clause.clauses, prefix, n);
    }
}

/// Whether the clause a removed entry was nested in was removed too.
fn parent_removed(
    entries: &[crate::diff::Entry],
    matched: &[bool],
    entry: &crate::diff::Entry,
) -> bool {
    entries.iter().zip(matched).any(|(e, m)| {
        !m && e.part == entry.part && e.section == entry.section && e.path == entry.parent
    })
}

/// The clause at `target` (labels joined by `.`, as in the diff's entries) in `clauses`.
fn find_by_path<'a>(
    clauses: &'a mut [Clause],
    prefix: &str,
    target: &str,
) -> Option<&'a mut Clause> {
    for (i, clause) in clauses.iter_mut().enumerate() {
        let key = crate::document::clause_key(clause, i);
        let path = if prefix.is_empty() {
            key
        } else {
            format!("{prefix}.{key}")
        };
        if path == target {
            return Some(clause);
        }
        if target.starts_with(&path)
            && let Some(found) = find_by_path(&mut clause.clauses, &path, target)
        {
            return Some(found);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, render};

    #[test]
    fn a_removed_sub_clause_comes_back_as_sup_under_its_parent() {
        let base = parse("resolves\n1 to act:\na) now;\nb) later;\n2 to stop.\n");
        let new = parse("resolves\n1 to act:\na) now;\n2 to stop.\n");
        let proposal = propose(&base, &new, &ProposalOptions::default()).unwrap();
        assert_eq!(
            render(&proposal),
            "resolves\n\n1 to act:\n\na) now;\n\nSUP\n\nb)\n\n2 to stop.\n"
        );
    }

    #[test]
    fn a_removed_clause_takes_its_sub_clauses_with_it() {
        let base = parse("resolves\n1 to act:\na) now;\nb) later;\n2 to stop.\n");
        let new = parse("resolves\n2 to stop.\n");
        let proposal = propose(&base, &new, &ProposalOptions::default()).unwrap();
        assert_eq!(render(&proposal), "resolves\n\nSUP\n\n1\n\n2 to stop.\n");
    }

    #[test]
    fn a_reference_is_one_token() {
        for (reference, ok) in [
            ("ARB/7", true),
            ("EUR/16A1", true),
            ("B2", true),
            ("ARB/7\nresolves", false),
            ("ARB 7", false),
            ("ARB//7", false),
            ("", false),
            ("ARB/7\r", false),
            ("A/\u{2028}", false),
            (&"A".repeat(33), false),
        ] {
            assert_eq!(check_reference(reference).is_ok(), ok, "{reference:?}");
        }
        let err = check_reference("ARB/7\nx").unwrap_err();
        assert!(err.to_string().contains("\"ARB/7\\nx\""), "{err}");
    }
}
