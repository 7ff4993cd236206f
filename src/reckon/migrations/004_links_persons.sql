-- Linkage: one row per run (the trained model, for provenance), the scored pairs and the
-- persons of the latest run, and the reviewers' decisions (kept forever, latest wins).

CREATE TABLE linkage_runs (
    run_id        TEXT PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP NOT NULL,
    backend       TEXT NOT NULL,            -- duckdb or spark
    threshold     DOUBLE NOT NULL,          -- match probability at which two records join
    settings      JSON NOT NULL,            -- LinkageSettings as JSON
    model         JSON NOT NULL,            -- Splink's trained model: m, u per level, the prior
    records       INTEGER NOT NULL,
    persons       INTEGER NOT NULL,
    pairs         INTEGER NOT NULL,         -- scored pairs kept in `links`
    decisions     INTEGER NOT NULL          -- reviewer decisions applied
);

CREATE TABLE links (
    record_id_l        TEXT NOT NULL,       -- the smaller record_id of the pair
    record_id_r        TEXT NOT NULL,
    match_probability  DOUBLE NOT NULL,     -- after reviewer decisions (must-link 1, cannot-link 0)
    match_weight       DOUBLE NOT NULL,     -- log2 Bayes factor from the model (+/-inf when decided)
    decided            TEXT,                -- 'must-link', 'cannot-link' or NULL (the model's call)
    run_id             TEXT NOT NULL,
    PRIMARY KEY (record_id_l, record_id_r)
);

CREATE TABLE persons (
    record_id            TEXT PRIMARY KEY,
    person_id            TEXT NOT NULL,     -- the smallest record_id among the person's records
    list_name            TEXT NOT NULL,
    cluster_probability  DOUBLE,            -- strongest link holding the record in its person; NULL if alone
    run_id               TEXT NOT NULL
);

CREATE TABLE decisions (
    record_id_l  TEXT NOT NULL,
    record_id_r  TEXT NOT NULL,
    decision     TEXT NOT NULL CHECK (decision IN ('must-link', 'cannot-link')),
    reviewer     TEXT NOT NULL,
    decided_at   TIMESTAMP NOT NULL,
    note         TEXT
);
