-- Static pages (About, Privacy…) at /{slug}: never articles, never in listings, newsletters or digests.
-- The row holds the working copy (title, body) that the editor saves, and live_title / live_body the version
-- readers see, copied from it when the page is published. Every save is kept as a revision.
CREATE TABLE pages (
    id            INTEGER NOT NULL PRIMARY KEY,
    slug          TEXT    NOT NULL UNIQUE,
    title         TEXT    NOT NULL,
    body_markdown TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    live_title    TEXT,
    live_body     TEXT,
    published_at  INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE page_revisions (
    id            INTEGER NOT NULL PRIMARY KEY,
    page_id       INTEGER NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    staff_id      INTEGER,
    staff_name    TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    title         TEXT    NOT NULL,
    slug          TEXT    NOT NULL,
    body_markdown TEXT    NOT NULL,
    UNIQUE (page_id, number)
);
