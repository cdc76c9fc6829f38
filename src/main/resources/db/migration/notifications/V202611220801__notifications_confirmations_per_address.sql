-- Confirmation messages per address, to cap how many a stranger can make us send to someone.
CREATE INDEX delivery_confirmations_by_address ON notifications.delivery (lower(recipient), created_at)
  WHERE event = 'FOLLOW_CONFIRMATION';
