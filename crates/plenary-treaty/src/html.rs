//! HTML export, every piece of text escaped.

use crate::document::{Clause, Document, Section};

/// Writes a document as an HTML fragment (`<article class="treaty">`): the heading as `h1`, the
/// title as `h2`, keyword lines in `em`, clauses as nested `ol`s with their labels in a
/// `span class="num"`, marks in `span class="mark"`. All text is escaped (`&`, `<`, `>`, `"`,
/// `'`), so no input can inject markup.
///
/// ```
/// let doc = plenary_treaty::parse("RESOLUTION 1\n\n<script>alert(1)</script>\n\nresolves\n\n1 that \"a\" & 'b'.\n");
/// let html = plenary_treaty::to_html(&doc);
/// assert!(html.contains("<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>"));
/// assert!(html.contains("that &quot;a&quot; &amp; &#39;b&#39;."));
/// assert!(!html.contains("<script>"));
/// ```
pub fn to_html(doc: &Document) -> String {
    let mut out = String::from("<article class=\"treaty\">\n");
    if let Some(mark) = &doc.mark {
        out.push_str(&format!(
            "<p class=\"mark\">{}</p>\n",
            escape(&mark.to_string())
        ));
    }
    if let Some(heading) = crate::heading::heading_of(doc) {
        out.push_str(&format!("<h1>{}</h1>\n", escape(&heading)));
    }
    if let Some(revises) = doc.revised.as_ref().and_then(|r| r.revises.as_deref()) {
        out.push_str(&format!(
            "<p class=\"revises\">This is a revised version of {}.</p>\n",
            escape(revises)
        ));
    }
    if let Some(title) = &doc.title {
        out.push_str(&format!("<h2>{}</h2>\n", escape(title.as_str())));
    }
    if let Some(issuer) = &doc.issuer {
        out.push_str(&format!("<p class=\"issuer\">{},</p>\n", escape(issuer)));
    }
    for section in doc.preamble.iter().chain(&doc.operative) {
        section_html(&mut out, section);
    }
    for article in &doc.articles {
        out.push_str("<section class=\"article\">\n");
        if let Some(mark) = &article.mark {
            out.push_str(&format!(
                "<p class=\"mark\">{}</p>\n",
                escape(&mark.to_string())
            ));
        }
        out.push_str(&format!("<h3>ARTICLE {}</h3>\n", escape(&article.num)));
        if let Some(heading) = &article.heading {
            out.push_str(&format!("<h4>{}</h4>\n", escape(heading)));
        }
        clauses_html(&mut out, &article.provisions);
        out.push_str("</section>\n");
    }
    for line in &doc.unplaced {
        out.push_str(&format!(
            "<p class=\"unplaced\" data-line=\"{}\">{}</p>\n",
            line.line,
            escape(&line.text)
        ));
    }
    out.push_str("</article>\n");
    out
}

fn section_html(out: &mut String, section: &Section) {
    out.push_str("<section>\n");
    if let Some(mark) = &section.mark {
        out.push_str(&format!(
            "<p class=\"mark\">{}</p>\n",
            escape(&mark.to_string())
        ));
    }
    if section.keyword.is_some() {
        out.push_str(&format!(
            "<p class=\"keyword\"><em>{}</em></p>\n",
            escape(&section.line())
        ));
    }
    clauses_html(out, &section.clauses);
    out.push_str("</section>\n");
}

fn clauses_html(out: &mut String, clauses: &[Clause]) {
    if clauses.is_empty() {
        return;
    }
    out.push_str("<ol>\n");
    for clause in clauses {
        out.push_str("<li>");
        if let Some(mark) = &clause.mark {
            out.push_str(&format!(
                "<span class=\"mark\">{}</span> ",
                escape(&mark.to_string())
            ));
        }
        if let Some(num) = &clause.num {
            out.push_str(&format!("<span class=\"num\">{}</span> ", escape(num)));
        }
        out.push_str(&escape(&clause.text));
        if !clause.clauses.is_empty() {
            out.push('\n');
            clauses_html(out, &clause.clauses);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

/// Escapes the five characters HTML gives a meaning to: plenary-core's one HTML escape.
pub(crate) use plenary_core::html_escape as escape;
