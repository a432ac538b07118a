//! The model of a treaty text: a [`Document`] with its preamble, operative part and articles.

use plenary_core::{DocumentId, LanguageTag, Name};
use serde::{Deserialize, Serialize};

use crate::keyword::Keyword;
use crate::mark::ProposalMark;
use crate::modification::Modification;
use crate::reference::CrossReference;

/// What kind of text a [`Document`] is, as its heading line says.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocumentKind {
    /// An adopted resolution: `RESOLUTION 77 (Rev. Lisbon, 2031)`.
    Resolution,
    /// A draft new resolution: `DRAFT NEW RESOLUTION [COM5/3]`.
    DraftNewResolution,
    /// A Recommendation: `Recommendation ITU-T A.5`.
    Recommendation,
    /// Regulations made of articles, such as the International Telecommunication Regulations.
    Regulations,
    /// A set of proposals to a conference.
    Proposals,
    /// A report.
    Report,
    /// An agenda.
    Agenda,
    /// A declaration.
    Declaration,
    /// The final acts of a conference.
    FinalActs,
}

impl DocumentKind {
    /// Every kind, in declaration order.
    pub const ALL: [DocumentKind; 9] = [
        DocumentKind::Resolution,
        DocumentKind::DraftNewResolution,
        DocumentKind::Recommendation,
        DocumentKind::Regulations,
        DocumentKind::Proposals,
        DocumentKind::Report,
        DocumentKind::Agenda,
        DocumentKind::Declaration,
        DocumentKind::FinalActs,
    ];

    /// The words of the heading line that name the kind, in capitals, as ITU texts print them.
    pub fn heading(self) -> &'static str {
        match self {
            DocumentKind::Resolution => "RESOLUTION",
            DocumentKind::DraftNewResolution => "DRAFT NEW RESOLUTION",
            DocumentKind::Recommendation => "RECOMMENDATION",
            DocumentKind::Regulations => "REGULATIONS",
            DocumentKind::Proposals => "PROPOSALS",
            DocumentKind::Report => "REPORT",
            DocumentKind::Agenda => "AGENDA",
            DocumentKind::Declaration => "DECLARATION",
            DocumentKind::FinalActs => "FINAL ACTS",
        }
    }

    /// The snake_case name used in JSON and identifiers, such as `"draft_new_resolution"`.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Resolution => "resolution",
            DocumentKind::DraftNewResolution => "draft_new_resolution",
            DocumentKind::Recommendation => "recommendation",
            DocumentKind::Regulations => "regulations",
            DocumentKind::Proposals => "proposals",
            DocumentKind::Report => "report",
            DocumentKind::Agenda => "agenda",
            DocumentKind::Declaration => "declaration",
            DocumentKind::FinalActs => "final_acts",
        }
    }
}

/// The conference session a heading names: `(Kyoto, 1994)`, or `(Rev. Lisbon, 2031)` for a
/// revision.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The conference's place, such as `"Guadalajara"`.
    pub place: String,
    /// The conference's year.
    pub year: u16,
}

/// Whether a text is a revision, and of what.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RevisionStatus {
    /// A resolution as revised by a later conference: `(Rev. Guadalajara, 2010)`; the
    /// document's [`Session`] says which.
    Revised,
    /// A draft revised during a conference: `[Revised] Draft new resolution: …`.
    RevisedDraft,
}

/// The revision a [`Document`] is: its status and what it revises.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// Revised text or revised draft.
    pub status: RevisionStatus,
    /// What the text revises, as the text names it, such as `"the original document"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
}

