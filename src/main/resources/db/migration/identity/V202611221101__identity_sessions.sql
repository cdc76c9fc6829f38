-- Staff sessions (Spring Session JDBC) in the database, so every app node knows every signed-in member.
-- Spring Session's own schema for PostgreSQL, in our schema; its initializer is switched off.
CREATE TABLE identity.spring_session
(
  primary_id            CHAR(36) NOT NULL,
  session_id            CHAR(36) NOT NULL,
  creation_time         BIGINT   NOT NULL,
  last_access_time      BIGINT   NOT NULL,
  max_inactive_interval INT      NOT NULL,
  expiry_time           BIGINT   NOT NULL,
  principal_name        VARCHAR(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX spring_session_ix1 ON identity.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON identity.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON identity.spring_session (principal_name);

CREATE TABLE identity.spring_session_attributes
(
  session_primary_id CHAR(36)     NOT NULL,
  attribute_name     VARCHAR(200) NOT NULL,
  attribute_bytes    BYTEA        NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES identity.spring_session (primary_id) ON DELETE CASCADE
);

COMMENT ON TABLE identity.spring_session IS 'Signed-in staff sessions shared by all app nodes (Spring Session JDBC); principal_name is the member''s email.';
