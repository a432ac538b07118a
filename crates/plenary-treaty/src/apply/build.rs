//! The amended document, built from the base and a plan in one pass.

use super::{Insert, Pending, Plan};
use crate::document::{Appendix, Article, Clause, Document, Section};
use crate::locate::{Container, ListId};

impl Plan<'_, '_> {
    /// The amended document.
    pub(crate) fn build(mut self) -> Document {
        let base = self.index.doc;
        let mut out = Document {
            preamble: Vec::new(),
            operative: Vec::new(),
            articles: Vec::new(),
            appendices: Vec::new(),
            references: Vec::new(),
            ..base.clone()
        };
        let mut next = 0;
        for (operative, sections) in [(false, &base.preamble), (true, &base.operative)] {
            let mut pending = self.new_sections.remove(&operative).unwrap_or_default();
            let mut built = Vec::with_capacity(sections.len());
            take(&mut built, &mut pending, None);
            for (i, section) in sections.iter().enumerate() {
                let container = if operative {
                    Container::Operative(i)
                } else {
                    Container::Preamble(i)
                };
                let (clauses, end) =
                    self.build_list(ListId::top(container), &section.clauses, next);
                next = end;
                if !self.removed_containers.contains(&container) {
                    built.push(Section {
                        clauses,
                        ..section.clone()
                    });
                }
                take(&mut built, &mut pending, Some(i));
            }
            if operative {
                out.operative = built;
            } else {
                out.preamble = built;
            }
        }
        let mut pending = std::mem::take(&mut self.new_articles);
        take(&mut out.articles, &mut pending, None);
        for (i, article) in base.articles.iter().enumerate() {
            let container = Container::Article(i);
            let (provisions, end) =
                self.build_list(ListId::top(container), &article.provisions, next);
            next = end;
            if !self.removed_containers.contains(&container) {
                out.articles.push(Article {
                    heading: self.heading(container, &article.heading),
                    provisions,
                    ..article.clone()
                });
            }
            take(&mut out.articles, &mut pending, Some(i));
        }
        let mut pending = std::mem::take(&mut self.new_appendices);
        take(&mut out.appendices, &mut pending, None);
        for (i, appendix) in base.appendices.iter().enumerate() {
            let container = Container::Appendix(i);
            let (provisions, end) =
                self.build_list(ListId::top(container), &appendix.provisions, next);
            next = end;
            if !self.removed_containers.contains(&container) {
                out.appendices.push(Appendix {
                    heading: self.heading(container, &appendix.heading),
                    provisions,
                    ..appendix.clone()
                });
            }
            take(&mut out.appendices, &mut pending, Some(i));
        }
        out.modifications.append(&mut self.modifications);
        out.references = out.find_references();
        out
    }

    pub(super) fn heading(&self, container: Container, base: &Option<String>) -> Option<String> {
        match self.headings.get(&container) {
            Some(heading) => heading.clone(),
            None => base.clone(),
        }
    }

    /// A list of the base with the plan's changes, and the node after it.
    pub(super) fn build_list(
        &self,
        list: ListId,
        clauses: &[Clause],
        first: usize,
    ) -> (Vec<Clause>, usize) {
        let mut out = Vec::with_capacity(clauses.len());
        self.push_inserts(&mut out, list, None);
        let mut id = first;
        for clause in clauses {
            let end = self.index.nodes[id].end;
            if !self.removed.contains(&id) {
                let sub = ListId {
                    container: list.container,
                    parent: Some(id),
                };
                let (children, _) = self.build_list(sub, &clause.clauses, id + 1);
                let mut built = Clause {
                    clauses: children,
                    ..shallow(clause)
                };
                if let Some(wording) = self.wordings.get(&id) {
                    built.text.clone_from(&wording.text);
                    built.items.clone_from(&wording.items);
                    if let Some(num) = &wording.num {
                        built.num = Some(num.clone());
                    }
                }
                out.push(built);
            }
            self.push_inserts(&mut out, list, Some(id));
            id = end;
        }
        (out, id)
    }

    pub(super) fn push_inserts(&self, out: &mut Vec<Clause>, list: ListId, after: Option<usize>) {
        let Some(inserts) = self.inserts.get(&(list, after)) else {
            return;
        };
        let mut order: Vec<&Insert> = inserts.iter().collect();
        if order.iter().all(|i| i.key.is_some()) {
            order.sort_by(|a, b| a.key.cmp(&b.key).then(a.seq.cmp(&b.seq)));
        }
        out.extend(order.into_iter().map(|i| i.clause.clone()));
    }
}

/// Moves the pending new units that go after `after` to the end of `out`, in number order.
fn take<T>(out: &mut Vec<T>, pending: &mut Pending<T>, after: Option<usize>) {
    let Some(mut list) = pending.remove(&after) else {
        return;
    };
    if list.iter().all(|(k, _, _)| k.is_some()) {
        list.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    }
    out.extend(list.into_iter().map(|(_, _, t)| t));
}

/// A clause without its sub-clauses, which are rebuilt.
fn shallow(clause: &Clause) -> Clause {
    Clause {
        num: clause.num.clone(),
        text: clause.text.clone(),
        mark: clause.mark.clone(),
        clauses: Vec::new(),
        margin: clause.margin.clone(),
        revised_by: clause.revised_by.clone(),
        suppressed: clause.suppressed,
        items: clause.items.clone(),
        divisions: clause.divisions.clone(),
    }
}
