-- Admins edit the catalog in the staff console while the app runs. Two things follow:
-- 1. The city file is applied at every start; it must not silently undo an admin's edit. A row an
--    admin edited is marked (edited_in_admin_at) and the city file leaves it alone from then on.
-- 2. Every node keeps the catalog in memory; a counter bumped by every write lets each node notice a
--    change made on another node with one cheap primary-key read, and reload.
ALTER TABLE catalog.service_category ADD COLUMN edited_in_admin_at timestamptz;
COMMENT ON COLUMN catalog.service_category.edited_in_admin_at IS
  'When an admin last changed the category (or its questions) in the staff console; null while the city file owns it. The city file and start-up imports no longer overwrite or retire a category with a value here.';

ALTER TABLE catalog.department ADD COLUMN edited_in_admin_at timestamptz;
COMMENT ON COLUMN catalog.department.edited_in_admin_at IS
  'When an admin last changed or added the department in the staff console; null while the city file owns it. The city file no longer overwrites or retires it.';

ALTER TABLE catalog.service_category DROP CONSTRAINT service_category_origin_check;
ALTER TABLE catalog.service_category ADD CONSTRAINT service_category_origin_check
  CHECK (origin IN ('city_file', 'open311_import', 'admin'));
COMMENT ON COLUMN catalog.service_category.origin IS
  'Where the row was first or last written from: city_file, open311_import or admin (created in the staff console). A city file only retires what a city file wrote.';

CREATE TABLE catalog.version
(
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version   bigint  NOT NULL
);
INSERT INTO catalog.version (singleton, version) VALUES (true, 0);
COMMENT ON TABLE catalog.version IS
  'One counter, raised by every write to the catalog; app nodes read it every few seconds and reload their in-memory catalog when it moved.';
