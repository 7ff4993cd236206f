-- Victim lists: one row per imported list, one row per readable record, one per quarantined row.

CREATE TABLE lists (
    name               TEXT PRIMARY KEY,        -- the name given with --name
    organisation       TEXT,
    list_date          TEXT,                    -- ISO date (or YYYY-MM / YYYY) the list was published
    file               TEXT NOT NULL,           -- the file's name as given
    sha256             TEXT NOT NULL,           -- of the original bytes; the same file is never added twice
    kind               TEXT NOT NULL,           -- csv, xlsx or json
    encoding           TEXT,                    -- the text encoding used (NULL for xlsx)
    mapping            JSON NOT NULL,           -- {canonical field: column} as used
    extra_columns      JSON NOT NULL,           -- [column, ...] kept verbatim in records.extra
    reader_notes       JSON NOT NULL,           -- [what the reader decided: encoding, sheet, date order, ...]
    row_count          INTEGER NOT NULL,        -- records stored
    quarantined_count  INTEGER NOT NULL,        -- rows that could not be read (see quarantine)
    added_at           TIMESTAMP NOT NULL
);

CREATE TABLE records (
    record_id           TEXT PRIMARY KEY,       -- '<list>:<source_record_id>' or '<list>:#<row_number>'
    list_name           TEXT NOT NULL,
    row_number          INTEGER NOT NULL,       -- row in the file (header = row 1); JSON: position in the array
    source_record_id    TEXT,
    name                TEXT,                   -- in Latin script
    name_native         TEXT,                   -- in Persian/Arabic script
    given_name          TEXT,
    family_name         TEXT,
    father_name         TEXT,
    sex                 TEXT,                   -- 'm', 'f' or NULL
    age_text            TEXT,                   -- as written
    age_low             INTEGER,
    age_high            INTEGER,                -- NULL when open-ended ("over 60")
    birth_year          INTEGER,                -- Gregorian
    date_of_birth       TEXT,                   -- ISO: YYYY-MM-DD, YYYY-MM, YYYY or low/high
    date_of_death       TEXT,                   -- ISO: YYYY-MM-DD, YYYY-MM, YYYY or low/high
    date_of_death_low   DATE,
    date_of_death_high  DATE,
    place_of_death      TEXT,
    province            TEXT,
    notes               TEXT,                   -- the list's own notes column
    import_notes        TEXT,                   -- values we could not read and set to NULL, '; '-separated
    original            JSON NOT NULL,          -- the row verbatim: {column: cell}
    extra               JSON                    -- unknown columns: {column: cell}
);

CREATE TABLE quarantine (
    list_name   TEXT NOT NULL,
    row_number  INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    original    JSON NOT NULL,
    PRIMARY KEY (list_name, row_number)
);
