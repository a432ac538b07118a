//! Applying a proposal to the text it amends: every ADD, MOD, (MOD), SUP and NOC mark at once,
//! or none.

use std::collections::{HashMap, HashSet};

use crate::diff::without_separator;
use crate::document::{Article, Clause, Document, Part, Section, clause_key};
use crate::error::{Error, Misfit};
use crate::mark::{MarkAction, ProposalMark};
use crate::modification::{Modification, place};
use crate::order::{OrderKey, roman_list};

/// Applies a proposal to its base text and returns the amended text.
///
/// Every marked provision of the proposal is found in the base by its article (or preamble or
/// operative section, by keyword line) and its label path, nested clauses under their parents:
///
/// - `ADD` inserts a provision the base lacks after the one it follows by number (`3.1bis`
///   after `3.1`, `12A` after `12`, `bbis)` after `b)`); an unnumbered one goes after the
///   provision the proposal shows before it. An article the base lacks is added, after the
///   article it follows by number, when the proposal marks it `ADD` or marks all its provisions
///   `ADD`; its provisions come with it.
/// - `MOD` and `(MOD)` replace the text of a provision (an article marked so takes the
///   proposal's heading); the provision's sub-items follow their own marks.
/// - `SUP` removes a provision with its sub-items, or a whole article or section; an article or
///   section whose every provision the proposal suppresses goes with them.
/// - `NOC` checks that the base has the provision with the same text (list separators aside,
///   as in [`diff`](crate::diff)); a `NOC` without text only checks that it is there.
/// - A provision without a mark is context: the base must have it; its sub-items follow their
///   own marks.
///
/// The result records each change in [`Document::modifications`], after those the base already
/// had, so proposals applied one after the other keep the whole history; the amended text's
/// provisions carry no marks of the proposal. The header (title, issuer, …) is the base's.
/// Cost is linear in the sizes of the base and the proposal.
///
/// ```
/// use plenary_treaty::{apply, parse, render};
///
/// let base = parse("ARTICLE 3\nNetwork\n3.1 one;\n3.2 two;\n3.3 three.\n");
/// let proposal = parse(
///     "ARTICLE 3\nNetwork\nMOD ARB/7/1\n3.2 two, amended;\nSUP ARB/7/2\n3.3\nADD ARB/7/3\n3.1bis one and a half;\n",
/// );
/// let amended = apply(&base, &proposal)?;
/// assert_eq!(render(&amended), "ARTICLE 3\n\nNetwork\n\n3.1 one;\n\n3.1bis one and a half;\n\n3.2 two, amended;\n");
/// assert_eq!(amended.modifications.len(), 3);
/// # Ok::<(), plenary_treaty::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::Misfit`], naming the mark with its reference, the provision and the reason, when a
/// mark does not fit the base: `MOD`, `SUP` or `NOC` of a provision the base lacks
/// ([`Misfit::NotInBase`]), `ADD` of one it has ([`Misfit::AlreadyInBase`]), `NOC` of a
/// different text ([`Misfit::TextDiffers`]), an unmarked provision the base lacks
/// ([`Misfit::UnmarkedNew`]), two marks on one provision ([`Misfit::MarkedTwice`]), a mark
/// other than `ADD` inside an added provision ([`Misfit::InsideNew`]), or `ADD` or `SUP` of the
/// whole text ([`Misfit::WholeText`]). Nothing is applied then.
pub fn apply(base: &Document, proposal: &Document) -> Result<Document, Error> {
    let index = Index::new(base);
    let mut plan = Plan::new(&index, true);
    plan.proposal(proposal)?;
    Ok(plan.build(base))
}

/// Where a list of clauses is in the base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Container {
    Preamble(usize),
    Operative(usize),
    Article(usize),
}

/// A list of clauses of the base: a section's or article's, or a clause's sub-items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ListId {
    pub(crate) container: Container,
    /// The node of the clause the list is nested in.
    pub(crate) parent: Option<usize>,
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

