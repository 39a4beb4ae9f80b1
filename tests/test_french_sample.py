"""The French sample project (French headers, words and export formats) is the English one."""

from __future__ import annotations

import openpyxl

from budgetbook.commands.build import build_workbook
from budgetbook.commands.report import summary_record
from budgetbook.i18n.labels import FRENCH
from budgetbook.read.project import load_project
from tests.conftest import ROOT, SAMPLE

FRENCH_SAMPLE = ROOT / "samples" / "atelier-lune-fr"


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
