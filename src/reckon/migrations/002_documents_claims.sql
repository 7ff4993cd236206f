-- Articles as ingested (never altered afterwards) and the casualty claims found in them.
-- Column names mirror reckon.sources.Document and reckon.claims.Claim; note that "end"
-- is an SQL keyword and must be quoted ("end") in hand-written queries.
CREATE TABLE documents (
    sha256      TEXT PRIMARY KEY,          -- of the original bytes: the same file is stored once
    file        TEXT NOT NULL,             -- base name as first added
    kind        TEXT NOT NULL CHECK (kind IN ('txt', 'html', 'pdf')),
    published   DATE,
    publisher   TEXT,
    title       TEXT,
    url         TEXT,
    text        TEXT NOT NULL,             -- claim offsets index into this
    encoding    TEXT,                      -- how a .txt was decoded (NULL for html/pdf)
    added_at    TIMESTAMP NOT NULL
);

CREATE TABLE claims (
    id               TEXT PRIMARY KEY,     -- first 16 hex of the document hash, '#', ordinal
    document_sha256  TEXT NOT NULL REFERENCES documents (sha256),
    ordinal          INTEGER NOT NULL,     -- order of the claim in its document, from 1
    file             TEXT NOT NULL,
    figure_low       BIGINT,
    figure_high      BIGINT,
    category         TEXT NOT NULL CHECK (category IN ('killed', 'injured', 'arrested', 'missing', 'executed', 'scope')),
    qualifier        TEXT NOT NULL CHECK (qualifier IN ('exact', 'at least', 'over', 'about', 'up to', 'between', 'vague')),
    claimant         TEXT NOT NULL,
    claimant_key     TEXT NOT NULL,
    quote            TEXT NOT NULL,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    via              TEXT,
    claim_date       TEXT,                 -- YYYY-MM-DD or YYYY-MM
    event            TEXT,
    place            TEXT,
    period           TEXT,
    subgroup         TEXT,
    unit             TEXT,
    hedged           BOOLEAN NOT NULL,
    disputed_by      TEXT,
    alt_quotes       TEXT NOT NULL,        -- JSON list of {text, start, end}
    document_date    TEXT,
    vague_convention TEXT NOT NULL,        -- 'reckon' or 'acled': how vague words became figures
    CHECK (0 <= start AND start <= "end"),
    CHECK (figure_low IS NOT NULL OR figure_high IS NOT NULL)
);

CREATE INDEX claims_by_document ON claims (document_sha256);
