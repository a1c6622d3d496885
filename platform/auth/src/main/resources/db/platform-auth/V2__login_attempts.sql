-- Sign-in attempts per username and per client address, one fixed window per key, shared by every
-- server process of the application so that the limits hold across all of them. Keys are SHA-256
-- hashes: neither usernames nor addresses are kept in clear for this.
CREATE TABLE ${prefix}login_attempts (
    throttle_key  VARCHAR(64)  NOT NULL,
    window_start  ${timestamp} NOT NULL,
    attempts      INTEGER      NOT NULL,
    CONSTRAINT ${prefix}pk_login_attempts PRIMARY KEY (throttle_key)
);
CREATE INDEX ${prefix}ix_login_attempts_window ON ${prefix}login_attempts (window_start);