/// The base text, indexed for finding provisions by section and labels.
pub(crate) struct Index<'a> {
    pub(crate) nodes: Vec<Node<'a>>,
    by_key: HashMap<(ListId, &'a str), usize>,
    children: HashMap<ListId, Vec<usize>>,
    articles: HashMap<(&'a str, usize), usize>,
    sections: HashMap<(bool, String, usize), usize>,
    /// The first node of each section or article, and one past its last.
    pub(crate) spans: HashMap<Container, (usize, usize)>,
    pub(crate) doc: &'a Document,
}

impl<'a> Index<'a> {
    pub(crate) fn new(doc: &'a Document) -> Index<'a> {
        let mut index = Index {
            nodes: Vec::new(),
            by_key: HashMap::new(),
            children: HashMap::new(),
            articles: HashMap::new(),
            sections: HashMap::new(),
            spans: HashMap::new(),
            doc,
        };
        for (operative, sections) in [(false, &doc.preamble), (true, &doc.operative)] {
            let mut seen: HashMap<String, usize> = HashMap::new();
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
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, article) in doc.articles.iter().enumerate() {
            let occurrence = bump(&mut seen, article.num.as_str());
            index.articles.insert((article.num.as_str(), occurrence), i);
            index.container(Container::Article(i), &article.provisions);
        }
        index
    }

    fn container(&mut self, container: Container, clauses: &'a [Clause]) {
        let start = self.nodes.len();
        self.walk(
            ListId {
                container,
                parent: None,
            },
            clauses,
        );
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
            self.walk(
                ListId {
                    container: list.container,
                    parent: Some(id),
                },
                &clause.clauses,
            );
            self.nodes[id].end = self.nodes.len();
        }
        // Keys borrow from the nodes' own strings once the nodes no longer move.
        for &id in self.children.get(&list).map_or(&[][..], Vec::as_slice) {
            let key: &'a str = match &self.nodes[id].clause.num {
                Some(num) => num.trim_end_matches([')', '.']),
                None => continue,
            };
            self.by_key.entry((list, key)).or_insert(id);
        }
    }

    /// The clause of `list` with this key: by label, or for an unlabelled clause, by position.
    fn find(&self, list: ListId, key: &str) -> Option<usize> {
        if let Some(position) = key.strip_prefix('#') {
            let n: usize = position.parse().ok()?;
            let id = *self.children.get(&list)?.get(n.checked_sub(1)?)?;
            return (self.nodes[id].clause.num.is_none()).then_some(id);
        }
        self.by_key.get(&(list, key)).copied()
    }

    /// The first node of a list, or where it would start when empty.
    fn list_start(&self, list: ListId) -> usize {
        match list.parent {
            Some(parent) => parent + 1,
            None => self.spans.get(&list.container).map_or(0, |s| s.0),
        }
    }

    /// The labels from the section or article down to a node.
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

    pub(crate) fn section_name(&self, container: Container) -> (Part, String) {
        match container {
            Container::Preamble(i) => (Part::Preamble, self.doc.preamble[i].line()),
            Container::Operative(i) => (Part::Operative, self.doc.operative[i].line()),
            Container::Article(i) => (
                Part::Articles,
                format!("ARTICLE {}", self.doc.articles[i].num),
            ),
        }
    }
}

fn bump<K: std::hash::Hash + Eq>(seen: &mut HashMap<K, usize>, key: K) -> usize {
    let count = seen.entry(key).or_insert(0);
    *count += 1;
    *count
}

/// A clause's label as written, or its key by position.
fn label(clause: &Clause, key: &str) -> String {
    clause.num.clone().unwrap_or_else(|| key.to_owned())
}

/// Where a proposal's mark goes in the base, as [`compile`](crate::compile) lays it out.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// A provision of the base.
    Node(usize),
    /// A new provision, placed before node `slot` in the base's order.
    New {
        slot: usize,
        key: Option<OrderKey>,
        part: Part,
        section: String,
        path: Vec<String>,
    },
}

/// One mark of a proposal, resolved against the base.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    pub(crate) target: Target,
    pub(crate) mark: ProposalMark,
    pub(crate) text: String,
    pub(crate) misfit: Option<Misfit>,
}

/// A new clause to insert in a list of the base.
struct Insert {
    key: Option<OrderKey>,
    seq: usize,
    clause: Clause,
}

/// Where a proposal's clauses are, for records and errors.
#[derive(Clone)]
struct Place {
    part: Part,
    section: String,
    path: Vec<String>,
}

impl Place {
    fn child(&self, label: String) -> Place {
        let mut path = self.path.clone();
        path.push(label);
        Place {
            part: self.part.clone(),
            section: self.section.clone(),
            path,
        }
    }
}

