-- Editable menus (the header navigation and the footer links). A menu with no row in menus was never edited and
-- shows its defaults (the sections; the published pages). An item points at a section, a page or a tag by id (its
-- label and address follow the target; a target that is gone drops out for readers), or at a URL.
CREATE TABLE menus (
    name      TEXT    NOT NULL PRIMARY KEY CHECK (name IN ('header', 'footer')),
    edited_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE menu_items (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    menu      TEXT    NOT NULL REFERENCES menus (name) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('section', 'page', 'tag', 'url')),
    target_id BIGINT,
    url       TEXT,
    label     TEXT    NOT NULL DEFAULT '',
    UNIQUE (menu, position)
);

-- The site icon in the sizes browsers ask for, made from one uploaded square image; kept in the database so every
-- node serves the same bytes whatever stores the media.
CREATE TABLE site_icon_files (
    name         TEXT    NOT NULL PRIMARY KEY,
    content_type TEXT    NOT NULL,
    bytes        BYTEA   NOT NULL,
    version      TEXT    NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
