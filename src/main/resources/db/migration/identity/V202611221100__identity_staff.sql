-- Staff members who sign in to Civic311, their roles, departments and crew, and the bookkeeping of
-- sign-in failures (lockout) and password resets. Department codes come from the catalog; they are not
-- foreign keys because the catalog is another module's schema (a retired department keeps its members).

CREATE TABLE identity.crew
(
  code            TEXT PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,39}$'),
  name            TEXT NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  department_code TEXT NOT NULL CHECK (length(department_code) BETWEEN 1 AND 40)
);

COMMENT ON TABLE identity.crew IS 'Teams of a department that go out to fix things (the catalog has no crews yet).';
COMMENT ON COLUMN identity.crew.code IS 'Short stable code, e.g. PW-EAST.';
COMMENT ON COLUMN identity.crew.department_code IS 'Code of the catalog department the crew belongs to.';

CREATE TABLE identity.staff_member
(
  id                  UUID PRIMARY KEY,
  email               TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email = btrim(email)),
  display_name        TEXT NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
  password_hash       TEXT,
  enabled             BOOLEAN NOT NULL DEFAULT TRUE,
  crew_code           TEXT REFERENCES identity.crew (code),
  failed_sign_ins     INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
  locked_until        TIMESTAMPTZ,
  created_at          TIMESTAMPTZ NOT NULL,
  password_changed_at TIMESTAMPTZ,
  last_signed_in_at   TIMESTAMPTZ
);

CREATE UNIQUE INDEX staff_member_email_key ON identity.staff_member (lower(email));

COMMENT ON TABLE identity.staff_member IS 'A person of the city who signs in to Civic311.';
COMMENT ON COLUMN identity.staff_member.email IS 'Sign-in name as typed when created; unique regardless of case.';
COMMENT ON COLUMN identity.staff_member.password_hash IS 'Spring Security DelegatingPasswordEncoder hash with its {id} prefix (bcrypt by default); null when no password is set.';
COMMENT ON COLUMN identity.staff_member.enabled IS 'A disabled member cannot sign in; kept for history and audit.';
COMMENT ON COLUMN identity.staff_member.failed_sign_ins IS 'Failed sign-ins since the last success or lock; kept here so the count holds across app nodes.';
COMMENT ON COLUMN identity.staff_member.locked_until IS 'Sign-in refused until then, even with the right password.';

CREATE TABLE identity.staff_role
(
  staff_member_id UUID NOT NULL REFERENCES identity.staff_member (id) ON DELETE CASCADE,
  role            TEXT NOT NULL CHECK (role IN ('CALL_TAKER', 'DISPATCHER', 'CREW', 'SUPERVISOR', 'MANAGER', 'ADMIN')),
  PRIMARY KEY (staff_member_id, role)
);

COMMENT ON TABLE identity.staff_role IS 'The roles of a staff member (several per member).';

CREATE TABLE identity.staff_department
(
  staff_member_id UUID NOT NULL REFERENCES identity.staff_member (id) ON DELETE CASCADE,
  department_code TEXT NOT NULL CHECK (length(department_code) BETWEEN 1 AND 40),
  PRIMARY KEY (staff_member_id, department_code)
);

COMMENT ON TABLE identity.staff_department IS 'The catalog departments a staff member works for.';

CREATE TABLE identity.password_reset
(
  token_hash      BYTEA PRIMARY KEY CHECK (length(token_hash) = 32),
  staff_member_id UUID NOT NULL REFERENCES identity.staff_member (id) ON DELETE CASCADE,
  created_at      TIMESTAMPTZ NOT NULL,
  expires_at      TIMESTAMPTZ NOT NULL,
  used_at         TIMESTAMPTZ
);

CREATE INDEX password_reset_member ON identity.password_reset (staff_member_id);

COMMENT ON TABLE identity.password_reset IS 'Emailed password reset links: only a SHA-256 of the 128-bit token is kept; single use, valid until expires_at.';
