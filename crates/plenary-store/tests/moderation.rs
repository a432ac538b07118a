//! The moderation queue in the store: submit, pending, approve, reject, duplicates by canonical
//! link, and a queue that survives a restart.

#![allow(clippy::unwrap_used)] // in the tests' helpers too

mod support;

use plenary::core::Link;
use plenary::resources::{ModerationState, Query, Suggestion, SuggestionId};
use plenary::{Dataset, datasets};
use plenary_store::Error;

fn suggestion(title: &str, link: &str) -> Suggestion {
    Suggestion {
        title: title.into(),
        link: link.into(),
        author: "Internet Society".into(),
        description: "Why the ITRs matter.".into(),
        ..Suggestion::default()
    }
}

#[tokio::test]
async fn suggestions_wait_for_a_moderator_and_survive_a_restart() {
    for db in support::databases("queue").await {
        let store = db.open().await;
        store.import(&datasets::wcit12()).await.unwrap();
        let first = store
            .submit(&suggestion(
                "WCIT leaks",
                "https://wcitleaks.org/?utm_source=x",
            ))
            .await
            .unwrap();
        let second = store
            .submit(&suggestion(
                "Internet governance primer",
                "https://example.org/primer",
            ))
            .await
            .unwrap();
        assert_eq!(
            (first.id, second.id),
            (SuggestionId::from(1), SuggestionId::from(2))
        );
        assert_eq!(first.state, ModerationState::Pending);
        store.close().await;

        let store = db.open().await;
        let pending = store.pending().await.unwrap();
        assert_eq!(
            pending,
            vec![first.clone(), second.clone()],
            "{:?}",
            db.backend
        );

        let resource = store.approve(SuggestionId::from(1), None).await.unwrap();
        assert_eq!(resource.id.as_str(), "suggestion-1");
        assert_eq!(resource.title.as_str(), "WCIT leaks");
        assert_eq!(
            resource.authors[0].to_string(),
            "isoc",
            "the author is the known actor"
        );
        let rejected = store
            .reject(SuggestionId::from(2), "  off topic ")
            .await
            .unwrap();
        assert_eq!(
            rejected.state,
            ModerationState::Rejected {
                reason: "off topic".into()
            }
        );
        assert!(store.pending().await.unwrap().is_empty());
        store.close().await;

        // The approved resource is in the dataset, found by search, and the export still
        // validates.
        let store = db.open().await;
        let exported = store.export().await.unwrap();
        exported.validate().unwrap();
        assert_eq!(exported.resources.last(), Some(&resource));
        let hits = store
            .search_resources(&Query::new("wcit leaks"))
            .await
            .unwrap();
        assert_eq!(hits.first().map(|r| r.id.as_str()), Some("suggestion-1"));
        let queue = store.queue().await.unwrap();
        assert_eq!(queue.len(), 2);
        assert_eq!(
            queue[0].state,
            ModerationState::Approved {
                resource: "suggestion-1".parse().unwrap()
            }
        );
        assert_eq!(
            store.suggestion(SuggestionId::from(2)).await.unwrap(),
            Some(rejected)
        );
        assert_eq!(store.suggestion(SuggestionId::from(3)).await.unwrap(), None);
    }
}

#[tokio::test]
async fn a_link_already_in_the_bank_is_a_duplicate_by_canonical_form() {
    let mut dataset = Dataset {
        actors: datasets::wcit12_actors(),
        ..Dataset::default()
    };
    let mut resource = datasets::wcit12_resources().remove(0);
    resource.related_events.clear();
    resource.related_documents.clear();
    resource.related_petitions.clear();
    resource.link = Some(Link::parse("https://www.accessnow.org/itrs").unwrap());
    let existing = resource.id.clone();
    dataset.resources.push(resource);
    dataset.validate().unwrap();
    for db in support::databases("duplicate").await {
        let store = db.open().await;
        store.import(&dataset).await.unwrap();
        for (n, link) in [
            "https://WWW.ACCESSNOW.ORG:443/itrs",
            "https://www.accessnow.org/itrs?utm_campaign=wcit",
        ]
        .into_iter()
        .enumerate()
        {
            let submitted = store
                .submit(&suggestion("Access Now on the ITRs", link))
                .await
                .unwrap();
            assert_eq!(
                submitted.state,
                ModerationState::Duplicate {
                    of: existing.clone()
                },
                "{link}"
            );
            assert_eq!(submitted.id, SuggestionId::from(n as u64 + 1));
        }
        assert!(store.pending().await.unwrap().is_empty());

        // Two pending suggestions of one page: approving the first makes the second a
        // duplicate when it is approved in turn.
        let a = store
            .submit(&suggestion("A page", "https://example.org/page"))
            .await
            .unwrap();
        let b = store
            .submit(&suggestion(
                "The page",
                "https://EXAMPLE.ORG/page?utm_source=x",
            ))
            .await
            .unwrap();
        store
            .approve(a.id, Some("example/page".parse().unwrap()))
            .await
            .unwrap();
        let err = store.approve(b.id, None).await.unwrap_err();
        assert!(matches!(err, Error::DuplicateLink { .. }), "{err:?}");
        assert!(
            err.to_string()
                .contains("already in the bank as resource \"example/page\""),
            "{err}"
        );
        assert_eq!(
            store.suggestion(b.id).await.unwrap().unwrap().state,
            ModerationState::Duplicate {
                of: "example/page".parse().unwrap()
            }
        );
    }
}

#[tokio::test]
async fn bad_suggestions_and_decisions_are_errors_that_say_why() {
    for db in support::databases("bad_moderation").await {
        let store = db.open().await;
        store.import(&datasets::wcit12()).await.unwrap();
        for (link, expected) in [
            (
                "javascript:alert(1)",
                "refused link \"javascript:alert(1)\": the scheme \"javascript\" is not allowed",
            ),
            ("data:text/html,x", "the scheme \"data\" is not allowed"),
            ("mailto:a@b.org", "is a mail address"),
        ] {
            let err = store.submit(&suggestion("A page", link)).await.unwrap_err();
            assert!(
                err.to_string().contains(expected),
                "{err}\n  expected: {expected}"
            );
        }
        assert!(
            store.queue().await.unwrap().is_empty(),
            "nothing refused is queued"
        );

        let s = store
            .submit(&suggestion("A page", "https://example.org/"))
            .await
            .unwrap();
        for (err, expected) in [
            (
                store.reject(s.id, "   ").await.unwrap_err(),
                "rejection of suggestion #1: the reason is 0 characters long; expected 1 to 500",
            ),
            (
                store
                    .approve(SuggestionId::from(9), None)
                    .await
                    .unwrap_err(),
                "no suggestion \"#9\" in the store",
            ),
        ] {
            assert!(
                err.to_string().contains(expected),
                "{err}\n  expected: {expected}"
            );
        }
        store
            .approve(s.id, Some("isoc/a-page".parse().unwrap()))
            .await
            .unwrap();
        // A second decision is refused.
        let err = store.reject(s.id, "spam").await.unwrap_err();
        assert!(
            err.to_string()
                .starts_with("suggestion #1 is approved as \"isoc/a-page\"; expected a pending"),
            "{err}"
        );
        let taken = store
            .submit(&suggestion("Another", "https://example.org/x"))
            .await
            .unwrap();
        let err = store
            .approve(taken.id, Some("cdt/security-proposals".parse().unwrap()))
            .await
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "resource \"cdt/security-proposals\" is already in the store; expected a new resource id"
        );
    }
}
