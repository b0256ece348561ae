CREATE TABLE subscribers (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email                TEXT        NOT NULL UNIQUE,
    status               TEXT        NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'suppressed')),
    cadence              TEXT        NOT NULL DEFAULT 'each' CHECK (cadence IN ('each', 'daily', 'weekly')),
    consent_at           TIMESTAMPTZ NOT NULL,
    consent_form         TEXT        NOT NULL,
    consent_ip           TEXT,
    confirmed_at         TIMESTAMPTZ,
    unsubscribed_at      TIMESTAMPTZ,
    suppressed_reason    TEXT,
    confirmations_sent   INTEGER     NOT NULL DEFAULT 0,
    confirmation_window  TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX subscribers_audience ON subscribers (status, cadence, confirmed_at);

CREATE TABLE subscriber_sections (
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    section_id    BIGINT NOT NULL,
    PRIMARY KEY (subscriber_id, section_id)
);
