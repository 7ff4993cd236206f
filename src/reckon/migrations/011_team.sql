-- The team that works on a served case (`reckon serve`): accounts, their sessions, shared
-- settings, and reviewers' corrections of extracted claims.
--   users, sessions, team_settings   owner: reckon/team/ (users.py, settings.py)
--   claim_corrections                owner: reckon/claims/corrections.py

CREATE TABLE users (
    name           TEXT PRIMARY KEY,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'viewer')),
    password_hash  TEXT NOT NULL,           -- argon2id, in the PHC string format
    created_at     TIMESTAMP NOT NULL,
    password_set_at TIMESTAMP NOT NULL       -- sessions started before it are void
);

CREATE TABLE sessions (
    token_sha256  TEXT PRIMARY KEY,         -- the cookie holds the token; only its hash is kept
    user_name     TEXT NOT NULL,
    csrf_token    TEXT NOT NULL,            -- sent back with every form
    created_at    TIMESTAMP NOT NULL,
    expires_at    TIMESTAMP NOT NULL
);

CREATE TABLE team_settings (
    key    TEXT PRIMARY KEY,
    value  JSON NOT NULL
);

-- A reviewer's correction never overwrites what the extractor found: it is kept beside it,
-- one row per correction, and the latest correction of each field counts.
CREATE SEQUENCE claim_corrections_id_seq START 1;

CREATE TABLE claim_corrections (
    id            BIGINT PRIMARY KEY DEFAULT nextval('claim_corrections_id_seq'),
    claim_id      TEXT NOT NULL,            -- claims.id
    claimant      TEXT,                     -- NULL: this correction leaves the field as it was
    figure_low    BIGINT,
    figure_high   BIGINT,
    category      TEXT CHECK (category IS NULL OR category IN ('killed', 'injured', 'arrested', 'missing', 'executed', 'scope')),
    reviewer      TEXT NOT NULL,
    corrected_at  TIMESTAMP NOT NULL,
    note          TEXT,
    CHECK (claimant IS NOT NULL OR figure_low IS NOT NULL OR figure_high IS NOT NULL OR category IS NOT NULL)
);
