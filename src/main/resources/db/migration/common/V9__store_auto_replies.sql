-- One automatic reply per customer-store room and closed period: the period is named by the store's next
-- opening (or 'closed' when it has none ahead), and the primary key lets only one node post it.
CREATE TABLE store_auto_replies (
    room_id    UUID          NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    period     VARCHAR(40)   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_id, period)
);
