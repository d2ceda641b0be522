-- Operator accounts of support staff, and the HTTP sessions of the web console. Neither
-- belongs to a company, so these are the tables whose primary keys do not start with
-- company_id. The statements stay within what H2 (PostgreSQL mode) and PostgreSQL both
-- accept.

-- Support staff who sign in at /support. A sign-in arrives with an email only, so the
-- lower-cased email is unique.
CREATE TABLE operator_account (
    id UUID NOT NULL,
    email VARCHAR(320) NOT NULL,
    email_key VARCHAR(320) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_operator_account PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ux_operator_account_email ON operator_account (email_key);

-- Spring Session JDBC's tables (spring-session-jdbc 4.0, schema-postgresql.sql), so that
-- any instance serves any signed-in browser. H2 accepts BYTEA as a binary type.
CREATE TABLE spring_session (
    primary_id CHAR(36) NOT NULL,
    session_id CHAR(36) NOT NULL,
    creation_time BIGINT NOT NULL,
    last_access_time BIGINT NOT NULL,
    max_inactive_interval INT NOT NULL,
    expiry_time BIGINT NOT NULL,
    principal_name VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36) NOT NULL,
    attribute_name VARCHAR(200) NOT NULL,
    attribute_bytes BYTEA NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
