-- Spring Modulith's event publication registry (schema v2): after-commit work that must survive a crash
-- (missed-message e-mail, webhooks) is stored here in the transaction that caused it, and removed once done.
-- serialized_event holds a whole webhook body, hence wider than Modulith's H2 script.
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)             NOT NULL,
    event_type             VARCHAR(512)             NOT NULL,
    serialized_event       VARCHAR(1000000)         NOT NULL,
    publication_date       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP(9) WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP(9) WITH TIME ZONE
);
CREATE INDEX event_publication_by_listener_id_idx ON event_publication (listener_id);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
