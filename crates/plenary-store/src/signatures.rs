//! Each petition's signatures as an append-only log of signatures and changes of their state,
//! written a batch per transaction, and counted back from the log through the petitions crate's
//! [`Tally`].
//!
//! No row is ever updated or deleted — triggers refuse it — and no counter row exists: the
//! count of a petition is the tally of its log, kept running in memory and caught up from the
//! log's sequence numbers (from scratch when a change of state came in since), and a full
//! [`recount`](Store::recount) gives the same answer.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use plenary::core::{Country, MAX_NAME_CHARS, Name, PetitionId};
use plenary::petitions::{
    CanonicalEmail, Consent, Email, History, Invalidation, InvalidationReport, LineParser, Period,
    Person, PublicCount, ReportedError, Signature, SignatureBook, SignatureRecord, SignatureState,
    Signer, StateChange, Tally, TallyReport, Verification,
};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::dataset::to_json;
use crate::rows::{Value, insert_rows, max_binds};
use crate::signer_key::{key_of, signer_key};
use crate::{Backend, Error, Store};

/// The most lines one batch (one transaction) of [`Store::sign`] holds.
pub const BATCH_LINES: usize = 100_000;

/// How many sequence numbers of the log a count reads per query.
const PAGE_ROWS: i64 = 100_000;

/// The columns of `signature_log` a write fills, in this order.
const LOG_COLUMNS: [&str; 11] = [
    "petition",
    "batch",
    "kind",
    "line",
    "target",
    "signer",
    "signer_key",
    "signed_at",
    "country",
    "state",
    "record",
];

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

/// The fields of a logged line a [`SignatureBook`] matches rules on besides its columns.
#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    email: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    organization: Option<Cow<'a, str>>,
}

/// A line accepted for the log: the columns of its row that differ from row to row.
struct NewSignature<'a> {
    line: i64,
    signer: String,
    signer_key: i64,
    signed_at: i64,
    country: Option<&'static str>,
    state: &'static str,
    record: &'a str,
}

/// The values each row of [`insert_signatures`] binds; the petition and the batch are bound
/// once per statement.
const SIGNATURE_BINDS: usize = 7;

/// One signature row of the log with the state it is in now.
struct Logged {
    seq: i64,
    line: i64,
    signer: String,
    signed_at: i64,
    country: Option<String>,
    state: SignatureState,
    record: String,
}

