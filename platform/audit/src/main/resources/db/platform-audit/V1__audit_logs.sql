-- The audit trail. Append-only, with no foreign keys, so it outlives deleted users and records.
-- Tool_OCR created this table in its own V1 before the audit module owned it; there this version
-- is recorded as applied rather than run (MigrationSet.adoptTable).
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
