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


def test_every_language_has_its_messages_and_labels():
    """The CLI offers budgetbook.LANGUAGES without importing the tables, to start fast."""
    from budgetbook import LANGUAGES
    from budgetbook.i18n.labels import LABELS
    from budgetbook.i18n.messages import MESSAGES

    assert tuple(MESSAGES) == tuple(LABELS) == LANGUAGES


def test_a_count_of_figures_agrees_with_its_number():
    from budgetbook.i18n.messages import MESSAGES

    assert [MESSAGES["en"].figures_of(n) for n in (1, 40)] == [
        "1 monthly figure",
        "40 monthly figures",
    ]
    assert MESSAGES["fr"].figures_of(1) == "1 chiffre mensuel"
