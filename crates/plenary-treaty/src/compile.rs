//! The compilation of proposals: every proposal on each provision of a text, side by side, as
//! the ITU secretariat circulates it to a conference.

use std::collections::HashMap;
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::apply::{Plan, Target};
use crate::document::{Document, DocumentPart};
use crate::locate::{Container, Index};
use crate::mark::ProposalMark;
use crate::modification::place;
use crate::order::OrderKey;

/// Proposals to one text, provision by provision, in the text's order.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Compilation {
    /// The sources of the proposals (`ARB`, `USA`, `CEPT`), in the order they first appear:
    /// the columns of the compilation.
    pub sources: Vec<String>,
    /// The provisions of the base and those the proposals add, in the text's order.
    pub provisions: Vec<CompiledProvision>,
}

/// One provision of a compilation, with what each proposal does to it.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CompiledProvision {
    /// `preamble`, `operative` or `articles`.
    pub part: DocumentPart,
    /// The section's keyword line or the article (`"ARTICLE 3"`).
    pub section: String,
    /// The labels down to the provision (`["1.7", "b)"]`; `"#2"` counts an unlabelled one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<String>,
    /// The provision's margin number, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<String>,
    /// The text in the base; `None` for a provision a proposal adds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What the proposals do to it, in the order the proposals were given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<CompiledProposal>,
}

impl CompiledProvision {
    /// Where the provision is, for people: `"ARTICLE 3, 3.1bis"`.
    pub fn place(&self) -> String {
        place(&self.section, &self.path, self.margin.as_deref())
    }
}

/// What one proposal does to one provision.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CompiledProposal {
    /// Who proposes it: the first part of the mark's reference (`ARB` of `ARB/7/12`), else
    /// the proposal document's symbol or number, else its position (`#2`).
    pub source: String,
    /// The mark, with its reference.
    pub mark: ProposalMark,
    /// The proposed text (none for `SUP`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Why the mark does not fit the base, when it does not (see [`apply`](crate::apply)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub misfit: Option<String>,
}

/// Lays out the proposals to a text side by side: for every provision of the base, in its
/// order, what each proposal does to it (action, reference and text), with the provisions the
/// proposals add where they would go. A mark that does not fit the base is shown with the
/// reason, not refused, so that a compilation can be read even with flawed proposals.
///
/// Cost is linear in the size of the base plus the sizes of the proposals.
///
/// ```
/// use plenary_treaty::{compile, parse};
///
/// let base = parse("ARTICLE 3\nNetwork\n3.1 one;\n3.2 two.\n");
/// let arb = parse("ARTICLE 3\nMOD ARB/7/1\n3.1 one, amended;\n");
/// let usa = parse("ARTICLE 3\nNOC USA/9/1\n3.1 one;\nADD USA/9/2\n3.1bis new.\n");
/// let compilation = compile(&base, &[arb, usa]);
/// assert_eq!(compilation.sources, ["ARB", "USA"]);
/// let places: Vec<String> = compilation.provisions.iter().map(|p| p.place()).collect();
/// assert_eq!(places, ["ARTICLE 3, 3.1", "ARTICLE 3, 3.1bis", "ARTICLE 3, 3.2"]);
/// assert_eq!(compilation.provisions[0].proposals.len(), 2);
/// assert_eq!(compilation.without_untouched().provisions.len(), 2);
/// ```
pub fn compile(base: &Document, proposals: &[Document]) -> Compilation {
    let index = Index::new(base);
    let mut rows: Vec<Vec<CompiledProposal>> = vec![Vec::new(); index.nodes.len()];
    let mut added: HashMap<usize, Vec<Added>> = HashMap::new();
    let mut sources: Vec<String> = Vec::new();
    let mut seq = 0;
    for (p, proposal) in proposals.iter().enumerate() {
        let fallback = proposal
            .symbol
            .clone()
            .or_else(|| proposal.number.clone())
            .unwrap_or_else(|| format!("#{}", p + 1));
        let mut plan = Plan::new(&index, false);
        // A lenient plan notes misfits in its steps instead of failing.
        if plan.proposal(proposal).is_err() {
            continue;
        }
        for step in plan.steps {
            let source = crate::modification::source_of(&step.mark)
                .map_or_else(|| fallback.clone(), str::to_owned);
            if !sources.contains(&source) {
                sources.push(source.clone());
            }
            let entry = CompiledProposal {
                source,
                mark: step.mark,
                text: step.text,
                misfit: step.misfit.map(|m| m.to_string()),
            };
            match step.target {
                Target::Node(id) => rows[id].push(entry),
                Target::New { slot, key, at } => {
                    let list = added.entry(slot).or_default();
                    match list
                        .iter_mut()
                        .find(|a| a.section == at.section && a.path == at.path)
                    {
                        Some(row) => row.proposals.push(entry),
                        None => {
                            seq += 1;
                            list.push(Added {
                                key,
                                seq,
                                part: at.part,
                                section: at.section,
                                path: at.path,
                                margin: at.margin,
                                proposals: vec![entry],
                            });
                        }
                    }
                }
            }
        }
    }
    let mut provisions = Vec::with_capacity(index.nodes.len() + added.len());
    let mut names: HashMap<Container, (DocumentPart, String)> = HashMap::new();
    for (id, proposals) in rows.into_iter().enumerate() {
        take_added(&mut provisions, &mut added, id);
        let node = &index.nodes[id];
        let (part, section) = names
            .entry(node.list.container)
            .or_insert_with(|| index.section_name(node.list.container))
            .clone();
        provisions.push(CompiledProvision {
            part,
            section,
            path: index.path(id),
            margin: node.clause.margin.clone(),
            text: Some(node.clause.text.clone()),
            proposals,
        });
    }
    let mut rest: Vec<usize> = added.keys().copied().collect();
    rest.sort_unstable();
    for slot in rest {
        take_added(&mut provisions, &mut added, slot);
    }
    Compilation {
        sources,
        provisions,
    }
}

