//! A tour of the embedded WCIT-12 story: the road to Dubai with its deadlines, who sat at the
//! table, what civil society read and sent, the texts on the table, and what people signed.
//!
//! Run it with `cargo run --example wcit12`. Everything it prints comes from
//! `plenary::datasets::wcit12()` through the public API of the plenary crates.
//!
//! It takes no arguments; `-h`/`--help` prints the usage, anything else exits 2 (see
//! `docs/command-line.md`).

#[macro_use]
mod support;

use std::collections::BTreeMap;
use std::process::ExitCode;

use plenary::Dataset;
use plenary::core::{Actor, ActorId, ActorKind};
use plenary::events::{Calendar, Event, format_date_phrase};
use plenary::resources::{ActorDirectory, Query, ResourceBank};
use plenary::treaty::{ChangeKind, CrossReferenceKind, Document, ProposalOptions};

const USAGE: &str = "usage:
  wcit12";

fn main() -> ExitCode {
    support::help(USAGE);
    if let Some(arg) = std::env::args_os().nth(1) {
        support::usage_error("wcit12", format!("unexpected argument {arg:?}"), USAGE);
    }
    match tour() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            errln!("wcit12: {message}");
            ExitCode::FAILURE
        }
    }
}

fn tour() -> Result<(), String> {
    let story = plenary::datasets::wcit12();
    introduction(&story)?;
    road_to_dubai(&story)?;
    at_the_table(&story);
    resource_bank(&story)?;
    texts_on_the_table(&story)?;
    signatures(&story);
    take_it_with_you();
    Ok(())
}

fn heading(number: u32, title: &str) {
    outln!();
    outln!("{number}. {title}");
    outln!("{}", "-".repeat(title.chars().count() + 3));
}

fn introduction(story: &Dataset) -> Result<(), String> {
    outln!("plenary: a tour of the WCIT-12 story");
    outln!("====================================");
    outln!();
    outln!("In December 2012 the ITU's member states met in Dubai to rewrite the International");
    outln!("Telecommunication Regulations, a treaty untouched since 1988. Only governments had a");
    outln!("vote; civil society followed along with calendars, a bank of analyses, annotated");
    outln!("drafts and a petition. This tour walks through that story as plenary holds it.");
    outln!();
    story
        .validate()
        .map_err(|problems| format!("the embedded dataset does not hold together:\n{problems}"))?;
    outln!(
        "The dataset: {} actors, {} events, {} resources, {} documents and {} petitions, taken from",
        story.actors.len(),
        story.events.len(),
        story.resources.len(),
        story.documents.len(),
        story.petitions.len()
    );
    outln!(
        "{} source pages; every id it uses resolves, and every item records its source:",
        story.sources.len()
    );
    for source in &story.sources {
        let items = story
            .provenance
            .values()
            .filter(|ids| ids.contains(&source.id))
            .count();
        outln!("  {items:>3} items from {}", source.title);
    }
    Ok(())
}

/// The timeline, with each deadline where it falls.
fn road_to_dubai(story: &Dataset) -> Result<(), String> {
    heading(1, "The road to Dubai");
    let calendar = Calendar::new(story.events.clone()).map_err(|e| e.to_string())?;
    let mut rows: Vec<(chrono_day::Day, String)> = Vec::new();
    for event in calendar.timeline() {
        let Some(when) = event.when else { continue };
        let mut line = format!("{:<24} {}", format_date_phrase(&when), event.title);
        let place = event.place.as_ref().and_then(|p| {
            let city = p
                .city
                .as_ref()
                .or(p.venue.as_ref())
                .map(ToString::to_string);
            city.or_else(|| p.country.map(|c| c.name().to_owned()))
        });
        if let Some(place) = place {
            line.push_str(&format!(", {place}"));
        }
        let organisers = short_names(&event.organisers, &story.actors);
        if !organisers.is_empty() {
            line.push_str(&format!(" ({organisers})"));
        }
        rows.push((chrono_day::Day(when.earliest(), 1), line));
        for deadline in &event.deadlines {
            rows.push((
                chrono_day::Day(deadline.due.latest(), 0),
                format!(
                    "{:<24} !! {} for {} due",
                    format_date_phrase(&deadline.due.into()),
                    deadline.what,
                    short_title(event)
                ),
            ));
        }
        for child in calendar
            .children(&event.id)
            .iter()
            .filter(|c| c.when.is_none())
        {
            rows.push((
                chrono_day::Day(when.earliest(), 2),
                format!(
                    "{:<24}    └ {}, during {}",
                    "",
                    child.title,
                    short_title(event)
                ),
            ));
        }
    }
    rows.sort_by_key(|(day, _)| *day);
    for (_, line) in rows {
        outln!("  {line}");
    }
    for event in calendar
        .timeline()
        .iter()
        .filter(|e| e.when.is_none() && e.parent.is_none())
    {
        outln!(
            "  {:<24} {} ({})",
            "date not announced",
            event.title,
            short_names(&event.organisers, &story.actors)
        );
    }
    Ok(())
}

