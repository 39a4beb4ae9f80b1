"""Every error names its file and, where there is one, the row, the column and the value, so a
person can go straight to the cell to fix."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.errors import InputErrors
from budgetbook.read.project import load_project
from tests.conftest import write_project
from tests.spoiled_inputs import CASES, GOOD_LINE, LEDGER


@pytest.mark.parametrize("case", CASES)
def test_problems_name_file_row_column_and_value(case, project_factory):
    spoil, expected = CASES[case]
    root = project_factory([GOOD_LINE], LEDGER)
    spoil(root)
    with pytest.raises(InputErrors) as caught:
        load_project(root)
    found = [(p.file, p.row, p.column, p.value) for p in caught.value.problems]
    assert found == expected
    for problem in caught.value.problems:
        assert problem.hint, f"{problem} says what is wrong but not how to fix it"


LINE_SHAPE = re.compile(
    r"^  (?P<file>[\w./-]+\.(csv|xlsx|toml))(, row \d+)?(, column '[^']+')?(, value '.*')?: \S"
)


@pytest.mark.parametrize("case", CASES)
def test_the_terminal_shows_each_problem_on_one_line_starting_with_its_file(case, tmp_path):
    spoil, expected = CASES[case]
    root = write_project(tmp_path / "p", [GOOD_LINE], LEDGER)
    spoil(root)
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("  ")]
    assert len(lines) == len(expected)
    for line, (file, row, column, value) in zip(lines, expected, strict=True):
        match = LINE_SHAPE.match(line)
        assert match and match["file"] == file, line
        assert (row is None) == (f", row {row}" not in line)
        assert column is None or f"column '{column}'" in line
        assert value is None or f"value '{value}'" in line


def test_aligned_rows_pad_labels_and_right_align_amounts():
    from budgetbook.commands.report import aligned

    rows = [
        ("Counted", "27\u00a0451,59 EUR", "100 lignes"),  # a non-breaking space: one column
        ("  sans poste", "16,50 EUR", ""),
        ("Budget", "", "18 postes"),
    ]
    assert aligned(rows) == [
        "  Counted       27\u00a0451,59 EUR  100 lignes",
        "    sans poste      16,50 EUR",
        "  Budget        18 postes",
    ]
    assert aligned([]) == []


def test_every_language_has_its_catalogue_and_labels():
    """The CLI offers budgetbook.LANGUAGES: English and each compiled catalogue."""
    from budgetbook import LANGUAGES
    from budgetbook.i18n.catalogue import languages
    from budgetbook.i18n.labels import LABELS

    assert tuple(LABELS) == LANGUAGES == languages() == ("en", "fr")


def test_a_count_agrees_with_its_number_in_each_language():
    from budgetbook.i18n.messages import Plural

    def figures(n: int, language: str) -> str:
        return Plural("{n:,} monthly figure", "{n:,} monthly figures", n=n).in_language(language)

    assert [figures(n, "en") for n in (0, 1, 40, 1200)] == [
        "0 monthly figures",
        "1 monthly figure",
        "40 monthly figures",
        "1,200 monthly figures",
    ]
    assert [figures(n, "fr") for n in (0, 1, 40, 1200, 2_000_000)] == [
        "0 chiffre mensuel",
        "1 chiffre mensuel",
        "40 chiffres mensuels",
        "1\u202f200 chiffres mensuels",
        "2\u202f000\u202f000 de chiffres mensuels",
    ]
