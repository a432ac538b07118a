//! A tour of the embedded WCIT-12 story: who took part, and where it happened.
//!
//! Run it with `cargo run --example wcit12`.

use plenary::core::{Actor, ActorKind};
use plenary::datasets;

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
