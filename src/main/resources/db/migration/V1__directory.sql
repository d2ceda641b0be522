-- Every table's primary key starts with company_id, and every query filters on it, so a
-- distributed PostgreSQL can shard the schema by company.
-- Types and statements stay within what H2 (PostgreSQL mode) and PostgreSQL both accept.

CREATE TABLE company (
    id UUID NOT NULL,
    name VARCHAR(200) NOT NULL,
    plan VARCHAR(20) NOT NULL,
    default_role VARCHAR(20) NOT NULL,
    matching_policy VARCHAR(20) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_company PRIMARY KEY (id),
    CONSTRAINT ck_company_plan CHECK (plan IN ('free', 'business', 'enterprise'))
);

CREATE TABLE scim_token (
    company_id UUID NOT NULL,
    id UUID NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    label VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_scim_token PRIMARY KEY (company_id, id),
    CONSTRAINT fk_scim_token_company FOREIGN KEY (company_id) REFERENCES company (id)
);

-- A token arrives without a company, so its hash is looked up on its own.
CREATE UNIQUE INDEX ux_scim_token_hash ON scim_token (token_hash);

CREATE TABLE colleague (
    company_id UUID NOT NULL,
    id UUID NOT NULL,
    -- The identifier the identity provider knows the colleague by; NULL once unlinked.
    link_id VARCHAR(64),
    user_name VARCHAR(320) NOT NULL,
    user_name_key VARCHAR(320) NOT NULL,
    external_id VARCHAR(320),
    given_name VARCHAR(200),
    family_name VARCHAR(200),
    formatted_name VARCHAR(400),
    display_name VARCHAR(400),
    display_name_key VARCHAR(400),
    title VARCHAR(200),
    active BOOLEAN NOT NULL,
    role VARCHAR(20) NOT NULL,
    employee_number VARCHAR(200),
    department VARCHAR(200),
    cost_center VARCHAR(200),
    organization VARCHAR(200),
    division VARCHAR(200),
    manager_link_id VARCHAR(64),
    managed_by VARCHAR(10) NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_colleague PRIMARY KEY (company_id, id),
    CONSTRAINT fk_colleague_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT ck_colleague_managed_by CHECK (managed_by IN ('scim', 'app')),
    CONSTRAINT ck_colleague_role CHECK (role IN ('admin', 'member', 'light'))
);

CREATE UNIQUE INDEX ux_colleague_user_name ON colleague (company_id, user_name_key);
CREATE UNIQUE INDEX ux_colleague_link ON colleague (company_id, link_id);
CREATE INDEX ix_colleague_external_id ON colleague (company_id, external_id);
CREATE INDEX ix_colleague_display_name ON colleague (company_id, display_name_key);

-- Multi-valued attributes of a colleague (emails, roles), one row per value, so that
-- filters on them are index lookups.
CREATE TABLE colleague_value (
    company_id UUID NOT NULL,
    colleague_id UUID NOT NULL,
    kind VARCHAR(10) NOT NULL,
    position INT NOT NULL,
    item_value VARCHAR(320) NOT NULL,
    item_value_key VARCHAR(320) NOT NULL,
    item_type VARCHAR(50),
    item_display VARCHAR(320),
    is_primary BOOLEAN NOT NULL,
    CONSTRAINT pk_colleague_value PRIMARY KEY (company_id, colleague_id, kind, position),
    CONSTRAINT fk_colleague_value_colleague FOREIGN KEY (company_id, colleague_id)
        REFERENCES colleague (company_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_colleague_value_key ON colleague_value (company_id, kind, item_value_key);

CREATE TABLE team (
    company_id UUID NOT NULL,
    id UUID NOT NULL,
    link_id VARCHAR(64),
    display_name VARCHAR(400) NOT NULL,
    -- Lower-cased name while the team is active, NULL once archived, so archived teams
    -- never block a name.
    active_name_key VARCHAR(400),
    external_id VARCHAR(320),
    managed_by VARCHAR(10) NOT NULL,
    archived BOOLEAN NOT NULL,
    version BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_team PRIMARY KEY (company_id, id),
    CONSTRAINT fk_team_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT ck_team_managed_by CHECK (managed_by IN ('scim', 'app'))
);

CREATE UNIQUE INDEX ux_team_link ON team (company_id, link_id);
CREATE UNIQUE INDEX ux_team_active_name ON team (company_id, active_name_key);
CREATE INDEX ix_team_external_id ON team (company_id, external_id);

CREATE TABLE team_member (
    company_id UUID NOT NULL,
    team_id UUID NOT NULL,
    colleague_id UUID NOT NULL,
    CONSTRAINT pk_team_member PRIMARY KEY (company_id, team_id, colleague_id),
    CONSTRAINT fk_team_member_team FOREIGN KEY (company_id, team_id)
        REFERENCES team (company_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_team_member_colleague FOREIGN KEY (company_id, colleague_id)
        REFERENCES colleague (company_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_team_member_colleague ON team_member (company_id, colleague_id);
