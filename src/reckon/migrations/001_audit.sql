-- The append-only audit trail: every change to a case, hash-chained row to row.
CREATE TABLE audit (
    seq        BIGINT PRIMARY KEY,
    logged_at  TIMESTAMP NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    detail     TEXT NOT NULL,          -- JSON
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
