-- Staff join residents as recipients of the same delivery table (same outbox, retries, admin view):
-- SLA warnings to a department's dispatchers, breaches to its supervisors, and every change of a
-- request to the staff members watching it. Residents get one more message: OVERDUE.
ALTER TABLE notifications.delivery DROP CONSTRAINT delivery_event_check;
ALTER TABLE notifications.delivery ADD CONSTRAINT delivery_event_check CHECK (event IN ('RECEIVED', 'ACKNOWLEDGED',
  'ASSIGNED', 'WORK_STARTED', 'PUBLIC_UPDATE', 'RESOLVED', 'CLOSED', 'REOPENED', 'MERGED', 'FOLLOW_CONFIRMATION',
  'OVERDUE', 'SLA_WARNING', 'SLA_BREACHED', 'WATCHED_CHANGE'));

-- Staff members who asked to get every change of a request (public and internal) by email. The
-- address is looked up in the identity module when a message is made, so a changed email or a
-- disabled account counts at once.
CREATE TABLE notifications.staff_watcher (
  request_number  text NOT NULL,
  staff_member_id uuid NOT NULL,
  watched_at      timestamptz NOT NULL,
  PRIMARY KEY (request_number, staff_member_id)
);
COMMENT ON TABLE notifications.staff_watcher IS 'Staff members watching a request: they get its changes by email';
CREATE INDEX staff_watcher_by_member ON notifications.staff_watcher (staff_member_id);

-- Recent deliveries for the admin page, newest first.
CREATE INDEX delivery_recent ON notifications.delivery (created_at DESC);
