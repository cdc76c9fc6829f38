-- What each API key may be used for. Keys made before scopes existed keep what they could do:
-- submitting requests and pushing status updates.
ALTER TABLE identity.api_key
  ADD COLUMN scopes TEXT[] NOT NULL DEFAULT '{open311:post,open311:updates}'
    CHECK (cardinality(scopes) >= 1 AND scopes <@ ARRAY ['open311:post', 'open311:updates', 'integration']);

COMMENT ON COLUMN identity.api_key.scopes IS 'What the key may do: open311:post (submit requests), open311:updates (servicerequestupdates POST), integration (city systems API).';
