-- A retry reads the request again before acting, so the copies of its category, department, stage and
-- priority were never used: a retry needs only which escalation of which request, the due date it was
-- for, and its attempt bookkeeping. Failed attempts now back off (1, 2, 4 ... minutes, at most an
-- hour), so next_attempt_at is no longer always the next run.
ALTER TABLE workflow.sla_escalation_retry
  DROP COLUMN category_code,
  DROP COLUMN department_code,
  DROP COLUMN status,
  DROP COLUMN priority;

COMMENT ON TABLE workflow.sla_escalation_retry IS 'Failed SLA warnings and breaches, tried again with a growing wait until made or no longer relevant';
COMMENT ON COLUMN workflow.sla_escalation_retry.first_failed_at IS 'When the first attempt for this due date failed';
COMMENT ON COLUMN workflow.sla_escalation_retry.attempts IS 'Failed attempts for this due date so far';
COMMENT ON COLUMN workflow.sla_escalation_retry.next_attempt_at IS 'No run tries it again before this: the wait doubles with each failure, up to an hour';
