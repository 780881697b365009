-- Link previews, kept per URL: a link shared in many messages is fetched once per keep period. A URL that gave no
-- preview is kept too (found = FALSE), so it is not fetched again at every mention. The image is the re-encoded one,
-- small (its longest side a few hundred pixels), served by the service itself.
CREATE TABLE link_previews (
    id           UUID                     PRIMARY KEY,
    url          VARCHAR(2048)            NOT NULL UNIQUE,
    found        BOOLEAN                  NOT NULL,
    title        VARCHAR(300),
    description  VARCHAR(600),
    site_name    VARCHAR(200),
    image        BYTEA,
    image_type   VARCHAR(32),
    image_width  INTEGER,
    image_height INTEGER,
    fetched_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The preview of each message's first link. A message that goes takes its link with it; the preview stays for others.
CREATE TABLE message_previews (
    message_id  UUID NOT NULL PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    preview_id  UUID NOT NULL REFERENCES link_previews (id) ON DELETE CASCADE
);

CREATE INDEX message_previews_preview_idx ON message_previews (preview_id);