impl Store {
    /// Appends the signatures NDJSON `input` (the format of `petitions tally`, with its
    /// optional `state` field) to the log of `petition`, in batches of [`BATCH_LINES`] lines,
    /// each batch one transaction: after a crash a batch is in whole or not at all. Lines that
    /// are not valid signatures are refused and listed in the report; the others are stored.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] when the store holds no such petition, [`Error::Database`] when a
    /// batch cannot be written (the batches before it stay stored).
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
        // Each line is parsed once, by the petitions crate's line parser: what it accepts is
        // what a tally counts, and it gives the columns the log keeps.
        let mut parser = LineParser::new();
        let mut rows = Vec::with_capacity(lines.len());
        let mut read = 0;
        for &(line, text) in lines {
            let text = text.strip_suffix(b"\r").unwrap_or(text);
            let fields = match parser.parse(text) {
                Ok(None) => continue,
                Ok(Some(fields)) => fields,
                Err(reason) => {
                    read += 1;
                    report.errors.push(ReportedError {
                        line,
                        reason: reason.to_string(),
                    });
                    continue;
                }
            };
            read += 1;
            match std::str::from_utf8(text) {
                Ok(record) => rows.push(NewSignature {
                    line: i64::try_from(line).unwrap_or(i64::MAX),
                    signer: fields.email.to_owned(),
                    signer_key: key_of(fields.email),
                    signed_at: fields.signed_at,
                    country: fields.country.map(|c| c.code()),
                    state: fields.state.as_str(),
                    record,
                }),
                Err(e) => report.errors.push(ReportedError {
                    line,
                    reason: format!("not UTF-8: {e}; expected one signature object per line"),
                }),
            }
        }
        let doing = format!("appending signatures to the log of petition {petition}");
        let mut tx = self.begin_write(&doing).await?;
        self.lock_petition(&mut tx, petition, &doing).await?;
        let stored = rows.len() as i64;
        let batch = new_batch(&mut tx, petition, read as i64, stored, &doing).await?;
        insert_signatures(&mut tx, petition, batch, &rows, &doing).await?;
        tx.commit().await.map_err(Error::db(&doing))?;
        report.lines += read;
        report.stored += stored as u64;
        report.rejected = report.errors.len() as u64;
        report.batches += 1;
        Ok(())
    }

    /// Moves every signature of the signer with email `email` on `petition` that may go to
    /// `to` in the ordinary course (see [`SignatureState::can_become`]) there: a confirmation
    /// (`pending` → `confirmed`), a withdrawal, a finding of fraud. Each change is a new row of
    /// the log with its time and reason. Returns how many signatures changed.
    ///
    /// # Errors
    ///
    /// [`Error::Petitions`] for an email that is not one, [`Error::NotFound`] for an unknown
    /// petition, [`Error::Database`] when the write fails (nothing is changed then).
    pub async fn change_signer(
        &self,
        petition: &PetitionId,
        email: &str,
        to: SignatureState,
        reason: &str,
    ) -> Result<u64, Error> {
        let signer = CanonicalEmail::new(email)?;
        let doing = format!("changing the signatures of a signer of petition {petition}");
        let mut tx = self.begin_write(&doing).await?;
        self.lock_petition(&mut tx, petition, &doing).await?;
        let signatures = logged(
            &mut tx,
            signer_signatures_sql(self.backend),
            petition,
            Some(&signer),
            &doing,
        )
        .await?;
        let at = Utc::now();
        let changes: Vec<(&Logged, StateChange)> = signatures
            .iter()
            .filter(|s| s.state.can_become(to))
            .map(|s| {
                let change = StateChange {
                    from: s.state,
                    to,
                    at,
                    reason: reason.to_owned(),
                };
                (s, change)
            })
            .collect();
        let changed = changes.len() as u64;
        self.append_changes(&mut tx, petition, changes, &doing)
            .await?;
        tx.commit().await.map_err(Error::db(&doing))?;
        Ok(changed)
    }

    /// Applies an invalidation rule of the petitions crate to `petition`'s signatures: those it
    /// matches that are pending or confirmed move to its verdict's state, each change a new row
    /// of the log naming the rule. The rule is matched as a
    /// [`SignatureBook`] matches it, on each signature as its line gave it (a name the model
    /// refuses is matched with its control characters as spaces, cut to 500 characters).
    ///
    /// # Errors
    ///
    /// [`Error::Petitions`] for a rule that cannot be applied (an email domain that is not
    /// one), [`Error::NotFound`] for an unknown petition, [`Error::Database`] when the write
    /// fails (nothing is changed then).
    pub async fn invalidate(
        &self,
        petition: &PetitionId,
        invalidation: &Invalidation,
    ) -> Result<InvalidationReport, Error> {
        let doing = format!("invalidating signatures of petition {petition}");
        let mut tx = self.begin_write(&doing).await?;
        self.lock_petition(&mut tx, petition, &doing).await?;
        let signatures = logged(
            &mut tx,
            "SELECT seq, line, signer, signed_at, country, state, record FROM signature_log \
             WHERE petition = $1 AND kind = 'signature' ORDER BY seq",
            petition,
            None,
            &doing,
        )
        .await?;
        let mut book = SignatureBook::new();
        for logged in &signatures {
            book.add(book_signature(petition, logged)?, logged.state)?;
        }
        let report = book.apply(invalidation.clone())?;
        let applied = book.invalidations().last().map(|a| a.changed.clone());
        let entries = book.entries();
        let mut changes = Vec::new();
        for (position, from) in applied.unwrap_or_default() {
            if let (Some(logged), Some(entry)) = (signatures.get(position), entries.get(position))
                && let Some(change) = entry.changes.last()
            {
                debug_assert_eq!(change.from, from);
                changes.push((logged, change.clone()));
            }
        }
        self.append_changes(&mut tx, petition, changes, &doing)
            .await?;
        tx.commit().await.map_err(Error::db(&doing))?;
        Ok(report)
    }

    /// The tally of `petition`'s log, as `petitions tally` reports it (the log holds only
    /// valid lines, so nothing is rejected), with the petition's milestone thresholds and
    /// goal. The count is kept running between calls and caught up from the log.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] when the store holds no such petition, [`Error::Database`] when a
    /// read fails.
    pub async fn count(&self, petition: &PetitionId) -> Result<TallyReport, Error> {
        Ok(self.running(petition).await?.report())
    }

    /// The public count of `petition`: unique confirmed signers and signers by country,
    /// nothing else.
    ///
    /// # Errors
    ///
    /// As [`count`](Self::count).
    pub async fn public_count(&self, petition: &PetitionId) -> Result<PublicCount, Error> {
        Ok(self.running(petition).await?.public_count())
    }

    /// The count history of `petition` per hour or day, as `petitions history` gives it.
    ///
    /// # Errors
    ///
    /// As [`count`](Self::count).
    pub async fn history(&self, petition: &PetitionId, period: Period) -> Result<History, Error> {
        Ok(self.running(petition).await?.history(period))
    }

    /// The tally of `petition`'s whole log, counted afresh; always equal to
    /// [`count`](Self::count).
    ///
    /// # Errors
    ///
    /// As [`count`](Self::count).
    pub async fn recount(&self, petition: &PetitionId) -> Result<TallyReport, Error> {
        let mut running = self.fresh(petition).await?;
        self.catch_up(petition, &mut running).await?;
        Ok(running.tally.report())
    }

    /// The number of signatures in `petition`'s log: every stored line, duplicates included.
    ///
    /// # Errors
    ///
    /// [`Error::Database`] when the read fails.
    pub async fn log_len(&self, petition: &PetitionId) -> Result<u64, Error> {
        let n: i64 = sqlx::query(
            "SELECT COUNT(*) FROM signature_log WHERE petition = $1 AND kind = 'signature'",
        )
        .bind(petition.as_str())
        .fetch_one(&self.pool)
        .await
        .and_then(|row| row.try_get(0))
        .map_err(Error::db(format!(
            "counting the log of petition {petition}"
        )))?;
        Ok(u64::try_from(n).unwrap_or_default())
    }

    /// Locks `petition` for the transaction, or says it is not in the store. On PostgreSQL
    /// the row lock makes the batches of one petition go one at a time, so that the log's
    /// sequence numbers are in commit order and a running count can catch up by them; SQLite's
    /// `BEGIN IMMEDIATE` already does.
    async fn lock_petition(
        &self,
        conn: &mut AnyConnection,
        petition: &PetitionId,
        doing: &str,
    ) -> Result<(), Error> {
        let sql = match self.backend {
            Backend::Postgres => "SELECT id FROM petitions WHERE id = $1 FOR UPDATE",
            Backend::Sqlite => "SELECT id FROM petitions WHERE id = $1",
        };
        let found = sqlx::query(sql)
            .bind(petition.as_str())
            .fetch_optional(&mut *conn)
            .await
            .map_err(Error::db(doing))?;
        match found {
            Some(_) => Ok(()),
            None => Err(Error::NotFound {
                kind: "petition",
                id: petition.to_string(),
            }),
        }
    }

    /// Appends one `change` row per `(signature, change)`, in a batch of their own.
    async fn append_changes(
        &self,
        conn: &mut AnyConnection,
        petition: &PetitionId,
        changes: Vec<(&Logged, StateChange)>,
        doing: &str,
    ) -> Result<(), Error> {
        if changes.is_empty() {
            return Ok(());
        }
        let batch = new_batch(
            conn,
            petition,
            changes.len() as i64,
            changes.len() as i64,
            doing,
        )
        .await?;
        let rows: Vec<Vec<Value>> = changes
            .into_iter()
            .map(|(logged, change)| {
                vec![
                    Value::Text(petition.to_string()),
                    Value::Int(batch),
                    Value::Text("change".into()),
                    Value::Int(logged.line),
                    Value::MaybeInt(Some(logged.seq)),
                    Value::Text(logged.signer.clone()),
                    Value::MaybeInt(Some(key_of(&logged.signer))),
                    Value::Int(logged.signed_at),
                    Value::MaybeText(logged.country.clone()),
                    Value::Text(change.to.as_str().to_owned()),
                    Value::Text(to_json(&change)),
                ]
            })
            .collect();
        insert_rows(conn, "signature_log", &LOG_COLUMNS, &rows, doing).await
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
            None => self.fresh(petition).await?,
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

    /// An empty count of `petition`, with its milestones and goal as thresholds.
    async fn fresh(&self, petition: &PetitionId) -> Result<Running, Error> {
        let stored = self.petition(petition).await?.ok_or(Error::NotFound {
            kind: "petition",
            id: petition.to_string(),
        })?;
        let thresholds = stored
            .milestones
            .iter()
            .map(|m| m.threshold)
            .chain(stored.goal);
        Ok(Running {
            seen: 0,
            tally: Tally::with_milestones(thresholds),
        })
    }

    /// Adds the log rows after `running.seen` to its tally, a page at a time; when a change of
    /// state came in since, counts the whole log afresh instead. Reads up to the newest row at
    /// the start, which becomes `running.seen`.
    async fn catch_up(&self, petition: &PetitionId, running: &mut Running) -> Result<(), Error> {
        let doing = format!("reading the log of petition {petition}");
        let newest: Option<i64> =
            sqlx::query("SELECT MAX(seq) FROM signature_log WHERE petition = $1")
                .bind(petition.as_str())
                .fetch_one(&self.pool)
                .await
                .and_then(|row| row.try_get(0))
                .map_err(Error::db(&doing))?;
        let newest = newest.unwrap_or(0);
        if newest <= running.seen {
            return Ok(());
        }
        let changes = sqlx::query(
            "SELECT seq, target, state FROM signature_log \
             WHERE petition = $1 AND kind = 'change' AND seq <= $2 ORDER BY seq",
        )
        .bind(petition.as_str())
        .bind(newest)
        .fetch_all(&self.pool)
        .await
        .map_err(Error::db(&doing))?;
        let mut states = HashMap::new();
        let mut fresh_changes = false;
        for row in changes {
            let seq: i64 = row.try_get(0).map_err(Error::db(&doing))?;
            let target: i64 = row.try_get(1).map_err(Error::db(&doing))?;
            let state: &str = row.try_get(2).map_err(Error::db(&doing))?;
            states.insert(target, parse_state(target, state)?);
            fresh_changes |= seq > running.seen;
        }
        if fresh_changes && running.seen > 0 {
            // A change may take back a signature already counted: count again.
            *running = self.fresh(petition).await?;
        }
        // A page of the log comes as one row, its signatures joined with separators that no
        // canonical email holds: the drivers' cost is per row, and a row per signature would
        // cost more than the count itself.
        // The tally orders signatures by their position (the sequence number), not by the
        // order they are added in, so pages are ranges of sequence numbers, read unsorted; the
        // next page is read while the tally counts the one before.
        let mut from = running.seen;
        let mut page = if from < newest {
            Some(self.page(petition, from, newest, &doing).await?)
        } else {
            None
        };
        while let Some((text, to)) = page.take() {
            from = to;
            let count = async {
                for entry in text.as_deref().unwrap_or("").split(RECORD_SEPARATOR) {
                    if entry.is_empty() {
                        continue;
                    }
                    let (seq, (email, signed_at, country, state)) = page_entry(entry, &states)?;
                    running.tally.add(&SignatureRecord {
                        email: &email,
                        signed_at,
                        country,
                        state,
                        position: u64::try_from(seq).unwrap_or_default(),
                    });
                }
                Ok::<(), Error>(())
            };
            let next = async {
                if from < newest {
                    self.page(petition, from, newest, &doing).await.map(Some)
                } else {
                    Ok(None)
                }
            };
            let (next, counted) = futures_util::future::join(next, count).await;
            counted?;
            page = next?;
        }
        running.seen = newest;
        Ok(())
    }
}

