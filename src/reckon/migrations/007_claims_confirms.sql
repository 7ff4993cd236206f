-- Whether the text says the claimant "confirmed" (corroborated, verified) the figure. The
-- extractor decides it from the sentence, so the ledger never reads article text again.
-- Claims stored before this migration read false. DuckDB alters no table an index depends
-- on, so the index is dropped and built again.
DROP INDEX claims_by_document;
ALTER TABLE claims ADD COLUMN confirms BOOLEAN DEFAULT false;  -- DuckDB 1.5 adds no column with a constraint
CREATE INDEX claims_by_document ON claims (document_sha256);
