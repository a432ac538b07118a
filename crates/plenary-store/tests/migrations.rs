//! A database written with schema version 1 — a log without signer keys — opens, migrates,
//! counts the same, and its signers are still found.

#![allow(clippy::unwrap_used)] // in the tests' helpers too

mod support;

use plenary::core::PetitionId;
use plenary::datasets;
use plenary::petitions::{LineParser, SignatureState, Tally};
use plenary_store::{Backend, Store};
use sqlx::Row;

const PETITION: &str = "accessnow/internet-belongs-to-us";

fn petition() -> PetitionId {
    PETITION.parse().unwrap()
}

/// Writes `lines` into `db` as version 1 of this crate did: the schema of migration 1 only,
/// applied through sqlx's migrator as `Store::open` applied it then, and one batch of signature
/// rows with the columns of version 1.
async fn write_v1_log(db: &support::TestDb, lines: &str) {
    let backend = match db.backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
        _ => unreachable!("the tests run on SQLite and PostgreSQL"),
    };
    let url = match db.backend {
        Backend::Sqlite => format!("sqlite://{}?mode=rwc", db.location),
        _ => db.location.clone(),
    };
    let dir =
        std::env::temp_dir().join(format!("plenary-store-v1-{backend}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        support::repo_file(&format!(
            "crates/plenary-store/migrations/{backend}/0001_store.sql"
        )),
        dir.join("0001_store.sql"),
    )
    .unwrap();
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let migrator = sqlx::migrate::Migrator::new(dir.as_path()).await.unwrap();
    assert_eq!(migrator.iter().count(), 1);
    migrator.run(&pool).await.unwrap();
    let _ = std::fs::remove_dir_all(&dir);

    let count = i64::try_from(lines.lines().count()).unwrap();
    let batch: i64 = sqlx::query(
        "INSERT INTO signature_batches (petition, lines, stored) VALUES ($1, $2, $2) RETURNING id",
    )
    .bind(PETITION)
    .bind(count)
    .fetch_one(&pool)
    .await
    .unwrap()
    .try_get(0)
    .unwrap();
    let mut parser = LineParser::new();
    for (i, line) in lines.lines().enumerate() {
        let fields = parser.parse(line.as_bytes()).unwrap().unwrap();
        sqlx::query(
            "INSERT INTO signature_log \
             (petition, batch, kind, line, target, signer, signed_at, country, state, record) \
             VALUES ($1, $2, 'signature', $3, NULL, $4, $5, $6, $7, $8)",
        )
        .bind(PETITION)
        .bind(batch)
        .bind(i64::try_from(i + 1).unwrap())
        .bind(fields.email)
        .bind(fields.signed_at)
        .bind(fields.country.map(|c| c.code()))
        .bind(fields.state.as_str())
        .bind(line)
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;
}

#[tokio::test]
async fn a_version_1_log_migrates_and_its_signers_are_still_found() {
    let v1 = support::signature_lines(0..300);
    let v2 = support::signature_lines(250..400);
    for db in support::databases("v1_log").await {
        write_v1_log(&db, &v1).await;
        let store: Store = db.open().await;
        assert_eq!(
            store.schema_version().await.unwrap(),
            Store::supported_schema_version()
        );
        store.import(&datasets::wcit12()).await.unwrap();
        let mut tally = Tally::with_milestones([500_000]);
        tally.add_ndjson(v1.as_bytes());
        let count = store.count(&petition()).await.unwrap();
        assert_eq!(
            (count.counted, count.duplicates, &count.by_country),
            (
                tally.report().counted,
                tally.report().duplicates,
                &tally.report().by_country
            ),
            "{:?}",
            db.backend
        );
        assert_eq!(store.recount(&petition()).await.unwrap(), count);

        store.sign(&petition(), v2.as_bytes()).await.unwrap();
        assert_eq!(store.log_len(&petition()).await.unwrap(), 450);
        // signer 10 signed in version 1 only, 260 in both versions, 350 in version 2 only.
        for (email, changed) in [
            ("signer10@example.org", 1),
            ("Signer260@Example.org", 2),
            ("signer350@example.org", 1),
            ("signer10@example.org", 0),
            ("nobody@example.org", 0),
        ] {
            assert_eq!(
                store
                    .change_signer(&petition(), email, SignatureState::Withdrawn, "by test")
                    .await
                    .unwrap(),
                changed,
                "{email} on {:?}",
                db.backend
            );
        }
        let count = store.count(&petition()).await.unwrap();
        assert_eq!(count.counted, 400 - 3, "{:?}", db.backend);
        assert_eq!(
            count.states.get("withdrawn"),
            Some(&4),
            "signatures, not signers"
        );
        assert_eq!(store.recount(&petition()).await.unwrap(), count);
        store.close().await;
    }
}
