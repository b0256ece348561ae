-- Where the subject of a photo is, in thousandths of its width and height from the top left; crops keep it in frame.
ALTER TABLE media_items ADD COLUMN focal_x INTEGER NOT NULL DEFAULT 500;
ALTER TABLE media_items ADD COLUMN focal_y INTEGER NOT NULL DEFAULT 500;
