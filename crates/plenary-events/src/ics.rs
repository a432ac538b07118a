//! iCalendar (RFC 5545) export: a feed people subscribe to, written and folded in one pass.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;
use plenary_core::{ActorId, EventId, Link, Precision, SpanEnd};

use crate::ics_writer::{ContentLines, date, local_date_time, utc_date_time};
use crate::vtimezone::{write_vtimezone, years_of};
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

/// What a feed says about itself (RFC 7986), and the names of the organisers it credits.
///
/// ```
/// use plenary_events::IcsFeed;
///
/// let mut feed = IcsFeed::new("WCIT-12 events");
/// feed.organisers.insert("itu".parse()?, "International Telecommunication Union".into());
/// assert_eq!(feed.refresh_days, 1);
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IcsFeed {
    /// `NAME` and `X-WR-CALNAME`: what calendar applications call the feed.
    pub name: String,
    /// `DESCRIPTION` and `X-WR-CALDESC`.
    pub description: Option<String>,
    /// `URL`: where the feed's events are described.
    pub url: Option<Link>,
    /// `REFRESH-INTERVAL` and `X-PUBLISHED-TTL`: how many days a subscriber may wait before
    /// fetching the feed again (at least 1).
    pub refresh_days: u32,
    /// Organisers' names by id: an event's description credits its organisers by name, and
    /// an organiser whose name is not here is left out rather than shown as an id.
    pub organisers: BTreeMap<ActorId, String>,
    /// Whether the feed holds the events, their deadlines, or both.
    pub contents: FeedContents,
}

/// What a feed holds of each event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum FeedContents {
    /// Each event and each of its deadlines.
    #[default]
    EventsAndDeadlines,
    /// The events alone.
    Events,
    /// The deadlines alone: a feed of what is due.
    Deadlines,
}

impl IcsFeed {
    /// A feed called `name`, refreshed daily, crediting no organisers.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: None,
            url: None,
            refresh_days: 1,
            organisers: BTreeMap::new(),
            contents: FeedContents::default(),
        }
    }
}

impl Default for IcsFeed {
    fn default() -> Self {
        Self::new("Events")
    }
}

/// Writes `events` as one iCalendar `VCALENDAR`, named as [`IcsFeed::default`]; see
/// [`to_ics_feed`].
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
    to_ics_feed(events, stamp, &IcsFeed::default())
}

