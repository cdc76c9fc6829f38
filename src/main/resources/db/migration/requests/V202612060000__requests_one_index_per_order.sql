-- Every report pays for every index of service_request, so each order the application reads in keeps
-- exactly one index:
-- * newest or oldest first: the Open311 list now breaks ties by number like the staff queue, so
--   service_request_queue_submitted_idx (submitted_at, number), read in either direction, serves both
--   and the older (submitted_at DESC, id) index goes;
-- * a crew's open jobs: its page now sorts like the queue's crew filter (due date, then number), which
--   service_request_queue_crew_due_idx serves, so the intake's copy of it goes.
DROP INDEX IF EXISTS requests.service_request_submitted_idx;
DROP INDEX IF EXISTS requests.service_request_open_crew_idx;
