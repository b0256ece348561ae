-- The comment a reply answers. parent_id is where the reply sits, which is that comment's parent once the thread is at
-- its depth limit; the reply email goes to the author of reply_to_id (NULL on older rows: parent_id stands in).
ALTER TABLE comments ADD COLUMN reply_to_id BIGINT REFERENCES comments (id);

-- Where each kind of digest stands: the settings its next moment was computed from, the end of the last window it
-- covered (the next window starts there, so windows never overlap) and its next moment.
CREATE TABLE digest_schedules (
    kind          TEXT        NOT NULL PRIMARY KEY CHECK (kind IN ('daily', 'weekly')),
    schedule      TEXT        NOT NULL,
    covered_until TIMESTAMPTZ NOT NULL,
    next_at       TIMESTAMPTZ NOT NULL
);
