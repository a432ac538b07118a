//! An event of a policy process: a conference, a preparatory meeting, a plenary session.

use std::fmt;

use chrono::{DateTime, NaiveTime, Utc};
use plenary_core::{ActorId, DateSpan, EventId, Link, Name, Place, Precision, Tag, TimeZone};
use serde::{Deserialize, Deserializer, Serialize};

use crate::{AgendaItem, Deadline, Error};

/// What sort of gathering an event is.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// A treaty-making or standard-setting conference, such as WCIT-12.
    Conference,
    /// A sector assembly, such as the ITU-T World Telecommunication Standardization Assembly.
    Assembly,
    /// A meeting that prepares positions for a conference, such as a regional preparatory meeting.
    PreparatoryMeeting,
    /// A forum for discussion without binding outcomes, such as the WTPF.
    Forum,
    /// A summit, such as the World Summit on the Information Society.
    Summit,
    /// One plenary session of a larger event.
    PlenarySession,
    /// A committee meeting, such as COM 5.
    Committee,
    /// A working group meeting.
    WorkingGroup,
    /// A workshop or side event.
    Workshop,
    /// A hearing before a legislature.
    Hearing,
    /// A web seminar.
    Webinar,
    /// Any other gathering.
    Other,
}

impl EventKind {
    /// Every kind, in declaration order.
    pub const ALL: [EventKind; 12] = [
        EventKind::Conference,
        EventKind::Assembly,
        EventKind::PreparatoryMeeting,
        EventKind::Forum,
        EventKind::Summit,
        EventKind::PlenarySession,
        EventKind::Committee,
        EventKind::WorkingGroup,
        EventKind::Workshop,
        EventKind::Hearing,
        EventKind::Webinar,
        EventKind::Other,
    ];

    /// A short English label: `"preparatory meeting"`.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Conference => "conference",
            EventKind::Assembly => "assembly",
            EventKind::PreparatoryMeeting => "preparatory meeting",
            EventKind::Forum => "forum",
            EventKind::Summit => "summit",
            EventKind::PlenarySession => "plenary session",
            EventKind::Committee => "committee",
            EventKind::WorkingGroup => "working group",
            EventKind::Workshop => "workshop",
            EventKind::Hearing => "hearing",
            EventKind::Webinar => "webinar",
            EventKind::Other => "event",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Where an event stands.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventStatus {
    /// Announced and expected to happen as announced.
    #[default]
    Scheduled,
    /// Announced, but its dates or place are not settled.
    Tentative,
    /// Moved to a later date not yet known.
    Postponed,
    /// Called off.
    Cancelled,
    /// It has taken place.
    Concluded,
    /// Moved to new dates, which [`Event::when`] gives; [`Event::previous_when`] keeps the old.
    Rescheduled,
}

impl EventStatus {
    /// A short English label: `"scheduled"`.
    pub fn label(self) -> &'static str {
        match self {
            EventStatus::Scheduled => "scheduled",
            EventStatus::Tentative => "tentative",
            EventStatus::Postponed => "postponed",
            EventStatus::Cancelled => "cancelled",
            EventStatus::Concluded => "concluded",
            EventStatus::Rescheduled => "rescheduled",
        }
    }
}

impl fmt::Display for EventStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The daily hours of an event, local time, in an IANA time zone: each day of the event runs
/// from `start` to `end`.
///
/// In JSON: `{"start": "09:30:00", "end": "17:00:00", "time_zone": "Asia/Dubai"}`; a time is
/// `HH:MM` or `HH:MM:SS`, 00:00 to 23:59:59.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventTimes {
    /// When each day starts, local time.
    #[serde(deserialize_with = "time_of_day")]
    pub start: NaiveTime,
    /// When each day ends, local time, when known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "optional_time_of_day"
    )]
    pub end: Option<NaiveTime>,
    /// The zone the times are given in.
    pub time_zone: TimeZone,
}

