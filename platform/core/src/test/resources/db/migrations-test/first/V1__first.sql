CREATE TABLE ${prefix}first_things (id VARCHAR(36) NOT NULL, CONSTRAINT ${prefix}pk_first PRIMARY KEY (id));
