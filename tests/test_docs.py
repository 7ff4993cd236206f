"""Docs that cannot drift: the README's commands, CI, and help text on every command."""

from __future__ import annotations

import re
from pathlib import Path

import click
import typer.main

from reckon.cli.main import app
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", readme, flags=re.S)]


def test_readme_opens_with_exactly_the_two_commands():
    first, second = _readme_commands()[:2]
    assert first == "pip install . && reckon demo"
    assert "pytest" in second and "\n" not in second


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = _readme_commands()[1]
    ci_lines = [line.strip() for line in (PROJECT_ROOT / ".ci" / "run").read_text().splitlines()]
    assert test_command in ci_lines


def _walk(command: click.Command, path: str = "reckon"):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _walk(sub, f"{path} {name}")


def test_every_command_and_option_teaches():
    missing = []
    for path, command in _walk(typer.main.get_command(app)):
        if not (command.help or "").strip():
            missing.append(f"{path}: no help")
        for param in command.params:
            if isinstance(param, click.Option) and not (param.help or "").strip() and param.name not in (
                "install_completion", "show_completion", "help"):
                missing.append(f"{path} {param.opts[0]}: no help")
    assert missing == []


def test_public_names_are_exported():
    import reckon

    for name in reckon.__all__:
        assert getattr(reckon, name) is not None


def test_every_doc_the_readme_links_to_exists():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\((docs/[\w-]+\.md)\)", readme))
    assert len(linked) >= 10
    assert [path for path in sorted(linked) if not (PROJECT_ROOT / path).is_file()] == []
