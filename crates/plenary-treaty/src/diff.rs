//! Clause-level differences between two versions of a text.

use std::collections::{HashMap, VecDeque};

use plenary_core::Name;
use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

use crate::document::{Clause, Document, DocumentPart, clause_key};

/// What happened to a clause between two versions.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both under the same label, with different words.
    Modified,
    /// The same words under another label or in another section.
    Moved,
}

/// One word-level edit of a modified clause.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum WordEdit {
    /// Words in both versions.
    Equal(String),
    /// Words only in the new version.
    Insert(String),
    /// Words only in the old version.
    Delete(String),
}

/// One change: where it is, what happened, and the old and new text.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// `header`, `preamble`, `operative` or `articles`.
    pub part: DocumentPart,
    /// The section's keyword line (`"noting that"`), the article (`"ARTICLE 3"`) or, in the
    /// header, the field (`"title"`, `"issuer"`).
    pub section: String,
    /// The clause's label in the new version (in the old one for a removed clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// Added, removed, modified or moved.
    pub change: ChangeKind,
    /// The old text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// The new text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    /// For a moved clause: where it was, as `section` and label (`"noting that b)"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// For a modified clause: the word-level edits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordEdit>,
}

/// The changes from one version of a text to another.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diff {
    /// The changes, in the order of the new version, removals where the old version had them.
    pub changes: Vec<Change>,
}

/// A clause or section line, flattened, with the key that matches it across versions.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) part: DocumentPart,
    pub(crate) section: String,
    pub(crate) path: String,
    /// 0 for a clause directly in its section or article.
    pub(crate) depth: usize,
    /// The path of the clause it is nested in (empty at depth 0).
    pub(crate) parent: String,
    /// Its position among its siblings.
    pub(crate) index: usize,
    pub(crate) num: Option<String>,
    pub(crate) text: String,
}

impl Entry {
    fn key(&self) -> (DocumentPart, &str, &str) {
        (self.part.clone(), self.section.as_str(), self.path.as_str())
    }
}

pub(crate) fn entries(doc: &Document) -> Vec<Entry> {
    fn walk(
        out: &mut Vec<Entry>,
        part: &DocumentPart,
        section: &str,
        prefix: &str,
        depth: usize,
        clauses: &[Clause],
    ) {
        for (i, clause) in clauses.iter().enumerate() {
            let key = clause_key(clause, i);
            let path = if prefix.is_empty() {
                key
            } else {
                format!("{prefix}.{key}")
            };
            out.push(Entry {
                part: part.clone(),
                section: section.to_owned(),
                path: path.clone(),
                depth,
                parent: prefix.to_owned(),
                index: i,
                num: clause.num.clone(),
                text: clause.text.clone(),
            });
            walk(out, part, section, &path, depth + 1, &clause.clauses);
        }
    }
    let mut out = Vec::new();
    for (part, sections) in [
        (DocumentPart::Preamble, &doc.preamble),
        (DocumentPart::Operative, &doc.operative),
    ] {
        for section in sections {
            walk(&mut out, &part, &section.line(), "", 0, &section.clauses);
        }
    }
    for article in &doc.articles {
        walk(
            &mut out,
            &DocumentPart::Articles,
            &format!("ARTICLE {}", article.num),
            "",
            0,
            &article.provisions,
        );
    }
    for appendix in &doc.appendices {
        walk(
            &mut out,
            &DocumentPart::Appendices,
            &appendix_key(appendix),
            "",
            0,
            &appendix.provisions,
        );
    }
    out
}

/// The key of an appendix across versions: `APPENDIX 1`, `ANNEX 2 TO RESOLUTION 101`.
pub(crate) fn appendix_key(appendix: &crate::Appendix) -> String {
    let mut key = match appendix.kind {
        crate::AppendixKind::Appendix => "APPENDIX".to_owned(),
        crate::AppendixKind::Annex => "ANNEX".to_owned(),
    };
    if let Some(num) = &appendix.num {
        key.push(' ');
        key.push_str(num);
    }
    if let Some(target) = &appendix.target {
        key.push_str(" TO ");
        key.push_str(target);
    }
    key
}

/// The words of a clause without its list separator: a trailing `;`, `,`, `.` or `:` and a
/// trailing `and`/`or` do not change what a clause says.
pub(crate) fn without_separator(text: &str) -> &str {
    let mut t = text.trim_end();
    loop {
        let before = t;
        t = t.trim_end_matches([';', ',', '.', ':']).trim_end();
        for tail in [" and", " or", " et", " y", " ou", " o"] {
            if let Some(stripped) = t.strip_suffix(tail) {
                t = stripped.trim_end();
            }
        }
        if t == before {
            return t;
        }
    }
}

