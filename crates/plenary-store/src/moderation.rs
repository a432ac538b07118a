//! The resource bank's moderation queue in the store: public suggestions, pending until a
//! moderator approves them into the bank, rejects them with a reason, or they turn out to be
//! duplicates of a resource already in it (by canonical link).

use plenary::core::{Actor, ResourceId};
use plenary::resources::{
    MAX_REASON_CHARS, ModerationState, Resource, ResourceBank, Submission, Suggestion, SuggestionId,
};
use sqlx::{AnyConnection, Row};

use crate::dataset::{from_json, resource_row, to_json};
use crate::rows::insert_rows;
use crate::{Error, Store};

impl Store {
    /// Checks a public suggestion as the resource bank does and queues it: pending, or a
    /// duplicate of the stored resource whose link is, in canonical form, the same.
    ///
    /// # Errors
    ///
    /// [`Error::Resources`] when the suggestion fails the bank's checks (a refused link scheme,
    /// a title too short, markup…): nothing is queued. [`Error::Database`] when a write fails.
    pub async fn submit(&self, suggestion: &Suggestion) -> Result<Submission, Error> {
        let mut bank = ResourceBank::new();
        let mut submission = bank.submit(suggestion)?.clone();
        let canonical = submission.link.canonical().to_string();
        let doing = "queueing a suggestion";
        let mut tx = self.begin_write(doing).await?;
        if let Some(existing) = resource_with_link(&mut tx, &canonical, doing).await? {
            submission.state = ModerationState::Duplicate { of: existing };
        }
        let row = sqlx::query(
            "INSERT INTO submissions (canonical_link, state, body) VALUES ($1, $2, '{}') RETURNING id",
        )
        .bind(canonical.as_str())
        .bind(state_name(&submission.state))
        .fetch_one(&mut *tx)
        .await
        .map_err(Error::db(doing))?;
        let id: i64 = row.try_get(0).map_err(Error::db(doing))?;
        submission.id = suggestion_id(id);
        sqlx::query("UPDATE submissions SET body = $1 WHERE id = $2")
            .bind(to_json(&submission))
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(Error::db(doing))?;
        tx.commit().await.map_err(Error::db(doing))?;
        Ok(submission)
    }

    /// Every suggestion ever queued, in order, with its state.
    ///
    /// # Errors
    ///
    /// [`Error::Database`] when the read fails, [`Error::Corrupt`] when a row cannot be read.
    pub async fn queue(&self) -> Result<Vec<Submission>, Error> {
        self.submissions("SELECT id, body FROM submissions ORDER BY id")
            .await
    }

    /// The suggestions waiting for a moderator, oldest first.
    ///
    /// # Errors
    ///
    /// As [`queue`](Self::queue).
    pub async fn pending(&self) -> Result<Vec<Submission>, Error> {
        self.submissions("SELECT id, body FROM submissions WHERE state = 'pending' ORDER BY id")
            .await
    }

    /// Suggestion number `id`, if queued.
    ///
    /// # Errors
    ///
    /// As [`queue`](Self::queue).
    pub async fn suggestion(&self, id: SuggestionId) -> Result<Option<Submission>, Error> {
        let doing = format!("reading suggestion #{id}");
        let mut conn = self.pool.acquire().await.map_err(Error::db(&doing))?;
        Ok(load(&mut conn, id, &doing).await?.map(|(_, s)| s))
    }

