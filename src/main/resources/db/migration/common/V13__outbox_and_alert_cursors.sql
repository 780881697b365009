-- Jobs that one node at a time should run (the outbox retry) hold a lease here.
CREATE TABLE job_leases (
    name        VARCHAR(64)  PRIMARY KEY,
    holder      VARCHAR(64)  NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Webhooks and e-mails that failed every attempt, moved out of event_publication for an operator to look at.
CREATE TABLE event_publication_dead (
    id                     UUID          PRIMARY KEY,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       TEXT          NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_attempts    INTEGER,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    buried_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

-- How far a member's missed-message alerts went in a room: each message is alerted at most once.
CREATE TABLE alert_cursors (
    room_id     UUID         NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id     VARCHAR(64)  NOT NULL REFERENCES users (id),
    alerted_seq BIGINT       NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
