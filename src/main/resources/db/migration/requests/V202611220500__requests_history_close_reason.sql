-- The close reason a history entry left the request with, so a feed of past updates does not take the
-- reason of a later closing. Entries written before this column fall back to the request's reason.
ALTER TABLE requests.history_entry
  ADD COLUMN close_reason text CHECK (close_reason IN ('COMPLETED','DUPLICATE','NOT_OUR_RESPONSIBILITY','REFERRED','CANCELLED','NO_FURTHER_ACTION'));
COMMENT ON COLUMN requests.history_entry.close_reason IS 'Close reason right after this entry, when it left the request resolved or closed';
