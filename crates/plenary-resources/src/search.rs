//! Relevance search: an inverted index built as resources are added, and the queries over it.

use std::collections::HashMap;

use plenary_core::{LanguageTag, Tag};

use crate::fold::{fold_words, terms};
use crate::{Resource, ResourceKind};

/// A search of a [`ResourceBank`](crate::ResourceBank): words to look for, ranked by relevance,
/// and filters every hit must pass.
///
/// The words are matched case- and accent-insensitively, and a plural matches its singular. A
/// query without words lists every resource that passes the filters, in the bank's order.
///
/// ```
/// use plenary_resources::{Query, ResourceKind};
///
/// let query = Query::new("net neutrality").kind(ResourceKind::PolicyAnalysis).limit(5);
/// assert_eq!(query.text(), "net neutrality");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    text: String,
    kind: Option<ResourceKind>,
    section: Option<String>,
    topic: Option<Tag>,
    author: Option<String>,
    language: Option<LanguageTag>,
    limit: usize,
}

impl Query {
    /// A query for `text`, without filters, returning at most 20 hits.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            kind: None,
            section: None,
            topic: None,
            author: None,
            language: None,
            limit: 20,
        }
    }

    /// The words looked for.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Keeps resources of this kind only.
    pub fn kind(mut self, kind: ResourceKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Keeps resources listed under this section, named in any case: `"policy analyses"`.
    pub fn section(mut self, section: impl Into<String>) -> Self {
        self.section = Some(section.into());
        self
    }

    /// Keeps resources about this topic.
    pub fn topic(mut self, topic: Tag) -> Self {
        self.topic = Some(topic);
        self
    }

    /// Keeps resources by this author: an actor id (`"cdt"`), or a name or acronym in any case
    /// (`"Access Now"`, `"cdt"`, `"Various"`).
    pub fn author(mut self, author: impl Into<String>) -> Self {
        self.author = Some(author.into());
        self
    }

    /// Keeps resources available in this language; `en` also keeps `en-GB`.
    pub fn language(mut self, language: LanguageTag) -> Self {
        self.language = Some(language);
        self
    }

    /// Returns at most `limit` hits.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// The most hits returned.
    pub fn max_hits(&self) -> usize {
        self.limit
    }

    pub(crate) fn has_filters(&self) -> bool {
        self.kind.is_some()
            || self.section.is_some()
            || self.topic.is_some()
            || self.author.is_some()
            || self.language.is_some()
    }

    /// Whether `resource`, whose author keys are `author_keys`, passes the filters.
    pub(crate) fn accepts(&self, resource: &Resource, author_keys: &[String]) -> bool {
        if self.kind.is_some_and(|k| k != resource.kind) {
            return false;
        }
        if let Some(section) = &self.section {
            let wanted = fold_words(section);
            if resource
                .section
                .as_ref()
                .is_none_or(|s| fold_words(s.as_str()) != wanted)
            {
                return false;
            }
        }
        if let Some(topic) = &self.topic
            && !resource.topics.contains(topic)
        {
            return false;
        }
        if let Some(author) = &self.author {
            let wanted = fold_words(author);
            if !author_keys.contains(&wanted) {
                return false;
            }
        }
        if let Some(language) = &self.language {
            let wanted = language.as_str();
            if !resource.languages.iter().any(|l| {
                l.as_str().eq_ignore_ascii_case(wanted)
                    || (!wanted.contains('-') && l.primary_language().eq_ignore_ascii_case(wanted))
            }) {
                return false;
            }
        }
        true
    }
}

/// A resource found by a search, with its relevance score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit<'a> {
    /// The resource.
    pub resource: &'a Resource,
    /// How well it matches: a sum of BM25-style term weights, scaled by the share of query
    /// words it holds.
    pub score: f32,
}

/// How much a word counts in each field, and the field's assumed average length in words.
pub(crate) const TITLE: Field = Field {
    weight: 3.0,
    average_len: 10.0,
};
pub(crate) const AUTHORS: Field = Field {
    weight: 2.0,
    average_len: 4.0,
};
pub(crate) const TOPICS: Field = Field {
    weight: 2.0,
    average_len: 3.0,
};
pub(crate) const DESCRIPTION: Field = Field {
    weight: 1.0,
    average_len: 60.0,
};

/// A searchable field of a resource.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    weight: f32,
    average_len: f32,
}

const K1: f32 = 1.2;
const B: f32 = 0.75;

#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    weight: f32,
}

