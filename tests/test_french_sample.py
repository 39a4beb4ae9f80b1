"""The French sample project (French headers, words and export formats) is the English one."""

from __future__ import annotations

import re

import openpyxl
import pytest

from budgetbook.commands.build import build_workbook
from budgetbook.commands.records import summary_record
from budgetbook.i18n.catalogues import read as read_catalogue
from budgetbook.i18n.labels import LABELS
from budgetbook.read.project import load_project
from tests.conftest import ROOT, SAMPLE

FRENCH_SAMPLE = ROOT / "samples" / "atelier-lune-fr"
FRENCH = LABELS["fr"]


def test_french_sample_builds_to_the_english_samples_figures(tmp_path):
    english = summary_record(build_workbook(SAMPLE, tmp_path / "en.xlsx"))
    french = summary_record(build_workbook(FRENCH_SAMPLE, tmp_path / "fr.xlsx"))
    for key in ("lines", "categories", "months", "finance", "planned", "actual", "remaining"):
        assert french[key] == english[key], key
    assert [m["figures"] for m in french["metrics"]] == [m["figures"] for m in english["metrics"]]
    assert french["metrics"][0]["columns_not_read"] == []
    sheets = openpyxl.load_workbook(tmp_path / "fr.xlsx", read_only=True).sheetnames
    assert FRENCH.overview in sheets and FRENCH.roadmap in sheets


def test_french_sample_reads_every_record_as_the_english_one():
    """Same figures, dates, statuses and metrics record by record, names aside."""
    english, french = load_project(SAMPLE), load_project(FRENCH_SAMPLE)
    assert french.config.language == "fr"
    assert [(ln.channel, ln.carry_over, ln.planned) for ln in french.lines] == [
        (ln.channel, ln.carry_over, ln.planned) for ln in english.lines
    ]
    assert [(t.date, t.amount, t.source_row) for t in french.transactions] == [
        (t.date, t.amount, t.source_row) for t in english.transactions
    ]
    assert [(o.channel, o.metric, o.baseline, o.target, o.deadline) for o in french.objectives] == [
        (o.channel, o.metric, o.baseline, o.target, o.deadline) for o in english.objectives
    ]
    assert [(i.start, i.end, i.status, i.complete) for i in french.initiatives] == [
        (i.start, i.end, i.status, i.complete) for i in english.initiatives
    ]
    assert [(p.date, p.time, p.platform, p.status) for p in french.posts] == [
        (p.date, p.time, p.platform, p.status) for p in english.posts
    ]
    assert [(v.month, v.channel, v.metric, v.value) for v in french.kpis] == [
        (v.month, v.channel, v.metric, v.value) for v in english.kpis
    ]
    assert list(map(_operation, french.operations)) == list(map(_operation, english.operations))


def _operation(o):
    figures = (o.budget, o.cost, o.participants, o.opt_ins, o.new_contacts, o.revenue, o.target)
    return o.objective_type, figures


@pytest.mark.parametrize(
    ("sample", "line", "row"),
    [("atelier-lune", "Line", "Row"), ("atelier-lune-fr", "Poste", "Ligne")],
)
def test_one_word_for_a_budget_line_and_another_for_a_row_of_a_file(sample, line, row, tmp_path):
    """In French a budget line is a poste (as the terminal says: "18 postes budgétaires") and a
    ligne is a row of a file: Budget and Actuals head their line column with the one, Not
    counted its row column with the other."""
    labels = LABELS["fr" if sample.endswith("-fr") else "en"]
    book = tmp_path / "book.xlsx"
    build_workbook(ROOT / "samples" / sample, book)
    sheets = openpyxl.load_workbook(book)

    def headers(sheet: str) -> set[object]:
        return {cell.value for r in sheets[sheet].iter_rows(max_row=8) for cell in r}

    assert line in headers(labels.budget) and line in headers(labels.actuals)
    assert row not in headers(labels.budget) | headers(labels.actuals)
    assert row in headers(labels.not_counted) and line not in headers(labels.not_counted)


# "ligne budgétaire", "lignes du canal", or "Ligne :" naming the column a budget line goes in
BUDGET_LINE_AS_LIGNE = re.compile(r"(?i:\blignes? (budgétaires?|du budget|du canal)\b)|\bLigne :")


def _french_words() -> list[str]:
    """Every French text of the workbook, the terminal and the errors: the catalogue."""
    found: list[str] = []
    for message in read_catalogue("fr"):
        if message.id:
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            found += forms
    return found


def test_no_french_text_calls_a_budget_line_a_ligne():
    assert [text for text in _french_words() if BUDGET_LINE_AS_LIGNE.search(text)] == []