/// Between the signatures of a page of the log.
const RECORD_SEPARATOR: &str = "\u{1e}";
/// Between the fields of a signature of a page of the log.
const FIELD_SEPARATOR: &str = "\u{1f}";

/// What a tally needs of a signature.
type Counted = (
    CanonicalEmail,
    DateTime<Utc>,
    Option<Country>,
    SignatureState,
);

/// Reads `seq, signed_at, country, state, signer` of one signature of a page.
fn page_entry(entry: &str, states: &HashMap<i64, SignatureState>) -> Result<(i64, Counted), Error> {
    let mut fields = entry.splitn(5, FIELD_SEPARATOR);
    let mut next = || fields.next().unwrap_or("");
    let (seq, nanos, country, state, signer) = (next(), next(), next(), next(), next());
    let corrupt = |message: String| Error::Corrupt {
        part: "signature_log",
        id: seq.to_owned(),
        message,
    };
    let seq: i64 = seq
        .parse()
        .map_err(|_| corrupt(format!("{entry:?} is not a page entry")))?;
    let nanos: i64 = nanos
        .parse()
        .map_err(|_| corrupt(format!("signed_at {nanos:?} is not a number")))?;
    let country = match country {
        "" => None,
        code => Some(Country::new(code).map_err(|e| corrupt(e.to_string()))?),
    };
    let state = match states.get(&seq) {
        Some(state) => *state,
        None => parse_state(seq, state)?,
    };
    let email = CanonicalEmail::new(signer).map_err(|e| corrupt(e.to_string()))?;
    Ok((
        seq,
        (email, DateTime::from_timestamp_nanos(nanos), country, state),
    ))
}