fn word_edits(old: &str, new: &str) -> Vec<WordEdit> {
    let diff = TextDiff::from_words(old, new);
    let mut edits: Vec<WordEdit> = Vec::new();
    for change in diff.iter_all_changes() {
        let value = change.value();
        let edit = match change.tag() {
            ChangeTag::Equal => WordEdit::Equal(value.to_owned()),
            ChangeTag::Insert => WordEdit::Insert(value.to_owned()),
            ChangeTag::Delete => WordEdit::Delete(value.to_owned()),
        };
        match (edits.last_mut(), edit) {
            (Some(WordEdit::Equal(a)), WordEdit::Equal(b))
            | (Some(WordEdit::Insert(a)), WordEdit::Insert(b))
            | (Some(WordEdit::Delete(a)), WordEdit::Delete(b)) => a.push_str(&b),
            (_, edit) => edits.push(edit),
        }
    }
    edits
}

fn label(entry: &Entry) -> String {
    match &entry.num {
        Some(num) => format!("{} {num}", entry.section),
        None => entry.section.clone(),
    }
}

/// Compares two versions clause by clause.
///
/// Clauses with the same words (list separators aside) are matched first, wherever they
/// stand: under the same label and section they are unchanged, elsewhere they were moved.
/// The rest are matched by section and label: a pair with different words is modified (with a
/// word-level diff from the `similar` crate), a clause only in one version was removed or
/// added. Title and issuer changes are reported in the `header` part. Matching goes through
/// hash maps, so two similar long texts compare in near-linear time.
///
/// ```
/// use plenary_treaty::{ChangeKind, diff, parse};
///
/// let old = parse("noting\na) one;\nb) two,\nc) three;\n");
/// let new = parse("noting\na) one more,\nb) three;\nc) two;\nd) four.\n");
/// let changes = diff(&old, &new).changes;
/// let kinds: Vec<(Option<&str>, ChangeKind)> = changes.iter().map(|c| (c.num.as_deref(), c.change)).collect();
/// use ChangeKind::*;
/// assert_eq!(kinds, [(Some("a)"), Modified), (Some("b)"), Moved), (Some("c)"), Moved), (Some("d)"), Added)]);
/// ```
pub fn diff(old: &Document, new: &Document) -> Diff {
    let mut changes = Vec::new();
    for (field, a, b) in [
        (
            "title",
            old.title.as_ref().map(Name::as_str),
            new.title.as_ref().map(Name::as_str),
        ),
        ("issuer", old.issuer.as_deref(), new.issuer.as_deref()),
    ] {
        if a != b {
            let change = match (a, b) {
                (None, Some(_)) => ChangeKind::Added,
                (Some(_), None) => ChangeKind::Removed,
                _ => ChangeKind::Modified,
            };
            changes.push(Change {
                part: DocumentPart::Header,
                section: field.to_owned(),
                num: None,
                change,
                old: a.map(str::to_owned),
                new: b.map(str::to_owned),
                from: None,
                words: match (a, b) {
                    (Some(a), Some(b)) => word_edits(a, b),
                    _ => Vec::new(),
                },
            });
        }
    }
    let old_entries = entries(old);
    let new_entries = entries(new);
    let Matching {
        new_to_old,
        kinds,
        old_matched,
    } = matching(&old_entries, &new_entries);
    // Removed clauses are reported before the first new clause that follows them in the old
    // order, so the list reads in document order.
    let mut removed = old_entries
        .iter()
        .enumerate()
        .filter(|(i, _)| !old_matched[*i])
        .peekable();
    for (j, e) in new_entries.iter().enumerate() {
        if let Some(i) = new_to_old[j] {
            while let Some((_, entry)) = removed.next_if(|(r, _)| *r < i) {
                changes.push(removed_change(entry));
            }
        }
        let kind = match (new_to_old[j], kinds[j]) {
            (None, _) => ChangeKind::Added,
            (Some(_), Some(kind)) => kind,
            (Some(_), None) => continue,
        };
        let old_entry = new_to_old[j].map(|i| &old_entries[i]);
        changes.push(Change {
            part: e.part.clone(),
            section: e.section.clone(),
            num: e.num.clone(),
            change: kind,
            old: old_entry
                .map(|o| o.text.clone())
                .filter(|_| kind != ChangeKind::Added),
            new: Some(e.text.clone()),
            from: old_entry.filter(|_| kind == ChangeKind::Moved).map(label),
            words: match (kind, old_entry) {
                (ChangeKind::Modified, Some(o)) => word_edits(&o.text, &e.text),
                _ => Vec::new(),
            },
        });
    }
    for (_, entry) in removed {
        changes.push(removed_change(entry));
    }
    Diff { changes }
}

/// How the clauses of two versions correspond.
pub(crate) struct Matching {
    /// For each new entry, the old entry it matches.
    pub(crate) new_to_old: Vec<Option<usize>>,
    /// For each new entry, its change (`None`: unchanged, or added when unmatched).
    pub(crate) kinds: Vec<Option<ChangeKind>>,
    /// For each old entry, whether a new entry matches it (unmatched ones were removed).
    pub(crate) old_matched: Vec<bool>,
}

