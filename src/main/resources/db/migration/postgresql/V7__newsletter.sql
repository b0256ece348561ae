CREATE TABLE newsletter_issues (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id         BIGINT UNIQUE,
    section_id         BIGINT,
    subject            TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('preparing', 'sending', 'sent')),
    audience_frozen_at TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    completed_at       TIMESTAMPTZ
);

CREATE TABLE deliveries (
    issue_id        BIGINT      NOT NULL REFERENCES newsletter_issues (id),
    subscriber_id   BIGINT      NOT NULL,
    email           TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_at      TIMESTAMPTZ,
    sent_at         TIMESTAMPTZ,
    uncertain       BOOLEAN     NOT NULL DEFAULT FALSE,
    last_error      TEXT,
    PRIMARY KEY (issue_id, subscriber_id)
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
