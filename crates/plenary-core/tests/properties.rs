//! Property tests: round trips through text and JSON, and no input that makes a parser panic.

// Strategies build values from generators that only produce valid input.
#![allow(clippy::unwrap_used)]

use plenary_core::{
    Actor, ActorId, ActorKind, Country, DateSpan, DocumentId, EventId, GeoPoint, LanguageTag, Link,
    Name, PartialDate, PetitionId, Place, Qualifier, ResourceId, SpanEnd, Tag, Text, TimeZone,
    Translations,
};
use proptest::prelude::*;
use proptest::sample::select;

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9._-]{0,40}(/[a-z0-9][a-z0-9._-]{0,20}){0,3}"
}

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (0i32..=9999, 0u32..=12, 0u32..=31, 0usize..8).prop_map(|(year, month, day, q)| {
        // Most dates exact; the rest with each EDTF level-1 qualifier.
        let qualifier = [
            Qualifier::Uncertain,
            Qualifier::Approximate,
            Qualifier::UncertainApproximate,
        ]
        .get(q)
        .copied()
        .unwrap_or_default();
        if month == 0 {
            PartialDate::year(year)
        } else if day == 0 {
            PartialDate::year_month(year, month)
        } else {
            // Clamp to the month's length so that every generated day exists.
            let last = (28..=31)
                .rev()
                .find(|d| PartialDate::ymd(year, month, *d).is_ok())
                .unwrap_or(28);
            PartialDate::ymd(year, month, day.min(last))
        }
        .expect("generated dates exist")
        .with_qualifier(qualifier)
    })
}

fn date_span() -> impl Strategy<Value = DateSpan> {
    (partial_date(), partial_date(), 0u8..4).prop_map(|(a, b, end)| {
        let (start, later) = if a.earliest() <= b.earliest() {
            (a, b)
        } else {
            (b, a)
        };
        match end {
            0 => DateSpan::on(start),
            1 => DateSpan::with_unknown_end(start),
            2 => DateSpan::open_ended(start),
            _ => DateSpan::between(start, later).expect("later does not end before start"),
        }
    })
}

fn country() -> impl Strategy<Value = Country> {
    select(Country::all().collect::<Vec<_>>())
}

fn name() -> impl Strategy<Value = Name> {
    "[A-Za-zÀ-ÿ0-9&'.-][A-Za-zÀ-ÿ0-9 &'.-]{0,40}[A-Za-z]".prop_map(|s| Name::new(s).unwrap())
}

fn link() -> impl Strategy<Value = Link> {
    (
        select(vec!["http", "https"]),
        // One hyphen at most, inside: `xn--…` (an IDNA label, refused unless valid punycode)
        // cannot come up.
        "[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,6})?\\.(org|int|net)",
        "(/[a-zA-Z0-9_-]{1,8}){0,3}",
        proptest::collection::vec(("(utm_[a-z]{1,5}|[a-z]{1,4})", "[a-z0-9]{0,4}"), 0..4),
        proptest::option::of("[a-z]{1,6}"),
    )
        .prop_map(|(scheme, host, path, query, fragment)| {
            let mut url = format!("{scheme}://{host}{path}");
            if !query.is_empty() {
                let pairs: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
                url.push('?');
                url.push_str(&pairs.join("&"));
            }
            if let Some(fragment) = fragment {
                url.push('#');
                url.push_str(&fragment);
            }
            Link::parse(&url).unwrap()
        })
}

fn actor() -> impl Strategy<Value = Actor> {
    (
        slug(),
        name(),
        select(ActorKind::ALL.to_vec()),
        proptest::option::of(name()),
        proptest::option::of(country()),
        proptest::option::of(link()),
        proptest::option::of((slug(), proptest::option::of(name()))),
        proptest::collection::vec(slug(), 0..3),
        proptest::collection::vec("[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", 0..3),
    )
        .prop_map(
            |(id, name, kind, acronym, country, link, affiliation, member_of, tags)| {
                let mut actor = Actor::new(ActorId::new(id).unwrap(), name, kind);
                actor.acronym = acronym;
                actor.country = country;
                actor.link = link;
                if let Some((id, role)) = affiliation {
                    actor = actor.with_affiliation(ActorId::new(id).unwrap(), role);
                }
                actor.member_of = member_of
                    .into_iter()
                    .map(|s| ActorId::new(s).unwrap())
                    .collect();
                actor.tags = tags.into_iter().map(|t| Tag::new(t).unwrap()).collect();
                actor
            },
        )
}

fn place() -> impl Strategy<Value = Place> {
    (
        proptest::option::of(name()),
        proptest::option::of(name()),
        proptest::option::of(country()),
        proptest::option::of((-90.0f64..=90.0, -180.0f64..=180.0)),
        proptest::option::of(select(vec![
            "Asia/Dubai",
            "Europe/Kyiv",
            "America/El_Salvador",
        ])),
    )
        .prop_map(|(venue, city, country, geo, tz)| {
            let mut place = Place::default();
            place.venue = venue;
            place.city = city;
            place.country = country;
            place.geo = geo.map(|(lat, lon)| GeoPoint::new(lat, lon).unwrap());
            place.time_zone = tz.map(|tz| TimeZone::new(tz).unwrap());
            place
        })
}

