"""Every formula of the samples' workbooks uses only the functions docs/formulas.md lists, in
the forms it allows: INDEX with its row and its column, MATCH exact. The page's table is the
list; a function added to the workbook is added there first, with what each application does
with it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from budgetbook.commands.build import build_workbook
from budgetbook.write.handoff import write_handoff
from tests.conftest import ROOT, SAMPLE

PAGE = ROOT / "docs" / "formulas.md"
FORMULA_TAGS = {"f", "formula", "formula1", "formula2"}  # cells, formats, checks, charts
QUOTED = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'')  # texts and quoted sheet names
CALL = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)\(")


def allowed_functions() -> set[str]:
    """The first column of the page's Functions table: `SUM`, `MIN`, `MAX`..."""
    section = PAGE.read_text(encoding="utf-8").split("## Functions", 1)[1].split("\n## ", 1)[0]
    names = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            names |= set(re.findall(r"`([A-Z.]+)`", line.split("|")[1]))
    return names


def workbook_formulas(path: Path) -> list[tuple[str, str]]:
    """Every formula of an .xlsx, with the part it is in: cells, conditional formats, data
    checks, chart series and defined names."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for part in archive.namelist():
            if not part.endswith(".xml"):
                continue
            root = ElementTree.fromstring(archive.read(part))
            for element in root.iter():
                tag = element.tag.rsplit("}", 1)[-1]
                if (tag in FORMULA_TAGS or tag == "definedName") and element.text:
                    found.append((part, element.text))
    return found


def calls(formula: str) -> list[tuple[str, list[str]]]:
    """Each function called in a formula, with its arguments as written."""
    plain = QUOTED.sub(lambda m: "_" * len(m.group()), formula)  # same length, no ( or ,
    result = []
    for match in CALL.finditer(plain):
        depth, start, args = 0, match.end(), []
        for index in range(match.end(), len(plain)):
            char = plain[index]
            if char == "(":
                depth += 1
            elif char == ")" and depth:
                depth -= 1
            elif char in ",)" and depth == 0:
                args.append(formula[start:index])
                start = index + 1
                if char == ")":
                    break
        result.append((match.group(1).upper(), [a for a in args if a]))
    return result


def problems(formula: str, allowed: set[str]) -> list[str]:
    """What in a formula is outside docs/formulas.md."""
    found = []
    for name, args in calls(formula):
        if name not in allowed:
            found.append(f"{name} is not in docs/formulas.md")
        elif name == "INDEX" and len(args) != 3:
            found.append("INDEX without both its row and its column")
        elif name == "MATCH" and (len(args) != 3 or args[2].strip() != "0"):
            found.append("MATCH that is not exact (0)")
    return found


def test_the_check_sees_each_way_out():
    allowed = {"INDEX", "MATCH", "SUM", "IF"}
    assert problems('=IF(A1="XLOOKUP(","",SUM(\'a(b\'!A1:A3))', allowed) == []
    assert problems("=INDEX(B8:N8,MATCH($B$3,$B$7:$N$7,0))", allowed) == [
        "INDEX without both its row and its column"
    ]
    assert problems("=INDEX($C:$C,MATCH(K1,$I:$I,0))", allowed) == [
        "INDEX without both its row and its column"
    ]
    assert problems("=INDEX(B8:N8,1,MATCH($B$3,$B$7:$N$7))", allowed) == [
        "MATCH that is not exact (0)"
    ]
    assert problems("=_xlfn.XLOOKUP(A1,B:B,C:C)+LET(x,1,x)", allowed) == [
        "_XLFN.XLOOKUP is not in docs/formulas.md",
        "LET is not in docs/formulas.md",
    ]


def test_the_page_lists_the_functions_of_the_brief():
    assert allowed_functions() == {
        "SUM", "SUMIFS", "COUNTIFS", "IF", "IFERROR", "MIN", "MAX", "INDEX", "MATCH", "DATE",
        "EDATE", "EOMONTH", "AND", "OR", "ROUND", "TODAY",
    }  # fmt: skip


@pytest.fixture(scope="module")
def sample_books(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("formula-functions")
    return {
        "English sample": build_workbook(SAMPLE, folder / "en.xlsx").output,
        "sample built in French": build_workbook(SAMPLE, folder / "fr.xlsx", "fr").output,
        "French sample folder": build_workbook(
            ROOT / "samples" / "atelier-lune-fr", folder / "fr-folder.xlsx"
        ).output,
        "hand-off": write_handoff(SAMPLE, folder / "handoff.xlsx").output,
    }


@pytest.mark.parametrize(
    "name", ["English sample", "sample built in French", "French sample folder", "hand-off"]
)
def test_every_formula_uses_only_the_listed_functions_and_forms(sample_books, name):
    allowed = allowed_functions()
    formulas = workbook_formulas(sample_books[name])
    assert len(formulas) > (2 if name == "hand-off" else 2000)
    found = sorted(
        {f"{part}: {formula[:120]}: {problem}" for part, formula in formulas
         for problem in problems(formula, allowed)}
    )  # fmt: skip
    assert found == []
