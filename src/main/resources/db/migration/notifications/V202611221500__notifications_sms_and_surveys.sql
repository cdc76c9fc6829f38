-- SMS joins email as a channel of the same delivery table, so it gets the same outbox, retries,
-- leases and admin view.
ALTER TABLE notifications.delivery DROP CONSTRAINT delivery_channel_check;
ALTER TABLE notifications.delivery ADD CONSTRAINT delivery_channel_check CHECK (channel IN ('EMAIL', 'SMS'));
-- Whether the recipient is the request's reporter (only the reporter is asked for a survey).
ALTER TABLE notifications.delivery ADD COLUMN to_reporter boolean NOT NULL DEFAULT false;
-- The provider's id of a sent message (Twilio's Message SID), to trace it with the provider.
ALTER TABLE notifications.delivery ADD COLUMN provider_message_id text;

-- Phone numbers that answered STOP (or another opt-out word) to our SMS, known only by a keyed hash
-- of the E.164 number. START removes the opt-out. It covers every request: carriers require it.
CREATE TABLE notifications.sms_opt_out (
  phone_key  text PRIMARY KEY,
  keyword    text NOT NULL,
  at         timestamptz NOT NULL
);
COMMENT ON TABLE notifications.sms_opt_out IS 'Phone numbers (by keyed hash) that replied STOP; no SMS is sent to them';

-- What a reporter thought of how their request was handled: one answer per request, from the survey
-- link in the resolved/closed message. The category is copied when answering so reports can group by
-- it without reading the requests module's tables.
CREATE TABLE notifications.survey_answer (
  request_number text PRIMARY KEY,
  category_code  text NOT NULL,
  rating         smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment        text CHECK (char_length(comment) <= 1000),
  language       text NOT NULL,
  first_answered_at timestamptz NOT NULL,
  answered_at    timestamptz NOT NULL
);
COMMENT ON TABLE notifications.survey_answer IS 'Satisfaction survey answers, one per request (1 to 5 and an optional comment)';
CREATE INDEX survey_answer_by_time ON notifications.survey_answer (answered_at);
