-- A store's saved answers, picked in the composer by their shortcut ("/thanks"); variables such as
-- {customer_name} are filled when one is sent.
CREATE TABLE canned_replies (
    id         UUID         PRIMARY KEY,
    store_id   VARCHAR(64)  NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    shortcut   VARCHAR(32)  NOT NULL,
    body       TEXT         NOT NULL,
    created_by VARCHAR(64)  REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT canned_replies_shortcut_uk UNIQUE (store_id, shortcut)
);
