//! The provisions of a proposal against a list of the base: found by margin number or label,
//! changed, suppressed, or added where their number puts them.

use super::{Insert, Place, Plan, Target, Wording};
use crate::diff::without_separator;
use crate::document::{Clause, ListItem, clause_key};
use crate::error::{Error, Misfit};
use crate::locate::ListId;
use crate::mark::MarkAction;
use crate::order::{OrderKey, roman_list};

impl Plan<'_, '_> {
    /// Works out the marks of a list of the proposal against a list of the base (`None` when
    /// the proposal names its provisions by margin number alone); `true` when the proposal
    /// suppresses every clause of the base's list and adds none.
    pub(super) fn list(
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
            if let Some(mark) = mark {
                if self.touched.contains_key(&target) {
                    let misfit = Some((Misfit::MarkedTwice, here.name()));
                    self.step(Target::Node(target), Some(mark), &clause.text, misfit)?;
                    continue;
                }
                self.touched.insert(target, mark.clone());
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
                    self.only_suppressed(&clause.clauses, &here)?;
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
    pub(super) fn add(
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
                mark: clause.mark.clone(),
                key,
                seq,
                clause: new,
            });
        Ok(())
    }

    /// Where a new clause goes: the list, the node of the base it follows there (`None`:
    /// first), the slot in the base's order it takes, and its order key.
    pub(super) fn anchor(
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