/// A provision that proposals add, waiting for its place.
struct Added {
    key: Option<OrderKey>,
    seq: usize,
    part: DocumentPart,
    section: String,
    path: Vec<String>,
    margin: Option<String>,
    proposals: Vec<CompiledProposal>,
}

fn take_added(
    out: &mut Vec<CompiledProvision>,
    added: &mut HashMap<usize, Vec<Added>>,
    slot: usize,
) {
    let Some(mut list) = added.remove(&slot) else {
        return;
    };
    // Added provisions of one place in number order (sections before the provisions they
    // hold), else in the order first proposed.
    if list.iter().all(|a| a.key.is_some()) {
        list.sort_by(|a, b| {
            (a.section.as_str(), &a.key, a.seq).cmp(&(b.section.as_str(), &b.key, b.seq))
        });
    } else {
        list.sort_by_key(|a| a.seq);
    }
    out.extend(list.into_iter().map(|a| CompiledProvision {
        part: a.part,
        section: a.section,
        path: a.path,
        margin: a.margin,
        text: None,
        proposals: a.proposals,
    }));
}

impl Compilation {
    /// The compilation without the provisions that no proposal touches.
    pub fn without_untouched(mut self) -> Compilation {
        self.provisions.retain(|p| !p.proposals.is_empty());
        self
    }

    /// The compilation as a Markdown table: one row per provision, the base text, then one
    /// column per source with its marks and texts; every piece of text escaped.
    ///
    /// ```
    /// use plenary_treaty::{compile, parse};
    ///
    /// let base = parse("ARTICLE 3\nNetwork\n3.1 one | two;\n");
    /// let arb = parse("ARTICLE 3\nMOD ARB/7/1\n3.1 *one*;\n");
    /// let md = compile(&base, &[arb]).to_markdown();
    /// assert!(md.contains("| provision | base text | ARB |"));
    /// assert!(md.contains("| ARTICLE 3, 3.1 | one \\| two; | `MOD ARB/7/1` \\*one\\*; |"));
    /// ```
    pub fn to_markdown(&self) -> String {
        let escape = crate::markdown::escape;
        let mut out = String::from("| provision | base text |");
        for source in &self.sources {
            let _ = write!(out, " {} |", escape(source));
        }
        out.push_str("\n|---|---|");
        out.push_str(&"---|".repeat(self.sources.len()));
        out.push('\n');
        for provision in &self.provisions {
            let text = provision
                .text
                .as_deref()
                .map_or_else(|| "_(new)_".to_owned(), escape);
            let _ = write!(out, "| {} | {} |", escape(&provision.place()), text);
            for source in &self.sources {
                let cell: Vec<String> = provision
                    .proposals
                    .iter()
                    .filter(|p| &p.source == source)
                    .map(|p| {
                        let mut cell = format!("`{}`", p.mark);
                        if !p.text.is_empty() {
                            cell.push(' ');
                            cell.push_str(&escape(&p.text));
                        }
                        if let Some(misfit) = &p.misfit {
                            let _ = write!(cell, " (does not fit: {})", escape(misfit));
                        }
                        cell
                    })
                    .collect();
                if cell.is_empty() {
                    out.push_str(" |");
                } else {
                    let _ = write!(out, " {} |", cell.join("<br>"));
                }
            }
            out.push('\n');
        }
        out
    }

    /// The compilation as an HTML `table class="compilation"`, one column per source; all text
    /// escaped, so no proposal can inject markup.
    ///
    /// ```
    /// use plenary_treaty::{compile, parse};
    ///
    /// let base = parse("ARTICLE 3\nNetwork\n3.1 one;\n");
    /// let arb = parse("ARTICLE 3\nMOD ARB/7/1\n3.1 <script>x</script>;\n");
    /// let html = compile(&base, &[arb]).to_html();
    /// assert!(html.contains("<th>ARB</th>"));
    /// assert!(html.contains("&lt;script&gt;x&lt;/script&gt;;"));
    /// assert!(!html.contains("<script>"));
    /// ```
    pub fn to_html(&self) -> String {
        let escape = crate::html::escape;
        let mut out = String::from(
            "<table class=\"compilation\">\n<thead><tr><th>provision</th><th>base text</th>",
        );
        for source in &self.sources {
            let _ = write!(out, "<th>{}</th>", escape(source));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for provision in &self.provisions {
            let _ = write!(
                out,
                "<tr><th scope=\"row\">{}</th>",
                escape(&provision.place())
            );
            match &provision.text {
                Some(text) => {
                    let _ = write!(out, "<td>{}</td>", escape(text));
                }
                None => out.push_str("<td class=\"new\"></td>"),
            }
            for source in &self.sources {
                out.push_str("<td>");
                for p in provision.proposals.iter().filter(|p| &p.source == source) {
                    let class = if p.misfit.is_some() { " misfit" } else { "" };
                    let _ = write!(
                        out,
                        "<p class=\"proposal{class}\"><span class=\"mark\">{}</span> {}",
                        escape(&p.mark.to_string()),
                        escape(&p.text)
                    );
                    if let Some(misfit) = &p.misfit {
                        let _ = write!(out, " <em>does not fit: {}</em>", escape(misfit));
                    }
                    out.push_str("</p>");
                }
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        out
    }
}
