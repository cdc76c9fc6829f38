-- A STOP reply cancels the text messages still waiting for that number (DeliveryStore.cancelPendingSms).
-- Without an index that was a scan of every delivery ever made. Partial: only SMS deliveries that can
-- still be sent or retried are in it, so it stays small; state is already in the predicates of
-- delivery_due and delivery_failed, so this costs no HOT update that was possible before.
CREATE INDEX delivery_sms_waiting_by_number ON notifications.delivery (recipient)
  WHERE channel = 'SMS' AND state IN ('PENDING', 'FAILED');
