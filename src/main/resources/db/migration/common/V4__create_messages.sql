-- Uploaded files. message_id is set when a message carries the file; rows without one are orphans.
CREATE TABLE attachments (
    id            UUID          PRIMARY KEY,
    room_id       UUID          NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    uploader_id   VARCHAR(64)   REFERENCES users (id),
    message_id    UUID,
    storage_key   VARCHAR(255)  NOT NULL,
    thumbnail_key VARCHAR(255),
    file_name     VARCHAR(255)  NOT NULL,
    file_size     BIGINT        NOT NULL,
    file_type     VARCHAR(127)  NOT NULL,
    sha256        VARCHAR(64),
    width         INTEGER,
    height        INTEGER,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Orphan clean-up: uploads never attached, oldest first.
CREATE INDEX attachments_orphan_idx ON attachments (message_id, created_at);

CREATE TABLE messages (
    id                UUID          PRIMARY KEY,
    room_id           UUID          NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    seq               BIGINT,                  -- NULL while held for moderation
    sender_id         VARCHAR(64)   REFERENCES users (id),  -- NULL for system messages
    message_type      VARCHAR(16)   NOT NULL,
    content           TEXT          NOT NULL,
    original_content  TEXT,                    -- the sender's text when a filter masked it for others
    client_msg_id     VARCHAR(100),
    reply_to          UUID,
    ref_type          VARCHAR(16),             -- product | order
    ref_id            VARCHAR(64),
    ref_snapshot      TEXT,                    -- JSON card kept as it was when shared
    attachment_id     UUID          REFERENCES attachments (id) ON DELETE SET NULL,
    moderation_status VARCHAR(16)   NOT NULL DEFAULT 'approved',  -- approved | pending | rejected
    is_flagged        BOOLEAN       NOT NULL DEFAULT FALSE,
    flag_reason       VARCHAR(500),
    is_edited         BOOLEAN       NOT NULL DEFAULT FALSE,
    is_deleted        BOOLEAN       NOT NULL DEFAULT FALSE,
    sent_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at         TIMESTAMP WITH TIME ZONE,
    deleted_at        TIMESTAMP WITH TIME ZONE,
    -- Room history by seq (pages, resume, last message) uses this constraint's index.
    CONSTRAINT messages_room_seq_uk UNIQUE (room_id, seq),
    -- Idempotent sends: a retry with the same client_msg_id finds the stored message.
    CONSTRAINT messages_idempotency_uk UNIQUE (room_id, sender_id, client_msg_id)
);

-- A user's messages: privacy export and erase.
CREATE INDEX messages_sender_idx ON messages (sender_id, sent_at);

-- Retention: messages older than the cut-off, oldest first.
CREATE INDEX messages_sent_at_idx ON messages (sent_at);

-- Held messages of a pre-moderated room.
CREATE INDEX messages_moderation_idx ON messages (room_id, moderation_status);
