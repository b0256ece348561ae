CREATE TABLE newsletter_issues (
    id                 INTEGER NOT NULL PRIMARY KEY,
    article_id         INTEGER UNIQUE,
    section_id         INTEGER,
    subject            TEXT    NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('preparing', 'sending', 'sent')),
    audience_frozen_at INTEGER NOT NULL,
    created_at         INTEGER NOT NULL,
    completed_at       INTEGER
);

CREATE TABLE deliveries (
    issue_id        INTEGER NOT NULL REFERENCES newsletter_issues (id),
    subscriber_id   INTEGER NOT NULL,
    email           TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_at      INTEGER,
    sent_at         INTEGER,
    uncertain       INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    PRIMARY KEY (issue_id, subscriber_id)
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
