//! Canonical plain text: the layout [`parse`](crate::parse) reads back to the same document.

use crate::document::{
    Appendix, AppendixKind, Clause, Division, DivisionKind, Document, Metadata, RevisionStatus,
    Section,
};

/// Renders a document as canonical text: one block per line, blank lines between blocks, each
/// label on the line of its text (after its margin number and margin notes), each mark on the
/// line before what it marks, a UN text with its header block, `80/16. Title` line and
/// paragraphs that open with their keyword.
///
/// For every document the parser produces without unplaced lines, `parse(&render(&doc)) ==
/// doc`, with these exceptions of layout: running heads are not written (canonical text has no
/// page breaks), and margin numbers read back as margins only when at least one of them stands
/// before a label or note (`2 1.1 …`, `14A PP-06 …`), which is how the parser knows the text
/// has margins. Unplaced lines are written at the end, so they survive but do not keep their
/// place.
///
/// ```
/// let text = "RESOLUTION 1\n\nRules\n\nresolves\n\n1 to adopt the rules.\n";
/// let doc = plenary_treaty::parse(text);
/// assert_eq!(plenary_treaty::render(&doc), text);
/// assert_eq!(plenary_treaty::parse(&plenary_treaty::render(&doc)), doc);
/// ```
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let block = &mut |out: &mut String, line: &str| {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
    };
    if let Some(mark) = &doc.mark {
        block(&mut out, &mark.to_string());
    }
    // A UN header block opens with the organization or the distribution line; without them
    // (an agency resolution: `Resolution A.1099(29)` / `Adopted on …`) it follows the heading.
    let opens = doc.metadata.as_ref().is_some_and(|m| {
        m.organization.is_some() || m.body.is_some() || m.distribution.is_some() || m.date.is_some()
    });
    if opens && let Some(meta) = &doc.metadata {
        for line in metadata_lines(meta) {
            block(&mut out, &line);
        }
    }
    let un_title = un_title_line(doc);
    match &un_title {
        Some(line) => block(&mut out, line),
        None => {
            if let Some(heading) = crate::heading::heading_of(doc) {
                block(&mut out, &heading);
            }
        }
    }
    if !opens && let Some(meta) = &doc.metadata {
        for line in metadata_lines(meta) {
            block(&mut out, &line);
        }
    }
    if let Some(revises) = doc.revised.as_ref().and_then(|r| r.revises.as_deref()) {
        block(
            &mut out,
            &format!("This is a revised version of {revises}."),
        );
    }
    if un_title.is_none()
        && let Some(title) = &doc.title
    {
        block(&mut out, title.as_str());
    }
    if let Some(issuer) = &doc.issuer {
        block(&mut out, &format!("{issuer},"));
    }
    if let Some(heading) = &doc.preamble_heading {
        block(&mut out, heading);
    }
    for section in doc.preamble.iter().chain(&doc.operative) {
        render_section(&mut out, section, block);
    }
    for article in &doc.articles {
        for division in &article.divisions {
            render_division(&mut out, division, block);
        }
        if let Some(mark) = &article.mark {
            block(&mut out, &mark.to_string());
        }
        block(&mut out, &format!("ARTICLE {}", article.num));
        if let Some(heading) = &article.heading {
            block(&mut out, heading);
        }
        render_clauses(&mut out, &article.provisions, block);
    }
    for paragraph in &doc.closing {
        block(&mut out, paragraph);
    }
    for appendix in &doc.appendices {
        if let Some(mark) = &appendix.mark {
            block(&mut out, &mark.to_string());
        }
        block(&mut out, &appendix_text(appendix));
        if let Some(heading) = &appendix.heading {
            block(&mut out, heading);
        }
        render_clauses(&mut out, &appendix.provisions, block);
    }
    if let Some(adoption) = &doc.adoption {
        block(&mut out, adoption);
    }
    for footnote in &doc.footnotes {
        block(&mut out, &format!("{} {}", footnote.num, footnote.text));
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

/// `80/16. Title` or `WHA77.2 Title` for a UN-system resolution that has nothing an ITU heading
/// would carry.
pub(crate) fn un_title_line(doc: &Document) -> Option<String> {
    let number = doc.number.as_deref()?;
    let title = doc.title.as_ref()?;
    let plain = doc.kind == Some(crate::DocumentKind::Resolution)
        && doc.symbol.is_none()
        && doc.session.is_none()
        && doc.revised.is_none();
    if !plain || !crate::structure::is_un_number(number) {
        return None;
    }
    if number.contains('/') {
        Some(format!("{number}. {title}"))
    } else {
        Some(format!("{number} {title}"))
    }
}

/// The lines of a UN header block.
pub(crate) fn metadata_lines(meta: &Metadata) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(organization) = &meta.organization {
        lines.push(organization.clone());
    }
    if meta.body.is_some() || meta.distribution.is_some() || meta.date.is_some() {
        let mut line = String::new();
        if let Some(body) = &meta.body {
            line.push_str(body);
            line.push(' ');
        }
        line.push_str("Distr.:");
        for part in [&meta.distribution, &meta.date].into_iter().flatten() {
            line.push(' ');
            line.push_str(part);
        }
        lines.push(line);
    }
    let opens = meta.organization.is_some()
        || meta.body.is_some()
        || meta.distribution.is_some()
        || meta.date.is_some();
    if !opens && let Some(adopted) = &meta.adopted {
        lines.push(adopted.clone());
    }
    if !opens
        && meta.session.is_none()
        && meta.agenda_title.is_none()
        && let Some(item) = &meta.agenda_item
    {
        lines.push(format!("(Agenda item {item})"));
    } else if meta.session.is_some() || meta.agenda_item.is_some() {
        let mut line = meta.session.clone().unwrap_or_default();
        if let Some(item) = &meta.agenda_item {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str("Agenda item ");
            line.push_str(item);
            if let Some(title) = &meta.agenda_title {
                line.push(' ');
                line.push_str(title.as_str());
            }
        }
        lines.push(line);
    }
    if opens && let Some(adopted) = &meta.adopted {
        lines.push(adopted.clone());
    }
    if let Some(report) = &meta.report {
        lines.push(format!("[{report}]"));
    }
    lines
}

