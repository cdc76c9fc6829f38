-- Escalations that failed (their transaction rolled back) and stay due until one succeeds or the
-- request no longer qualifies. The windowed scan only looks back a few minutes, so without this row an
-- escalation failing for longer than that was never made. The table holds only failures, normally none,
-- and each run reads the due ones through the index on next_attempt_at.
CREATE TABLE workflow.sla_escalation_retry (
  request_number  text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('WARNING', 'BREACH')),
  due_at          timestamptz NOT NULL,
  category_code   text NOT NULL,
  department_code text,
  status          text NOT NULL,
  priority        text NOT NULL,
  first_failed_at timestamptz NOT NULL,
  attempts        integer NOT NULL CHECK (attempts > 0),
  next_attempt_at timestamptz NOT NULL,
  PRIMARY KEY (request_number, kind)
);
CREATE INDEX sla_escalation_retry_next_idx ON workflow.sla_escalation_retry (next_attempt_at);
COMMENT ON TABLE workflow.sla_escalation_retry IS 'Failed SLA warnings and breaches, retried by each escalation run until made or no longer relevant';
COMMENT ON COLUMN workflow.sla_escalation_retry.due_at IS 'The due date the escalation was for; a request whose due date moved since no longer needs it';
