-- A store's desk: whether new conversations are assigned automatically, and to how many open ones an agent may be
-- assigned at most. The last agent given one is where the round robin goes on from.
CREATE TABLE desk_settings (
    store_id         VARCHAR(64)  PRIMARY KEY REFERENCES stores (id) ON DELETE CASCADE,
    auto_assign      BOOLEAN      NOT NULL DEFAULT FALSE,
    max_open         INTEGER,
    last_assignee_id VARCHAR(64),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
