-- The workflow module: the city's business calendar and what SLA escalation remembers. Only the
-- workflow module reads or writes these tables.
CREATE SCHEMA IF NOT EXISTS workflow;

-- One calendar per server (a server serves one jurisdiction); stored from the settings at first start,
-- then edited by admins.
CREATE TABLE workflow.business_calendar (
  id           smallint PRIMARY KEY CHECK (id = 1),
  working_days integer[] NOT NULL CHECK (cardinality(working_days) BETWEEN 1 AND 7 AND working_days <@ ARRAY[1,2,3,4,5,6,7]),
  opens        time NOT NULL,
  closes       time NOT NULL,
  updated_at   timestamptz NOT NULL,
  CHECK (closes = '00:00' OR closes > opens)
);
COMMENT ON TABLE workflow.business_calendar IS 'When the city works, in the jurisdiction time zone: business-day SLA targets count this time';
COMMENT ON COLUMN workflow.business_calendar.working_days IS 'ISO days of the week (1 = Monday ... 7 = Sunday)';
COMMENT ON COLUMN workflow.business_calendar.closes IS 'End of a working day; 00:00 means midnight at the end of the day';

CREATE TABLE workflow.holiday (
  date date PRIMARY KEY,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100)
);
COMMENT ON TABLE workflow.holiday IS 'Days the city does not work although they are working days of the week';

-- Each warning and breach of a request, at most one of each per SLA clock (reopening starts a new one
-- and deletes these rows). The unique key is what makes escalation happen once with several nodes.
CREATE TABLE workflow.sla_escalation (
  request_number  text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('WARNING', 'BREACH')),
  due_at          timestamptz NOT NULL,
  category_code   text NOT NULL,
  department_code text,
  at              timestamptz NOT NULL,
  PRIMARY KEY (request_number, kind)
);
COMMENT ON TABLE workflow.sla_escalation IS 'SLA warnings and breaches made, once per request and clock';

-- How far the escalation job got; its row lock is the claim of the node running the job.
CREATE TABLE workflow.sla_scan (
  id          smallint PRIMARY KEY CHECK (id = 1),
  last_run_at timestamptz
);
COMMENT ON TABLE workflow.sla_scan IS 'When the last escalation run ended; locked (FOR UPDATE SKIP LOCKED) by the node running one';
INSERT INTO workflow.sla_scan (id, last_run_at) VALUES (1, NULL);
