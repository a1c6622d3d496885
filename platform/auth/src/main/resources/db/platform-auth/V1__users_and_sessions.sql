-- The auth module's tables. Portable across H2, PostgreSQL and MariaDB/MySQL: every table name
-- carries ${prefix}; ${timestamp} is TIMESTAMP(6), or DATETIME(6) on MariaDB/MySQL (whose TIMESTAMP
-- ends in 2038). Ids are application-generated UUIDs because identity columns are not portable.
--
-- Tool_OCR created these same tables in its own first migrations before auth owned them; on such a
-- database this version is recorded as applied, not run (MigrationSet.adoptTable), so the shape
-- here must stay exactly theirs: Tool_OCR's V1 plus V2's refresh_conflict_until.

CREATE TABLE ${prefix}users (
    id              VARCHAR(36)  NOT NULL,
    email           VARCHAR(320) NOT NULL,
    display_name    VARCHAR(255) NOT NULL,
    job_title       VARCHAR(255),
    provider        VARCHAR(32)  NOT NULL,
    external_id     VARCHAR(255),
    password_hash   VARCHAR(255),
    is_active       BOOLEAN      NOT NULL,
    created_at      ${timestamp} NOT NULL,
    updated_at      ${timestamp} NOT NULL,
    last_login_at   ${timestamp},
    CONSTRAINT ${prefix}pk_users PRIMARY KEY (id),
    CONSTRAINT ${prefix}uq_users_email UNIQUE (email)
);
CREATE INDEX ${prefix}ix_users_last_login ON ${prefix}users (last_login_at);
CREATE INDEX ${prefix}ix_users_display_name ON ${prefix}users (display_name);

CREATE TABLE ${prefix}sessions (
    id                          VARCHAR(36)  NOT NULL,
    user_id                     VARCHAR(36)  NOT NULL,
    refresh_token_hash          VARCHAR(128) NOT NULL,
    previous_refresh_token_hash VARCHAR(128),
    refreshed_at                ${timestamp},
    refresh_count               INTEGER      NOT NULL,
    created_at                  ${timestamp} NOT NULL,
    last_access_at              ${timestamp} NOT NULL,
    expires_at                  ${timestamp} NOT NULL,
    revoked_at                  ${timestamp},
    revoked_reason              VARCHAR(64),
    ip_address                  VARCHAR(45),
    user_agent                  VARCHAR(512),
    external_access_token_enc   TEXT,
    external_id_token_enc       TEXT,
    external_token_expires_at   ${timestamp},
    stored_credential_enc       TEXT,
    reauth_failures             INTEGER      NOT NULL,
    version                     BIGINT       NOT NULL,
    refresh_conflict_until      ${timestamp},
    CONSTRAINT ${prefix}pk_sessions PRIMARY KEY (id),
    CONSTRAINT ${prefix}fk_sessions_user FOREIGN KEY (user_id) REFERENCES ${prefix}users (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}ix_sessions_user ON ${prefix}sessions (user_id, revoked_at);
CREATE INDEX ${prefix}ix_sessions_expires ON ${prefix}sessions (expires_at);
CREATE INDEX ${prefix}ix_sessions_ad_expiry ON ${prefix}sessions (external_token_expires_at);
