-- What the newsroom editor needs: optimistic locking, trash, review, old slugs that redirect, revisions,
-- and the byline of each staff account.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN trashed_at TIMESTAMPTZ;
ALTER TABLE articles ADD COLUMN review_state TEXT NOT NULL DEFAULT 'none' CHECK (review_state IN ('none', 'submitted', 'returned'));
ALTER TABLE articles ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN created_by BIGINT;
CREATE INDEX articles_by_review ON articles (review_state, updated_at);

ALTER TABLE authors ADD COLUMN staff_id BIGINT;
CREATE UNIQUE INDEX authors_by_staff ON authors (staff_id);

CREATE TABLE article_slugs (
    slug       TEXT   NOT NULL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);

CREATE TABLE article_revisions (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id        BIGINT      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number            INTEGER     NOT NULL,
    staff_id          BIGINT,
    staff_name        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    headline          TEXT        NOT NULL,
    slug              TEXT        NOT NULL,
    standfirst        TEXT        NOT NULL,
    body_markdown     TEXT        NOT NULL,
    section_id        BIGINT,
    tags              TEXT        NOT NULL,
    featured_media_id BIGINT,
    featured_caption  TEXT        NOT NULL,
    featured_credit   TEXT        NOT NULL,
    featured_alt      TEXT        NOT NULL,
    web_only          BOOLEAN     NOT NULL,
    comments_open     BOOLEAN     NOT NULL,
    UNIQUE (article_id, number)
);
