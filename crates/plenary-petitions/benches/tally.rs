//! Signatures NDJSON → tally, over a generated file of 1,000,000 lines (113 MB): one thread end
//! to end (parse, validate, canonicalise, de-duplicate, tally and report); `tally_parallel` on
//! every available core; and, as the yardstick for the parallel figure, as many independent
//! one-thread tallies at once, which shows how fast the machine's cores go when all are busy.

use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use plenary_petitions::{Tally, tally_parallel};

const LINES: u64 = 1_000_000;

/// A deterministic signatures file: 1,000,000 lines from 800,000 signers (a fifth are repeats,
/// with address variants), 40 countries, a few lines with escapes, no country or CRLF.
fn generate() -> Vec<u8> {
    let countries = [
        "GB", "US", "DE", "FR", "BR", "IN", "KE", "NG", "AE", "JP", "CN", "RU", "ES", "IT", "MX",
        "AR", "CA", "AU", "ZA", "EG", "SE", "NO", "DK", "FI", "PL", "UA", "TR", "IR", "PK", "BD",
        "ID", "PH", "TH", "VN", "KR", "CL", "CO", "PE", "GH", "CH",
    ];
    let mut out = Vec::with_capacity(140 * LINES as usize);
    let mut state: u64 = 0x2012_1213;
    for i in 0..LINES {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let signer = if i % 5 == 4 {
            (state >> 33) % (i.max(1)) % 800_000
        } else {
            i * 4 / 5
        };
        let country = countries[(signer % countries.len() as u64) as usize];
        let second = 1_354_500_000 + (state >> 40) % 1_000_000;
        let (h, m, s) = ((second / 3600) % 24, (second / 60) % 60, second % 60);
        let day = 3 + (second / 86_400) % 11;
        let email = match i % 7 {
            0 => format!("Signer.{signer}+wcit@GoogleMail.com"),
            1 => format!("signer.{signer}@gmail.com"),
            _ => format!("signer{signer}@example{}.org", signer % 97),
        };
        let country = if i % 50 == 0 {
            "null".to_owned()
        } else {
            format!("\"{country}\"")
        };
        let name = if i % 100 == 0 {
            "Jos\\u00e9 Lima"
        } else {
            "Ana Maria Lima"
        };
        let end = if i % 10 == 0 { "\r\n" } else { "\n" };
        write!(
            out,
            "{{\"name\":\"{name}\",\"email\":\"{email}\",\"country\":{country},\"signed_at\":\"2012-12-{day:02}T{h:02}:{m:02}:{s:02}Z\"}}{end}"
        )
        .expect("writing to a Vec cannot fail");
    }
    out
}

/// Times one thread, `threads` threads and `threads` independent one-thread tallies in turn,
/// `rounds` times, and prints the medians: on a shared machine whose speed drifts, taking the
/// three in turn compares them under the same conditions, which criterion's one-after-the-other
/// groups do not.
fn interleaved(input: &[u8], threads: usize, rounds: usize) {
    let one = || {
        let mut tally = Tally::with_milestones([1000, 10_000, 100_000]);
        tally.add_ndjson(black_box(input));
        black_box(tally.report());
    };
    let mut times: [Vec<f64>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for _ in 0..rounds {
        let start = Instant::now();
        one();
        times[0].push(start.elapsed().as_secs_f64() * 1e3);
        let start = Instant::now();
        black_box(tally_parallel(black_box(input), &[1000, 10_000, 100_000], threads).report());
        times[1].push(start.elapsed().as_secs_f64() * 1e3);
        let start = Instant::now();
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(one);
            }
        });
        times[2].push(start.elapsed().as_secs_f64() * 1e3);
    }
    let [one, parallel, independent] = times.map(|mut t| {
        t.sort_by(f64::total_cmp);
        t[t.len() / 2]
    });
    let n = threads as f64;
    eprintln!(
        "interleaved medians of {rounds}: one thread {one:.0} ms; {threads} threads {parallel:.0} ms \
         ({:.2}x one); {threads} independent tallies at once {independent:.0} ms, {:.0} ms a \
         tally ({:.2}x one: the machine's own scaling)",
        one / parallel,
        independent / n,
        one * n / independent,
    );
}

fn bench(c: &mut Criterion) {
    let input = generate();
    let mut check = Tally::with_milestones([1000, 10_000, 100_000]);
    check.add_ndjson(&input);
    assert_eq!(check.lines(), LINES);
    eprintln!(
        "{} lines, {} MB, {} unique signers, {:.1} bytes of signer memory per unique signer",
        LINES,
        input.len() / 1_000_000,
        check.counted(),
        check.signer_memory_bytes() as f64 / check.counted() as f64
    );

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    interleaved(&input, threads, 10);

    let mut group = c.benchmark_group("tally");
    group.sample_size(10);
    group.throughput(Throughput::Elements(LINES));
    group.bench_function("one_thread_1m_lines", |b| {
        b.iter(|| {
            let mut tally = Tally::with_milestones([1000, 10_000, 100_000]);
            tally.add_ndjson(black_box(&input));
            black_box(tally.report())
        })
    });
    group.bench_function(format!("{threads}_threads_1m_lines"), |b| {
        b.iter(|| {
            black_box(tally_parallel(black_box(&input), &[1000, 10_000, 100_000], threads).report())
        })
    });
    group.throughput(Throughput::Elements(LINES * threads as u64));
    group.bench_function(format!("{threads}_independent_tallies_at_once"), |b| {
        b.iter(|| {
            std::thread::scope(|scope| {
                let handles: Vec<_> = (0..threads)
                    .map(|_| {
                        scope.spawn(|| {
                            let mut tally = Tally::with_milestones([1000, 10_000, 100_000]);
                            tally.add_ndjson(black_box(&input));
                            tally.report()
                        })
                    })
                    .collect();
                for handle in handles {
                    black_box(handle.join().expect("a tally does not panic"));
                }
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
