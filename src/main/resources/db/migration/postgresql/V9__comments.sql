CREATE TABLE comments (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id     BIGINT      NOT NULL,
    parent_id      BIGINT REFERENCES comments (id),
    depth          INTEGER     NOT NULL DEFAULT 1,
    author_name    TEXT        NOT NULL,
    author_email   TEXT        NOT NULL,
    author_url     TEXT        NOT NULL DEFAULT '',
    body           TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
    score          INTEGER     NOT NULL DEFAULT 0,
    reasons        TEXT        NOT NULL DEFAULT '',
    ip             TEXT,
    notify_replies BOOLEAN     NOT NULL DEFAULT FALSE,
    by_staff       BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMPTZ NOT NULL,
    approved_at    TIMESTAMPTZ
);
CREATE INDEX comments_by_article ON comments (article_id, status, created_at);
CREATE INDEX comments_by_email ON comments (author_email, status);
CREATE INDEX comments_by_status ON comments (status, created_at);
