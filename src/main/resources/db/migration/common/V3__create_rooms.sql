-- Rooms and their members. last_seq is the room's message counter: the send path bumps it under the
-- row lock, which both numbers messages gaplessly and orders concurrent senders.
CREATE TABLE rooms (
    id                 UUID          PRIMARY KEY,
    name               VARCHAR(255)  NOT NULL,
    room_type          VARCHAR(20)   NOT NULL,
    store_id           VARCHAR(64)   REFERENCES stores (id),
    product_id         VARCHAR(64)   REFERENCES products (id) ON DELETE SET NULL,
    customer_id        VARCHAR(64)   REFERENCES users (id),
    -- "<store>|<customer>" while an active customer_store room exists: one such room per pair.
    dedupe_key         VARCHAR(200),
    is_active          BOOLEAN       NOT NULL DEFAULT TRUE,
    is_private         BOOLEAN       NOT NULL DEFAULT TRUE,
    allow_file_sharing BOOLEAN       NOT NULL DEFAULT TRUE,
    max_participants   INTEGER       NOT NULL,
    is_moderated       BOOLEAN       NOT NULL DEFAULT FALSE,
    moderator_id       VARCHAR(64)   REFERENCES users (id),
    legal_hold         BOOLEAN       NOT NULL DEFAULT FALSE,
    created_by         VARCHAR(64)   REFERENCES users (id),
    last_seq           BIGINT        NOT NULL DEFAULT 0,
    last_message_at    TIMESTAMP WITH TIME ZONE,
    activity_at        TIMESTAMP WITH TIME ZONE NOT NULL,  -- last_message_at, or created_at before any
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rooms_dedupe_uk UNIQUE (dedupe_key)
);

-- "My rooms, newest activity first": the members index finds my rooms, this one orders and pages them.
CREATE INDEX rooms_activity_idx ON rooms (activity_at, id);

-- A store's conversations (store inbox, retention by store).
CREATE INDEX rooms_store_idx ON rooms (store_id, activity_at);

CREATE TABLE room_members (
    room_id       UUID         NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id       VARCHAR(64)  NOT NULL REFERENCES users (id),
    joined_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_read_seq BIGINT       NOT NULL DEFAULT 0,  -- read cursor: unread = rooms.last_seq - last_read_seq
    last_read_at  TIMESTAMP WITH TIME ZONE,
    is_muted      BOOLEAN      NOT NULL DEFAULT FALSE,  -- no alerts for this room
    PRIMARY KEY (room_id, user_id)
);

-- My rooms and my unread counts (room_members by user, joined to rooms).
CREATE INDEX room_members_user_idx ON room_members (user_id, room_id);
