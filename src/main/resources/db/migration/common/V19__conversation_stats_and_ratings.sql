-- A store's reply-time facts come from its conversations of the last days: an index range per store, not a scan.
ALTER TABLE conversations ADD COLUMN store_id VARCHAR(64);
ALTER TABLE conversations ADD COLUMN resolutions INTEGER NOT NULL DEFAULT 0;  -- times resolved; a rating is per time

UPDATE conversations SET store_id = (SELECT r.store_id FROM rooms r WHERE r.id = conversations.room_id);
UPDATE conversations SET resolutions = 1 WHERE status = 'resolved';

CREATE INDEX conversations_store_idx ON conversations (store_id, first_message_at);

-- The customer's rating of a resolved conversation: once per resolution.
CREATE TABLE conversation_ratings (
    room_id     UUID         NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    resolution  INTEGER      NOT NULL,
    store_id    VARCHAR(64),
    customer_id VARCHAR(64)  REFERENCES users (id),
    rating      SMALLINT     NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, resolution)
);

CREATE INDEX conversation_ratings_store_idx ON conversation_ratings (store_id, created_at);
