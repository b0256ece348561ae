-- Corrections, clarifications and updates are records on an article, never edits of its body alone. A record is
-- amended, never deleted: each earlier wording is kept in correction_amendments, which staff see.
CREATE TABLE corrections (
    id              INTEGER NOT NULL PRIMARY KEY,
    article_id      INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('correction', 'clarification', 'update')),
    body            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    staff_id        INTEGER,
    staff_name      TEXT    NOT NULL,
    amended_at      INTEGER,
    emailed         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX corrections_by_article ON corrections (article_id, created_at);
CREATE INDEX corrections_by_time ON corrections (created_at);

CREATE TABLE correction_amendments (
    id            INTEGER NOT NULL PRIMARY KEY,
    correction_id INTEGER NOT NULL REFERENCES corrections (id),
    kind          TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    replaced_at   INTEGER NOT NULL,
    staff_id      INTEGER,
    staff_name    TEXT    NOT NULL
);

-- An embargo (no publication before embargo_until) and the sensitive flag (publication needs a second editor).
CREATE TABLE article_holds (
    article_id     INTEGER NOT NULL PRIMARY KEY,
    embargo_until  INTEGER,
    sensitive      INTEGER NOT NULL DEFAULT 0,
    changed_at     INTEGER NOT NULL,
    changed_by     TEXT    NOT NULL
);

-- A publish request on a sensitive article and what became of it: the release trail.
CREATE TABLE release_requests (
    id                INTEGER NOT NULL PRIMARY KEY,
    article_id        INTEGER NOT NULL,
    publish_at        INTEGER,
    status            TEXT    NOT NULL CHECK (status IN ('waiting', 'approving', 'approved', 'returned', 'released', 'cancelled')),
    requested_by      INTEGER,
    requested_by_name TEXT    NOT NULL,
    requested_at      INTEGER NOT NULL,
    decided_by        INTEGER,
    decided_by_name   TEXT,
    decided_at        INTEGER,
    note              TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX release_requests_by_article ON release_requests (article_id, id);
CREATE INDEX release_requests_waiting ON release_requests (status, requested_at);

-- Story threads: articles grouped under a title and summary, in publication order; readers follow one by email.
CREATE TABLE story_threads (
    id         INTEGER NOT NULL PRIMARY KEY,
    slug       TEXT    NOT NULL UNIQUE,
    title      TEXT    NOT NULL,
    summary    TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE thread_articles (
    thread_id  INTEGER NOT NULL REFERENCES story_threads (id),
    article_id INTEGER NOT NULL UNIQUE,
    added_at   INTEGER NOT NULL,
    PRIMARY KEY (thread_id, article_id)
);

CREATE TABLE thread_followers (
    id           INTEGER NOT NULL PRIMARY KEY,
    thread_id    INTEGER NOT NULL REFERENCES story_threads (id),
    email        TEXT    NOT NULL,
    token        TEXT    NOT NULL UNIQUE,
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'confirmed', 'unfollowed')),
    created_at   INTEGER NOT NULL,
    confirmed_at INTEGER,
    UNIQUE (thread_id, email)
);

-- One row per article announced to a thread's followers, so each is sent once.
CREATE TABLE thread_mailings (
    thread_id  INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    sent_at    INTEGER NOT NULL,
    PRIMARY KEY (thread_id, article_id)
);
