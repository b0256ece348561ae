-- The search index now holds every article, drafts and scheduled ones too, for the newsroom's own search; the
-- public search reads only documents whose status is 'published' (and whose time has come). published_at is null
-- for an article that was never published. Documents already here are all public stories; the search feature's
-- start-up backfill adds the others.
ALTER TABLE search_documents ADD COLUMN status TEXT NOT NULL DEFAULT 'published';
ALTER TABLE search_documents ALTER COLUMN status DROP DEFAULT;
ALTER TABLE search_documents ALTER COLUMN published_at DROP NOT NULL;

-- Counts changes to the documents, so that a node may keep search results until the next change (any node's).
CREATE TABLE search_changes (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    generation BIGINT  NOT NULL
);
INSERT INTO search_changes (id, generation) VALUES (1, 0);

-- Sitemaps walk public stories in id order, a page at a time: this index finds where a page starts and reads each
-- batch without touching the wide article rows of the stories before it.
CREATE INDEX articles_public_by_id ON articles (status, id, published_at);
