"""Pictures of the sample's workbook, one per sheet, as LibreOffice prints it (``make pictures``).

The sample project is built, every sheet is exported to one PDF by ``budgetbook export`` (so the
pictures show the pages a person would send), and the first page of each sheet is drawn at a
modest resolution into docs/pictures/, which the README and the guide show. Needs LibreOffice
and poppler-utils (pdftoppm, pdftotext).

    python docs/pictures.py [--out FOLDER] [--dpi 60]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from budgetbook.commands.build import build_workbook
from budgetbook.commands.export import export_pdf

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "atelier-lune"
PICTURES = Path(__file__).parent / "pictures"
DPI = 60  # an A4 page 700 pixels wide: readable in a README, a few tens of kilobytes


def file_name(sheet: str) -> str:
    """``Not counted`` -> ``not-counted.png``."""
    return re.sub(r"[^a-z0-9]+", "-", sheet.casefold()).strip("-") + ".png"


def first_pages(pdf: Path, sheets: list[str]) -> dict[str, int]:
    """The page each sheet starts on, read from the sheet name in each page's header."""
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    starts: dict[str, int] = {}
    for number, page in enumerate(done.stdout.split("\f")[:-1], start=1):
        header = next((line.strip() for line in page.splitlines() if line.strip()), "")
        sheet = next((name for name in sheets if header.endswith(name)), None)
        if sheet is not None:
            starts.setdefault(sheet, number)
    return starts


def render(out: Path, dpi: int = DPI) -> list[Path]:
    """Write a PNG of each sheet's first page to ``out``; return them in workbook order."""
    for tool in ("pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: install poppler-utils")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="budgetbook-pictures-") as folder:
        book = build_workbook(SAMPLE, Path(folder) / "atelier-lune.xlsx").output
        everything = [
            "Overview", "Strategy", "Budget", "Actuals", "Roadmap", "Calendar", "Performance",
            "Not counted",
        ]  # fmt: skip
        summary = export_pdf(book, Path(folder) / "atelier-lune.pdf", everything)
        starts = first_pages(summary.output, summary.sheets)
        written = []
        for sheet in summary.sheets:
            if sheet not in starts:
                raise SystemExit(f"{summary.output}: no page says it belongs to {sheet}")
            target = out / file_name(sheet)
            page = str(starts[sheet])
            subprocess.run(
                ["pdftoppm", "-png", "-r", str(dpi), "-f", page, "-l", page, "-singlefile",
                 str(summary.output), str(target.with_suffix(""))],
                check=True,
            )  # fmt: skip
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PICTURES)
    parser.add_argument("--dpi", type=int, default=DPI)
    arguments = parser.parse_args(argv)
    for picture in render(arguments.out, arguments.dpi):
        print(picture.relative_to(ROOT) if picture.is_relative_to(ROOT) else picture)
    return 0


if __name__ == "__main__":
    sys.exit(main())
