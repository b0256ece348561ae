-- revised_at: when a published article last changed in a way its page announces as "Updated" (the site setting
-- articles.updated_when names which changes count); null when never. The search title, search description and
-- social image override, per article, what search results and sharing cards show ('' and null: the defaults).
ALTER TABLE articles ADD COLUMN revised_at TIMESTAMPTZ;
ALTER TABLE articles ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN search_description TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN social_media_id BIGINT REFERENCES media_items (id);

-- Until now a page said "Updated" for any save more than five minutes after publication: keep what readers saw.
UPDATE articles SET revised_at = updated_at WHERE status = 'published' AND updated_at > published_at + INTERVAL '300 seconds';
