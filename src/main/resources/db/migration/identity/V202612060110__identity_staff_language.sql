-- The language a staff member reads their emails in (password links, SLA warnings and breaches, watched
-- requests). Only the languages the application has texts for; existing members keep English.
ALTER TABLE identity.staff_member ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es'));

COMMENT ON COLUMN identity.staff_member.language IS 'Language of the emails the member gets (en or es); the console pages follow the browser or the header switch.';
