-- Search keeps its own copy of each public story's text (filled by the search feature from events and a start-up
-- backfill). The weighted tsvector is computed by PostgreSQL from the columns: A headline, B standfirst and tags,
-- C section and photo captions and credits, D body. Every node shares this one index.
CREATE TABLE search_documents (
    article_id        BIGINT      NOT NULL PRIMARY KEY,
    slug              TEXT        NOT NULL,
    headline          TEXT        NOT NULL,
    standfirst        TEXT        NOT NULL,
    body              TEXT        NOT NULL,
    tags              TEXT        NOT NULL,
    section           TEXT        NOT NULL,
    captions          TEXT        NOT NULL,
    section_id        BIGINT,
    section_slug      TEXT,
    published_at      TIMESTAMPTZ NOT NULL,
    source_updated_at TIMESTAMPTZ NOT NULL,
    document          tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, headline), 'A')
        || setweight(to_tsvector('english'::regconfig, standfirst || ' ' || tags), 'B')
        || setweight(to_tsvector('english'::regconfig, section || ' ' || captions), 'C')
        || setweight(to_tsvector('english'::regconfig, body), 'D')
    ) STORED
);
CREATE INDEX search_documents_by_words ON search_documents USING GIN (document);
CREATE INDEX search_documents_by_time ON search_documents (published_at);
