-- Which node runs a scheduled job that must run once per round (ShedLock's table, in its own schema).
-- lock_until is the database's UTC time: the nodes' clocks never have to agree.
CREATE SCHEMA IF NOT EXISTS scheduling;

CREATE TABLE scheduling.shedlock (
  name       varchar(64)  PRIMARY KEY,
  lock_until timestamp    NOT NULL,
  locked_at  timestamp    NOT NULL,
  locked_by  varchar(255) NOT NULL
);
COMMENT ON TABLE scheduling.shedlock IS 'One row per scheduled job: held by locked_by until lock_until';
