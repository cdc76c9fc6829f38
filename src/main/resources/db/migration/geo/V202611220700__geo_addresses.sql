-- The city's street addresses, for suggestions while a resident types and for "use my location".
-- Only the geo module reads or writes these tables.
CREATE SCHEMA IF NOT EXISTS geo;

-- Trigram matching finds "spring st" inside "403 S Spring St" and forgives typos. The embedded
-- PostgreSQL ships it; an external server needs the contrib package (see README).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE geo.address (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  label        text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 200),
  house_number text NOT NULL CHECK (char_length(house_number) BETWEEN 1 AND 20),
  street       text NOT NULL CHECK (char_length(street) BETWEEN 1 AND 150),
  zip          text CHECK (char_length(zip) BETWEEN 1 AND 10),
  latitude     double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude    double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  search_key   text NOT NULL CHECK (search_key ~ '^[a-z0-9]+( [a-z0-9]+)*$')
);
COMMENT ON TABLE geo.address IS 'A street address residents can pick: one row per label and zip';
COMMENT ON COLUMN geo.address.label IS 'The address as a resident types and reads it, e.g. 200 N Spring St';
COMMENT ON COLUMN geo.address.search_key IS 'The label without case, accents or punctuation, street words abbreviated: what suggestions match';

-- One address per label and zip: imports merge on it, so an address keeps its id across imports.
CREATE UNIQUE INDEX address_key_idx ON geo.address (search_key, (coalesce(zip, '')));
-- "200 n spr" and "20": prefix matches, including house numbers of one or two characters.
CREATE INDEX address_prefix_idx ON geo.address (search_key text_pattern_ops);
-- "spring st" anywhere in the label, and near misses.
CREATE INDEX address_trigram_idx ON geo.address USING gin (search_key gin_trgm_ops);
-- The nearest address to a point: a bounding box on latitude, then longitude from the index.
CREATE INDEX address_point_idx ON geo.address (latitude, longitude);

-- Where the addresses came from, so a restart with the same address file costs one checksum.
CREATE TABLE geo.address_source (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  origin       text NOT NULL CHECK (origin IN ('ADDRESS_FILE','IMPORT')),
  location     text,
  sha256       text,
  rows         integer NOT NULL,
  loaded_at    timestamptz NOT NULL
);
COMMENT ON TABLE geo.address_source IS 'The last load of geo.address: the start-up address file (with its checksum) or an import by hand';
