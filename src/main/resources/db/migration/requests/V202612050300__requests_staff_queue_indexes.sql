-- Staff queues (console): keyset paging over a city's whole history. Each index serves one sort of
-- the queue with the filter dispatchers use most (their department, open stages), so a page reads
-- about as many index entries as it shows, at any depth. The open-only ones are partial: they stay the
-- size of the backlog. Their predicate is repeated word for word by StaffQueueQueries.
CREATE INDEX service_request_queue_dept_due_idx
  ON requests.service_request (department_code, coalesce(expected_at, 'infinity'::timestamptz), number)
  WHERE status NOT IN ('RESOLVED','CLOSED');
CREATE INDEX service_request_queue_due_idx
  ON requests.service_request (coalesce(expected_at, 'infinity'::timestamptz), number)
  WHERE status NOT IN ('RESOLVED','CLOSED');
-- "By priority" per department, and a crew's own open jobs by due date (crew filter, crew worklists).
CREATE INDEX service_request_queue_dept_priority_idx
  ON requests.service_request (department_code,
    (CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END),
    coalesce(expected_at, 'infinity'::timestamptz), number)
  WHERE status NOT IN ('RESOLVED','CLOSED');
CREATE INDEX service_request_queue_crew_due_idx
  ON requests.service_request (assigned_crew, coalesce(expected_at, 'infinity'::timestamptz), number)
  WHERE status NOT IN ('RESOLVED','CLOSED') AND assigned_crew IS NOT NULL;
CREATE INDEX service_request_queue_dept_submitted_idx
  ON requests.service_request (department_code, submitted_at, number);
CREATE INDEX service_request_queue_submitted_idx
  ON requests.service_request (submitted_at, number);
-- Searches by a reporter's email or phone use the caller-lookup indexes of V202612050400.
