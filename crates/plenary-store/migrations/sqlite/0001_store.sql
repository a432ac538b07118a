-- plenary-store schema version 1 (SQLite).

-- The dataset: one row per item, its JSON in `body`, its place in the dataset in `position`.
CREATE TABLE dataset_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE sources (id TEXT PRIMARY KEY NOT NULL, position BIGINT NOT NULL, body TEXT NOT NULL);
CREATE TABLE actors (id TEXT PRIMARY KEY NOT NULL, position BIGINT NOT NULL, body TEXT NOT NULL);
-- first_day and last_day are days from the common era (chrono's num_days_from_ce);
-- last_day is NULL for an open or unknown end.
CREATE TABLE events (
    id TEXT PRIMARY KEY NOT NULL,
    position BIGINT NOT NULL,
    first_day BIGINT,
    last_day BIGINT,
    body TEXT NOT NULL
);
CREATE INDEX events_by_day ON events (first_day, last_day);
CREATE TABLE resources (
    id TEXT PRIMARY KEY NOT NULL,
    position BIGINT NOT NULL,
    canonical_link TEXT UNIQUE,
    body TEXT NOT NULL
);
-- A document's id is optional: documents are keyed by their position.
CREATE TABLE documents (position BIGINT PRIMARY KEY, id TEXT UNIQUE, body TEXT NOT NULL);
CREATE TABLE petitions (id TEXT PRIMARY KEY NOT NULL, position BIGINT NOT NULL, body TEXT NOT NULL);
CREATE TABLE provenance (item TEXT PRIMARY KEY NOT NULL, position BIGINT NOT NULL, sources TEXT NOT NULL);

-- The resource bank's moderation queue.
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    canonical_link TEXT NOT NULL,
    state TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX submissions_by_state ON submissions (state, id);

-- Signatures: an append-only log, written a batch per transaction.
CREATE TABLE signature_batches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    petition TEXT NOT NULL,
    lines BIGINT NOT NULL,
    stored BIGINT NOT NULL
);
-- kind 'signature': a signature as received; `record` is its NDJSON line, `signer` its
-- canonical email, `signed_at` in nanoseconds since 1970, `state` the state it came in.
-- kind 'change': a change of state of the signature `target`; `record` is the StateChange JSON.
-- `record` and `signer` hold emails: they are private, for confirmation and de-duplication.
CREATE TABLE signature_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    petition TEXT NOT NULL,
    batch BIGINT NOT NULL REFERENCES signature_batches (id),
    kind TEXT NOT NULL CHECK (kind IN ('signature', 'change')),
    line BIGINT NOT NULL,
    target BIGINT REFERENCES signature_log (seq),
    signer TEXT NOT NULL,
    signed_at BIGINT NOT NULL,
    country TEXT,
    state TEXT NOT NULL
        CHECK (state IN ('pending', 'confirmed', 'invalidated', 'fraudulent', 'withdrawn')),
    record TEXT NOT NULL
);
CREATE INDEX signature_log_by_petition ON signature_log (petition, kind, seq);
CREATE INDEX signature_log_by_signer ON signature_log (petition, signer);
CREATE TRIGGER signature_log_no_update BEFORE UPDATE ON signature_log
BEGIN
    SELECT RAISE(ABORT, 'signature_log is append-only');
END;
CREATE TRIGGER signature_log_no_delete BEFORE DELETE ON signature_log
BEGIN
    SELECT RAISE(ABORT, 'signature_log is append-only');
END;
