"""Every command starts fast: importing the CLI loads none of the heavy stage libraries."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("spacy", "splink", "scipy", "numba", "pandas", "trafilatura", "pypdf")


def test_cli_import_loads_no_heavy_library():
    code = (
        "import json, sys; import reckon.cli.main; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert loaded == []
