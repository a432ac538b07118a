//! Each petition's signatures as an append-only log, written a batch per transaction, and its
//! counts read back from the log through the petitions crate's [`Tally`].
//!
//! A signature is stored as the NDJSON line it came in (private: it holds the email) with the
//! signer's canonical email (for de-duplication and confirmation) and its state. No row is
//! ever updated or deleted — triggers refuse it — and no counter row exists: the count of a
//! petition is the tally of its log, kept running in memory and caught up from the log's
//! sequence numbers, and a full [`recount`](Store::recount) gives the same answer.

use std::borrow::Cow;

use plenary::core::PetitionId;
use plenary::petitions::{
    CanonicalEmail, LineOutcome, Period, PublicCount, ReportedError, SeriesPoint, Tally,
    TallyReport,
};
use serde::{Deserialize, Serialize};
use sqlx::Row;

use crate::rows::{Value, insert_rows};
use crate::{Backend, Error, Store};

/// The most lines one batch (one transaction) of [`Store::sign`] holds.
pub const BATCH_LINES: usize = 20_000;

/// How many log rows a count reads per query.
const PAGE_ROWS: i64 = 100_000;

/// The states a signature can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SignatureState {
    /// Waiting for the signer to confirm their email.
    Pending,
    /// Confirmed; the state of a line that names none.
    Confirmed,
    /// Struck out by a rule of the campaign.
    Invalidated,
    /// Found to be fraudulent.
    Fraudulent,
    /// Withdrawn by the signer.
    Withdrawn,
}

impl SignatureState {
    /// Every state, in the order above.
    pub const ALL: [Self; 5] = [
        Self::Pending,
        Self::Confirmed,
        Self::Invalidated,
        Self::Fraudulent,
        Self::Withdrawn,
    ];

    /// The state's name in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Confirmed => "confirmed",
            Self::Invalidated => "invalidated",
            Self::Fraudulent => "fraudulent",
            Self::Withdrawn => "withdrawn",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// What [`Store::sign`] did with an input: every line is stored, blank or refused, and every
/// refused line is listed with its number and reason, in the words of `petitions tally`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SignReport {
    /// Lines read, blank lines left out.
    pub lines: u64,
    /// Lines appended to the log.
    pub stored: u64,
    /// Lines refused.
    pub rejected: u64,
    /// The transactions the stored lines went in.
    pub batches: u64,
    /// Each refused line: its number (from 1, counting every line of the input) and why.
    pub errors: Vec<ReportedError>,
}

/// A petition's count kept between calls: the tally of the log up to sequence number `seen`.
#[derive(Debug, Clone)]
pub(crate) struct Running {
    seen: i64,
    tally: Tally,
}

/// The fields of a line the store reads beside the tally's: the email and the state.
#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(borrow, default)]
    email: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    state: Option<Cow<'a, str>>,
}

impl Store {
    /// Appends the signatures NDJSON `input` (the format of `petitions tally`, with an optional
    /// `state` field) to the log of `petition`, in batches of [`BATCH_LINES`] lines, each batch
    /// one transaction: after a crash a batch is in whole or not at all. Lines that are not
    /// valid signatures are refused and listed in the report; the others are stored.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] when the store holds no such petition, [`Error::Database`] when a
    /// batch cannot be written (the batches before it are stored; the report of the error says
    /// which).
    pub async fn sign(&self, petition: &PetitionId, input: &[u8]) -> Result<SignReport, Error> {
        let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
        let mut report = SignReport::default();
        let mut batch = Vec::with_capacity(BATCH_LINES);
        let mut lines = input.split(|&b| b == b'\n').enumerate().peekable();
        while let Some((i, text)) = lines.next() {
            if lines.peek().is_none() && text.is_empty() {
                break; // the end of the last line
            }
            batch.push((i as u64 + 1, text));
            if batch.len() == BATCH_LINES {
                self.sign_batch_into(petition, &batch, &mut report).await?;
                batch.clear();
            }
        }
        if !batch.is_empty() || report.batches == 0 {
            self.sign_batch_into(petition, &batch, &mut report).await?;
        }
        Ok(report)
    }

