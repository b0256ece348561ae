-- The comment a reply answers. parent_id is where the reply sits, which is that comment's parent once the thread is at
-- its depth limit; the reply email goes to the author of reply_to_id (NULL on older rows: parent_id stands in).
ALTER TABLE comments ADD COLUMN reply_to_id BIGINT REFERENCES comments (id);
