//! Finding the provisions of a base text that a proposal names: by margin number across the
//! whole instrument, else by section, article or appendix and the labels down to the provision.

use std::collections::HashMap;

use crate::diff::appendix_key;
use crate::document::{Clause, Document, DocumentPart, clause_key};
use crate::order::OrderKey;

/// A section, article or appendix of the base: where a list of provisions is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Container {
    Preamble(usize),
    Operative(usize),
    Article(usize),
    Appendix(usize),
}

/// A list of clauses of the base: a container's, or a clause's sub-items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ListId {
    pub(crate) container: Container,
    /// The node of the clause the list is nested in.
    pub(crate) parent: Option<usize>,
}

impl ListId {
    pub(crate) fn top(container: Container) -> ListId {
        ListId {
            container,
            parent: None,
        }
    }
}

/// A clause of the base, in depth-first order.
pub(crate) struct Node<'a> {
    pub(crate) clause: &'a Clause,
    pub(crate) list: ListId,
    /// Its key in its list: the label, or `#n` by position.
    pub(crate) key: String,
    /// One past the last node of its sub-items.
    pub(crate) end: usize,
}

/// The base text, indexed once so that each look-up is a hash probe.
pub(crate) struct Index<'a> {
    pub(crate) doc: &'a Document,
    /// Every clause, depth first: sections, then articles, then appendices.
    pub(crate) nodes: Vec<Node<'a>>,
    by_key: HashMap<(ListId, &'a str), usize>,
    by_margin: HashMap<&'a str, usize>,
    /// The nodes with a margin number, in number order.
    margins: Vec<(OrderKey, usize)>,
    pub(crate) children: HashMap<ListId, Vec<usize>>,
    /// Sections by part (operative or not), keyword line and occurrence.
    sections: HashMap<(bool, String, usize), usize>,
    /// Articles and appendices by name (`ARTICLE 3`, `APPENDIX 1`) and occurrence.
    units: HashMap<(String, usize), Container>,
    /// The first node of each container, and one past its last.
    spans: HashMap<Container, (usize, usize)>,
}

