-- H2 keeps the next values of an identity column's sequence in memory, 32 at a time by
-- default, and commits the whole store each time they run out. With WRITE_DELAY=0 such a
-- commit writes a chunk to the file. The 100 history entries of a 100-member PATCH wrote
-- the file five times in one transaction; with 1 000 values in memory they write it twice.
-- An unclean stop can leave a gap of up to 1 000 values, which changes nothing, because
-- seq only orders the entries.

ALTER TABLE history_entry ALTER COLUMN seq SET CACHE 1000;
ALTER TABLE activity_entry ALTER COLUMN seq SET CACHE 1000;
