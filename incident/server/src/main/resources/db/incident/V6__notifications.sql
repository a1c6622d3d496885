-- The notification inbox: every notice of a person's queue (mention, escalation, being added to a
-- room), written in the transaction that published it, so a reload or another device sees what the
-- live socket delivered and what it missed. Bounded by incident.notifications (count per person, age).
CREATE TABLE ${prefix}notifications (
    id          VARCHAR(36)  NOT NULL,
    user_id     VARCHAR(36)  NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    -- No foreign key: who may still read the room is decided when the inbox is read, not here.
    room_id     VARCHAR(36)  NOT NULL,
    -- The notice exactly as the live queue carried it (JSON), so both paths show the same thing.
    payload     TEXT         NOT NULL,
    created_at  ${timestamp} NOT NULL,
    read_at     ${timestamp},
    CONSTRAINT ${prefix}pk_notifications PRIMARY KEY (id)
);
CREATE INDEX ${prefix}ix_notifications_user ON ${prefix}notifications (user_id, created_at);
CREATE INDEX ${prefix}ix_notifications_created ON ${prefix}notifications (created_at);
