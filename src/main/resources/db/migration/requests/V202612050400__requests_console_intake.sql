-- Staff console: call-taker intake and field crews.

-- Photos a crew took when finishing a job stay with the history entry that resolved it, so the
-- resident's own photos on the request stay as they were sent.
ALTER TABLE requests.history_entry ADD COLUMN media_urls text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN requests.history_entry.media_urls IS 'Photos that came with this change (a crew''s photo of the finished work)';

-- Caller lookup by phone: people type the same number many ways ((213) 555-0142, +1 213 555 0142),
-- so the index holds the last seven digits and the query compares the digits only.
CREATE INDEX service_request_reporter_phone_idx
  ON requests.service_request (right(regexp_replace(reporter_phone, '[^0-9]', '', 'g'), 7), submitted_at DESC)
  WHERE reporter_phone IS NOT NULL;

-- Caller lookup by email, regardless of case.
CREATE INDEX service_request_reporter_email_idx
  ON requests.service_request (lower(btrim(reporter_email)), submitted_at DESC)
  WHERE reporter_email IS NOT NULL;

-- A crew's open jobs: only open, assigned requests are in it, so it stays the size of the crews' work.
CREATE INDEX service_request_open_crew_idx
  ON requests.service_request (assigned_crew, expected_at)
  WHERE assigned_crew IS NOT NULL AND status NOT IN ('RESOLVED', 'CLOSED');
