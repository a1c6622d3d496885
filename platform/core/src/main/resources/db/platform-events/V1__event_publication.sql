-- Spring Modulith's event publication registry (its JPA entity, named through the table prefix):
-- one row per event and listener, written in the publishing transaction, deleted once the listener
-- has completed. A row that stays was accepted but not yet handled, and is handed to the listener again.
CREATE TABLE ${prefix}event_publication (
    id               CHAR(36)     NOT NULL,
    listener_id      VARCHAR(512) NOT NULL,
    event_type       VARCHAR(512) NOT NULL,
    serialized_event TEXT         NOT NULL,
    publication_date ${timestamp} NOT NULL,
    completion_date  ${timestamp},
    CONSTRAINT ${prefix}pk_event_publication PRIMARY KEY (id)
);
CREATE INDEX ${prefix}ix_event_publication_open ON ${prefix}event_publication (completion_date, publication_date);
