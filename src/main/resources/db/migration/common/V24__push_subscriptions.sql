-- Browser push subscriptions: what a browser's PushManager.subscribe() returned, one row per browser. The endpoint is
-- the push service's URL for that browser, unique worldwide; a browser that signs in as someone else moves its row.
CREATE TABLE push_subscriptions (
    id              UUID                     PRIMARY KEY,
    user_id         VARCHAR(64)              NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    endpoint        VARCHAR(2048)            NOT NULL UNIQUE,
    p256dh          VARCHAR(100)             NOT NULL,
    auth            VARCHAR(50)              NOT NULL,
    user_agent      VARCHAR(300),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_pushed_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id, created_at);

-- The VAPID key pair that dev mode generated for itself (production configures one). Kept, because every
-- subscription is bound to the public key it was made with: a new key would silence them all.
CREATE TABLE push_keys (
    id           SMALLINT                 PRIMARY KEY,
    public_key   VARCHAR(100)             NOT NULL,
    private_key  VARCHAR(100)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
