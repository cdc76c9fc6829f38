-- Tables the staff console owns: named queue filters per staff member, and the city's canned
-- responses. Only the console module reads or writes them; request data stays in requests.
CREATE SCHEMA IF NOT EXISTS console;

CREATE TABLE console.saved_view (
  id          bigserial PRIMARY KEY,
  staff_id    uuid NOT NULL,
  name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
  query       text NOT NULL CHECK (char_length(query) <= 2000),
  created_at  timestamptz NOT NULL,
  UNIQUE (staff_id, name)
);
COMMENT ON TABLE console.saved_view IS 'A staff member''s named queue filter, listed on their queue page';
COMMENT ON COLUMN console.saved_view.staff_id IS 'identity staff member id (no foreign key across modules)';
COMMENT ON COLUMN console.saved_view.query IS 'The queue URL''s query string: filters and sort, never a page cursor';

CREATE TABLE console.canned_response (
  id          bigserial PRIMARY KEY,
  language    text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
  title       text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 80),
  body        text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  position    integer NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL
);
COMMENT ON TABLE console.canned_response IS 'Ready-made public updates staff pick from; admins edit them';
CREATE INDEX canned_response_language_idx ON console.canned_response (language, position, id);

INSERT INTO console.canned_response (language, title, body, position, updated_at) VALUES
  ('en', 'Crew scheduled', 'A crew has been scheduled to look at this. Thank you for reporting it.', 1, now()),
  ('en', 'Waiting for parts', 'We are waiting for parts to fix this and will update you when the work is done.', 2, now()),
  ('en', 'Private property', 'This is on private property, so the city cannot fix it. We have let the owner know.', 3, now()),
  ('en', 'Fixed', 'The problem has been fixed. Thank you for helping keep the city in good shape.', 4, now()),
  ('es', 'Cuadrilla programada', 'Hemos programado una cuadrilla para revisar esto. Gracias por informarnos.', 1, now()),
  ('es', 'Esperando piezas', 'Estamos esperando piezas para repararlo y le avisaremos cuando el trabajo esté hecho.', 2, now()),
  ('es', 'Propiedad privada', 'Esto está en una propiedad privada, por lo que la ciudad no puede repararlo. Hemos avisado al propietario.', 3, now()),
  ('es', 'Reparado', 'El problema ha sido reparado. Gracias por ayudar a mantener la ciudad en buen estado.', 4, now());
