-- A thumbnail is stored as its own object, with its own size and type (range requests and Content-Length).
ALTER TABLE attachments ADD COLUMN thumbnail_size BIGINT;
ALTER TABLE attachments ADD COLUMN thumbnail_type VARCHAR(127);

-- Set when the message carrying the file is deleted (by its sender, a moderator, retention or an erase): the file
-- is no longer served, and the sweeper removes it from storage.
ALTER TABLE attachments ADD COLUMN released_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX attachments_released_idx ON attachments (released_at);
