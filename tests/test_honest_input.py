"""Honest input (issue 13, item 5): mixed encodings, stray quotes, hostile workbooks, links
named like inputs, huge articles; and commands that only read open the case read-only."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reckon.articles.read import read_article
from reckon.case import Case
from reckon.cli.main import app
from reckon.errors import InputError
from reckon.lists.store import load_records

runner = CliRunner()
PERSIAN = ["علی رضایی", "مریم احمدی", "حسن کاظم پور", "زهرا موسوی"]  # the third is written in cp1256
LOLS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


@pytest.fixture
def case_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    Case.init(folder).close()
    return folder


def _add(case_folder: Path, file: Path, name: str) -> object:
    return runner.invoke(app, ["lists", "add", str(file), "--name", name, "--case", str(case_folder)])


def test_a_utf8_list_with_one_cp1256_row_keeps_every_name_readable(case_folder, tmp_path):
    # Fails on the code before issue 13: the whole file was read as cp1256, every name garbled, exit 0.
    lines = [f"{i},{name},{30 + i}" for i, name in enumerate(PERSIAN, start=1)]
    data = b"id,name,age\n" + b"".join(
        (line + "\n").encode("cp1256" if i == 2 else "utf-8") for i, line in enumerate(lines)
    )
    (tmp_path / "mixed.csv").write_bytes(data)
    result = _add(case_folder, tmp_path / "mixed.csv", "mixed")
    assert result.exit_code == 0, result.output
    assert "line 4 is not UTF-8 and was decoded as cp1256" in " ".join(result.output.split())
    with Case.open(case_folder, read_only=True) as case:
        assert load_records(case, columns=["name_native"])["name_native"].tolist() == PERSIAN


def test_rows_swallowed_by_stray_quotes_are_quarantined_not_merged(case_folder, tmp_path):
    # Fails on the code before issue 13: five people became three records, 0 quarantined, exit 0.
    (tmp_path / "quotes.csv").write_text(
        'id,name,age\n1,Ali Ahmadi,30\n2,"Reza Karimi,31\n3,Sara Hosseini,25\n4,Mina Rahimi",40\n5,Omid Jafari,50\n',
        encoding="utf-8",
    )
    result = _add(case_folder, tmp_path / "quotes.csv", "quotes")
    assert result.exit_code == 0, result.output
    assert "2 records, 3 row(s) quarantined" in result.output
    problems = runner.invoke(app, ["lists", "problems", "--case", str(case_folder), "--format", "json"])
    rows = json.loads(problems.output)
    assert [r["row_number"] for r in rows] == [3, 4, 5]
    assert all("stray quotes" in r["reason"] and "line 3 closes only on line 5" in r["reason"] for r in rows)
    assert [r["original"]["name"] for r in rows] == ['"Reza Karimi', "Sara Hosseini", 'Mina Rahimi"']
    with Case.open(case_folder, read_only=True) as case:
        assert load_records(case, columns=["name"])["name"].tolist() == ["Ali Ahmadi", "Omid Jafari"]


def test_a_cell_that_spans_lines_legitimately_is_kept(case_folder, tmp_path):
    (tmp_path / "notes.csv").write_text('id,name,notes\n1,Ali Ahmadi,"shot near the bazaar\nburied in Qom"\n2,Sara Hosseini,\n')
    result = _add(case_folder, tmp_path / "notes.csv", "notes")
    assert "2 records, 0 row(s) quarantined" in result.output


def _workbook(path: Path, sheet_xml=None) -> Path:
    """A real .xlsx from openpyxl; ``sheet_xml`` rewrites its first sheet's XML."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["id", "name"])
    book.active.append([1, "Ali Ahmadi"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(buffer)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml" and sheet_xml is not None:
                data = sheet_xml(data.decode("utf-8")).encode("utf-8")
            out.writestr(name, data)
    return path


def test_a_workbook_with_dtd_entities_is_refused_in_one_line(case_folder, tmp_path):
    # Fails on the code before issue 13: the entities were expanded (or a raw ParseError traceback).
    laughs = _workbook(tmp_path / "laughs.xlsx", lambda xml: LOLS + xml.replace("Ali Ahmadi", "&lol3;"))
    result = _add(case_folder, laughs, "laughs")
    assert result.exit_code == 1
    assert result.output.startswith("Error: laughs.xlsx: the workbook's xl/worksheets/sheet1.xml declares a DTD")
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) <= 2


@pytest.mark.parametrize("kind", ["not a zip", "a zip of other files", "a sheet cut in half"])
def test_a_junk_workbook_gets_one_clean_error(case_folder, tmp_path, kind):
    # Fails on the code before issue 13 for a damaged sheet: a raw ParseError traceback.
    path = tmp_path / "junk.xlsx"
    if kind == "not a zip":
        path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    elif kind == "a zip of other files":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("notes.txt", "hello")
    else:
        _workbook(path, lambda xml: xml[: len(xml) // 2])
    result = _add(case_folder, path, "junk")
    assert result.exit_code == 1
    assert result.output.startswith("Error: junk.xlsx: not a readable .xlsx workbook")
    assert "Traceback" not in result.output


def test_an_article_named_link_to_a_system_file_is_refused(case_folder, tmp_path):
    # Fails on the code before issue 13: /etc/passwd was stored as a document.
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    result = runner.invoke(app, ["articles", "add", str(tmp_path / "passwd.txt"), "--case", str(case_folder)])
    assert result.exit_code == 1
    assert "is a symbolic link (to /etc/passwd); reckon does not follow links here" in " ".join(result.output.split())
    listed = runner.invoke(app, ["articles", "list", "--case", str(case_folder), "--format", "json"])
    assert listed.output.strip() == "[]"


def test_a_list_behind_a_link_is_refused(case_folder, tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("id,name\n1,Ali Ahmadi\n")
    (tmp_path / "list.csv").symlink_to(real)
    result = _add(case_folder, tmp_path / "list.csv", "linked")
    assert result.exit_code == 1 and "is a symbolic link" in result.output


def test_an_article_too_long_to_read_quickly_is_refused_with_the_way_out(tmp_path):
    # Fails on the code before issue 13: no limit on the text; 8 MB took minutes holding the case.
    path = tmp_path / "huge.txt"
    path.write_text("Protesters gathered again. " * 40_000)  # 1.08 million characters
    with pytest.raises(InputError, match=r"1\.1 million characters of text, over the 1 million .* raise --max-chars"):
        read_article(path)
    short = tmp_path / "short.txt"
    short.write_text("At least 12 people were killed, the ministry said. " * 40)
    result = runner.invoke(app, ["claims", str(short), "--max-chars", "1000"])
    assert result.exit_code == 1 and "over the 0.001 million" in " ".join(result.output.split())
    assert runner.invoke(app, ["claims", str(short), "--max-chars", "5000", "--format", "json"]).exit_code == 0


def test_commands_that_only_read_run_beside_another_reader(case_folder, tmp_path):
    # Fails on the code before issue 13: `reckon lists` & co. opened the case for writing and were locked out.
    (tmp_path / "l.csv").write_text("id,name\n1,Ali Ahmadi\n")
    assert _add(case_folder, tmp_path / "l.csv", "l").exit_code == 0
    reader = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from reckon.case import Case; c = Case.open(sys.argv[1], read_only=True); "
         "print('open', flush=True); time.sleep(120)", str(case_folder)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "open"
        for command in (["lists"], ["lists", "show"], ["lists", "problems"], ["articles", "list"], ["claims"],
                        ["ledger"], ["audit"], ["persons"]):
            result = runner.invoke(app, [*command, "--case", str(case_folder)])
            assert "another reckon command" not in result.output, command
            if command != ["persons"]:  # persons: "no linkage run in this case yet"
                assert result.exit_code == 0, (command, result.output)
    finally:
        reader.kill()
        reader.wait()
