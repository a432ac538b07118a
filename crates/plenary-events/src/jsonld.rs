//! schema.org `Event` JSON-LD, for embedding in web pages.

use plenary_core::{Actor, Place, SpanEnd};
use serde_json::{Map, Value, json};

use crate::{Event, EventKind, EventStatus};

/// A date as ISO 8601 writes it: EDTF without its qualifier, which schema.org cannot carry.
fn iso(date: plenary_core::PartialDate) -> String {
    date.with_qualifier(plenary_core::Qualifier::Exact)
        .to_string()
}

/// The schema.org `Event` of `event` as a JSON-LD object.
///
/// `startDate` and `endDate` are ISO 8601 dates at the precision known (`2012-12` for a month),
/// or date-times with the local offset when the event has times; an end not known yet is left
/// out (EDTF qualifiers such as `?` are left out: ISO 8601 has none). `eventStatus` is
/// `EventScheduled`, `EventPostponed`, `EventRescheduled` or `EventCancelled`, and
/// `previousStartDate` the first day of [`Event::previous_when`];
/// `eventAttendanceMode` is offline, online or mixed; `location` is a `Place` with a
/// `PostalAddress` (and `GeoCoordinates`), a `VirtualLocation`, or both; `organizer` names each
/// organiser found in `actors` (an `Organization` or a `Person`) and gives the id of any other;
/// `superEvent` names the parent by id. Kinds map to `Event` subtypes where schema.org has one
/// (`BusinessEvent` for conferences and meetings, `EducationEvent` for workshops).
///
/// ```
/// use plenary_events::{Event, EventKind, to_json_ld};
///
/// let mut wcit = Event::new("wcit-12".parse()?, "WCIT-12", EventKind::Conference)?;
/// wcit.when = Some("2012-12-03/2012-12-14".parse()?);
/// let ld = to_json_ld(&wcit, &[]);
/// assert_eq!(ld["@type"], "BusinessEvent");
/// assert_eq!(ld["startDate"], "2012-12-03");
/// assert_eq!(ld["endDate"], "2012-12-14");
/// assert_eq!(ld["eventStatus"], "https://schema.org/EventScheduled");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json_ld(event: &Event, actors: &[Actor]) -> Value {
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org"));
    ld.insert("@type".into(), json!(schema_type(event.kind)));
    ld.insert("identifier".into(), json!(event.id));
    ld.insert("name".into(), json!(event.one_line_title()));
    if let Some(description) = &event.description {
        ld.insert("description".into(), json!(description));
    }
    if let Some(when) = event.when {
        let (start, end) = match event.times {
            Some(times) => {
                let tz = times.time_zone.tz();
                let at = |day: chrono::NaiveDate, time: chrono::NaiveTime| {
                    use chrono::TimeZone as _;
                    tz.from_local_datetime(&day.and_time(time))
                        .earliest()
                        .map(|t| t.to_rfc3339())
                };
                let start = at(when.earliest(), times.start);
                let end = when
                    .latest()
                    .zip(times.end)
                    .and_then(|(day, time)| at(day, time));
                (start, end)
            }
            None => (None, None),
        };
        ld.insert(
            "startDate".into(),
            json!(start.unwrap_or_else(|| iso(when.start()))),
        );
        let end = end.or(match when.end() {
            SpanEnd::Known(end) => Some(iso(end)),
            SpanEnd::Unknown | SpanEnd::Open => None,
        });
        if let Some(end) = end {
            ld.insert("endDate".into(), json!(end));
        }
    }
    let status = match event.status {
        EventStatus::Postponed => "EventPostponed",
        EventStatus::Cancelled => "EventCancelled",
        EventStatus::Rescheduled => "EventRescheduled",
        EventStatus::Scheduled | EventStatus::Tentative | EventStatus::Concluded => {
            "EventScheduled"
        }
    };
    if let Some(before) = event.previous_when {
        ld.insert("previousStartDate".into(), json!(iso(before.start())));
    }
    ld.insert(
        "eventStatus".into(),
        json!(format!("https://schema.org/{status}")),
    );
    let mode = match (&event.place, event.online) {
        (Some(_), true) => "MixedEventAttendanceMode",
        (None, true) => "OnlineEventAttendanceMode",
        (_, false) => "OfflineEventAttendanceMode",
    };
    ld.insert(
        "eventAttendanceMode".into(),
        json!(format!("https://schema.org/{mode}")),
    );
    let mut locations: Vec<Value> = event.place.iter().map(place).collect();
    if event.online {
        let mut virtual_location = json!({"@type": "VirtualLocation"});
        if let Some(link) = event.main_link() {
            virtual_location["url"] = json!(link.as_str());
        }
        locations.push(virtual_location);
    }
    match locations.len() {
        0 => {}
        1 => {
            ld.insert("location".into(), locations.remove(0));
        }
        _ => {
            ld.insert("location".into(), Value::Array(locations));
        }
    }
    if !event.organisers.is_empty() {
        let organisers: Vec<Value> = event
            .organisers
            .iter()
            .map(|id| match actors.iter().find(|a| &a.id == id) {
                Some(actor) => {
                    let kind = if actor.kind == plenary_core::ActorKind::Person {
                        "Person"
                    } else {
                        "Organization"
                    };
                    let mut o =
                        json!({"@type": kind, "identifier": id, "name": actor.name.as_str()});
                    if let Some(link) = &actor.link {
                        o["url"] = json!(link.as_str());
                    }
                    o
                }
                None => json!({"@type": "Organization", "identifier": id}),
            })
            .collect();
        ld.insert("organizer".into(), Value::Array(organisers));
    }
    if let Some(parent) = &event.parent {
        ld.insert(
            "superEvent".into(),
            json!({"@type": "Event", "identifier": parent}),
        );
    }
    if let Some(link) = event.main_link() {
        ld.insert("url".into(), json!(link.as_str()));
    }
    if !event.tags.is_empty() || event.series.is_some() {
        let keywords: Vec<&str> = event
            .series
            .iter()
            .map(|s| s.as_str())
            .chain(event.tags.iter().map(|t| t.as_str()))
            .collect();
        ld.insert("keywords".into(), json!(keywords.join(", ")));
    }
    Value::Object(ld)
}

