"""An operation review's objective types in the words of the French review template
(conquête, fidélisation, animation, génération de trafic, connaissance clients / satisfaction,
qualification de la base), read from operations.csv and shown in the workbook's language."""

from __future__ import annotations

import openpyxl
import pytest

from budgetbook.commands.build import build_workbook
from budgetbook.compute.review import review_of
from budgetbook.i18n.labels import LABELS
from budgetbook.model import OPERATION_TYPES
from budgetbook.read.aliases import accepted, parse_value
from budgetbook.write.sheets.review_section import review_rows
from tests.conftest import write_csv, write_project
from tests.recalc import compare, recalculate

# The template's word, then the type it means and the figure that is its result.
TEMPLATE_WORDS = [
    ("conquête", "acquisition", 655),  # new contacts
    ("fidélisation", "loyalty", 480),  # participants
    ("animation", "engagement", 480),
    ("génération de trafic", "traffic", 480),
    ("connaissance clients / satisfaction", "satisfaction", 480),
    ("qualification de la base", "data quality", 910),  # opt-ins
]
SHOWN = {
    "en": ["acquisition", "loyalty", "engagement", "traffic", "satisfaction", "data quality"],
    "fr": ["conquête", "fidélisation", "animation", "génération de trafic",
           "connaissance clients / satisfaction", "qualification de la base"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        *((word, kind) for word, kind, _ in TEMPLATE_WORDS),
        ("Conquete", "acquisition"),
        ("Génération de trafic", "traffic"),
        ("connaissance clients/satisfaction", "satisfaction"),
        ("Connaissance clients", "satisfaction"),
        ("Qualification de la base", "data quality"),
        ("acquisition", "acquisition"),  # the English names and the earlier French ones too
        ("trafic", "traffic"),
        ("qualité des données", "data quality"),
        ("engagement", "engagement"),
    ],
)
def test_the_templates_words_name_the_objective_types(text, canonical):
    assert parse_value("objective_type", text) == canonical


@pytest.mark.parametrize("language", LABELS)
def test_a_type_as_the_workbook_shows_it_reads_back_as_that_type(language):
    names = LABELS[language].operation_types
    assert list(names) == list(OPERATION_TYPES)
    assert [parse_value("objective_type", name) for name in names.values()] == list(OPERATION_TYPES)
    assert list(names.values()) == SHOWN[language]


def test_the_hint_offers_the_templates_words():
    assert accepted("objective_type").in_language("fr") == (
        "conquête, fidélisation, animation, génération de trafic, connaissance clients /"
        " satisfaction, qualification de la base (en anglais : acquisition, loyalty,"
        " engagement, traffic, satisfaction, data quality)"
    )


def _project(root, language):
    write_project(root, [["Ads", "Meta", "", "", 100, 100, 100, 100]])
    toml = root / "budgetbook.toml"
    toml.write_text(f'language = "{language}"\n' + toml.read_text("utf-8"), "utf-8")
    header = ["opération", "type d'objectif", "levier", "budget", "coût", "participants",
              "opt-ins", "nouveaux contacts", "chiffre d'affaires", "objectif"]  # fmt: skip
    rows = [
        [f"Opération {i}", word, "newsletter", 300, 250, 480, 910, 655, 1000, 500]
        for i, (word, _, _) in enumerate(TEMPLATE_WORDS, start=1)
    ]
    write_csv(root / "operations.csv", [header, *rows])
    return root


@pytest.mark.parametrize("language", ["en", "fr"])
def test_operations_written_with_the_templates_words_are_reviewed(language, tmp_path):
    """Each type in the workbook's language, and the result its type gives: new contacts
    for conquête, opt-ins for qualification de la base, participants otherwise."""
    book = tmp_path / "book.xlsx"
    summary = build_workbook(_project(tmp_path / "projet", language), book)
    assert [o.objective_type for o in summary.project.operations] == [
        kind for _, kind, _ in TEMPLATE_WORDS
    ]
    ws = openpyxl.load_workbook(book, data_only=True)[LABELS[language].performance]
    rows = [r for r in range(1, ws.max_row + 1)
            if str(ws.cell(r, 1).value).startswith("Opération ")]  # fmt: skip
    assert [ws.cell(r, 2).value for r in rows] == SHOWN[language]
    assert [ws.cell(r, 12).value for r in rows] == [result for _, _, result in TEMPLATE_WORDS]
    # A long type wraps within its column, its row as tall as its lines, not cut off.
    lines = {"en": [1] * 6, "fr": [1, 1, 1, 2, 3, 2]}[language]
    heights = [ws.row_dimensions[r].height or 15 for r in rows]  # 15: the default
    assert heights == pytest.approx([15 + (n - 1) * 13 for n in lines], abs=0.5)
    assert all(ws.cell(r, 2).alignment.wrap_text for r in rows)
    review = review_of(summary.project.operations)
    extra = review_rows(review, LABELS[language])[1]
    assert extra == review_rows(review)[1] + sum(n - 1 for n in lines)


@pytest.mark.libreoffice
def test_a_french_review_recalculates_to_its_written_values(tmp_path):
    """The result formulas compare the type cell with the French words: LibreOffice finds the
    same results as Python."""
    book = tmp_path / "livre.xlsx"
    build_workbook(_project(tmp_path / "projet", "fr"), book)
    checked, mismatches = compare(book, recalculate(book, tmp_path / "lo"))
    assert checked and not mismatches
