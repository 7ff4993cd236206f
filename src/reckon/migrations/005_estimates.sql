-- One row per estimator run: what was run on which input, and what it said.
CREATE SEQUENCE estimates_id_seq START 1;

CREATE TABLE estimates (
    id             BIGINT PRIMARY KEY DEFAULT nextval('estimates_id_seq'),
    run_at         TIMESTAMP NOT NULL,          -- UTC
    method         TEXT NOT NULL,               -- chapman, loglinear, stepwise, lcmcr
    model          TEXT,                        -- e.g. [EXH*ABA*OSCE, EXH*HRW, OSCE*HRW]
    parameters     JSON NOT NULL,               -- every setting used (level, max_order, seed, ...)
    seed           BIGINT,                      -- for stochastic methods, else NULL
    input_hash     TEXT NOT NULL,               -- SHA-256 of the capture-history table
    source         TEXT,                        -- the file or case the histories came from
    stratum        TEXT,                        -- NULL: no strata; 'total': the sum over strata
    lists          JSON NOT NULL,               -- list names, in column order
    estimate       DOUBLE NOT NULL,
    lower          DOUBLE,
    upper          DOUBLE,
    level          DOUBLE NOT NULL,
    interval_kind  TEXT,
    observed       BIGINT NOT NULL,
    warnings       JSON NOT NULL,               -- [message, ...]
    diagnostics    JSON NOT NULL
);
