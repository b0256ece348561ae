-- Live coverage: an article that is a live page has one row here, from the moment it was made live
-- (started_at) until its coverage ended (ended_at). Every change to its entries takes the next number of
-- last_sequence, so readers' streams resume after the last change they saw (an SSE event id).
CREATE TABLE live_coverage (
    article_id    INTEGER NOT NULL PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    started_at    INTEGER NOT NULL,
    ended_at      INTEGER,
    last_sequence INTEGER NOT NULL DEFAULT 0
);

-- One timestamped entry of a live page. A deleted entry keeps its row (deleted_at) so a reader's stream that
-- resumes after the deletion is told to remove it.
CREATE TABLE live_entries (
    id            INTEGER NOT NULL PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES live_coverage (article_id) ON DELETE CASCADE,
    body_markdown TEXT    NOT NULL,
    body_html     TEXT    NOT NULL,
    media_id      INTEGER,
    quote_text    TEXT    NOT NULL,
    quote_source  TEXT    NOT NULL,
    embed_url     TEXT    NOT NULL,
    pinned        INTEGER NOT NULL DEFAULT 0,
    staff_id      INTEGER NOT NULL,
    staff_name    TEXT    NOT NULL,
    posted_at     INTEGER NOT NULL,
    edited_at     INTEGER,
    deleted_at    INTEGER,
    sequence      INTEGER NOT NULL
);
CREATE INDEX live_entries_by_sequence ON live_entries (article_id, sequence);
