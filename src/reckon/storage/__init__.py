"""How a case sits on disk: safe files, encryption at rest, and rewriting the database file.

    files.py        private modes, no symlinks, atomic writes, where outputs may go
    encryption.py   passphrase -> keys (scrypt), the key-check file, DuckDB's encrypted ATTACH
    rewrite.py      copy the database into a fresh file (real deletion, encrypting a case)
"""
