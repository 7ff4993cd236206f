-- Whether the text says the claimant "confirmed" (corroborated, verified) the figure. The
-- extractor decides it from the sentence, so the ledger never reads article text again.
-- Claims stored before this migration read false.
-- DuckDB 2.0 alters no table an index depends on, and DuckDB 1.5 crashes when an index is
-- built again in the transaction that altered its table; claims are read by scans (by
-- document in the order added), so the index goes.
DROP INDEX claims_by_document;
ALTER TABLE claims ADD COLUMN confirms BOOLEAN DEFAULT false;  -- DuckDB 1.5 adds no column with a constraint
