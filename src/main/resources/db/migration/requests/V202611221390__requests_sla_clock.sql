-- The SLA clock pauses while a request is on hold: the aggregate remembers since when, and on resume
-- moves expected_at by the time on hold.
ALTER TABLE requests.service_request ADD COLUMN on_hold_since timestamptz;
COMMENT ON COLUMN requests.service_request.on_hold_since IS 'When the request was put on hold; null when it is not on hold';
COMMENT ON COLUMN requests.service_request.expected_at IS 'When the category SLA target says it should be fixed; moved by holds, new on reopening';

-- Requests on hold before this column existed pause from their last hold.
UPDATE requests.service_request r
SET on_hold_since = (SELECT max(h.at) FROM requests.history_entry h WHERE h.request_id = r.id AND h.kind = 'PUT_ON_HOLD')
WHERE r.status = 'ON_HOLD';

-- SLA escalation scans open requests by due date. Only open, not-on-hold requests with a due date are
-- in this index, so it stays the size of the open backlog; it costs one index entry per new request
-- and nothing extra on later changes (updated_at is indexed already, so those updates are never HOT).
CREATE INDEX service_request_open_due_idx ON requests.service_request (expected_at, number)
  WHERE status NOT IN ('ON_HOLD', 'RESOLVED', 'CLOSED') AND expected_at IS NOT NULL;
