-- The staff queue's "by number" sort must be numeric: numbers are text 'YYYY-NNNNNN', and a busy year's
-- sequence passes 999999, so as text '2026-1000000' sorted below '2026-999999'. The key is the year times
-- 10^12 plus the sequence (one bigint, the same expression as StaffQueueQueries.NUMBER_KEY), so keyset
-- paging compares one value and the number itself (a tie only if an import zero-padded a number
-- differently), and this index serves the sort read backwards.
CREATE INDEX service_request_number_order_idx
  ON requests.service_request ((left(number, 4)::bigint * 1000000000000 + substr(number, 6)::bigint), number);
