"""Shared fixtures: the sample project, a factory for small projects written on the fly, and
the guards that hold every test starting LibreOffice to its ``libreoffice`` marker and every
test starting Gnumeric to its ``gnumeric`` marker."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from budgetbook.commands.build import build_workbook
from budgetbook.write import libreoffice
from tests import recalc

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "atelier-lune"


@pytest.fixture(scope="session")
def sample_book(tmp_path_factory) -> Path:
    """The sample project's workbook, built once per test session."""
    output = tmp_path_factory.mktemp("sample") / "atelier-lune.xlsx"
    build_workbook(SAMPLE, output)
    return output


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_project(
    root: Path,
    lines: list[list[object]],
    actuals: list[list[object]] | None = None,
    start: str = "2026-01",
    months: int = 4,
    carry_over: str = "none",
) -> Path:
    """A project folder: ``lines`` are [category, line, channel, carry_over, *amounts]."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "budgetbook.toml").write_text(
        f'[company]\nname = "Test & Co"\ncurrency = "EUR"\n\n'
        f'[budget]\nstart = "{start}"\nmonths = {months}\ncarry_over = "{carry_over}"\n',
        encoding="utf-8",
    )
    year, month = (int(part) for part in start.split("-"))
    headers = []
    for index in range(months):
        y, m = divmod(month - 1 + index, 12)
        headers.append(f"{year + y:04d}-{m + 1:02d}")
    write_csv(
        root / "budget.csv", [["category", "line", "channel", "carry_over", *headers], *lines]
    )
    if actuals is not None:
        write_csv(
            root / "actuals" / "ledger.csv",
            [["date", "amount", "line", "description", "vendor", "account"], *actuals],
        )
    return root


@pytest.fixture
def project_factory(tmp_path):
    def make(*args, **kwargs) -> Path:
        return write_project(tmp_path / "project", *args, **kwargs)

    return make


def pytest_addoption(parser):
    parser.addoption(
        "--slow",
        action="store_true",
        help="run the property tests with many more examples (random projects, formats)",
    )


def pytest_configure(config):
    """Hypothesis examples per property: a few dozen by default, many more with --slow."""
    from hypothesis import settings

    settings.register_profile("budgetbook", max_examples=60, deadline=None)
    settings.register_profile("slow", max_examples=1000, deadline=None)
    settings.load_profile("slow" if config.getoption("--slow") else "budgetbook")


@pytest.fixture(scope="session")
def slow(request) -> bool:
    return request.config.getoption("--slow")


@pytest.fixture(autouse=True)
def libreoffice_only_under_its_marker(request, monkeypatch):
    """A test that starts LibreOffice without the ``libreoffice`` marker fails, naming it:
    the marker is how such tests are chosen (``-m libreoffice``) or left out
    (``-m "not libreoffice"``), and CI (BUDGETBOOK_REQUIRE_LIBREOFFICE=1 or
    BUDGETBOOK_REQUIRE_ENGINES=1) runs them all.

    Every start of LibreOffice goes through ``budgetbook.write.libreoffice.run_soffice``
    (``convert``, ``convert_all``, ``budgetbook export``, tests/recalc.py's ``recalculate``).
    The failure is pytest's, which no ``except Exception`` in budgetbook or click swallows."""
    if request.node.get_closest_marker("libreoffice") is not None:
        return

    def unmarked(command: list[str], timeout: float):
        pytest.fail(
            f"{request.node.nodeid} starts LibreOffice but is not marked: add"
            " @pytest.mark.libreoffice to it (or pytestmark = pytest.mark.libreoffice to its"
            " module)",
            pytrace=False,
        )

    monkeypatch.setattr(libreoffice, "run_soffice", unmarked)


@pytest.fixture(autouse=True)
def gnumeric_only_under_its_marker(request, monkeypatch):
    """A test that starts Gnumeric without the ``gnumeric`` marker fails, naming it, as one
    starting LibreOffice without its marker does (``-m gnumeric``, ``-m "not gnumeric"``; CI
    runs them all, a missing ssconvert failing them). Budgetbook itself never starts Gnumeric:
    every start goes through tests/recalc.py's ``run_ssconvert``."""
    if request.node.get_closest_marker("gnumeric") is not None:
        return

    def unmarked(command: list[str], timeout: float):
        pytest.fail(
            f"{request.node.nodeid} starts Gnumeric but is not marked: add"
            " @pytest.mark.gnumeric to it (or pytestmark = pytest.mark.gnumeric to its module)",
            pytrace=False,
        )

    monkeypatch.setattr(recalc, "run_ssconvert", unmarked)
