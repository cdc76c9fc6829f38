-- The catalog module's tables: what the city offers (Open311 "services") and who handles it.
-- Rows are never deleted by the application: service requests keep referring to a category or a
-- department after the city retires it, so retiring means active = false.
CREATE SCHEMA IF NOT EXISTS catalog;
COMMENT ON SCHEMA catalog IS 'Owned by the catalog module: jurisdiction, departments, service categories and their questions.';

CREATE TABLE catalog.jurisdiction
(
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  id           text    NOT NULL CHECK (id <> ''),
  name         text    NOT NULL CHECK (name <> ''),
  time_zone    text    NOT NULL,
  bounds_south double precision CHECK (bounds_south BETWEEN -90 AND 90),
  bounds_west  double precision CHECK (bounds_west BETWEEN -180 AND 180),
  bounds_north double precision CHECK (bounds_north BETWEEN -90 AND 90),
  bounds_east  double precision CHECK (bounds_east BETWEEN -180 AND 180),
  contact      text    NOT NULL,
  key_service  text    NOT NULL,
  CHECK ((bounds_south IS NULL AND bounds_west IS NULL AND bounds_north IS NULL AND bounds_east IS NULL)
      OR (bounds_south < bounds_north AND bounds_west < bounds_east))
);
COMMENT ON TABLE catalog.jurisdiction IS 'The one city this installation serves (one row at most).';
COMMENT ON COLUMN catalog.jurisdiction.singleton IS 'Always true: makes a second jurisdiction row impossible.';
COMMENT ON COLUMN catalog.jurisdiction.id IS 'Open311 jurisdiction_id: the city''s web domain without www, e.g. springfield.example.gov.';
COMMENT ON COLUMN catalog.jurisdiction.name IS 'Name residents know, e.g. City of Springfield.';
COMMENT ON COLUMN catalog.jurisdiction.time_zone IS 'IANA time zone (e.g. America/Los_Angeles) in which datetimes are shown and business days counted.';
COMMENT ON COLUMN catalog.jurisdiction.bounds_south IS 'Southern edge (WGS84 latitude) of the area requests may be located in; all four bounds are null when not limited.';
COMMENT ON COLUMN catalog.jurisdiction.bounds_west IS 'Western edge (WGS84 longitude).';
COMMENT ON COLUMN catalog.jurisdiction.bounds_north IS 'Northern edge (WGS84 latitude).';
COMMENT ON COLUMN catalog.jurisdiction.bounds_east IS 'Eastern edge (WGS84 longitude).';
COMMENT ON COLUMN catalog.jurisdiction.contact IS 'Who to ask about the Open311 API; shown in discovery.';
COMMENT ON COLUMN catalog.jurisdiction.key_service IS 'How to get an Open311 API key; shown in discovery.';

