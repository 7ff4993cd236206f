"""Victim lists: reading any list file into canonical records, and storing lists in a case.

    tables.py    a .csv/.xlsx/.json file -> a table of text cells (quarantining unreadable rows)
    columns.py   headers -> canonical fields (auto-mapping in English and Persian, --map)
    values.py    one cell -> a value: names, ages, dates in both calendars and scripts, sex, ids
    records.py   the table's rows -> canonical records (and the rows set aside, with reasons)
    reading.py   read_list(): the three steps above, no case needed
    store.py     the `lists`, `records` and `quarantine` tables: add_list(), load_records(), ...

Text decoding follows the one policy of ``reckon.encoding``, shared with articles.
"""
