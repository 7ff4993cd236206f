"""The team that works on a served case: accounts with roles, their sessions, shared settings.

    users.py      add, list, remove users; passwords (argon2id); log in; sessions
    settings.py   the few settings an admin changes for everyone (review range, threshold)

The tables (migration 011) belong to these two modules; the web UI and `reckon user`
call them. Password hashing needs argon2-cffi, from the ``web`` extra.
"""