impl Store {
    /// The signatures of `petition` with sequence numbers after `from`, up to `PAGE_ROWS` of
    /// them and at most `newest`, joined in one string; and where the page ends.
    async fn page(
        &self,
        petition: &PetitionId,
        from: i64,
        newest: i64,
        doing: &str,
    ) -> Result<(Option<String>, i64), Error> {
        let to = from.saturating_add(PAGE_ROWS).min(newest);
        let row = sqlx::query(
            "SELECT string_agg(CAST(seq AS TEXT) || $4 || CAST(signed_at AS TEXT) || $4 || \
             COALESCE(country, '') || $4 || state || $4 || signer, $5) \
             FROM signature_log \
             WHERE petition = $1 AND kind = 'signature' AND seq > $2 AND seq <= $3",
        )
        .bind(petition.as_str())
        .bind(from)
        .bind(to)
        .bind(FIELD_SEPARATOR)
        .bind(RECORD_SEPARATOR)
        .fetch_one(&self.pool)
        .await
        .map_err(Error::db(doing))?;
        Ok((row.try_get(0).map_err(Error::db(doing))?, to))
    }
}

/// A new row of `signature_batches`; its id.
async fn new_batch(
    conn: &mut AnyConnection,
    petition: &PetitionId,
    lines: i64,
    stored: i64,
    doing: &str,
) -> Result<i64, Error> {
    sqlx::query(
        "INSERT INTO signature_batches (petition, lines, stored) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(petition.as_str())
    .bind(lines)
    .bind(stored)
    .fetch_one(&mut *conn)
    .await
    .and_then(|row| row.try_get(0))
    .map_err(Error::db(doing))
}

/// The signature rows of one signer of a petition: `$1` the petition, `$2` the canonical
/// email, `$3` its [signer key](crate::signer_key). Rows written since schema version 2 are
/// found by their key, through the index of keys; rows of version 1 have no key and are found
/// through the partial index of (petition, signer) that holds only them.
///
/// Without statistics of the key column, both planners prefer the index of (petition, kind,
/// seq) for the first half — more equal columns, and the order asked for — and would read the
/// whole petition. On SQLite each half names its index (`INDEXED BY`: the statement fails
/// rather than run without it); on PostgreSQL the key is looked up in a subquery of its own,
/// kept apart by `OFFSET 0` (PostgreSQL does not merge such a subquery into the query around
/// it), where the index of keys is the only index that applies.
fn signer_signatures_sql(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => {
            "SELECT seq, line, signer, signed_at, country, state, record \
             FROM signature_log INDEXED BY signature_log_by_signer_key \
             WHERE signer_key = $3 AND petition = $1 AND kind = 'signature' AND signer = $2 \
             UNION ALL \
             SELECT seq, line, signer, signed_at, country, state, record \
             FROM signature_log INDEXED BY signature_log_by_signer_v1 \
             WHERE signer_key IS NULL AND petition = $1 AND kind = 'signature' AND signer = $2 \
             ORDER BY seq"
        }
        Backend::Postgres => {
            "SELECT seq, line, signer, signed_at, country, state, record \
             FROM (SELECT seq, line, signer, signed_at, country, state, record, petition, kind \
                   FROM signature_log WHERE signer_key = $3 OFFSET 0) AS keyed \
             WHERE petition = $1 AND kind = 'signature' AND signer = $2 \
             UNION ALL \
             SELECT seq, line, signer, signed_at, country, state, record FROM signature_log \
             WHERE signer_key IS NULL AND petition = $1 AND kind = 'signature' AND signer = $2 \
             ORDER BY seq"
        }
    }
}

