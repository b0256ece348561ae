ALTER TABLE newsletter_issues ADD COLUMN kind TEXT NOT NULL DEFAULT 'post' CHECK (kind IN ('post', 'daily', 'weekly'));
ALTER TABLE newsletter_issues ADD COLUMN window_start TIMESTAMPTZ;
ALTER TABLE newsletter_issues ADD COLUMN window_end TIMESTAMPTZ;
CREATE UNIQUE INDEX newsletter_issues_one_digest ON newsletter_issues (kind, window_end) WHERE article_id IS NULL;

-- Which sections a digest recipient follows ('' = all), so each gets only their sections' stories.
ALTER TABLE deliveries ADD COLUMN variant TEXT NOT NULL DEFAULT '';
