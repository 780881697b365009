-- How far each member's devices have been sent a room's messages: the ✓✓ "delivered" of the senders' ticks, a
-- cursor per member, not a row per message. A table of its own rather than a column of room_members: the send path
-- updates a sender's room_members row (their read cursor) in every send, and the flush of delivery cursors must not
-- wait on those row locks, nor they on it.
CREATE TABLE delivery_cursors (
    room_id        UUID        NOT NULL,
    user_id        VARCHAR(64) NOT NULL,
    delivered_seq  BIGINT      NOT NULL,
    PRIMARY KEY (room_id, user_id),
    FOREIGN KEY (room_id, user_id) REFERENCES room_members (room_id, user_id) ON DELETE CASCADE
);
