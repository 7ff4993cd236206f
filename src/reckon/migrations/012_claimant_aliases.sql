-- The case's own table of who is who across documents (issue 12): one row says that the
-- claimant written `name` is `claimant`, in every document or in one. `name` is a claim's
-- claimant key as extracted, or an outlet speaking in its own voice (its publisher, else its
-- file). The claims table is never changed: the ledger and the report resolve through this
-- table at read time. Owner: reckon.claims.aliases; every change is in the audit trail.
CREATE TABLE claimant_aliases (
    name_fold  TEXT NOT NULL,             -- `name` case-folded, punctuation and a leading "the" dropped
    name       TEXT NOT NULL,             -- as given
    document   TEXT NOT NULL DEFAULT '',  -- '' = in every document; else the SHA-256 of the one it applies to
    claimant   TEXT NOT NULL,             -- the claimant it resolves to (never another alias: the table is kept flat)
    added_at   TIMESTAMP NOT NULL,
    added_by   TEXT NOT NULL,
    PRIMARY KEY (name_fold, document)
);
