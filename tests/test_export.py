"""budgetbook export --pdf: which sheets reach the PDF, and the refusals that write nothing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.commands import export
from budgetbook.commands.build import build_workbook
from tests.conftest import SAMPLE
from tests.pdf_text import pdf_pages
from tests.projects import bigger_project
from tests.recalc import require_calibri_metrics, require_libreoffice
from tests.workbook_edits import rename_sheets, rewrite_parts

TITLES = {
    "overview": "Atelier Lune — Marketing budget",
    "performance": "Performance report",
    "budget": "Marketing budget — Atelier Lune",
    "actuals": "Source file",
}


def run(*args: object):
    return CliRunner().invoke(main, ["export", *map(str, args)])


@pytest.mark.libreoffice
def test_default_export_holds_overview_and_performance_only(sample_book, tmp_path):
    require_calibri_metrics()
    book = shutil.copy(sample_book, tmp_path / "book.xlsx")
    result = run(book, "--pdf")
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "book.pdf"
    assert f"Exported Overview, Performance to {pdf}" in result.output
    pages = pdf_pages(pdf)
    text = "\n".join(pages)
    assert TITLES["overview"] in pages[0]
    assert TITLES["performance"] in text
    assert TITLES["budget"] not in text
    assert TITLES["actuals"] not in text
    # One Overview page, then the Performance at a readable size: a channel a page, the
    # definitions and the review, over two pages across (more where LibreOffice draws Calibri
    # in DejaVu Sans, its columns a third wider than Excel's: the export then says so).
    assert len(pages) == 1 + 2 * 5
    assert "Carlito" not in result.output
    assert all("Atelier Lune" in page and f"Page {n} / {len(pages)}" in page
               for n, page in enumerate(pages, start=1))  # fmt: skip


@pytest.mark.libreoffice
def test_sheet_option_exports_that_sheet_only(sample_book, tmp_path):
    require_libreoffice()
    pdf = tmp_path / "budget.pdf"
    result = run(sample_book, "--pdf", "-o", pdf, "--sheet", "Budget")
    assert result.exit_code == 0, result.output
    text = "\n".join(pdf_pages(pdf))
    assert TITLES["budget"] in text
    assert TITLES["overview"] not in text
    assert TITLES["performance"] not in text


@pytest.mark.libreoffice
def test_french_and_english_names_find_a_french_workbook_s_sheets(tmp_path):
    require_libreoffice()
    project = shutil.copytree(SAMPLE, tmp_path / "projet")
    settings = project / "budgetbook.toml"
    settings.write_text('language = "fr"\n' + settings.read_text(encoding="utf-8"), "utf-8")
    book = tmp_path / "classeur.xlsx"
    build_workbook(project, book)
    pdf = tmp_path / "rapport.pdf"
    result = run(book, "--pdf", "-o", pdf, "--sheet", "Synthèse", "--sheet", "Actuals")
    assert result.exit_code == 0, result.output
    assert "Exporté : Synthèse, Dépenses dans " in result.output  # said in the book's language
    text = "\n".join(pdf_pages(pdf))
    assert "Synthèse" in text and "Dépenses" in text
    assert "Rapport de performance" not in text


def test_unknown_sheet_is_refused_with_the_sheets_listed(sample_book, tmp_path):
    pdf = tmp_path / "out.pdf"
    result = run(sample_book, "--pdf", "-o", pdf, "--sheet", "Overveiw")
    assert result.exit_code == 1
    assert "no sheet named 'Overveiw'" in result.output
    assert "Overview, Strategy, Budget, Actuals" in result.output
    assert not pdf.exists()


def test_without_libreoffice_says_what_to_do_and_writes_nothing(sample_book, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "find_soffice", lambda: None)
    pdf = tmp_path / "out.pdf"
    result = run(sample_book, "--pdf", "-o", pdf)
    assert result.exit_code == 1
    assert "LibreOffice is not installed" in result.output
    assert "install libreoffice-calc-nogui" in result.output
    assert "print to PDF" in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_failed_export_leaves_the_existing_pdf_intact(sample_book, tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise export.BudgetbookError("LibreOffice could not convert it")

    monkeypatch.setattr(export, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(export, "convert", broken)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4 the report sent last month")
    result = run(sample_book, "--pdf", "-o", pdf)
    assert result.exit_code == 1
    assert pdf.read_bytes() == b"%PDF-1.4 the report sent last month"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_refuses_a_workbook_not_made_by_budgetbook(tmp_path):
    import xlsxwriter

    book = tmp_path / "other.xlsx"
    workbook = xlsxwriter.Workbook(book)
    workbook.add_worksheet("Overview").write("A1", "not ours")
    workbook.close()
    result = run(book, "--pdf")
    assert result.exit_code == 1
    assert f"{book}: not a workbook made by budgetbook" in result.output


def test_refuses_an_open_output_and_a_hostile_archive(sample_book, tmp_path):
    pdf = tmp_path / "report.pdf"
    (tmp_path / ".~lock.report.pdf#").write_text("someone")
    result = run(sample_book, "--pdf", "-o", pdf)
    assert result.exit_code == 1
    assert "it is open in Excel or LibreOffice" in result.output

    fake = tmp_path / "fake.xlsx"
    fake.write_text("date,amount\n")
    result = run(fake, "--pdf")
    assert result.exit_code == 1
    assert f"{fake}: is not an .xlsx workbook" in result.output


def _rendered(monkeypatch) -> list[list[str]]:
    """What LibreOffice is asked to render, without it: the visible sheets of each copy."""
    shown: list[list[str]] = []

    def convert(copy, out_dir, target, **_options):
        with zipfile.ZipFile(copy) as archive:
            workbook = archive.read("xl/workbook.xml").decode("utf-8")
        sheets = re.findall(r"<sheet\b[^>]*/>", workbook)
        shown.append([re.search(r'name="([^"]*)"', s)[1] for s in sheets if "state=" not in s])
        out_dir.mkdir(parents=True, exist_ok=True)
        pdf = out_dir / f"{copy.stem}.pdf"
        pdf.write_bytes(b"%PDF-1.4 /Type /Page /Type /Page")
        return pdf

    monkeypatch.setattr(export, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(export, "convert", convert)
    return shown


@pytest.fixture(scope="module")
def french_book(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("french")
    project = shutil.copytree(SAMPLE, folder / "projet")
    settings = project / "budgetbook.toml"
    settings.write_text('language = "fr"\n' + settings.read_text(encoding="utf-8"), "utf-8")
    book = folder / "classeur.xlsx"
    build_workbook(project, book)
    return book


def test_a_french_workbook_whose_sheets_a_person_renamed_is_exported(
    french_book, tmp_path, monkeypatch
):
    """Its sheets are found by the hidden names that moved with them, not by their labels:
    the default sheets, and those asked for by their built names in either language."""
    book = shutil.copy(french_book, tmp_path / "classeur.xlsx")
    rename_sheets(book, {"Synthèse": "Résumé 2026", "Dépenses": "Transactions", "Budget": "Plan"})
    shown = _rendered(monkeypatch)

    result = run(book, "--pdf")
    assert result.exit_code == 0, result.output
    assert shown[-1] == ["Résumé 2026", "Performance"]
    assert f"Exporté : Résumé 2026, Performance dans {tmp_path / 'classeur.pdf'}" in result.output

    pdf = tmp_path / "choisies.pdf"
    result = run(book, "--pdf", "-o", pdf, "--sheet", "Actuals", "--sheet", "Budget",
                 "--sheet", "Synthèse", "--sheet", "non comptées")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert shown[-1] == ["Résumé 2026", "Plan", "Transactions", "Non comptées"]
    assert pdf.read_bytes().startswith(b"%PDF")

    result = run(book, "--pdf", "-o", pdf, "--sheet", "transactions")  # its name now
    assert result.exit_code == 0, result.output
    assert shown[-1] == ["Transactions"]


def test_a_renamed_performance_sheet_is_still_exported_by_default(
    french_book, tmp_path, monkeypatch
):
    """The Performance sheet, and the others a project may lack, carry hidden names too."""
    book = shutil.copy(french_book, tmp_path / "classeur.xlsx")
    rename_sheets(book, {"Performance": "Résultats", "Feuille de route": "Actions"})
    shown = _rendered(monkeypatch)
    result = run(book, "--pdf")
    assert result.exit_code == 0, result.output
    assert shown[-1] == ["Synthèse", "Résultats"]
    result = run(book, "--pdf", "-o", tmp_path / "plan.pdf", "--sheet", "Roadmap")
    assert result.exit_code == 0, result.output
    assert shown[-1] == ["Actions"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_workbook_without_its_hidden_names_is_refused_naming_it(
    sample_book, french_book, tmp_path, monkeypatch, language
):
    book = tmp_path / "book.xlsx"
    shutil.copy(french_book if language == "fr" else sample_book, book)
    names = r"<definedName name=\"budgetbook_[^<]*</definedName>"
    rewrite_parts(book, lambda name, text: re.sub(names, "", text))
    shown = _rendered(monkeypatch)
    result = run(book, "--pdf")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
    expected = {
        "en": f"{book}: it does not say where its sheets are (its hidden name"
        " budgetbook_overview is missing or damaged); build the workbook again with budgetbook"
        " build.",
        "fr": f"{book} : il ne dit pas où sont ses feuilles (son nom masqué budgetbook_overview"
        " manque ou est abîmé) ; reconstruisez le classeur avec budgetbook build.",
    }[language]
    assert expected in result.output
    assert shown == [] and not book.with_suffix(".pdf").exists()


# --- how full the Performance pages are ---------------------------------------------------------


def page_fill(pdf: Path) -> list[float]:
    """Per page, how far down the body (between the 0.75 in top and bottom margins) the content
    reaches, as a share of the body's height: pdftoppm's grey pixels, rows with any ink."""
    if shutil.which("pdftoppm") is None:
        pdf_pages(pdf)  # the same skip or failure as for pdftotext
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "40", "-gray", str(pdf), str(prefix)], check=True)
    fills = []
    for picture in sorted(pdf.parent.glob(f"{prefix.name}-*.pgm"),
                          key=lambda p: int(p.stem.rsplit("-", 1)[1])):  # fmt: skip
        _, width, height, _, pixels = picture.read_bytes().split(maxsplit=4)
        width, height = int(width), int(height)
        inked = [y for y in range(height) if min(pixels[y * width : (y + 1) * width]) < 200]
        top = round(0.75 * 40)  # the margin, 0.75 in at 40 dots an inch
        body_rows = [y for y in inked if top <= y < height - top]  # the header and footer
        fills.append((max(body_rows) - top) / (height - 2 * top) if body_rows else 0.0)
    return fills


@pytest.mark.libreoffice
@pytest.mark.parametrize("which", ["sample", "bigger"])
def test_performance_pages_are_filled_and_keep_each_channel_whole(tmp_path, which):
    """LibreOffice prints the pages planned, no more: each holds whole channels (a table on
    one page, its last months and its chart on the next), the definitions or the review.
    LibreOffice used to add pages of its own where it drew Calibri a third wider (DejaVu Sans,
    a server with no Carlito), and leave them 35-49 % full."""
    require_calibri_metrics()
    project = SAMPLE if which == "sample" else bigger_project(tmp_path / "project")
    book = build_workbook(project, tmp_path / "book.xlsx").output
    channels = sorted(["Instagram", "Google Ads", "Pinterest", "Facebook"]
                      + (["TikTok", "LinkedIn", "YouTube", "Newsletter"] if which == "bigger"
                         else []))  # fmt: skip
    pdf = tmp_path / "report.pdf"
    result = run(book, "--pdf", "-o", pdf, "--sheet", "Performance")
    assert result.exit_code == 0, result.output
    pages = pdf_pages(pdf)
    fills = page_fill(pdf)
    print(which, [f"{fill:.0%}" for fill in fills])
    performance = openpyxl.load_workbook(book)["Performance"]
    down = len(performance.row_breaks.brk) + 1
    across = len(performance.col_breaks.brk) + 1
    assert len(pages) == len(fills) == down * across, (len(pages), down, across)
    assert all(fill <= 1 for fill in fills)
    placed = {}
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        # below the report month's label and value, repeated on every page
        body = lines[lines.index(next(line for line in lines if line.startswith("Report month")))
                     + 2:]  # fmt: skip
        # a page starts with a channel's title, the definitions or the review, never inside
        # a table
        first = body[0]
        assert first in channels or first in ("Definitions", "Operation review"), (number, first)
        for channel in channels:
            if channel in body and f"{channel}: KPI trend" in page:
                placed[channel] = number
    assert sorted(placed) == channels  # each channel on a page with its chart
    assert all(f"Page {n} / {len(pages)}" in page for n, page in enumerate(pages, start=1))


WIDER = {
    "en": "LibreOffice drew Calibri here with DejaVu Sans, which is wider: the pages break more",
    "fr": "LibreOffice a dessiné Calibri ici avec DejaVu Sans, plus large : les pages se coupent",
}


@pytest.mark.parametrize(("font", "language"), [("DejaVu Sans", "en"), ("DejaVu Sans", "fr"),
                                                (None, "en")])  # fmt: skip
def test_export_says_when_libreoffice_draws_calibri_wider(
    sample_book, french_book, tmp_path, monkeypatch, font, language
):
    """Pages planned for Excel's widths break more often in a LibreOffice that draws Calibri
    with a wider font (DejaVu Sans, on a server without Carlito): the export says so, and how
    to mend it, rather than hand over more pages than planned without a word."""
    _rendered(monkeypatch)
    monkeypatch.setattr(export, "calibri_stand_in", lambda: font)
    book = shutil.copy(sample_book if language == "en" else french_book, tmp_path / "b.xlsx")
    result = run(book, "--pdf")
    assert result.exit_code == 0, result.output
    assert (WIDER[language] in result.output) == (font is not None), result.output
    if font is not None:
        assert "apt-get install fonts-crosextra-carlito" in result.output
    record = json.loads(run(book, "--pdf", "--json").output)
    assert record["calibri_drawn_with"] == font


@pytest.mark.parametrize(("printed", "found"), [("DejaVu Sans", "DejaVu Sans"),
                                                ("Carlito", None), ("Calibri", None),
                                                ("", None)])  # fmt: skip
def test_the_font_drawn_for_calibri_is_asked_of_fontconfig(tmp_path, monkeypatch, printed, found):
    from budgetbook.write import libreoffice

    fc_match = tmp_path / "fc-match"
    fc_match.write_text(f"#!/bin/sh\nprintf '%s' '{printed}'\n")
    fc_match.chmod(0o755)
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: str(fc_match))
    assert libreoffice.calibri_stand_in() == found
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    assert libreoffice.calibri_stand_in() is None  # no fontconfig: nothing to say