    /// Appends one batch — `(line number, line)` pairs — to the log of `petition` in one
    /// transaction.
    ///
    /// # Errors
    ///
    /// As [`sign`](Self::sign).
    pub async fn sign_batch(
        &self,
        petition: &PetitionId,
        lines: &[(u64, &[u8])],
    ) -> Result<SignReport, Error> {
        let mut report = SignReport::default();
        self.sign_batch_into(petition, lines, &mut report).await?;
        Ok(report)
    }

    async fn sign_batch_into(
        &self,
        petition: &PetitionId,
        lines: &[(u64, &[u8])],
        report: &mut SignReport,
    ) -> Result<(), Error> {
        let mut check = Tally::new();
        let mut rows = Vec::with_capacity(lines.len());
        let mut read = 0;
        for &(line, text) in lines {
            let text = text.strip_suffix(b"\r").unwrap_or(text);
            match check.add_line(line, text) {
                LineOutcome::Blank => continue,
                LineOutcome::Rejected => {
                    read += 1;
                    if let Some(error) = check.errors().last() {
                        report.errors.push(ReportedError {
                            line,
                            reason: error.reason.to_string(),
                        });
                    }
                    continue;
                }
                _ => read += 1,
            }
            match accepted(text) {
                Ok((signer, state, record)) => rows.push(vec![
                    Value::Text(petition.to_string()),
                    Value::Int(0), // the batch, set below
                    Value::Int(i64::try_from(line).unwrap_or(i64::MAX)),
                    Value::Text(state.as_str().to_owned()),
                    Value::Text(signer),
                    Value::Text(record),
                ]),
                Err(reason) => report.errors.push(ReportedError { line, reason }),
            }
        }
        let doing = format!("appending signatures to the log of petition {petition}");
        let mut tx = self.begin_write(&doing).await?;
        let lock = match self.backend {
            // Batches of one petition go one at a time, so that the log's sequence numbers
            // are in commit order and a running count can catch up by them.
            Backend::Postgres => "SELECT id FROM petitions WHERE id = $1 FOR UPDATE",
            Backend::Sqlite => "SELECT id FROM petitions WHERE id = $1",
        };
        let found = sqlx::query(lock)
            .bind(petition.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(Error::db(&doing))?;
        if found.is_none() {
            return Err(Error::NotFound {
                kind: "petition",
                id: petition.to_string(),
            });
        }
        let stored = rows.len() as i64;
        let batch: i64 = sqlx::query(
            "INSERT INTO signature_batches (petition, lines, stored) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(petition.as_str())
        .bind(read as i64)
        .bind(stored)
        .fetch_one(&mut *tx)
        .await
        .and_then(|row| row.try_get(0))
        .map_err(Error::db(&doing))?;
        for row in &mut rows {
            row[1] = Value::Int(batch);
        }
        insert_rows(
            &mut tx,
            "signature_log",
            &["petition", "batch", "line", "state", "signer", "record"],
            &rows,
            &doing,
        )
        .await?;
        tx.commit().await.map_err(Error::db(&doing))?;
        report.lines += read;
        report.stored += stored as u64;
        report.rejected = report.errors.len() as u64;
        report.batches += 1;
        Ok(())
    }

    /// The tally of `petition`'s log, as `petitions tally` reports it (the log holds only
    /// valid lines, so nothing is rejected), with the petition's milestone thresholds. The
    /// count is kept running between calls and caught up from the log.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] when the store holds no such petition, [`Error::Database`] when a
    /// read fails.
    pub async fn count(&self, petition: &PetitionId) -> Result<TallyReport, Error> {
        Ok(self.running(petition).await?.report())
    }

    /// The public count of `petition`: unique signers and signers by country, nothing else.
    ///
    /// # Errors
    ///
    /// As [`count`](Self::count).
    pub async fn public_count(&self, petition: &PetitionId) -> Result<PublicCount, Error> {
        Ok(self.running(petition).await?.public_count())
    }

    /// Unique signers of `petition` per hour or day of their first signature.
    ///
    /// # Errors
    ///
    /// As [`count`](Self::count).
    pub async fn history(
        &self,
        petition: &PetitionId,
        period: Period,
    ) -> Result<Vec<SeriesPoint>, Error> {
        Ok(self.running(petition).await?.time_series(period))
    }

    /// The tally of `petition`'s whole log, counted afresh; always equal to
    /// [`count`](Self::count).
    ///
    /// # Errors
    ///
    /// As [`count`](Self::count).
    pub async fn recount(&self, petition: &PetitionId) -> Result<TallyReport, Error> {
        let mut running = Running {
            seen: 0,
            tally: Tally::with_milestones(self.thresholds(petition).await?),
        };
        self.catch_up(petition, &mut running).await?;
        Ok(running.tally.report())
    }

    /// The number of rows in `petition`'s log: every stored line, duplicates included.
    ///
    /// # Errors
    ///
    /// [`Error::Database`] when the read fails.
    pub async fn log_len(&self, petition: &PetitionId) -> Result<u64, Error> {
        let n: i64 = sqlx::query("SELECT COUNT(*) FROM signature_log WHERE petition = $1")
            .bind(petition.as_str())
            .fetch_one(&self.pool)
            .await
            .and_then(|row| row.try_get(0))
            .map_err(Error::db(format!("counting the log of petition {petition}")))?;
        Ok(u64::try_from(n).unwrap_or_default())
    }

    async fn running(&self, petition: &PetitionId) -> Result<Tally, Error> {
        let key = petition.to_string();
        let cached = self
            .running
            .lock()
            .map_err(|_| Error::Poisoned)?
            .remove(&key);
        let mut running = match cached {
            Some(running) => running,
            None => Running {
                seen: 0,
                tally: Tally::with_milestones(self.thresholds(petition).await?),
            },
        };
        self.catch_up(petition, &mut running).await?;
        let tally = running.tally.clone();
        let mut map = self.running.lock().map_err(|_| Error::Poisoned)?;
        // Another caller may have caught up further meanwhile; keep the newer count.
        if map.get(&key).is_none_or(|other| other.seen < running.seen) {
            map.insert(key, running);
        }
        Ok(tally)
    }

    /// The milestone thresholds of `petition`: its milestones and its goal.
    async fn thresholds(&self, petition: &PetitionId) -> Result<Vec<u64>, Error> {
        let stored = self.petition(petition).await?.ok_or(Error::NotFound {
            kind: "petition",
            id: petition.to_string(),
        })?;
        Ok(stored
            .milestones
            .iter()
            .map(|m| m.threshold)
            .chain(stored.goal)
            .collect())
    }

    /// Adds the log rows after `running.seen` to its tally, a page at a time.
    async fn catch_up(&self, petition: &PetitionId, running: &mut Running) -> Result<(), Error> {
        let doing = format!("reading the log of petition {petition}");
        loop {
            let rows = sqlx::query(
                "SELECT seq, record FROM signature_log WHERE petition = $1 AND seq > $2 \
                 ORDER BY seq LIMIT $3",
            )
            .bind(petition.as_str())
            .bind(running.seen)
            .bind(PAGE_ROWS)
            .fetch_all(&self.pool)
            .await
            .map_err(Error::db(&doing))?;
            for row in &rows {
                let seq: i64 = row.try_get(0).map_err(Error::db(&doing))?;
                let record: &str = row.try_get(1).map_err(Error::db(&doing))?;
                running
                    .tally
                    .add_line(u64::try_from(seq).unwrap_or_default(), record.as_bytes());
                running.seen = seq;
            }
            if (rows.len() as i64) < PAGE_ROWS {
                return Ok(());
            }
        }
    }
}

/// The canonical email, state and text of a line the tally accepted, or why it is refused.
fn accepted(text: &[u8]) -> Result<(String, SignatureState, String), String> {
    let record = std::str::from_utf8(text)
        .map_err(|e| format!("not UTF-8: {e}; expected one signature object per line"))?;
    let fields: Fields<'_> =
        serde_json::from_str(record).map_err(|e| format!("not a signature object: {e}"))?;
    let email = fields.email.as_deref().unwrap_or("");
    let signer = CanonicalEmail::new(email)
        .map_err(|e| format!("bad email: {e}"))?
        .as_str()
        .to_owned();
    let state = match fields.state.as_deref() {
        None => SignatureState::Confirmed,
        Some(state) => SignatureState::parse(state).ok_or_else(|| {
            format!(
                "state {state:?} is not a signature state; expected one of {}",
                SignatureState::ALL.map(SignatureState::as_str).join(", ")
            )
        })?,
    };
    Ok((signer, state, record.to_owned()))
}
