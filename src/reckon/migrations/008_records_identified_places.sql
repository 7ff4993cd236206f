-- Every documented death is kept, and places resolve to one canonical place (issue 11).
--
-- Other whole names the list gives in a note inside the name ("Maryam Zarei (Ghasemi)"
-- -> ["Maryam Ghasemi"]): a JSON array of text, NULL when there is none.
ALTER TABLE records ADD COLUMN name_alternatives JSON;
-- The canonical place (reckon.places: GeoNames cities, ISO 3166-2 provinces) that the
-- place and province cells resolve to; the cells themselves stay as written. NULL where
-- nothing resolved (and in lists added before this migration).
ALTER TABLE records ADD COLUMN place_id TEXT;              -- GeoNames id of the city or town
ALTER TABLE records ADD COLUMN place_name TEXT;            -- its name in Latin script
ALTER TABLE records ADD COLUMN place_name_native TEXT;     -- its name in the country's script
ALTER TABLE records ADD COLUMN province_id TEXT;           -- ISO 3166-2 code, e.g. IR-07
ALTER TABLE records ADD COLUMN province_name TEXT;         -- in Latin script
ALTER TABLE records ADD COLUMN province_name_native TEXT;  -- in the country's script
ALTER TABLE records ADD COLUMN country TEXT;               -- ISO 3166-1 alpha-2, e.g. IR
ALTER TABLE records ADD COLUMN latitude DOUBLE;            -- of the place, else of the province
ALTER TABLE records ADD COLUMN longitude DOUBLE;
-- identified: false for a record without any name (age, place or date given): an
-- unidentified victim, counted as documented but never linked by name. Records added
-- before this migration all had a name (nameless rows were quarantined): true, by the
-- default. (DuckDB 1.5 commits no transaction that alters a table after adding a column
-- with a default to it, nor one that updates it: this stays the table's last change.)
ALTER TABLE records ADD COLUMN identified BOOLEAN DEFAULT true;
-- The country a list's places were resolved in: given (--country) or the one most of
-- its places name.
ALTER TABLE lists ADD COLUMN country TEXT;
