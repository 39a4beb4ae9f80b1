"""Edits a person or another application makes to a built workbook, as tests make them: its
XML parts rewritten, its sheets renamed."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path


def rewrite_parts(book: Path, edit: Callable[[str, str], str]) -> None:
    """Every XML part of the book as ``edit(name, text)`` rewrites it; the others as they are."""
    with zipfile.ZipFile(book) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name.endswith((".xml", ".rels")):
                data = edit(name, data.decode("utf-8")).encode("utf-8")
            archive.writestr(name, data)


def rename_sheets(book: Path, renames: dict[str, str]) -> None:
    """The sheets renamed as Excel renames them: the names and the formulas that refer to a
    sheet follow it."""

    def edit(name: str, text: str) -> str:
        for old, new in renames.items():
            if name == "xl/workbook.xml":
                text = text.replace(f'<sheet name="{old}"', f'<sheet name="{new}"')
            text = text.replace(f"'{old}'!", f"'{new}'!").replace(f"{old}!", f"'{new}'!")
        return text

    rewrite_parts(book, edit)
