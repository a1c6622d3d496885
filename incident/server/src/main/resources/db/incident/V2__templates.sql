-- Incident templates (admins): defaults for a new room, its checklist and escalation steps.
-- Lists are stored as JSON text, read and written only through the Template entity.
CREATE TABLE ${prefix}templates (
    id                     VARCHAR(36)  NOT NULL,
    name                   VARCHAR(120) NOT NULL,
    category               VARCHAR(16)  NOT NULL,
    default_severity       VARCHAR(16)  NOT NULL,
    title_prefix           VARCHAR(60),
    description            TEXT,
    default_member_emails  TEXT         NOT NULL,
    checklist              TEXT         NOT NULL,
    escalation             TEXT         NOT NULL,
    created_at             ${timestamp} NOT NULL,
    updated_at             ${timestamp} NOT NULL,
    CONSTRAINT ${prefix}pk_templates PRIMARY KEY (id)
);