fn schema_type(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Workshop | EventKind::Webinar => "EducationEvent",
        EventKind::Conference
        | EventKind::Assembly
        | EventKind::PreparatoryMeeting
        | EventKind::Forum
        | EventKind::Summit
        | EventKind::PlenarySession
        | EventKind::Committee
        | EventKind::WorkingGroup => "BusinessEvent",
        EventKind::Hearing | EventKind::Other => "Event",
    }
}

fn place(place: &Place) -> Value {
    let mut out = json!({"@type": "Place"});
    let name = place
        .venue
        .as_ref()
        .or(place.city.as_ref())
        .map(|n| n.as_str().to_owned())
        .unwrap_or_else(|| place.to_string());
    out["name"] = json!(name);
    let mut address = json!({"@type": "PostalAddress"});
    if let Some(city) = &place.city {
        address["addressLocality"] = json!(city.as_str());
    }
    if let Some(region) = &place.region {
        address["addressRegion"] = json!(region.as_str());
    }
    if let Some(country) = place.country {
        address["addressCountry"] = json!(country.code());
    }
    out["address"] = address;
    if let Some(geo) = place.geo {
        out["geo"] = json!({
            "@type": "GeoCoordinates",
            "latitude": geo.latitude(),
            "longitude": geo.longitude(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_event() {
        let event: Event = serde_json::from_str(
            r#"{
                "id": "wtsa-12/plenary-thursday",
                "title": "Plenary Thursday",
                "kind": "plenary_session",
                "when": "2012-11-29",
                "times": {"start": "09:30:00", "end": "12:30:00", "time_zone": "Asia/Dubai"},
                "place": {"venue": "Dubai World Trade Center", "city": "Dubai", "country": "AE",
                          "geo": {"latitude": 25.2252, "longitude": 55.2867}},
                "online": true,
                "status": "postponed",
                "parent": "wtsa-12",
                "organisers": ["itu-t", "nobody"],
                "links": ["https://www.itu.int/en/ITU-T/wtsa12/"]
            }"#,
        )
        .unwrap();
        let actors: Vec<Actor> = serde_json::from_str(
            r#"[{"id": "itu-t", "name": "ITU Telecommunication Standardization Sector", "kind": "un_body", "link": "https://www.itu.int/en/ITU-T/"}]"#,
        )
        .unwrap();
        let ld = to_json_ld(&event, &actors);
        assert_eq!(
            ld,
            json!({
                "@context": "https://schema.org",
                "@type": "BusinessEvent",
                "identifier": "wtsa-12/plenary-thursday",
                "name": "Plenary Thursday",
                "startDate": "2012-11-29T09:30:00+04:00",
                "endDate": "2012-11-29T12:30:00+04:00",
                "eventStatus": "https://schema.org/EventPostponed",
                "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
                "location": [
                    {"@type": "Place", "name": "Dubai World Trade Center",
                     "address": {"@type": "PostalAddress", "addressLocality": "Dubai", "addressCountry": "AE"},
                     "geo": {"@type": "GeoCoordinates", "latitude": 25.2252, "longitude": 55.2867}},
                    {"@type": "VirtualLocation", "url": "https://www.itu.int/en/ITU-T/wtsa12/"}
                ],
                "organizer": [
                    {"@type": "Organization", "identifier": "itu-t",
                     "name": "ITU Telecommunication Standardization Sector", "url": "https://www.itu.int/en/ITU-T/"},
                    {"@type": "Organization", "identifier": "nobody"}
                ],
                "superEvent": {"@type": "Event", "identifier": "wtsa-12"},
                "url": "https://www.itu.int/en/ITU-T/wtsa12/"
            })
        );
    }

    #[test]
    fn partial_and_unknown_ends() {
        let rcc: Event = serde_json::from_str(
            r#"{"id": "rcc", "title": "RCC", "kind": "preparatory_meeting", "when": "2012-09-14/", "status": "cancelled"}"#,
        )
        .unwrap();
        let ld = to_json_ld(&rcc, &[]);
        assert_eq!(ld["startDate"], "2012-09-14");
        assert!(ld.get("endDate").is_none());
        assert_eq!(ld["eventStatus"], "https://schema.org/EventCancelled");
        assert_eq!(
            ld["eventAttendanceMode"],
            "https://schema.org/OfflineEventAttendanceMode"
        );

        let year: Event = serde_json::from_str(
            r#"{"id": "pp", "title": "PP-14", "kind": "conference", "when": "2014"}"#,
        )
        .unwrap();
        let ld = to_json_ld(&year, &[]);
        assert_eq!(
            (&ld["startDate"], &ld["endDate"]),
            (&json!("2014"), &json!("2014"))
        );
    }

    #[test]
    fn a_rescheduled_event_gives_its_previous_start() {
        let event: Event = serde_json::from_str(
            r#"{"id": "wtpf-13", "title": "WTPF-13", "kind": "forum", "status": "rescheduled",
                "when": "2013-05-14/2013-05-16", "previous_when": "2013-03-05/2013-03-07"}"#,
        )
        .unwrap();
        let ld = to_json_ld(&event, &[]);
        assert_eq!(ld["eventStatus"], "https://schema.org/EventRescheduled");
        assert_eq!(ld["previousStartDate"], "2013-03-05");
        assert_eq!(ld["startDate"], "2013-05-14");
    }

    #[test]
    fn qualified_dates_are_plain_iso_dates() {
        let event: Event = serde_json::from_str(
            r#"{"id": "rcc", "title": "RCC", "kind": "forum", "when": "2012-09-14?/2012-09-20~"}"#,
        )
        .unwrap();
        let ld = to_json_ld(&event, &[]);
        assert_eq!(ld["startDate"], "2012-09-14");
        assert_eq!(ld["endDate"], "2012-09-20");
    }
}
