-- How the reporter wants to hear back: SMS only with explicit consent, and in which language.
ALTER TABLE requests.service_request
  ADD COLUMN reporter_sms_consent boolean NOT NULL DEFAULT false,
  ADD COLUMN reporter_language text CHECK (reporter_language ~ '^[a-z]{2,3}(-[a-z0-9]{2,8})?$');

COMMENT ON COLUMN requests.service_request.reporter_sms_consent IS 'The reporter agreed to SMS updates on reporter_phone';
