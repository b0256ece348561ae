CREATE TABLE comments (
    id             INTEGER NOT NULL PRIMARY KEY,
    article_id     INTEGER NOT NULL,
    parent_id      INTEGER REFERENCES comments (id),
    depth          INTEGER NOT NULL DEFAULT 1,
    author_name    TEXT    NOT NULL,
    author_email   TEXT    NOT NULL,
    author_url     TEXT    NOT NULL DEFAULT '',
    body           TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
    score          INTEGER NOT NULL DEFAULT 0,
    reasons        TEXT    NOT NULL DEFAULT '',
    ip             TEXT,
    notify_replies INTEGER NOT NULL DEFAULT 0,
    by_staff       INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    approved_at    INTEGER
);
CREATE INDEX comments_by_article ON comments (article_id, status, created_at);
CREATE INDEX comments_by_email ON comments (author_email, status);
CREATE INDEX comments_by_status ON comments (status, created_at);
