//! iCalendar (RFC 5545) export, written with the `icalendar` crate.

use chrono::{DateTime, Days, NaiveDate, TimeZone as _, Utc};
use icalendar::{
    Calendar as IcsCalendar, Component, Event as IcsEvent, EventLike, EventStatus as IcsStatus,
};
use plenary_core::{EventId, Precision, SpanEnd};

use crate::{Event, EventStatus};

/// What [`to_ics`] wrote, and which events it could not place on a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IcsExport {
    /// The `VCALENDAR`: CRLF line ends, lines folded at 75 octets.
    pub text: String,
    /// The events left out because their dates are not known yet: a `VEVENT` needs a `DTSTART`.
    pub undated: Vec<EventId>,
}

/// Writes `events` as one iCalendar `VCALENDAR`.
///
/// Each dated event is one `VEVENT`:
///
/// - `UID` is `<event id>@plenary`, so re-importing a later export updates rather than
///   duplicates; `DTSTAMP` is `stamp` (given, not the clock, so that one dataset always gives
///   one file);
/// - `DTSTART`/`DTEND` are all-day dates with the exclusive end RFC 5545 asks for (`3-14
///   December` ends on `20121215`); a month or a year covers its days and the description says
///   how precisely it is known. Events with [`times`](Event::times) and an end time get UTC
///   date-times instead;
/// - an event whose end is not known yet ("September 14-?") or that has no end is exported as
///   its first day only, `STATUS:TENTATIVE`, and its description says so;
/// - `STATUS` is `CONFIRMED`, `TENTATIVE` or `CANCELLED` (a postponed event is tentative and
///   says it is postponed); `LOCATION` is the place (or "Online"); `GEO` its coordinates; `URL`
///   its main link; `CATEGORIES` its kind, series and tags; `RELATED-TO` its parent's `UID`.
///
/// Each deadline is an all-day `VEVENT` on its last day (`UID` `<event id>/deadline/<n>@plenary`,
/// `CATEGORIES:deadline`, `TRANSP:TRANSPARENT`, `RELATED-TO` its event). A `VEVENT` rather than
/// a `VTODO`: the calendar applications people subscribe with show events, and many ignore
/// to-dos entirely, which would hide exactly the dates a campaign needs seen.
///
/// Text from the data is escaped as TEXT values; carriage returns become line breaks inside the
/// value and other control characters become spaces, so no title or description can end its
/// property line and start one of its own.
///
/// ```
/// use plenary_events::{Event, EventKind, to_ics};
///
/// let mut wcit = Event::new("wcit-12".parse()?, "WCIT-12", EventKind::Conference)?;
/// wcit.when = Some("2012-12-03/2012-12-14".parse()?);
/// let stamp = "2012-11-01T00:00:00Z".parse()?;
/// let ics = to_ics([&wcit], stamp);
/// assert!(ics.text.contains("UID:wcit-12@plenary\r\n"));
/// assert!(ics.text.contains("DTSTART;VALUE=DATE:20121203\r\n"));
/// assert!(ics.text.contains("DTEND;VALUE=DATE:20121215\r\n"));
/// assert!(ics.undated.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_ics<'a>(events: impl IntoIterator<Item = &'a Event>, stamp: DateTime<Utc>) -> IcsExport {
    let mut calendar = IcsCalendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//plenary//plenary-events//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"));
    let mut undated = Vec::new();
    for event in events {
        match vevent(event, stamp) {
            Some(vevent) => {
                calendar.push(vevent);
            }
            None => undated.push(event.id.clone()),
        }
        for (n, deadline) in event.deadlines.iter().enumerate() {
            let mut due = IcsEvent::new();
            let day = deadline.due.latest();
            let mut description = format!(
                "{} due by {} for {}.",
                clean_text(&deadline.what),
                english_due(deadline.due),
                clean_text(&event.one_line_title())
            );
            if let Some(note) = &deadline.note {
                description.push('\n');
                description.push_str(&clean_text(note));
            }
            due.uid(&format!("{}/deadline/{n}@plenary", event.id))
                .timestamp(stamp)
                .summary(&format!(
                    "Deadline: {} ({})",
                    clean_text(&deadline.what),
                    clean_text(&event.one_line_title())
                ))
                .description(&description)
                .starts(day)
                .ends(next_day(day))
                .add_property("TRANSP", "TRANSPARENT")
                .add_property("RELATED-TO", format!("{}@plenary", event.id))
                .categories(["deadline"]);
            if let Some(link) = event.main_link() {
                due.url(link.as_str());
            }
            calendar.push(due.done());
        }
    }
    IcsExport {
        text: refold(&calendar.to_string()),
        undated,
    }
}