pub(crate) fn matching(old_entries: &[Entry], new_entries: &[Entry]) -> Matching {
    let mut old_matched = vec![false; old_entries.len()];
    let mut new_to_old: Vec<Option<usize>> = vec![None; new_entries.len()];

    // Same key and same words: unchanged.
    let mut by_key: HashMap<(DocumentPart, &str, &str), VecDeque<usize>> = HashMap::new();
    for (i, e) in old_entries.iter().enumerate() {
        by_key.entry(e.key()).or_default().push_back(i);
    }
    for (j, e) in new_entries.iter().enumerate() {
        if let Some(candidates) = by_key.get_mut(&e.key())
            && let Some(pos) = candidates.iter().position(|&i| {
                without_separator(&old_entries[i].text) == without_separator(&e.text)
            })
            && let Some(i) = candidates.remove(pos)
        {
            old_matched[i] = true;
            new_to_old[j] = Some(i);
        }
    }
    // Same words elsewhere: moved.
    let mut by_text: HashMap<(DocumentPart, &str), VecDeque<usize>> = HashMap::new();
    for (i, e) in old_entries.iter().enumerate() {
        if !old_matched[i] && !e.text.is_empty() {
            by_text
                .entry((e.part.clone(), without_separator(&e.text)))
                .or_default()
                .push_back(i);
        }
    }
    let mut kinds: Vec<Option<ChangeKind>> = vec![None; new_entries.len()];
    for (j, e) in new_entries.iter().enumerate() {
        if new_to_old[j].is_some() || e.text.is_empty() {
            continue;
        }
        if let Some(i) = by_text
            .get_mut(&(e.part.clone(), without_separator(&e.text)))
            .and_then(VecDeque::pop_front)
        {
            old_matched[i] = true;
            new_to_old[j] = Some(i);
            kinds[j] = Some(ChangeKind::Moved);
        }
    }
    // Same key, other words: modified.
    for (j, e) in new_entries.iter().enumerate() {
        if new_to_old[j].is_some() {
            continue;
        }
        if let Some(candidates) = by_key.get_mut(&e.key()) {
            while let Some(i) = candidates.pop_front() {
                if !old_matched[i] {
                    old_matched[i] = true;
                    new_to_old[j] = Some(i);
                    kinds[j] = Some(ChangeKind::Modified);
                    break;
                }
            }
        }
    }
    Matching {
        new_to_old,
        kinds,
        old_matched,
    }
}

fn removed_change(entry: &Entry) -> Change {
    Change {
        part: entry.part.clone(),
        section: entry.section.clone(),
        num: entry.num.clone(),
        change: ChangeKind::Removed,
        old: Some(entry.text.clone()),
        new: None,
        from: None,
        words: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn separators_alone_are_no_change() {
        for (a, b) in [
            ("the text;", "the text,"),
            ("the text.", "the text; and"),
            ("the text", "the text:"),
            ("the text; and", "the text, or"),
        ] {
            assert_eq!(without_separator(a), without_separator(b), "{a:?} {b:?}");
        }
        let old = parse("considering\na) one;\nb) two; and\nc) three.\n");
        let new = parse("considering\na) one,\nb) two,\nc) three;\n");
        assert_eq!(diff(&old, &new).changes, []);
    }

    #[test]
    fn each_kind_of_change() {
        let old =
            parse("Title one\nconsidering\na) one;\nb) two;\nresolves\n1 to act;\n2 to stop.\n");
        let new = parse(
            "Title two\nconsidering\na) one;\nb) two words more;\nresolves\n1 to stop.\n3 to start.\n",
        );
        let got: Vec<(DocumentPart, Option<String>, ChangeKind)> = diff(&old, &new)
            .changes
            .into_iter()
            .map(|c| (c.part, c.num, c.change))
            .collect();
        assert_eq!(
            got,
            [
                (DocumentPart::Header, None, ChangeKind::Modified),
                (
                    DocumentPart::Preamble,
                    Some("b)".into()),
                    ChangeKind::Modified
                ),
                (
                    DocumentPart::Operative,
                    Some("1".into()),
                    ChangeKind::Removed
                ),
                (DocumentPart::Operative, Some("1".into()), ChangeKind::Moved),
                (DocumentPart::Operative, Some("3".into()), ChangeKind::Added),
            ]
        );
    }

    #[test]
    fn a_modified_clause_has_its_word_edits() {
        let old = parse("resolves\n1 to keep the matter under review;\n");
        let new = parse("resolves\n1 to keep the whole matter under close review;\n");
        let change = &diff(&old, &new).changes[0];
        assert_eq!(change.change, ChangeKind::Modified);
        let inserted: Vec<&str> = change
            .words
            .iter()
            .filter_map(|w| match w {
                WordEdit::Insert(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(inserted, ["whole ", "close "]);
    }
}
