//! Applying a proposal to the text it amends: every ADD, MOD, (MOD), SUP and NOC mark at once,
//! or none.

use std::collections::{HashMap, HashSet};

use plenary_core::Name;

use crate::diff::appendix_key;
use crate::document::{Appendix, Article, Clause, Document, DocumentPart, ListItem, Section};
use crate::error::{Error, Misfit};
use crate::locate::{Container, Index, ListId, label};
use crate::mark::{MarkAction, ProposalMark};
use crate::modification::{Modification, place};
use crate::order::OrderKey;

mod build;
mod provisions;
mod units;

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
/// other than `ADD` inside an added provision ([`Misfit::InsideNew`]), a change inside what
/// the proposal suppresses ([`Misfit::InsideRemoved`]), or `ADD` or `SUP` of the whole text
/// ([`Misfit::WholeText`]). Nothing is applied then.
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
    pub(crate) part: DocumentPart,
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
    /// The mark that adds it.
    mark: Option<ProposalMark>,
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
    /// The marked nodes of the base, with their marks.
    touched: HashMap<usize, ProposalMark>,
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
            touched: HashMap::new(),
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
                .or(proposal.title.as_ref().map(Name::as_str))
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
        })?;
        self.nothing_lost()
    }

    /// Refuses a change inside something the same proposal suppresses, which would be lost.
    fn nothing_lost(&mut self) -> Result<(), Error> {
        if !self.strict {
            return Ok(());
        }
        let index = self.index;
        let gone = |plan: &Plan<'_, '_>, id: usize| {
            let mut at = index.nodes[id].list.parent;
            while let Some(parent) = at {
                if plan.removed.contains(&parent) {
                    return true;
                }
                at = index.nodes[parent].list.parent;
            }
            plan.removed_containers
                .contains(&index.nodes[id].list.container)
        };
        let mut lost: Vec<(usize, ProposalMark)> = self
            .touched
            .iter()
            .filter(|(id, _)| !self.removed.contains(id) && gone(self, **id))
            .map(|(id, mark)| (*id, mark.clone()))
            .collect();
        for ((list, _), inserts) in &self.inserts {
            let parent_gone = match list.parent {
                Some(parent) => self.removed.contains(&parent) || gone(self, parent),
                None => self.removed_containers.contains(&list.container),
            };
            if parent_gone && let Some(mark) = inserts.iter().find_map(|i| i.mark.clone()) {
                lost.push((list.parent.unwrap_or(index.span(list.container).0), mark));
            }
        }
        lost.sort_by_key(|(id, _)| *id);
        match lost.into_iter().next() {
            Some((id, mark)) => {
                let name = self.place_of(id).name();
                self.misfit(Some(&mark), name, Misfit::InsideRemoved)
            }
            None => Ok(()),
        }
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
