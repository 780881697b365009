-- Reactions: one of each emoji per user and message. Counts are read per page of messages by message_id (the key's
-- first column); a message that goes (retention, erasure) takes its reactions with it.
CREATE TABLE message_reactions (
    message_id  UUID                     NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id     VARCHAR(64)              NOT NULL REFERENCES users (id),
    emoji       VARCHAR(32)              NOT NULL,
    reacted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
);

CREATE INDEX message_reactions_user_idx ON message_reactions (user_id);
