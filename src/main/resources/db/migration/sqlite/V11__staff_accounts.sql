-- Staff who sign in to the admin, and the API keys they make. Addresses are stored lower-cased.
CREATE TABLE staff (
    id            INTEGER NOT NULL PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'author', 'contributor')),
    status        TEXT    NOT NULL CHECK (status IN ('invited', 'active', 'disabled')),
    password_hash TEXT,
    session_stamp INTEGER NOT NULL DEFAULT 0,
    invited_by    INTEGER REFERENCES staff (id),
    created_at    INTEGER NOT NULL,
    CHECK (status = 'invited' OR password_hash IS NOT NULL)
);

CREATE TABLE api_keys (
    id           INTEGER NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL UNIQUE,
    role         TEXT    NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'contributor')),
    created_by   INTEGER NOT NULL REFERENCES staff (id),
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
