-- The store desk: the state of each customer_store and customer_support room as a conversation the team works on.
-- Kept beside rooms rather than in them: the send path updates a room's row on every message, and the desk's
-- columns change on their own schedule.
CREATE TABLE conversations (
    room_id           UUID         PRIMARY KEY REFERENCES rooms (id) ON DELETE CASCADE,
    status            VARCHAR(10)  NOT NULL DEFAULT 'open',   -- open | pending | snoozed | resolved
    snoozed_until     TIMESTAMP WITH TIME ZONE,                -- set while snoozed
    assignee_id       VARCHAR(64)  REFERENCES users (id),
    first_message_at  TIMESTAMP WITH TIME ZONE,                -- the customer's first message
    first_response_at TIMESTAMP WITH TIME ZONE,                -- the team's first message after it
    resolved_at       TIMESTAMP WITH TIME ZONE,                -- set while resolved
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- "Mine" and "unassigned" tabs; snoozed conversations whose time has come.
CREATE INDEX conversations_assignee_idx ON conversations (assignee_id, status);
CREATE INDEX conversations_snoozed_idx ON conversations (status, snoozed_until);

CREATE TABLE conversation_labels (
    room_id UUID        NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    label   VARCHAR(50) NOT NULL,
    PRIMARY KEY (room_id, label)
);

CREATE INDEX conversation_labels_label_idx ON conversation_labels (label, room_id);

-- Rooms opened before the desk existed are open conversations.
INSERT INTO conversations (room_id, status, updated_at)
SELECT id, 'open', updated_at FROM rooms WHERE room_type IN ('customer_store', 'customer_support');
