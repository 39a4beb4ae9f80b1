"""``budgetbook init``: a new project folder from the templates shipped with the package."""

from __future__ import annotations

import shutil
from datetime import datetime
from importlib.resources import as_file, files
from pathlib import Path

from budgetbook.errors import BudgetbookError, not_written
from budgetbook.i18n.labels import LABELS
from budgetbook.i18n.messages import Text
from budgetbook.read.tables import read_table
from budgetbook.read.values import parse_amount

# The example files, per language (headers, words and number formats a user of it writes), in
# the repository's top-level templates/, installed as the package budgetbook.templates.
TEMPLATE_FOLDERS = {"en": "project-en", "fr": "project-fr"}


def create_project(
    directory: Path, budget_as_xlsx: bool = False, language: str = "en"
) -> list[Path]:
    """Copy the templates of ``language`` into ``directory``; refuse to overwrite any file
    already there."""
    folder = TEMPLATE_FOLDERS.get(language)
    if folder is None:  # a language with a catalogue but no example files yet
        raise BudgetbookError(
            Text(
                "budgetbook has no example files in '{language}' yet: run init with --lang en,"
                ' then write language = "{language}" in budgetbook.toml.',
                language=language,
            )
        )
    with as_file(files("budgetbook.templates") / folder) as templates:
        return _copy(templates, directory, budget_as_xlsx, language)


def _copy(templates: Path, directory: Path, budget_as_xlsx: bool, language: str) -> list[Path]:
    """Every clash is looked for before the first file is written, so a refusal leaves the
    folder as it was."""
    sources = sorted(
        p for p in templates.rglob("*") if p.is_file() and p.suffix in (".csv", ".toml")
    )
    targets = [directory / p.relative_to(templates) for p in sources]
    if budget_as_xlsx:
        targets = [t.with_suffix(".xlsx") if t.name == "budget.csv" else t for t in targets]
    clashes = [t for t in targets if t.exists()]
    if clashes:
        raise BudgetbookError(
            Text(
                "{path}: already exists; init never overwrites files. Choose an empty or new"
                " folder.",
                path=clashes[0],
            )
        )
    written = []
    for source, target in zip(sources, targets, strict=True):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.suffix == ".xlsx":
                write_budget_xlsx(source, target, language)
            else:
                shutil.copyfile(source, target)
        except OSError as exc:
            raise not_written(exc, target) from None
        written.append(target)
    return written


def write_budget_xlsx(source: Path, target: Path, language: str = "en") -> None:
    """The budget template as a workbook to fill in: text month headers, a dropdown of the
    policies in ``language``."""
    from xlsxwriter.workbook import Workbook

    table = read_table(source, source.name)
    workbook = Workbook(str(target), {"strings_to_formulas": False, "strings_to_numbers": False})
    workbook.set_properties({"author": "budgetbook", "created": datetime(2000, 1, 1)})
    ws = workbook.add_worksheet("Budget")
    header = workbook.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "white"})
    amount = workbook.add_format({"num_format": "#,##0.00"})
    for col, title in enumerate(table.header):
        ws.write_string(0, col, title, header)  # text, so Excel does not turn 2027-01 into a date
    fixed = 4
    for row, (_, cells) in enumerate(table.rows, start=1):
        for col, value in enumerate(cells):
            text = str(value)
            if col >= fixed and text:
                ws.write_number(row, col, float(parse_amount(text)), amount)
            else:
                ws.write_string(row, col, text)
    last = max(len(table.rows), 200)
    policies = list(LABELS[language].policies.values())
    ws.data_validation(1, 3, last, 3, {"validate": "list", "source": policies})
    ws.set_column(0, 0, 18)
    ws.set_column(1, 1, 24)
    ws.set_column(2, 3, 11)
    ws.set_column(fixed, len(table.header) - 1, 10)
    ws.freeze_panes(1, 2)
    workbook.close()
