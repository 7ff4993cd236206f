-- How a claim's date was read when the text gave it relative to the story ("on Friday",
-- "yesterday", a month without a year, or an undated lede of a story printed after its
-- dateline): the expression and the date it was resolved against, e.g.
-- '“on Friday” read against the dateline (2031-05-03)'. NULL when the text gave the date in
-- full, or gave none. Claims stored before this migration read NULL. DuckDB alters no table an
-- index depends on, so the index is dropped and built again.
DROP INDEX claims_by_document;
ALTER TABLE claims ADD COLUMN claim_date_note TEXT;
CREATE INDEX claims_by_document ON claims (document_sha256);
