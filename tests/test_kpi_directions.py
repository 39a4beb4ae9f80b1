"""Which way each row of a channel block is better, from its one definition, and the colour
its month's change takes on the Performance sheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from budgetbook.commands.build import build_workbook
from budgetbook.compute.performance import KPIS, SPEND, higher_is_better

SAMPLE = Path(__file__).parent.parent / "samples" / "atelier-lune"


def test_costs_and_losses_are_better_lower_and_spend_is_neither():
    lower = {kpi.key for kpi in KPIS if not kpi.higher_is_better}
    assert lower == {"cpc", "cpm", "cost_per_conversion", "unfollow_rate"}
    assert higher_is_better("lost_followers") is False
    assert higher_is_better("followers") is True
    assert higher_is_better("ctr") is True
    assert higher_is_better(SPEND) is None


def test_a_change_is_red_where_it_is_bad_news(tmp_path):
    book = tmp_path / "book.xlsx"
    build_workbook(SAMPLE, book)
    sheet = openpyxl.load_workbook(book)["Performance"]
    formats = {}
    for row in sheet.iter_rows(min_row=1):
        label = row[0].value
        change = next((c for c in reversed(row) if c.data_type == "f"), None)
        if label and change is not None and "MATCH($B$3" in str(change.value):
            formats.setdefault(label, change.number_format)
    assert formats["Cost per click (CPC)"].startswith("[Red]+")
    assert formats["Click-through rate (CTR)"].startswith("+0.0%;[Red]-")
    assert "[Red]" not in formats["Ad spend"]
