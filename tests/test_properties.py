"""Properties over generated input: finance files written in every supported style read back to
the same transactions; random bytes never raise anything but budgetbook's own error; random
projects, recalculated in LibreOffice and in Gnumeric, agree with Python on every formula cell.

A few dozen examples by default; ``pytest --slow`` runs many more."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgetbook.commands.build import build_workbook
from budgetbook.errors import BudgetbookError
from budgetbook.model import (
    BudgetLine,
    CarryOver,
    Config,
    FileSettings,
    Period,
)
from budgetbook.read import tables
from budgetbook.read.actuals import read_actuals_file
from budgetbook.read.tables import read_table
from budgetbook.write.libreoffice import convert_all
from tests.projects import random_project
from tests.recalc import compare, gnumeric_recalculate_all, require_libreoffice

# --- finance files in every style ----------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    delimiter: str
    encoding: str
    decimal: str
    thousands: str
    day_first_slashes: bool
    newline: str
    currency: str


STYLES = st.builds(
    Style,
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    decimal=st.sampled_from([".", ","]),
    thousands=st.sampled_from(["", " ", "\u00a0", ".", ","]),
    day_first_slashes=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n"]),
    currency=st.sampled_from(["", " €", "€", " EUR"]),
).filter(lambda s: s.thousands != s.decimal)
DAYS = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31))
AMOUNTS = st.decimals(
    min_value=Decimal("-99999.99"), max_value=Decimal("99999.99"), places=2
).filter(lambda d: d.is_finite())
TEXT = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ éèàçôù'&-0123456789",
    max_size=30,
).filter(lambda t: not t.strip().casefold().startswith(("total", "sous")))
ROWS = st.lists(st.tuples(DAYS, AMOUNTS, TEXT), min_size=1, max_size=25)
CONFIG = Config("Test", "EUR", Period(date(2026, 1, 1), 12), CarryOver.NONE)
# Amounts of either sign, as many as chance gives: the file says which way it counts spending.
SIGNED = replace(CONFIG, actuals_sources=(FileSettings("*.csv", sign="positive"),))
LINES = [BudgetLine("Tools", "Canva", "", CarryOver.NONE, (Decimal(0),) * 12)]


def written_amount(amount: Decimal, style: Style) -> str:
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    number = style.thousands.join([whole, *groups]) + style.decimal + cents
    return ("-" if amount < 0 else "") + number + style.currency


def written_file(rows, style: Style) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=style.delimiter, lineterminator=style.newline)
    writer.writerow(["Date", "Montant", "Ligne", "Libellé"])
    for day, amount, text in rows:
        shown = day.strftime("%d/%m/%Y") if style.day_first_slashes else day.isoformat()
        writer.writerow([shown, written_amount(amount, style), "Canva", text])
    return out.getvalue().encode(style.encoding)


@given(rows=ROWS, style=STYLES)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_style_reads_back_the_same_transactions(tmp_path, rows, style):
    path = tmp_path / "export.csv"
    path.write_bytes(written_file(rows, style))
    taken = read_actuals_file(path, "export.csv", SIGNED, LINES, [], {})
    assert taken.not_counted == []
    got = [(t.date, t.amount, t.description) for t in taken.transactions]
    assert got == [(day, amount, text.strip()) for day, amount, text in rows]


@given(
    data=st.one_of(st.binary(max_size=4000), st.binary(max_size=4000).map(b"PK\x03\x04".__add__))
)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_random_bytes_raise_only_budgetbooks_own_error(tmp_path, data, suffix):
    path = tmp_path / f"noise{suffix}"
    path.write_bytes(data)
    try:
        read_table(path, path.name)
    except BudgetbookError as exc:
        assert str(exc).startswith(path.name)


# --- random projects through LibreOffice and Gnumeric -------------------------------------------


def _random_books(tmp_path, count: int, monkeypatch) -> list:
    """``count`` random projects' workbooks, the same ones at every run."""
    rng = random.Random(20261123)
    books = []
    (tmp_path / "books").mkdir()
    for index in range(count):
        project = random_project(tmp_path / f"project-{index}", rng)
        # Every other project's finance file parsed by polars, as a large one is.
        monkeypatch.setattr(tables, "FRAME_FROM_BYTES", 0 if index % 2 else 10**15)
        books.append(build_workbook(project, tmp_path / "books" / f"book-{index}.xlsx").output)
    return books


def _all_agree(books: list, recalculated: list) -> int:
    checked = 0
    for book, fresh in zip(books, recalculated, strict=True):
        cells, mismatches = compare(book, fresh)
        assert mismatches == [], book.name
        checked += cells
    return checked


@pytest.mark.libreoffice
def test_random_projects_agree_with_libreoffice(tmp_path, slow, monkeypatch):
    require_libreoffice()
    count = 200 if slow else 24
    books = _random_books(tmp_path, count, monkeypatch)
    checked = _all_agree(books, convert_all(books, tmp_path / "recalculated", timeout=1200))
    print(f"{count} random projects, {checked} formula cells equal to Python's values")
    assert checked > count * 20


@pytest.mark.gnumeric
def test_random_projects_agree_with_gnumeric(tmp_path, slow, monkeypatch):
    count = 200 if slow else 24
    books = _random_books(tmp_path, count, monkeypatch)
    checked = _all_agree(books, gnumeric_recalculate_all(books, tmp_path / "recalculated"))
    print(f"{count} random projects, {checked} formula cells equal to Python's in Gnumeric")
    assert checked > count * 20
