"""Every error names its file and, where there is one, the row, the column and the value, so a
person can go straight to the cell to fix."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.errors import InputErrors
from budgetbook.read.project import load_project
from tests.conftest import write_csv, write_project

GOOD_LINE = ["Tools", "Canva", "", "", 12, 12, 12, 12]
LEDGER = [["2026-01-05", "12", "Canva", "Pro", "Canva", "6512"]]


def _toml(root, old: str, new: str) -> None:
    path = root / "budgetbook.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


# Each case spoils one input; the problems it must give: (file, row, column, value).
CASES = {
    "unknown toml key": (
        lambda root: _toml(root, "months = 4", "months = 4\nstrat = 1"),
        [("budgetbook.toml", None, "budget.strat", None)],
    ),
    "bad start month": (
        lambda root: _toml(root, 'start = "2026-01"', 'start = "2026-13"'),
        [("budgetbook.toml", None, "budget.start", "2026-13")],
    ),
    "bad limit": (
        lambda root: _toml(root, "[budget]", "[limits]\nrows = 0\n\n[budget]"),
        [("budgetbook.toml", None, "limits.rows", "0")],
    ),
    "workbook options": (
        lambda root: _toml(
            root,
            "[budget]",
            "[workbook]\nsum_by_month_from = -1\nactuals_sheet_max = 2000000\n\n[budget]",
        ),
        [
            ("budgetbook.toml", None, "workbook.sum_by_month_from", "-1"),
            ("budgetbook.toml", None, "workbook.actuals_sheet_max", "2000000"),
        ],
    ),
    "budget cells": (
        lambda root: write_csv(
            root / "budget.csv",
            [
                [
                    "category",
                    "line",
                    "channel",
                    "carry_over",
                    "2026-01",
                    "2026-02",
                    "2026-03",
                    "2026-04",
                ],
                ["Tools", "Canva", "", "sometimes", 12, "abc", 12, 12],
                ["Tools", "Canva", "", "", 1, 1, 1, 1],
            ],
        ),
        [
            ("budget.csv", 2, "carry_over", "sometimes"),
            ("budget.csv", 2, "2026-02", "abc"),
            ("budget.csv", 3, "line", "Canva"),
        ],
    ),
    "mapping to no line": (
        lambda root: write_csv(root / "mapping.csv", [["match", "line"], ["adobe", "Photoshop"]]),
        [("mapping.csv", 2, "line", "Photoshop")],
    ),
    "objective metric": (
        lambda root: write_csv(
            root / "objectives.csv",
            [
                ["objective", "channel", "metric", "baseline", "target", "deadline", "owner"],
                ["Grow", "Instagram", "fans", "1", "2", "2026-06-30", ""],
            ],
        ),
        [("objectives.csv", 2, "metric", "fans")],
    ),
    "roadmap dates": (
        lambda root: write_csv(
            root / "roadmap.csv",
            [["initiative", "start", "end"], ["Audit", "2026-03-01", "2026-02-01"]],
        ),
        [("roadmap.csv", 2, "end", "2026-02-01")],
    ),
    "calendar status": (
        lambda root: write_csv(
            root / "calendar.csv", [["date", "platform", "status"], ["2026-01-02", "X", "viral"]]
        ),
        [("calendar.csv", 2, "status", "viral")],
    ),
    "kpi value": (
        lambda root: write_csv(
            root / "kpis.csv",
            [["month", "channel", "metric", "value"], ["2026-01", "Instagram", "reach", "lots"]],
        ),
        [("kpis.csv", 2, "value", "lots")],
    ),
    "operation type": (
        lambda root: write_csv(
            root / "operations.csv",
            [
                ["operation", "objective_type", "lever", "budget", "cost", "target"],
                ["Giveaway", "fame", "ads", "1", "1", "1"],
            ],
        ),
        [("operations.csv", 2, "objective_type", "fame")],
    ),
    "actuals sources entry": (
        lambda root: _toml(root, "[budget]", '[[actuals.sources]]\nsign = "up"\n\n[budget]'),
        [
            ("budgetbook.toml", None, "actuals.sources[1].files", None),
            ("budgetbook.toml", None, "actuals.sources[1].sign", "up"),
        ],
    ),
}


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
