-- Each audit row also records a digest of the data its change left behind, so editing or
-- deleting a record (not only an audit row) is detected. JSON:
-- {"tables": {table: {part: [row count, digest] or null}}, "complete": [tables listed whole]}.
-- NULL in rows written before this migration; its own audit row records every tracked table.
ALTER TABLE audit ADD COLUMN digests TEXT;
