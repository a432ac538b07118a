-- plenary-store schema version 2 (SQLite): the log's index of signers by a 64-bit key.
--
-- `signer_key` is FNV-1a 64 of the canonical email `signer` (see the crate docs), written for
-- every row from version 2 on. The index of (petition, signer) held the petition and the email
-- of every signature and took most of the time of an insert into a long log; the index of keys
-- holds eight bytes per signature. Rows written by version 1 have no key: a partial index keeps
-- their lookups by (petition, signer) indexed, and new rows never enter it. A lookup reads both.
-- (Adding a column is not an UPDATE: the append-only triggers do not fire.)
ALTER TABLE signature_log ADD COLUMN signer_key BIGINT;
DROP INDEX signature_log_by_signer;
CREATE INDEX signature_log_by_signer_key ON signature_log (signer_key);
CREATE INDEX signature_log_by_signer_v1 ON signature_log (petition, signer)
    WHERE signer_key IS NULL;
