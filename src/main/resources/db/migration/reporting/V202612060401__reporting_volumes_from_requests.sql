-- Daily volumes are now counted from requests.service_request when asked (DailyVolumes): the counter
-- rows only repeated what the requests say, and updating them cost every report a statement.
DROP TABLE reporting.daily_volume;