/// `CHAPTER I`, `SECTION 2`, `PART III`; the heading of a sub-heading.
pub(crate) fn division_text(division: &Division) -> String {
    let word = match division.kind {
        DivisionKind::Part => "PART",
        DivisionKind::Chapter => "CHAPTER",
        DivisionKind::Section => "SECTION",
        DivisionKind::Subheading => return division.heading.clone().unwrap_or_default(),
    };
    match &division.num {
        Some(num) => format!("{word} {num}"),
        None => word.to_owned(),
    }
}

/// `APPENDIX 1`, `ANNEX 2 TO RESOLUTION 101`.
pub(crate) fn appendix_text(appendix: &Appendix) -> String {
    let mut line = match appendix.kind {
        AppendixKind::Appendix => "APPENDIX".to_owned(),
        AppendixKind::Annex => "ANNEX".to_owned(),
    };
    if let Some(num) = &appendix.num {
        line.push(' ');
        line.push_str(num);
    }
    if let Some(target) = &appendix.target {
        line.push_str(" TO ");
        line.push_str(target);
    }
    line
}

/// The line of a clause: margin number, margin notes, `(SUP)`, label and text.
pub(crate) fn clause_line(clause: &Clause, with_text: bool) -> String {
    let mut line = String::new();
    let mut push = |part: &str| {
        if !part.is_empty() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(part);
        }
    };
    if let Some(margin) = &clause.margin {
        push(margin);
    }
    for note in &clause.revised_by {
        push(note);
    }
    if clause.suppressed {
        push("(SUP)");
    }
    if let Some(num) = &clause.num {
        push(num);
    }
    if with_text {
        push(&clause.text);
    }
    line
}

fn render_division(
    out: &mut String,
    division: &Division,
    block: &mut impl FnMut(&mut String, &str),
) {
    block(out, &division_text(division));
    if division.kind != DivisionKind::Subheading
        && let Some(heading) = &division.heading
    {
        block(out, heading);
    }
}

fn render_section(out: &mut String, section: &Section, block: &mut impl FnMut(&mut String, &str)) {
    if let Some(mark) = &section.mark {
        block(out, &mark.to_string());
    }
    if section.keyword.is_some() && !section.inline {
        block(out, &section.line());
    }
    render_clauses(out, &section.clauses, block);
}

fn render_clauses(out: &mut String, clauses: &[Clause], block: &mut impl FnMut(&mut String, &str)) {
    for clause in clauses {
        for division in &clause.divisions {
            render_division(out, division, block);
        }
        if let Some(mark) = &clause.mark {
            block(out, &mark.to_string());
        }
        // A heading clause (`1` / `General` / its paragraph) keeps its text on its own line,
        // as the parser reads it; unless that text, alone on a line, would open a labelled
        // clause of its own (`8` / `2 .`): then the two stay on one line, as they were read.
        let heading = clause.num.is_some()
            && !clause.text.is_empty()
            && clause.clauses.first().is_some_and(|c| c.num.is_none())
            && crate::label::split_label(&clause.text).is_none();
        if heading {
            block(out, &clause_line(clause, false));
            block(out, &clause.text);
        } else {
            block(out, &clause_line(clause, true));
        }
        for item in &clause.items {
            block(out, &format!("{} {}", item.marker, item.text));
        }
        render_clauses(out, &clause.clauses, block);
    }
}