/// A treaty text: a resolution, a draft, a Recommendation, regulations or proposals.
///
/// ```
/// let doc = plenary_treaty::parse("RESOLUTION 1\n\nRules of procedure\n\nresolves\n\n1 to adopt the rules.\n");
/// assert_eq!(doc.number.as_deref(), Some("1"));
/// assert_eq!(doc.operative[0].clauses[0].text, "to adopt the rules.");
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The dataset identifier, when the text belongs to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<DocumentId>,
    /// What the heading says the text is; `None` when there is no heading line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocumentKind>,
    /// The bracketed symbol of a draft, such as `"COM5/3"` or `"B-1"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// The number, such as `"77"` or, for a Recommendation, `"ITU-T A.5"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The title, on one line. The parser leaves a title line that cannot be a [`Name`] (one
    /// longer than [`plenary_core::MAX_NAME_CHARS`] characters) in [`Document::unplaced`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Name>,
    /// The body adopting the text, such as
    /// `"The World Conference on International Telecommunications (Dubai, 2012)"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The conference session named in the heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    /// The revision the text is, if it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revised: Option<Revision>,
    /// The language, as its keywords show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageTag>,
    /// The proposal mark of the whole text, such as `ADD B2/49/1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<ProposalMark>,
    /// The preamble: `considering`, `noting`, … sections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Section>,
    /// The operative part: `resolves`, `instructs the Secretary-General`, … sections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operative: Vec<Section>,
    /// The articles of regulations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<Article>,
    /// The cross-references cited by the clauses and provisions, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<CrossReference>,
    /// Lines the parser could not place, kept with their line numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<UnplacedLine>,
    /// The header block of a UN-system document: organ, distribution, session, agenda item,
    /// adoption note and the report it was adopted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// The heading of an instrument's preamble as written, such as `"Preamble"`; its provisions
    /// are the clauses of a [`Section`] without keyword in [`Document::preamble`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preamble_heading: Option<String>,
    /// The appendices and annexes, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appendices: Vec<Appendix>,
    /// The closing formula of an instrument, one paragraph each: `IN WITNESS WHEREOF …`,
    /// `DONE at Melbourne, 9 December 1988.`
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<String>,
    /// The adoption line of a UN resolution, such as `"52nd plenary meeting 1 December 2025"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adoption: Option<String>,
    /// The footnotes, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<Footnote>,
    /// Running heads repeated at page breaks (the title printed again inside an unfinished
    /// sentence), kept with their line numbers and left out of the structure. Canonical text
    /// has no page breaks, so [`render`](crate::render) does not write them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub running_heads: Vec<UnplacedLine>,
    /// How many unplaced lines there were beyond the first
    /// [`MAX_UNPLACED`](crate::MAX_UNPLACED) quoted in [`Document::unplaced`]: counted, not
    /// quoted.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unplaced_omitted: usize,
    /// The changes that proposals made to the text, when it is the result of
    /// [`apply`](crate::apply); kept in JSON and Akoma Ntoso, not in the plain text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifications: Vec<Modification>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The header block of a UN-system document, each field as written.
///
/// ```text
/// United Nations                                         organization
/// General Assembly Distr.: General 5 December 2025       body, distribution, date
/// Eightieth session Agenda item 94 Developments in …     session, agenda_item, agenda_title
/// Resolution adopted by the General Assembly on 1 December 2025     adopted
/// [on the report of the First Committee (A/80/534, para. 7)]         report
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The organization: `"United Nations"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// The organ issuing the document: `"General Assembly"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The distribution: `"General"`, `"Limited"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<String>,
    /// The date of the document as written: `"5 December 2025"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The session: `"Eightieth session"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// The agenda item's number: `"94"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<String>,
    /// The agenda item's title, on one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda_title: Option<Name>,
    /// The adoption note: `"Resolution adopted by the General Assembly on 1 December 2025"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<String>,
    /// The report it was adopted on, without brackets:
    /// `"on the report of the First Committee (A/80/534, para. 7)"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
}

/// What kind of division groups articles or provisions.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DivisionKind {
    /// `PART I`.
    Part,
    /// `CHAPTER II`.
    Chapter,
    /// `SECTION 1`, `Section I – General terms`.
    Section,
    /// An un-numbered sub-heading inside an article: `Transitional arrangements`.
    Subheading,
}

/// A division opening before an article or a provision: `CHAPTER I Basic Provisions`,
/// `SECTION 2`, or an un-numbered sub-heading.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Division {
    /// Part, chapter, section or sub-heading.
    pub kind: DivisionKind,
    /// The number as written: `"I"`, `"1"`, `"3A"`; `None` for a sub-heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// The heading: `"Basic Provisions"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
}

/// Whether an [`Appendix`] is an appendix or an annex.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AppendixKind {
    /// `APPENDIX 1`.
    Appendix,
    /// `ANNEX 2 TO RESOLUTION 101`.
    Annex,
}

