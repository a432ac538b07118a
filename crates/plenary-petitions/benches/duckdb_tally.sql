-- The DuckDB yardstick for benches/tally.rs: the tally's rules in SQL over the same file.
-- `read_json` over the file; a line is valid with a non-blank name, an address of the form
-- local@domain.tld and a time; the canonical email is trimmed and lower-cased, a +tag
-- dropped, and for gmail.com and googlemail.com the dots dropped and the domain gmail.com;
-- one signer per canonical email, its country the one of its earliest signature (`arg_min`).
WITH lines AS (
    SELECT name, email, country, signed_at
    FROM read_json(
        '{FILE}',
        format = 'newline_delimited',
        columns = {name: 'VARCHAR', email: 'VARCHAR', country: 'VARCHAR', signed_at: 'VARCHAR'},
        ignore_errors = true
    )
),
valid AS (
    SELECT lower(trim(email)) AS email, country, signed_at::TIMESTAMPTZ AS signed_at
    FROM lines
    WHERE trim(name) <> '' AND regexp_full_match(trim(email), '[^@\s]+@[^@\s]+\.[^@\s]+')
),
parts AS (
    SELECT split_part(split_part(email, '@', 1), '+', 1) AS local,
           split_part(email, '@', 2) AS domain, country, signed_at
    FROM valid
),
keyed AS (
    SELECT CASE WHEN domain IN ('gmail.com', 'googlemail.com')
                THEN replace(local, '.', '') || '@gmail.com'
                ELSE local || '@' || domain END AS signer,
           country, signed_at
    FROM parts
),
signers AS (
    SELECT signer, arg_min(coalesce(country, 'unknown'), signed_at) AS country
    FROM keyed
    GROUP BY signer
)
SELECT country, count(*) AS signers FROM signers GROUP BY country ORDER BY country;
