-- Portable across H2, PostgreSQL and MariaDB/MySQL. Every table name carries ${prefix};
-- ${timestamp} is TIMESTAMP(6) or, on MariaDB/MySQL, DATETIME(6) (TIMESTAMP there ends in 2038).
-- Primary keys are application-generated UUIDs because identity columns are not portable.

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
    CONSTRAINT ${prefix}pk_sessions PRIMARY KEY (id),
    CONSTRAINT ${prefix}fk_sessions_user FOREIGN KEY (user_id) REFERENCES ${prefix}users (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}ix_sessions_user ON ${prefix}sessions (user_id, revoked_at);
CREATE INDEX ${prefix}ix_sessions_expires ON ${prefix}sessions (expires_at);
CREATE INDEX ${prefix}ix_sessions_ad_expiry ON ${prefix}sessions (external_token_expires_at);

CREATE TABLE ${prefix}tasks (
    task_id             VARCHAR(36)  NOT NULL,
    user_id             VARCHAR(36)  NOT NULL,
    filename            VARCHAR(255) NOT NULL,
    file_type           VARCHAR(100),
    status              VARCHAR(16)  NOT NULL,
    options             TEXT,
    attempts            INTEGER      NOT NULL,
    recoveries          INTEGER      NOT NULL,
    fair_rank           BIGINT,
    pages_total         INTEGER,
    pages_done          INTEGER      NOT NULL,
    result_json_key     VARCHAR(500),
    result_markdown_key VARCHAR(500),
    result_pdf_key      VARCHAR(500),
    result_txt_key      VARCHAR(500),
    reused_from_task_id VARCHAR(36),
    error_code          VARCHAR(64),
    error_message       TEXT,
    processing_time_ms  BIGINT,
    worker_id           VARCHAR(64),
    heartbeat_at        ${timestamp},
    created_at          ${timestamp} NOT NULL,
    updated_at          ${timestamp} NOT NULL,
    queued_at           ${timestamp},
    started_at          ${timestamp},
    completed_at        ${timestamp},
    file_deleted        BOOLEAN      NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT ${prefix}pk_tasks PRIMARY KEY (task_id),
    CONSTRAINT ${prefix}fk_tasks_user FOREIGN KEY (user_id) REFERENCES ${prefix}users (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}ix_tasks_user_created ON ${prefix}tasks (user_id, created_at);
CREATE INDEX ${prefix}ix_tasks_user_status ON ${prefix}tasks (user_id, status, created_at);
CREATE INDEX ${prefix}ix_tasks_user_filename ON ${prefix}tasks (user_id, filename);
CREATE INDEX ${prefix}ix_tasks_queue ON ${prefix}tasks (status, fair_rank, queued_at);
CREATE INDEX ${prefix}ix_tasks_created ON ${prefix}tasks (created_at);

CREATE TABLE ${prefix}task_files (
    id              VARCHAR(36)  NOT NULL,
    task_id         VARCHAR(36)  NOT NULL,
    original_name   VARCHAR(255) NOT NULL,
    storage_key     VARCHAR(500) NOT NULL,
    file_size       BIGINT       NOT NULL,
    mime_type       VARCHAR(100) NOT NULL,
    sha256          VARCHAR(64)  NOT NULL,
    created_at      ${timestamp} NOT NULL,
    CONSTRAINT ${prefix}pk_task_files PRIMARY KEY (id),
    CONSTRAINT ${prefix}fk_task_files_task FOREIGN KEY (task_id) REFERENCES ${prefix}tasks (task_id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}ix_task_files_task ON ${prefix}task_files (task_id);
CREATE INDEX ${prefix}ix_task_files_sha256 ON ${prefix}task_files (sha256);

-- Append-only: no foreign keys, so the trail outlives deleted users and tasks.
CREATE TABLE ${prefix}audit_logs (
    id              VARCHAR(36)  NOT NULL,
    occurred_at     ${timestamp} NOT NULL,
    user_id         VARCHAR(36),
    user_email      VARCHAR(320),
    event_type      VARCHAR(64)  NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    ip_address      VARCHAR(45),
    user_agent      VARCHAR(512),
    request_id      VARCHAR(64),
    details         TEXT,
    CONSTRAINT ${prefix}pk_audit_logs PRIMARY KEY (id)
);
CREATE INDEX ${prefix}ix_audit_user_time ON ${prefix}audit_logs (user_id, occurred_at);
CREATE INDEX ${prefix}ix_audit_type_time ON ${prefix}audit_logs (event_type, occurred_at);
CREATE INDEX ${prefix}ix_audit_time ON ${prefix}audit_logs (occurred_at);
