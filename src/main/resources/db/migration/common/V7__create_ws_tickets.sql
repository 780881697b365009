-- One-time WebSocket tickets. Kept in the database, not in a node's memory, so a ticket issued by one node
-- opens a socket on any other (nodes sit behind a plain load balancer). Only a hash of the ticket is stored.
CREATE TABLE ws_tickets (
    ticket_hash VARCHAR(64)  PRIMARY KEY,
    user_id     VARCHAR(64)  NOT NULL,
    roles       VARCHAR(255) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Sweeping expired tickets.
CREATE INDEX ws_tickets_expires_idx ON ws_tickets (expires_at);
