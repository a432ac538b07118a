//! Applying a proposal to the text it amends: every ADD, MOD, (MOD), SUP and NOC mark at once,
//! or none.

use std::collections::{HashMap, HashSet};

use crate::diff::{appendix_key, without_separator};
use crate::document::{Appendix, Article, Clause, Document, ListItem, Part, Section, clause_key};
use crate::error::{Error, Misfit};
use crate::locate::{Container, Index, ListId, bump, label};
use crate::mark::{MarkAction, ProposalMark};
use crate::modification::{Modification, place};
use crate::order::{OrderKey, roman_list};

/// Applies a proposal to its base text and returns the amended text.
///
/// Each provision of the proposal is found in the base by its margin number (`30`, `14A`)
/// anywhere in the instrument, else by its section, article or appendix and its labels down
/// from there (`ARTICLE 3`, `3.1`, `a)`):
///
/// - `ADD` inserts a provision the base lacks after the one it follows by number: by margin
///   number (`12A` after `12`), else by label (`3.1bis` after `3.1`, `bbis)` after `b)`); an
///   unnumbered one goes after the provision the proposal shows before it. An article,
///   appendix or section the base lacks is added (after the one it follows by number) when
///   the proposal marks it `ADD` or marks all its provisions `ADD`; its provisions come with
///   it.
/// - `MOD` and `(MOD)` replace the text and list items of a provision (and its label, when it
///   is found by margin number); an article or appendix marked so takes the proposal's
///   heading. Sub-items follow their own marks.
/// - `SUP` removes a provision with its sub-items, or a whole article, appendix or section; one
///   whose every provision the proposal suppresses goes with them.
/// - `NOC` checks that the base has the provision with the same text (list separators aside,
///   as in [`diff`](crate::diff)); a `NOC` without text only checks that it is there.
/// - A provision without a mark is context: the base must have it.
///
/// The result records each change in [`Document::modifications`], after those the base already
/// had, so proposals applied one after another keep the whole history; its provisions carry no
/// marks of the proposal, and its header is the base's. Cost is linear in the sizes of the
/// base and the proposal.
///
/// ```
/// use plenary_treaty::{apply, parse, render};
///
/// let base = parse("ARTICLE 3\nNetwork\n3.1 one;\n3.2 two;\n3.3 three.\n");
/// let proposal = parse(
///     "ARTICLE 3\nMOD ARB/7/1\n3.2 two, amended;\nSUP ARB/7/2\n3.3\nADD ARB/7/3\n3.1bis one and a half;\n",
/// );
/// let amended = apply(&base, &proposal)?;
/// assert_eq!(
///     render(&amended),
///     "ARTICLE 3\n\nNetwork\n\n3.1 one;\n\n3.1bis one and a half;\n\n3.2 two, amended;\n"
/// );
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
    Ok(plan.build())
}

/// Where a proposal's mark goes in the base, as [`compile`](crate::compile) lays it out.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// A provision of the base.
    Node(usize),
    /// A new provision, placed before node `slot` of the base.
    New {
        slot: usize,
        key: Option<OrderKey>,
        at: Place,
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

/// Where a provision is: part, section or article, labels and margin number.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub(crate) part: Part,
    pub(crate) section: String,
    pub(crate) path: Vec<String>,
    pub(crate) margin: Option<String>,
}

impl Place {
    fn child(&self, clause: &Clause, key: &str) -> Place {
        let mut path = self.path.clone();
        path.push(label(clause, key));
        Place {
            part: self.part.clone(),
            section: self.section.clone(),
            path,
            margin: clause.margin.clone(),
        }
    }

    fn name(&self) -> String {
        place(&self.section, &self.path, self.margin.as_deref())
    }
}

/// A provision's new wording.
struct Wording {
    text: String,
    items: Vec<ListItem>,
    num: Option<String>,
}

/// A new clause to insert in a list of the base.
struct Insert {
    key: Option<OrderKey>,
    seq: usize,
    clause: Clause,
}

