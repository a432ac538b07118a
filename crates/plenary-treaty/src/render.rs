//! Canonical plain text: the layout [`parse`](crate::parse) reads back to the same document.

use std::fmt::Write;

use crate::document::{Clause, Document, RevisionStatus, Section};

/// Renders a document as canonical ITU-layout text: one block per line, blank lines between
/// blocks, each label on the line of its text, each mark on the line before what it marks.
///
/// For every document the parser produces without unplaced lines, `parse(&render(&doc)) ==
/// doc`. Unplaced lines are written at the end, so they survive but do not keep their place.
///
/// ```
/// let text = "RESOLUTION 1\n\nRules\n\nresolves\n\n1 to adopt the rules.\n";
/// let doc = plenary_treaty::parse(text);
/// assert_eq!(plenary_treaty::render(&doc), text);
/// assert_eq!(plenary_treaty::parse(&plenary_treaty::render(&doc)), doc);
/// ```
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let mut block = |out: &mut String, line: &str| {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
    };
    if let Some(mark) = &doc.mark {
        block(&mut out, &mark.to_string());
    }
    if let Some(heading) = crate::heading::heading_of(doc) {
        block(&mut out, &heading);
    }
    if let Some(revises) = doc.revised.as_ref().and_then(|r| r.revises.as_deref()) {
        block(
            &mut out,
            &format!("This is a revised version of {revises}."),
        );
    }
    if let Some(title) = &doc.title {
        block(&mut out, title);
    }
    if let Some(issuer) = &doc.issuer {
        block(&mut out, &format!("{issuer},"));
    }
    for section in doc.preamble.iter().chain(&doc.operative) {
        render_section(&mut out, section, &mut block);
    }
    for article in &doc.articles {
        if let Some(mark) = &article.mark {
            block(&mut out, &mark.to_string());
        }
        block(&mut out, &format!("ARTICLE {}", article.num));
        if let Some(heading) = &article.heading {
            block(&mut out, heading);
        }
        render_clauses(&mut out, &article.provisions, &mut block);
    }
    for line in &doc.unplaced {
        block(&mut out, &line.text);
    }
    // A revised draft without a heading still says so through its revision line.
    debug_assert!(
        doc.revised
            .as_ref()
            .is_none_or(|r| r.status != RevisionStatus::Revised || doc.session.is_some())
    );
    out
}

fn render_section(out: &mut String, section: &Section, block: &mut impl FnMut(&mut String, &str)) {
    if let Some(mark) = &section.mark {
        block(out, &mark.to_string());
    }
    if section.keyword.is_some() {
        block(out, &section.line());
    }
    render_clauses(out, &section.clauses, block);
}

fn render_clauses(out: &mut String, clauses: &[Clause], block: &mut impl FnMut(&mut String, &str)) {
    for clause in clauses {
        if let Some(mark) = &clause.mark {
            block(out, &mark.to_string());
        }
        let mut line = String::new();
        if let Some(num) = &clause.num {
            line.push_str(num);
            if !clause.text.is_empty() {
                line.push(' ');
            }
        }
        let _ = write!(line, "{}", clause.text);
        block(out, &line);
        render_clauses(out, &clause.clauses, block);
    }
}
