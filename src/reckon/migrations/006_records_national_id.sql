-- An identity-card / national-code / social-security number, where a list gives one.
-- Stored as text of ASCII digits: Iranian national codes have 10 digits and may start
-- with 0, so the number must never be read as a number. NULL in lists added before.

ALTER TABLE records ADD COLUMN national_id TEXT;