/// What a proposal does to its base, worked out before anything is changed.
pub(crate) struct Plan<'i, 'a> {
    index: &'i Index<'a>,
    /// Stop at the first misfit (apply) or note it and go on (compile).
    strict: bool,
    texts: HashMap<usize, String>,
    removed: HashSet<usize>,
    touched: HashSet<usize>,
    inserts: HashMap<(ListId, Option<usize>), Vec<Insert>>,
    headings: HashMap<usize, Option<String>>,
    removed_articles: Vec<bool>,
    new_articles: HashMap<Option<usize>, Vec<(Option<OrderKey>, usize, Article)>>,
    removed_sections: HashMap<Container, bool>,
    new_sections: HashMap<(bool, Option<usize>), Vec<Section>>,
    added: HashSet<(ListId, String)>,
    sorted: HashMap<ListId, (bool, Vec<(OrderKey, usize)>)>,
    sorted_articles: Option<Vec<(OrderKey, usize)>>,
    seq: usize,
    pub(crate) modifications: Vec<Modification>,
    pub(crate) steps: Vec<Step>,
}

impl<'i, 'a> Plan<'i, 'a> {
    pub(crate) fn new(index: &'i Index<'a>, strict: bool) -> Plan<'i, 'a> {
        Plan {
            index,
            strict,
            texts: HashMap::new(),
            removed: HashSet::new(),
            touched: HashSet::new(),
            inserts: HashMap::new(),
            headings: HashMap::new(),
            removed_articles: vec![false; index.doc.articles.len()],
            new_articles: HashMap::new(),
            removed_sections: HashMap::new(),
            new_sections: HashMap::new(),
            added: HashSet::new(),
            sorted: HashMap::new(),
            sorted_articles: None,
            seq: 0,
            modifications: Vec::new(),
            steps: Vec::new(),
        }
    }

    /// Works out every mark of a proposal.
    pub(crate) fn proposal(&mut self, proposal: &Document) -> Result<(), Error> {
        if let Some(mark) = &proposal.mark
            && matches!(mark.action, MarkAction::Add | MarkAction::Sup)
        {
            let what = proposal
                .number
                .as_deref()
                .or(proposal.title.as_deref())
                .unwrap_or("the whole text");
            self.misfit(Some(mark), what.to_owned(), Misfit::WholeText)?;
            return Ok(());
        }
        for (operative, sections) in [(false, &proposal.preamble), (true, &proposal.operative)] {
            self.sections(operative, sections)?;
        }
        self.articles(&proposal.articles)
    }

    /// Refuses (strict) or notes (lenient) a misfit.
    fn misfit(
        &mut self,
        mark: Option<&ProposalMark>,
        provision: String,
        reason: Misfit,
    ) -> Result<(), Error> {
        if self.strict {
            return Err(Error::Misfit {
                mark: mark.map_or_else(|| "(unmarked)".to_owned(), ToString::to_string),
                provision,
                reason,
            });
        }
        Ok(())
    }

    fn record(&mut self, mark: &ProposalMark, place: &Place, old: Option<&str>, new: Option<&str>) {
        if mark.action == MarkAction::Noc {
            return;
        }
        self.modifications.push(Modification {
            mark: mark.clone(),
            part: place.part.clone(),
            section: place.section.clone(),
            path: place.path.clone(),
            old: old.map(str::to_owned),
            new: new.map(str::to_owned),
        });
    }

    fn step(
        &mut self,
        target: Target,
        mark: Option<&ProposalMark>,
        text: &str,
        misfit: Option<Misfit>,
    ) {
        // Steps are what compile lays out; apply needs none.
        if self.strict {
            return;
        }
        if let Some(mark) = mark {
            self.steps.push(Step {
                target,
                mark: mark.clone(),
                text: text.to_owned(),
                misfit,
            });
        }
    }

