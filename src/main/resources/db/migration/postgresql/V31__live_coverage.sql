-- Live coverage: an article that is a live page has one row here, from the moment it was made live
-- (started_at) until its coverage ended (ended_at). Every change to its entries takes the next number of
-- last_sequence, so readers' streams resume after the last change they saw (an SSE event id).
CREATE TABLE live_coverage (
    article_id    BIGINT NOT NULL PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    started_at    TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ,
    last_sequence BIGINT NOT NULL DEFAULT 0
);

-- One timestamped entry of a live page. A deleted entry keeps its row (deleted_at) so a reader's stream that
-- resumes after the deletion is told to remove it.
CREATE TABLE live_entries (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id    BIGINT  NOT NULL REFERENCES live_coverage (article_id) ON DELETE CASCADE,
    body_markdown TEXT    NOT NULL,
    body_html     TEXT    NOT NULL,
    media_id      BIGINT,
    quote_text    TEXT    NOT NULL,
    quote_source  TEXT    NOT NULL,
    embed_url     TEXT    NOT NULL,
    pinned        BOOLEAN NOT NULL DEFAULT FALSE,
    staff_id      BIGINT NOT NULL,
    staff_name    TEXT    NOT NULL,
    posted_at    TIMESTAMPTZ NOT NULL,
    edited_at    TIMESTAMPTZ,
    deleted_at    TIMESTAMPTZ,
    sequence      BIGINT NOT NULL
);
CREATE INDEX live_entries_by_sequence ON live_entries (article_id, sequence);
