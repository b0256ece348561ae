-- Staff sign-in sessions, kept by Spring Session JDBC (table name set by spring.session.jdbc.table-name) so that a
-- restart signs nobody out and every node sees the same sessions. Readers never get one. Times are epoch millis,
-- as Spring Session writes them.
CREATE TABLE staff_sessions (
    primary_id            CHAR(36)     NOT NULL PRIMARY KEY,
    session_id            CHAR(36)     NOT NULL UNIQUE,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100)
);

CREATE INDEX staff_sessions_expiry_time ON staff_sessions (expiry_time);
CREATE INDEX staff_sessions_principal_name ON staff_sessions (principal_name);

CREATE TABLE staff_sessions_attributes (
    session_primary_id CHAR(36)     NOT NULL REFERENCES staff_sessions (primary_id) ON DELETE CASCADE,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);

-- "Forgot your password?" requests, written as typed whether or not an account has the address, so the answer
-- costs the same work for both and tells nobody which addresses are staff. A worker sends the links and deletes them.
CREATE TABLE password_reset_requests (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL
);
