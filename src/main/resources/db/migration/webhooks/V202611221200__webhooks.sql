-- Webhooks for city systems: endpoints and every delivery to them. Only the webhooks module reads or
-- writes these tables.
CREATE SCHEMA IF NOT EXISTS webhooks;

CREATE TABLE webhooks.endpoint (
  id          uuid PRIMARY KEY,
  url         text NOT NULL CHECK (url ~ '^https?://'),
  secret      text NOT NULL,
  event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
  description text NOT NULL DEFAULT '',
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL
);
COMMENT ON TABLE webhooks.endpoint IS 'A city system URL that receives the request events it asked for';
COMMENT ON COLUMN webhooks.endpoint.secret IS 'HMAC-SHA256 key shared with the receiver; needed in clear to sign, never shown after registration';
COMMENT ON COLUMN webhooks.endpoint.event_types IS 'request.<history kind> values, or * for every event';

CREATE TABLE webhooks.delivery (
  id               uuid PRIMARY KEY,
  endpoint_id      uuid NOT NULL REFERENCES webhooks.endpoint (id) ON DELETE CASCADE,
  event_key        text NOT NULL,
  event_type       text NOT NULL,
  request_number   text NOT NULL,
  payload          text NOT NULL,
  status           text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NOT NULL,
  lease_until      timestamptz,
  last_status_code integer,
  last_error       text,
  created_at       timestamptz NOT NULL,
  give_up_at       timestamptz NOT NULL,
  delivered_at     timestamptz,
  UNIQUE (endpoint_id, event_key)
);
COMMENT ON TABLE webhooks.delivery IS 'One event for one endpoint: the exact body sent on every attempt, and the last outcome';
COMMENT ON COLUMN webhooks.delivery.event_key IS 'Identity of the event, so a redelivered event adds no second delivery';
COMMENT ON COLUMN webhooks.delivery.give_up_at IS 'No retry after this time (24 hours after creation or after an admin retry)';
COMMENT ON COLUMN webhooks.delivery.lease_until IS 'A sender node holds the delivery until then; after a crash another node takes it';

CREATE INDEX delivery_due_idx ON webhooks.delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_endpoint_idx ON webhooks.delivery (endpoint_id, created_at DESC);
CREATE INDEX delivery_failed_idx ON webhooks.delivery (created_at DESC) WHERE status = 'FAILED';