/// New articles, appendices or sections, by the base one they follow (`None`: first).
type Pending<T> = HashMap<Option<usize>, Vec<(Option<OrderKey>, usize, T)>>;

/// What a proposal does to its base, worked out before anything is changed.
pub(crate) struct Plan<'i, 'a> {
    index: &'i Index<'a>,
    /// Stop at the first misfit (apply) or note it in the steps and go on (compile).
    strict: bool,
    wordings: HashMap<usize, Wording>,
    removed: HashSet<usize>,
    touched: HashSet<usize>,
    inserts: HashMap<(ListId, Option<usize>), Vec<Insert>>,
    added: HashSet<(ListId, String)>,
    removed_containers: HashSet<Container>,
    headings: HashMap<Container, Option<String>>,
    new_sections: HashMap<bool, Pending<Section>>,
    new_articles: Pending<Article>,
    new_appendices: Pending<Appendix>,
    sorted: HashMap<ListId, (bool, Vec<(OrderKey, usize)>)>,
    seq: usize,
    pub(crate) modifications: Vec<Modification>,
    pub(crate) steps: Vec<Step>,
}

impl<'i, 'a> Plan<'i, 'a> {
    pub(crate) fn new(index: &'i Index<'a>, strict: bool) -> Plan<'i, 'a> {
        Plan {
            index,
            strict,
            wordings: HashMap::new(),
            removed: HashSet::new(),
            touched: HashSet::new(),
            inserts: HashMap::new(),
            added: HashSet::new(),
            removed_containers: HashSet::new(),
            headings: HashMap::new(),
            new_sections: HashMap::new(),
            new_articles: HashMap::new(),
            new_appendices: HashMap::new(),
            sorted: HashMap::new(),
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
            return self.misfit(Some(mark), what.to_owned(), Misfit::WholeText);
        }
        self.sections(false, &proposal.preamble)?;
        self.sections(true, &proposal.operative)?;
        let articles: Vec<Unit<'_>> = proposal
            .articles
            .iter()
            .map(|a| Unit {
                name: format!("ARTICLE {}", a.num),
                num: Some(&a.num),
                heading: a.heading.as_ref(),
                mark: a.mark.as_ref(),
                provisions: &a.provisions,
            })
            .collect();
        self.units(false, &articles, |i, provisions| {
            New::Article(Article {
                mark: None,
                provisions,
                ..proposal.articles[i].clone()
            })
        })?;
        let appendices: Vec<Unit<'_>> = proposal
            .appendices
            .iter()
            .map(|a| Unit {
                name: appendix_key(a),
                num: a.num.as_deref(),
                heading: a.heading.as_ref(),
                mark: a.mark.as_ref(),
                provisions: &a.provisions,
            })
            .collect();
        self.units(true, &appendices, |i, provisions| {
            New::Appendix(Appendix {
                mark: None,
                provisions,
                ..proposal.appendices[i].clone()
            })
        })
    }

    /// Refuses (strict) or lets pass (lenient, the step says why) a misfit.
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

    /// Notes a step for compile and refuses or lets pass its misfit.
    fn step(
        &mut self,
        target: Target,
        mark: Option<&ProposalMark>,
        text: &str,
        misfit: Option<(Misfit, String)>,
    ) -> Result<(), Error> {
        if let Some((reason, provision)) = &misfit {
            self.misfit(mark, provision.clone(), reason.clone())?;
        }
        if !self.strict
            && let Some(mark) = mark
        {
            self.steps.push(Step {
                target,
                mark: mark.clone(),
                text: text.to_owned(),
                misfit: misfit.map(|m| m.0),
            });
        }
        Ok(())
    }

    fn record(&mut self, mark: &ProposalMark, at: &Place, old: Option<&str>, new: Option<&str>) {
        if mark.action == MarkAction::Noc {
            return;
        }
        self.modifications.push(Modification {
            mark: mark.clone(),
            part: at.part.clone(),
            section: at.section.clone(),
            path: at.path.clone(),
            margin: at.margin.clone(),
            old: old.map(str::to_owned),
            new: new.map(str::to_owned),
        });
    }

