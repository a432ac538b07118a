//! Batched signature ingest into SQLite and PostgreSQL onto a log that already holds a million
//! signatures of the petition, and the count of that million from the log. The signatures are
//! generated here, at bench time; the time to store the first million from an empty log and
//! the log's length before and after the ingest batches are printed.
//!
//! The PostgreSQL half runs when `PLENARY_TEST_POSTGRES_URL` names a server whose user may
//! create databases (`.ci/with-postgres cargo bench -p plenary-store` starts one); otherwise it
//! prints a notice and is left out.

use std::cell::Cell;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use plenary::core::PetitionId;
use plenary_store::{BATCH_LINES, Store};
use sqlx::Connection;
use tokio::runtime::Runtime;

/// Lines per ingest iteration: one batch, one transaction.
const INGEST_LINES: usize = BATCH_LINES;
/// Signatures of the petition before the ingest bench appends to its log, and the count of
/// the recount bench.
const PREFILL: usize = 1_000_000;

/// Signatures NDJSON for signers `first..first + n`: one in ten signs twice (an address variant),
/// 40 countries, a few without a country; the addresses in no order.
fn generate(first: usize, n: usize) -> Vec<u8> {
    const COUNTRIES: [&str; 40] = [
        "GB", "US", "DE", "FR", "BR", "IN", "KE", "NG", "AE", "JP", "CN", "RU", "ES", "IT", "MX",
        "AR", "CA", "AU", "ZA", "EG", "SE", "NO", "DK", "FI", "PL", "UA", "TR", "IR", "PK", "BD",
        "ID", "PH", "TH", "VN", "KR", "CL", "CO", "PE", "GH", "CH",
    ];
    let mut out = Vec::with_capacity(n * 130);
    for i in first..first + n {
        let signer = if i % 10 == 9 { i - 5 } else { i };
        // Real addresses come in no order: a scrambled prefix spreads consecutive signers over
        // the whole of any index of emails (`signer.1000000`, `signer.1000001`, … would sort
        // next to each other and make every batch append at one place).
        let scrambled = (signer as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
        let email = if i % 10 == 9 {
            format!("{scrambled:06x}.Signer.{signer}+wcit@Example.org")
        } else {
            format!("{scrambled:06x}.signer.{signer}@example.org")
        };
        let second = 1_354_500_000 + (i * 7919) % 1_000_000;
        let (h, m, s) = ((second / 3600) % 24, (second / 60) % 60, second % 60);
        let day = 3 + (second / 86_400) % 11;
        let country = match i % 50 {
            0 => "null".to_owned(),
            k => format!("\"{}\"", COUNTRIES[k % 40]),
        };
        out.extend_from_slice(
            format!(
                "{{\"name\": \"Signer {signer}\", \"email\": \"{email}\", \"country\": {country}, \"signed_at\": \"2012-12-{day:02}T{h:02}:{m:02}:{s:02}Z\"}}\n"
            )
            .as_bytes(),
        );
    }
    out
}

fn petition() -> PetitionId {
    "accessnow/internet-belongs-to-us"
        .parse()
        .expect("a valid petition id")
}

/// A fresh SQLite store in a temporary directory, holding the WCIT-12 dataset.
async fn sqlite_store(name: &str) -> (Store, std::path::PathBuf) {
    let dir =
        std::env::temp_dir().join(format!("plenary-store-bench-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a writable temporary directory");
    let path = dir.join("bench.db");
    let store = Store::open(path.to_str().expect("a UTF-8 path"))
        .await
        .expect("the bench store opens");
    store
        .import(&plenary::datasets::wcit12())
        .await
        .expect("the dataset imports");
    (store, dir)
}

/// A fresh PostgreSQL database holding the WCIT-12 dataset, or `None` without a server.
async fn postgres_store(name: &str) -> Option<Store> {
    let Ok(url) = std::env::var("PLENARY_TEST_POSTGRES_URL") else {
        println!(
            "notice: PLENARY_TEST_POSTGRES_URL is not set; the PostgreSQL benches are left out \
             (run them with .ci/with-postgres cargo bench -p plenary-store)"
        );
        return None;
    };
    let db = format!("plenary_bench_{name}");
    let mut admin = sqlx::PgConnection::connect(&url)
        .await
        .expect("the PostgreSQL server answers");
    for sql in [
        format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"),
        format!("CREATE DATABASE {db}"),
    ] {
        sqlx::query(&sql)
            .execute(&mut admin)
            .await
            .expect("the bench user may create databases");
    }
    let mut db_url = plenary::core::url::Url::parse(&url).expect("the URL parses");
    db_url.set_path(&format!("/{db}"));
    let store = Store::open(db_url.as_str())
        .await
        .expect("the bench store opens");
    store
        .import(&plenary::datasets::wcit12())
        .await
        .expect("the dataset imports");
    Some(store)
}

/// Appends `n` generated signatures to `petition()`'s log in batches of 100,000 lines, and
/// prints how long it took.
async fn fill(store: &Store, backend: &str, n: usize) {
    let started = Instant::now();
    for first in (0..n).step_by(100_000) {
        store
            .sign(&petition(), &generate(first, 100_000.min(n - first)))
            .await
            .expect("the signatures are stored");
    }
    let seconds = started.elapsed().as_secs_f64();
    #[allow(clippy::cast_precision_loss)] // a rate for a person to read
    let rate = n as f64 / seconds;
    println!(
        "{backend}: {n} signatures into an empty log in {seconds:.1} s ({rate:.0} signatures/s)"
    );
}

/// The ingest bench on `store`, whose log holds [`PREFILL`] signatures of the petition: each
/// iteration appends one batch of [`INGEST_LINES`] signers not seen before, so the log grows
/// by that much per iteration; its length before and after is printed.
fn ingest_onto_log(
    group: &mut BenchmarkGroup<'_, WallTime>,
    runtime: &Runtime,
    store: &Store,
    name: &str,
) {
    let next = Cell::new(PREFILL);
    let before = runtime
        .block_on(store.log_len(&petition()))
        .expect("the log is counted");
    group.bench_function(name, |b| {
        b.to_async(runtime).iter_custom(|iters| {
            let inputs: Vec<Vec<u8>> = (0..iters)
                .map(|_| {
                    let first = next.get();
                    next.set(first + INGEST_LINES);
                    generate(first, INGEST_LINES)
                })
                .collect();
            let store = store.clone();
            async move {
                let started = Instant::now();
                for input in &inputs {
                    let report = store
                        .sign(&petition(), input)
                        .await
                        .expect("the batch is stored");
                    black_box(report.stored);
                }
                started.elapsed()
            }
        });
    });
    let after = runtime
        .block_on(store.log_len(&petition()))
        .expect("the log is counted");
    println!("{name}: the log held {before} signatures before the batches and {after} after");
}

/// SQLite: a million signatures from an empty log (printed), their full recount
/// (`count/sqlite_1m_recount`), then batches appended to that log (`ingest/sqlite_1m_log`).
fn sqlite(c: &mut Criterion) {
    let runtime = Runtime::new().expect("a tokio runtime");
    let (store, dir) = runtime.block_on(sqlite_store("log"));
    runtime.block_on(fill(&store, "sqlite", PREFILL));

    let mut group = c.benchmark_group("count");
    group.throughput(Throughput::Elements(PREFILL as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("sqlite_1m_recount", |b| {
        b.to_async(&runtime).iter(|| async {
            let report = store
                .recount(&petition())
                .await
                .expect("the log is counted");
            black_box(report.counted)
        });
    });
    group.finish();

    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Elements(INGEST_LINES as u64));
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(10));
    ingest_onto_log(&mut group, &runtime, &store, "sqlite_1m_log");
    group.finish();
    runtime.block_on(store.close());
    let _ = std::fs::remove_dir_all(dir);
}

/// PostgreSQL: as [`sqlite`], without the recount.
fn postgres(c: &mut Criterion) {
    let runtime = Runtime::new().expect("a tokio runtime");
    let Some(store) = runtime.block_on(postgres_store("log")) else {
        return;
    };
    runtime.block_on(fill(&store, "postgres", PREFILL));
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Elements(INGEST_LINES as u64));
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(10));
    ingest_onto_log(&mut group, &runtime, &store, "postgres_1m_log");
    group.finish();
    runtime.block_on(store.close());
}

criterion_group!(benches, sqlite, postgres);
criterion_main!(benches);
