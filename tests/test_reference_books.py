"""The samples' workbooks against the ones committed in tests/reference/, part by part, as
XlsxWriter's comparison tests hold their output: a change that moves code around writes the
same XML; a change meant to write something else refreshes the references, and their diff in
the commit shows what a person now sees.

Refresh them with: BUDGETBOOK_REFRESH_REFERENCES=1 .venv/bin/python -m pytest
tests/test_reference_books.py"""

from __future__ import annotations

import difflib
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from budgetbook.commands.build import build_workbook

ROOT = Path(__file__).parent.parent
REFERENCES = Path(__file__).parent / "reference"
SAMPLES = ["atelier-lune", "atelier-lune-fr"]
# Parts that say which program wrote the file, not what it holds.
LEFT_OUT = {"docProps/app.xml", "docProps/core.xml"}


def parts(book: Path) -> dict[str, str]:
    with zipfile.ZipFile(book) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name not in LEFT_OUT
        }


@pytest.mark.parametrize("sample", SAMPLES)
def test_a_sample_writes_its_reference_workbook(sample, tmp_path):
    book = tmp_path / f"{sample}.xlsx"
    build_workbook(ROOT / "samples" / sample, book)
    reference = REFERENCES / f"{sample}.xlsx"
    if os.environ.get("BUDGETBOOK_REFRESH_REFERENCES"):
        shutil.copyfile(book, reference)
    written, expected = parts(book), parts(reference)
    assert sorted(written) == sorted(expected)
    for name, text in expected.items():
        if written[name] != text:
            # The XML is one long line: split it at its tags to show where it differs.
            diff = difflib.unified_diff(
                text.replace("><", ">\n<").splitlines(),
                written[name].replace("><", ">\n<").splitlines(),
                "reference",
                "written",
                n=2,
                lineterm="",
            )
            pytest.fail(f"{name} of {sample} differs:\n" + "\n".join(list(diff)[:60]))
