"""The manual holds to the code: every command is listed with its own help text, and every JSON
key it documents is what the command prints (run on the demo council); the README is the front
door that links every page of it."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Store, demo_council, ok
from tests.test_help import COMMANDS, summary

README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGES = {"commands": ROOT / "docs" / "kommandoer.md", "json": ROOT / "docs" / "json.md"}


def _section(name: str) -> str:
    text = PAGES[name].read_text(encoding="utf-8")
    return text.split(f"<!-- {name} -->", 1)[1].split(f"<!-- /{name} -->", 1)[0]


@pytest.mark.no_store
def test_the_readme_links_every_page_of_the_manual_and_each_link_leads_somewhere() -> None:
    linked = set(re.findall(r"\]\(([^)#]+)\)", README))
    pages = {str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md")}
    assert pages and pages <= linked
    for target in linked:
        assert (ROOT / target).exists(), target
    for page in pages:  # the pages' links to each other, too
        for target in re.findall(r"\]\(([^)#:]+)\)", (ROOT / page).read_text(encoding="utf-8")):
            assert (ROOT / page).parent.joinpath(target).exists(), (page, target)


@pytest.mark.no_store
def test_the_manual_lists_every_command_with_its_help() -> None:
    rows = re.findall(r"^\| `udsat ([^`]+)` \| (.+) \|$", _section("commands"), re.M)
    assert [name for name, _ in rows] == [" ".join(c) for c in COMMANDS]
    for name, text in rows:
        assert text == summary(tuple(name.split())), name


# --- the JSON keys ----------------------------------------------------------------------------

_TOKEN = re.compile(r'\[|\]|\{|\}|"[^"]+"|:|,|\|null|[A-ZÆØÅ]+\+?')


def parse(spec: str) -> Any:
    """`{"a", "b": MØDE|null, "c": [OPGAVE]}` -> ("obj", {"a": None, "b": ("name", "MØDE",
    True), "c": ("list", ("name", "OPGAVE", False))})"""
    tokens = _TOKEN.findall(spec)
    position = 0

    def value() -> Any:
        nonlocal position
        token = tokens[position]
        position += 1
        if token == "{":
            keys: dict[str, Any] = {}
            while tokens[position] != "}":
                key = tokens[position].strip('"')
                position += 1
                keys[key] = None
                if tokens[position] == ":":
                    position += 1
                    keys[key] = value()
                if tokens[position] == ",":
                    position += 1
            position += 1
            found: Any = ("obj", keys)
        elif token == "[":
            found = ("list", value())
            assert tokens[position] == "]", spec
            position += 1
        else:
            found = ("name", token, False)
        if position < len(tokens) and tokens[position] == "|null":
            position += 1
            found = ("nullable", found)
        return found

    parsed = value()
    assert position == len(tokens), spec
    return parsed


def _definitions(section: str) -> dict[str, Any]:
    found = dict(re.findall(r"`([A-ZÆØÅ]+) = (\{[^`]+\})`", section))
    defs = {name: parse(spec) for name, spec in found.items()}
    defs["OPGAVE+"] = ("obj", {**defs["OPGAVE"][1], "section": None})
    return defs


def check(actual: Any, spec: Any, defs: dict[str, Any], where: str) -> int:
    """Compare a printed value with its documented shape; returns how many objects it checked."""
    kind = spec[0]
    if kind == "nullable":
        return 0 if actual is None else check(actual, spec[1], defs, where)
    assert actual is not None, f"{where} is null"
    if kind == "name":
        return check(actual, defs[spec[1]], defs, f"{where} ({spec[1]})")
    if kind == "list":
        assert isinstance(actual, list), where
        return sum(check(item, spec[1], defs, f"{where}[]") for item in actual)
    assert isinstance(actual, dict), where
    assert sorted(actual) == sorted(spec[1]), where
    return 1 + sum(
        check(actual[key], inner, defs, f"{where}.{key}")
        for key, inner in spec[1].items()
        if inner is not None
    )


DOCUMENTED = re.findall(r"^- `udsat ([^`]+)`: `(.+?)`", _section("json"), re.M)


@pytest.fixture
def demo(isolated_store: Store) -> Store:
    return demo_council(isolated_store)


@pytest.mark.parametrize(("command", "spec"), DOCUMENTED, ids=[c for c, _ in DOCUMENTED])
def test_json_keys_are_the_documented_ones(
    demo: Store, tmp_path: Path, command: str, spec: str
) -> None:
    minutes = tmp_path / "referat.txt"
    minutes.write_text(
        "Referat af bestyrelsesmøde\n\nDato: 3. maj 2021 kl. 19-21\nSted: Fælleshuset\n\n"
        "Deltagere: Anna Holm, Bo Dam\nAfbud: Carl Berg\n\n1. Havedag\n\n"
        "Anna bestiller containeren senest 20. maj.\n",
        encoding="utf-8",
    )
    argv = [a.replace("REFERAT.txt", str(minutes)) for a in shlex.split(command)]
    printed = json.loads(ok("--today", "2026-11-22", *argv))
    assert check(printed, parse(spec), _definitions(_section("json")), command) >= 1


@pytest.mark.no_store
def test_every_command_with_json_is_documented() -> None:
    from typer.main import get_command

    from tests.conftest import app

    documented = {c.split(" --")[0].split(' "')[0].split()[0] for c, _ in DOCUMENTED}
    documented |= {" ".join(c.split()[:2]) for c, _ in DOCUMENTED}
    for also in re.findall(r"ligeså ([^)]+)\)", _section("json")):
        documented |= set(also.replace("`", "").replace(" og ", ", ").split(", "))
    group = get_command(app)
    missing = []
    for path in COMMANDS:
        cmd = group
        for part in path:
            cmd = cmd.commands[part]
        if any("--json" in p.opts for p in cmd.params) and " ".join(path) not in documented:
            missing.append(" ".join(path))
    assert not missing