/// Folds every content line at 75 octets, as RFC 5545 section 3.1 asks.
///
/// `icalendar` 0.17 folds too, but lets a last continuation line reach 76 octets (a space plus
/// 75), so its folds are undone and done again here. Undoing them is safe: a CRLF followed by a
/// space only ever comes from folding, since text values carry their line breaks escaped.
fn refold(text: &str) -> String {
    const LIMIT: usize = 75;
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 24);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut limit = LIMIT;
        loop {
            if rest.len() <= limit {
                out.push_str(rest);
                break;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            // A continuation line starts with the space, which counts.
            limit = LIMIT - 1;
        }
        out.push_str("\r\n");
    }
    out
}

/// The `VEVENT` of one event, or `None` when its dates are not known.
fn vevent(event: &Event, stamp: DateTime<Utc>) -> Option<IcsEvent> {
    let when = event.when?;
    let mut notes: Vec<String> = Vec::new();
    let mut out = IcsEvent::new();
    out.uid(&format!("{}@plenary", event.id))
        .timestamp(stamp)
        .summary(&clean_text(&event.title));

    let first = when.earliest();
    let (last, end_known) = match when.end() {
        SpanEnd::Known(_) => (when.latest().unwrap_or(first), true),
        SpanEnd::Unknown => {
            notes.push(format!(
                "The end date is not known yet; it starts on {}.",
                english_day(first)
            ));
            (when.start().latest(), false)
        }
        SpanEnd::Open => {
            notes.push(format!(
                "It starts on {} and has no set end.",
                english_day(first)
            ));
            (when.start().latest(), false)
        }
    };
    if when.start().precision() != Precision::Day {
        notes.push(format!(
            "The dates are known only as {}.",
            crate::format_date_phrase(&when)
        ));
    }
    let timed = event.times.and_then(|times| {
        let end = times.end?;
        let tz = times.time_zone.tz();
        let start = tz
            .from_local_datetime(&first.and_time(times.start))
            .earliest()?;
        let stop = tz.from_local_datetime(&last.and_time(end)).earliest()?;
        Some((start.with_timezone(&Utc), stop.with_timezone(&Utc)))
    });
    match timed {
        Some((start, stop)) if end_known => {
            out.starts(start).ends(stop);
        }
        _ => {
            if let Some(times) = event.times {
                notes.push(format!(
                    "It starts at {} ({}).",
                    times.start.format("%H:%M"),
                    times.time_zone
                ));
            }
            out.starts(first).ends(next_day(last));
        }
    }

    let status = match event.status {
        EventStatus::Cancelled => IcsStatus::Cancelled,
        EventStatus::Tentative | EventStatus::Postponed => IcsStatus::Tentative,
        EventStatus::Scheduled | EventStatus::Concluded if !end_known => IcsStatus::Tentative,
        EventStatus::Scheduled | EventStatus::Concluded => IcsStatus::Confirmed,
    };
    if event.status == EventStatus::Postponed {
        notes.push("It has been postponed.".to_owned());
    }
    out.status(status);

    let location = match (&event.place, event.online) {
        (Some(place), true) if !place.is_empty() => Some(format!("{place} and online")),
        (Some(place), false) if !place.is_empty() => Some(place.to_string()),
        (_, true) => Some("Online".to_owned()),
        _ => None,
    };
    if let Some(location) = location {
        out.location(&clean_text(&location));
    }
    if let Some(geo) = event.place.as_ref().and_then(|p| p.geo) {
        out.add_property("GEO", format!("{};{}", geo.latitude(), geo.longitude()));
    }
    if let Some(link) = event.main_link() {
        out.url(link.as_str());
    }
    if let Some(parent) = &event.parent {
        out.add_property("RELATED-TO", format!("{parent}@plenary"));
    }
    let mut categories = vec![clean_text(event.kind.label())];
    categories.extend(event.series.iter().map(|s| clean_text(s.as_str())));
    categories.extend(event.tags.iter().map(|t| clean_text(t.as_str())));
    out.categories(categories);

    if !event.organisers.is_empty() {
        let ids: Vec<&str> = event.organisers.iter().map(|o| o.as_str()).collect();
        notes.push(format!("Organised by: {}.", ids.join(", ")));
    }
    for deadline in &event.deadlines {
        notes.push(format!(
            "Deadline: {} due by {}.",
            clean_text(&deadline.what),
            english_due(deadline.due)
        ));
    }
    let mut description = event
        .description
        .as_deref()
        .map(clean_text)
        .unwrap_or_default();
    for note in notes {
        if !description.is_empty() {
            description.push('\n');
        }
        description.push_str(&note);
    }
    if !description.is_empty() {
        out.description(&description);
    }
    Some(out.done())
}

