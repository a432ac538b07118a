//! A whole dataset in the store, on SQLite and (when the tests have a server) PostgreSQL.

#![allow(clippy::unwrap_used)] // in the tests' helpers too

mod support;

use plenary::core::chrono::NaiveDate;
use plenary::resources::Query;
use plenary::{Dataset, datasets};
use plenary_store::{Backend, Error, Store};
use sqlx::Connection;

#[tokio::test]
async fn the_wcit12_dataset_goes_in_and_comes_back_as_the_same_json() {
    let dataset = datasets::wcit12();
    let json = dataset.to_json();
    for db in support::databases("roundtrip").await {
        let store = db.open().await;
        assert_eq!(
            store.export().await.unwrap(),
            Dataset::default(),
            "empty at first"
        );
        store.import(&dataset).await.unwrap();
        let exported = store.export().await.unwrap();
        assert_eq!(exported.to_json(), json, "{:?}", db.backend);
        // A second import replaces the first rather than adding to it.
        store.import(&dataset).await.unwrap();
        assert_eq!(store.export().await.unwrap(), dataset);
        store.close().await;
        // And it survives a restart.
        assert_eq!(db.open().await.export().await.unwrap().to_json(), json);
    }
}

#[tokio::test]
async fn an_invalid_dataset_is_refused_whole_with_every_problem_and_nothing_written() {
    let good = datasets::wcit12();
    let mut bad = good.clone();
    bad.events[0]
        .organisers
        .push("no-such-actor".parse().unwrap());
    bad.actors.push(bad.actors[0].clone());
    bad.petitions.truncate(1);
    let expected = bad.validate().unwrap_err();
    assert!(expected.0.len() >= 2, "{expected}");
    for db in support::databases("refused").await {
        let store = db.open().await;
        store.import(&good).await.unwrap();
        match store.import(&bad).await {
            Err(Error::Invalid(problems)) => {
                assert_eq!(problems, expected);
                let message = Error::Invalid(problems).to_string();
                assert!(
                    message.contains("refused whole and nothing was written"),
                    "{message}"
                );
                assert!(message.contains("no-such-actor"), "{message}");
            }
            other => panic!("expected the dataset refused, got {other:?}"),
        }
        assert_eq!(store.export().await.unwrap(), good, "{:?}", db.backend);
    }
}

#[tokio::test]
async fn items_come_back_by_typed_id() {
    let dataset = datasets::wcit12();
    for db in support::databases("by_id").await {
        let store = db.open().await;
        store.import(&dataset).await.unwrap();
        let event = store.event(&"wcit-12".parse().unwrap()).await.unwrap();
        assert_eq!(event.as_ref(), dataset.event(&"wcit-12".parse().unwrap()));
        let actor = store.actor(&"itu".parse().unwrap()).await.unwrap();
        assert_eq!(actor.as_ref(), dataset.actor(&"itu".parse().unwrap()));
        let petition = &dataset.petitions[0];
        assert_eq!(
            store.petition(&petition.id).await.unwrap().as_ref(),
            Some(petition)
        );
        let resource = &dataset.resources[3];
        assert_eq!(
            store.resource(&resource.id).await.unwrap().as_ref(),
            Some(resource)
        );
        let source = &dataset.sources[0];
        assert_eq!(
            store.source(&source.id).await.unwrap().as_ref(),
            Some(source)
        );
        let document = dataset
            .documents
            .iter()
            .find(|d| d.id.is_some())
            .expect("a document with an id");
        let id = document.id.clone().unwrap();
        assert_eq!(store.document(&id).await.unwrap().as_ref(), Some(document));
        for missing in [
            store
                .event(&"wcit-13".parse().unwrap())
                .await
                .unwrap()
                .is_none(),
            store
                .actor(&"nobody".parse().unwrap())
                .await
                .unwrap()
                .is_none(),
            store
                .petition(&"nothing".parse().unwrap())
                .await
                .unwrap()
                .is_none(),
        ] {
            assert!(missing);
        }
    }
}

