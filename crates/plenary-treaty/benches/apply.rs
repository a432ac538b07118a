//! Cost of applying proposals to an instrument and of compiling them, over a generated
//! instrument with margin numbers (1.4 MB and 5.6 MB of text) and a hundred proposals.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use plenary_treaty::{Document, apply, compile, parse};

const PROVISIONS_PER_ARTICLE: usize = 40;
const SOURCES: [&str; 5] = ["ARB", "USA", "CEPT", "RCC", "APT"];

/// The text of provision `n` (from 0).
fn provision_text(n: usize) -> String {
    format!(
        "Members shall ensure that administrations cooperate in the establishment, operation \
         and maintenance of the international network for provision {n}, to provide a \
         satisfactory quality of service;"
    )
}

/// An instrument of `articles` articles of numbered provisions with margin numbers, every
/// fifth with two lettered sub-items.
fn instrument(articles: usize) -> String {
    let mut text = String::from("REGULATIONS\n\nGenerated Regulations\n\n");
    for a in 1..=articles {
        let _ = write!(text, "ARTICLE {a}\n\nHeading of article {a}\n\n");
        for p in 1..=PROVISIONS_PER_ARTICLE {
            let n = (a - 1) * PROVISIONS_PER_ARTICLE + p - 1;
            let _ = write!(text, "{} {a}.{p} {}\n\n", n + 1, provision_text(n));
            if p % 5 == 0 {
                text.push_str("a) by mutual agreement;\n\nb) in accordance with national law.\n\n");
            }
        }
    }
    text
}

/// Proposal `i` of 100: ten marks (MOD, NOC, SUP, ADD in turn) on provisions no other
/// proposal touches, spread over the instrument, with its article lines.
fn proposal(i: usize, articles: usize) -> String {
    let source = SOURCES[i % SOURCES.len()];
    let mut text = format!("PROPOSALS\n\nGenerated proposals of {source}\n\n");
    let total = articles * PROVISIONS_PER_ARTICLE;
    let mut targets: Vec<usize> = (0..10).map(|j| (i + 100 * j) % total).collect();
    targets.sort_unstable();
    targets.dedup();
    let mut article = 0;
    for (j, n) in targets.into_iter().enumerate() {
        let (a, p) = (
            n / PROVISIONS_PER_ARTICLE + 1,
            n % PROVISIONS_PER_ARTICLE + 1,
        );
        if a != article {
            article = a;
            let _ = write!(text, "ARTICLE {a}\n\n");
        }
        let reference = format!("{source}/{i}/{}", j + 1);
        let _ = match j % 4 {
            0 => write!(
                text,
                "MOD {reference}\n{} {a}.{p} Member States shall cooperate on provision {n};\n\n",
                n + 1
            ),
            1 => write!(
                text,
                "NOC {reference}\n{} {a}.{p} {}\n\n",
                n + 1,
                provision_text(n)
            ),
            2 => write!(text, "SUP {reference}\n{} {a}.{p}\n\n", n + 1),
            _ => write!(
                text,
                "ADD {reference}\n{}A {a}.{p}bis Member States should exchange traffic regionally;\n\n",
                n + 1
            ),
        };
    }
    text
}

fn bench(c: &mut Criterion) {
    // Two sizes, a quarter and the whole, so that the figures show the cost is linear.
    for articles in [160, 640] {
        let text = instrument(articles);
        let base = parse(&text);
        let texts: Vec<String> = (0..100).map(|i| proposal(i, articles)).collect();
        let proposals: Vec<Document> = texts.iter().map(|t| parse(t)).collect();
        assert!(
            proposals.iter().all(|p| apply(&base, p).is_ok()),
            "every generated proposal fits its base"
        );
        let proposal_bytes: usize = texts.iter().map(String::len).sum();
        let mut group = c.benchmark_group(format!("apply ({:.1} MB)", text.len() as f64 / 1e6));
        group.sample_size(10);
        group.throughput(Throughput::Bytes((text.len() + texts[0].len()) as u64));
        group.bench_function("apply one proposal", |b| {
            b.iter(|| apply(black_box(&base), black_box(&proposals[0])).map(|d| d.articles.len()))
        });
        group.throughput(Throughput::Bytes((text.len() + proposal_bytes) as u64));
        group.bench_function("compile 100 proposals", |b| {
            b.iter(|| {
                compile(black_box(&base), black_box(&proposals))
                    .provisions
                    .len()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