/// Reads a time of day, saying what is wrong with one that is not.
fn parse_time_of_day(text: &str) -> Result<NaiveTime, String> {
    let parts: Vec<&str> = text.split(':').collect();
    let numbers: Option<Vec<u32>> = match parts.as_slice() {
        [_, _] | [_, _, _] => parts
            .iter()
            .map(|p| {
                (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| p.parse().ok())
                    .flatten()
            })
            .collect(),
        _ => None,
    };
    let Some(numbers) = numbers else {
        return Err(format!(
            "invalid time {text:?}: expected a time of day as HH:MM or HH:MM:SS, such as \"09:30\""
        ));
    };
    let (h, m, sec) = (numbers[0], numbers[1], numbers.get(2).copied().unwrap_or(0));
    NaiveTime::from_hms_opt(h, m, sec).ok_or_else(|| {
        format!(
            "invalid time {text:?}: {} does not exist; expected hours 00 to 23, minutes and \
             seconds 00 to 59",
            if h > 23 {
                format!("hour {h}")
            } else if m > 59 {
                format!("minute {m}")
            } else {
                format!("second {sec}")
            }
        )
    })
}

fn time_of_day<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveTime, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse_time_of_day(&text).map_err(serde::de::Error::custom)
}

fn optional_time_of_day<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveTime>, D::Error> {
    Option::<String>::deserialize(deserializer)?
        .map(|text| parse_time_of_day(&text).map_err(serde::de::Error::custom))
        .transpose()
}

/// Which announcement of an event this is, so that calendars replace an older one: iCalendar
/// `SEQUENCE` and `LAST-MODIFIED`.
///
/// In JSON: `{"sequence": 2, "modified": "2012-11-20T10:00:00Z"}`.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// 0 for the first announcement, one more for each change of dates, times, place or status.
    pub sequence: u32,
    /// When the latest change was made.
    pub modified: DateTime<Utc>,
}

/// One event of a policy process.
///
/// Fields are public, as for any plain data; the rules that span fields are checked by
/// [`Event::validate`], which [`Event::new`] and deserialisation both run, so JSON cannot build
/// what code would refuse. The title, and the title of each agenda item, is a [`Name`]: one
/// line, trimmed, never blank, at most [`plenary_core::MAX_NAME_CHARS`] characters, checked when
/// it is made. The rules: times need a `when` known to the day with a known end, and an end time
/// on a single day comes after the start; an event is not its own parent; every deadline has
/// text; the other one-line fields (what a deadline is for, an agenda item's number) hold no
/// control character and at most 500 characters, and the multi-line ones (the description, a
/// deadline's note) no control character but line breaks and tabs, so that no field printed to a
/// terminal can move its cursor or forge a line.
///
/// ```
/// use plenary_events::{Event, EventKind, EventStatus};
///
/// let mut rcc = Event::new("rcc-2012".parse()?, "RCC regional preparatory meeting", EventKind::PreparatoryMeeting)?;
/// rcc.when = Some(plenary_events::parse_date_phrase("September 14-?", Some(2012))?);
/// assert_eq!(rcc.status, EventStatus::Scheduled);
/// let json = serde_json::to_string(&rcc)?;
/// assert_eq!(
///     json,
///     r#"{"id":"rcc-2012","title":"RCC regional preparatory meeting","kind":"preparatory_meeting","when":"2012-09-14/","status":"scheduled"}"#
/// );
/// assert_eq!(serde_json::from_str::<Event>(&json)?, rcc);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawEvent")]
#[non_exhaustive]
pub struct Event {
    /// The event's id, such as `"wcit-12"`.
    pub id: EventId,
    /// The title as the organisers give it, on one line.
    pub title: Name,
    /// What sort of gathering it is.
    pub kind: EventKind,
    /// The series it belongs to, such as `"WCIT-12"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Name>,
    /// Who organises it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisers: Vec<ActorId>,
    /// The days it takes place on; `None` while nobody has announced them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<DateSpan>,
    /// The days it was to take place on before it was rescheduled or postponed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_when: Option<DateSpan>,
    /// Its daily times, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<EventTimes>,
    /// Where it takes place, when it has a physical place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// Whether it can be joined online (with a place too, it is hybrid).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub online: bool,
    /// Where it stands.
    #[serde(default)]
    pub status: EventStatus,
    /// Which announcement of it this is, when it has changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<Revision>,
    /// The event it is part of, such as the conference of a plenary session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<EventId>,
    /// Its agenda, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
    /// What is due before it, such as contributions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<Deadline>,
    /// Its pages; the first is its main page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// A description in plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Topics it is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
}

