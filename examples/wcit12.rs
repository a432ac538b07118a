//! A tour of the embedded WCIT-12 story: who took part, where and when it happened, and what was
//! due by when.
//!
//! Run it with `cargo run --example wcit12`.

use plenary::core::{Actor, ActorKind};
use plenary::datasets;
use plenary::events::{Calendar, format_date_phrase};

fn main() {
    let actors = datasets::wcit12_actors();
    let places = datasets::wcit12_places();

    println!(
        "The road to Dubai: WCIT-12, the World Conference on International Telecommunications"
    );
    println!("(Dubai, 3-14 December 2012), as the civil-society pages of the time tell it.");
    println!();
    println!("Who took part: {} actors", actors.len());
    for kind in ActorKind::ALL {
        let of_kind: Vec<&Actor> = actors.iter().filter(|a| a.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        println!();
        println!("  {} ({})", kind.plural_label(), of_kind.len());
        for actor in of_kind {
            println!("    {}", describe(actor, &actors));
        }
    }

    println!();
    println!("Where it happened: {} places", places.len());
    let width = places
        .values()
        .map(|p| p.to_string().chars().count())
        .max()
        .unwrap_or(0);
    for (key, place) in &places {
        let zone = place.time_zone.map(|tz| tz.to_string()).unwrap_or_default();
        let geo = place
            .geo
            .map(|g| format!("{:.2}, {:.2}", g.latitude(), g.longitude()))
            .unwrap_or_default();
        println!(
            "  {key:<12} {:<width$}  {zone:<20} {geo}",
            place.to_string()
        );
    }

    let calendar = match Calendar::new(datasets::wcit12_events()) {
        Ok(calendar) => calendar,
        Err(err) => {
            eprintln!("wcit12: the embedded events are inconsistent: {err}");
            std::process::exit(1);
        }
    };
    println!();
    println!("When it happened: {} events", calendar.len());
    let when_of = |e: &plenary::events::Event| {
        e.when
            .map_or_else(|| "date not known".to_owned(), |w| format_date_phrase(&w))
    };
    let width = calendar
        .timeline()
        .iter()
        .map(|e| when_of(e).chars().count())
        .max()
        .unwrap_or(0);
    for event in calendar.timeline() {
        let organisers: Vec<String> = event
            .organisers
            .iter()
            .map(|id| {
                actors
                    .iter()
                    .find(|a| &a.id == id)
                    .map_or_else(|| id.to_string(), |a| a.short_name().to_owned())
            })
            .collect();
        let mut line = format!("  {:<width$}  {}", when_of(event), event.one_line_title());
        if let Some(place) = &event.place {
            line.push_str(&format!(
                ", {}",
                place
                    .city
                    .as_ref()
                    .map_or_else(|| place.to_string(), |c| c.to_string())
            ));
        }
        if !organisers.is_empty() {
            line.push_str(&format!(" ({})", organisers.join(", ")));
        }
        println!("{line}");
        for child in calendar.children(&event.id) {
            println!("  {:<width$}    part of it: {}", "", child.one_line_title());
        }
    }

    println!();
    println!("What was due by when:");
    let all_time = (
        plenary::core::chrono::NaiveDate::MIN,
        plenary::core::chrono::NaiveDate::MAX,
    );
    for due in calendar.deadlines_due(all_time.0, all_time.1) {
        println!(
            "  {:<width$}  {} for {}",
            format_date_phrase(&due.deadline.due.into()),
            due.deadline.what,
            due.event.one_line_title()
        );
    }

    petitions(&actors);
    resource_bank(&actors);
    treaty_texts();
}

/// One line: the name, the acronym, the country and how the actor relates to others.
fn describe(actor: &Actor, all: &[Actor]) -> String {
    let mut line = actor.name.to_string();
    if let Some(acronym) = &actor.acronym {
        line.push_str(&format!(" ({acronym})"));
    }
    if let Some(country) = actor.country {
        line.push_str(&format!(" [{}]", country.code()));
    }
    let name_of = |id: &plenary::core::ActorId| {
        all.iter()
            .find(|a| &a.id == id)
            .map_or_else(|| id.to_string(), |a| a.short_name().to_owned())
    };
    if let Some(affiliation) = &actor.affiliation {
        match &actor.role {
            Some(role) => line.push_str(&format!(" — {role}, {}", name_of(affiliation))),
            None => line.push_str(&format!(" — {}", name_of(affiliation))),
        }
    }
    if !actor.member_of.is_empty() {
        let names: Vec<String> = actor.member_of.iter().map(name_of).collect();
        line.push_str(&format!(" — member of {}", names.join(", ")));
    }
    line
}

/// The petitions and sign-on letters of the story, with what the sources say about their counts.
fn petitions(actors: &[Actor]) {
    let name_of = |id: &plenary::core::ActorId| {
        actors
            .iter()
            .find(|a| &a.id == id)
            .map_or_else(|| id.to_string(), |a| a.short_name().to_owned())
    };
    println!();
    println!("What people signed:");
    for petition in datasets::wcit12_petitions() {
        let by: Vec<String> = petition.sponsors.iter().map(name_of).collect();
        let backed: Vec<String> = petition.supporters.iter().map(name_of).collect();
        println!();
        println!("  {} ({:?})", petition.title, petition.kind);
        if !by.is_empty() {
            println!("    by {}", by.join(", "));
        }
        if !backed.is_empty() {
            println!("    supported by {}", backed.join(", "));
        }
        for count in &petition.reported_counts {
            println!("    {} {} as of {}", count.count, count.unit, count.as_of);
        }
        for milestone in &petition.milestones {
            let when = milestone
                .reached_at
                .map(|t| t.to_rfc3339())
                .or_else(|| milestone.reached_within.map(|w| format!("within {w}")))
                .unwrap_or_else(|| "not yet".into());
            println!("    milestone {}: reached {when}", milestone.threshold);
        }
        if let Some(contact) = &petition.contact {
            println!("    to sign: {contact}");
        }
    }
}

/// The civil-society resource bank, section by section, each entry with its authors and kind.
fn resource_bank(actors: &[Actor]) {
    let resources = datasets::wcit12_resources();
    let directory = plenary::resources::ActorDirectory::new(actors);
    println!();
    println!(
        "What civil society read and sent: the resource bank, {} entries",
        resources.len()
    );
    let mut sections: Vec<&str> = Vec::new();
    for r in &resources {
        let section = r.section.as_ref().map_or("Other resources", |s| s.as_str());
        if !sections.contains(&section) {
            sections.push(section);
        }
    }
    for section in sections {
        let in_section: Vec<_> = resources
            .iter()
            .filter(|r| r.section.as_ref().map_or("Other resources", |s| s.as_str()) == section)
            .collect();
        println!();
        println!("  {section} ({})", in_section.len());
        for r in in_section {
            let by: Vec<String> = r
                .authors
                .iter()
                .map(|a| directory.display_name(a))
                .collect();
            println!("    {} — {} [{}]", r.title, by.join(", "), r.kind);
        }
    }
}

/// The treaty texts: each with its heading and title, one draft resolution clause by clause, and
/// the references its clauses cite.
fn treaty_texts() {
    let documents = datasets::wcit12_documents();
    println!();
    println!("The texts on the table: {} documents", documents.len());
    for document in &documents {
        let id = document.id.as_ref().map_or("", |id| id.as_str());
        let kind = document.kind.map_or("text", |k| k.as_str());
        let mark = document
            .mark
            .as_ref()
            .map(|m| format!(" [{m}]"))
            .unwrap_or_default();
        println!(
            "  {id:<36} {kind:<21} {}{mark}",
            document.title.as_deref().unwrap_or("")
        );
    }
    let Some(b2) = documents
        .iter()
        .find(|d| d.id.as_ref().is_some_and(|id| id == "wcit-12/add-b2-49-1"))
    else {
        return;
    };
    println!();
    println!(
        "ADD B2/49/1, parsed from its plain text: {}",
        b2.title.as_deref().unwrap_or("")
    );
    if let Some(issuer) = &b2.issuer {
        println!("  {issuer},");
    }
    for section in b2.preamble.iter().chain(&b2.operative) {
        if !section.phrase.is_empty() {
            println!("  {}", section.line());
        }
        for clause in &section.clauses {
            let text: String = clause.text.chars().take(90).collect();
            let more = if clause.text.chars().count() > 90 {
                "…"
            } else {
                ""
            };
            println!("    {} {text}{more}", clause.num.as_deref().unwrap_or(""));
        }
    }
    println!("  It cites:");
    for reference in &b2.references {
        let mut detail = Vec::new();
        if let Some(number) = &reference.number {
            detail.push(format!("number {number}"));
        }
        if let Some(date) = reference.date {
            detail.push(format!("adopted {date}"));
        }
        if let (Some(place), Some(year)) = (&reference.place, reference.year) {
            let rev = if reference.revised { "revised at " } else { "" };
            detail.push(format!("{rev}{place}, {year}"));
        }
        println!(
            "    {:?}: {} ({})",
            reference.kind,
            reference.text,
            detail.join("; ")
        );
    }
}
