-- The duplicate check looks a comment up by article and author; without this it scanned every comment of the article.
CREATE INDEX comments_by_article_author ON comments (article_id, author_email);
