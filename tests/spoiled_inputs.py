"""Projects spoiled one input at a time, and the problems each must give: the cases that
tests/test_messages.py checks in English and tests/test_french_errors.py in French."""

from __future__ import annotations

from tests.conftest import write_csv

GOOD_LINE = ["Tools", "Canva", "", "", 12, 12, 12, 12]
BUDGET_COLUMNS = ["category", "line", "channel", "carry_over"]
LEDGER = [["2026-01-05", "12", "Canva", "Pro", "Canva", "6512"]]


def edit_toml(root, old: str, new: str) -> None:
    path = root / "budgetbook.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


# Each case spoils one input; the problems it must give: (file, row, column, value).
CASES = {
    "unknown toml key": (
        lambda root: edit_toml(root, "months = 4", "months = 4\nstrat = 1"),
        [("budgetbook.toml", None, "budget.strat", None)],
    ),
    "bad start month": (
        lambda root: edit_toml(root, 'start = "2026-01"', 'start = "2026-13"'),
        [("budgetbook.toml", None, "budget.start", "2026-13")],
    ),
    "bad limit": (
        lambda root: edit_toml(root, "[budget]", "[limits]\nrows = 0\n\n[budget]"),
        [("budgetbook.toml", None, "limits.rows", "0")],
    ),
    "workbook options": (
        lambda root: edit_toml(
            root,
            "[budget]",
            "[workbook]\nsum_by_month_from = -1\nactuals_sheet_max = 2000000\n\n[budget]",
        ),
        [
            ("budgetbook.toml", None, "workbook.sum_by_month_from", "-1"),
            ("budgetbook.toml", None, "workbook.actuals_sheet_max", "2000000"),
        ],
    ),
    "budget months typed twice or left out": (
        lambda root: write_csv(
            root / "budget.csv",
            [
                [*BUDGET_COLUMNS, "2026-01", "2026-02", "2026-04", "2026-04"],  # for 2026-03
                ["Tools", "Canva", "", "", 12, 12, 12, 12],
            ],
        ),
        [("budget.csv", 1, "2026-04", None), ("budget.csv", 1, None, None)],
    ),
    "budget month column deleted": (
        lambda root: write_csv(
            root / "budget.csv",
            [
                [*BUDGET_COLUMNS, "2026-01", "2026-02", "2026-04"],
                ["Tools", "Canva", "", "", 12, 12, 12],
            ],
        ),
        [("budget.csv", 1, None, None)],
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
    # Whole amounts with a lone separator and three digits, none with decimals: 1.500 is 1500
    # where the file is written the French way, but beside 1,500 (which that way is 1.5) the
    # file is not one style, in English as in a French project: neither is guessed.
    "budget dot and comma thousands": (
        lambda root: write_csv(
            root / "budget.csv",
            [
                [*BUDGET_COLUMNS, "2026-01", "2026-02", "2026-03", "2026-04"],
                ["Ads", "Meta", "", "", "1.500", "1,500", 800, 800],
            ],
        ),
        [("budget.csv", 2, "2026-01", "1.500"), ("budget.csv", 2, "2026-02", "1,500")],
    ),
    "kpi dot and comma thousands": (
        lambda root: write_csv(
            root / "kpis.csv",
            [
                ["month", "channel", "metric", "value"],
                ["2026-01", "Instagram", "followers", "8.400"],
                ["2026-02", "Instagram", "reach", "12,500"],
            ],
        ),
        [("kpis.csv", 2, "value", "8.400"), ("kpis.csv", 3, "value", "12,500")],
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
        lambda root: edit_toml(root, "[budget]", '[[actuals.sources]]\nsign = "up"\n\n[budget]'),
        [
            ("budgetbook.toml", None, "actuals.sources[1].files", None),
            ("budgetbook.toml", None, "actuals.sources[1].sign", "up"),
        ],
    ),
}
