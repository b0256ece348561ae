-- The old addresses of renamed sections and tags (and of a deleted section or merged tag): each answers with a
-- permanent redirect to where its content is now. A chain of renames leaves every old slug pointing at the same row.
CREATE TABLE section_slugs (
    slug       TEXT    NOT NULL PRIMARY KEY,
    section_id BIGINT  NOT NULL REFERENCES sections (id) ON DELETE CASCADE
);

CREATE TABLE tag_slugs (
    slug   TEXT    NOT NULL PRIMARY KEY,
    tag_id BIGINT  NOT NULL REFERENCES tags (id) ON DELETE CASCADE
);
