//! Date phrase parsing and iCalendar export, over generated input of stated sizes.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use plenary_events::{
    DateContext, Deadline, Event, EventKind, find_dates, parse_date_phrase, to_ics,
};

/// 1,000 phrases of the forms real calendars use, cycling through months, days and forms.
fn phrases() -> Vec<String> {
    const MONTHS: [&str; 12] = plenary_core::MONTH_NAMES;
    (0..1000)
        .map(|i| {
            let month = MONTHS[i % 12];
            let day = 1 + i % 25;
            match i % 6 {
                0 => format!("{month} {day}-{}", day + 3),
                1 => format!("{day}-{} {month} 2012", day + 2),
                2 => format!("{month} {day}-?"),
                3 => format!("{month} {day} & {}", day + 1),
                4 => format!("{month} {day}, 2013"),
                _ => format!("{day} {} - {} {} 2012", month, day, MONTHS[(i + 1) % 12]),
            }
        })
        .filter(|p| parse_date_phrase(p, Some(2012)).is_ok())
        .collect()
}

/// About `bytes` of English prose like a campaign page's: sentences without dates, and one
/// date mention in every third sentence.
fn prose(bytes: usize) -> String {
    const SENTENCES: [&str; 6] = [
        "Civil society organisations asked the delegates to publish every proposal before the conference.",
        "The International Telecommunication Regulations were last revised in Melbourne, and the revision is contested.",
        "Member States and sector members met in Geneva to discuss the draft texts, with observers present.",
        "More than five hundred thousand people signed the petition for an open and free Internet.",
        "The regional preparatory meeting adopted common proposals on roaming, numbering and security.",
        "Contributions from the regions were compiled into a single document for the plenary session.",
    ];
    const DATES: [&str; 6] = [
        "It took place from 3-14 December 2012.",
        "Comments are due by 20 September.",
        "The workshop is on 9 April, 09:00-12:30.",
        "A second session is planned for 5-7 October 2013 (tbc).",
        "See the report of 07.06.2013.",
        "The follow-up meets around March 2014.",
    ];
    let mut text = String::with_capacity(bytes + 200);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(SENTENCES[i % SENTENCES.len()]);
        text.push(' ');
        if i % 3 == 0 {
            text.push_str(DATES[(i / 3) % DATES.len()]);
            text.push(' ');
        }
        i += 1;
    }
    text
}

/// `n` events with a span, a place, a link, tags and one deadline each.
fn events(n: usize) -> Vec<Event> {
    (0..n)
        .map(|i| {
            let mut event = Event::new(
                format!("event-{i}").parse().expect("a valid id"),
                format!("Regional preparatory meeting number {i} on international telecommunications"),
                EventKind::PreparatoryMeeting,
            )
            .expect("a valid event");
            let day = 1 + i % 20;
            event.when = Some(
                format!("2012-{:02}-{day:02}/2012-{:02}-{:02}", 1 + i % 12, 1 + i % 12, day + 3)
                    .parse()
                    .expect("a valid span"),
            );
            event.place = Some(
                serde_json::from_str(r#"{"city": "Geneva", "country": "CH", "geo": {"latitude": 46.2044, "longitude": 6.1432}}"#)
                    .expect("a valid place"),
            );
            event.links = vec!["https://www.itu.int/en/wcit-12/".parse().expect("a valid link")];
            event.tags = vec!["itrs".parse().expect("a valid tag")];
            event.description = Some("Contributions, positions and common proposals of the region.".into());
            event.deadlines.push(Deadline::new("2012-01-01".parse().expect("a valid date"), "contributions"));
            event
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let phrases = phrases();
    let mut group = c.benchmark_group("parse_date_phrase");
    group.throughput(Throughput::Elements(phrases.len() as u64));
    group.bench_function(format!("{} phrases", phrases.len()), |b| {
        b.iter(|| {
            for phrase in &phrases {
                black_box(parse_date_phrase(black_box(phrase), Some(2012)).ok());
            }
        })
    });
    group.finish();

    let text = prose(4 << 20);
    let context = DateContext::in_year(2012);
    let found = find_dates(&text, &context).len();
    let mut group = c.benchmark_group("find_dates");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function(format!("4 MiB of prose, {found} mentions"), |b| {
        b.iter(|| black_box(find_dates(black_box(&text), &context)))
    });
    group.finish();

    let events = events(1000);
    let stamp = "2012-11-01T00:00:00Z".parse().expect("a valid stamp");
    let size = to_ics(&events, stamp).text.len();
    let mut group = c.benchmark_group("to_ics");
    group.throughput(Throughput::Elements(events.len() as u64));
    group.bench_function(format!("1000 events, {} KiB out", size / 1024), |b| {
        b.iter(|| black_box(to_ics(black_box(&events), stamp)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
