"""The text of a PDF that LibreOffice printed, by poppler-utils: page by page, and each word
with the height of its box, for the tests of exported and printed pages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')


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


def word_heights(pdf: Path) -> list[list[tuple[str, float]]]:
    """Per page, each word and its box's height in points, by ``pdftotext -bbox``."""
    return [
        [(text, y_max - y_min) for text, _, y_min, _, y_max in page] for page in word_boxes(pdf)
    ]


def word_boxes(pdf: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Per page, in reading order, each word and its box (left, top, right, bottom, in points
    from the page's top left corner), by ``pdftotext -bbox``."""
    pdf_pages(pdf)  # the same skip or failure where poppler-utils is missing
    done = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return [
        [
            (text, float(x_min), float(y_min), float(x_max), float(y_max))
            for x_min, y_min, x_max, y_max, text in WORD.findall(page)
        ]
        for page in done.stdout.split("<page ")[1:]
    ]
