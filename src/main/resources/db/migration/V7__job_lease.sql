-- Leases that let one Roster instance at a time run a scheduled job. A job's row is
-- inserted by the first instance that runs it. An instance runs the job only after it
-- claimed the row, and the claim lasts until locked_until even after the run ends, so the
-- other instances skip the job for the rest of its interval. The statements stay within
-- what H2 (PostgreSQL mode) and PostgreSQL both accept.
CREATE TABLE job_lease (
    name VARCHAR(100) NOT NULL,
    holder VARCHAR(100) NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_job_lease PRIMARY KEY (name)
);
