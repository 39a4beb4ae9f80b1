"""How the tests are written, held so: they reach budgetbook (and XlsxWriter) through public
names; no test module imports another's cases (what several share lives in conftest.py or a
helper module: projects.py, spoiled_inputs.py, recalc.py, hostile.py, typed_by_hand.py); a test
that starts LibreOffice carries the ``libreoffice`` marker, which conftest.py's guard enforces
wherever in budgetbook LibreOffice is started from; and a test that starts Gnumeric carries the
``gnumeric`` marker, held by a guard on recalc.py's ``run_ssconvert``. The guards' tests start
neither: the guard stops them first."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.commands import export
from budgetbook.write import libreoffice
from tests import recalc

RUN_SOFFICE = libreoffice.run_soffice  # as imported, before any fixture wraps it
RUN_SSCONVERT = recalc.run_ssconvert
UNMARKED = r"starts LibreOffice but is not marked: add @pytest\.mark\.libreoffice"
UNMARKED_GNUMERIC = r"starts Gnumeric but is not marked: add @pytest\.mark\.gnumeric"
TESTS = Path(__file__).parent
PRIVATE = re.compile(r"_(?!_)\w*")  # _name, not __dunder__
PRIVATE_TARGET = re.compile(r"budgetbook(\.\w+)*\._(?!_)\w*")  # "budgetbook.module._name"


def _test_code() -> dict[str, ast.Module]:
    return {path.name: ast.parse(path.read_text(encoding="utf-8")) for path in TESTS.glob("*.py")}


def _private_uses(tree: ast.Module) -> list[str]:
    """Where a module imports, reads or patches a private name, with the line."""
    found = []
    for node in ast.walk(tree):
        uses = []
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            uses = [f"import {a.name}" for a in node.names if PRIVATE.fullmatch(a.name)]
        elif isinstance(node, ast.Attribute) and PRIVATE.fullmatch(node.attr):
            uses = [f".{node.attr}"]
        elif isinstance(node, ast.Call):  # setattr(module, "_name", ...), "budgetbook.m._name"
            call = getattr(node.func, "attr", getattr(node.func, "id", ""))
            texts = [a.value for a in node.args[:2] if isinstance(a, ast.Constant)]
            texts = [t for t in texts if isinstance(t, str)]
            if call in ("setattr", "getattr", "delattr", "hasattr"):
                uses = [f"{call} {t!r}" for t in texts if PRIVATE.fullmatch(t)]
            uses += [f"{call} {t!r}" for t in texts if PRIVATE_TARGET.fullmatch(t)]
        found += [f"line {node.lineno}: {use}" for use in uses]
    return found


def test_the_private_name_check_sees_each_way_in():
    code = """
from budgetbook.read.values import _parse, parse_amount
width = sheet._page_pt(1) + sheet.ROW_PT + len(__name__)
monkeypatch.setattr(book, "_sheet_class", Worksheet)
monkeypatch.setattr("budgetbook.write.book._sheet_class", Worksheet)
monkeypatch.setattr(book, "worksheet_class", Worksheet)
"""
    assert sorted(_private_uses(ast.parse(code))) == [
        "line 2: import _parse",
        "line 3: ._page_pt",
        "line 4: setattr '_sheet_class'",
        "line 5: setattr 'budgetbook.write.book._sheet_class'",
    ]


def test_tests_use_no_private_name():
    """A test that reaches a private name breaks when the name is renamed, though nothing a
    user sees changed: test through a public function, or give the unit a public name."""
    found = {name: uses for name, tree in _test_code().items() if (uses := _private_uses(tree))}
    assert found == {}


def test_no_test_module_imports_another():
    """A test module imported by another ties the two together (a case renamed in one breaks
    the other; a test function imported is collected, and run, twice): what both need belongs
    in conftest.py or a helper module."""
    found = {}
    for name, tree in _test_code().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            bad = [m for m in modules if re.fullmatch(r"(tests\.)?test_\w+", m)]
            if bad:
                found.setdefault(name, []).extend(bad)
    assert found == {}


@pytest.fixture
def soffice_found(monkeypatch):
    """LibreOffice found, installed or not: only the guard stands before its start."""
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(export, "find_soffice", lambda: "soffice")


def test_an_unmarked_test_converting_a_workbook_fails_naming_the_marker(soffice_found, tmp_path):
    with pytest.raises(pytest.fail.Exception, match=UNMARKED) as failed:
        libreoffice.convert(tmp_path / "book.xlsx", tmp_path / "out")
    assert "test_an_unmarked_test_converting_a_workbook_fails_naming_the_marker" in str(
        failed.value
    )


def test_the_cli_does_not_turn_the_guard_into_a_message(soffice_found, sample_book, tmp_path):
    """``budgetbook export`` turns every Exception into a message: the guard's failure is not
    one of them."""
    with pytest.raises(pytest.fail.Exception, match=UNMARKED):
        CliRunner().invoke(main, ["export", str(sample_book), "--pdf", "-o", tmp_path / "a.pdf"])


@pytest.mark.libreoffice
def test_a_marked_test_starts_libreoffice_as_budgetbook_does():
    assert libreoffice.run_soffice is RUN_SOFFICE


@pytest.fixture
def ssconvert_found(monkeypatch):
    """Gnumeric found, installed or not: only the guard stands before its start."""
    monkeypatch.setattr(recalc, "find_ssconvert", lambda: "ssconvert")


def test_an_unmarked_test_recalculating_in_gnumeric_fails_naming_the_marker(
    ssconvert_found, tmp_path
):
    with pytest.raises(pytest.fail.Exception, match=UNMARKED_GNUMERIC) as failed:
        recalc.gnumeric_recalculate(tmp_path / "book.xlsx", tmp_path / "out")
    assert "test_an_unmarked_test_recalculating_in_gnumeric_fails_naming_the_marker" in str(
        failed.value
    )


@pytest.mark.gnumeric
def test_a_marked_test_starts_gnumeric_as_the_helper_does():
    assert recalc.run_ssconvert is RUN_SSCONVERT
