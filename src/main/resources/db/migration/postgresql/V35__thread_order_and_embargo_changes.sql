-- An editor's order of a thread's parts: null until the thread is reordered; a part without a position takes its
-- place by publication time among the others.
ALTER TABLE thread_articles ADD COLUMN position INTEGER;

-- Every change of an article's embargo (set, moved, lifted), who made or asked for it, and, for a move earlier or a
-- lift on a sensitive article, the second editor who approved or sent it back. Never deleted.
CREATE TABLE embargo_changes (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id        BIGINT NOT NULL,
    from_until        TIMESTAMPTZ,
    to_until          TIMESTAMPTZ,
    status            TEXT    NOT NULL CHECK (status IN ('made', 'waiting', 'approved', 'returned', 'alone', 'cancelled')),
    requested_by      BIGINT,
    requested_by_name TEXT    NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    reason            TEXT    NOT NULL DEFAULT '',
    decided_by        BIGINT,
    decided_by_name   TEXT,
    decided_at        TIMESTAMPTZ,
    note              TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX embargo_changes_by_article ON embargo_changes (article_id, id);
CREATE INDEX embargo_changes_waiting ON embargo_changes (status, requested_at);
