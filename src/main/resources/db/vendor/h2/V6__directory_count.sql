-- Counts per company of the colleagues and teams with a link_id, the ones SCIM lists, so
-- that totalResults of an unfiltered list is read from at most 16 rows instead of
-- counting the directory. The Java trigger io.roster.system.DirectoryCountTrigger keeps
-- the counts in the same transaction as every write to colleague and team. A company's
-- count is the SUM over its slots, as in the PostgreSQL version of this migration.

CREATE TABLE directory_count (
    company_id UUID NOT NULL,
    slot INT NOT NULL,
    colleagues BIGINT NOT NULL,
    teams BIGINT NOT NULL,
    CONSTRAINT pk_directory_count PRIMARY KEY (company_id, slot),
    CONSTRAINT fk_directory_count_company FOREIGN KEY (company_id) REFERENCES company (id) ON DELETE CASCADE
);

INSERT INTO directory_count (company_id, slot, colleagues, teams)
SELECT c.id, 0,
  (SELECT COUNT(*) FROM colleague m WHERE m.company_id = c.id AND m.link_id IS NOT NULL),
  (SELECT COUNT(*) FROM team t WHERE t.company_id = c.id AND t.link_id IS NOT NULL)
FROM company c;

CREATE TRIGGER tr_colleague_count AFTER INSERT, UPDATE, DELETE ON colleague
FOR EACH ROW CALL 'io.roster.system.DirectoryCountTrigger';

CREATE TRIGGER tr_team_count AFTER INSERT, UPDATE, DELETE ON team
FOR EACH ROW CALL 'io.roster.system.DirectoryCountTrigger';
