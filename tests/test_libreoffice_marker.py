"""The guard of tests/conftest.py: a test that starts LibreOffice without the ``libreoffice``
marker fails, naming the marker, wherever in budgetbook LibreOffice is started from. These
tests start none: the guard stops it first."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.commands import export
from budgetbook.write import libreoffice

RUN_SOFFICE = libreoffice.run_soffice  # as imported, before any fixture wraps it
UNMARKED = r"starts LibreOffice but is not marked: add @pytest\.mark\.libreoffice"


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
