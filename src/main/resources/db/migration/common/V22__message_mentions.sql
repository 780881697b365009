-- Mentions: who a message names, as user ids. The message's own list is read per page by message_id; a user's
-- unread mentions of a room are counted on (user_id, room_id, seq) over the unread range only. A message that goes
-- (retention, erasure) takes its mentions with it. A message held for pre-moderation keeps its mentions without a seq
-- (so they count for no one) until a moderator numbers it.
CREATE TABLE message_mentions (
    message_id  UUID        NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id     VARCHAR(64) NOT NULL REFERENCES users (id),
    room_id     UUID        NOT NULL,
    seq         BIGINT,
    PRIMARY KEY (message_id, user_id)
);

CREATE INDEX message_mentions_user_room_seq_idx ON message_mentions (user_id, room_id, seq);