    fn sections(&mut self, operative: bool, sections: &[Section]) -> Result<(), Error> {
        let part = if operative {
            Part::Operative
        } else {
            Part::Preamble
        };
        let mut seen: HashMap<String, usize> = HashMap::new();
        let found: Vec<Option<usize>> = sections
            .iter()
            .map(|s| {
                let line = s.line();
                let occurrence = bump(&mut seen, line.clone());
                self.index
                    .sections
                    .get(&(operative, line, occurrence))
                    .copied()
            })
            .collect();
        let base_sections = if operative {
            &self.index.doc.operative
        } else {
            &self.index.doc.preamble
        };
        for (i, section) in sections.iter().enumerate() {
            let place = Place {
                part: part.clone(),
                section: section.line(),
                path: Vec::new(),
            };
            let action = section.mark.as_ref().map(|m| m.action);
            let container = |at: usize| {
                if operative {
                    Container::Operative(at)
                } else {
                    Container::Preamble(at)
                }
            };
            match (action, found[i]) {
                (Some(MarkAction::Add), Some(_)) => {
                    self.misfit(
                        section.mark.as_ref(),
                        place.section.clone(),
                        Misfit::AlreadyInBase,
                    )?;
                }
                (Some(MarkAction::Sup), Some(at)) => {
                    self.removed_sections.insert(container(at), true);
                    if let Some(mark) = &section.mark {
                        self.record(mark, &place, Some(&base_sections[at].line()), None);
                    }
                    self.whole_container(container(at), section.mark.as_ref());
                }
                (Some(_), None) if action != Some(MarkAction::Add) => {
                    self.misfit(
                        section.mark.as_ref(),
                        place.section.clone(),
                        Misfit::NotInBase,
                    )?;
                }
                (_, Some(at)) => {
                    let list = ListId {
                        container: container(at),
                        parent: None,
                    };
                    let removed = self.list(list, &section.clauses, &place)?;
                    if removed {
                        self.removed_sections.insert(container(at), true);
                    }
                }
                (_, None) => {
                    // A section the base lacks: added when marked ADD or when all its clauses are.
                    let explicit = action == Some(MarkAction::Add);
                    let Some(clauses) = self.new_top_level(&section.clauses, explicit, &place)?
                    else {
                        continue;
                    };
                    if let Some(mark) = section.mark.as_ref().filter(|_| explicit) {
                        self.record(mark, &place, None, Some(&place.section));
                    }
                    let after = found[..i].iter().rev().flatten().next().copied();
                    let after = after.or_else(|| {
                        // Before the next section the base has, or at the end.
                        match found[i..].iter().flatten().next() {
                            Some(0) => None,
                            Some(next) => Some(next - 1),
                            None => base_sections.len().checked_sub(1),
                        }
                    });
                    let slot = match after {
                        Some(at) => self.index.spans.get(&container(at)).map_or(0, |s| s.1),
                        None => {
                            let first = container(0);
                            self.index
                                .spans
                                .get(&first)
                                .map_or_else(|| self.end_of_part(operative), |s| s.0)
                        }
                    };
                    self.new_steps(&clauses, &place, slot);
                    self.new_sections
                        .entry((operative, after))
                        .or_default()
                        .push(Section {
                            keyword: section.keyword,
                            phrase: section.phrase.clone(),
                            addressee: section.addressee.clone(),
                            mark: None,
                            clauses: clauses.into_iter().map(|(c, _)| c).collect(),
                        });
                }
            }
        }
        Ok(())
    }

    /// Where nodes after the last section of a part would go.
    fn end_of_part(&self, operative: bool) -> usize {
        let doc = self.index.doc;
        let last = if operative {
            doc.operative.len().checked_sub(1).map(Container::Operative)
        } else {
            doc.preamble.len().checked_sub(1).map(Container::Preamble)
        };
        match last {
            Some(c) => self.index.spans.get(&c).map_or(0, |s| s.1),
            None if operative => self
                .index
                .spans
                .get(&Container::Article(0))
                .map_or(self.index.nodes.len(), |s| s.0),
            None => 0,
        }
    }