CREATE TABLE catalog.department
(
  code     text    PRIMARY KEY CHECK (code ~ '^\S+$'),
  name     text    NOT NULL CHECK (name <> ''),
  email    text,
  position integer NOT NULL,
  active   boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE catalog.department IS 'A city department that fixes problems; Open311 agency_responsible.';
COMMENT ON COLUMN catalog.department.code IS 'Short stable code, e.g. PW; referenced by categories, routing rules and requests.';
COMMENT ON COLUMN catalog.department.name IS 'Name the public sees, e.g. Public Works.';
COMMENT ON COLUMN catalog.department.email IS 'Where the department gets mail; null when not given.';
COMMENT ON COLUMN catalog.department.position IS 'Display order in lists, 0 first.';
COMMENT ON COLUMN catalog.department.active IS 'False once the department left the city file; kept because requests refer to it.';

CREATE TABLE catalog.service_category
(
  code            text    PRIMARY KEY CHECK (code <> ''),
  name            text    NOT NULL,
  description     text    NOT NULL,
  group_name      text,
  keywords        text,
  type            text    NOT NULL DEFAULT 'realtime' CHECK (type IN ('realtime', 'batch', 'blackbox')),
  metadata        boolean NOT NULL,
  department_code text REFERENCES catalog.department (code),
  sla_amount      integer CHECK (sla_amount > 0),
  sla_unit        text CHECK (sla_unit IN ('hours', 'business_days')),
  service_notice  text,
  position        integer NOT NULL,
  active          boolean NOT NULL DEFAULT true,
  origin          text    NOT NULL CHECK (origin IN ('city_file', 'open311_import')),
  CHECK ((sla_amount IS NULL) = (sla_unit IS NULL))
);
COMMENT ON TABLE catalog.service_category IS 'Something a resident can report (an Open311 service), e.g. Pothole.';
COMMENT ON COLUMN catalog.service_category.code IS 'Open311 service_code, unique in the jurisdiction; kept exactly as given (leading zeros too).';
COMMENT ON COLUMN catalog.service_category.name IS 'Open311 service_name: the short name residents see.';
COMMENT ON COLUMN catalog.service_category.description IS 'Open311 description: what belongs in this category.';
COMMENT ON COLUMN catalog.service_category.group_name IS 'Open311 group, e.g. Streets and Sidewalks; null when the service has none ("group" is an SQL keyword).';
COMMENT ON COLUMN catalog.service_category.keywords IS 'Open311 keywords: the raw comma separated string as the city wrote it; empty and null are kept apart.';
COMMENT ON COLUMN catalog.service_category.type IS 'Open311 type: realtime returns a request id at once, batch a token, blackbox nothing.';
COMMENT ON COLUMN catalog.service_category.metadata IS 'Open311 metadata: whether clients must fetch the service definition (the questions).';
COMMENT ON COLUMN catalog.service_category.department_code IS 'Department that handles it by default; null for imported categories without a mapping.';
COMMENT ON COLUMN catalog.service_category.sla_amount IS 'Target time to fix, in sla_unit; null when the city set no target.';
COMMENT ON COLUMN catalog.service_category.sla_unit IS 'hours (around the clock) or business_days (on the jurisdiction''s working days).';
COMMENT ON COLUMN catalog.service_category.service_notice IS 'Open311 service_notice returned after a POST, e.g. the usual repair time; may be null.';
COMMENT ON COLUMN catalog.service_category.position IS 'Display order, 0 first: most common problems first.';
COMMENT ON COLUMN catalog.service_category.active IS 'False once the category left the city file or an import replaced it; kept because requests refer to it.';
COMMENT ON COLUMN catalog.service_category.origin IS 'Where the row was last written from: city_file or open311_import. A city file only retires what a city file wrote.';

CREATE TABLE catalog.question
(
  category_code        text    NOT NULL REFERENCES catalog.service_category (code) ON DELETE CASCADE,
  code                 text    NOT NULL CHECK (code <> ''),
  variable             boolean NOT NULL,
  datatype             text    NOT NULL CHECK (datatype IN ('string', 'number', 'datetime', 'text',
                                                            'singlevaluelist', 'multivaluelist')),
  required             boolean NOT NULL,
  datatype_description text,
  display_order        integer NOT NULL,
  description          text    NOT NULL,
  PRIMARY KEY (category_code, code)
);
COMMENT ON TABLE catalog.question IS 'A question asked when reporting in a category (an Open311 attribute of the service definition).';
COMMENT ON COLUMN catalog.question.category_code IS 'The category that asks it.';
COMMENT ON COLUMN catalog.question.code IS 'Open311 attribute code, sent by clients as attribute[code].';
COMMENT ON COLUMN catalog.question.variable IS 'Open311 variable: false for informational text that needs no answer.';
COMMENT ON COLUMN catalog.question.datatype IS 'Open311 datatype: the kind of answer, from a single line of text to a multiple choice list.';
COMMENT ON COLUMN catalog.question.required IS 'Open311 required: a report cannot be submitted without an answer.';
COMMENT ON COLUMN catalog.question.datatype_description IS 'Open311 datatype_description: a hint for the answer''s format; empty and null are kept apart.';
COMMENT ON COLUMN catalog.question.display_order IS 'Open311 order: display position, 1 first ("order" is an SQL keyword).';
COMMENT ON COLUMN catalog.question.description IS 'Open311 description: the question text or the information shown.';

CREATE TABLE catalog.question_value
(
  category_code text    NOT NULL,
  question_code text    NOT NULL,
  key           text    NOT NULL,
  name          text    NOT NULL,
  position      integer NOT NULL,
  PRIMARY KEY (category_code, question_code, position),
  UNIQUE (category_code, question_code, key),
  FOREIGN KEY (category_code, question_code) REFERENCES catalog.question (category_code, code) ON DELETE CASCADE
);
COMMENT ON TABLE catalog.question_value IS 'One allowed answer of a singlevaluelist or multivaluelist question.';
COMMENT ON COLUMN catalog.question_value.key IS 'Open311 value key: what clients send.';
COMMENT ON COLUMN catalog.question_value.name IS 'Open311 value name: what residents see.';
COMMENT ON COLUMN catalog.question_value.position IS 'Display order within the question, 0 first.';
