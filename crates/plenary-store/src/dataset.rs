//! A whole [`Dataset`] in the store: import, export, get by typed id, events between dates and
//! resource search.

use std::collections::BTreeMap;

use plenary::core::chrono::{Datelike, NaiveDate};
use plenary::core::{Actor, ActorId, DocumentId, EventId, PetitionId, ResourceId, SourceId};
use plenary::events::Event;
use plenary::petitions::Petition;
use plenary::resources::{Query, Resource, ResourceBank};
use plenary::treaty::Document;
use plenary::{Dataset, SCHEMA_VERSION, Source};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::{AnyConnection, Row};

use crate::rows::{Value, insert_rows};
use crate::{Error, Store};

/// The tables that hold the dataset, emptied in this order before an import.
const DATASET_TABLES: [&str; 8] = [
    "dataset_meta",
    "provenance",
    "sources",
    "actors",
    "events",
    "resources",
    "documents",
    "petitions",
];

impl Store {
    /// Validates `dataset` whole and, when it holds together, makes it the store's dataset in
    /// one transaction, replacing the one stored before. The moderation queue and the
    /// signature logs are kept.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] with every problem when the dataset does not validate: nothing is
    /// written. [`Error::Database`] when a write fails: the transaction is rolled back and the
    /// store is as it was.
    pub async fn import(&self, dataset: &Dataset) -> Result<(), Error> {
        dataset.validate().map_err(Error::Invalid)?;
        let doing = "importing the dataset";
        let mut tx = self.begin_write(doing).await?;
        for table in DATASET_TABLES {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await
                .map_err(Error::db(doing))?;
        }
        let meta = vec![vec![
            Value::Text("schema_version".into()),
            Value::Text(dataset.schema_version.to_string()),
        ]];
        insert_rows(&mut tx, "dataset_meta", &["key", "value"], &meta, doing).await?;
        let provenance: Vec<Vec<Value>> = dataset
            .provenance
            .iter()
            .enumerate()
            .map(|(i, (item, sources))| {
                vec![
                    Value::Text(item.to_string()),
                    Value::Int(position(i)),
                    Value::Text(to_json(sources)),
                ]
            })
            .collect();
        insert_rows(
            &mut tx,
            "provenance",
            &["item", "position", "sources"],
            &provenance,
            doing,
        )
        .await?;
        insert_items(&mut tx, "sources", &dataset.sources, |s| s.id.as_str()).await?;
        insert_items(&mut tx, "actors", &dataset.actors, |a| a.id.as_str()).await?;
        let events: Vec<Vec<Value>> = dataset
            .events
            .iter()
            .enumerate()
            .map(|(i, event)| {
                let (first, last) = match &event.when {
                    Some(when) => (
                        Some(day_number(when.earliest())),
                        when.latest_known().map(day_number),
                    ),
                    None => (None, None),
                };
                vec![
                    Value::Text(event.id.to_string()),
                    Value::Int(position(i)),
                    Value::MaybeInt(first),
                    Value::MaybeInt(last),
                    Value::Text(to_json(event)),
                ]
            })
            .collect();
        insert_rows(
            &mut tx,
            "events",
            &["id", "position", "first_day", "last_day", "body"],
            &events,
            doing,
        )
        .await?;
        let resources: Vec<Vec<Value>> = dataset
            .resources
            .iter()
            .enumerate()
            .map(|(i, resource)| resource_row(resource, position(i)))
            .collect();
        insert_rows(
            &mut tx,
            "resources",
            &["id", "position", "canonical_link", "body"],
            &resources,
            doing,
        )
        .await?;
        let documents: Vec<Vec<Value>> = dataset
            .documents
            .iter()
            .enumerate()
            .map(|(i, document)| {
                vec![
                    Value::Int(position(i)),
                    Value::MaybeText(document.id.as_ref().map(ToString::to_string)),
                    Value::Text(to_json(document)),
                ]
            })
            .collect();
        insert_rows(
            &mut tx,
            "documents",
            &["position", "id", "body"],
            &documents,
            doing,
        )
        .await?;
        insert_items(&mut tx, "petitions", &dataset.petitions, |p| p.id.as_str()).await?;
        tx.commit().await.map_err(Error::db(doing))?;
        Ok(())
    }