/// Text safe for a TEXT value: CR LF and lone CR become LF (which the writer escapes as `\n`);
/// other control characters, which RFC 5545 does not allow in TEXT, become spaces.
fn clean_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The day after `day`; the last representable day stays itself rather than panicking.
fn next_day(day: NaiveDate) -> NaiveDate {
    day.checked_add_days(Days::new(1)).unwrap_or(day)
}

fn english_day(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

fn english_due(due: plenary_core::PartialDate) -> String {
    match due.precision() {
        Precision::Day => english_day(due.latest()),
        _ => format!("the end of {}", crate::format_date_phrase(&due.into())),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use icalendar::parser::{read_calendar, unfold};

    use super::*;
    use crate::{Deadline, EventKind};

    fn stamp() -> DateTime<Utc> {
        "2012-11-01T12:00:00Z".parse().unwrap()
    }

    fn event(id: &str, title: &str, when: Option<&str>) -> Event {
        let mut e = Event::new(id.parse().unwrap(), title, EventKind::Conference).unwrap();
        e.when = when.map(|w| w.parse().unwrap());
        e
    }

    /// Each component of the written calendar as (name, property → unescaped values).
    fn read_back(text: &str) -> Vec<(String, BTreeMap<String, Vec<String>>)> {
        for line in text.split_inclusive("\r\n") {
            assert!(line.ends_with("\r\n"), "a line without CRLF: {line:?}");
            let body = &line[..line.len() - 2];
            assert!(!body.contains(['\r', '\n']), "a bare CR or LF: {line:?}");
            assert!(
                body.len() <= 75,
                "a line of {} octets: {line:?}",
                body.len()
            );
        }
        let unfolded = unfold(text);
        let calendar = read_calendar(&unfolded).unwrap();
        calendar
            .components
            .iter()
            .map(|c| {
                let mut props: BTreeMap<String, Vec<String>> = BTreeMap::new();
                for p in &c.properties {
                    props
                        .entry(p.name.as_str().to_owned())
                        .or_default()
                        .push(p.val.clone().unescape_text().as_str().to_owned());
                }
                (c.name.as_str().to_owned(), props)
            })
            .collect()
    }

    fn one(props: &BTreeMap<String, Vec<String>>, key: &str) -> String {
        match props.get(key).map(Vec::as_slice) {
            Some([value]) => value.clone(),
            other => panic!("{key}: expected one value, got {other:?}"),
        }
    }

    #[test]
    fn a_conference_reads_back_with_every_property() {
        let mut wcit = event(
            "wcit-12",
            "World Conference on International Telecommunications",
            Some("2012-12-03/2012-12-14"),
        );
        wcit.place = Some(serde_json::from_str(
            r#"{"venue": "Dubai World Trade Center", "city": "Dubai", "country": "AE", "geo": {"latitude": 25.2252, "longitude": 55.2867}}"#,
        ).unwrap());
        wcit.links = vec!["https://www.itu.int/en/wcit-12/".parse().unwrap()];
        wcit.series = Some("WCIT-12".parse().unwrap());
        wcit.tags = vec!["itrs".parse().unwrap()];
        wcit.organisers = vec!["itu".parse().unwrap()];
        wcit.deadlines.push(Deadline::new(
            "2012-11-03".parse().unwrap(),
            "contributions",
        ));
        let export = to_ics([&wcit], stamp());
        let parts = read_back(&export.text);
        assert_eq!(parts.len(), 2, "{}", export.text);
        let (name, props) = &parts[0];
        assert_eq!(name, "VEVENT");
        for (key, value) in [
            ("UID", "wcit-12@plenary"),
            ("DTSTAMP", "20121101T120000Z"),
            (
                "SUMMARY",
                "World Conference on International Telecommunications",
            ),
            ("DTSTART", "20121203"),
            ("DTEND", "20121215"),
            ("STATUS", "CONFIRMED"),
            (
                "LOCATION",
                "Dubai World Trade Center, Dubai, The United Arab Emirates",
            ),
            ("GEO", "25.2252;55.2867"),
            ("URL", "https://www.itu.int/en/wcit-12/"),
            (
                "DESCRIPTION",
                "Organised by: itu.\nDeadline: contributions due by 3 November 2012.",
            ),
        ] {
            assert_eq!(one(props, key), value, "{key}");
        }
        assert_eq!(props["CATEGORIES"], ["conference,WCIT-12,itrs"]);

        let (name, due) = &parts[1];
        assert_eq!(name, "VEVENT");
        assert_eq!(one(due, "UID"), "wcit-12/deadline/0@plenary");
        assert_eq!(one(due, "DTSTART"), "20121103");
        assert_eq!(one(due, "DTEND"), "20121104");
        assert_eq!(one(due, "RELATED-TO"), "wcit-12@plenary");
        assert_eq!(one(due, "TRANSP"), "TRANSPARENT");
        assert_eq!(
            one(due, "SUMMARY"),
            "Deadline: contributions (World Conference on International Telecommunications)"
        );
    }

    #[test]
    fn the_export_is_deterministic() {
        let wcit = event("wcit-12", "WCIT-12", Some("2012-12-03/2012-12-14"));
        assert_eq!(to_ics([&wcit], stamp()), to_ics([&wcit], stamp()));
    }

    #[test]
    fn an_unknown_end_is_one_tentative_day_that_says_so() {
        let rcc = event("rcc", "RCC meeting", Some("2012-09-14/"));
        let parts = read_back(&to_ics([&rcc], stamp()).text);
        let props = &parts[0].1;
        assert_eq!(one(props, "DTSTART"), "20120914");
        assert_eq!(one(props, "DTEND"), "20120915");
        assert_eq!(one(props, "STATUS"), "TENTATIVE");
        assert_eq!(
            one(props, "DESCRIPTION"),
            "The end date is not known yet; it starts on 14 September 2012."
        );
    }

    #[test]
    fn months_cover_their_days_and_cancelled_stays_cancelled() {
        let mut december = event("d", "December", Some("2012-12"));
        december.status = EventStatus::Cancelled;
        let props = &read_back(&to_ics([&december], stamp()).text)[0].1;
        assert_eq!(one(props, "DTSTART"), "20121201");
        assert_eq!(one(props, "DTEND"), "20130101");
        assert_eq!(one(props, "STATUS"), "CANCELLED");
        assert_eq!(
            one(props, "DESCRIPTION"),
            "The dates are known only as December 2012."
        );
    }

    #[test]
    fn times_become_utc_date_times() {
        let mut plenary = event("p", "Plenary", Some("2012-11-29"));
        plenary.times = Some(
            serde_json::from_str(
                r#"{"start": "09:30:00", "end": "12:30:00", "time_zone": "Asia/Dubai"}"#,
            )
            .unwrap(),
        );
        let props = &read_back(&to_ics([&plenary], stamp()).text)[0].1;
        assert_eq!(one(props, "DTSTART"), "20121129T053000Z");
        assert_eq!(one(props, "DTEND"), "20121129T083000Z");
    }

    #[test]
    fn undated_events_are_reported_not_dropped() {
        let arab = event("arab", "Arab Regional Meeting", None);
        let export = to_ics([&arab], stamp());
        assert_eq!(export.undated, vec![arab.id.clone()]);
        assert!(read_back(&export.text).is_empty());
    }

    #[test]
    fn text_cannot_inject_a_property() {
        let mut evil = event(
            "evil",
            "Title\r\nDTSTART:19700101\r\nX-EVIL:1\rEND:VEVENT\nBEGIN:VEVENT",
            Some("2012-12-03"),
        );
        evil.description = Some("a;b,c\\d\r\nURL:javascript:alert(1)\u{0}".into());
        evil.deadlines
            .push(Deadline::new("2012-11-03".parse().unwrap(), "x\r\nUID:y"));
        let export = to_ics([&evil], stamp());
        let parts = read_back(&export.text);
        assert_eq!(parts.len(), 2, "{}", export.text);
        let props = &parts[0].1;
        assert_eq!(
            one(props, "SUMMARY"),
            "Title\nDTSTART:19700101\nX-EVIL:1\nEND:VEVENT\nBEGIN:VEVENT"
        );
        assert_eq!(one(props, "DTSTART"), "20121203");
        assert!(!props.contains_key("X-EVIL") && !props.contains_key("URL"));
        assert!(one(props, "DESCRIPTION").starts_with("a;b,c\\d\nURL:javascript:alert(1) \n"));
        assert_eq!(one(&parts[1].1, "UID"), "evil/deadline/0@plenary");
    }

    #[test]
    fn long_and_multibyte_lines_fold_within_75_octets() {
        let title = "Конференция ".repeat(20) + &"é".repeat(100);
        let long = event("long", &title, Some("2012-12-03"));
        let props = &read_back(&to_ics([&long], stamp()).text)[0].1;
        assert_eq!(one(props, "SUMMARY"), title);
        // "SUMMARY:" and 142 letters: a first line of 75 octets and a rest of 75, which must
        // fold again rather than make a continuation line of 76.
        let exact = event("exact", &"a".repeat(142), Some("2012-12-03"));
        let props = &read_back(&to_ics([&exact], stamp()).text)[0].1;
        assert_eq!(one(props, "SUMMARY"), "a".repeat(142));
    }
}
