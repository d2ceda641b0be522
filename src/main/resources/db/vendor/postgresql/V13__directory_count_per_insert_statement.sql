-- An insert into colleague or team is counted by one trigger per statement, which reads
-- the inserted rows from a transition table and adds them to directory_count at once.
-- Updates and deletes keep the row triggers of V6 and V9, which add up in a setting and
-- write at commit.
--
-- A SCIM create inserts one colleague in a statement of its own. The row triggers ran two
-- PL/pgSQL functions for it, one of them at commit, and kept the pending count in a
-- setting. In the load benchmark on PostgreSQL 17 (docs/benchmarks.md), the database and
-- kernel spent 0.603 and 0.620 ms per create with the row triggers, and 0.553 and
-- 0.557 ms with this trigger and the domains of V14 together.
--
-- Writing at once holds the slot's row lock from the insert until the transaction ends,
-- not only while it commits. A SCIM create of a user ends with its insert. A transaction
-- of several statements holds the lock longer: a group create while it writes the
-- members, and finishing a first sync while it writes the whole directory. Another
-- transaction in the same company whose id falls on the same slot (one in 16) waits for
-- it when it counts.
--
-- A transaction updates its slot once per insert statement, and a row updated many times
-- in one transaction makes each later update walk the earlier versions. Finishing a first
-- sync inserts colleagues in pages of 500, which the driver (reWriteBatchedInserts)
-- sends as 7 statements of up to 128 rows, and each team in a statement of its own. So
-- 20 000 colleagues and 500 teams update the slot about 780 times.

CREATE FUNCTION directory_count_inserted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'team' THEN
        INSERT INTO directory_count AS d (company_id, slot, colleagues, teams)
        SELECT i.company_id, (txid_current() % 16)::INT, 0, COUNT(*)
        FROM inserted i WHERE i.link_id IS NOT NULL
        GROUP BY i.company_id ORDER BY i.company_id
        ON CONFLICT (company_id, slot) DO UPDATE SET teams = d.teams + EXCLUDED.teams;
    ELSE
        INSERT INTO directory_count AS d (company_id, slot, colleagues, teams)
        SELECT i.company_id, (txid_current() % 16)::INT, COUNT(*), 0
        FROM inserted i WHERE i.link_id IS NOT NULL
        GROUP BY i.company_id ORDER BY i.company_id
        ON CONFLICT (company_id, slot) DO UPDATE SET colleagues = d.colleagues + EXCLUDED.colleagues;
    END IF;
    RETURN NULL;
END;
$$;

DROP TRIGGER tr_colleague_count ON colleague;
DROP TRIGGER tr_colleague_count_commit ON colleague;
DROP TRIGGER tr_team_count ON team;
DROP TRIGGER tr_team_count_commit ON team;

CREATE TRIGGER tr_colleague_count_insert AFTER INSERT ON colleague
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION directory_count_inserted();

CREATE TRIGGER tr_team_count_insert AFTER INSERT ON team
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION directory_count_inserted();

CREATE TRIGGER tr_colleague_count AFTER DELETE ON colleague
FOR EACH ROW EXECUTE FUNCTION directory_count_changed();

CREATE TRIGGER tr_team_count AFTER DELETE ON team
FOR EACH ROW EXECUTE FUNCTION directory_count_changed();

CREATE CONSTRAINT TRIGGER tr_colleague_count_commit AFTER DELETE ON colleague
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION directory_count_commit();

CREATE CONSTRAINT TRIGGER tr_team_count_commit AFTER DELETE ON team
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION directory_count_commit();
