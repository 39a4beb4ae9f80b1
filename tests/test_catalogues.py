"""The catalogues of words are current: every message of the code is in the template and in
each language's catalogue, translated, and compiled; a new language needs no code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
from babel.messages.catalog import Catalog

from budgetbook.i18n.catalogue import LOCALE_DIR
from budgetbook.i18n.catalogues import (
    TEMPLATE,
    extract,
    mo_bytes,
    mo_path,
    po_bytes,
    po_path,
    problems,
    read,
    translated_languages,
    updated,
)
from budgetbook.i18n.labels import LABELS
from budgetbook.i18n.messages import Plural, Text

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "atelier-lune"
REMAKE = "run `make catalogues`, then translate what it lists"


def test_the_template_holds_every_message_of_the_code():
    assert TEMPLATE.read_bytes() == po_bytes(extract()), REMAKE


def test_each_catalogue_is_up_to_date_translated_and_compiled():
    template = extract()
    assert translated_languages() == ["fr"]
    for language in translated_languages():
        assert po_path(language).read_bytes() == po_bytes(updated(language, template)), REMAKE
        assert problems(language) == []
        assert mo_path(language).read_bytes() == mo_bytes(read(language)), REMAKE


def test_every_message_and_label_reads_in_french():
    template = extract()
    french = read("fr")
    assert len(template) > 500
    for message in template:
        if message.id:
            translated = french.get(message.id, context=message.context)
            assert translated is not None and translated.string, message.id


def test_plural_forms_follow_the_count_by_each_languages_rule():
    def rows(n: int, language: str) -> str:
        return Plural("{n:,} row", "{n:,} rows", n=n).in_language(language)

    assert [rows(n, "en") for n in (0, 1, 2)] == ["0 rows", "1 row", "2 rows"]
    assert [rows(n, "fr") for n in (0, 1, 2)] == ["0 ligne", "1 ligne", "2 lignes"]
    error = Plural("Error: {n:,} problem to fix:", "Error: {n:,} problems to fix:", n=1)
    assert error.in_language("fr") == "Erreur : 1 problème à corriger :"


def test_a_sentence_keeps_its_translation_through_a_copy():
    import copy

    text = Text("{counted:,} of {rows}", counted=1, rows=Plural("{n:,} row", "{n:,} rows", n=3))
    copied = copy.deepcopy(text)
    assert copied == text == "1 of 3 rows"
    assert copied.in_language("fr") == "1 sur 3 lignes"


def _german(locale_dir: Path) -> None:
    """A third language, a few words of it: the rest falls back to English."""
    catalogue = Catalog(locale="de", project="budgetbook", fuzzy=False)
    catalogue.add("Overview", "Übersicht", context="workbook.overview")
    catalogue.add("Built {path}", "Arbeitsmappe geschrieben: {path}")
    catalogue.add(("{n:,} category", "{n:,} categories"), ("{n:,} Kategorie", "{n:,} Kategorien"))
    target = locale_dir / "de" / "LC_MESSAGES" / "budgetbook.mo"
    target.parent.mkdir(parents=True)
    target.write_bytes(mo_bytes(catalogue))


def test_a_third_language_is_a_new_catalogue_and_no_code(tmp_path):
    package = tmp_path / "site" / "budgetbook"
    shutil.copytree(ROOT / "budgetbook", package, ignore=shutil.ignore_patterns("__pycache__"))
    _german(package / LOCALE_DIR.relative_to(ROOT / "budgetbook"))
    book = tmp_path / "buch.xlsx"
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    command = ["build", str(SAMPLE), "-o", str(book), "--lang", "de"]
    done = subprocess.run(
        [sys.executable, "-m", "budgetbook.cli", *command],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Arbeitsmappe geschrieben: {book}")
    assert "4 Kategorien" in done.stdout
    assert "27.451,59\xa0€" in done.stdout  # Babel's German figures
    assert openpyxl.load_workbook(book, read_only=True).sheetnames[0] == "Übersicht"
    assert "de" not in LABELS  # the package under test is untouched