    /// The place of a base node.
    fn place_of(&self, id: usize) -> Place {
        let node = &self.index.nodes[id];
        let (part, section) = self.index.section_name(node.list.container);
        Place {
            part,
            section,
            path: self.index.path(id),
            margin: node.clause.margin.clone(),
        }
    }

    /// The place of a list of the base, for what is added to it.
    fn place_of_list(&self, list: ListId) -> Place {
        match list.parent {
            Some(parent) => Place {
                margin: None,
                ..self.place_of(parent)
            },
            None => {
                let (part, section) = self.index.section_name(list.container);
                Place {
                    part,
                    section,
                    path: Vec::new(),
                    margin: None,
                }
            }
        }
    }

    fn sections(&mut self, operative: bool, sections: &[Section]) -> Result<(), Error> {
        let part = if operative {
            Part::Operative
        } else {
            Part::Preamble
        };
        let container = |at: usize| {
            if operative {
                Container::Operative(at)
            } else {
                Container::Preamble(at)
            }
        };
        let mut seen = HashMap::new();
        let found: Vec<Option<usize>> = sections
            .iter()
            .map(|s| {
                let line = s.line();
                let occurrence = bump(&mut seen, line.clone());
                self.index.section(operative, line, occurrence)
            })
            .collect();
        let count = if operative {
            self.index.doc.operative.len()
        } else {
            self.index.doc.preamble.len()
        };
        for (i, section) in sections.iter().enumerate() {
            let at = Place {
                part: part.clone(),
                section: section.line(),
                path: Vec::new(),
                margin: None,
            };
            let mark = section.mark.as_ref();
            let action = mark.map(|m| m.action);
            match (action, found[i]) {
                (Some(MarkAction::Add), Some(_)) => {
                    self.misfit(mark, at.name(), Misfit::AlreadyInBase)?;
                }
                (Some(MarkAction::Sup), Some(base)) => {
                    self.remove_container(container(base), mark, &at, &at.section.clone());
                }
                (Some(action), None) if action != MarkAction::Add => {
                    self.misfit(mark, at.name(), Misfit::NotInBase)?;
                }
                (_, Some(base)) => {
                    if self.list(Some(ListId::top(container(base))), &section.clauses, &at)? {
                        self.removed_containers.insert(container(base));
                    }
                }
                (_, None) if action.is_none() && self.known_margins(&section.clauses) => {
                    // Provisions named by margin number alone, with no article line.
                    self.list(None, &section.clauses, &at)?;
                }
                (_, None) => {
                    let explicit = action == Some(MarkAction::Add);
                    if let Some(mark) = mark.filter(|_| explicit) {
                        self.record(mark, &at, None, Some(&at.section));
                    }
                    let Some(clauses) = self.new_unit_clauses(&section.clauses, explicit, &at)?
                    else {
                        continue;
                    };
                    let after = previous_found(&found, i, count);
                    let slot = match after {
                        Some(base) => self.index.span(container(base)).1,
                        None if count > 0 => self.index.span(container(0)).0,
                        None => self.part_start(part.clone()),
                    };
                    self.new_steps(&clauses, &at, slot)?;
                    self.seq += 1;
                    let seq = self.seq;
                    let new = Section {
                        mark: None,
                        clauses,
                        ..section.clone()
                    };
                    self.new_sections
                        .entry(operative)
                        .or_default()
                        .entry(after)
                        .or_default()
                        .push((None, seq, new));
                }
            }
        }
        Ok(())
    }

    /// Whether the proposal names some of these clauses by a margin number the base has.
    fn known_margins(&self, clauses: &[Clause]) -> bool {
        clauses
            .iter()
            .any(|c| c.margin.is_some() && self.index.find(None, c, "").is_some())
    }

