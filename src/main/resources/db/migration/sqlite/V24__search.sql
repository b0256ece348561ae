-- Search keeps its own copy of each public story's text (filled by the search feature from events and a start-up
-- backfill), with an FTS5 index over it as external content: the triggers keep the index in step with the rows.
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
    published_at      INTEGER NOT NULL,
    source_updated_at INTEGER NOT NULL
);
CREATE INDEX search_documents_by_time ON search_documents (published_at);

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

CREATE TRIGGER search_documents_updated AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_index (search_index, rowid, headline, standfirst, body, tags, section, captions)
    VALUES ('delete', old.article_id, old.headline, old.standfirst, old.body, old.tags, old.section, old.captions);
    INSERT INTO search_index (rowid, headline, standfirst, body, tags, section, captions)
    VALUES (new.article_id, new.headline, new.standfirst, new.body, new.tags, new.section, new.captions);
END;
