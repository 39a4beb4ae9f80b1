"""``budgetbook next``: the project folder of the period after this one.

The new folder holds budgetbook.toml with ``[budget] start`` moved to the month after the
period (its comments and every other setting kept; ``as_of`` dropped, since none of the new
months is closed), budget.csv (or budget.xlsx, as the project had) with the same lines, each
month seeded from this period's plan or actuals and changed by a percentage, and each
carry-over line's closing balance as its ``opening``; the objectives and mapping rules as they
are, and an empty actuals/. The roadmap, calendar, KPIs, operations and metrics/ describe the
period that ended and are not carried. Nothing is written unless the whole folder could be:
it is made beside its destination and moved into place at the end."""

from __future__ import annotations

import csv
import io
import re
import secrets
import shutil
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from itertools import islice
from pathlib import Path

from budgetbook.compute.budget import Rows, carry, compute_budget
from budgetbook.errors import BudgetbookError, not_written, speaking
from budgetbook.i18n.messages import Text
from budgetbook.model import BudgetLine, CarryOver, Config, Period, Project, month_key
from budgetbook.read.aliases import normalise
from budgetbook.read.config import CONFIG_NAME, parse_config
from budgetbook.read.project import find_table, load_project
from budgetbook.read.tables import Table, cell_text, read_table
from budgetbook.read.text_lines import decoded_lines, sniff_delimiter
from budgetbook.read.values import detect_decimal_comma

CENT = Decimal("0.01")
SEEDS = ("plan", "actual")
# What is copied as it is, and what describes the period that ended (not carried).
CARRIED_TABLES = ("objectives", "mapping")
NOT_CARRIED_TABLES = ("roadmap", "calendar", "kpis", "operations")
NOT_CARRIED_FOLDERS = ("metrics",)


@dataclass(frozen=True)
class NextPeriod:
    """What ``next`` wrote, for the summary and for scripts."""

    project: Project  # the period that ends, as read
    folder: Path  # the new project's folder
    period: Period  # the new period
    seed: str  # "plan" or "actual"
    change: Decimal  # a fraction: 0.05 for +5%
    lines: list[BudgetLine]  # the new budget's lines, with their openings
    planned_before: Decimal  # this period's planned total
    open_months: list[date]  # this period's months with no actuals yet (--from actual: the plan's)
    carried: list[str]  # files and folders of the new project, as named there
    not_carried: list[str]  # the project's inputs left behind

    @property
    def planned(self) -> Decimal:
        return sum((sum(line.planned, Decimal(0)) for line in self.lines), Decimal(0))

    @property
    def openings(self) -> dict[str, Decimal]:
        """Each carry-over line's opening, by name."""
        return {line.name: line.opening for line in self.lines if line.carry_over is not NONE}


NONE = CarryOver.NONE


def parse_change(text: str) -> Decimal:
    """``+5%``, ``-10 %``, ``0%``, ``2,5%`` as a fraction (0.05); refuse anything else, and a
    cut of more than 100 %, which would plan negative amounts."""
    match = re.fullmatch(r"\s*([+\-−]?)\s*(\d+(?:[.,]\d+)?)\s*%\s*", text)
    if match is None:
        raise BudgetbookError(
            Text(
                "--change {value}: is not a change. Write a percentage, such as +5%, -10% or 0%.",
                value=repr(text),
            )
        )
    percent = Decimal(match[2].replace(",", "."))
    if match[1] in "-−" and match[1]:
        percent = -percent
    if percent < -100:
        raise BudgetbookError(
            Text(
                "--change {value}: would cut every amount below zero; a cut goes down to -100%.",
                value=repr(text),
            )
        )
    return percent / 100


def next_period(
    project_dir: Path | str, folder: Path | str, seed: str = "plan", change: str = "0%"
) -> NextPeriod:
    """Write the project folder of the period after ``project_dir``'s into ``folder``, which
    must not exist or be empty."""
    if seed not in SEEDS:
        raise ValueError(f"seed is one of {SEEDS}, not {seed!r}")
    project = load_project(project_dir)
    with speaking(project.config.language):  # refusals told in the project's language
        rate = parse_change(change)
        _refuse_a_folder_in_use(Path(folder))
        return _next_period(project, Path(folder), seed, rate)


