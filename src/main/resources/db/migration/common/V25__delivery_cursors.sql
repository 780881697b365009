-- How far each member's devices have been sent a room's messages: the ✓✓ "delivered" of the sender's ticks, a
-- cursor beside the read cursor, not a row per message. It moves when a message frame has been written to one of the
-- member's sockets or a history page has been returned to them.
ALTER TABLE room_members ADD COLUMN last_delivered_seq BIGINT NOT NULL DEFAULT 0;