/// The signature rows `sql` selects, each in the state it is in now.
async fn logged(
    conn: &mut AnyConnection,
    sql: &str,
    petition: &PetitionId,
    signer: Option<&CanonicalEmail>,
    doing: &str,
) -> Result<Vec<Logged>, Error> {
    let mut states = HashMap::new();
    for row in sqlx::query(
        "SELECT target, state FROM signature_log \
         WHERE petition = $1 AND kind = 'change' ORDER BY seq",
    )
    .bind(petition.as_str())
    .fetch_all(&mut *conn)
    .await
    .map_err(Error::db(doing))?
    {
        let target: i64 = row.try_get(0).map_err(Error::db(doing))?;
        let state: &str = row.try_get(1).map_err(Error::db(doing))?;
        states.insert(target, parse_state(target, state)?);
    }
    let mut query = sqlx::query(sql).bind(petition.as_str());
    if let Some(signer) = signer {
        query = query.bind(signer.as_str()).bind(signer_key(signer));
    }
    let rows: Vec<AnyRow> = query
        .fetch_all(&mut *conn)
        .await
        .map_err(Error::db(doing))?;
    rows.iter()
        .map(|row| {
            let seq: i64 = row.try_get(0).map_err(Error::db(doing))?;
            let stored: &str = row.try_get(5).map_err(Error::db(doing))?;
            Ok(Logged {
                seq,
                line: row.try_get(1).map_err(Error::db(doing))?,
                signer: row.try_get(2).map_err(Error::db(doing))?,
                signed_at: row.try_get(3).map_err(Error::db(doing))?,
                country: row.try_get(4).map_err(Error::db(doing))?,
                state: match states.get(&seq) {
                    Some(state) => *state,
                    None => parse_state(seq, stored)?,
                },
                record: row.try_get(6).map_err(Error::db(doing))?,
            })
        })
        .collect()
}