/// The JSON form before the rules of [`Event::validate`] are checked.
#[derive(Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "Event"))]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: EventId,
    title: String,
    kind: EventKind,
    #[serde(default)]
    series: Option<Name>,
    #[serde(default)]
    organisers: Vec<ActorId>,
    #[serde(default)]
    when: Option<DateSpan>,
    #[serde(default)]
    previous_when: Option<DateSpan>,
    #[serde(default)]
    times: Option<EventTimes>,
    #[serde(default)]
    place: Option<Place>,
    #[serde(default)]
    online: bool,
    #[serde(default)]
    status: EventStatus,
    #[serde(default)]
    revision: Option<Revision>,
    #[serde(default)]
    parent: Option<EventId>,
    #[serde(default)]
    agenda: Vec<AgendaItem>,
    #[serde(default)]
    deadlines: Vec<Deadline>,
    #[serde(default)]
    links: Vec<Link>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    tags: Vec<Tag>,
}

impl TryFrom<RawEvent> for Event {
    type Error = Error;

    fn try_from(raw: RawEvent) -> Result<Self, Error> {
        let title = event_title(&raw.id, raw.title)?;
        let event = Event {
            id: raw.id,
            title,
            kind: raw.kind,
            series: raw.series,
            organisers: raw.organisers,
            when: raw.when,
            previous_when: raw.previous_when,
            times: raw.times,
            place: raw.place,
            online: raw.online,
            status: raw.status,
            revision: raw.revision,
            parent: raw.parent,
            agenda: raw.agenda,
            deadlines: raw.deadlines,
            links: raw.links,
            description: raw.description,
            tags: raw.tags,
        };
        event.validate()?;
        Ok(event)
    }
}

impl Event {
    /// An event with an id, a title and a kind, scheduled, its dates not known yet.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidEvent`] when the title cannot be a [`Name`]: it is blank, holds a line
    /// break or another control character, or is longer than
    /// [`plenary_core::MAX_NAME_CHARS`] characters.
    pub fn new(id: EventId, title: impl Into<String>, kind: EventKind) -> Result<Self, Error> {
        let title = event_title(&id, title.into())?;
        let event = Self {
            id,
            title,
            kind,
            series: None,
            organisers: Vec::new(),
            when: None,
            previous_when: None,
            times: None,
            place: None,
            online: false,
            status: EventStatus::default(),
            revision: None,
            parent: None,
            agenda: Vec::new(),
            deadlines: Vec::new(),
            links: Vec::new(),
            description: None,
            tags: Vec::new(),
        };
        event.validate()?;
        Ok(event)
    }

    /// Checks the rules that span fields (see [`Event`]); the error names the rule broken.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidEvent`] naming the first rule the event breaks and the field that breaks
    /// it.
    pub fn validate(&self) -> Result<(), Error> {
        let invalid = |reason: String| Error::InvalidEvent {
            id: self.id.to_string(),
            reason,
        };
        if let Some(description) = &self.description {
            multi_line("the description", description).map_err(invalid)?;
        }
        if let Some(times) = &self.times {
            let Some(when) = self.when else {
                return Err(invalid(
                    "it has times but no days; expected \"when\" with the days the times belong to"
                        .to_owned(),
                ));
            };
            let Some(latest) = when.latest() else {
                return Err(invalid(format!(
                    "it has times but its span {when} has no known end; expected times only on \
                     an event whose last day is known"
                )));
            };
            if when.start().precision() != Precision::Day
                || when.end_precision() != Some(Precision::Day)
            {
                return Err(invalid(format!(
                    "it has times but its span {when} is not known to the day; expected days such \
                     as 2012-12-03/2012-12-14"
                )));
            }
            if let Some(end) = times.end
                && when.earliest() == latest
                && end <= times.start
            {
                return Err(invalid(format!(
                    "on its single day it ends at {end} before it starts at {}; expected an end \
                     time after the start time",
                    times.start
                )));
            }
        }
        if self.parent.as_ref() == Some(&self.id) {
            return Err(invalid(
                "it names itself as its parent; expected the id of another event".to_owned(),
            ));
        }
        for (n, deadline) in self.deadlines.iter().enumerate() {
            if deadline.what.trim().is_empty() {
                return Err(invalid(format!(
                    "deadline {n} ({}) does not say what is due; expected text such as \"contributions\"",
                    deadline.due
                )));
            }
            one_line(&format!("what deadline {n} is for"), &deadline.what).map_err(invalid)?;
            if let Some(note) = &deadline.note {
                multi_line(&format!("the note of deadline {n}"), note).map_err(invalid)?;
            }
        }
        for (n, item) in self.agenda.iter().enumerate() {
            if let Some(num) = &item.num {
                one_line(&format!("the number of agenda item {n}"), num).map_err(invalid)?;
            }
        }
        Ok(())
    }

