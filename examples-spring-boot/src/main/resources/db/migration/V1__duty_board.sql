-- The application's own table, migrated by the application's Flyway before opsbook migrates its schema.
CREATE TABLE duty_board (
  rule_id    VARCHAR(64)  NOT NULL,
  subject_id VARCHAR(128) NOT NULL,
  person_id  VARCHAR(64)  NOT NULL,
  PRIMARY KEY (rule_id, subject_id, person_id)
);
