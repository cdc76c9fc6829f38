-- Requests are now counted inside the transaction that stores them, so an event can no longer be
-- delivered twice and the markers that guarded against that are not needed.
DROP TABLE reporting.counted_event;

COMMENT ON TABLE reporting.daily_volume IS 'Requests received and closed per category and UTC day, in up to 16 shards; updated in the same transaction as the request';
