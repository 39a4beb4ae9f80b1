"""Compute the carry-over example of docs/guide.md with budgetbook itself.

It builds a tiny project (three advertising lines with the same plan and the same spending,
one per carry-over policy), reads the figures back from the workbook, then edits the workbook
as a person would (raises a planned amount, pastes a transaction), lets LibreOffice
recalculate it, and reads the figures again; last, it moves the as-of month back, as a person
would while March and April are still under way, and reads each line's pacing and forecast.
The guide holds the output between two markers; tests/test_docs.py runs this again and fails
when the guide's figures differ.

    .venv/bin/python docs/carry_over_example.py           # print the tables
    .venv/bin/python docs/carry_over_example.py --write   # rewrite them in docs/guide.md
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

import openpyxl

from budgetbook.commands.build import build_workbook
from budgetbook.write.libreoffice import convert

GUIDE = Path(__file__).parent / "guide.md"
START = "<!-- docs/carry_over_example.py: start -->"
END = "<!-- docs/carry_over_example.py: end -->"

MONTHS = ("2026-01", "2026-02", "2026-03", "2026-04")
PLANNED = 500
SPENT = (("2026-01-31", 380), ("2026-02-28", 650), ("2026-03-31", 420), ("2026-04-30", 510))
POLICIES = ("none", "surplus", "full")
ROWS = ("Planned", "Available", "Actual", "Remaining")
# The edit: February's plan of the surplus line raised to 700, and a March invoice pasted.
EDITED_LINE = "Ads (surplus)"
NEW_FEBRUARY_PLAN = 700
PASTED = (datetime(2026, 3, 15), EDITED_LINE, 100, "Pasted: extra boost, March")
# The as-of month moved back: January and February closed, March and April open.
AS_OF_CELL = "B3"
MOVED_AS_OF = datetime(2026, 2, 1)
PACING = ("Planned to date", "Actual to date", "Pace", "Forecast", "Variance")

TOML = """\
[company]
name = "Carry-over example"
currency = "EUR"

[budget]
start = "2026-01"
months = 4
carry_over = "none"
"""


def line_name(policy: str) -> str:
    return f"Ads ({policy})"


def write_project(root: Path) -> Path:
    """Three lines planned 500 a month, each spending the same, one per policy."""
    (root / "actuals").mkdir(parents=True)
    (root / "budgetbook.toml").write_text(TOML, encoding="utf-8")
    budget = ["category,line,channel,carry_over," + ",".join(MONTHS)]
    ledger = ["date,amount,line,description"]
    for policy in POLICIES:
        budget.append(f"Advertising,{line_name(policy)},,{policy}" + f",{PLANNED}" * 4)
        ledger += [f"{day},{amount},{line_name(policy)},Meta ads invoice" for day, amount in SPENT]
    (root / "budget.csv").write_text("\n".join(budget) + "\n", encoding="utf-8")
    (root / "actuals" / "ledger.csv").write_text("\n".join(ledger) + "\n", encoding="utf-8")
    return root


def blocks(book: Path) -> dict[str, dict[str, list[float]]]:
    """Each line's four rows (Planned, Available, Actual, Remaining) as the workbook holds
    them: the values stored with the formulas, or those LibreOffice computed."""
    sheet = openpyxl.load_workbook(book, data_only=True)["Budget"]
    found: dict[str, dict[str, list[float]]] = {}
    line = None
    for row in sheet.iter_rows(min_row=5, values_only=True):
        if row[1] in {line_name(p) for p in POLICIES}:
            line = row[1]
        elif row[1]:
            line = None  # a category total or the grand total
        if line is not None and row[3] in ROWS:
            found.setdefault(line, {})[row[3]] = [float(v) for v in row[4 : 4 + len(MONTHS)]]
    return found


def available_formulas(book: Path) -> dict[str, str]:
    """February's Available formula of each line: where the policy shows in the workbook."""
    sheet = openpyxl.load_workbook(book)["Budget"]
    found = {}
    line = None
    for row in sheet.iter_rows(min_row=5):
        line = row[1].value or line
        if row[3].value == "Available" and line in {line_name(p) for p in POLICIES}:
            found[line] = row[5].value  # column F: February
    return found


def edit(book: Path, edited: Path) -> None:
    """What a person does in Excel: type a new planned amount, paste a row below the last."""
    workbook = openpyxl.load_workbook(book)
    budget = workbook["Budget"]
    for row in budget.iter_rows(min_row=5):
        if row[1].value == EDITED_LINE and row[3].value == "Planned":
            row[5].value = NEW_FEBRUARY_PLAN  # column F: February
    actuals = workbook["Actuals"]
    day, line, amount, description = PASTED
    last = actuals.max_row + 1
    actuals.cell(last, 1, day).number_format = "yyyy-mm-dd"
    actuals.cell(last, 4, line)
    actuals.cell(last, 5, amount)
    actuals.cell(last, 6, description)
    workbook.save(edited)


