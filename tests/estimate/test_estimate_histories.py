"""read_capture_csv refuses bad input with the file, the row and the fix; hashing is order-free."""

from __future__ import annotations

import pytest

from reckon.errors import InputError
from reckon.estimate.histories import from_rows, histories_hash, read_capture_csv

GOOD = "A,B,C,count\n1,0,0,5\n0,1,0,4\n1,1,0,2\n0,0,1,3\n"


@pytest.mark.parametrize(
    ("text", "row", "words"),
    [
        ("A,B,count\n1,0,5\n2,1,3\n", 3, ["holds '2'", "use 1"]),
        ("A,B,count\n1,0,-1\n", 2, ["not a whole number", "0, 1, 2"]),
        ("A,B,count\n1,0,2.5\n", 2, ["not a whole number"]),
        ("A,B,count\n1,0,5\n0,0,3\n", 3, ["all-zero pattern", "delete this row"]),
        ("A,B,count\n1,0,5\n0,1\n", 3, ["cells but the header has"]),
    ],
)
def test_bad_rows_name_file_row_and_fix(csv_file, text, row, words):
    path = csv_file("bad.csv", text)
    with pytest.raises(InputError) as caught:
        read_capture_csv(path)
    error = caught.value
    assert error.file == "bad.csv"
    assert error.row == row
    assert error.fix
    for word in words:
        assert word in str(error)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("A,B,n\n1,0,5\n", ["no `count` column", "add a `count` column"]),
        ("A,B,count\n1,0,5\n1,0,3\n", ["appears twice", "merge the rows"]),
        ("A,count\n1,5\n", ["1 list column", "at least 2 lists"]),
        (",".join(f"L{i}" for i in range(16)) + ",count\n" + ",".join(["1"] * 16) + ",1\n", ["16 lists", "at most 15"]),
        ("", ["is empty"]),
    ],
)
def test_bad_tables_name_file_and_fix(csv_file, text, words):
    path = csv_file("bad.csv", text)
    with pytest.raises(InputError) as caught:
        read_capture_csv(path)
    assert caught.value.file == "bad.csv"
    assert caught.value.fix
    for word in words:
        assert word in str(caught.value)


def test_reads_counts_and_strata(csv_file):
    path = csv_file("s.csv", "A,B,region,count\n1,0,north,5\n0,1,north,4\n1,1,south,2\n1,0,south,7\n")
    by_stratum = read_capture_csv(path, strata="region")
    assert set(by_stratum) == {"north", "south"}
    assert by_stratum["north"].observed == 9
    assert by_stratum["south"].list_totals() == {"A": 9, "B": 2}


def test_hash_ignores_row_order_and_source(csv_file):
    first = read_capture_csv(csv_file("a.csv", GOOD))[None]
    shuffled = "A,B,C,count\n0,0,1,3\n1,1,0,2\n0,1,0,4\n1,0,0,5\n"
    second = read_capture_csv(csv_file("b.csv", shuffled))[None]
    assert histories_hash(first) == histories_hash(second)
    assert len(histories_hash(first)) == 64
    changed = from_rows(["A", "B", "C"], [((1, 0, 0), 6), ((0, 1, 0), 4), ((1, 1, 0), 2), ((0, 0, 1), 3)])
    assert histories_hash(changed) != histories_hash(first)
