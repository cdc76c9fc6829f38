-- Removing an endpoint cancels its waiting deliveries instead of failing them: a failed delivery offers
-- a retry, and a retry to a removed endpoint can only answer "not found". The rows stay as history.
ALTER TABLE webhooks.delivery DROP CONSTRAINT delivery_status_check;
ALTER TABLE webhooks.delivery ADD CONSTRAINT delivery_status_check
  CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'));
COMMENT ON COLUMN webhooks.delivery.status IS 'PENDING, DELIVERED, FAILED (gave up; an admin may retry) or CANCELLED (its endpoint was removed)';

-- Deliveries failed by removals before this version were never failures of the receiver.
UPDATE webhooks.delivery SET status = 'CANCELLED' WHERE status = 'FAILED' AND last_error = 'endpoint deactivated';
UPDATE webhooks.delivery SET last_error = NULL WHERE status = 'CANCELLED' AND last_error = 'endpoint deactivated';

-- The admin page lists failed and cancelled deliveries together, newest first.
DROP INDEX webhooks.delivery_failed_idx;
CREATE INDEX delivery_failed_idx ON webhooks.delivery (created_at DESC) WHERE status IN ('FAILED', 'CANCELLED');