/// Writes `events` as one iCalendar `VCALENDAR` that behaves as a feed.
///
/// The calendar names itself (RFC 7986 `NAME`, `DESCRIPTION`, `URL`, `REFRESH-INTERVAL`, and
/// `X-WR-CALNAME`, `X-WR-CALDESC`, `X-PUBLISHED-TTL` for older clients). Each dated event is one
/// `VEVENT`:
///
/// - `UID` is `<event id>@plenary`, so a later export updates rather than duplicates, and a
///   cancelled, postponed or rescheduled event keeps its `UID`; `SEQUENCE` and `LAST-MODIFIED`
///   come from its [`revision`](Event::revision); `DTSTAMP` is `stamp` (given, not the clock,
///   so that one dataset always gives one file; clamped into the years 0000 to 9999);
/// - `DTSTART`/`DTEND` are all-day dates with the exclusive end RFC 5545 asks for (`3-14
///   December` ends on `20121215`); a month or a year covers its days and the description says
///   how precisely it is known. When the exclusive end would fall after 9999-12-31, which
///   iCalendar cannot write, `DURATION` gives the length instead;
/// - an event with daily [`times`](Event::times) and an end time is timed in its own zone
///   (`DTSTART;TZID=Asia/Dubai:20121203T090000`, with a `VTIMEZONE` built from chrono-tz);
///   over several days it is the first day's hours repeated by `RRULE:FREQ=DAILY;COUNT=n`;
/// - an event whose end is not known yet ("September 14-?") or that has no end is exported as
///   its first day only, `STATUS:TENTATIVE`, and its description says so;
/// - `STATUS` is `CONFIRMED`, `TENTATIVE` or `CANCELLED` (postponed is tentative, rescheduled
///   is confirmed on its new days, and the description says which and gives the old days);
///   `LOCATION` is the place (or "Online"); `GEO` its coordinates; `URL` its main link;
///   `CATEGORIES` its kind, series and tags; `RELATED-TO` its parent's `UID`; the description
///   credits the organisers by the names in `feed`.
///
/// Each deadline is an all-day `VEVENT` on its last day (`UID` `<event id>#deadline-<n>@plenary`:
/// `#` never occurs in an id, so it cannot be another event's `UID`; `CATEGORIES:deadline`,
/// `TRANSP:TRANSPARENT`, `RELATED-TO` its event). A `VEVENT` rather than a `VTODO`: the calendar
/// applications people subscribe with show events, and many ignore to-dos entirely, which would
/// hide exactly the dates a campaign needs seen.
///
/// Text from the data is escaped as TEXT values; line breaks become `\n` inside the value and
/// other control characters U+FFFD, so no title or description can end its property line and
/// start one of its own. Every line is folded once, as it is written, so the time is linear in
/// the size of the data.
pub fn to_ics_feed<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    stamp: DateTime<Utc>,
    feed: &IcsFeed,
) -> IcsExport {
    let events: Vec<&Event> = events.into_iter().collect();
    let mut lines = ContentLines::new();
    lines.begin("VCALENDAR");
    lines.property("VERSION", &[], "2.0");
    lines.property("PRODID", &[], "-//plenary//plenary-events//EN");
    lines.property("CALSCALE", &[], "GREGORIAN");
    lines.property("METHOD", &[], "PUBLISH");
    lines.text("NAME", &feed.name);
    lines.text("X-WR-CALNAME", &feed.name);
    if let Some(description) = &feed.description {
        lines.text("DESCRIPTION", description);
        lines.text("X-WR-CALDESC", description);
    }
    if let Some(url) = &feed.url {
        lines.property("URL", &[], url.as_str());
    }
    let refresh = format!("P{}D", feed.refresh_days.max(1));
    lines.property("REFRESH-INTERVAL", &[("VALUE", "DURATION")], &refresh);
    lines.property("X-PUBLISHED-TTL", &[], &refresh);

    // Each zone of a timed event once, before the events, for the years its events use.
    let mut zones: BTreeMap<&'static str, (Tz, BTreeSet<i32>)> = BTreeMap::new();
    for event in events
        .iter()
        .filter(|_| feed.contents != FeedContents::Deadlines)
    {
        if let Some(timed) = timed(event) {
            let entry = zones
                .entry(timed.tz.name())
                .or_insert_with(|| (timed.tz, BTreeSet::new()));
            entry.1.extend(years_of([timed.first, timed.last]));
        }
    }
    for (tz, years) in zones.values() {
        write_vtimezone(&mut lines, *tz, years);
    }

    let stamp = utc_date_time(stamp);
    let mut undated = Vec::new();
    for event in events {
        if feed.contents != FeedContents::Deadlines
            && !write_vevent(&mut lines, event, &stamp, feed)
        {
            undated.push(event.id.clone());
        }
        if feed.contents == FeedContents::Events {
            continue;
        }
        for (n, deadline) in event.deadlines.iter().enumerate() {
            let day = deadline.due.latest();
            lines.begin("VEVENT");
            lines.text("UID", &format!("{}#deadline-{n}@plenary", event.id));
            lines.property("DTSTAMP", &[], &stamp);
            lines.text(
                "SUMMARY",
                &format!("Deadline: {} ({})", deadline.what, event.one_line_title()),
            );
            all_day(&mut lines, day, day);
            lines.property("TRANSP", &[], "TRANSPARENT");
            lines.text("RELATED-TO", &format!("{}@plenary", event.id));
            lines.text_list("CATEGORIES", ["deadline"]);
            if let Some(link) = event.main_link() {
                lines.property("URL", &[], link.as_str());
            }
            let mut description = format!(
                "{} due by {} for {}.",
                deadline.what,
                english_due(deadline.due),
                event.one_line_title()
            );
            if let Some(note) = &deadline.note {
                description.push('\n');
                description.push_str(note);
            }
            lines.text("DESCRIPTION", &description);
            lines.end("VEVENT");
        }
    }
    lines.end("VCALENDAR");
    IcsExport {
        text: lines.finish(),
        undated,
    }
}

/// The daily hours of an event whose days and end time are known.
struct Timed {
    tz: Tz,
    first: NaiveDate,
    last: NaiveDate,
    start: chrono::NaiveTime,
    end: chrono::NaiveTime,
}

