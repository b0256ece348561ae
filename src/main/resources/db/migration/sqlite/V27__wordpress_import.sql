-- WordPress import. imported_items remembers what each WordPress object became, so importing the same export again
-- changes nothing and a newer export updates what changed (fingerprint: a hash of what was imported). redirects
-- are old addresses (path, or path?query for ?p=ID) that answer 301 with a new address; editors may edit or delete them.
CREATE TABLE imported_items (
    kind        TEXT    NOT NULL,
    source_key  TEXT    NOT NULL,
    target_id   INTEGER NOT NULL,
    fingerprint TEXT    NOT NULL,
    PRIMARY KEY (kind, source_key)
);

CREATE TABLE redirects (
    id          INTEGER NOT NULL PRIMARY KEY,
    old_address TEXT    NOT NULL UNIQUE,
    target      TEXT    NOT NULL,
    origin      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE import_runs (
    id          INTEGER NOT NULL PRIMARY KEY,
    file_name   TEXT    NOT NULL,
    dry_run     INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    report      TEXT    NOT NULL,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER
);