    /// The stored dataset, parts in the order they were imported (resources approved from the
    /// moderation queue after the imported ones). An empty store gives an empty dataset.
    ///
    /// # Errors
    ///
    /// [`Error::Database`] when a read fails, [`Error::Corrupt`] when a row cannot be read back.
    pub async fn export(&self) -> Result<Dataset, Error> {
        let doing = "exporting the dataset";
        let version: Option<String> =
            sqlx::query("SELECT value FROM dataset_meta WHERE key = 'schema_version'")
                .fetch_optional(&self.pool)
                .await
                .map_err(Error::db(doing))?
                .map(|row| row.try_get(0))
                .transpose()
                .map_err(Error::db(doing))?;
        let schema_version = match version {
            None => SCHEMA_VERSION,
            Some(text) => text.parse().map_err(|_| Error::Corrupt {
                part: "dataset_meta",
                id: "schema_version".into(),
                message: format!("{text:?} is not a number"),
            })?,
        };
        let mut provenance = BTreeMap::new();
        for (item, sources) in self
            .rows(
                "SELECT item, sources FROM provenance ORDER BY position",
                doing,
            )
            .await?
        {
            let sources = from_json("provenance", &item, &sources)?;
            let key = item
                .parse()
                .map_err(|e: plenary::core::Error| Error::Corrupt {
                    part: "provenance",
                    id: item.clone(),
                    message: e.to_string(),
                })?;
            provenance.insert(key, sources);
        }
        Ok(Dataset {
            schema_version,
            sources: self.items("sources", doing).await?,
            provenance,
            actors: self.items("actors", doing).await?,
            events: self.items("events", doing).await?,
            resources: self.items("resources", doing).await?,
            documents: self.items("documents", doing).await?,
            petitions: self.items("petitions", doing).await?,
        })
    }

    /// The source `id`, if stored.
    ///
    /// # Errors
    ///
    /// [`Error::Database`] when the read fails, [`Error::Corrupt`] when the row cannot be read.
    pub async fn source(&self, id: &SourceId) -> Result<Option<Source>, Error> {
        self.item("sources", id.as_str()).await
    }

    /// The actor `id`, if stored.
    ///
    /// # Errors
    ///
    /// As [`source`](Self::source).
    pub async fn actor(&self, id: &ActorId) -> Result<Option<Actor>, Error> {
        self.item("actors", id.as_str()).await
    }

    /// The event `id`, if stored.
    ///
    /// # Errors
    ///
    /// As [`source`](Self::source).
    pub async fn event(&self, id: &EventId) -> Result<Option<Event>, Error> {
        self.item("events", id.as_str()).await
    }

    /// The resource `id`, if stored.
    ///
    /// # Errors
    ///
    /// As [`source`](Self::source).
    pub async fn resource(&self, id: &ResourceId) -> Result<Option<Resource>, Error> {
        self.item("resources", id.as_str()).await
    }

    /// The document `id`, if stored.
    ///
    /// # Errors
    ///
    /// As [`source`](Self::source).
    pub async fn document(&self, id: &DocumentId) -> Result<Option<Document>, Error> {
        self.item("documents", id.as_str()).await
    }

    /// The petition `id`, if stored.
    ///
    /// # Errors
    ///
    /// As [`source`](Self::source).
    pub async fn petition(&self, id: &PetitionId) -> Result<Option<Petition>, Error> {
        self.item("petitions", id.as_str()).await
    }

    /// The events known to share a day with `first..=last` (as [`DateSpan::overlaps`]), by
    /// first day then dataset order. Events without dates are left out.
    ///
    /// [`DateSpan::overlaps`]: plenary::core::DateSpan::overlaps
    ///
    /// # Errors
    ///
    /// As [`source`](Self::source).
    pub async fn events_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<Vec<Event>, Error> {
        let doing = "listing events between dates";
        let rows = sqlx::query(
            "SELECT id, body FROM events WHERE first_day <= $1 \
             AND (last_day IS NULL OR last_day >= $2) ORDER BY first_day, position",
        )
        .bind(day_number(last))
        .bind(day_number(first))
        .fetch_all(&self.pool)
        .await
        .map_err(Error::db(doing))?;
        rows.iter()
            .map(|row| {
                let (id, body) = id_and_body(row, doing)?;
                from_json("events", &id, &body)
            })
            .collect()
    }

