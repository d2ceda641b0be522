-- A history entry keeps its fields in one column, a JSON array with an array of name,
-- old value and new value for each field, in their order, or NULL for none. Each field
-- was a row of history_field, so a change wrote a row per field besides its entry. See
-- the PostgreSQL migration of the same version for the measurement.
ALTER TABLE history_entry ADD COLUMN fields CHARACTER VARYING;

UPDATE history_entry e SET fields = (
    SELECT CAST(JSON_ARRAYAGG(JSON_ARRAY(f.field, f.old_value, f.new_value NULL ON NULL) ORDER BY f.position)
        AS CHARACTER VARYING)
    FROM history_field f
    WHERE f.company_id = e.company_id AND f.entry_id = e.id);

DROP TABLE history_field;
