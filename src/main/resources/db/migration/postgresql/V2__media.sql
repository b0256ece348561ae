CREATE TABLE media_items (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    storage_key         TEXT        NOT NULL UNIQUE,
    original_filename   TEXT        NOT NULL,
    content_type        TEXT        NOT NULL,
    width               INTEGER     NOT NULL,
    height              INTEGER     NOT NULL,
    byte_size           BIGINT      NOT NULL,
    caption             TEXT        NOT NULL DEFAULT '',
    alt_text            TEXT        NOT NULL DEFAULT '',
    credit_photographer TEXT        NOT NULL DEFAULT '',
    credit_organisation TEXT        NOT NULL DEFAULT '',
    credit_licence      TEXT        NOT NULL DEFAULT '',
    created_at          TIMESTAMPTZ NOT NULL
);

CREATE TABLE media_variants (
    media_id   BIGINT  NOT NULL REFERENCES media_items (id) ON DELETE CASCADE,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    byte_size  BIGINT  NOT NULL,
    PRIMARY KEY (media_id, width)
);
