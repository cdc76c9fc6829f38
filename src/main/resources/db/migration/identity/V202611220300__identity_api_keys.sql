-- API keys of Open311 clients and city systems. Only a SHA-256 of each secret is kept: the secret is
-- shown once when the key is created and cannot be recovered from this table.
CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.api_key
(
  id           TEXT PRIMARY KEY CHECK (id ~ '^k_[0-9a-f]{8}$'),
  client_name  TEXT NOT NULL CHECK (length(btrim(client_name)) BETWEEN 1 AND 200),
  secret_hash  BYTEA NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
  created_at   TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  revoked_at   TIMESTAMPTZ
);

COMMENT ON TABLE identity.api_key IS 'Keys that Open311 clients and city systems send with their POSTs.';
COMMENT ON COLUMN identity.api_key.id IS 'Public, non-secret id of the key (k_ and 8 hex digits), shown in lists and used to revoke it.';
COMMENT ON COLUMN identity.api_key.client_name IS 'Who the key was issued to, e.g. the name of an Open311 app or a city system.';
COMMENT ON COLUMN identity.api_key.secret_hash IS 'SHA-256 of the secret (32 bytes); the secret itself is never stored. The unique index is the lookup path of every authentication.';
COMMENT ON COLUMN identity.api_key.created_at IS 'When the key was created.';
COMMENT ON COLUMN identity.api_key.last_used_at IS 'Last successful authentication, written at most about once a minute per key and node; null when never used.';
COMMENT ON COLUMN identity.api_key.revoked_at IS 'When the key was revoked; a revoked key never authenticates again. Null while active.';
