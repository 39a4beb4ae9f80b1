"""budgetbook export --pdf: which sheets reach the PDF, and the refusals that write nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from budgetbook import export
from budgetbook.build import build_workbook
from budgetbook.cli import main
from tests.conftest import SAMPLE
from tests.recalc import require_libreoffice

TITLES = {
    "overview": "Atelier Lune — Marketing budget",
    "performance": "Performance report",
    "budget": "Marketing budget — Atelier Lune",
    "actuals": "Source file",
}


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, by pdftotext (poppler-utils): skipped where it is missing,
    except under CI."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") or os.environ.get("BUDGETBOOK_REQUIRE_LIBREOFFICE"):
            pytest.fail("pdftotext (poppler-utils) is required under CI but was not found")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout.split("\f")[:-1]


def run(*args: object):
    return CliRunner().invoke(main, ["export", *map(str, args)])


@pytest.mark.libreoffice
def test_default_export_holds_overview_and_performance_only(sample_book, tmp_path):
    require_libreoffice()
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
    # One Overview page, then the Performance: two channels a page and the review.
    assert 3 <= len(pages) <= 6
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
