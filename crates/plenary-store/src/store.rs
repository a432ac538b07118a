//! Opening a store: SQLite or PostgreSQL, migrations and the schema version check.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyConnection, AnyPool, Connection, Executor, Row, Transaction};

use crate::Error;
use crate::signatures::Running;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// How long a SQLite writer waits for another writer's transaction before giving up.
const SQLITE_BUSY_TIMEOUT_MS: u32 = 60_000;

/// The most page cache each SQLite connection keeps, in KiB. SQLite's default, 2 MiB, is
/// less than the indexes of one petition's log: each batch read most of their pages back from
/// the file again.
const SQLITE_CACHE_KIB: u32 = 65_536;

/// How much of the SQLite file each connection reads through a memory map instead of
/// copying it in with `read`.
const SQLITE_MMAP_BYTES: u64 = 1 << 30;

/// Which database a [`Store`] is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server (or Citus).
    Postgres,
}

/// The plenary data model in a database.
///
/// Cloning a store is cheap: clones share one connection pool and one set of running counts.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
    pub(crate) location: String,
    pub(crate) running: Arc<Mutex<HashMap<String, Running>>>,
}

impl Store {
    /// Opens the store at `location` — a `postgres://` or `postgresql://` URL, or else the path
    /// of a SQLite file, created when missing — and brings its schema up to date.
    ///
    /// # Errors
    ///
    /// [`Error::Open`] when the database cannot be opened or reached, [`Error::NewerSchema`]
    /// when a newer version of this crate wrote it, [`Error::Migrate`] when a migration fails.
    pub async fn open(location: &str) -> Result<Self, Error> {
        if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            Self::open_postgres(location).await
        } else {
            Self::open_sqlite(Path::new(location)).await
        }
    }

    /// Opens (creating when missing) the SQLite file at `path`.
    ///
    /// # Errors
    ///
    /// As [`open`](Self::open).
    pub async fn open_sqlite(path: &Path) -> Result<Self, Error> {
        let location = path.display().to_string();
        let text = path.to_str().ok_or_else(|| Error::Open {
            location: location.clone(),
            source: sqlx::Error::Configuration("the path is not UTF-8".into()),
        })?;
        // The driver reads the path percent-decoded, so '%', '?' and '#' are encoded.
        let encoded = text
            .replace('%', "%25")
            .replace('?', "%3F")
            .replace('#', "%23");
        let url = format!("sqlite://{encoded}?mode=rwc");
        install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute(
                        format!(
                            "PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}; \
                             PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; \
                             PRAGMA cache_size = -{SQLITE_CACHE_KIB}; \
                             PRAGMA mmap_size = {SQLITE_MMAP_BYTES};"
                        )
                        .as_str(),
                    )
                    .await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(|source| Error::Open {
                location: location.clone(),
                source,
            })?;
        Self::ready(pool, Backend::Sqlite, location).await
    }

    async fn open_postgres(url: &str) -> Result<Self, Error> {
        let location = without_password(url);
        install_default_drivers();
        // One connection first: a server that is not there is an error at once, where the pool
        // would retry until its timeout.
        let open_error = |source| Error::Open {
            location: location.clone(),
            source,
        };
        AnyConnection::connect(url)
            .await
            .map_err(open_error)?
            .close()
            .await
            .map_err(open_error)?;
        let pool = AnyPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(30))
            .connect(url)
            .await
            .map_err(|source| Error::Open {
                location: location.clone(),
                source,
            })?;
        Self::ready(pool, Backend::Postgres, location).await
    }

    async fn ready(pool: AnyPool, backend: Backend, location: String) -> Result<Self, Error> {
        let migrator = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        let supported = migrator.iter().map(|m| m.version).max().unwrap_or(0);
        if let Some(found) = applied_version(&pool, backend).await?
            && found > supported
        {
            return Err(Error::NewerSchema {
                location,
                found,
                supported,
            });
        }
        migrator.run(&pool).await.map_err(|source| Error::Migrate {
            location: location.clone(),
            source,
        })?;
        Ok(Self {
            pool,
            backend,
            location,
            running: Arc::default(),
        })
    }

    /// The database this store is on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The file or URL the store was opened at, without any password.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// The schema version of the database: the newest migration applied.
    ///
    /// # Errors
    ///
    /// [`Error::Database`] when the query fails.
    pub async fn schema_version(&self) -> Result<i64, Error> {
        Ok(applied_version(&self.pool, self.backend)
            .await?
            .unwrap_or(0))
    }

    /// The newest schema version this crate writes.
    pub fn supported_schema_version() -> i64 {
        SQLITE_MIGRATIONS
            .iter()
            .map(|m| m.version)
            .max()
            .unwrap_or(0)
    }

    /// Begins a transaction that writes: on SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so that concurrent writers wait their turn instead of failing.
    pub(crate) async fn begin_write(
        &self,
        doing: &str,
    ) -> Result<Transaction<'static, Any>, Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
        .map_err(Error::db(doing))
    }

    /// Closes the connections, waiting for them to finish.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The newest migration applied to the database, or `None` for a database never migrated.
async fn applied_version(pool: &AnyPool, backend: Backend) -> Result<Option<i64>, Error> {
    let exists = match backend {
        Backend::Sqlite => {
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'"
        }
        Backend::Postgres => {
            "SELECT COUNT(*) FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'"
        }
    };
    let doing = "reading the schema version";
    let count: i64 = sqlx::query(exists)
        .fetch_one(pool)
        .await
        .and_then(|row| row.try_get(0))
        .map_err(Error::db(doing))?;
    if count == 0 {
        return Ok(None);
    }
    let rows = sqlx::query("SELECT version FROM _sqlx_migrations")
        .fetch_all(pool)
        .await
        .map_err(Error::db(doing))?;
    let mut newest = None;
    for row in rows {
        let version: i64 = row.try_get(0).map_err(Error::db(doing))?;
        newest = newest.max(Some(version));
    }
    Ok(newest)
}

/// `url` with its password, if any, replaced by `***`, for messages.
fn without_password(url: &str) -> String {
    match plenary::core::url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            // A URL with a password has a host, so setting one cannot fail.
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        Ok(parsed) => parsed.to_string(),
        Err(_) => "the PostgreSQL URL given".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_stay_out_of_messages() {
        for (url, expected) in [
            (
                "postgres://plenary:secret@localhost:5433/db",
                "postgres://plenary:***@localhost:5433/db",
            ),
            (
                "postgres://plenary@localhost/db",
                "postgres://plenary@localhost/db",
            ),
            ("postgres://[bad", "the PostgreSQL URL given"),
        ] {
            assert_eq!(without_password(url), expected);
        }
    }
}