fn timed(event: &Event) -> Option<Timed> {
    let when = event.when?;
    let times = event.times?;
    let SpanEnd::Known(_) = when.end() else {
        return None;
    };
    Some(Timed {
        tz: times.time_zone.tz(),
        first: when.earliest(),
        last: when.latest()?,
        start: times.start,
        end: times.end?,
    })
}

/// `DTSTART` and `DTEND` (or `DURATION`) of whole days from `first` to `last`.
fn all_day(lines: &mut ContentLines, first: NaiveDate, last: NaiveDate) {
    let start = date(first).unwrap_or_default();
    lines.property("DTSTART", &[("VALUE", "DATE")], &start);
    match last.checked_add_days(Days::new(1)).and_then(date) {
        Some(end) => lines.property("DTEND", &[("VALUE", "DATE")], &end),
        None => {
            let days = (last - first).num_days() + 1;
            lines.property("DURATION", &[], &format!("P{days}D"));
        }
    }
}

/// Writes the `VEVENT` of one event; `false` when its dates are not known.
fn write_vevent(lines: &mut ContentLines, event: &Event, stamp: &str, feed: &IcsFeed) -> bool {
    let Some(when) = event.when else {
        return false;
    };
    let mut notes: Vec<String> = Vec::new();
    lines.begin("VEVENT");
    lines.text("UID", &format!("{}@plenary", event.id));
    lines.property("DTSTAMP", &[], stamp);
    if let Some(revision) = event.revision {
        lines.property("SEQUENCE", &[], &revision.sequence.to_string());
        lines.property("LAST-MODIFIED", &[], &utc_date_time(revision.modified));
    }
    lines.text("SUMMARY", event.title.as_str());

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
    let written_timed = timed(event).and_then(|t| {
        let start = local_date_time(t.first.and_time(t.start))?;
        let end_day = if t.end > t.start {
            t.first
        } else {
            t.first.checked_add_days(Days::new(1))?
        };
        let end = local_date_time(end_day.and_time(t.end))?;
        Some((t, start, end))
    });
    match written_timed {
        Some((t, start, end)) => {
            let zone = [("TZID", t.tz.name())];
            lines.property("DTSTART", &zone, &start);
            lines.property("DTEND", &zone, &end);
            let days = (t.last - t.first).num_days() + 1;
            if days > 1 {
                lines.property("RRULE", &[], &format!("FREQ=DAILY;COUNT={days}"));
            }
        }
        None => {
            if let Some(times) = event.times {
                notes.push(format!(
                    "It starts at {} ({}).",
                    times.start.format("%H:%M"),
                    times.time_zone
                ));
            }
            all_day(lines, first, last);
        }
    }

    let status = match event.status {
        EventStatus::Cancelled => "CANCELLED",
        EventStatus::Tentative | EventStatus::Postponed => "TENTATIVE",
        _ if !end_known => "TENTATIVE",
        _ => "CONFIRMED",
    };
    match (event.status, event.previous_when) {
        (EventStatus::Postponed, Some(before)) => notes.push(format!(
            "It has been postponed; it was to take place {}.",
            crate::format_date_phrase(&before)
        )),
        (EventStatus::Postponed, None) => notes.push("It has been postponed.".to_owned()),
        (EventStatus::Rescheduled, Some(before)) => notes.push(format!(
            "It has been rescheduled; it was to take place {}.",
            crate::format_date_phrase(&before)
        )),
        (EventStatus::Rescheduled, None) => notes.push("It has been rescheduled.".to_owned()),
        (EventStatus::Cancelled, _) => notes.push("It has been cancelled.".to_owned()),
        _ => {}
    }
    lines.property("STATUS", &[], status);

    let location = match (&event.place, event.online) {
        (Some(place), true) if !place.is_empty() => Some(format!("{place} and online")),
        (Some(place), false) if !place.is_empty() => Some(place.to_string()),
        (_, true) => Some("Online".to_owned()),
        _ => None,
    };
    if let Some(location) = location {
        lines.text("LOCATION", &location);
    }
    if let Some(geo) = event.place.as_ref().and_then(|p| p.geo) {
        lines.property(
            "GEO",
            &[],
            &format!("{};{}", geo.latitude(), geo.longitude()),
        );
    }
    if let Some(link) = event.main_link() {
        lines.property("URL", &[], link.as_str());
    }
    if let Some(parent) = &event.parent {
        lines.text("RELATED-TO", &format!("{parent}@plenary"));
    }
    let mut categories = vec![event.kind.label()];
    categories.extend(event.series.iter().map(|s| s.as_str()));
    categories.extend(event.tags.iter().map(|t| t.as_str()));
    lines.text_list("CATEGORIES", categories);

    let names: Vec<&str> = event
        .organisers
        .iter()
        .filter_map(|o| feed.organisers.get(o).map(String::as_str))
        .collect();
    if !names.is_empty() {
        notes.push(format!("Organised by: {}.", names.join(", ")));
    }
    for deadline in &event.deadlines {
        notes.push(format!(
            "Deadline: {} due by {}.",
            deadline.what,
            english_due(deadline.due)
        ));
    }
    let mut description = event.description.clone().unwrap_or_default();
    for note in notes {
        if !description.is_empty() {
            description.push('\n');
        }
        description.push_str(&note);
    }
    if !description.is_empty() {
        lines.text("DESCRIPTION", &description);
    }
    lines.end("VEVENT");
    true
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
    use std::collections::{BTreeMap, BTreeSet};

    use icalendar::parser::{read_calendar, unfold};

    use super::*;
    use crate::{Deadline, EventKind};

    fn stamp() -> DateTime<Utc> {
        "2012-11-01T12:00:00Z".parse().unwrap()
    }

    /// An event made in code.
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
        let mut feed = IcsFeed::new("WCIT-12");
        feed.organisers.insert(
            "itu".parse().unwrap(),
            "International Telecommunication Union".into(),
        );
        let export = to_ics_feed([&wcit], stamp(), &feed);
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
                "Organised by: International Telecommunication Union.\nDeadline: contributions due by 3 November 2012.",
            ),
        ] {
            assert_eq!(one(props, key), value, "{key}");
        }
        assert_eq!(props["CATEGORIES"], ["conference,WCIT-12,itrs"]);

        let (name, due) = &parts[1];
        assert_eq!(name, "VEVENT");
        assert_eq!(one(due, "UID"), "wcit-12#deadline-0@plenary");
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
            "The dates are known only as December 2012.\nIt has been cancelled."
        );
    }

    #[test]
    fn timed_events_keep_their_zone_and_repeat_daily() {
        let mut plenary = event("p", "Plenary", Some("2012-12-03/2012-12-14"));
        plenary.times = Some(
            serde_json::from_str(
                r#"{"start": "09:30:00", "end": "12:30:00", "time_zone": "Asia/Dubai"}"#,
            )
            .unwrap(),
        );
        let text = to_ics([&plenary], stamp()).text;
        for line in [
            "BEGIN:VTIMEZONE\r\nTZID:Asia/Dubai\r\n",
            "DTSTART;TZID=Asia/Dubai:20121203T093000\r\n",
            "DTEND;TZID=Asia/Dubai:20121203T123000\r\n",
            "RRULE:FREQ=DAILY;COUNT=12\r\n",
        ] {
            assert!(text.contains(line), "{line:?} in {text}");
        }
        let parts = read_back(&text);
        assert_eq!(parts[0].0, "VTIMEZONE");
        assert_eq!(one(&parts[1].1, "DTSTART"), "20121203T093000");
    }

    #[test]
    fn revisions_and_rescheduling_keep_the_uid() {
        let mut moved = event("wtpf-13", "WTPF-13", Some("2013-05-14/2013-05-16"));
        moved.status = EventStatus::Rescheduled;
        moved.previous_when = Some("2013-03-05/2013-03-07".parse().unwrap());
        moved.revision = Some(crate::Revision {
            sequence: 2,
            modified: "2013-01-10T08:00:00Z".parse().unwrap(),
        });
        let props = &read_back(&to_ics([&moved], stamp()).text)[0].1;
        assert_eq!(one(props, "UID"), "wtpf-13@plenary");
        assert_eq!(one(props, "SEQUENCE"), "2");
        assert_eq!(one(props, "LAST-MODIFIED"), "20130110T080000Z");
        assert_eq!(one(props, "STATUS"), "CONFIRMED");
        assert_eq!(one(props, "DTSTART"), "20130514");
        assert_eq!(
            one(props, "DESCRIPTION"),
            "It has been rescheduled; it was to take place 5–7 March 2013."
        );
    }

    #[test]
    fn the_feed_names_itself() {
        let mut feed = IcsFeed::new("WCIT-12, events");
        feed.description = Some("Meetings of the WCIT-12 process".into());
        feed.url = Some("https://www.itu.int/en/wcit-12/".parse().unwrap());
        let text = to_ics_feed([], stamp(), &feed).text;
        for line in [
            "NAME:WCIT-12\\, events\r\n",
            "X-WR-CALNAME:WCIT-12\\, events\r\n",
            "DESCRIPTION:Meetings of the WCIT-12 process\r\n",
            "URL:https://www.itu.int/en/wcit-12/\r\n",
            "REFRESH-INTERVAL;VALUE=DURATION:P1D\r\n",
            "X-PUBLISHED-TTL:P1D\r\n",
        ] {
            assert!(text.contains(line), "{line:?} in {text}");
        }
    }

    #[test]
    fn deadline_uids_cannot_be_event_uids() {
        let wtsa = event("wtsa-12", "WTSA-12", Some("2012-11-20/2012-11-29"));
        let mut wtsa = wtsa;
        wtsa.deadlines.push(Deadline::new(
            "2012-10-01".parse().unwrap(),
            "contributions",
        ));
        let twin = event("wtsa-12/deadline/0", "Twin", Some("2012-10-01"));
        let parts = read_back(&to_ics([&wtsa, &twin], stamp()).text);
        let uids: BTreeSet<String> = parts.iter().map(|(_, p)| one(p, "UID")).collect();
        assert_eq!(uids.len(), 3, "{uids:?}");
    }

    #[test]
    fn the_last_day_of_9999_ends_by_duration() {
        let last = event("last", "Last", Some("9999-12-30/9999-12-31"));
        let text = to_ics([&last], "-0001-01-01T00:00:00Z".parse().unwrap()).text;
        assert!(
            text.contains("DTSTART;VALUE=DATE:99991230\r\nDURATION:P2D\r\n"),
            "{text}"
        );
        assert!(text.contains("DTSTAMP:00000101T000000Z\r\n"), "{text}");
        assert!(!text.contains("+1000"), "{text}");
    }

    #[test]
    fn a_four_megabyte_description_is_written_in_linear_time() {
        // Quadratic folding took seconds here; linear folding takes milliseconds. The check is
        // the output, the time is the bench's.
        let mut huge = event("huge", "Huge", Some("2012-12-03"));
        huge.description = Some("x".repeat(4 << 20));
        let text = to_ics([&huge], stamp()).text;
        assert!(text.split("\r\n").all(|line| line.len() <= 75));
        let description = "DESCRIPTION:".len() + (4 << 20);
        assert_eq!(
            text.matches("\r\n ").count(),
            (description - 75).div_ceil(74)
        );
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
        // A title cannot hold a line break (it is a `Name`); what a deadline is for, set in
        // code, can, and it lands in the SUMMARY of the deadline's VEVENT.
        let mut evil = event("evil", "Title", Some("2012-12-03"));
        evil.description = Some("a;b,c\\d\r\nURL:javascript:alert(1)\u{0}".into());
        evil.deadlines.push(Deadline::new(
            "2012-11-03".parse().unwrap(),
            "x\r\nDTSTART:19700101\r\nX-EVIL:1\rEND:VEVENT\nBEGIN:VEVENT",
        ));
        let export = to_ics([&evil], stamp());
        let parts = read_back(&export.text);
        assert_eq!(parts.len(), 2, "{}", export.text);
        let props = &parts[0].1;
        assert_eq!(one(props, "SUMMARY"), "Title");
        assert_eq!(
            one(&parts[1].1, "SUMMARY"),
            "Deadline: x\nDTSTART:19700101\nX-EVIL:1\nEND:VEVENT\nBEGIN:VEVENT (Title)"
        );
        assert!(!parts[1].1.contains_key("X-EVIL"));
        assert_eq!(one(props, "DTSTART"), "20121203");
        assert!(!props.contains_key("X-EVIL") && !props.contains_key("URL"));
        assert!(
            one(props, "DESCRIPTION").starts_with("a;b,c\\d\nURL:javascript:alert(1)\u{FFFD}\n")
        );
        assert_eq!(one(&parts[1].1, "UID"), "evil#deadline-0@plenary");
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
