-- Corrections, clarifications and updates are records on an article, never edits of its body alone. A record is
-- amended, never deleted: each earlier wording is kept in correction_amendments, which staff see.
CREATE TABLE corrections (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id      BIGINT NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('correction', 'clarification', 'update')),
    body            TEXT    NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    staff_id BIGINT,
    staff_name      TEXT    NOT NULL,
    amended_at TIMESTAMPTZ,
    emailed         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX corrections_by_article ON corrections (article_id, created_at);
CREATE INDEX corrections_by_time ON corrections (created_at);

CREATE TABLE correction_amendments (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    correction_id BIGINT NOT NULL REFERENCES corrections (id),
    kind          TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    replaced_at TIMESTAMPTZ NOT NULL,
    staff_id BIGINT,
    staff_name    TEXT    NOT NULL
);

-- An embargo (no publication before embargo_until) and the sensitive flag (publication needs a second editor).
CREATE TABLE article_holds (
    article_id     BIGINT NOT NULL PRIMARY KEY,
    embargo_until TIMESTAMPTZ,
    sensitive      BOOLEAN NOT NULL DEFAULT FALSE,
    changed_at TIMESTAMPTZ NOT NULL,
    changed_by     TEXT    NOT NULL
);

-- A publish request on a sensitive article and what became of it: the release trail.
CREATE TABLE release_requests (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id BIGINT NOT NULL,
    publish_at TIMESTAMPTZ,
    status            TEXT    NOT NULL CHECK (status IN ('waiting', 'approving', 'approved', 'returned', 'released', 'cancelled')),
    requested_by BIGINT,
    requested_by_name TEXT    NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    decided_by BIGINT,
    decided_by_name   TEXT,
    decided_at TIMESTAMPTZ,
    note              TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX release_requests_by_article ON release_requests (article_id, id);
CREATE INDEX release_requests_waiting ON release_requests (status, requested_at);

-- Story threads: articles grouped under a title and summary, in publication order; readers follow one by email.
CREATE TABLE story_threads (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug       TEXT    NOT NULL UNIQUE,
    title      TEXT    NOT NULL,
    summary    TEXT    NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE thread_articles (
    thread_id BIGINT NOT NULL REFERENCES story_threads (id),
    article_id BIGINT NOT NULL UNIQUE,
    added_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (thread_id, article_id)
);

CREATE TABLE thread_followers (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    thread_id BIGINT NOT NULL REFERENCES story_threads (id),
    email        TEXT    NOT NULL,
    token        TEXT    NOT NULL UNIQUE,
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'confirmed', 'unfollowed')),
    created_at TIMESTAMPTZ NOT NULL,
    confirmed_at TIMESTAMPTZ,
    UNIQUE (thread_id, email)
);

-- One row per article announced to a thread's followers, so each is sent once.
CREATE TABLE thread_mailings (
    thread_id BIGINT NOT NULL,
    article_id BIGINT NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (thread_id, article_id)
);