fn parse_state(seq: i64, state: &str) -> Result<SignatureState, Error> {
    state.parse().map_err(|()| Error::Corrupt {
        part: "signature_log",
        id: seq.to_string(),
        message: format!("{state:?} is not a signature state"),
    })
}

/// Appends `rows` to the log as signatures of `petition` in `batch`, in multi-row `INSERT`
/// statements that bind the petition and the batch once each.
async fn insert_signatures(
    conn: &mut AnyConnection,
    petition: &PetitionId,
    batch: i64,
    rows: &[NewSignature<'_>],
    doing: &str,
) -> Result<(), Error> {
    let positional = conn.backend_name() == "SQLite";
    let per_statement = (max_binds(positional) - 2) / SIGNATURE_BINDS;
    for chunk in rows.chunks(per_statement) {
        let sql = signature_insert_sql(chunk.len(), positional);
        let mut query = sqlx::query(&sql).bind(petition.as_str()).bind(batch);
        for row in chunk {
            query = query
                .bind(row.line)
                .bind(row.signer.as_str())
                .bind(row.signer_key)
                .bind(row.signed_at)
                .bind(row.country)
                .bind(row.state)
                .bind(row.record);
        }
        query.execute(&mut *conn).await.map_err(Error::db(doing))?;
    }
    Ok(())
}

/// The `INSERT` of `rows` signatures: parameter 1 the petition, 2 the batch, then
/// [`SIGNATURE_BINDS`] per row.
///
/// On SQLite every placeholder is a plain `?`, numbered by its place: the driver asks SQLite
/// the name of each numbered or named placeholder (`?N`, `$N`), which SQLite finds by walking
/// a list, at a cost quadratic in their number. The rows then come as a `VALUES` table that a
/// `SELECT` adds the petition and the batch to.
fn signature_insert_sql(rows: usize, positional: bool) -> String {
    let mut sql = String::with_capacity(200 + rows * 48);
    sql.push_str(
        "INSERT INTO signature_log \
         (petition, batch, kind, line, target, signer, signer_key, signed_at, country, state, \
         record) ",
    );
    if positional {
        sql.push_str(
            "SELECT ?, ?, 'signature', column1, NULL, column2, column3, column4, column5, \
             column6, column7 FROM (VALUES ",
        );
    } else {
        sql.push_str("VALUES ");
    }
    let mut n = 2;
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        if !positional {
            sql.push_str("$1, $2, 'signature', ");
        }
        for column in 0..SIGNATURE_BINDS {
            n += 1;
            if column > 0 {
                sql.push_str(", ");
            }
            if positional {
                sql.push('?');
            } else {
                let _ = write!(sql, "${n}");
                if column == 0 {
                    sql.push_str(", NULL");
                }
            }
        }
        sql.push(')');
    }
    if positional {
        sql.push(')');
    }
    sql
}

