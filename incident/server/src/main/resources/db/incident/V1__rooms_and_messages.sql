-- The incident app's tables. Portable across H2, PostgreSQL and MariaDB/MySQL: every name carries
-- ${prefix}; ${timestamp} is TIMESTAMP(6) (DATETIME(6) on MariaDB/MySQL). Ids are app-generated UUIDs.

CREATE TABLE ${prefix}rooms (
    id               VARCHAR(36)   NOT NULL,
    title            VARCHAR(120)  NOT NULL,
    description      TEXT,
    line             VARCHAR(120)  NOT NULL,
    station          VARCHAR(120),
    equipment        VARCHAR(120),
    work_order       VARCHAR(120),
    category         VARCHAR(16)   NOT NULL,
    severity         VARCHAR(16)   NOT NULL,
    severity_rank    INTEGER       NOT NULL,
    visibility       VARCHAR(16)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    status_rank      INTEGER       NOT NULL,
    template_id      VARCHAR(36),
    created_by       VARCHAR(36)   NOT NULL,
    reported_at      ${timestamp}  NOT NULL,
    acknowledged_at  ${timestamp},
    resolved_at      ${timestamp},
    closed_at        ${timestamp},
    cancelled_at     ${timestamp},
    resolution       TEXT,
    updated_at       ${timestamp}  NOT NULL,
    -- The last seq handed out in this room; raised by a conditional update that locks the row, so
    -- concurrent writers queue and every event gets the next number in its own transaction.
    last_seq         BIGINT        NOT NULL,
    CONSTRAINT ${prefix}pk_rooms PRIMARY KEY (id)
);
CREATE INDEX ${prefix}ix_rooms_reported ON ${prefix}rooms (reported_at);
CREATE INDEX ${prefix}ix_rooms_duplicate ON ${prefix}rooms (line, equipment, category, status);

CREATE TABLE ${prefix}room_members (
    id            VARCHAR(36)  NOT NULL,
    room_id       VARCHAR(36)  NOT NULL,
    email         VARCHAR(320) NOT NULL,
    user_id       VARCHAR(36),
    display_name  VARCHAR(255),
    role          VARCHAR(16)  NOT NULL,
    joined_at     ${timestamp} NOT NULL,
    read_seq      BIGINT       NOT NULL,
    CONSTRAINT ${prefix}pk_room_members PRIMARY KEY (id),
    CONSTRAINT ${prefix}uq_room_members UNIQUE (room_id, email),
    CONSTRAINT ${prefix}fk_room_members_room FOREIGN KEY (room_id) REFERENCES ${prefix}rooms (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}ix_room_members_email ON ${prefix}room_members (email);

CREATE TABLE ${prefix}room_events (
    id          VARCHAR(36)  NOT NULL,
    room_id     VARCHAR(36)  NOT NULL,
    seq         BIGINT       NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    message_id  VARCHAR(36),
    payload     TEXT         NOT NULL,
    created_at  ${timestamp} NOT NULL,
    CONSTRAINT ${prefix}pk_room_events PRIMARY KEY (id),
    CONSTRAINT ${prefix}uq_room_events_seq UNIQUE (room_id, seq),
    CONSTRAINT ${prefix}fk_room_events_room FOREIGN KEY (room_id) REFERENCES ${prefix}rooms (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}ix_room_events_message ON ${prefix}room_events (message_id);

CREATE TABLE ${prefix}messages (
    id          VARCHAR(36)  NOT NULL,
    room_id     VARCHAR(36)  NOT NULL,
    seq         BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    author_id   VARCHAR(36),
    author_email VARCHAR(320),
    author_name VARCHAR(255),
    content     TEXT,
    client_id   VARCHAR(64),
    reply_to    VARCHAR(36),
    mentions    TEXT,
    pinned      BOOLEAN      NOT NULL,
    deleted     BOOLEAN      NOT NULL,
    edited_at   ${timestamp},
    created_at  ${timestamp} NOT NULL,
    CONSTRAINT ${prefix}pk_messages PRIMARY KEY (id),
    CONSTRAINT ${prefix}uq_messages_seq UNIQUE (room_id, seq),
    -- One message per client_id per author: a resend finds the first instead of adding another.
    CONSTRAINT ${prefix}uq_messages_client UNIQUE (author_id, client_id),
    CONSTRAINT ${prefix}fk_messages_room FOREIGN KEY (room_id) REFERENCES ${prefix}rooms (id) ON DELETE CASCADE
);

CREATE TABLE ${prefix}reactions (
    id          VARCHAR(36)  NOT NULL,
    message_id  VARCHAR(36)  NOT NULL,
    user_id     VARCHAR(36)  NOT NULL,
    emoji       VARCHAR(32)  NOT NULL,
    created_at  ${timestamp} NOT NULL,
    CONSTRAINT ${prefix}pk_reactions PRIMARY KEY (id),
    CONSTRAINT ${prefix}uq_reactions UNIQUE (message_id, user_id, emoji),
    CONSTRAINT ${prefix}fk_reactions_message FOREIGN KEY (message_id) REFERENCES ${prefix}messages (id) ON DELETE CASCADE
);