    /// The stored resources matching `query`, best first, ranked by the resource bank's
    /// search (the same ranking as on a dataset file).
    ///
    /// # Errors
    ///
    /// As [`source`](Self::source); [`Error::Resources`] when the stored resources do not make a
    /// bank (which an imported, validated dataset always does).
    pub async fn search_resources(&self, query: &Query) -> Result<Vec<Resource>, Error> {
        let doing = "searching resources";
        let actors: Vec<Actor> = self.items("actors", doing).await?;
        let resources: Vec<Resource> = self.items("resources", doing).await?;
        let bank = ResourceBank::from_resources(actors, resources)?;
        Ok(bank
            .search(query)
            .into_iter()
            .map(|hit| hit.resource.clone())
            .collect())
    }

    async fn item<T: DeserializeOwned>(
        &self,
        table: &'static str,
        id: &str,
    ) -> Result<Option<T>, Error> {
        let doing = format!("reading {table} {id:?}");
        let row = sqlx::query(&format!("SELECT body FROM {table} WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(Error::db(&doing))?;
        match row {
            None => Ok(None),
            Some(row) => {
                let body: String = row.try_get(0).map_err(Error::db(&doing))?;
                from_json(table, id, &body).map(Some)
            }
        }
    }

    pub(crate) async fn items<T: DeserializeOwned>(
        &self,
        table: &'static str,
        doing: &str,
    ) -> Result<Vec<T>, Error> {
        let sql = format!("SELECT COALESCE(id, ''), body FROM {table} ORDER BY position");
        self.rows(&sql, doing)
            .await?
            .into_iter()
            .map(|(id, body)| from_json(table, &id, &body))
            .collect()
    }

    async fn rows(&self, sql: &str, doing: &str) -> Result<Vec<(String, String)>, Error> {
        sqlx::query(sql)
            .fetch_all(&self.pool)
            .await
            .map_err(Error::db(doing))?
            .iter()
            .map(|row| id_and_body(row, doing))
            .collect()
    }
}

/// The row of `resource` at `position` in the `resources` table.
pub(crate) fn resource_row(resource: &Resource, position: i64) -> Vec<Value> {
    vec![
        Value::Text(resource.id.to_string()),
        Value::Int(position),
        Value::MaybeText(resource.link.as_ref().map(|l| l.canonical().to_string())),
        Value::Text(to_json(resource)),
    ]
}

async fn insert_items<T: Serialize>(
    conn: &mut AnyConnection,
    table: &'static str,
    items: &[T],
    id: impl Fn(&T) -> &str,
) -> Result<(), Error> {
    let rows: Vec<Vec<Value>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            vec![
                Value::Text(id(item).to_owned()),
                Value::Int(position(i)),
                Value::Text(to_json(item)),
            ]
        })
        .collect();
    insert_rows(
        conn,
        table,
        &["id", "position", "body"],
        &rows,
        "importing the dataset",
    )
    .await
}

fn id_and_body(row: &sqlx::any::AnyRow, doing: &str) -> Result<(String, String), Error> {
    Ok((
        row.try_get(0).map_err(Error::db(doing))?,
        row.try_get(1).map_err(Error::db(doing))?,
    ))
}

/// The days from the common era of `day`, as the `events` table keeps them.
fn day_number(day: NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce())
}

fn position(index: usize) -> i64 {
    i64::try_from(index).unwrap_or(i64::MAX)
}

pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("the model's types serialise: their keys are strings")
}

pub(crate) fn from_json<T: DeserializeOwned>(
    part: &'static str,
    id: &str,
    body: &str,
) -> Result<T, Error> {
    serde_json::from_str(body).map_err(|e| Error::Corrupt {
        part,
        id: id.to_owned(),
        message: e.to_string(),
    })
}