/// Term → the resources holding it, each with the term's weight there. Weights are computed
/// once, at insertion, from fixed average field lengths, so adding a resource never touches the
/// postings of others.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    postings: HashMap<String, Vec<Posting>>,
    docs: u32,
}

impl Index {
    /// Indexes document `doc` (the next number: documents come in order) from its fields.
    pub(crate) fn insert(&mut self, doc: u32, fields: &[(Field, &str)]) {
        let mut weights: HashMap<String, f32> = HashMap::new();
        for (field, text) in fields {
            let field_terms: Vec<String> = terms(text).collect();
            if field_terms.is_empty() {
                continue;
            }
            let len = field_terms.len() as f32;
            let mut counts: HashMap<String, f32> = HashMap::new();
            for term in field_terms {
                *counts.entry(term).or_default() += 1.0;
            }
            let norm = K1 * (1.0 - B + B * len / field.average_len);
            for (term, tf) in counts {
                *weights.entry(term).or_default() += field.weight * tf * (K1 + 1.0) / (tf + norm);
            }
        }
        for (term, weight) in weights {
            self.postings
                .entry(term)
                .or_default()
                .push(Posting { doc, weight });
        }
        self.docs = self.docs.max(doc + 1);
    }

    /// The documents holding any word of `text` that `accept` keeps, best first, at most
    /// `limit`; ties keep document order.
    pub(crate) fn search(
        &self,
        text: &str,
        accept: impl Fn(u32) -> bool,
        limit: usize,
    ) -> Vec<(u32, f32)> {
        let mut query_terms: Vec<String> = terms(text).collect();
        query_terms.sort();
        query_terms.dedup();
        let total = query_terms.len();
        if total == 0 || limit == 0 {
            return Vec::new();
        }
        let n = self.docs as f32;
        let lists: Vec<(f32, &[Posting])> = query_terms
            .iter()
            .filter_map(|t| self.postings.get(t))
            .map(|list| {
                let df = list.len() as f32;
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                (idf, list.as_slice())
            })
            .collect();
        let mut hits: Vec<(u32, f32)> = if lists.len() == 1 {
            lists[0]
                .1
                .iter()
                .map(|p| (p.doc, lists[0].0 * p.weight))
                .collect()
        } else {
            let mut scores = vec![0.0f32; self.docs as usize];
            let mut matched = vec![0u16; self.docs as usize];
            let mut touched = Vec::new();
            for (idf, list) in &lists {
                for p in *list {
                    let i = p.doc as usize;
                    if matched[i] == 0 {
                        touched.push(p.doc);
                    }
                    matched[i] += 1;
                    scores[i] += idf * p.weight;
                }
            }
            touched
                .into_iter()
                .map(|doc| {
                    let share = f32::from(matched[doc as usize]) / total as f32;
                    (doc, scores[doc as usize] * share * share)
                })
                .collect()
        };
        if lists.len() == 1 && total > 1 {
            let share = 1.0 / total as f32;
            for hit in &mut hits {
                hit.1 *= share * share;
            }
        }
        hits.retain(|&(doc, _)| accept(doc));
        let better = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, better);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(better);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[(&str, &str)]) -> Index {
        let mut index = Index::default();
        for (i, (title, description)) in docs.iter().enumerate() {
            index.insert(i as u32, &[(TITLE, title), (DESCRIPTION, description)]);
        }
        index
    }

    #[test]
    fn ranking() {
        let idx = index(&[
            ("Security proposals", "cybercrime and the network"),
            (
                "Net neutrality in Europe",
                "ETNO wants to end net neutrality",
            ),
            ("Neutral ground", "a network of nets and neutrality"),
            ("Talking points", "nothing relevant"),
        ]);
        let docs = |q: &str| {
            idx.search(q, |_| true, 10)
                .into_iter()
                .map(|h| h.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(docs("net neutrality"), [1, 2]);
        assert_eq!(docs("NÉT NEUTRALITY"), [1, 2]);
        assert_eq!(docs("proposal"), [0]);
        let mut some = docs("neutrality nothing");
        some.sort();
        assert_eq!(some, [1, 2, 3]);
        assert_eq!(docs("absent"), Vec::<u32>::new());
        assert_eq!(docs("  "), Vec::<u32>::new());
        assert_eq!(idx.search("net neutrality", |d| d != 1, 10)[0].0, 2);
        assert_eq!(idx.search("net neutrality", |_| true, 1).len(), 1);
    }

    #[test]
    fn a_title_word_outweighs_a_description_word() {
        let idx = index(&[("Other", "about standards"), ("Standards", "other")]);
        assert_eq!(idx.search("standards", |_| true, 10)[0].0, 1);
    }
}
