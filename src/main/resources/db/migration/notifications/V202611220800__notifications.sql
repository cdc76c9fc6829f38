CREATE SCHEMA IF NOT EXISTS notifications;

-- One message to one recipient over one channel. Rows are made by the event listeners (after the
-- request's transaction commits, from the outbox) and sent by the delivery worker, so a message that
-- must leave is in this table before anything is sent, and stays until it left or gave up.
CREATE TABLE notifications.delivery (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The event's identity + recipient + channel: a redelivered event inserts nothing new.
  dedup_key        text NOT NULL UNIQUE,
  request_number   text NOT NULL,
  event            text NOT NULL CHECK (event IN ('RECEIVED', 'ACKNOWLEDGED', 'ASSIGNED', 'WORK_STARTED',
                     'PUBLIC_UPDATE', 'RESOLVED', 'CLOSED', 'REOPENED', 'MERGED', 'FOLLOW_CONFIRMATION')),
  channel          text NOT NULL CHECK (channel IN ('EMAIL')),
  -- Personal data: the address; never logged, masked in the Deliveries API.
  recipient        text NOT NULL,
  -- A keyed hash of request number + address: the secret part of the unsubscribe link.
  recipient_key    text NOT NULL,
  language         text NOT NULL,
  history_entry_id bigint,
  status_after     text,
  subscription_id  uuid,
  state            text NOT NULL DEFAULT 'PENDING'
                     CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')),
  attempts         integer NOT NULL DEFAULT 0,
  -- When PENDING: not before; when SENDING: the lease, after which another worker may take it over.
  next_attempt_at  timestamptz NOT NULL,
  last_error       text,
  created_at       timestamptz NOT NULL,
  last_attempt_at  timestamptz,
  sent_at          timestamptz
);
COMMENT ON TABLE notifications.delivery IS 'Messages to residents, one per recipient and channel, with their retries';
CREATE INDEX delivery_due ON notifications.delivery (next_attempt_at) WHERE state IN ('PENDING', 'SENDING');
CREATE INDEX delivery_failed ON notifications.delivery (last_attempt_at DESC) WHERE state = 'FAILED';
CREATE INDEX delivery_by_recipient ON notifications.delivery (request_number, recipient_key);

-- Residents who follow a request they did not report; they confirm their address first.
CREATE TABLE notifications.subscription (
  id                 uuid PRIMARY KEY,
  request_number     text NOT NULL,
  email              text NOT NULL,
  recipient_key      text NOT NULL,
  language           text NOT NULL,
  state              text NOT NULL CHECK (state IN ('PENDING', 'ACTIVE', 'ENDED')),
  verifications_sent integer NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL,
  confirmed_at       timestamptz,
  UNIQUE (request_number, recipient_key)
);
COMMENT ON TABLE notifications.subscription IS 'Follower subscriptions to a request, confirmed by email';

-- An address that asked for no more mail about a request (reporter or follower).
CREATE TABLE notifications.opt_out (
  request_number text NOT NULL,
  recipient_key  text NOT NULL,
  at             timestamptz NOT NULL,
  PRIMARY KEY (request_number, recipient_key)
);
COMMENT ON TABLE notifications.opt_out IS 'Unsubscribed addresses per request, by keyed hash only';

-- Admins' versions of the shipped message templates; a missing row means the shipped default.
CREATE TABLE notifications.template_override (
  event      text NOT NULL,
  channel    text NOT NULL,
  language   text NOT NULL,
  subject    text NOT NULL,
  body       text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (event, channel, language)
);
COMMENT ON TABLE notifications.template_override IS 'Message templates edited by admins; they win over the shipped defaults';

-- The key of the links in emails (unsubscribe, confirm), made once per installation so every app
-- node signs alike. gen_random_uuid() draws from the server's strong random source.
CREATE TABLE notifications.signing_key (
  name  text PRIMARY KEY,
  value bytea NOT NULL
);
INSERT INTO notifications.signing_key (name, value)
VALUES ('links', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