/// The [`Signature`] a logged line stands for, for a [`SignatureBook`] to match rules on.
fn book_signature(petition: &PetitionId, logged: &Logged) -> Result<Signature, Error> {
    let corrupt = |message: String| Error::Corrupt {
        part: "signature_log",
        id: logged.seq.to_string(),
        message,
    };
    let fields: Fields<'_> =
        serde_json::from_str(&logged.record).map_err(|e| corrupt(e.to_string()))?;
    let name = |text: &str| {
        Name::new(text).or_else(|_| {
            let cleaned: String = text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .take(MAX_NAME_CHARS)
                .collect();
            Name::new(cleaned.trim())
        })
    };
    let person = Person {
        name: name(fields.name.as_deref().unwrap_or("")).map_err(|e| corrupt(e.to_string()))?,
        email: Email::new(fields.email.as_deref().unwrap_or(""))
            .map_err(|e| corrupt(e.to_string()))?,
        country: logged
            .country
            .as_deref()
            .map(Country::new)
            .transpose()
            .map_err(|e| corrupt(e.to_string()))?,
        affiliation: fields
            .organization
            .as_deref()
            .map(name)
            .transpose()
            .map_err(|e| corrupt(e.to_string()))?,
    };
    Ok(Signature {
        petition: petition.clone(),
        signer: Signer::Person(person),
        signed_at: DateTime::from_timestamp_nanos(logged.signed_at),
        consent: Consent::default(),
        origin: None,
        verification: Verification::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_statements() {
        let head = "INSERT INTO signature_log \
                    (petition, batch, kind, line, target, signer, signer_key, signed_at, country, \
                    state, record) ";
        for (rows, positional, rest) in [
            (
                1,
                true,
                "SELECT ?, ?, 'signature', column1, NULL, column2, column3, column4, column5, \
                 column6, column7 FROM (VALUES (?, ?, ?, ?, ?, ?, ?))",
            ),
            (
                2,
                true,
                "SELECT ?, ?, 'signature', column1, NULL, column2, column3, column4, column5, \
                 column6, column7 FROM (VALUES (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?))",
            ),
            (
                2,
                false,
                "VALUES ($1, $2, 'signature', $3, NULL, $4, $5, $6, $7, $8, $9), \
                 ($1, $2, 'signature', $10, NULL, $11, $12, $13, $14, $15, $16)",
            ),
        ] {
            assert_eq!(
                signature_insert_sql(rows, positional),
                format!("{head}{rest}")
            );
        }
    }

    /// `change_signer` finds a signer's rows through the indexes, never by reading the log.
    #[tokio::test]
    async fn a_signer_is_looked_up_by_index() {
        let dir =
            std::env::temp_dir().join(format!("plenary-store-signer-plan-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a writable temporary directory");
        let store = Store::open_sqlite(&dir.join("plan.db"))
            .await
            .expect("the store opens");
        let plan: Vec<String> = sqlx::query(&format!(
            "EXPLAIN QUERY PLAN {}",
            signer_signatures_sql(Backend::Sqlite)
        ))
        .bind("a/petition")
        .bind("ana@example.org")
        .bind(1_i64)
        .fetch_all(&store.pool)
        .await
        .expect("the plan is read")
        .iter()
        .map(|row| row.try_get::<String, _>(3).expect("the plan's detail"))
        .collect();
        store.close().await;
        let _ = std::fs::remove_dir_all(&dir);
        let searches = |index: &str| {
            plan.iter()
                .filter(|step| {
                    step.starts_with("SEARCH signature_log USING INDEX") && step.contains(index)
                })
                .count()
        };
        assert_eq!(searches("signature_log_by_signer_key"), 1, "{plan:?}");
        assert_eq!(searches("signature_log_by_signer_v1"), 1, "{plan:?}");
        assert!(
            !plan
                .iter()
                .any(|step| step.starts_with("SCAN signature_log")),
            "{plan:?}"
        );
    }

    /// On PostgreSQL too, when the tests have a server (`PLENARY_TEST_POSTGRES_URL`; under CI
    /// they must): the key
    /// half goes through the index of keys, never the index of (petition, kind, seq). The
    /// table was analyzed empty (by the migration), as after an upgrade before autovacuum, and
    /// is small, so sequential scans are turned off for the plan.
    #[tokio::test]
    async fn a_signer_is_looked_up_by_index_on_postgres() {
        use sqlx::Connection;
        let Some(db) = crate::test_support::postgres("signer_plan").await else {
            return;
        };
        let store = db.open().await;
        store
            .import(&plenary::datasets::wcit12())
            .await
            .expect("the dataset imports");
        let petition: PetitionId = "accessnow/internet-belongs-to-us"
            .parse()
            .expect("a petition id");
        let lines: String = (0..5_000)
            .map(|i| {
                format!(
                    "{{\"name\": \"Signer {i}\", \"email\": \"signer{i}@example.org\", \
                     \"signed_at\": \"2012-12-13T15:00:00Z\"}}\n"
                )
            })
            .collect();
        store
            .sign(&petition, lines.as_bytes())
            .await
            .expect("the signatures are stored");
        store.close().await;
        let mut conn = sqlx::PgConnection::connect(&db.location)
            .await
            .expect("the database answers");
        sqlx::raw_sql(&format!(
            "SET enable_seqscan = off; \
             PREPARE signer(text, text, bigint) AS {}",
            signer_signatures_sql(Backend::Postgres)
        ))
        .execute(&mut conn)
        .await
        .expect("the lookup is prepared");
        let mut plans = Vec::new();
        for mode in ["force_custom_plan", "force_generic_plan"] {
            sqlx::raw_sql(&format!("SET plan_cache_mode = {mode}"))
                .execute(&mut conn)
                .await
                .expect("the plan mode is set");
            let plan: Vec<String> =
                sqlx::query("EXPLAIN EXECUTE signer('accessnow/internet-belongs-to-us', 'signer7@example.org', 1)")
                    .fetch_all(&mut conn)
                    .await
                    .expect("the plan is read")
                    .iter()
                    .map(|row| row.try_get::<String, _>(0).expect("a line of the plan"))
                    .collect();
            plans.push(plan.join("\n"));
        }
        conn.close().await.expect("closing the connection");
        for plan in plans {
            assert!(plan.contains("signature_log_by_signer_key"), "{plan}");
            assert!(plan.contains("signature_log_by_signer_v1"), "{plan}");
            assert!(!plan.contains("signature_log_by_petition"), "{plan}");
            assert!(!plan.contains("Seq Scan on signature_log"), "{plan}");
        }
    }
}
