-- The count triggers of V6 ran two PL/pgSQL functions for every update of a colleague or
-- team, although only a change of link_id or company_id changes a count. Most updates,
-- such as a deactivation or the version that each membership PATCH counts on its team,
-- change neither. An update now fires the triggers only when one of the two changed:
-- PostgreSQL evaluates a WHEN condition without calling the function.

DROP TRIGGER tr_colleague_count ON colleague;
DROP TRIGGER tr_team_count ON team;
DROP TRIGGER tr_colleague_count_commit ON colleague;
DROP TRIGGER tr_team_count_commit ON team;

CREATE TRIGGER tr_colleague_count AFTER INSERT OR DELETE ON colleague
FOR EACH ROW EXECUTE FUNCTION directory_count_changed();

CREATE TRIGGER tr_colleague_count_update AFTER UPDATE ON colleague
FOR EACH ROW WHEN (OLD.link_id IS DISTINCT FROM NEW.link_id OR OLD.company_id IS DISTINCT FROM NEW.company_id)
EXECUTE FUNCTION directory_count_changed();

CREATE TRIGGER tr_team_count AFTER INSERT OR DELETE ON team
FOR EACH ROW EXECUTE FUNCTION directory_count_changed();

CREATE TRIGGER tr_team_count_update AFTER UPDATE ON team
FOR EACH ROW WHEN (OLD.link_id IS DISTINCT FROM NEW.link_id OR OLD.company_id IS DISTINCT FROM NEW.company_id)
EXECUTE FUNCTION directory_count_changed();

CREATE CONSTRAINT TRIGGER tr_colleague_count_commit AFTER INSERT OR DELETE ON colleague
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION directory_count_commit();

CREATE CONSTRAINT TRIGGER tr_colleague_count_update_commit AFTER UPDATE ON colleague
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW WHEN (OLD.link_id IS DISTINCT FROM NEW.link_id OR OLD.company_id IS DISTINCT FROM NEW.company_id)
EXECUTE FUNCTION directory_count_commit();

CREATE CONSTRAINT TRIGGER tr_team_count_commit AFTER INSERT OR DELETE ON team
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION directory_count_commit();

CREATE CONSTRAINT TRIGGER tr_team_count_update_commit AFTER UPDATE ON team
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW WHEN (OLD.link_id IS DISTINCT FROM NEW.link_id OR OLD.company_id IS DISTINCT FROM NEW.company_id)
EXECUTE FUNCTION directory_count_commit();
