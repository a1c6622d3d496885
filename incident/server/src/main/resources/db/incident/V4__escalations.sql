-- Escalation: the steps of a room's template, armed when the room is created from it. A step is
-- claimed by one conditional update (state 'armed' -> 'fired' or 'dropped') in the transaction that
-- posts its system message, so it fires once whatever the number of server processes or restarts.
CREATE TABLE ${prefix}escalation_steps (
    id             VARCHAR(36)  NOT NULL,
    room_id        VARCHAR(36)  NOT NULL,
    step_no        INTEGER      NOT NULL,
    step_count     INTEGER      NOT NULL,
    after_minutes  INTEGER      NOT NULL,
    -- A snapshot of the template's list (JSON): later template edits do not change an armed room.
    notify_emails  TEXT         NOT NULL,
    due_at         ${timestamp} NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    settled_at     ${timestamp},
    CONSTRAINT ${prefix}pk_escalation_steps PRIMARY KEY (id),
    CONSTRAINT ${prefix}uq_escalation_steps UNIQUE (room_id, step_no),
    CONSTRAINT ${prefix}fk_escalation_steps_room FOREIGN KEY (room_id) REFERENCES ${prefix}rooms (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}ix_escalation_steps_due ON ${prefix}escalation_steps (state, due_at);

-- The outgoing webhook (INCIDENT_WEBHOOK_URL) of each fired step: written in the firing transaction
-- (an outbox), sent afterwards by whichever process claims it, retried a bounded number of times.
CREATE TABLE ${prefix}escalation_webhooks (
    id               VARCHAR(36)  NOT NULL,
    step_id          VARCHAR(36)  NOT NULL,
    payload          TEXT         NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    -- When the next attempt may start; a claim moves it past the attempt's own timeout (a lease), so
    -- a process that dies mid-attempt leaves the delivery to another one afterwards.
    next_attempt_at  ${timestamp} NOT NULL,
    last_error       VARCHAR(200),
    created_at       ${timestamp} NOT NULL,
    settled_at       ${timestamp},
    CONSTRAINT ${prefix}pk_escalation_webhooks PRIMARY KEY (id),
    CONSTRAINT ${prefix}uq_escalation_webhooks_step UNIQUE (step_id),
    CONSTRAINT ${prefix}fk_escalation_webhooks_step FOREIGN KEY (step_id) REFERENCES ${prefix}escalation_steps (id) ON DELETE CASCADE
);
CREATE INDEX ${prefix}ix_escalation_webhooks_due ON ${prefix}escalation_webhooks (state, next_attempt_at);
