//! Markdown export, every piece of text escaped.

use crate::document::{Clause, Document, Section};

/// Writes a document as CommonMark: the heading as `#`, the title as `##`, keyword lines in
/// italics, clauses as nested lists with their labels in bold. Every character that Markdown
/// or HTML would read as markup is escaped, so text can never turn into links or tags.
///
/// ```
/// let doc = plenary_treaty::parse("RESOLUTION 1\n\nRules *of* <procedure>\n\nresolves\n\n1 to adopt [them].\n");
/// let md = plenary_treaty::to_markdown(&doc);
/// assert!(md.contains("## Rules \\*of\\* \\<procedure\\>"));
/// assert!(md.contains("- **1** to adopt \\[them\\]."));
/// ```
pub fn to_markdown(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(mark) = &doc.mark {
        out.push_str(&format!("`{mark}`\n\n"));
    }
    if let Some(heading) = crate::heading::heading_of(doc) {
        out.push_str(&format!("# {}\n\n", escape(&heading)));
    }
    if let Some(revises) = doc.revised.as_ref().and_then(|r| r.revises.as_deref()) {
        out.push_str(&format!(
            "This is a revised version of {}.\n\n",
            escape(revises)
        ));
    }
    if let Some(title) = &doc.title {
        out.push_str(&format!("## {}\n\n", escape(title.as_str())));
    }
    if let Some(issuer) = &doc.issuer {
        out.push_str(&format!("{},\n\n", escape(issuer)));
    }
    for section in doc.preamble.iter().chain(&doc.operative) {
        section_md(&mut out, section);
    }
    for article in &doc.articles {
        if let Some(mark) = &article.mark {
            out.push_str(&format!("`{mark}`\n\n"));
        }
        out.push_str(&format!("### Article {}", escape(&article.num)));
        if let Some(heading) = &article.heading {
            out.push_str(&format!(": {}", escape(heading)));
        }
        out.push_str("\n\n");
        clauses_md(&mut out, &article.provisions, 0);
        out.push('\n');
    }
    if !doc.unplaced.is_empty() {
        out.push_str("---\n\n");
        for line in &doc.unplaced {
            out.push_str(&format!("> line {}: {}\n", line.line, escape(&line.text)));
        }
    }
    out
}

fn section_md(out: &mut String, section: &Section) {
    if let Some(mark) = &section.mark {
        out.push_str(&format!("`{mark}`\n\n"));
    }
    if section.keyword.is_some() {
        out.push_str(&format!("_{}_\n\n", escape(&section.line())));
    }
    clauses_md(out, &section.clauses, 0);
    out.push('\n');
}

fn clauses_md(out: &mut String, clauses: &[Clause], depth: usize) {
    for clause in clauses {
        out.push_str(&"  ".repeat(depth));
        out.push_str("- ");
        if let Some(mark) = &clause.mark {
            out.push_str(&format!("`{mark}` "));
        }
        if let Some(num) = &clause.num {
            out.push_str(&format!("**{}** ", escape(num)));
        }
        out.push_str(&escape(&clause.text));
        out.push('\n');
        clauses_md(out, &clause.clauses, depth + 1);
    }
}

/// Text made inert in Markdown: plenary-core's one Markdown escape.
pub(crate) use plenary_core::markdown_escape as escape;