    fn articles(&mut self, articles: &[Article]) -> Result<(), Error> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let found: Vec<Option<usize>> = articles
            .iter()
            .map(|a| {
                let occurrence = bump(&mut seen, a.num.as_str());
                self.index
                    .articles
                    .get(&(a.num.as_str(), occurrence))
                    .copied()
            })
            .collect();
        for (i, article) in articles.iter().enumerate() {
            let place = Place {
                part: Part::Articles,
                section: format!("ARTICLE {}", article.num),
                path: Vec::new(),
            };
            let action = article.mark.as_ref().map(|m| m.action);
            match (action, found[i]) {
                (Some(MarkAction::Add), Some(_)) => {
                    self.misfit(
                        article.mark.as_ref(),
                        place.section.clone(),
                        Misfit::AlreadyInBase,
                    )?;
                }
                (Some(MarkAction::Sup), Some(at)) => {
                    self.removed_articles[at] = true;
                    if let Some(mark) = &article.mark {
                        let heading = self.index.doc.articles[at].heading.clone();
                        self.record(mark, &place, Some(heading.as_deref().unwrap_or("")), None);
                    }
                    self.whole_container(Container::Article(at), article.mark.as_ref());
                }
                (Some(_), None) if action != Some(MarkAction::Add) => {
                    self.misfit(
                        article.mark.as_ref(),
                        place.section.clone(),
                        Misfit::NotInBase,
                    )?;
                }
                (_, Some(at)) => {
                    let base_heading = self.index.doc.articles[at].heading.clone();
                    match (&article.mark, &article.heading) {
                        (Some(mark), Some(heading))
                            if matches!(
                                mark.action,
                                MarkAction::Mod | MarkAction::ModEditorial
                            ) && base_heading.as_ref() != Some(heading) =>
                        {
                            self.headings.insert(at, Some(heading.clone()));
                            self.record(mark, &place, base_heading.as_deref(), Some(heading));
                        }
                        (Some(mark), Some(heading))
                            if mark.action == MarkAction::Noc
                                && base_heading.as_ref() != Some(heading) =>
                        {
                            self.misfit(
                                Some(mark),
                                place.section.clone(),
                                Misfit::TextDiffers {
                                    base: base_heading.unwrap_or_default(),
                                },
                            )?;
                        }
                        _ => {}
                    }
                    let list = ListId {
                        container: Container::Article(at),
                        parent: None,
                    };
                    if self.list(list, &article.provisions, &place)? {
                        self.removed_articles[at] = true;
                    }
                }
                (_, None) => {
                    let explicit = action == Some(MarkAction::Add);
                    let Some(provisions) =
                        self.new_top_level(&article.provisions, explicit, &place)?
                    else {
                        continue;
                    };
                    if let Some(mark) = article.mark.as_ref().filter(|_| explicit) {
                        self.record(
                            mark,
                            &place,
                            None,
                            Some(article.heading.as_deref().unwrap_or("")),
                        );
                    }
                    let key = OrderKey::of(&article.num, false);
                    let after = match &key {
                        Some(key) => self.article_after(key),
                        None => found[..i].iter().rev().flatten().next().copied().map(Some),
                    };
                    let after =
                        after.unwrap_or_else(|| self.index.doc.articles.len().checked_sub(1));
                    let slot = match after {
                        Some(at) => self
                            .index
                            .spans
                            .get(&Container::Article(at))
                            .map_or(0, |s| s.1),
                        None => self
                            .index
                            .spans
                            .get(&Container::Article(0))
                            .map_or(self.index.nodes.len(), |s| s.0),
                    };
                    self.new_steps(&provisions, &place, slot);
                    self.seq += 1;
                    let seq = self.seq;
                    self.new_articles.entry(after).or_default().push((
                        key,
                        seq,
                        Article {
                            num: article.num.clone(),
                            heading: article.heading.clone(),
                            mark: None,
                            provisions: provisions.into_iter().map(|(c, _)| c).collect(),
                        },
                    ));
                }
            }
        }
        Ok(())
    }

    /// The base article a new article follows by number: `Some(None)` for before the first,
    /// `None` when no base article has a number to compare.
    fn article_after(&mut self, key: &OrderKey) -> Option<Option<usize>> {
        let sorted = self.sorted_articles.get_or_insert_with(|| {
            let mut sorted: Vec<(OrderKey, usize)> = self
                .index
                .doc
                .articles
                .iter()
                .enumerate()
                .filter_map(|(i, a)| OrderKey::of(&a.num, false).map(|k| (k, i)))
                .collect();
            sorted.sort();
            sorted
        });
        if sorted.is_empty() {
            return None;
        }
        let below = sorted.partition_point(|(k, _)| k <= key);
        Some(below.checked_sub(1).map(|at| sorted[at].1))
    }

    /// Every provision of a container, for compile, when its whole section or article goes.
    fn whole_container(&mut self, container: Container, mark: Option<&ProposalMark>) {
        let (start, end) = self.index.spans.get(&container).copied().unwrap_or((0, 0));
        for id in start..end {
            self.removed.insert(id);
            let text = self.index.nodes[id].clause.text.clone();
            self.step(Target::Node(id), mark, &text, None);
        }
    }

    /// The clauses of a section or article the base lacks, when the proposal adds it (by an
    /// `ADD` on it, or on all its top-level clauses); `None` when it does not (after noting the
    /// misfit in lenient mode).
    fn new_top_level(
        &mut self,
        clauses: &[Clause],
        explicit: bool,
        place: &Place,
    ) -> Result<Option<Vec<(Clause, Option<ProposalMark>)>>, Error> {
        if !explicit {
            let wrong = clauses
                .iter()
                .enumerate()
                .find(|(_, c)| c.mark.as_ref().map(|m| m.action) != Some(MarkAction::Add));
            if let Some((i, clause)) = wrong {
                let reason = if clause.mark.is_none() {
                    Misfit::UnmarkedNew
                } else {
                    Misfit::NotInBase
                };
                let provision = place.child(label(clause, &clause_key(clause, i)));
                self.misfit(
                    clause.mark.as_ref(),
                    crate::modification::place(&provision.section, &provision.path),
                    reason,
                )?;
                return Ok(None);
            }
            if clauses.is_empty() {
                return Ok(None);
            }
        }
        let mut out = Vec::with_capacity(clauses.len());
        for (i, clause) in clauses.iter().enumerate() {
            let child = place.child(label(clause, &clause_key(clause, i)));
            let new = self.new_clause(clause, &child)?;
            out.push((new, clause.mark.clone()));
        }
        Ok(Some(out))
    }

    /// Compile's steps for the clauses of a new section or article, all before `slot`.
    fn new_steps(
        &mut self,
        clauses: &[(Clause, Option<ProposalMark>)],
        place: &Place,
        slot: usize,
    ) {
        for (clause, mark) in clauses {
            let key = clause.num.as_deref().and_then(|n| OrderKey::of(n, false));
            let path = place.child(label(clause, "")).path;
            self.step(
                Target::New {
                    slot,
                    key,
                    part: place.part.clone(),
                    section: place.section.clone(),
                    path,
                },
                mark.as_ref(),
                &clause.text,
                None,
            );
        }
    }

    /// A clause the proposal adds, with its sub-items, marks taken off; marked sub-items are
    /// recorded one by one.
    fn new_clause(&mut self, clause: &Clause, place: &Place) -> Result<Clause, Error> {
        if let Some(mark) = &clause.mark {
            if mark.action == MarkAction::Add {
                self.record(mark, place, None, Some(&clause.text));
            } else {
                self.misfit(Some(mark), place_name(place), Misfit::InsideNew)?;
            }
        }
        let mut clauses = Vec::with_capacity(clause.clauses.len());
        for (i, child) in clause.clauses.iter().enumerate() {
            let sub = place.child(label(child, &clause_key(child, i)));
            clauses.push(self.new_clause(child, &sub)?);
        }
        Ok(Clause {
            num: clause.num.clone(),
            text: clause.text.clone(),
            mark: None,
            clauses,
        })
    }

    /// Works out the marks of a list of the proposal against a list of the base; `true` when
    /// the proposal suppresses every clause of the base's list and adds none.
    fn list(&mut self, list: ListId, clauses: &[Clause], place: &Place) -> Result<bool, Error> {
        let keys: Vec<String> = clauses
            .iter()
            .enumerate()
            .map(|(i, c)| clause_key(c, i))
            .collect();
        let found: Vec<Option<usize>> = keys.iter().map(|k| self.index.find(list, k)).collect();
        let mut added = false;
        let mut suppressed = 0;
        for (i, clause) in clauses.iter().enumerate() {
            let here = place.child(label(clause, &keys[i]));
            let mark = clause.mark.as_ref();
            let action = mark.map(|m| m.action);
            let Some(target) = found[i] else {
                if action != Some(MarkAction::Add) {
                    let reason = if mark.is_none() {
                        Misfit::UnmarkedNew
                    } else {
                        Misfit::NotInBase
                    };
                    let slot = self.anchor(list, clause, &found[..i], &found[i + 1..]).1;
                    self.step(
                        Target::New {
                            slot,
                            key: None,
                            part: here.part.clone(),
                            section: here.section.clone(),
                            path: here.path.clone(),
                        },
                        mark,
                        &clause.text,
                        Some(reason.clone()),
                    );
                    self.misfit(mark, place_name(&here), reason)?;
                    continue;
                };
                added = true;
                self.add(list, clause, &here, &found[..i], &found[i + 1..])?;
                continue;
            };
            if action.is_some() {
                if !self.touched.insert(target) {
                    self.step(
                        Target::Node(target),
                        mark,
                        &clause.text,
                        Some(Misfit::MarkedTwice),
                    );
                    self.misfit(mark, place_name(&here), Misfit::MarkedTwice)?;
                    continue;
                }
            }
            let index = self.index;
            let base_text = &index.nodes[target].clause.text;
            match action {
                Some(MarkAction::Add) => {
                    self.step(
                        Target::Node(target),
                        mark,
                        &clause.text,
                        Some(Misfit::AlreadyInBase),
                    );
                    self.misfit(mark, place_name(&here), Misfit::AlreadyInBase)?;
                    continue;
                }
                Some(MarkAction::Sup) => {
                    self.removed.insert(target);
                    suppressed += 1;
                    let old = base_text.clone();
                    self.step(Target::Node(target), mark, "", None);
                    if let Some(mark) = mark {
                        self.record(mark, &here, Some(&old), None);
                    }
                    continue;
                }
                Some(MarkAction::Noc)
                    if !clause.text.is_empty()
                        && without_separator(&clause.text) != without_separator(base_text) =>
                {
                    let reason = Misfit::TextDiffers {
                        base: base_text.clone(),
                    };
                    self.step(
                        Target::Node(target),
                        mark,
                        &clause.text,
                        Some(reason.clone()),
                    );
                    self.misfit(mark, place_name(&here), reason)?;
                }
                Some(MarkAction::Mod | MarkAction::ModEditorial) => {
                    let old = base_text.clone();
                    self.texts.insert(target, clause.text.clone());
                    self.step(Target::Node(target), mark, &clause.text, None);
                    if let Some(mark) = mark {
                        self.record(mark, &here, Some(&old), Some(&clause.text));
                    }
                }
                Some(MarkAction::Noc) => {
                    self.step(Target::Node(target), mark, &clause.text, None);
                }
                None => {}
            }
            let sub = ListId {
                container: list.container,
                parent: Some(target),
            };
            self.list(sub, &clause.clauses, &here)?;
        }
        let all = self.index.children.get(&list).map_or(0, Vec::len);
        Ok(list.parent.is_none() && !added && all > 0 && suppressed == all)
    }

    /// Schedules an `ADD` of `clause` in `list`.
    fn add(
        &mut self,
        list: ListId,
        clause: &Clause,
        place: &Place,
        before: &[Option<usize>],
        after: &[Option<usize>],
    ) -> Result<(), Error> {
        let key = clause_key(clause, 0);
        let duplicate = clause.num.is_some() && !self.added.insert((list, key));
        let (anchor, slot, order) = self.anchor(list, clause, before, after);
        let target = Target::New {
            slot,
            key: order.clone(),
            part: place.part.clone(),
            section: place.section.clone(),
            path: place.path.clone(),
        };
        if duplicate {
            self.step(
                target,
                clause.mark.as_ref(),
                &clause.text,
                Some(Misfit::MarkedTwice),
            );
            return self.misfit(clause.mark.as_ref(), place_name(place), Misfit::MarkedTwice);
        }
        self.step(target, clause.mark.as_ref(), &clause.text, None);
        let new = self.new_clause(clause, place)?;
        self.seq += 1;
        let seq = self.seq;
        self.inserts
            .entry((list, anchor))
            .or_default()
            .push(Insert {
                key: order,
                seq,
                clause: new,
            });
        Ok(())
    }

    /// Where a new clause goes in `list`: after which node of the base (`None`: first), the
    /// slot in the base's order it takes, and its order key.
    fn anchor(
        &mut self,
        list: ListId,
        clause: &Clause,
        before: &[Option<usize>],
        after: &[Option<usize>],
    ) -> (Option<usize>, usize, Option<OrderKey>) {
        let children: &[usize] = self.index.children.get(&list).map_or(&[], Vec::as_slice);
        let index = self.index;
        let (roman, sorted) = self.sorted.entry(list).or_insert_with(|| {
            let roman = roman_list(
                children
                    .iter()
                    .filter_map(|&id| index.nodes[id].clause.num.as_deref()),
            );
            let mut sorted: Vec<(OrderKey, usize)> = children
                .iter()
                .filter_map(|&id| {
                    let num = index.nodes[id].clause.num.as_deref()?;
                    Some((OrderKey::of(num, roman)?, id))
                })
                .collect();
            sorted.sort();
            (roman, sorted)
        });
        let roman = *roman || clause.num.as_deref().is_some_and(|n| roman_list([n]));
        let key = clause.num.as_deref().and_then(|n| OrderKey::of(n, roman));
        let anchor = match &key {
            Some(key) if !sorted.is_empty() => {
                let below = sorted.partition_point(|(k, _)| k <= key);
                below.checked_sub(1).map(|at| sorted[at].1)
            }
            _ => {
                // By the proposal's own order: after the clause it shows before this one, or
                // before the one it shows after it, or at the end.
                match before.iter().rev().flatten().next() {
                    Some(&id) => Some(id),
                    None => match after.iter().flatten().next() {
                        Some(&next) => children
                            .iter()
                            .position(|&c| c == next)
                            .and_then(|p| p.checked_sub(1))
                            .map(|p| children[p]),
                        None => children.last().copied(),
                    },
                }
            }
        };
        let slot = match anchor {
            Some(id) => self.index.nodes[id].end,
            None => self.index.list_start(list),
        };
        (anchor, slot, key)
    }

    /// The amended document.
    pub(crate) fn build(mut self, base: &Document) -> Document {
        let mut out = Document {
            preamble: Vec::new(),
            operative: Vec::new(),
            articles: Vec::new(),
            references: Vec::new(),
            ..base.clone()
        };
        let mut next = 0;
        for (operative, sections) in [(false, &base.preamble), (true, &base.operative)] {
            let mut built = Vec::with_capacity(sections.len());
            built.extend(
                self.new_sections
                    .get(&(operative, None))
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
            for (i, section) in sections.iter().enumerate() {
                let container = if operative {
                    Container::Operative(i)
                } else {
                    Container::Preamble(i)
                };
                let list = ListId {
                    container,
                    parent: None,
                };
                let (clauses, end) = self.build_list(list, &section.clauses, next);
                next = end;
                if !self
                    .removed_sections
                    .get(&container)
                    .copied()
                    .unwrap_or(false)
                {
                    built.push(Section {
                        clauses,
                        ..section.clone()
                    });
                }
                built.extend(
                    self.new_sections
                        .get(&(operative, Some(i)))
                        .into_iter()
                        .flatten()
                        .cloned(),
                );
            }
            if operative {
                out.operative = built;
            } else {
                out.preamble = built;
            }
        }
        let mut new_articles = std::mem::take(&mut self.new_articles);
        for inserts in new_articles.values_mut() {
            inserts.sort_by(|a, b| match (&a.0, &b.0) {
                (Some(x), Some(y)) => x.cmp(y).then(a.1.cmp(&b.1)),
                _ => a.1.cmp(&b.1),
            });
        }
        let mut articles = Vec::with_capacity(base.articles.len());
        let take =
            |after: Option<usize>, into: &mut Vec<Article>, from: &mut HashMap<_, Vec<_>>| {
                if let Some(list) = from.remove(&after) {
                    into.extend(list.into_iter().map(|(_, _, a)| a));
                }
            };
        take(None, &mut articles, &mut new_articles);
        for (i, article) in base.articles.iter().enumerate() {
            let list = ListId {
                container: Container::Article(i),
                parent: None,
            };
            let (provisions, end) = self.build_list(list, &article.provisions, next);
            next = end;
            if !self.removed_articles[i] {
                articles.push(Article {
                    num: article.num.clone(),
                    heading: match self.headings.get(&i) {
                        Some(heading) => heading.clone(),
                        None => article.heading.clone(),
                    },
                    mark: article.mark.clone(),
                    provisions,
                });
            }
            take(Some(i), &mut articles, &mut new_articles);
        }
        out.articles = articles;
        out.modifications.extend(self.modifications);
        out.references = out.find_references();
        out
    }

    /// A list of the base with the plan's changes, and the node after it.
    fn build_list(&self, list: ListId, clauses: &[Clause], first: usize) -> (Vec<Clause>, usize) {
        let mut out = Vec::with_capacity(clauses.len());
        self.push_inserts(&mut out, list, None);
        let mut id = first;
        for clause in clauses {
            let sub = ListId {
                container: list.container,
                parent: Some(id),
            };
            let end = self.index.nodes[id].end;
            if !self.removed.contains(&id) {
                let (children, _) = self.build_list(sub, &clause.clauses, id + 1);
                out.push(Clause {
                    num: clause.num.clone(),
                    text: self.texts.get(&id).unwrap_or(&clause.text).clone(),
                    mark: clause.mark.clone(),
                    clauses: children,
                });
            }
            self.push_inserts(&mut out, list, Some(id));
            id = end;
        }
        (out, id)
    }

    fn push_inserts(&self, out: &mut Vec<Clause>, list: ListId, after: Option<usize>) {
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

fn place_name(at: &Place) -> String {
    place(&at.section, &at.path)
}
