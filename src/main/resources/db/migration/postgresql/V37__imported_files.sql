-- Files of a WordPress import that are not photos (PDFs, audio, video, office documents). Kept in the database so every
-- node serves them and an import stays all or nothing. storage_key is random and makes the file's address; file_name
-- is only offered as the download's name, never used as a path; content_type comes from an allow-list, never the file.
CREATE TABLE imported_files (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    storage_key  TEXT    NOT NULL UNIQUE,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size_bytes   BIGINT  NOT NULL,
    bytes        BYTEA   NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
