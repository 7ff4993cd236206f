"""Schema migrations: NNN_name.sql files, applied once each, in order (see reckon.case)."""
