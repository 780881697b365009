-- In-app notifications (the seed's ChatNotification). new_message is coalesced: one row per user and
-- room (coalesce_key = 'new_message'), updated by each message, so rows do not grow with traffic.
CREATE TABLE notifications (
    id                UUID          PRIMARY KEY,
    user_id           VARCHAR(64)   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    room_id           UUID          NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    message_id        UUID,
    notification_type VARCHAR(32)   NOT NULL,
    title             VARCHAR(255)  NOT NULL,
    content           VARCHAR(1000) NOT NULL,
    coalesce_key      VARCHAR(32),
    is_read           BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notifications_coalesce_uk UNIQUE (user_id, room_id, coalesce_key)
);

-- My notifications, newest first (and the unread filter on top of it).
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at);

-- The coalesced new_message rows of a room, updated on every message.
CREATE INDEX notifications_room_idx ON notifications (room_id, coalesce_key);
