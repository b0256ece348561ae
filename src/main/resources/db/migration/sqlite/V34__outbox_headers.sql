-- Extra headers of a one-off email (such as List-Unsubscribe on a story thread's emails), one "Name: value" a line.
ALTER TABLE outbox ADD COLUMN headers TEXT NOT NULL DEFAULT '';
