"""The hostile-file corpus, generated here: each file gets one line naming it and saying what
to do. In actuals/ it is listed as not read and the build goes on; as an input the project
needs, or given to update, it stops the command with exit 1 and changes nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.commands.build import build_workbook
from budgetbook.commands.init import write_budget_xlsx
from tests import hostile

LINES = [["Tools", "Canva Pro", "", "", 12, 12, 12, 12]]
MB = 1024 * 1024

# name -> (file name, how to make it, what its one line says)
CASES = {
    "zip bomb": ("bomb.xlsx", lambda p, g: hostile.zip_bomb(p, 20 * MB), "would unpack to more"),
    "lying zip bomb": (
        "liar.xlsx", lambda p, g: hostile.lying_zip_bomb(p, 50 * MB), "would unpack to more"
    ),
    "entity bomb": ("laughs.xlsx", lambda p, g: hostile.entity_bomb(p), "XML entity bomb"),
    "truncated zip": ("cut.xlsx", hostile.truncated, "damaged .xlsx archive"),
    "entry cut short": ("short.xlsx", hostile.cut_entry, "damaged .xlsx archive"),
    "path traversal": ("evil.xlsx", lambda p, g: hostile.traversal(p), "unsafe path"),
    "absolute path": (
        "abs.xlsx", lambda p, g: hostile.traversal(p, "/etc/cron.d/x"), "unsafe path"
    ),
    "password-protected": ("secret.xlsx", lambda p, g: hostile.ole2(p, True), "password"),
    "old .xls": ("old.xlsx", lambda p, g: hostile.ole2(p, False), "old binary Excel file"),
    "stray far cell": (
        "stray.xlsx", lambda p, g: hostile.stray_cell(p, 1_048_575, 16_383), "cells reach row"
    ),
    "not a workbook": ("doc.xlsx", lambda p, g: hostile.not_a_workbook(p), "not an Excel"),
    "random bytes": ("noise.csv", lambda p, g: hostile.random_bytes(p), "binary file"),
    "workbook named .csv": ("book.csv", hostile.renamed_workbook, "zip archive"),
    "NUL bytes": ("nul.csv", lambda p, g: hostile.nul_bytes(p), "NUL bytes"),
    "50 MB field": ("field.csv", lambda p, g: hostile.giant_field(p), "a cell of more than"),
}  # fmt: skip


@pytest.fixture(scope="module")
def genuine(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("genuine")
    source = folder / "budget.csv"
    source.write_text("category,line,2026-01\nTools,Canva Pro,12\n", encoding="utf-8")
    write_budget_xlsx(source, folder / "budget.xlsx")
    return folder / "budget.xlsx"


@pytest.fixture
def project(project_factory) -> Path:
    """A small project whose unpacked-size limit is low, so bombs stay small to generate."""
    root = project_factory(LINES, [["2026-01-05", "12", "Canva Pro", "Pro", "Canva", "6512"]])
    with (root / "budgetbook.toml").open("a", encoding="utf-8") as toml:
        toml.write("\n[limits]\nunpacked_mb = 8\n")
    return root


def run(*args) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("case", CASES)
def test_in_actuals_it_is_listed_as_not_read(case, project, genuine):
    name, make, phrase = CASES[case]
    make(project / "actuals" / name, genuine)
    code, output = run("check", project)
    assert code == 0, output
    (line,) = [line for line in output.splitlines() if line.startswith("  Not read ")]
    assert line.split(None, 2)[2].startswith(f"actuals/{name}: ") and phrase in line
    assert "€12.00  1 of 1 finance row\n" in output  # the genuine ledger, untouched


@pytest.mark.parametrize("case", CASES)
def test_as_the_budget_it_stops_the_build_and_writes_nothing(case, project, genuine, tmp_path):
    name, make, phrase = CASES[case]
    (project / "budget.csv").unlink()
    budget = project / ("budget" + Path(name).suffix)
    make(budget, genuine)
    output_book = tmp_path / "book.xlsx"
    code, output = run("build", project, "-o", output_book)
    assert code == 1
    problems = [line for line in output.splitlines() if line.startswith("  ")]
    assert len(problems) == 1 and problems[0].startswith(f"  {budget.name}: ")
    assert phrase in problems[0]
    assert not output_book.exists()


@pytest.mark.parametrize("case", CASES)
def test_update_refuses_it_and_leaves_the_workbook_alone(case, project, genuine, tmp_path):
    name, make, phrase = CASES[case]
    book = build_workbook(project, tmp_path / "book.xlsx").output
    before = book.read_bytes()
    hostile_file = make(tmp_path / name, genuine)
    code, output = run("update", book, hostile_file)
    assert code == 1
    assert name in output and phrase in output
    assert book.read_bytes() == before
    assert not list(tmp_path.glob("book.before-update-*.xlsx"))


def test_ten_thousand_columns_are_read(project):
    hostile.wide(project / "actuals" / "wide.csv")
    code, output = run("check", project)
    assert code == 0 and "  Counted    €22.00  2 of 2 finance rows\n" in output


def test_mixed_encodings_in_one_file_read_line_by_line(project, tmp_path):
    hostile.mixed_encodings(project / "actuals" / "pasted.csv")
    build_workbook(project, tmp_path / "book.xlsx")
    actuals = openpyxl.load_workbook(tmp_path / "book.xlsx")["Actuals"]
    descriptions = {actuals.cell(r, 6).value for r in range(2, actuals.max_row + 1)}
    assert {"café crème", "thé à la menthe"} <= descriptions


def test_limits_are_named_in_the_message_and_can_be_raised(project, tmp_path):
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as toml:
        toml.write("rows = 1\n")
    code, output = run("check", project)
    assert code == 1  # budget.csv itself has 2 rows, above the limit of 1
    assert "has more than 1 rows, the limit." in output
    assert "raise [limits] rows in budgetbook.toml" in output
