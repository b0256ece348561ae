CREATE TABLE authors (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug           TEXT        NOT NULL UNIQUE,
    display_name   TEXT        NOT NULL,
    bio            TEXT        NOT NULL DEFAULT '',
    photo_media_id BIGINT REFERENCES media_items (id),
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE sections (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL
);

CREATE TABLE tags (
    id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE articles (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug              TEXT        NOT NULL UNIQUE,
    headline          TEXT        NOT NULL,
    standfirst        TEXT        NOT NULL DEFAULT '',
    body_markdown     TEXT        NOT NULL,
    body_html         TEXT        NOT NULL,
    section_id        BIGINT REFERENCES sections (id),
    featured_media_id BIGINT REFERENCES media_items (id),
    featured_caption  TEXT        NOT NULL DEFAULT '',
    featured_credit   TEXT        NOT NULL DEFAULT '',
    featured_alt      TEXT        NOT NULL DEFAULT '',
    status            TEXT        NOT NULL CHECK (status IN ('draft', 'scheduled', 'published')),
    web_only          BOOLEAN     NOT NULL DEFAULT FALSE,
    comments_open     BOOLEAN     NOT NULL DEFAULT TRUE,
    published_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    CHECK (status = 'draft' OR published_at IS NOT NULL)
);

CREATE INDEX articles_by_status_time ON articles (status, published_at DESC, id DESC);
CREATE INDEX articles_by_section ON articles (section_id, status, published_at DESC, id DESC);

CREATE TABLE article_authors (
    article_id BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id  BIGINT  NOT NULL REFERENCES authors (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_by_author ON article_authors (author_id);

CREATE TABLE article_tags (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     BIGINT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_id);