def pacing(book: Path) -> dict[str, dict[str, object]]:
    """Each line's pacing cells (by their header) and its Available row, and the as-of month."""
    sheet = openpyxl.load_workbook(book, data_only=True)["Budget"]
    header = next(r for r in sheet.iter_rows(min_row=4, max_row=4, values_only=True))
    cols = {title: col for col, title in enumerate(header) if title in PACING}
    found = {}
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    for index, row in enumerate(rows):
        if row[1] in {line_name(p) for p in POLICIES} and row[3] == "Planned":
            available = [float(v) for v in rows[index + 1][4 : 4 + len(MONTHS)]]
            found[row[1]] = {"Available": available, **{t: row[c] for t, c in cols.items()}}
    found["as of"] = sheet[AS_OF_CELL].value
    return found


def move_as_of(book: Path, moved: Path) -> None:
    workbook = openpyxl.load_workbook(book)
    workbook["Budget"][AS_OF_CELL].value = MOVED_AS_OF
    workbook.save(moved)


def pacing_table(figures: list[dict[str, dict[str, object]]]) -> str:
    """A row per line and as-of month: its Available in March and April, then its pacing."""
    out = [
        "| Line | Closed through | Available Mar | Available Apr | " + " | ".join(PACING) + " |",
        "|---|---|--:|--:|" + "--:|" * len(PACING),
    ]
    for policy in POLICIES:
        for found in figures:
            line = found[line_name(policy)]
            cells = [f"{line['Available'][2]:,.0f}", f"{line['Available'][3]:,.0f}"]
            for title in PACING:
                value = line[title]
                cells.append(f"{value:.0%}" if title == "Pace" else f"{value:,.0f}")
            month = f"{found['as of']:%b %Y}"
            out.append(f"| *{line_name(policy)}* | {month} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def table(rows: dict[str, list[float]], changed: dict[str, list[float]] | None = None) -> str:
    """A Markdown table; with ``changed``, figures that moved show as old → new."""
    head = "| | Jan | Feb | Mar | Apr |\n|---|--:|--:|--:|--:|"
    out = [head]
    for name in ROWS:
        cells = []
        for month, value in enumerate(rows[name]):
            after = changed[name][month] if changed else value
            cells.append(f"{value:,.0f}" if after == value else f"{value:,.0f} → **{after:,.0f}**")
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def render() -> str:
    """The guide's fragment: one table per policy, then the surplus line after the edit."""
    with tempfile.TemporaryDirectory(prefix="budgetbook-example-") as folder:
        root = write_project(Path(folder) / "project")
        book = build_workbook(root, Path(folder) / "book.xlsx").output
        before = blocks(book)
        formulas = available_formulas(book)
        edited = Path(folder) / "edited.xlsx"
        edit(book, edited)
        after = blocks(convert(edited, Path(folder) / "recalculated"))
        moved = Path(folder) / "moved.xlsx"
        move_as_of(book, moved)
        paced = [pacing(book), pacing(convert(moved, Path(folder) / "moved"))]
    out = [START]
    for policy in POLICIES:
        name = line_name(policy)
        out += [
            "",
            f"`{policy}` (line *{name}*; February's Available reads `{formulas[name]}`):",
            "",
            table(before[name]),
        ]
    out += [
        "",
        f"*{EDITED_LINE}* after raising February's Planned to {NEW_FEBRUARY_PLAN} and pasting"
        f" a {PASTED[2]} row dated {PASTED[0]:%Y-%m-%d} on Actuals, as recalculated by"
        " LibreOffice:",
        "",
        table(before[EDITED_LINE], after[EDITED_LINE]),
        "",
        "Each line's pacing as built (the latest transaction is April's, so every month is"
        f" closed), then with *Closed through* moved back to {MOVED_AS_OF:%b %Y} on the built"
        " workbook, as recalculated by LibreOffice:",
        "",
        pacing_table(paced),
        "",
        END,
    ]
    return "\n".join(out)


def replace_between_markers(text: str, fragment: str) -> str:
    head, rest = text.split(START, 1)
    return head + fragment + rest.split(END, 1)[1]


if __name__ == "__main__":
    fragment = render()
    if "--write" in sys.argv[1:]:
        GUIDE.write_text(
            replace_between_markers(GUIDE.read_text(encoding="utf-8"), fragment), encoding="utf-8"
        )
        print(f"Wrote the example into {GUIDE}")
    else:
        print(fragment)
