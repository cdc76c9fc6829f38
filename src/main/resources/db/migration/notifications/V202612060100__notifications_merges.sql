-- Merges as notifications sees them: when request A is closed as a duplicate of B, A's reporter
-- hears about B from then on, and A's followers follow B.

-- One row per duplicate, numbers only: the reporter's contact stays in the requests module and is
-- read when a message is sent. A duplicate that is reopened loses its row.
CREATE TABLE notifications.merged_request (
  duplicate_number text PRIMARY KEY,
  parent_number    text NOT NULL,
  merged_at        timestamptz NOT NULL
);
COMMENT ON TABLE notifications.merged_request IS
  'Requests closed as duplicates: their reporters get the parent''s public updates';
CREATE INDEX merged_request_by_parent ON notifications.merged_request (parent_number);

-- A follower of a duplicate follows the parent instead: the old row is MOVED and points to the row
-- that follows the parent, so an unsubscribe link from the duplicate's messages still ends it.
ALTER TABLE notifications.subscription DROP CONSTRAINT subscription_state_check;
ALTER TABLE notifications.subscription ADD CONSTRAINT subscription_state_check
  CHECK (state IN ('PENDING', 'ACTIVE', 'ENDED', 'MOVED'));
ALTER TABLE notifications.subscription ADD COLUMN moved_to uuid;
COMMENT ON COLUMN notifications.subscription.moved_to IS
  'For a MOVED subscription: the subscription to the parent request it became (null when the address already followed it)';
