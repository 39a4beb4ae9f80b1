"""Gnumeric, a second recalculating engine beside LibreOffice: every formula of the samples in
both languages, recalculated by ``ssconvert --recalc``, against the value budgetbook cached.
Where two engines and Python agree, a formula can be trusted in a third. (The random projects,
update and the hand-off are held to Gnumeric in test_properties.py, test_update.py and
test_handoff.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetbook.commands.build import build_workbook
from tests.conftest import ROOT, SAMPLE
from tests.recalc import compare, gnumeric_recalculate, gnumeric_recalculate_all

pytestmark = pytest.mark.gnumeric

SAMPLES = {
    "English sample": (SAMPLE, None),
    "sample built in French": (SAMPLE, "fr"),
    "French sample folder": (ROOT / "samples" / "atelier-lune-fr", None),
}


def test_harness_catches_a_wrong_cached_value(tmp_path):
    """Guard against a Gnumeric that keeps cached values instead of recalculating."""
    import xlsxwriter

    path = tmp_path / "wrong.xlsx"
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("S")
    sheet.write_number("A1", 2)
    sheet.write_formula("A2", "=A1*3", None, 999)
    sheet.write_formula("A3", '=INDEX(A1:B1,1,1)&""', None, "2")
    workbook.close()
    count, mismatches = compare(path, gnumeric_recalculate(path, tmp_path / "gn"))
    assert count == 2
    assert [(m.cell, m.cached, m.recalculated) for m in mismatches] == [("A2", 999, 6)]


@pytest.fixture(scope="module")
def recalculated_samples(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """Each sample's workbook and Gnumeric's recalculation of it, made side by side (the
    sample takes Gnumeric about 40 s: its criteria reach whole columns)."""
    folder = tmp_path_factory.mktemp("gnumeric-samples")
    books = []
    for index, (project, language) in enumerate(SAMPLES.values()):
        books.append(build_workbook(project, folder / f"{index}.xlsx", language=language).output)
    fresh = gnumeric_recalculate_all(books, folder / "gn")
    return dict(zip(SAMPLES, zip(books, fresh, strict=True), strict=True))


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_every_formula_equals_python_value(recalculated_samples, name):
    book, fresh = recalculated_samples[name]
    count, mismatches = compare(book, fresh)
    print(f"compared {count} formula cells of the {name} in Gnumeric")
    assert count > 2000
    assert mismatches == []
