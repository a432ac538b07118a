//! Listing import on hostile input, generated here: one title repeated 10,000 and 40,000 times
//! (the cost per line must not grow with the count), and 1,000,000 lines that are not entries,
//! reported as they are read.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use plenary_resources::{ListingOptions, import_listing_reporting};

fn repeated_titles(c: &mut Criterion) {
    let mut group = c.benchmark_group("listing_repeated_title");
    group.sample_size(10);
    for copies in [10_000usize, 40_000] {
        let text = format!(
            "Policy Analyses\n\n{}",
            "Same Title - Access Now\n".repeat(copies)
        );
        group.throughput(Throughput::Elements(copies as u64));
        group.bench_with_input(BenchmarkId::from_parameter(copies), &text, |b, text| {
            b.iter(|| {
                import_listing_reporting(text, &ListingOptions::default(), |_| {})
                    .resources
                    .len()
            });
        });
    }
    group.finish();
}

fn bad_lines(c: &mut Criterion) {
    let mut group = c.benchmark_group("listing_bad_lines");
    group.sample_size(10);
    let lines = 1_000_000usize;
    let text = "x\n".repeat(lines);
    group.throughput(Throughput::Elements(lines as u64));
    group.bench_function(BenchmarkId::from_parameter(lines), |b| {
        b.iter(|| {
            let mut reported = 0usize;
            import_listing_reporting(&text, &ListingOptions::default(), |_| reported += 1);
            reported
        });
    });
    group.finish();
}

criterion_group!(benches, repeated_titles, bad_lines);
criterion_main!(benches);
