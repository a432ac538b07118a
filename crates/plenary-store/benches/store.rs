//! Batched signature ingest into SQLite and PostgreSQL, and the count of a petition of a
//! million signatures from the log. The signatures are generated here, at bench time.
//!
//! The PostgreSQL half runs when `PLENARY_TEST_POSTGRES_URL` names a server whose user may
//! create databases (`.ci/with-postgres cargo bench -p plenary-store` starts one); otherwise it
//! prints a notice and is left out.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use plenary::core::PetitionId;
use plenary_store::Store;
use sqlx::Connection;
use tokio::runtime::Runtime;

/// Lines per ingest iteration: one batch.
const INGEST_LINES: usize = 20_000;
/// Signatures of the counted petition.
const COUNT_SIGNATURES: usize = 1_000_000;

/// Signatures NDJSON for signers `first..first + n`: one in ten signs twice (an address variant),
/// 40 countries, a few without a country.
fn generate(first: usize, n: usize) -> Vec<u8> {
    const COUNTRIES: [&str; 40] = [
        "GB", "US", "DE", "FR", "BR", "IN", "KE", "NG", "AE", "JP", "CN", "RU", "ES", "IT", "MX",
        "AR", "CA", "AU", "ZA", "EG", "SE", "NO", "DK", "FI", "PL", "UA", "TR", "IR", "PK", "BD",
        "ID", "PH", "TH", "VN", "KR", "CL", "CO", "PE", "GH", "CH",
    ];
    let mut out = Vec::with_capacity(n * 130);
    for i in first..first + n {
        let signer = if i % 10 == 9 { i - 5 } else { i };
        let email = if i % 10 == 9 {
            format!("Signer.{signer}+wcit@Example.org")
        } else {
            format!("signer.{signer}@example.org")
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

fn ingest(c: &mut Criterion) {
    let runtime = Runtime::new().expect("a tokio runtime");
    let input = generate(0, INGEST_LINES);
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Elements(INGEST_LINES as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));

    let (store, dir) = runtime.block_on(sqlite_store("ingest"));
    group.bench_function("sqlite", |b| {
        b.to_async(&runtime).iter(|| async {
            let report = store
                .sign(&petition(), &input)
                .await
                .expect("the batch is stored");
            black_box(report.stored)
        });
    });
    runtime.block_on(store.close());
    let _ = std::fs::remove_dir_all(dir);

    if let Some(store) = runtime.block_on(postgres_store("ingest")) {
        group.bench_function("postgres", |b| {
            b.to_async(&runtime).iter(|| async {
                let report = store
                    .sign(&petition(), &input)
                    .await
                    .expect("the batch is stored");
                black_box(report.stored)
            });
        });
        runtime.block_on(store.close());
    }
    group.finish();
}

fn count(c: &mut Criterion) {
    let runtime = Runtime::new().expect("a tokio runtime");
    let mut group = c.benchmark_group("count");
    group.throughput(Throughput::Elements(COUNT_SIGNATURES as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));

    let (store, dir) = runtime.block_on(sqlite_store("count"));
    runtime.block_on(async {
        for first in (0..COUNT_SIGNATURES).step_by(100_000) {
            store
                .sign(&petition(), &generate(first, 100_000))
                .await
                .expect("the signatures are stored");
        }
    });
    group.bench_function("sqlite_1m_recount", |b| {
        b.to_async(&runtime).iter(|| async {
            let report = store
                .recount(&petition())
                .await
                .expect("the log is counted");
            black_box(report.counted)
        });
    });
    runtime.block_on(store.close());
    let _ = std::fs::remove_dir_all(dir);
    group.finish();
}

criterion_group!(benches, ingest, count);
criterion_main!(benches);