    /// The node where a part of the base would start: the preamble at 0, the operative part
    /// after the preamble, the articles after that, the appendices last.
    fn part_start(&self, part: Part) -> usize {
        let doc = self.index.doc;
        let order = [
            (Part::Preamble, doc.preamble.len(), Container::Preamble(0)),
            (
                Part::Operative,
                doc.operative.len(),
                Container::Operative(0),
            ),
            (Part::Articles, doc.articles.len(), Container::Article(0)),
            (
                Part::Appendices,
                doc.appendices.len(),
                Container::Appendix(0),
            ),
        ];
        let from = order.iter().position(|o| o.0 == part).unwrap_or(0);
        order[from..]
            .iter()
            .find(|o| o.1 > 0)
            .map_or(self.index.nodes.len(), |o| self.index.span(o.2).0)
    }

    fn remove_container(
        &mut self,
        container: Container,
        mark: Option<&ProposalMark>,
        at: &Place,
        old: &str,
    ) {
        self.removed_containers.insert(container);
        if let Some(mark) = mark {
            self.record(mark, at, Some(old), None);
        }
        // Compile shows the suppression on every provision that goes.
        let (start, end) = self.index.span(container);
        for id in start..end {
            if !self.strict
                && let Some(mark) = mark
            {
                self.steps.push(Step {
                    target: Target::Node(id),
                    mark: mark.clone(),
                    text: String::new(),
                    misfit: None,
                });
            }
        }
    }

