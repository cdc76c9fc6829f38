-- Category texts in other languages, from the city file, for the resident portal.
ALTER TABLE catalog.service_category ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'::jsonb
  CHECK (jsonb_typeof(translations) = 'object');
COMMENT ON COLUMN catalog.service_category.translations IS
  'Texts in other languages by language code: {"es": {"name", "description", "group", "keywords", "questions": {"SIZE": {"description", "values": {"small": "..."}}}}}. Open311 output uses the city''s own words.';
