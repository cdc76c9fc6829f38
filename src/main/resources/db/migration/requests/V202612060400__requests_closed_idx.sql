-- Closings per day for reporting's daily volumes: a range on closed_at. Partial, so a new report (never
-- closed yet) adds no entry to it.
CREATE INDEX service_request_closed_idx ON requests.service_request (closed_at, category_code) WHERE closed_at IS NOT NULL;
