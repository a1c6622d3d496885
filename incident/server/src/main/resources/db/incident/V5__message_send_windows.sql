-- The send limit (messages per user per room within a sliding window), kept in the database so that
-- every server process counts against the same limit. One row per person and room holds the times of
-- their last accepted sends; it is read and rewritten under a row lock by the sending transaction.
CREATE TABLE ${prefix}message_send_windows (
    room_id     VARCHAR(36)  NOT NULL,
    user_id     VARCHAR(36)  NOT NULL,
    -- Epoch milliseconds of the latest accepted sends, oldest first, comma-separated; at most the limit.
    recent      TEXT         NOT NULL,
    updated_at  ${timestamp} NOT NULL,
    CONSTRAINT ${prefix}pk_message_send_windows PRIMARY KEY (room_id, user_id),
    CONSTRAINT ${prefix}fk_message_send_windows_room FOREIGN KEY (room_id) REFERENCES ${prefix}rooms (id) ON DELETE CASCADE
);