#[tokio::test]
async fn events_between_dates_are_those_known_to_share_a_day_with_them() {
    let dataset = datasets::wcit12();
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    for db in support::databases("between").await {
        let store = db.open().await;
        store.import(&dataset).await.unwrap();
        for (first, last) in [
            ("2012-12-01", "2012-12-31"),
            ("2012-09-14", "2012-09-14"),
            ("2012-01-01", "2013-12-31"),
            ("2014-06-01", "2014-06-01"),
            ("2011-01-01", "2011-12-31"),
        ] {
            let (first, last) = (day(first), day(last));
            let got: Vec<String> = store
                .events_between(first, last)
                .await
                .unwrap()
                .into_iter()
                .map(|e| e.id.to_string())
                .collect();
            let mut expected: Vec<_> = dataset
                .events
                .iter()
                .filter(|e| e.when.as_ref().is_some_and(|w| w.overlaps(first, last)))
                .collect();
            expected.sort_by_key(|e| e.when.as_ref().map(|w| w.earliest()));
            let expected: Vec<String> = expected.iter().map(|e| e.id.to_string()).collect();
            assert_eq!(got, expected, "{first}..{last} on {:?}", db.backend);
        }
        let december = store
            .events_between(day("2012-12-01"), day("2012-12-31"))
            .await
            .unwrap();
        assert_eq!(december.len(), 1);
        assert_eq!(december[0].id.as_str(), "wcit-12");
    }
}

#[tokio::test]
async fn resource_search_ranks_as_the_bank_does() {
    let dataset = datasets::wcit12();
    let bank = plenary::resources::ResourceBank::from_resources(
        dataset.actors.clone(),
        dataset.resources.clone(),
    )
    .unwrap();
    for db in support::databases("search").await {
        let store = db.open().await;
        store.import(&dataset).await.unwrap();
        for text in ["net neutrality", "security", "ITU", "", "zzzz-nothing"] {
            let query = Query::new(text);
            let got: Vec<String> = store
                .search_resources(&query)
                .await
                .unwrap()
                .iter()
                .map(|r| r.id.to_string())
                .collect();
            let expected: Vec<String> = bank
                .search(&query)
                .iter()
                .map(|h| h.resource.id.to_string())
                .collect();
            assert_eq!(got, expected, "{text:?}");
        }
        assert!(
            !store
                .search_resources(&Query::new("net neutrality"))
                .await
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn a_database_from_a_newer_version_is_a_clear_error() {
    for db in support::databases("newer").await {
        let store = db.open().await;
        assert_eq!(
            store.schema_version().await.unwrap(),
            Store::supported_schema_version()
        );
        store.close().await;
        let future = Store::supported_schema_version() + 1;
        match db.backend {
            Backend::Sqlite => {
                let mut conn =
                    sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.location))
                        .await
                        .unwrap();
                sqlx::query(
                    "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
                     VALUES ($1, 'from the future', TRUE, x'00', 0)",
                )
                .bind(future)
                .execute(&mut conn)
                .await
                .unwrap();
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&db.location).await.unwrap();
                sqlx::query(
                    "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
                     VALUES ($1, 'from the future', TRUE, '\\x00'::bytea, 0)",
                )
                .bind(future)
                .execute(&mut conn)
                .await
                .unwrap();
            }
            _ => unreachable!("two backends"),
        }
        let err = Store::open(&db.location).await.unwrap_err();
        assert!(
            matches!(err, Error::NewerSchema { found, .. } if found == future),
            "{err:?}"
        );
        let message = err.to_string();
        assert!(
            message.contains(&format!("schema version {future}"))
                && message.contains("upgrade plenary-store"),
            "{message}"
        );
    }
}

#[tokio::test]
async fn a_location_that_cannot_be_opened_is_a_clear_error() {
    let err = Store::open("/nonexistent-dir/for/sure/plenary.db")
        .await
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("cannot open the store at /nonexistent-dir/for/sure/plenary.db"),
        "{message}"
    );
    let err = Store::open("postgres://user:hunter2@127.0.0.1:1/none")
        .await
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("postgres://user:***@127.0.0.1:1/none"),
        "{message}"
    );
    assert!(!message.contains("hunter2"), "{message}");
}
