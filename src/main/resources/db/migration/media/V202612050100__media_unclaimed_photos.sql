-- The media module: photos a resident uploaded in the report wizard that no request points to yet.
-- Only the media module reads or writes this table.
CREATE SCHEMA IF NOT EXISTS media;

CREATE TABLE media.unclaimed_photo (
  photo_id  uuid PRIMARY KEY,
  stored_at timestamptz NOT NULL
);
CREATE INDEX unclaimed_photo_stored_at_idx ON media.unclaimed_photo (stored_at);
COMMENT ON TABLE media.unclaimed_photo IS 'Portal uploads not yet part of a sent report; deleted with their files after civic311.media.abandoned-photo-age. Rows are claimed FOR UPDATE SKIP LOCKED, so several nodes share the cleanup';
