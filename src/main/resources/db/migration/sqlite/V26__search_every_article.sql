-- The search index now holds every article, drafts and scheduled ones too, for the newsroom's own search; the
-- public search reads only documents whose status is 'published' (and whose time has come). published_at is null
-- for an article that was never published. The documents are a copy: the table is made again here, and the
-- search feature's start-up backfill fills it from the articles.
DROP TRIGGER search_documents_inserted;
DROP TRIGGER search_documents_deleted;
DROP TRIGGER search_documents_updated;
DROP TABLE search_index;
DROP TABLE search_documents;

CREATE TABLE search_documents (
    article_id        INTEGER NOT NULL PRIMARY KEY,
    slug              TEXT    NOT NULL,
    headline          TEXT    NOT NULL,
    standfirst        TEXT    NOT NULL,
    body              TEXT    NOT NULL,
    tags              TEXT    NOT NULL,
    section           TEXT    NOT NULL,
    captions          TEXT    NOT NULL,
    section_id        INTEGER,
    section_slug      TEXT,
    status            TEXT    NOT NULL,
    published_at      INTEGER,
    source_updated_at INTEGER NOT NULL
);

CREATE VIRTUAL TABLE search_index USING fts5 (
    headline, standfirst, body, tags, section, captions,
    content = 'search_documents', content_rowid = 'article_id', tokenize = 'porter unicode61'
);

CREATE TRIGGER search_documents_inserted AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_index (rowid, headline, standfirst, body, tags, section, captions)
    VALUES (new.article_id, new.headline, new.standfirst, new.body, new.tags, new.section, new.captions);
END;

CREATE TRIGGER search_documents_deleted AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_index (search_index, rowid, headline, standfirst, body, tags, section, captions)
    VALUES ('delete', old.article_id, old.headline, old.standfirst, old.body, old.tags, old.section, old.captions);
END;

-- Only a change of the indexed words touches the full-text index (a status change does not).
CREATE TRIGGER search_documents_updated AFTER UPDATE OF headline, standfirst, body, tags, section, captions ON search_documents BEGIN
    INSERT INTO search_index (search_index, rowid, headline, standfirst, body, tags, section, captions)
    VALUES ('delete', old.article_id, old.headline, old.standfirst, old.body, old.tags, old.section, old.captions);
    INSERT INTO search_index (rowid, headline, standfirst, body, tags, section, captions)
    VALUES (new.article_id, new.headline, new.standfirst, new.body, new.tags, new.section, new.captions);
END;

-- Counts changes to the documents, so that a node may keep search results until the next change (any node's).
CREATE TABLE search_changes (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);
INSERT INTO search_changes (id, generation) VALUES (1, 0);

-- Sitemaps walk public stories in id order, a page at a time: this index finds where a page starts and reads each
-- batch without touching the wide article rows of the stories before it.
CREATE INDEX articles_public_by_id ON articles (status, id, published_at);
