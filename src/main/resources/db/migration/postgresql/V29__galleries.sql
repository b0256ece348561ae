-- Galleries: an ordered set of library photos, each with its own caption and credit (empty: the library's).
-- Deleting a library photo takes it out of every gallery (ON DELETE CASCADE); a gallery page also skips a photo
-- it cannot find, so a photo removed meanwhile never breaks a page.
CREATE TABLE galleries (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug         TEXT    NOT NULL UNIQUE,
    title        TEXT    NOT NULL,
    description  TEXT    NOT NULL DEFAULT '',
    status       TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    published_at TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE gallery_photos (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gallery_id          BIGINT  NOT NULL REFERENCES galleries (id) ON DELETE CASCADE,
    media_id            BIGINT  NOT NULL REFERENCES media_items (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    caption             TEXT    NOT NULL DEFAULT '',
    credit_photographer TEXT    NOT NULL DEFAULT '',
    credit_organisation TEXT    NOT NULL DEFAULT '',
    credit_licence      TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX gallery_photos_by_gallery ON gallery_photos (gallery_id, position);
CREATE INDEX gallery_photos_by_media ON gallery_photos (media_id);
