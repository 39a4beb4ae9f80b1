"""Every formula budgetbook writes uses only functions that Excel, LibreOffice and Google
Sheets evaluate alike: cells, conditional formats, data validations and defined names, in
the sample and in random projects of every layout."""

from __future__ import annotations

import html
import random
import re
import zipfile
from pathlib import Path

from budgetbook.commands.build import build_workbook
from tests.projects import random_project

# The functions the three applications share with the same meaning (the brief's list, plus
# TODAY for the roadmap's week marker). Nothing dynamic: no arrays, LET, LAMBDA, XLOOKUP,
# FILTER or structured references.
SHARED_FUNCTIONS = {
    "SUM", "SUMIFS", "COUNTIFS", "IF", "IFERROR", "MIN", "MAX", "INDEX", "MATCH", "DATE",
    "EOMONTH", "EDATE", "AND", "OR", "ROUND", "TODAY",
}  # fmt: skip

# Where a formula can sit in an .xlsx: a cell's <f>, a conditional format's or a data
# validation's <formula>, <formula1>, <formula2>, and a defined name.
FORMULA_ELEMENT = re.compile(r"<(f|formula|formula1|formula2|definedName)\b[^>]*>([^<]*)</\1>")
FUNCTION = re.compile(r"(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.]*)\(")
QUOTED = re.compile(r'"(?:[^"]|"")*"')
STRUCTURED_REFERENCE = re.compile(r"\w\[")


def formulas_of(book: Path) -> list[tuple[str, str]]:
    """(part of the archive, formula) for every formula the workbook holds."""
    found = []
    with zipfile.ZipFile(book) as archive:
        for name in archive.namelist():
            if not name.endswith(".xml"):
                continue
            text = archive.read(name).decode("utf-8")
            found += [(name, html.unescape(m[2])) for m in FORMULA_ELEMENT.finditer(text)]
    return found


def problems_of(book: Path) -> list[str]:
    problems = []
    for part, formula in formulas_of(book):
        code = QUOTED.sub('""', formula)  # text inside quotes is not a function call
        for name in set(FUNCTION.findall(code)) - SHARED_FUNCTIONS:
            problems.append(f"{book.name} {part}: {name} in {formula}")
        if STRUCTURED_REFERENCE.search(code) or "_xlfn." in code:
            problems.append(f"{book.name} {part}: not shared: {formula}")
    return problems


def test_the_scan_finds_what_it_must_refuse(tmp_path):
    import xlsxwriter

    path = tmp_path / "bad.xlsx"
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet()
    sheet.write_formula("A1", '=XLOOKUP(1,B:B,C:C)&"SUM(ignored)"')
    sheet.data_validation("B1", {"validate": "custom", "value": "=LET(x,1,x)"})
    sheet.conditional_format("C1", {"type": "formula", "criteria": "=ISBLANK(C1)"})
    workbook.close()
    found = " ".join(problems_of(path))
    assert "XLOOKUP" in found and "LET" in found and "ISBLANK" in found
    assert ": SUM in" not in found  # the text inside quotes is not a call


def test_sample_uses_only_shared_functions(sample_book):
    formulas = formulas_of(sample_book)
    parts = {part.rsplit("/", 1)[-1] for part, _ in formulas}
    assert len(formulas) > 2000 and "workbook.xml" in parts  # cells, formats, names all seen
    assert problems_of(sample_book) == []


def test_random_projects_use_only_shared_functions(tmp_path):
    rng = random.Random(7)
    problems = []
    for index in range(12):
        project = random_project(tmp_path / f"project-{index}", rng)
        book = build_workbook(project, tmp_path / f"book-{index}.xlsx").output
        problems += problems_of(book)
    assert problems == []


def test_no_shared_function_needs_the_future_prefix(tmp_path):
    """budgetbook turns XlsxWriter's use_future_functions off for speed: safe only while no
    function it may write is one that Excel stores as ``_xlfn.NAME``. XlsxWriter, told to,
    writes that prefix before each such function: it writes it before none of these."""
    import xlsxwriter

    path = tmp_path / "future.xlsx"
    workbook = xlsxwriter.Workbook(path, {"use_future_functions": True})
    sheet = workbook.add_worksheet()
    names = sorted(SHARED_FUNCTIONS)
    for row, name in enumerate(names):
        sheet.write_formula(row, 0, f"={name}(A1)")
    sheet.write_formula(len(names), 0, "=STDEV.S(A1)")  # one that Excel does store so
    workbook.close()
    written = [formula for _, formula in formulas_of(path)]
    assert written == [f"{name}(A1)" for name in names] + ["_xlfn.STDEV.S(A1)"]
