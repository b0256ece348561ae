-- The node freezing an issue's audience into the ledger: the others leave the issue to it while its lease lasts,
-- instead of every node reading the whole subscriber list at once.
ALTER TABLE newsletter_issues ADD COLUMN prepared_by TEXT;
