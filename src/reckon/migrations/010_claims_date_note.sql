-- How a claim's date was read when the text gave it relative to the story ("on Friday",
-- "yesterday", a month without a year, or an undated lede of a story printed after its
-- dateline): the expression and the date it was resolved against, e.g.
-- '“on Friday” read against the dateline (2031-05-03)'. NULL when the text gave the date in
-- full, or gave none. Claims stored before this migration read NULL.
ALTER TABLE claims ADD COLUMN claim_date_note TEXT;