/// Sort keys for the timeline: a day, then events before their deadlines' notes.
mod chrono_day {
    /// A day and a rank within it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    pub(crate) struct Day(pub(crate) plenary::core::chrono::NaiveDate, pub(crate) u8);
}

fn short_title(event: &Event) -> String {
    event
        .series
        .as_ref()
        .map_or_else(|| event.title.to_string(), ToString::to_string)
}

fn short_names(ids: &[ActorId], actors: &[Actor]) -> String {
    ids.iter()
        .map(|id| {
            actors
                .iter()
                .find(|a| &a.id == id)
                .map_or_else(|| id.to_string(), |a| a.short_name().to_owned())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn at_the_table(story: &Dataset) {
    heading(2, "Who was at the table, and around it");
    for kind in ActorKind::ALL {
        let names: Vec<&str> = story
            .actors
            .iter()
            .filter(|a| a.kind == kind)
            .map(Actor::short_name)
            .collect();
        if names.is_empty() {
            continue;
        }
        outln!(
            "  {:<36} {}",
            format!("{} ({})", kind.plural_label(), names.len()),
            names.join(", ")
        );
    }
    outln!();
    outln!("  Some of the people:");
    for person in story.actors.iter().filter(|a| a.kind == ActorKind::Person) {
        let Some(at) = person.affiliation.as_ref().and_then(|id| story.actor(id)) else {
            continue;
        };
        match &person.role {
            Some(role) => outln!("    {}, {role}, {}", person.name, at.short_name()),
            None => outln!("    {}, {}", person.name, at.short_name()),
        }
    }
}

fn resource_bank(story: &Dataset) -> Result<(), String> {
    heading(3, "What civil society read and sent");
    let directory = ActorDirectory::new(&story.actors);
    let mut sections: BTreeMap<usize, (&str, Vec<String>)> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for resource in &story.resources {
        let section = resource
            .section
            .as_ref()
            .map_or("Other resources", |s| s.as_str());
        let index = order.iter().position(|s| *s == section).unwrap_or_else(|| {
            order.push(section);
            order.len() - 1
        });
        let by: Vec<String> = resource
            .authors
            .iter()
            .map(|a| directory.display_name(a))
            .collect();
        sections
            .entry(index)
            .or_insert((section, Vec::new()))
            .1
            .push(format!("{} — {}", resource.title, by.join(", ")));
    }
    for (section, entries) in sections.values() {
        outln!("  {section} ({})", entries.len());
        for entry in entries {
            outln!("    {entry}");
        }
    }
    let bank = ResourceBank::from_resources(story.actors.clone(), story.resources.clone())
        .map_err(|e| e.to_string())?;
    outln!();
    outln!("  Searching the bank for \"net neutrality\":");
    for hit in bank.search(&Query::new("net neutrality").limit(3)) {
        outln!("    {:5.2}  {}", hit.score, hit.resource.title);
    }
    Ok(())
}

fn texts_on_the_table(story: &Dataset) -> Result<(), String> {
    heading(4, "The texts on the table");
    for document in &story.documents {
        let cited_by: Vec<&str> = story
            .events
            .iter()
            .filter(|e| {
                e.agenda.iter().any(|item| {
                    item.documents
                        .iter()
                        .any(|d| Some(d) == document.id.as_ref())
                })
            })
            .map(|e| e.title.as_str())
            .collect();
        outln!(
            "  {}{}",
            document
                .title
                .as_ref()
                .map(|t| t.as_str())
                .unwrap_or("(untitled)"),
            if cited_by.is_empty() {
                String::new()
            } else {
                format!("  [on the agenda of {}]", cited_by.join(", "))
            }
        );
    }

    let b2 = find_document(story, "wcit-12/add-b2-49-1")?;
    outln!();
    outln!(
        "  Read from its plain text, with no markup, proposal {}:",
        b2.mark
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
    );
    outln!(
        "    {}",
        b2.title.as_ref().map(|t| t.as_str()).unwrap_or("")
    );
    if let Some(issuer) = &b2.issuer {
        outln!("    issued by {issuer}");
    }
    for section in b2.preamble.iter().chain(&b2.operative) {
        let keyword = if section.phrase.is_empty() {
            "(clauses)"
        } else {
            section.phrase.as_str()
        };
        outln!(
            "    {keyword}: {} clauses, labelled {}",
            section.clauses.len(),
            section
                .clauses
                .iter()
                .filter_map(|c| c.num.as_deref())
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    outln!("    It cites:");
    for reference in &b2.references {
        let what = match reference.kind {
            CrossReferenceKind::ItuResolution => "ITU resolution",
            CrossReferenceKind::UnResolution => "UN General Assembly resolution",
            CrossReferenceKind::Recommendation => "Recommendation",
            CrossReferenceKind::StudyGroup => "study group",
            CrossReferenceKind::Conference => "conference",
            _ => "reference",
        };
        let mut detail = Vec::new();
        if let Some(number) = &reference.number {
            detail.push(format!("no. {number}"));
        }
        if let (Some(place), Some(year)) = (&reference.place, reference.year) {
            detail.push(format!(
                "{}{place}, {year}",
                if reference.revised { "revised at " } else { "" }
            ));
        }
        outln!(
            "      {what:<31} {}  ({})",
            reference.text,
            detail.join("; ")
        );
    }

    // The seeds hold only the revised draft, so this edit is an illustration of what the diff
    // reports, not a historical text.
    let revised = find_document(story, "wcit-12/dnr-traffic-termination-rev")?;
    let original = plenary::treaty::render(revised);
    let amended = original
        .replacen("some Member States are observing", "many Member States are observing", 1)
        .replacen(
            "c) concerns raised regarding the development of IP interconnection to maintain investment to satisfy future demand,",
            "c) concerns raised regarding the development of IP interconnection to maintain investment to satisfy future demand;\n\nd) the need to protect the rights of users,",
            1,
        );
    let amended = plenary::treaty::parse(&amended);
    let diff = plenary::treaty::diff(revised, &amended);
    outln!();
    outln!("  How plenary compares versions. An illustrative amendment (not a historical text) to");
    outln!(
        "  \"{}\":",
        revised.title.as_ref().map(|t| t.as_str()).unwrap_or("")
    );
    for change in &diff.changes {
        let what = match change.change {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Modified => "modified",
            ChangeKind::Moved => "moved",
        };
        outln!(
            "    {what:<9} {} {}: {}",
            change.section,
            change.num.as_deref().unwrap_or(""),
            change
                .new
                .as_deref()
                .or(change.old.as_deref())
                .unwrap_or("")
        );
    }
    let proposal = plenary::treaty::propose(
        revised,
        &amended,
        &ProposalOptions {
            noc: false,
            reference: Some("XYZ/1".into()),
        },
    )
    .map_err(|e| e.to_string())?;
    let marks: Vec<String> = proposal
        .preamble
        .iter()
        .flat_map(|s| &s.clauses)
        .filter_map(|c| {
            c.mark
                .as_ref()
                .map(|m| format!("{} {}", m, c.num.as_deref().unwrap_or("")))
        })
        .collect();
    outln!(
        "    written as an ITU proposal, the clauses carry the marks: {}",
        marks.join(", ")
    );
    amendments()
}

fn find_document<'a>(story: &'a Dataset, id: &str) -> Result<&'a Document, String> {
    story
        .documents
        .iter()
        .find(|d| d.id.as_ref().is_some_and(|d| d == id))
        .ok_or_else(|| format!("the embedded dataset has no document {id}"))
}

fn signatures(story: &Dataset) {
    heading(5, "What people signed");
    for petition in &story.petitions {
        outln!("  {}", petition.title);
        let sponsors = short_names(&petition.sponsors, &story.actors);
        if !sponsors.is_empty() {
            outln!("    launched by {sponsors}");
        }
        let supporters = short_names(&petition.supporters, &story.actors);
        if !supporters.is_empty() {
            outln!("    supported by {supporters}");
        }
        for count in &petition.reported_counts {
            outln!(
                "    {} {} by {}",
                thousands(count.count),
                count.unit,
                count.as_of
            );
        }
        for milestone in &petition.milestones {
            let when = match (milestone.reached_at, milestone.reached_within) {
                (Some(at), _) => at.to_rfc3339(),
                (None, Some(within)) => format!("during {}", format_date_phrase(&within)),
                (None, None) => "not yet".to_owned(),
            };
            outln!(
                "    {} signatures reached {when}",
                thousands(milestone.threshold)
            );
            if let Some(note) = &milestone.note {
                outln!("      {note}");
            }
        }
        if let Some(contact) = &petition.contact {
            outln!("    to sign on: {contact}");
        }
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn take_it_with_you() {
    heading(6, "Take it with you");
    for (command, what) in [
        (
            "cargo run --example events -- ics",
            "the calendar, for any calendar app",
        ),
        (
            "cargo run --example resources -- csl",
            "the bank as CSL-JSON, for citation tools",
        ),
        (
            "cargo run --example treaty -- akn FILE.txt",
            "a treaty text as Akoma Ntoso XML",
        ),
        (
            "cargo run --example treaty -- compile BASE.txt P1.txt P2.txt",
            "proposals side by side, as Markdown",
        ),
        (
            "cargo run --example petitions -- tally FILE.ndjson",
            "a signature count, privately",
        ),
        (
            "cargo run --example dataset -- dump",
            "the whole story as JSON",
        ),
        (
            "cargo run --example dataset -- schema",
            "its JSON Schema, for other languages",
        ),
    ] {
        outln!("  {command:<52} {what}");
    }
}

/// An illustrative instrument excerpt and two illustrative proposals (not historical texts):
/// the first applied, both compiled side by side.
fn amendments() -> Result<(), String> {
    const EXCERPT: &str = "REGULATIONS\n\nAn illustrative excerpt of telecommunication regulations\n\n\
        ARTICLE 3\n\nInternational network\n\n\
        28 3.1 Members shall ensure that administrations cooperate in the international network.\n\n\
        29 3.2 Administrations shall endeavour to provide sufficient facilities.\n\n\
        30 3.3 Administrations shall determine by mutual agreement which routes are used.\n";
    const FIRST: &str = "PROPOSALS\n\nIllustrative proposals of XYZ\n\nARTICLE 3\n\n\
        MOD XYZ/1/1\n29 3.2 Member States shall endeavour to provide sufficient facilities.\n\n\
        ADD XYZ/1/2\n29A 3.2bis Member States should encourage regional traffic exchange points.\n";
    const SECOND: &str = "PROPOSALS\n\nIllustrative proposals of QRS\n\nARTICLE 3\n\n\
        NOC QRS/2/1\n29 3.2 Administrations shall endeavour to provide sufficient facilities.\n\n\
        SUP QRS/2/2\n30 3.3\n";
    let (excerpt, first, second) = (
        plenary::treaty::parse(EXCERPT),
        plenary::treaty::parse(FIRST),
        plenary::treaty::parse(SECOND),
    );
    let amended = plenary::treaty::apply(&excerpt, &first).map_err(|e| e.to_string())?;
    outln!();
    outln!("  Applying proposals. An illustrative excerpt of regulations and two illustrative");
    outln!("  proposals (not historical texts); the first, applied, changes:");
    for m in &amended.modifications {
        let text = m.new.as_deref().unwrap_or("(suppressed)");
        outln!("    {:<13} {:<28} {text}", m.mark.to_string(), m.place());
    }
    outln!("  and both, compiled side by side as the secretariat does:");
    let compilation = plenary::treaty::compile(&excerpt, &[first, second]).without_untouched();
    for provision in &compilation.provisions {
        let cells: Vec<String> = provision
            .proposals
            .iter()
            .map(|p| match &p.misfit {
                Some(misfit) => format!("{} (does not fit: {misfit})", p.mark),
                None => p.mark.to_string(),
            })
            .collect();
        outln!("    {:<28} {}", provision.place(), cells.join(" | "));
    }
    Ok(())
}