def _refuse_a_folder_in_use(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BudgetbookError(
            Text(
                "{path}: already exists and is not empty; next writes only into a new or empty"
                " folder, so that nothing there is overwritten. Choose another folder.",
                path=folder,
            )
        )


def _next_period(project: Project, folder: Path, seed: str, rate: Decimal) -> NextPeriod:
    config = project.config
    period = _following(config.period)
    figures = compute_budget(project)
    # The months after the as-of month: no actuals yet, their plan stands.
    open_months = range(figures.total.closed, config.period.months)
    if seed == "actual" and len(open_months) == config.period.months:
        raise BudgetbookError(
            Text(
                "{project} has no actuals counted in its period, so --from actual has"
                " nothing to seed the budget with. Use --from plan, or add finance's files"
                " to its actuals/ folder.",
                project=project.root,
            )
        )
    lines = []
    for line in project.lines:
        rows = figures.lines[line.name]
        amounts = [
            rows.planned[month] if seed == "plan" or month in open_months else rows.actual[month]
            for month in range(config.period.months)
        ]
        planned = tuple(_scaled(max(Decimal(0), amount), rate) for amount in amounts)
        opening = (
            Decimal(0)
            if line.carry_over is NONE
            else carry(line.carry_over, _closing(rows)).quantize(CENT, ROUND_HALF_UP)
        )
        lines.append(replace(line, planned=planned, opening=opening))
    root = project.root
    budget_path = find_table(root, "budget", required=True)
    toml_text = moved_config(project.config_text, config, period)
    carried_tables = [p for stem in CARRIED_TABLES if (p := find_table(root, stem, False))]
    not_carried = [p.name for stem in NOT_CARRIED_TABLES if (p := find_table(root, stem, False))]
    not_carried += [f"{name}/" for name in NOT_CARRIED_FOLDERS if (root / name).is_dir()]
    stage, emptied = None, False
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        made = folder.parent / f".{folder.name}.budgetbook-next-{secrets.token_hex(4)}"
        made.mkdir()  # a folder of its own, made here, as the user's umask says
        stage = made
        (stage / CONFIG_NAME).write_text(toml_text, encoding="utf-8")
        _write_budget(budget_path, stage / budget_path.name, lines, period, config)
        for path in carried_tables:
            shutil.copyfile(path, stage / path.name)
        (stage / "actuals").mkdir()
        if folder.exists():
            folder.rmdir()  # empty, as checked: it gives way to the new folder
            emptied = True
        stage.rename(folder)
    except OSError as exc:
        if emptied and not folder.exists():
            folder.mkdir()  # the empty folder the user gave, back as it was
        raise not_written(exc, folder) from None
    finally:
        if stage is not None and stage.exists():  # what was written, when it was not moved
            shutil.rmtree(stage, ignore_errors=True)
    carried = [CONFIG_NAME, budget_path.name, *(p.name for p in carried_tables), "actuals/"]
    return NextPeriod(
        project,
        folder,
        period,
        seed,
        rate,
        lines,
        figures.total.total_planned,
        [config.period.month_starts()[m] for m in open_months],
        carried,
        not_carried,
    )


def _following(period: Period) -> Period:
    try:
        return Period(period.end, period.months)
    except ValueError:  # past the year 9999
        raise BudgetbookError(
            Text("The period after {last} is past the year 9999.", last=month_key(period.end))
        ) from None


def _closing(rows: Rows) -> Decimal:
    """The last month's Remaining; while that month is open, as the forecast takes it: it
    spends what it has, so only what it already spent beyond that is left (negative)."""
    remaining = rows.remaining[-1]
    return remaining if rows.closed == len(rows.remaining) else min(Decimal(0), remaining)


def _scaled(amount: Decimal, rate: Decimal) -> Decimal:
    return (amount * (1 + rate)).quantize(CENT, ROUND_HALF_UP)


def moved_config(text: str, config: Config, period: Period) -> str:
    """budgetbook.toml with [budget] start moved to ``period``'s and its as_of left out,
    every other line, comment included, as the user wrote it; refused where the file does
    not say start in a way it can be moved."""
    lines = text.splitlines(keepends=True)
    section, out = None, []
    for line in lines:
        header = re.match(r"\s*\[\s*([^\[\]]+?)\s*\]", line)
        if header and not line.lstrip().startswith("[["):
            section = header[1]
        elif line.lstrip().startswith("[["):
            section = None
        if section == "budget":
            if re.match(r"\s*as_of\s*=", line):
                continue
            line = re.sub(
                r"^(\s*start\s*=\s*)([\"'])\d{4}-\d{1,2}\2",
                lambda m: f"{m[1]}{m[2]}{month_key(period.start)}{m[2]}",
                line,
            )
        out.append(line)
    moved = "".join(out)
    try:
        settings = parse_config(moved)
    except BudgetbookError:
        settings = None
    if settings is None or settings.period != period or settings.as_of:
        raise BudgetbookError(
            Text(
                '{file}: its [budget] start could not be moved to "{month}". Write it on a line'
                ' of its own under [budget], as start = "{start}", then run next again.',
                file=CONFIG_NAME,
                month=month_key(period.start),
                start=month_key(config.period.start),
            )
        )
    return moved


def _write_budget(
    source: Path, target: Path, lines: list[BudgetLine], period: Period, config: Config
) -> None:
    """The new budget in the source's dialect: its headers' words (French or English), its
    delimiter and decimal separator, its encoding's BOM; budget.xlsx where it was one."""
    table = read_table(source, source.name, limits=config.limits)
    french = normalise(table.header[table.column("line")]) != "line"
    carry_words = {cell_text(table, row, "line"): cell_text(table, row, "carry_over")
                   for _, row in table.rows}  # fmt: skip
    has_vat = table.column("vat") is not None
    has_opening = table.column("opening") is not None or any(
        line.carry_over is not NONE for line in lines
    )

    def title(name: str, english: str, in_french: str) -> str:
        index = table.column(name)
        return table.header[index] if index is not None else (in_french if french else english)

    header = [
        title("category", "category", "catégorie"),
        title("line", "line", "poste"),
        title("channel", "channel", "canal"),
        title("carry_over", "carry_over", "report"),
        *([title("opening", "opening", "ouverture")] if has_opening else []),
        *([title("vat", "vat", "tva")] if has_vat else []),
        *(month_key(month) for month in period.month_starts()),
    ]
    if source.suffix.lower() == ".xlsx":
        delimiter, comma, bom = ",", False, False
    else:
        data = source.read_bytes()
        delimiter = sniff_delimiter(list(islice(decoded_lines(data), 50)))
        comma = detect_decimal_comma(_amount_cells(table))
        if comma is None:
            comma = delimiter == ";" or french or config.language == "fr"
        bom = data.startswith(b"\xef\xbb\xbf")

    def amount(value: Decimal) -> str:
        text = str(int(value)) if value == value.to_integral_value() else f"{value:.2f}"
        return text.replace(".", ",") if comma else text

    def vat(line: BudgetLine) -> str:
        if line.vat is None:
            return ""
        text = format((line.vat * 100).normalize(), "f")
        return text.replace(".", ",") if comma else text

    rows = [
        [
            line.category,
            line.name,
            line.channel,
            carry_words.get(line.name, ""),
            *([amount(line.opening) if line.carry_over is not NONE else ""] if has_opening else []),
            *([vat(line)] if has_vat else []),
            *(amount(value) if value else "" for value in line.planned),
        ]
        for line in lines
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerows([header, *rows])
    if source.suffix.lower() == ".xlsx":
        from budgetbook.commands.init import write_budget_xlsx

        as_csv = target.with_suffix(".csv")
        as_csv.write_text(buffer.getvalue(), encoding="utf-8")
        write_budget_xlsx(as_csv, target, config.language)
        as_csv.unlink()
    else:
        target.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8")


def _amount_cells(table: Table) -> list[object]:
    """The budget's month and opening cells, whose decimals tell the file's separator."""
    fixed = {table.column(name) for name in ("category", "line", "channel", "carry_over", "vat")}
    return [cell for _, row in table.rows for i, cell in enumerate(row) if i not in fixed]