    /// Articles (`appendix` false) or appendices of the proposal against the base's.
    fn units(
        &mut self,
        appendix: bool,
        units: &[Unit<'_>],
        make: impl Fn(usize, Vec<Clause>) -> New,
    ) -> Result<(), Error> {
        let part = if appendix {
            Part::Appendices
        } else {
            Part::Articles
        };
        let mut seen = HashMap::new();
        let found: Vec<Option<Container>> = units
            .iter()
            .map(|u| {
                let occurrence = bump(&mut seen, u.name.clone());
                self.index.unit(u.name.clone(), occurrence)
            })
            .collect();
        let doc = self.index.doc;
        let count = if appendix {
            doc.appendices.len()
        } else {
            doc.articles.len()
        };
        let container = |at: usize| {
            if appendix {
                Container::Appendix(at)
            } else {
                Container::Article(at)
            }
        };
        let base_heading = |c: Container| match c {
            Container::Appendix(i) => doc.appendices[i].heading.clone(),
            Container::Article(i) => doc.articles[i].heading.clone(),
            Container::Preamble(_) | Container::Operative(_) => None,
        };
        for (i, unit) in units.iter().enumerate() {
            let at = Place {
                part: part.clone(),
                section: unit.name.clone(),
                path: Vec::new(),
                margin: None,
            };
            let action = unit.mark.map(|m| m.action);
            match (action, found[i]) {
                (Some(MarkAction::Add), Some(_)) => {
                    self.misfit(unit.mark, at.name(), Misfit::AlreadyInBase)?;
                }
                (Some(MarkAction::Sup), Some(base)) => {
                    let old = base_heading(base).unwrap_or_default();
                    self.remove_container(base, unit.mark, &at, &old);
                }
                (Some(action), None) if action != MarkAction::Add => {
                    self.misfit(unit.mark, at.name(), Misfit::NotInBase)?;
                }
                (_, Some(base)) => {
                    let old = base_heading(base);
                    match (unit.mark, unit.heading) {
                        (Some(mark), Some(heading))
                            if matches!(
                                mark.action,
                                MarkAction::Mod | MarkAction::ModEditorial
                            ) && old.as_ref() != Some(heading) =>
                        {
                            self.headings.insert(base, Some(heading.clone()));
                            self.record(mark, &at, old.as_deref(), Some(heading));
                        }
                        (Some(mark), Some(heading))
                            if mark.action == MarkAction::Noc && old.as_ref() != Some(heading) =>
                        {
                            let reason = Misfit::TextDiffers {
                                base: old.unwrap_or_default(),
                            };
                            self.misfit(Some(mark), at.name(), reason)?;
                        }
                        _ => {}
                    }
                    if self.list(Some(ListId::top(base)), unit.provisions, &at)? {
                        self.removed_containers.insert(base);
                    }
                }
                (_, None) if action.is_none() && self.known_margins(unit.provisions) => {
                    self.list(None, unit.provisions, &at)?;
                }
                (_, None) => {
                    let explicit = action == Some(MarkAction::Add);
                    if let Some(mark) = unit.mark.filter(|_| explicit) {
                        let heading = unit.heading.map_or("", String::as_str);
                        self.record(mark, &at, None, Some(heading));
                    }
                    let Some(provisions) = self.new_unit_clauses(unit.provisions, explicit, &at)?
                    else {
                        continue;
                    };
                    let key = unit.num.and_then(|n| OrderKey::of(n, false));
                    let after = match &key {
                        Some(key) => self.unit_after(appendix, key),
                        None => None,
                    };
                    let after = after.unwrap_or_else(|| {
                        previous_found(
                            &found
                                .iter()
                                .map(|f| f.map(|c| unit_index(c)))
                                .collect::<Vec<_>>(),
                            i,
                            count,
                        )
                    });
                    let slot = match after {
                        Some(base) => self.index.span(container(base)).1,
                        None => self.part_start(part.clone()),
                    };
                    self.new_steps(&provisions, &at, slot)?;
                    self.seq += 1;
                    let seq = self.seq;
                    match make(i, provisions) {
                        New::Article(article) => {
                            self.new_articles
                                .entry(after)
                                .or_default()
                                .push((key, seq, article));
                        }
                        New::Appendix(new) => {
                            self.new_appendices
                                .entry(after)
                                .or_default()
                                .push((key, seq, new));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The base article or appendix a new one follows by number: `Some(None)` for before the
    /// first, `None` when no base one has a number to compare.
    fn unit_after(&self, appendix: bool, key: &OrderKey) -> Option<Option<usize>> {
        let doc = self.index.doc;
        let nums: Vec<Option<&str>> = if appendix {
            doc.appendices.iter().map(|a| a.num.as_deref()).collect()
        } else {
            doc.articles.iter().map(|a| Some(a.num.as_str())).collect()
        };
        let mut best: Option<(OrderKey, usize)> = None;
        let mut any = false;
        for (i, num) in nums.iter().enumerate() {
            let Some(k) = num.and_then(|n| OrderKey::of(n, false)) else {
                continue;
            };
            any = true;
            if &k < key && best.as_ref().is_none_or(|(b, _)| &k >= b) {
                best = Some((k, i));
            }
        }
        any.then(|| best.map(|(_, i)| i))
    }

    /// The clauses of a section, article or appendix the base lacks, when the proposal adds it
    /// (by an `ADD` on it, or on each of its top-level clauses), marks taken off; `None` when
    /// it does not.
    fn new_unit_clauses(
        &mut self,
        clauses: &[Clause],
        explicit: bool,
        at: &Place,
    ) -> Result<Option<Vec<Clause>>, Error> {
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
                let here = at.child(clause, &clause_key(clause, i));
                let slot = self.part_start(at.part.clone());
                let target = Target::New {
                    slot,
                    key: None,
                    at: here.clone(),
                };
                let text = clause.text.clone();
                self.step(
                    target,
                    clause.mark.as_ref(),
                    &text,
                    Some((reason, here.name())),
                )?;
                return Ok(None);
            }
            if clauses.is_empty() {
                return Ok(None);
            }
        }
        let mut out = Vec::with_capacity(clauses.len());
        for (i, clause) in clauses.iter().enumerate() {
            let here = at.child(clause, &clause_key(clause, i));
            out.push(self.new_clause(clause, &here)?);
        }
        Ok(Some(out))
    }

    /// Compile's steps for the top-level clauses of a new section, article or appendix.
    fn new_steps(&mut self, clauses: &[Clause], at: &Place, slot: usize) -> Result<(), Error> {
        if self.strict {
            return Ok(());
        }
        for (i, clause) in clauses.iter().enumerate() {
            let key = clause.num.as_deref().and_then(|n| OrderKey::of(n, false));
            let target = Target::New {
                slot,
                key,
                at: at.child(clause, &clause_key(clause, i)),
            };
            // The marks were taken off; the unit's provisions are shown as added.
            let mark = ProposalMark::new(MarkAction::Add);
            self.step(target, Some(&mark), &clause.text, None)?;
        }
        Ok(())
    }

    /// A clause the proposal adds, with its sub-items, marks taken off; marked ones are
    /// recorded one by one.
    fn new_clause(&mut self, clause: &Clause, at: &Place) -> Result<Clause, Error> {
        if let Some(mark) = &clause.mark {
            if mark.action == MarkAction::Add {
                self.record(mark, at, None, Some(&clause.text));
            } else {
                self.misfit(Some(mark), at.name(), Misfit::InsideNew)?;
            }
        }
        let mut clauses = Vec::with_capacity(clause.clauses.len());
        for (i, child) in clause.clauses.iter().enumerate() {
            let here = at.child(child, &clause_key(child, i));
            if child.margin.is_some() && self.index.find(None, child, "").is_some() {
                // A provision of the base named by its margin number, which the layout of a
                // proposal without article lines nested here: it is not part of the new one.
                self.list(None, std::slice::from_ref(child), &here)?;
                continue;
            }
            clauses.push(self.new_clause(child, &here)?);
        }
        Ok(Clause {
            mark: None,
            clauses,
            ..clause.clone()
        })
    }

    /// Works out the marks of a list of the proposal against a list of the base (`None` when
    /// the proposal names its provisions by margin number alone); `true` when the proposal
    /// suppresses every clause of the base's list and adds none.
    fn list(
        &mut self,
        list: Option<ListId>,
        clauses: &[Clause],
        at: &Place,
    ) -> Result<bool, Error> {
        let index = self.index;
        let keys: Vec<String> = clauses
            .iter()
            .enumerate()
            .map(|(i, c)| clause_key(c, i))
            .collect();
        let found: Vec<Option<usize>> = clauses
            .iter()
            .zip(&keys)
            .map(|(c, k)| index.find(list, c, k))
            .collect();
        let mut added = false;
        let mut suppressed = 0;
        for (i, clause) in clauses.iter().enumerate() {
            let mark = clause.mark.as_ref();
            let action = mark.map(|m| m.action);
            let Some(target) = found[i] else {
                if action == Some(MarkAction::Add) {
                    added = true;
                    self.add(list, clause, at, &found[..i], &found[i + 1..])?;
                    continue;
                }
                let reason = if mark.is_none() {
                    Misfit::UnmarkedNew
                } else {
                    Misfit::NotInBase
                };
                let here = at.child(clause, &keys[i]);
                let (_, _, slot, key) = self.anchor(list, clause, &found[..i], &found[i + 1..]);
                let target = Target::New {
                    slot,
                    key,
                    at: here.clone(),
                };
                self.step(target, mark, &clause.text, Some((reason, here.name())))?;
                continue;
            };
            let here = self.place_of(target);
            if action.is_some() && !self.touched.insert(target) {
                let misfit = Some((Misfit::MarkedTwice, here.name()));
                self.step(Target::Node(target), mark, &clause.text, misfit)?;
                continue;
            }
            let base = index.nodes[target].clause;
            match (action, mark) {
                (Some(MarkAction::Add), _) => {
                    let misfit = Some((Misfit::AlreadyInBase, here.name()));
                    self.step(Target::Node(target), mark, &clause.text, misfit)?;
                    continue;
                }
                (Some(MarkAction::Sup), Some(mark)) => {
                    self.removed.insert(target);
                    if Some(index.nodes[target].list) == list {
                        suppressed += 1;
                    }
                    self.step(Target::Node(target), Some(mark), "", None)?;
                    self.record(mark, &here, Some(&base.text), None);
                    continue;
                }
                (Some(MarkAction::Noc), _)
                    if !clause.text.is_empty()
                        && (without_separator(&clause.text) != without_separator(&base.text)
                            || !same_items(&clause.items, &base.items)) =>
                {
                    let reason = Misfit::TextDiffers {
                        base: base.text.clone(),
                    };
                    let misfit = Some((reason, here.name()));
                    self.step(Target::Node(target), mark, &clause.text, misfit)?;
                }
                (Some(MarkAction::Mod | MarkAction::ModEditorial), Some(mark)) => {
                    let renumbered = clause.margin.is_some() && clause.num != base.num;
                    self.wordings.insert(
                        target,
                        Wording {
                            text: clause.text.clone(),
                            items: clause.items.clone(),
                            num: renumbered.then(|| clause.num.clone()).flatten(),
                        },
                    );
                    self.step(Target::Node(target), Some(mark), &clause.text, None)?;
                    self.record(mark, &here, Some(&base.text), Some(&clause.text));
                }
                _ => {
                    self.step(Target::Node(target), mark, &clause.text, None)?;
                }
            }
            let sub = ListId {
                container: index.nodes[target].list.container,
                parent: Some(target),
            };
            self.list(Some(sub), &clause.clauses, &here)?;
        }
        let all = list
            .and_then(|l| index.children.get(&l))
            .map_or(0, Vec::len);
        Ok(list.is_some_and(|l| l.parent.is_none()) && !added && all > 0 && suppressed == all)
    }

    /// Schedules an `ADD` of `clause`, in `list` or where its margin number puts it.
    fn add(
        &mut self,
        list: Option<ListId>,
        clause: &Clause,
        at: &Place,
        before: &[Option<usize>],
        after: &[Option<usize>],
    ) -> Result<(), Error> {
        let (into, anchor, slot, key) = self.anchor(list, clause, before, after);
        let Some(into) = into else {
            // Named by a margin number alone, in a base without margin numbers.
            let here = at.child(clause, &clause_key(clause, 0));
            let target = Target::New {
                slot,
                key,
                at: here.clone(),
            };
            let misfit = Some((Misfit::NotInBase, here.name()));
            return self.step(target, clause.mark.as_ref(), &clause.text, misfit);
        };
        let here = self
            .place_of_list(into)
            .child(clause, &clause_key(clause, 0));
        let target = Target::New {
            slot,
            key: key.clone(),
            at: here.clone(),
        };
        let name = clause.margin.clone().or_else(|| {
            clause
                .num
                .as_ref()
                .map(|n| n.trim_end_matches([')', '.']).to_owned())
        });
        if let Some(name) = name
            && !self.added.insert((into, name))
        {
            let misfit = Some((Misfit::MarkedTwice, here.name()));
            return self.step(target, clause.mark.as_ref(), &clause.text, misfit);
        }
        self.step(target, clause.mark.as_ref(), &clause.text, None)?;
        let new = self.new_clause(clause, &here)?;
        self.seq += 1;
        let seq = self.seq;
        self.inserts
            .entry((into, anchor))
            .or_default()
            .push(Insert {
                key,
                seq,
                clause: new,
            });
        Ok(())
    }

    /// Where a new clause goes: the list, the node of the base it follows there (`None`:
    /// first), the slot in the base's order it takes, and its order key.
    fn anchor(
        &mut self,
        list: Option<ListId>,
        clause: &Clause,
        before: &[Option<usize>],
        after: &[Option<usize>],
    ) -> (Option<ListId>, Option<usize>, usize, Option<OrderKey>) {
        let index = self.index;
        // By margin number, across the instrument.
        let margin_key = clause
            .margin
            .as_deref()
            .and_then(|m| OrderKey::of(m, false));
        if let Some(previous) = margin_key.as_ref().and_then(|k| index.margin_before(k)) {
            let placed = match (list, previous) {
                (Some(list), Some(p)) => index.ancestor_in(list, p).map(|a| (list, Some(a))),
                _ => None,
            };
            let placed = placed.or_else(|| match previous {
                // No list to go by: the level of the provision it follows, or of a parent of
                // it with a label of the same kind.
                Some(p) => {
                    let mut at = p;
                    while let Some(parent) = index.nodes[at].list.parent
                        && !same_kind(index.nodes[at].clause.num.as_deref(), clause.num.as_deref())
                    {
                        at = parent;
                    }
                    Some((index.nodes[at].list, Some(at)))
                }
                None => list.map(|l| (l, None)),
            });
            if let Some((into, anchor)) = placed {
                let slot = anchor.map_or_else(|| index.list_start(into), |a| index.nodes[a].end);
                return (Some(into), anchor, slot, margin_key);
            }
        }
        let Some(list) = list else {
            return (None, None, index.nodes.len(), margin_key);
        };
        let children: &[usize] = index.children.get(&list).map_or(&[], Vec::as_slice);
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
                let below = sorted.partition_point(|(k, _)| k < key);
                below.checked_sub(1).map(|at| sorted[at].1)
            }
            // By the proposal's own order: after the clause it shows before this one, or
            // before the one it shows after it, or at the end.
            _ => match before
                .iter()
                .rev()
                .flatten()
                .find(|&&id| index.nodes[id].list == list)
            {
                Some(&id) => Some(id),
                None => match after
                    .iter()
                    .flatten()
                    .find(|&&id| index.nodes[id].list == list)
                {
                    Some(&next) => children
                        .iter()
                        .position(|&c| c == next)
                        .and_then(|p| p.checked_sub(1))
                        .map(|p| children[p]),
                    None => children.last().copied(),
                },
            },
        };
        let slot = anchor.map_or_else(|| index.list_start(list), |a| index.nodes[a].end);
        (Some(list), anchor, slot, key)
    }

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

    fn heading(&self, container: Container, base: &Option<String>) -> Option<String> {
        match self.headings.get(&container) {
            Some(heading) => heading.clone(),
            None => base.clone(),
        }
    }

    /// A list of the base with the plan's changes, and the node after it.
    fn build_list(&self, list: ListId, clauses: &[Clause], first: usize) -> (Vec<Clause>, usize) {
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

/// An article or appendix of a proposal.
struct Unit<'p> {
    name: String,
    num: Option<&'p str>,
    heading: Option<&'p String>,
    mark: Option<&'p ProposalMark>,
    provisions: &'p [Clause],
}

/// A new article or appendix.
enum New {
    Article(Article),
    Appendix(Appendix),
}

fn unit_index(container: Container) -> usize {
    match container {
        Container::Preamble(i)
        | Container::Operative(i)
        | Container::Article(i)
        | Container::Appendix(i) => i,
    }
}

/// The base unit a new one goes after, by the proposal's order: after the one the proposal
/// shows before it, or before the one it shows after it, or at the end.
fn previous_found(found: &[Option<usize>], i: usize, count: usize) -> Option<usize> {
    if let Some(&before) = found[..i].iter().rev().flatten().next() {
        return Some(before);
    }
    match found[i + 1..].iter().flatten().next() {
        Some(&next) => next.checked_sub(1),
        None => count.checked_sub(1),
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

fn same_items(a: &[ListItem], b: &[ListItem]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| without_separator(&x.text) == without_separator(&y.text))
}

/// Whether two labels are of one kind: both numbers or both letters.
fn same_kind(a: Option<&str>, b: Option<&str>) -> bool {
    let kind = |l: Option<&str>| l.and_then(|l| l.bytes().next()).map(|b| b.is_ascii_digit());
    kind(a) == kind(b)
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
