-- Service requests: the aggregate, its history, client idempotency keys. Only the requests module
-- reads or writes these tables.
CREATE SCHEMA IF NOT EXISTS requests;

-- Request numbers come from a sequence, never from reading other rows, so concurrent submissions
-- cannot collide.
CREATE SEQUENCE requests.request_number_seq AS bigint START 1 CACHE 1;

CREATE TABLE requests.service_request (
  id              uuid PRIMARY KEY,
  number          text NOT NULL UNIQUE,
  category_code   text NOT NULL,
  department_code text,
  status          text NOT NULL CHECK (status IN ('NEW','ACKNOWLEDGED','ASSIGNED','IN_PROGRESS','ON_HOLD','RESOLVED','CLOSED')),
  status_before_hold text CHECK (status_before_hold IN ('NEW','ACKNOWLEDGED','ASSIGNED','IN_PROGRESS')),
  close_reason    text CHECK (close_reason IN ('COMPLETED','DUPLICATE','NOT_OUR_RESPONSIBILITY','REFERRED','CANCELLED','NO_FURTHER_ACTION')),
  priority        text NOT NULL CHECK (priority IN ('LOW','NORMAL','HIGH','URGENT')),
  channel         text NOT NULL CHECK (channel IN ('WEB','MOBILE','PHONE','OPEN311','EMAIL','SMS')),
  description     text CHECK (char_length(description) <= 4000),
  latitude        double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude       double precision CHECK (longitude BETWEEN -180 AND 180),
  address         text,
  address_id      text,
  zipcode         text,
  answers         jsonb NOT NULL DEFAULT '{}',
  media_urls      text[] NOT NULL DEFAULT '{}',
  reporter_first_name text,
  reporter_last_name  text,
  reporter_email      text,
  reporter_phone      text,
  reporter_device_id  text,
  reporter_account_id text,
  assigned_crew   text,
  assignee        text,
  duplicate_of    text,
  followers       integer NOT NULL DEFAULT 0 CHECK (followers >= 0),
  token           text,
  status_notes    text,
  submitted_at    timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  expected_at     timestamptz,
  closed_at       timestamptz,
  version         integer NOT NULL,
  search          tsvector GENERATED ALWAYS AS (
                    to_tsvector('simple', number || ' ' || coalesce(description, '') || ' ' || coalesce(address, ''))
                  ) STORED,
  CHECK ((latitude IS NULL) = (longitude IS NULL)),
  CHECK (latitude IS NOT NULL OR address IS NOT NULL OR address_id IS NOT NULL)
);

COMMENT ON TABLE requests.service_request IS 'A problem a resident reported: one row per request, its current state';
COMMENT ON COLUMN requests.service_request.id IS 'Internal key; never shown: the public id is number';
COMMENT ON COLUMN requests.service_request.number IS 'Human friendly number residents quote, e.g. 2026-000123';
COMMENT ON COLUMN requests.service_request.category_code IS 'Service category (Open311 service_code) in the catalog';
COMMENT ON COLUMN requests.service_request.department_code IS 'Department responsible, decided by routing at submission';
COMMENT ON COLUMN requests.service_request.status_before_hold IS 'Where an ON_HOLD request returns when resumed';
COMMENT ON COLUMN requests.service_request.answers IS 'Answers to the category questions: {"CODE": ["value", ...]}';
COMMENT ON COLUMN requests.service_request.reporter_email IS 'Personal data: never in public pages, Open311 output, exports or logs';
COMMENT ON COLUMN requests.service_request.token IS 'Open311 token returned for batch categories';
COMMENT ON COLUMN requests.service_request.status_notes IS 'Latest public message (Open311 status_notes)';
COMMENT ON COLUMN requests.service_request.expected_at IS 'When the category SLA target says it should be fixed';
COMMENT ON COLUMN requests.service_request.version IS 'Optimistic lock: every change increments it';

CREATE INDEX service_request_submitted_idx ON requests.service_request (submitted_at DESC, id);
CREATE INDEX service_request_updated_idx ON requests.service_request (updated_at);
CREATE INDEX service_request_category_idx ON requests.service_request (category_code, submitted_at DESC);
-- Only batch categories have tokens: a partial index costs nothing on the other inserts.
CREATE UNIQUE INDEX service_request_token_idx ON requests.service_request (token) WHERE token IS NOT NULL;
CREATE INDEX service_request_point_idx ON requests.service_request (latitude, longitude) WHERE latitude IS NOT NULL;
CREATE INDEX service_request_search_idx ON requests.service_request USING gin (search);

CREATE TABLE requests.history_entry (
  id              bigserial PRIMARY KEY,
  request_id      uuid NOT NULL REFERENCES requests.service_request (id),
  at              timestamptz NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('SUBMITTED','ACKNOWLEDGED','ASSIGNED','WORK_STARTED','PUT_ON_HOLD','RESUMED','RESOLVED','CLOSED','REOPENED','MARKED_DUPLICATE','PRIORITY_CHANGED','REROUTED','PUBLIC_UPDATE','INTERNAL_NOTE','FOLLOWED')),
  status_after    text NOT NULL,
  public_entry    boolean NOT NULL,
  text            text,
  actor_kind      text NOT NULL CHECK (actor_kind IN ('RESIDENT','STAFF','INTEGRATION','SYSTEM')),
  actor_name      text NOT NULL,
  external_update_id text,
  UNIQUE (request_id, external_update_id)
);
COMMENT ON TABLE requests.history_entry IS 'Every change to a request, append-only: time, actor, public or internal text';
COMMENT ON COLUMN requests.history_entry.public_entry IS 'False for internal notes and staff-only changes: never shown to the public';
COMMENT ON COLUMN requests.history_entry.external_update_id IS 'Update id sent by a city system, so a repeated update is applied once';
CREATE INDEX history_entry_request_idx ON requests.history_entry (request_id, id);
CREATE INDEX history_entry_public_at_idx ON requests.history_entry (at) WHERE public_entry;

CREATE TABLE requests.idempotency_key (
  scope           text NOT NULL,
  key             text NOT NULL,
  fingerprint     text NOT NULL,
  request_id      uuid REFERENCES requests.service_request (id),
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
COMMENT ON TABLE requests.idempotency_key IS 'Idempotency-Key of client POSTs: a retry returns the first request instead of a new one';