impl<'a> Index<'a> {
    pub(crate) fn new(doc: &'a Document) -> Index<'a> {
        let mut index = Index {
            doc,
            nodes: Vec::new(),
            by_key: HashMap::new(),
            by_margin: HashMap::new(),
            margins: Vec::new(),
            children: HashMap::new(),
            sections: HashMap::new(),
            units: HashMap::new(),
            spans: HashMap::new(),
        };
        for (operative, sections) in [(false, &doc.preamble), (true, &doc.operative)] {
            let mut seen = HashMap::new();
            for (i, section) in sections.iter().enumerate() {
                let line = section.line();
                let occurrence = bump(&mut seen, line.clone());
                index.sections.insert((operative, line, occurrence), i);
                let container = if operative {
                    Container::Operative(i)
                } else {
                    Container::Preamble(i)
                };
                index.container(container, &section.clauses);
            }
        }
        let mut seen = HashMap::new();
        for (i, article) in doc.articles.iter().enumerate() {
            let name = format!("ARTICLE {}", article.num);
            let occurrence = bump(&mut seen, name.clone());
            index
                .units
                .insert((name, occurrence), Container::Article(i));
            index.container(Container::Article(i), &article.provisions);
        }
        for (i, appendix) in doc.appendices.iter().enumerate() {
            let name = appendix_key(appendix);
            let occurrence = bump(&mut seen, name.clone());
            index
                .units
                .insert((name, occurrence), Container::Appendix(i));
            index.container(Container::Appendix(i), &appendix.provisions);
        }
        for (id, node) in index.nodes.iter().enumerate() {
            if let Some(margin) = node.clause.margin.as_deref() {
                index.by_margin.entry(margin).or_insert(id);
                if let Some(key) = OrderKey::of(margin, false) {
                    index.margins.push((key, id));
                }
            }
        }
        index.margins.sort();
        index
    }

    fn container(&mut self, container: Container, clauses: &'a [Clause]) {
        let start = self.nodes.len();
        self.walk(ListId::top(container), clauses);
        self.spans.insert(container, (start, self.nodes.len()));
    }

    fn walk(&mut self, list: ListId, clauses: &'a [Clause]) {
        for (i, clause) in clauses.iter().enumerate() {
            let id = self.nodes.len();
            self.nodes.push(Node {
                clause,
                list,
                key: clause_key(clause, i),
                end: id + 1,
            });
            self.children.entry(list).or_default().push(id);
            if let Some(num) = &clause.num {
                self.by_key
                    .entry((list, num.trim_end_matches([')', '.'])))
                    .or_insert(id);
            }
            self.walk(
                ListId {
                    container: list.container,
                    parent: Some(id),
                },
                &clause.clauses,
            );
            self.nodes[id].end = self.nodes.len();
        }
    }

    /// The section of the base with this keyword line (its `occurrence`-th, from 1).
    pub(crate) fn section(
        &self,
        operative: bool,
        line: String,
        occurrence: usize,
    ) -> Option<usize> {
        self.sections.get(&(operative, line, occurrence)).copied()
    }

    /// The article or appendix of the base with this name (`ARTICLE 3`, `APPENDIX 1`).
    pub(crate) fn unit(&self, name: String, occurrence: usize) -> Option<Container> {
        self.units.get(&(name, occurrence)).copied()
    }

    /// The clause a proposal's clause names: by margin number anywhere in the base, else in
    /// `list` by label (an unlabelled clause by position).
    pub(crate) fn find(&self, list: Option<ListId>, clause: &Clause, key: &str) -> Option<usize> {
        if let Some(margin) = clause.margin.as_deref()
            && let Some(&id) = self.by_margin.get(margin)
        {
            return Some(id);
        }
        let list = list?;
        let id = match key.strip_prefix('#') {
            Some(position) => {
                let n: usize = position.parse().ok()?;
                let id = *self.children.get(&list)?.get(n.checked_sub(1)?)?;
                self.nodes[id].clause.num.is_none().then_some(id)?
            }
            None => *self.by_key.get(&(list, key))?,
        };
        // A clause with a margin number the base lacks is not a base clause with another one.
        let other_margin = clause.margin.is_some() && self.nodes[id].clause.margin.is_some();
        (!other_margin).then_some(id)
    }

    /// The base clause with the greatest margin number below `key`, if the base has margins.
    pub(crate) fn margin_before(&self, key: &OrderKey) -> Option<Option<usize>> {
        if self.margins.is_empty() {
            return None;
        }
        let below = self.margins.partition_point(|(k, _)| k < key);
        Some(below.checked_sub(1).map(|at| self.margins[at].1))
    }

    /// The node of `list` that holds node `id` (itself or an ancestor), if any.
    pub(crate) fn ancestor_in(&self, list: ListId, id: usize) -> Option<usize> {
        let mut at = Some(id);
        while let Some(node) = at {
            if self.nodes[node].list == list {
                return Some(node);
            }
            at = self.nodes[node].list.parent;
        }
        None
    }

    /// The first node of a list, or where it would start when empty.
    pub(crate) fn list_start(&self, list: ListId) -> usize {
        match list.parent {
            Some(parent) => parent + 1,
            None => self.span(list.container).0,
        }
    }

    /// The first node of a container and one past its last.
    pub(crate) fn span(&self, container: Container) -> (usize, usize) {
        self.spans.get(&container).copied().unwrap_or((0, 0))
    }

    /// The labels from the container down to a node.
    pub(crate) fn path(&self, id: usize) -> Vec<String> {
        let mut path = Vec::new();
        let mut at = Some(id);
        while let Some(node) = at {
            path.push(label(self.nodes[node].clause, &self.nodes[node].key));
            at = self.nodes[node].list.parent;
        }
        path.reverse();
        path
    }

    /// The part and name of a container: `(Articles, "ARTICLE 3")`.
    pub(crate) fn section_name(&self, container: Container) -> (DocumentPart, String) {
        match container {
            Container::Preamble(i) => (DocumentPart::Preamble, self.doc.preamble[i].line()),
            Container::Operative(i) => (DocumentPart::Operative, self.doc.operative[i].line()),
            Container::Article(i) => (
                DocumentPart::Articles,
                format!("ARTICLE {}", self.doc.articles[i].num),
            ),
            Container::Appendix(i) => (
                DocumentPart::Appendices,
                appendix_key(&self.doc.appendices[i]),
            ),
        }
    }
}

/// Counts one more of `key` and says which occurrence it is, from 1.
pub(crate) fn bump<K: std::hash::Hash + Eq>(seen: &mut HashMap<K, usize>, key: K) -> usize {
    let count = seen.entry(key).or_insert(0);
    *count += 1;
    *count
}

/// A clause's label as written, or its key by position.
pub(crate) fn label(clause: &Clause, key: &str) -> String {
    clause.num.clone().unwrap_or_else(|| key.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn clauses_are_found_by_label_position_and_margin() {
        let mut doc = parse("ARTICLE 3\nNetwork\n3.1 one:\na) x;\nb) y;\n3.2 two.\n");
        doc.articles[0].provisions[1].margin = Some("29".into());
        let index = Index::new(&doc);
        let top = ListId::top(Container::Article(0));
        let probe = |margin: Option<&str>| Clause {
            margin: margin.map(str::to_owned),
            ..Clause::default()
        };
        assert_eq!(index.find(Some(top), &probe(None), "3.1"), Some(0));
        assert_eq!(index.find(Some(top), &probe(Some("29")), "3.1"), Some(3));
        assert_eq!(index.find(None, &probe(Some("30")), "3.2"), None);
        let sub = ListId {
            container: Container::Article(0),
            parent: Some(0),
        };
        assert_eq!(index.find(Some(sub), &probe(None), "b"), Some(2));
        assert_eq!(index.path(2), ["3.1", "b)"]);
        assert_eq!(index.ancestor_in(top, 2), Some(0));
        assert_eq!(
            index.unit("ARTICLE 3".into(), 1),
            Some(Container::Article(0))
        );
        assert_eq!(
            index.margin_before(&OrderKey::of("29A", false).unwrap()),
            Some(Some(3))
        );
    }
}
