//! Throughput of the treaty parser and of the Akoma Ntoso export over a generated
//! multi-megabyte resolution (0.8 MB and 3.3 MB of ITU-layout text) and a generated
//! multi-megabyte instrument with chapters, articles, margin numbers, revising conferences,
//! dash lists and appendices (0.8 MB and 3.3 MB), all generated here at bench time.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A resolution with `blocks` repetitions of a preamble and an operative part, each with
/// lettered, numbered and nested clauses, marks and cross-references.
fn generated(blocks: usize) -> String {
    let mut text = String::from(
        "RESOLUTION 77 (Rev. Lisbon, 2031)\n\nInteroperability of networks\n\n\
         The World Conference on International Telecommunications (Dubai, 2012),\n\n",
    );
    for i in 0..blocks {
        let _ = write!(
            text,
            "considering\n\n\
             a) that Resolution 30 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference calls for special measures for block {i};\n\n\
             b) that ITU-T Study Group 3 studies tariff and accounting principles including international telecommunication service traffic termination;\n\n\
             c)\tthat Resolution 65/172 of 20 December 2010 of the United Nations General Assembly applies,\n\n\
             noting further\n\n\
             a) the outcome of WCIT-12 and the work on Recommendation ITU-T A.5 on references to documents of other organizations;\n\n\
             resolves\n\n\
             1 to continue the studies on the transition to converged IP-based networks;\n\n\
             1.1 with the participation of all Member States and Sector Members;\n\n\
             MOD ARB/7/{i}\n\n\
             2 to report to the next assembly on the progress achieved, in particular:\n\n\
             i) on quality of service;\n\n\
             ii) on the resources required;\n\n\
             instructs the Director of the Telecommunication Standardization Bureau\n\n\
             to bring this resolution to the attention of all Member States.\n\n"
        );
    }
    text
}

/// An instrument in the layout of the ITRs and the ITU Constitution: `chapters` chapters of ten
/// articles, each article with margin-numbered provisions, sub-items, a dash list, a
/// suppressed provision and a revising conference's note, then an appendix.
fn instrument(chapters: usize) -> String {
    let mut text = String::from(
        "International Telecommunication Regulations\n\nPreamble\n\n\
         1 While the sovereign right of each country to regulate its telecommunications is fully recognized, the provisions of the present Regulations supplement the Constitution.\n\n",
    );
    let mut margin = 1;
    let mut article = 0;
    for chapter in 1..=chapters {
        let _ = write!(
            text,
            "CHAPTER {chapter}\n\nProvisions of chapter {chapter}\n\n"
        );
        for _ in 0..10 {
            // Article numbers of at most three digits, margin numbers of at most four.
            article = article % 999 + 1;
            let _ = write!(
                text,
                "ARTICLE {article}\n\nPurpose and Scope of article {article}\n\n"
            );
            margin = margin % 9000 + 1;
            let _ = write!(
                text,
                "{margin} {article}.1 a) These Regulations establish general principles which relate to the provision and operation of international telecommunication services offered to the public.\n\n"
            );
            margin = margin % 9000 + 1;
            let _ = write!(
                text,
                "{margin} b) These Regulations recognize in Article 9 the right of Members to allow special arrangements.\n\n"
            );
            margin = margin % 9000 + 1;
            let _ = write!(
                text,
                "{margin} {article}.2 Administrations shall cooperate in the establishment, operation and maintenance of the international network, taking into account Resolution 30 (Rev. Guadalajara, 2010), the exchange among the following:\n\n\
                 - administrations;\n\n\
                 - recognized operating agencies, and\n\n\
                 - the Secretary-General of the Union.\n\n"
            );
            margin = margin % 9000 + 1;
            let _ = write!(
                text,
                "{margin}A PP-06 {article}.3 Members shall endeavour to make such services generally available to the public in their national network(s).\n\n"
            );
            margin = margin % 9000 + 1;
            let _ = write!(text, "{margin} PP-02 (SUP)\n\n");
        }
    }
    text.push_str("IN WITNESS WHEREOF, the delegates have signed these Regulations.\n\nAPPENDIX 1\n\nGeneral Provisions Concerning Accounting\n\n1\n\nAccounting rates\n\n");
    for i in 1..=200 {
        let _ = writeln!(
            text,
            "1.{i}. For each applicable service in a given relation, administrations shall by mutual agreement establish and revise accounting rates."
        );
    }
    text
}

fn bench(c: &mut Criterion) {
    // The instrument: a quarter and the whole, so that the figures show the cost is linear.
    for chapters in [100, 400] {
        let text = instrument(chapters);
        let doc = plenary_treaty::parse(&text);
        assert!(doc.unplaced.is_empty(), "{:?}", &doc.unplaced[..1]);
        assert_eq!(doc.articles.len(), chapters * 10);
        let mut group =
            c.benchmark_group(format!("instrument ({:.1} MB)", text.len() as f64 / 1e6));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(20);
        group.bench_function("text -> Document", |b| {
            b.iter(|| plenary_treaty::parse(black_box(&text)))
        });
        group.bench_function("text -> Akoma Ntoso XML", |b| {
            b.iter(|| {
                let doc = plenary_treaty::parse(black_box(&text));
                plenary_treaty::to_akn(&doc).map(|xml| xml.len())
            })
        });
        group.finish();
    }

    // Two sizes, a quarter and the whole, so that the figures show the cost is linear.
    for blocks in [875, 3_500] {
        let text = generated(blocks);
        let mut group = c.benchmark_group(format!("treaty ({:.1} MB)", text.len() as f64 / 1e6));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(20);
        group.bench_function("text -> Document", |b| {
            b.iter(|| plenary_treaty::parse(black_box(&text)))
        });
        group.bench_function("text -> Akoma Ntoso XML", |b| {
            b.iter(|| {
                let doc = plenary_treaty::parse(black_box(&text));
                plenary_treaty::to_akn(&doc).map(|xml| xml.len())
            })
        });
        let doc = plenary_treaty::parse(&text);
        group.bench_function("Document -> canonical text", |b| {
            b.iter(|| plenary_treaty::render(black_box(&doc)))
        });
        let mut edited = text.replace("block 17;", "block seventeen;");
        edited.push_str("resolves further\n\n1 to keep the matter under review.\n");
        let new = plenary_treaty::parse(&edited);
        group.bench_function("diff of two similar documents", |b| {
            b.iter(|| {
                plenary_treaty::diff(black_box(&doc), black_box(&new))
                    .changes
                    .len()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
