-- Each running node holds a lease it renews every few seconds; work claimed by a node whose lease ran out is taken
-- over by the others (newsletter deliveries, outbox emails).
CREATE TABLE nodes (
    id          TEXT        NOT NULL PRIMARY KEY,
    host        TEXT        NOT NULL,
    started_at  INTEGER     NOT NULL,
    lease_until INTEGER     NOT NULL
);

ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;

ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_at INTEGER;
ALTER TABLE outbox ADD COLUMN uncertain INTEGER NOT NULL DEFAULT 0;

-- Limits (comments, subscriptions, searches, password resets) counted across nodes: one window per limited key (a digest
-- of the IP or email address, so no personal data is kept).
CREATE TABLE rate_windows (
    key        TEXT        NOT NULL PRIMARY KEY,
    started_at INTEGER     NOT NULL,
    events     INTEGER     NOT NULL
);

-- Failed sign-ins per address and per IP, across nodes (keys are digests: no address is kept).
CREATE TABLE sign_in_failures (
    key      TEXT        NOT NULL PRIMARY KEY,
    failures INTEGER     NOT NULL,
    last_at  INTEGER     NOT NULL
);

-- A periodic job (a retention sweep) runs once per slot whichever node gets there first.
CREATE TABLE job_runs (
    job     TEXT        NOT NULL,
    slot    TEXT        NOT NULL,
    node_id TEXT        NOT NULL,
    ran_at  INTEGER     NOT NULL,
    PRIMARY KEY (job, slot)
);
