-- The health endpoint writes this one row, so a database that can no longer take writes (a full disk) reports DOWN.
CREATE TABLE health_checks (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    checked_at INTEGER NOT NULL
);

-- While this row exists no outgoing mail (outbox or newsletter) is sent: DISPATCH_MAIL_HOLD, for a restored backup.
CREATE TABLE mail_holds (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    held_at  INTEGER NOT NULL,
    reason   TEXT    NOT NULL
);
