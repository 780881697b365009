-- Profiles of the platform's users, upserted from JWT claims and from the integration API.
CREATE TABLE users (
    id            VARCHAR(64)   PRIMARY KEY,
    name          VARCHAR(255),
    email         VARCHAR(320),
    avatar_url    VARCHAR(2048),
    roles         VARCHAR(255)  NOT NULL DEFAULT '',  -- comma-separated: customer,store_owner,...
    email_alerts  BOOLEAN       NOT NULL DEFAULT TRUE,
    is_erased     BOOLEAN       NOT NULL DEFAULT FALSE,
    last_seen_at  TIMESTAMP WITH TIME ZONE,
    last_alert_at TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
