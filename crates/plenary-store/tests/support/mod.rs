//! What the store tests share: the databases each test runs on.
//!
//! Every test runs on a fresh SQLite file. When `PLENARY_TEST_POSTGRES_URL` names a PostgreSQL
//! server (a URL whose user may create databases), it also runs on a fresh database there; when
//! `CI` is set and the variable is not, the tests fail rather than skip PostgreSQL.

#![allow(dead_code, unreachable_pub)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use plenary::core::url::Url;
use plenary_store::{Backend, Store};
use sqlx::Connection;

/// The variable naming the PostgreSQL server of the tests.
pub const POSTGRES_VAR: &str = "PLENARY_TEST_POSTGRES_URL";

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A database made for one test, removed when dropped (SQLite) or at the next run (PostgreSQL).
pub struct TestDb {
    /// The file path or URL to open.
    pub location: String,
    /// Which database it is.
    pub backend: Backend,
    dir: Option<PathBuf>,
}

impl TestDb {
    /// Opens the store.
    pub async fn open(&self) -> Store {
        match Store::open(&self.location).await {
            Ok(store) => store,
            Err(e) => panic!("cannot open {}: {e}", self.location),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A fresh SQLite file, and a fresh PostgreSQL database when the tests have a server.
pub async fn databases(test: &str) -> Vec<TestDb> {
    let mut dbs = vec![sqlite(test)];
    if let Some(db) = postgres(test).await {
        dbs.push(db);
    }
    dbs
}

/// A fresh SQLite file in a directory of its own.
pub fn sqlite(test: &str) -> TestDb {
    let dir = std::env::temp_dir().join(format!(
        "plenary-store-{test}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the temporary directory is writable");
    TestDb {
        location: dir.join("plenary.db").display().to_string(),
        backend: Backend::Sqlite,
        dir: Some(dir),
    }
}

/// A fresh PostgreSQL database named after the test, or `None` when the tests have no server
/// (a failure under CI).
pub async fn postgres(test: &str) -> Option<TestDb> {
    let Ok(url) = std::env::var(POSTGRES_VAR) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but {POSTGRES_VAR} is not: the PostgreSQL tests must run in CI \
             (.ci/run starts a server and sets it)"
        );
        return None;
    };
    let name = format!(
        "plenary_{}_{}",
        test.replace(|c: char| !c.is_ascii_alphanumeric(), "_"),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = sqlx::PgConnection::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("cannot reach {POSTGRES_VAR}: {e}"));
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut admin)
        .await
        .expect("the test user may drop its databases");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("the test user may create databases");
    admin.close().await.expect("closing the admin connection");
    let mut db_url = Url::parse(&url).expect("the PostgreSQL URL parses");
    db_url.set_path(&format!("/{name}"));
    Some(TestDb {
        location: db_url.to_string(),
        backend: Backend::Postgres,
        dir: None,
    })
}

/// The path of a file of the repository, from the workspace root.
pub fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// `n` signature lines; signer `i` is `signer{i}@example.org`, signing at second `i` of the day.
pub fn signature_lines(signers: impl IntoIterator<Item = usize>) -> String {
    const COUNTRIES: [&str; 4] = ["BR", "KE", "DE", "IN"];
    let mut out = String::new();
    for i in signers {
        out.push_str(&format!(
            "{{\"name\": \"Signer {i}\", \"email\": \"signer{i}@example.org\", \"country\": \"{}\", \"signed_at\": \"2012-12-{:02}T{:02}:{:02}:{:02}Z\"}}\n",
            COUNTRIES[i % 4],
            1 + (i / 86_400) % 28,
            (i / 3600) % 24,
            (i / 60) % 60,
            i % 60
        ));
    }
    out
}
