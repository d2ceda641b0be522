-- The columns that hold a code from a fixed list (a colleague's role, who manages a
-- colleague or team, a history entry's subject and actor type) check it in a domain
-- instead of a table CHECK constraint. PostgreSQL 17 parses a table's CHECK constraints
-- from their stored text at every execution of an INSERT or UPDATE of that table. In a
-- perf profile of the backends during the load benchmark's initial sync
-- (docs/benchmarks.md), ExecConstraints took 5.4 % of their processor time, most of it in
-- stringToNode. A domain's constraints are
-- parsed once and kept in the type cache.
--
-- Each column first changes to a domain without constraints, which PostgreSQL does
-- without rewriting the table, since the domain's base type is the column's type. The
-- domains then get their constraints as NOT VALID, so PostgreSQL does not scan the
-- tables: the CHECK constraints they replace held for every existing row. New and
-- changed rows are checked all the same. The migration locks the three tables against
-- reads and writes until it commits, and takes the locks first, in one statement, so
-- that it does not wait for one table while holding another. A column whose type
-- changes loses its statistics, so the migration analyzes the changed columns again.
--
-- An instance of an earlier version fails a statement it prepared before that reads one
-- of these columns, once per statement and connection ("cached plan must not change
-- result type"), so all of them stop before this version starts (docs/operations.md).

LOCK TABLE colleague, team, history_entry IN ACCESS EXCLUSIVE MODE;

CREATE DOMAIN managed_by_code AS VARCHAR(10);
CREATE DOMAIN role_code AS VARCHAR(20);
CREATE DOMAIN subject_type_code AS VARCHAR(10);
CREATE DOMAIN actor_type_code AS VARCHAR(10);

ALTER TABLE colleague
    ALTER COLUMN managed_by TYPE managed_by_code,
    ALTER COLUMN role TYPE role_code,
    DROP CONSTRAINT ck_colleague_managed_by,
    DROP CONSTRAINT ck_colleague_role;

ALTER TABLE team
    ALTER COLUMN managed_by TYPE managed_by_code,
    DROP CONSTRAINT ck_team_managed_by;

ALTER TABLE history_entry
    ALTER COLUMN subject_type TYPE subject_type_code,
    ALTER COLUMN actor_type TYPE actor_type_code,
    DROP CONSTRAINT ck_history_entry_subject,
    DROP CONSTRAINT ck_history_entry_actor;

ALTER DOMAIN managed_by_code ADD CONSTRAINT ck_managed_by CHECK (VALUE IN ('scim', 'app')) NOT VALID;
ALTER DOMAIN role_code ADD CONSTRAINT ck_role CHECK (VALUE IN ('admin', 'member', 'light')) NOT VALID;
ALTER DOMAIN subject_type_code ADD CONSTRAINT ck_subject_type CHECK (VALUE IN ('colleague', 'team')) NOT VALID;
ALTER DOMAIN actor_type_code ADD CONSTRAINT ck_actor_type
    CHECK (VALUE IN ('scim', 'admin', 'system', 'operator')) NOT VALID;

ANALYZE colleague (role, managed_by);
ANALYZE team (managed_by);
ANALYZE history_entry (subject_type, actor_type);
