-- Snapshots of the platform's stores, products and orders, synced by the integration API.
CREATE TABLE stores (
    id             VARCHAR(64)   PRIMARY KEY,
    name           VARCHAR(255)  NOT NULL,
    owner_id       VARCHAR(64)   NOT NULL REFERENCES users (id),
    timezone       VARCHAR(64)   NOT NULL DEFAULT 'UTC',
    business_hours VARCHAR(4000),           -- JSON {"mon": [["09:00","17:30"]], ...}; NULL = always open
    auto_reply     VARCHAR(2000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Stores a user owns: the store owner's inbox.
CREATE INDEX stores_owner_idx ON stores (owner_id);

CREATE TABLE store_staff (
    store_id VARCHAR(64) NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    user_id  VARCHAR(64) NOT NULL REFERENCES users (id),
    PRIMARY KEY (store_id, user_id)
);

-- Stores a user works for.
CREATE INDEX store_staff_user_idx ON store_staff (user_id);

CREATE TABLE products (
    id         VARCHAR(64)   PRIMARY KEY,
    store_id   VARCHAR(64)   REFERENCES stores (id),
    name       VARCHAR(255)  NOT NULL,
    price      VARCHAR(32),                 -- decimal as the platform sent it, e.g. "12.50"
    currency   VARCHAR(3),
    image_url  VARCHAR(2048),
    url        VARCHAR(2048),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE orders (
    id           VARCHAR(64)  PRIMARY KEY,
    order_number VARCHAR(64)  NOT NULL,
    customer_id  VARCHAR(64)  NOT NULL REFERENCES users (id),
    store_id     VARCHAR(64)  NOT NULL REFERENCES stores (id),
    status       VARCHAR(32),
    total        VARCHAR(32),
    currency     VARCHAR(3),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