    /// The main page: the first link.
    pub fn main_link(&self) -> Option<&Link> {
        self.links.first()
    }

    /// The title with each run of white space made a single space, for a summary line.
    pub fn one_line_title(&self) -> String {
        self.title
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl plenary_core::References for Event {
    /// `organisers[i]`, `parent`, and the documents of the agenda (`agenda[i].documents[j]`).
    fn visit_references<'s>(
        &'s self,
        at: &plenary_core::RefPath<'_>,
        visit: &mut dyn FnMut(&plenary_core::RefPath<'_>, plenary_core::Reference<'s>),
    ) {
        plenary_core::visit_list(at, "organisers", &self.organisers, visit);
        plenary_core::visit_option(at, "parent", self.parent.as_ref(), visit);
        plenary_core::visit_nested(at, "agenda", &self.agenda, visit);
    }
}

/// The title of the event `id` as a [`Name`], or the error that says what is wrong with it.
fn event_title(id: &EventId, title: String) -> Result<Name, Error> {
    Name::new(title).map_err(|err| Error::InvalidEvent {
        id: id.to_string(),
        reason: match err {
            plenary_core::Error::InvalidName { name, reason } => {
                format!("the title {name:?} is refused: {reason}")
            }
            other => format!("the title is refused: {other}"),
        },
    })
}

/// A one-line field follows the rules of a [`Name`]: no control character (no line break, tab,
/// escape or bell), at most [`plenary_core::MAX_NAME_CHARS`] characters.
fn one_line(field: &str, text: &str) -> Result<(), String> {
    if let Some((at, c)) = text
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        return Err(format!(
            "{field} holds the control character U+{:04X} at character {}; expected one line of \
             text without control characters",
            u32::from(c),
            at + 1
        ));
    }
    let chars = text.chars().count();
    if chars > plenary_core::MAX_NAME_CHARS {
        return Err(format!(
            "{field} is {chars} characters long; expected at most {}",
            plenary_core::MAX_NAME_CHARS
        ));
    }
    Ok(())
}

/// Multi-line text holds line breaks (LF, or CR LF) and tabs, and no other control character,
/// so that printing it can neither move the cursor nor forge a line of its own.
fn multi_line(field: &str, text: &str) -> Result<(), String> {
    let mut chars = text.chars().enumerate().peekable();
    while let Some((at, c)) = chars.next() {
        let allowed = match c {
            '\n' | '\t' => true,
            '\r' => chars.peek().is_some_and(|(_, next)| *next == '\n'),
            c => !c.is_control(),
        };
        if !allowed {
            return Err(format!(
                "{field} holds the control character U+{:04X} at character {}; expected text \
                 whose only control characters are line breaks and tabs",
                u32::from(c),
                at + 1
            ));
        }
    }
    Ok(())
}

/// The precision of a span's end, when it is known.
trait EndPrecision {
    fn end_precision(&self) -> Option<Precision>;
}

