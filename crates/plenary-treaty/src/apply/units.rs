//! Sections, articles and appendices of a proposal against the base's: found, added,
//! suppressed or given a new heading.

use std::collections::HashMap;

use super::{New, Place, Plan, Step, Target, Unit};
use crate::document::{Clause, DocumentPart, Section, clause_key};
use crate::error::{Error, Misfit};
use crate::locate::{Container, ListId, bump};
use crate::mark::{MarkAction, ProposalMark};
use crate::order::OrderKey;

impl Plan<'_, '_> {
    pub(super) fn sections(&mut self, operative: bool, sections: &[Section]) -> Result<(), Error> {
        let part = if operative {
            DocumentPart::Operative
        } else {
            DocumentPart::Preamble
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
                    self.only_suppressed(&section.clauses, &at)?;
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
    pub(super) fn known_margins(&self, clauses: &[Clause]) -> bool {
        clauses
            .iter()
            .any(|c| c.margin.is_some() && self.index.find(None, c, "").is_some())
    }

    /// The node where a part of the base would start: the preamble at 0, the operative part
    /// after the preamble, the articles after that, the appendices last.
    pub(super) fn part_start(&self, part: DocumentPart) -> usize {
        let doc = self.index.doc;
        let order = [
            (
                DocumentPart::Preamble,
                doc.preamble.len(),
                Container::Preamble(0),
            ),
            (
                DocumentPart::Operative,
                doc.operative.len(),
                Container::Operative(0),
            ),
            (
                DocumentPart::Articles,
                doc.articles.len(),
                Container::Article(0),
            ),
            (
                DocumentPart::Appendices,
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

    pub(super) fn remove_container(
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

    /// Refuses a mark other than `SUP` in a section, article or appendix the proposal
    /// suppresses whole.
    pub(super) fn only_suppressed(&mut self, clauses: &[Clause], at: &Place) -> Result<(), Error> {
        for (i, clause) in clauses.iter().enumerate() {
            let here = at.child(clause, &clause_key(clause, i));
            if let Some(mark) = clause.mark.as_ref().filter(|m| m.action != MarkAction::Sup) {
                self.misfit(Some(mark), here.name(), Misfit::InsideRemoved)?;
            }
            self.only_suppressed(&clause.clauses, &here)?;
        }
        Ok(())
    }

    /// Articles (`appendix` false) or appendices of the proposal against the base's.
    pub(super) fn units(
        &mut self,
        appendix: bool,
        units: &[Unit<'_>],
        make: impl Fn(usize, Vec<Clause>) -> New,
    ) -> Result<(), Error> {
        let part = if appendix {
            DocumentPart::Appendices
        } else {
            DocumentPart::Articles
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
                    self.only_suppressed(unit.provisions, &at)?;
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
                            &found.iter().map(|f| f.map(unit_index)).collect::<Vec<_>>(),
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
    pub(super) fn unit_after(&self, appendix: bool, key: &OrderKey) -> Option<Option<usize>> {
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
    pub(super) fn new_unit_clauses(
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
    pub(super) fn new_steps(
        &mut self,
        clauses: &[Clause],
        at: &Place,
        slot: usize,
    ) -> Result<(), Error> {
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
    pub(super) fn new_clause(&mut self, clause: &Clause, at: &Place) -> Result<Clause, Error> {
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
