//! Search over a generated bank of 100,000 resources, and the cost of building its index.
//!
//! Titles, descriptions and authors are drawn from a fixed vocabulary with a skewed (Zipf-like)
//! word frequency, so common words have long posting lists as in real text; "net neutrality" is
//! planted in about one resource in 200.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use plenary_resources::{Author, Query, Resource, ResourceBank, ResourceKind};

const SIZE: usize = 100_000;

/// A small deterministic generator (xorshift), so every run searches the same bank.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// An index below `n`, skewed towards 0.
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.next() as usize % n;
        let b = self.next() as usize % n;
        a.min(b) * (self.next() as usize % 4 + 1) % n
    }
}

fn vocabulary() -> Vec<String> {
    let base = [
        "internet",
        "itu",
        "treaty",
        "proposal",
        "regulation",
        "civil",
        "society",
        "member",
        "state",
        "governance",
        "security",
        "standard",
        "interconnection",
        "access",
        "freedom",
        "expression",
        "operator",
        "network",
        "telecom",
        "conference",
        "delegation",
        "letter",
        "analysis",
        "report",
        "policy",
        "open",
        "rights",
        "privacy",
        "growth",
        "market",
    ];
    let mut words: Vec<String> = base.iter().map(|w| (*w).to_owned()).collect();
    for i in 0..3_000 {
        words.push(format!("w{i:04}x"));
    }
    words
}

fn sentence(rng: &mut Rng, vocabulary: &[String], len: usize) -> String {
    (0..len)
        .map(|_| vocabulary[rng.skewed(vocabulary.len())].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn bank(size: usize) -> ResourceBank {
    let vocabulary = vocabulary();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let kinds = ResourceKind::ALL;
    let mut bank = ResourceBank::new();
    for i in 0..size {
        let mut title = sentence(&mut rng, &vocabulary, 8);
        if i % 200 == 0 {
            title.push_str(" net neutrality");
        }
        let title = title.parse().expect("generated titles are names");
        let mut r = Resource::new(
            format!("r/{i}").parse().expect("a valid id"),
            title,
            kinds[i % kinds.len()],
        )
        .with_description(sentence(&mut rng, &vocabulary, 40))
        .expect("generated descriptions are short");
        r.authors.push(Author::Name(
            format!("Author {}", rng.skewed(500))
                .parse()
                .expect("a name"),
        ));
        r.section = Some(
            ["Policy Analyses", "Advocacy Resources", "Multimedia"][i % 3]
                .parse()
                .expect("a name"),
        );
        bank.add(r).expect("generated ids are unique");
    }
    bank
}

fn search(c: &mut Criterion) {
    let bank = bank(SIZE);
    let mut group = c.benchmark_group("search 100k resources");
    group.throughput(Throughput::Elements(1));
    for query in [
        Query::new("net neutrality"),
        Query::new("internet governance"),
        Query::new("itu treaty proposal security"),
        Query::new("w0042x"),
        Query::new("internet")
            .section("Advocacy Resources")
            .kind(ResourceKind::Letter),
    ] {
        let name = if query.text() == "internet" {
            "internet+filters"
        } else {
            query.text()
        };
        group.bench_with_input(BenchmarkId::from_parameter(name), &query, |b, q| {
            b.iter(|| bank.search(q).len());
        });
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.throughput(Throughput::Elements(10_000));
    group.bench_function("add 10k resources", |b| b.iter(|| bank(10_000).len()));
    group.finish();
}

criterion_group!(benches, search, build);
criterion_main!(benches);
