CREATE SCHEMA IF NOT EXISTS reporting;

-- A read model fed by request events: rebuilt from events, never written by other modules.
-- Each (day, category) count is split over a few shards: on a storm day every new pothole report
-- would otherwise queue on the same row lock. Readers add the shards up.
CREATE TABLE reporting.daily_volume (
  day           date NOT NULL,
  category_code text NOT NULL,
  shard         smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
  received      bigint NOT NULL DEFAULT 0,
  closed        bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, category_code, shard)
);
COMMENT ON TABLE reporting.daily_volume IS 'Requests received and closed per category and UTC day, in up to 16 shards';

-- Each event is counted once even when the outbox delivers it again after a crash.
CREATE TABLE reporting.counted_event (
  event_key  text PRIMARY KEY,
  counted_at timestamptz NOT NULL
);
COMMENT ON TABLE reporting.counted_event IS 'Events already counted, so a redelivered event does not count twice';
