-- What the newsroom editor needs: optimistic locking, trash, review, old slugs that redirect, revisions,
-- and the byline of each staff account.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN trashed_at INTEGER;
ALTER TABLE articles ADD COLUMN review_state TEXT NOT NULL DEFAULT 'none' CHECK (review_state IN ('none', 'submitted', 'returned'));
ALTER TABLE articles ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN created_by INTEGER;
CREATE INDEX articles_by_review ON articles (review_state, updated_at);

ALTER TABLE authors ADD COLUMN staff_id INTEGER;
CREATE UNIQUE INDEX authors_by_staff ON authors (staff_id);

CREATE TABLE article_slugs (
    slug       TEXT    NOT NULL PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);

CREATE TABLE article_revisions (
    id                INTEGER NOT NULL PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number            INTEGER NOT NULL,
    staff_id          INTEGER,
    staff_name        TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    headline          TEXT    NOT NULL,
    slug              TEXT    NOT NULL,
    standfirst        TEXT    NOT NULL,
    body_markdown     TEXT    NOT NULL,
    section_id        INTEGER,
    tags              TEXT    NOT NULL,
    featured_media_id INTEGER,
    featured_caption  TEXT    NOT NULL,
    featured_credit   TEXT    NOT NULL,
    featured_alt      TEXT    NOT NULL,
    web_only          INTEGER NOT NULL,
    comments_open     INTEGER NOT NULL,
    UNIQUE (article_id, number)
);
