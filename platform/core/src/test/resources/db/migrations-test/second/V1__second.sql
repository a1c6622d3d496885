CREATE TABLE ${prefix}second_things (id VARCHAR(36) NOT NULL, made_at ${timestamp}, CONSTRAINT ${prefix}pk_second PRIMARY KEY (id));