/// An appendix or annex: `APPENDIX 1`, `ANNEX 2 TO RESOLUTION 101`, its heading and provisions.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// Appendix or annex.
    pub kind: AppendixKind,
    /// The number as written: `"1"`, `"A"`; `None` for a lone `ANNEX`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// What it is attached to, as written after `TO`: `"RESOLUTION 101"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The heading: `"General Provisions Concerning Accounting"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The proposal mark on the appendix line, in a proposal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<ProposalMark>,
    /// The provisions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisions: Vec<Clause>,
}

/// A footnote: `2 A/79/123, annex.`
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// The footnote's number or sign as written: `"2"`, `"*"`.
    pub num: String,
    /// The text.
    pub text: String,
}

/// An item of a dash or bullet list inside a provision: `- administrations;`.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    /// The marker as written: `"-"`, `"–"`, `"•"`.
    pub marker: String,
    /// The text, whitespace collapsed.
    pub text: String,
}

impl plenary_core::References for Document {
    /// None: a document names no other record by id. (Its `references` are citations of
    /// provisions and resolutions inside treaty texts, not dataset ids.) Implemented so that
    /// whole-dataset validation walks every kind of record the same way; a dataset id field
    /// added to `Document` must be reported here.
    fn visit_references<'s>(
        &'s self,
        _at: &plenary_core::RefPath<'_>,
        _visit: &mut dyn FnMut(&plenary_core::RefPath<'_>, plenary_core::Reference<'s>),
    ) {
    }
}

/// A preamble or operative section: a keyword line and its clauses.
///
/// In a UN-system resolution each paragraph opens with its keyword (`Recalling also its
/// resolution …`, `1. Decides …`): such a section is `inline`, its `phrase` is the keyword as it
/// opens the paragraph and its one clause holds the whole paragraph.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The keyword, in English whatever the language of the text; `None` for clauses that no
    /// keyword line introduces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<Keyword>,
    /// The full phrase as written, such as `"considering further"` or `"considérant"`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phrase: String,
    /// Whom an operative section addresses: `"the Secretary-General"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// The proposal mark on the keyword line, in a proposal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<ProposalMark>,
    /// The clauses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<Clause>,
    /// The keyword opens the paragraph itself (UN layout) instead of standing on a line of its
    /// own; the clause's text starts with the phrase.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inline: bool,
}

impl Section {
    /// The keyword line as it is rendered: phrase and addressee.
    pub fn line(&self) -> String {
        match &self.addressee {
            Some(addressee) => format!("{} {addressee}", self.phrase),
            None => self.phrase.clone(),
        }
    }
}

/// A clause or provision: an optional margin number (`2`, `14A`), an optional label (`a)`, `1`,
/// `i)`, `1.1`), its text, its sub-clauses and its list items.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// The label as written, such as `"a)"` or `"1.1"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// The text, on one line, whitespace collapsed; empty for a suppressed clause.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The proposal mark on this clause, in a proposal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<ProposalMark>,
    /// The nested clauses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<Clause>,
    /// The margin number of an instrument's provision (`"2"`, `"14A"`, `"62bis"`), apart from
    /// its label in [`Clause::num`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<String>,
    /// The revising conferences noted in the margin, such as `["PP-06"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revised_by: Vec<String>,
    /// The provision is marked `(SUP)`: suppressed by a revising conference.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub suppressed: bool,
    /// Dash or bullet list items (`- administrations;`) after the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ListItem>,
    /// Divisions opening just before this provision inside an article or appendix: sections
    /// and sub-headings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub divisions: Vec<Division>,
}

/// An article of regulations: `ARTICLE 3`, a heading and numbered provisions.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// The number, such as `"3"` or `"6A"`.
    pub num: String,
    /// The heading, such as `"International network"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The proposal mark on the article line, in a proposal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<ProposalMark>,
    /// The numbered provisions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisions: Vec<Clause>,
    /// Divisions opening just before this article, outermost first: `PART I`, `CHAPTER II`,
    /// `SECTION 1`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub divisions: Vec<Division>,
}

/// A line the parser could not place in the structure, kept so that nothing is lost.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnplacedLine {
    /// The 1-based line number in the input.
    pub line: usize,
    /// The line, whitespace collapsed.
    pub text: String,
}

/// Which of a document's five parts a clause or provision sits in — its header, preamble,
/// operative part, articles or appendices — for diffs, references and modifications (a JSON
/// field `part`). Not a [`DivisionKind::Part`], which is a `PART` heading of an instrument.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentPart {
    /// The document's heading, title and issuer.
    Header,
    /// The preamble.
    Preamble,
    /// The operative part.
    Operative,
    /// The articles.
    Articles,
    /// The appendices and annexes.
    Appendices,
}