    /// Approves pending suggestion `id` into the bank as resource `resource_id` (by default
    /// `suggestion-<id>`), made as the resource bank makes it: the author becomes an actor id
    /// when the store knows the actor, the kind is the submitter's or a web page.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] for an unknown suggestion, [`Error::NotPending`] for one already
    /// decided, [`Error::DuplicateResource`] when `resource_id` is taken,
    /// [`Error::DuplicateLink`] when a resource with the same canonical link was stored since
    /// the suggestion came in (the suggestion is then marked a duplicate of it).
    pub async fn approve(
        &self,
        id: SuggestionId,
        resource_id: Option<ResourceId>,
    ) -> Result<Resource, Error> {
        let resource_id = match resource_id {
            Some(resource_id) => resource_id,
            None => ResourceId::new(format!("suggestion-{id}"))?,
        };
        let doing = format!("approving suggestion #{id}");
        let mut tx = self.begin_write(&doing).await?;
        let (row_id, mut submission) = pending(&mut tx, id, &doing).await?;
        let canonical = submission.link.canonical().to_string();
        if let Some(existing) = resource_with_link(&mut tx, &canonical, &doing).await? {
            submission.state = ModerationState::Duplicate {
                of: existing.clone(),
            };
            save(&mut tx, row_id, &submission, &doing).await?;
            tx.commit().await.map_err(Error::db(&doing))?;
            return Err(Error::DuplicateLink {
                id: row_id,
                link: canonical,
                existing: existing.to_string(),
            });
        }
        let taken = sqlx::query("SELECT id FROM resources WHERE id = $1")
            .bind(resource_id.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(Error::db(&doing))?;
        if taken.is_some() {
            return Err(Error::DuplicateResource {
                id: resource_id.to_string(),
            });
        }
        let mut actors: Vec<Actor> = Vec::new();
        for row in sqlx::query("SELECT id, body FROM actors ORDER BY position")
            .fetch_all(&mut *tx)
            .await
            .map_err(Error::db(&doing))?
        {
            let actor_id: String = row.try_get(0).map_err(Error::db(&doing))?;
            let body: String = row.try_get(1).map_err(Error::db(&doing))?;
            actors.push(from_json("actors", &actor_id, &body)?);
        }
        let mut bank = ResourceBank::with_actors(actors);
        let again = bank.submit(&suggestion_of(&submission))?.id;
        let resource = bank.approve(again, resource_id.clone())?.clone();
        let next: i64 = sqlx::query("SELECT COALESCE(MAX(position) + 1, 0) FROM resources")
            .fetch_one(&mut *tx)
            .await
            .and_then(|row| row.try_get(0))
            .map_err(Error::db(&doing))?;
        insert_rows(
            &mut tx,
            "resources",
            &["id", "position", "canonical_link", "body"],
            &[resource_row(&resource, next)],
            &doing,
        )
        .await?;
        submission.state = ModerationState::Approved {
            resource: resource_id,
        };
        save(&mut tx, row_id, &submission, &doing).await?;
        tx.commit().await.map_err(Error::db(&doing))?;
        Ok(resource)
    }

    /// Rejects pending suggestion `id`, saying why (1 to 500 characters, trimmed).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidReason`] for an empty or over-long reason, [`Error::NotFound`] and
    /// [`Error::NotPending`] as for [`approve`](Self::approve).
    pub async fn reject(&self, id: SuggestionId, reason: &str) -> Result<Submission, Error> {
        let trimmed = reason.trim();
        let chars = trimmed.chars().count();
        if chars == 0 || chars > MAX_REASON_CHARS {
            return Err(Error::InvalidReason {
                id: id.get(),
                chars,
            });
        }
        let doing = format!("rejecting suggestion #{id}");
        let mut tx = self.begin_write(&doing).await?;
        let (row_id, mut submission) = pending(&mut tx, id, &doing).await?;
        submission.state = ModerationState::Rejected {
            reason: trimmed.to_owned(),
        };
        save(&mut tx, row_id, &submission, &doing).await?;
        tx.commit().await.map_err(Error::db(&doing))?;
        Ok(submission)
    }

    async fn submissions(&self, sql: &str) -> Result<Vec<Submission>, Error> {
        let doing = "reading the moderation queue";
        sqlx::query(sql)
            .fetch_all(&self.pool)
            .await
            .map_err(Error::db(doing))?
            .iter()
            .map(|row| {
                let id: i64 = row.try_get(0).map_err(Error::db(doing))?;
                let body: String = row.try_get(1).map_err(Error::db(doing))?;
                from_json("submissions", &id.to_string(), &body)
            })
            .collect()
    }
}

/// The stored resource whose canonical link is `canonical`.
async fn resource_with_link(
    conn: &mut AnyConnection,
    canonical: &str,
    doing: &str,
) -> Result<Option<ResourceId>, Error> {
    let row = sqlx::query("SELECT id FROM resources WHERE canonical_link = $1")
        .bind(canonical)
        .fetch_optional(&mut *conn)
        .await
        .map_err(Error::db(doing))?;
    match row {
        None => Ok(None),
        Some(row) => {
            let id: String = row.try_get(0).map_err(Error::db(doing))?;
            Ok(Some(ResourceId::new(id)?))
        }
    }
}

async fn load(
    conn: &mut AnyConnection,
    id: SuggestionId,
    doing: &str,
) -> Result<Option<(i64, Submission)>, Error> {
    let Ok(row_id) = i64::try_from(id) else {
        return Ok(None);
    };
    let row = sqlx::query("SELECT body FROM submissions WHERE id = $1")
        .bind(row_id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(Error::db(doing))?;
    match row {
        None => Ok(None),
        Some(row) => {
            let body: String = row.try_get(0).map_err(Error::db(doing))?;
            Ok(Some((
                row_id,
                from_json("submissions", &id.to_string(), &body)?,
            )))
        }
    }
}

/// Suggestion `id`, which must be pending.
async fn pending(
    conn: &mut AnyConnection,
    id: SuggestionId,
    doing: &str,
) -> Result<(i64, Submission), Error> {
    let (row_id, submission) = load(conn, id, doing).await?.ok_or(Error::NotFound {
        kind: "suggestion",
        id: format!("#{id}"),
    })?;
    if submission.state != ModerationState::Pending {
        return Err(Error::NotPending {
            id: row_id,
            state: submission.state.to_string(),
        });
    }
    Ok((row_id, submission))
}

async fn save(
    conn: &mut AnyConnection,
    row_id: i64,
    submission: &Submission,
    doing: &str,
) -> Result<(), Error> {
    sqlx::query("UPDATE submissions SET state = $1, body = $2 WHERE id = $3")
        .bind(state_name(&submission.state))
        .bind(to_json(submission))
        .bind(row_id)
        .execute(&mut *conn)
        .await
        .map_err(Error::db(doing))?;
    Ok(())
}

/// The `state` tag of `state` in JSON: `pending`, `approved`, `rejected` or `duplicate`.
fn state_name(state: &ModerationState) -> String {
    serde_json::to_value(state)
        .ok()
        .and_then(|v| v.get("state").and_then(|s| s.as_str()).map(str::to_owned))
        .unwrap_or_else(|| state.to_string())
}

fn suggestion_id(row_id: i64) -> SuggestionId {
    // Row ids start at 1.
    SuggestionId::try_from(row_id).unwrap_or(SuggestionId::from(0))
}

/// The suggestion that `submission` was made of, to go through the bank's approval again.
fn suggestion_of(submission: &Submission) -> Suggestion {
    Suggestion {
        title: submission.title.to_string(),
        link: submission.link.to_string(),
        author: submission
            .author
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        description: submission.description.clone(),
        kind: submission.kind,
        section: submission
            .section
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    }
}
