-- Reports on messages. A message has at most one open flag, which lists all its reporters.
CREATE TABLE flags (
    id          UUID          PRIMARY KEY,
    message_id  UUID          NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    room_id     UUID          NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    reason      VARCHAR(500),
    source      VARCHAR(16)   NOT NULL DEFAULT 'user',  -- user | filter
    status      VARCHAR(16)   NOT NULL DEFAULT 'open',  -- open | approved | rejected | deleted
    open_key    UUID,                                   -- the message id while open, NULL once decided
    resolved_by VARCHAR(64)   REFERENCES users (id),
    resolved_at TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT flags_open_uk UNIQUE (open_key)
);

-- The moderation queue: flags by status, oldest first.
CREATE INDEX flags_status_idx ON flags (status, created_at);

-- One report per user and message.
CREATE TABLE flag_reports (
    message_id UUID         NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id    VARCHAR(64)  NOT NULL REFERENCES users (id),
    flag_id    UUID         NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
    reason     VARCHAR(500),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_id, user_id)
);

-- Reporters of a flag.
CREATE INDEX flag_reports_flag_idx ON flag_reports (flag_id);

CREATE TABLE blocks (
    blocker_id VARCHAR(64) NOT NULL REFERENCES users (id),
    blocked_id VARCHAR(64) NOT NULL REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);

-- "Has anyone in this room blocked me?"
CREATE INDEX blocks_blocked_idx ON blocks (blocked_id);

CREATE TABLE user_mutes (
    user_id    VARCHAR(64)  PRIMARY KEY REFERENCES users (id),
    muted_by   VARCHAR(64)  REFERENCES users (id),
    reason     VARCHAR(500),
    muted_until TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who did what, when and why: moderator actions and privacy requests.
CREATE TABLE audit_log (
    id          UUID          PRIMARY KEY,
    actor_id    VARCHAR(64),
    action      VARCHAR(64)   NOT NULL,
    target_type VARCHAR(32)   NOT NULL,
    target_id   VARCHAR(64)   NOT NULL,
    reason      VARCHAR(1000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The audit log, newest first.
CREATE INDEX audit_log_created_idx ON audit_log (created_at);
