-- A scope for monitoring systems (Prometheus) that read /actuator/prometheus and the other actuator
-- endpoints except health: a scraper's key can do nothing else.
ALTER TABLE identity.api_key DROP CONSTRAINT api_key_scopes_check;
ALTER TABLE identity.api_key ADD CONSTRAINT api_key_scopes_check
  CHECK (cardinality(scopes) >= 1 AND scopes <@ ARRAY ['open311:post', 'open311:updates', 'integration', 'metrics']);
COMMENT ON COLUMN identity.api_key.scopes IS 'What the key may do: open311:post (submit requests), open311:updates (servicerequestupdates POST), integration (city systems API), metrics (actuator endpoints other than health).';
