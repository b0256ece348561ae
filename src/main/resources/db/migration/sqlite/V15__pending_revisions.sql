-- Changes to a published article go live only through an explicit Update: until then they are kept as a pending
-- revision. The article row always holds what readers see; current_revision names the revision it holds and
-- pending_revision the one kept for later (null when none). Revisions now also keep their byline.
ALTER TABLE articles ADD COLUMN current_revision INTEGER;
ALTER TABLE articles ADD COLUMN pending_revision INTEGER;
ALTER TABLE article_revisions ADD COLUMN author_ids TEXT;

-- Until now every save was applied to the article at once, so its newest revision is the one it holds.
UPDATE articles SET current_revision = (SELECT MAX(r.number) FROM article_revisions r WHERE r.article_id = articles.id);