fn json_round_trip<T>(value: &T) -> Result<(), TestCaseError>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value).unwrap();
    let back: T =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{json}: {e}")))?;
    prop_assert_eq!(&back, value, "{}", json);
    Ok(())
}

proptest! {
    #[test]
    fn ids_round_trip(id in slug()) {
        let event = EventId::new(id.clone()).unwrap();
        prop_assert_eq!(event.to_string(), id.clone());
        json_round_trip(&event)?;
        json_round_trip(&ActorId::new(id.clone()).unwrap())?;
        json_round_trip(&ResourceId::new(id.clone()).unwrap())?;
        json_round_trip(&DocumentId::new(id.clone()).unwrap())?;
        json_round_trip(&PetitionId::new(id).unwrap())?;
    }

    #[test]
    fn partial_dates_round_trip(date in partial_date()) {
        prop_assert_eq!(date.to_string().parse::<PartialDate>().unwrap(), date);
        prop_assert!(date.earliest() <= date.latest());
        prop_assert!(date.contains(date.earliest()) && date.contains(date.latest()));
        json_round_trip(&date)?;
    }

    #[test]
    fn spans_round_trip_through_edtf(span in date_span()) {
        let text = span.to_string();
        let back: DateSpan = text.parse().unwrap();
        prop_assert_eq!(back, span);
        prop_assert_eq!(back.to_string(), text);
        json_round_trip(&span)?;
    }

    #[test]
    fn span_ends_are_never_before_starts(a in partial_date(), b in partial_date()) {
        match DateSpan::between(a, b) {
            Ok(span) => prop_assert!(span.latest().unwrap() >= span.earliest()),
            Err(_) => prop_assert!(b.latest() < a.earliest()),
        }
        if let Ok(span) = format!("{a}/{b}").parse::<DateSpan>() {
            prop_assert_eq!(span.start(), a);
            prop_assert_eq!(span.end(), SpanEnd::Known(b));
        }
    }

    #[test]
    fn countries_round_trip(country in country()) {
        prop_assert_eq!(Country::new(country.code()).unwrap(), country);
        prop_assert_eq!(Country::new(&country.code().to_lowercase()).unwrap(), country);
        json_round_trip(&country)?;
    }

    #[test]
    fn canonical_links_are_canonical(link in link()) {
        let canonical = link.canonical();
        prop_assert_eq!(canonical.canonical(), canonical.clone());
        prop_assert!(canonical.as_url().fragment().is_none());
        prop_assert!(!canonical.as_str().contains("utm_"));
        json_round_trip(&link)?;
    }

    #[test]
    fn actors_round_trip(actor in actor()) {
        json_round_trip(&actor)?;
    }

    #[test]
    fn places_round_trip(place in place()) {
        json_round_trip(&place)?;
    }

    #[test]
    fn translations_round_trip(texts in proptest::collection::vec(
        (select(vec!["ar", "zh", "en", "fr", "ru", "es", "zh-Hant", "pt-BR"]), ".{0,30}"), 0..6)
    ) {
        let translations: Translations = texts
            .iter()
            .map(|(lang, text)| Text::new(lang, text.clone()).unwrap())
            .collect();
        json_round_trip(&translations)?;
    }

    #[test]
    fn slugified_labels_are_tags(label in ".{0,80}") {
        if let Ok(tag) = Tag::slugify(&label) {
            prop_assert_eq!(Tag::new(tag.as_str()).unwrap(), tag.clone());
            prop_assert_eq!(Tag::slugify(tag.as_str()).unwrap(), tag);
        }
    }

    #[test]
    fn no_string_panics_a_parser(text in ".{0,64}") {
        let _ = text.parse::<EventId>();
        let _ = text.parse::<PartialDate>();
        let _ = text.parse::<DateSpan>();
        let _ = text.parse::<Country>();
        let _ = Country::from_name(&text);
        let _ = text.parse::<TimeZone>();
        let _ = text.parse::<LanguageTag>();
        let _ = text.parse::<Tag>();
        let _ = text.parse::<Name>();
        if let Ok(link) = text.parse::<Link>() {
            prop_assert!(matches!(link.scheme(), "http" | "https" | "mailto"));
            let _ = link.canonical();
        }
    }

    #[test]
    fn no_edtf_like_string_panics(text in "[0-9./-]{0,24}") {
        if let Ok(span) = text.parse::<DateSpan>() {
            prop_assert_eq!(span.to_string().parse::<DateSpan>().unwrap(), span);
        }
        let _ = text.parse::<PartialDate>();
    }

    #[test]
    fn no_url_like_string_panics(text in "(https?|mailto|javascript|data|ftp):[/a-zA-Z0-9@.?&=#%:_-]{0,40}") {
        match text.parse::<Link>() {
            Ok(link) => {
                prop_assert!(matches!(link.scheme(), "http" | "https" | "mailto"));
                prop_assert_eq!(link.canonical().canonical(), link.canonical());
            }
            Err(err) => prop_assert!(!err.to_string().is_empty()),
        }
    }

    #[test]
    fn no_json_value_panics_deserialisation(text in ".{0,40}") {
        let json = serde_json::to_string(&text).unwrap();
        let _ = serde_json::from_str::<DateSpan>(&json);
        let _ = serde_json::from_str::<Link>(&json);
        let _ = serde_json::from_str::<Actor>(&text);
        let _ = serde_json::from_str::<Place>(&text);
    }
}