impl DocumentPart {
    /// The snake_case name, such as `"preamble"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            DocumentPart::Header => "header",
            DocumentPart::Preamble => "preamble",
            DocumentPart::Operative => "operative",
            DocumentPart::Articles => "articles",
            DocumentPart::Appendices => "appendices",
        }
    }
}

impl Document {
    /// Visits every clause and provision, depth first, with its part, the index of its section
    /// or article and the labels on the way down (`"b"`, `"1.i"`; a clause without a label is
    /// counted by position, `"#2"`).
    pub fn for_each_clause<'a>(
        &'a self,
        mut visit: impl FnMut(DocumentPart, usize, &str, &'a Clause),
    ) {
        // One path buffer for the whole walk: labels are pushed and popped, never reallocated
        // per clause, which keeps the parser's reference pass cheap.
        fn walk<'a>(
            part: &DocumentPart,
            index: usize,
            path: &mut String,
            clauses: &'a [Clause],
            visit: &mut dyn FnMut(DocumentPart, usize, &str, &'a Clause),
        ) {
            for (i, clause) in clauses.iter().enumerate() {
                let len = path.len();
                if len > 0 {
                    path.push('.');
                }
                push_clause_key(path, clause, i);
                visit(part.clone(), index, path, clause);
                walk(part, index, path, &clause.clauses, visit);
                path.truncate(len);
            }
        }
        let mut path = String::new();
        for (i, section) in self.preamble.iter().enumerate() {
            walk(
                &DocumentPart::Preamble,
                i,
                &mut path,
                &section.clauses,
                &mut visit,
            );
        }
        for (i, section) in self.operative.iter().enumerate() {
            walk(
                &DocumentPart::Operative,
                i,
                &mut path,
                &section.clauses,
                &mut visit,
            );
        }
        for (i, article) in self.articles.iter().enumerate() {
            walk(
                &DocumentPart::Articles,
                i,
                &mut path,
                &article.provisions,
                &mut visit,
            );
        }
        for (i, appendix) in self.appendices.iter().enumerate() {
            walk(
                &DocumentPart::Appendices,
                i,
                &mut path,
                &appendix.provisions,
                &mut visit,
            );
        }
    }

    /// Finds the cross-references of every clause and provision, each with its place in
    /// [`CrossReference::at`] and its span in the clause's text; [`parse`](crate::parse) stores them
    /// in [`Document::references`].
    pub fn find_references(&self) -> Vec<CrossReference> {
        crate::reference::document_references(self)
    }

    /// The lines the parser could not place, as [`plenary_core::Diagnostic`]s (line, text and
    /// what was expected; no column, as the whole line is unplaced), displayed as
    /// `line 3: line not placed in the document's structure; expected …: "stray words;"`.
    ///
    /// ```
    /// let doc = plenary_treaty::parse("resolves\n1 to act.\nstray words;\n");
    /// let diagnostic = doc.diagnostics().next().unwrap();
    /// assert_eq!((diagnostic.line, diagnostic.column), (3, None));
    /// assert!(diagnostic.to_string().starts_with("line 3: line not placed"));
    /// assert!(diagnostic.to_string().ends_with(": \"stray words;\""));
    /// ```
    pub fn diagnostics(&self) -> impl Iterator<Item = plenary_core::Diagnostic> + '_ {
        self.unplaced.iter().map(|u| {
            plenary_core::Diagnostic::new(
                u.line,
                u.text.clone(),
                "line not placed in the document's structure; expected a heading, title, \
                 issuer, keyword, labelled clause, mark or article line",
            )
        })
    }
}

/// The key of a clause in its list: its label without punctuation, or `#n` by position.
pub(crate) fn clause_key(clause: &Clause, index: usize) -> String {
    let mut key = String::new();
    push_clause_key(&mut key, clause, index);
    key
}

fn push_clause_key(out: &mut String, clause: &Clause, index: usize) {
    match &clause.num {
        Some(num) => out.push_str(num.trim_end_matches([')', '.'])),
        None => {
            out.push('#');
            out.push_str(&(index + 1).to_string());
        }
    }
}
