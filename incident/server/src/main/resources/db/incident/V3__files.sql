-- Files uploaded to a room. The bytes live in the platform's object storage under server-made keys
-- (storage_key, and the preview and thumbnail keys beside it); this row is what the API knows of them.
-- message_id is set once, by the message that carries the file: a file is attached at most once.
CREATE TABLE ${prefix}files (
    id            VARCHAR(36)  NOT NULL,
    room_id       VARCHAR(36)  NOT NULL,
    uploaded_by   VARCHAR(36)  NOT NULL,
    filename      VARCHAR(255) NOT NULL,
    mime_type     VARCHAR(100) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    width         INTEGER,
    height        INTEGER,
    has_preview   BOOLEAN      NOT NULL,
    storage_key   VARCHAR(255) NOT NULL,
    message_id    VARCHAR(36),
    deleted       BOOLEAN      NOT NULL,
    created_at    ${timestamp} NOT NULL,
    CONSTRAINT ${prefix}pk_files PRIMARY KEY (id),
    CONSTRAINT ${prefix}fk_files_room FOREIGN KEY (room_id) REFERENCES ${prefix}rooms (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}ix_files_room ON ${prefix}files (room_id);
CREATE INDEX ${prefix}ix_files_message ON ${prefix}files (message_id);