impl EndPrecision for DateSpan {
    fn end_precision(&self) -> Option<Precision> {
        match self.end() {
            plenary_core::SpanEnd::Known(end) => Some(end.precision()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wcit() -> Event {
        let mut event = Event::new(
            "wcit-12".parse().unwrap(),
            "World Conference on International Telecommunications",
            EventKind::Conference,
        )
        .unwrap();
        event.when = Some("2012-12-03/2012-12-14".parse().unwrap());
        event
    }

    #[test]
    fn json_out_and_in_with_every_field() {
        let json = r#"{
            "id": "wcit-12",
            "title": "World Conference on International Telecommunications",
            "kind": "conference",
            "series": "WCIT-12",
            "organisers": ["itu"],
            "when": "2012-12-03/2012-12-14",
            "times": {"start": "09:30:00", "end": "17:30:00", "time_zone": "Asia/Dubai"},
            "place": {"city": "Dubai", "country": "AE"},
            "online": true,
            "status": "concluded",
            "agenda": [{"title": "Opening", "documents": ["wcit-12/dt-1"]}],
            "deadlines": [{"due": "2012-11-03", "what": "contributions"}],
            "links": ["https://www.itu.int/en/wcit-12/"],
            "description": "Revision of the ITRs.",
            "tags": ["itrs"]
        }"#;
        let event: Event = serde_json::from_str(json).unwrap();
        assert_eq!(event.status, EventStatus::Concluded);
        assert_eq!(event.deadlines[0].due.to_string(), "2012-11-03");
        let back: Event = serde_json::from_str(&serde_json::to_string(&event).unwrap()).unwrap();
        assert_eq!(back, event);
    }

    #[test]
    fn empty_fields_are_omitted() {
        let json = serde_json::to_string(&wcit()).unwrap();
        assert_eq!(
            json,
            r#"{"id":"wcit-12","title":"World Conference on International Telecommunications","kind":"conference","when":"2012-12-03/2012-12-14","status":"scheduled"}"#
        );
    }

    #[test]
    fn an_event_without_dates_is_representable() {
        let arab: Event = serde_json::from_str(
            r#"{"id": "arab", "title": "Arab Regional Meeting", "kind": "preparatory_meeting"}"#,
        )
        .unwrap();
        assert_eq!(arab.when, None);
    }

    #[test]
    fn unknown_fields_and_values_are_refused() {
        for (json, needle) in [
            (
                r#"{"id": "a", "title": "A", "kind": "conference", "date": "2012"}"#,
                "unknown field `date`",
            ),
            (
                r#"{"id": "a", "title": "A", "kind": "party"}"#,
                "unknown variant `party`",
            ),
            (
                r#"{"id": "a", "title": "A", "kind": "conference", "status": "done"}"#,
                "unknown variant `done`",
            ),
            (
                r#"{"id": "A", "title": "A", "kind": "conference"}"#,
                "invalid event id \"A\"",
            ),
            (
                r#"{"id": "a", "title": "A", "kind": "conference", "when": "2012-13"}"#,
                "month 13 does not exist",
            ),
        ] {
            let err = serde_json::from_str::<Event>(json).unwrap_err().to_string();
            assert!(err.contains(needle), "{json}: {err}");
        }
    }

    #[test]
    fn the_rules_hold_for_json_and_code_alike() {
        let blank = Event::new("a".parse().unwrap(), "  ", EventKind::Forum).unwrap_err();
        assert_eq!(
            blank.to_string(),
            "invalid event \"a\": the title \"  \" is refused: it is empty; expected at least \
             one visible character"
        );
        let json_err =
            serde_json::from_str::<Event>(r#"{"id": "a", "title": "  ", "kind": "forum"}"#)
                .unwrap_err()
                .to_string();
        assert!(json_err.starts_with(&blank.to_string()), "{json_err}");

        let times = r#"{"start": "09:00:00", "time_zone": "Europe/Zurich"}"#;
        for (extra, reason) in [
            (format!(r#""times": {times}"#), "it has times but no days"),
            (format!(r#""when": "2012-09-14/", "times": {times}"#), "has no known end"),
            (format!(r#""when": "2012-09", "times": {times}"#), "is not known to the day"),
            (
                r#""when": "2012-10-08", "times": {"start": "10:00:00", "end": "09:00:00", "time_zone": "Europe/Zurich"}"#.to_owned(),
                "ends at 09:00:00 before it starts at 10:00:00",
            ),
            (r#""parent": "a""#.to_owned(), "names itself as its parent"),
            (r#""deadlines": [{"due": "2012-09-20", "what": " "}]"#.to_owned(), "deadline 0 (2012-09-20) does not say what is due"),
            (r#""agenda": [{"title": ""}]"#.to_owned(), "the agenda item title \"\" is refused: it is empty"),
        ] {
            let json = format!(r#"{{"id": "a", "title": "A", "kind": "forum", {extra}}}"#);
            let err = serde_json::from_str::<Event>(&json).unwrap_err().to_string();
            assert!(err.contains(reason), "{json}: {err}");
        }
    }

    #[test]
    fn one_line_title_joins_runs_of_spaces() {
        let mut event = wcit();
        event.title = Name::new("WCIT-12 \u{a0} Dubai").unwrap();
        assert_eq!(event.one_line_title(), "WCIT-12 Dubai");
    }

    #[test]
    fn titles_are_names_trimmed_and_bounded() {
        let event = Event::new("a".parse().unwrap(), "  WCIT-12 ", EventKind::Forum).unwrap();
        assert_eq!(event.title, "WCIT-12");
        let json =
            r#"{"id": "a", "title": " A ", "kind": "forum", "agenda": [{"title": " Opening "}]}"#;
        let event: Event = serde_json::from_str(json).unwrap();
        assert_eq!(
            (event.title.as_str(), event.agenda[0].title.as_str()),
            ("A", "Opening")
        );
        for (title, reason) in [
            (
                "x".repeat(plenary_core::MAX_NAME_CHARS + 1),
                "characters long; expected at most 500",
            ),
            (
                "WCIT\u{2028}12".to_owned(),
                "expected a single line of text",
            ),
        ] {
            let err = Event::new("a".parse().unwrap(), title.clone(), EventKind::Forum)
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("invalid event \"a\": the title"), "{err}");
            assert!(err.contains(reason), "{title}: {err}");
            let json = serde_json::json!({"id": "a", "title": "A", "kind": "forum", "agenda": [{"title": title}]});
            let err = serde_json::from_value::<Event>(json)
                .unwrap_err()
                .to_string();
            assert!(err.contains("the agenda item title"), "{err}");
            assert!(err.contains(reason), "{title}: {err}");
        }
    }

    #[test]
    fn control_characters_are_refused_in_text_fields() {
        for (extra, reason) in [
            (
                r#""title": "WCIT\u001b[2J""#,
                "the title \"WCIT\\u{1b}[2J\" is refused: it holds the control character '\\u{1b}'",
            ),
            (
                r#""title": "A\nB""#,
                "the title \"A\\nB\" is refused: it holds the control character '\\n'",
            ),
            (r#""title": "A\u0007""#, "'\\u{7}'"),
            (
                r#""title": "A", "description": "one\r\ntwo\rthree""#,
                "the description holds the control character U+000D at character 9",
            ),
            (r#""title": "A", "description": "\u0000""#, "U+0000"),
            (
                r#""title": "A", "deadlines": [{"due": "2012-09-20", "what": "x\r\nUID:y"}]"#,
                "what deadline 0 is for holds the control character U+000D",
            ),
            (
                r#""title": "A", "agenda": [{"title": "Opening\u001b]0;pwned\u0007"}]"#,
                "the agenda item title \"Opening\\u{1b}]0;pwned\\u{7}\" is refused: it holds the control character '\\u{1b}'",
            ),
        ] {
            let json = format!(r#"{{"id": "a", "kind": "forum", {extra}}}"#);
            let err = serde_json::from_str::<Event>(&json)
                .unwrap_err()
                .to_string();
            assert!(err.contains(reason), "{json}: {err}");
        }
        let fine =
            r#"{"id": "a", "kind": "forum", "title": "A", "description": "one\r\ntwo\n\tthree"}"#;
        assert!(serde_json::from_str::<Event>(fine).is_ok());
    }

    #[test]
    fn times_that_do_not_exist_say_which_part() {
        for (time, reason) in [
            (
                "25:00:00",
                "invalid time \"25:00:00\": hour 25 does not exist; expected hours 00 to 23",
            ),
            ("09:60", "invalid time \"09:60\": minute 60 does not exist"),
            (
                "9am",
                "invalid time \"9am\": expected a time of day as HH:MM or HH:MM:SS",
            ),
        ] {
            let json = format!(
                r#"{{"id": "a", "title": "A", "kind": "forum", "when": "2012-10-08", "times": {{"start": "{time}", "time_zone": "Europe/Zurich"}}}}"#
            );
            let err = serde_json::from_str::<Event>(&json)
                .unwrap_err()
                .to_string();
            assert!(err.contains(reason), "{json}: {err}");
        }
        let json = r#"{"id": "a", "title": "A", "kind": "forum", "when": "2012-10-08", "times": {"start": "09:30", "end": "12:00:00", "time_zone": "Europe/Zurich"}}"#;
        let event: Event = serde_json::from_str(json).unwrap();
        assert_eq!(event.times.unwrap().start.to_string(), "09:30:00");
    }
}
