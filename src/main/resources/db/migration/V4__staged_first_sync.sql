-- The staged first sync. While a SCIM connection is in setup, its requests read and write
-- a hidden staging company instead of the real one, and support applies the difference
-- when it finishes the sync. The rules of V1 hold: every primary key starts with
-- company_id, and the statements stay within what H2 (PostgreSQL mode) and PostgreSQL both
-- accept.

-- The real company whose staging area this company is; NULL for every real company.
-- Staging companies are left out of company listings and have no admins.
ALTER TABLE company ADD COLUMN staging_of UUID;

-- The staging company of a connection in setup; NULL once the first sync is finished.
ALTER TABLE scim_connection ADD COLUMN staging_company_id UUID;

-- Support staff (operators) finish first syncs and are recorded as the actor of the
-- deactivations they choose.
ALTER TABLE history_entry DROP CONSTRAINT ck_history_entry_actor;
ALTER TABLE history_entry ADD CONSTRAINT ck_history_entry_actor
    CHECK (actor_type IN ('scim', 'admin', 'system', 'operator'));
