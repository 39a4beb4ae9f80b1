"""Assemble the workbook and write it safely: a temporary file, then an atomic replace."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path

from budgetbook.commands.progress import step
from budgetbook.compute.budget import BudgetFigures
from budgetbook.compute.performance import Performance
from budgetbook.compute.plan import Schedule
from budgetbook.errors import BudgetbookError, os_reason
from budgetbook.i18n.labels import LABELS
from budgetbook.i18n.messages import Text
from budgetbook.model import Project, in_date_order
from budgetbook.write.side_file import side_file_for, write_side_file

WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,  # untrusted text stays text
    "strings_to_numbers": False,
    "strings_to_urls": False,
    # Every function budgetbook writes is one Excel has had since 2007, so none needs the
    # "_xlfn." prefix (tests/test_compatibility.py checks it); the option would run ~150 regular
    # expressions over each formula, most of a large build's time.
    "use_future_functions": False,
    "nan_inf_to_errors": True,
    "remove_timezone": True,
}


def new_workbook(path: Path):
    """An XlsxWriter workbook with budgetbook's options, whose sheets write the same cells
    in less time (see ``worksheet_class``)."""
    from xlsxwriter.workbook import Workbook

    workbook = Workbook(str(path), WORKBOOK_OPTIONS)
    workbook.worksheet_class = worksheet_class()
    return workbook


# The functions whose names XlsxWriter 3.3's _prepare_formula prefixes in every formula (its
# "\SINGLE\(" matches any "INGLE(").
_REWRITTEN = re.compile(
    r"(?:ANCHORARRAY|BYCOL|BYROW|CHOOSECOLS|CHOOSEROWS|DROP|EXPAND|FILTER|HSTACK|LAMBDA"
    r"|MAKEARRAY|MAP|RANDARRAY|REDUCE|SCAN|INGLE|SEQUENCE|SORT|SORTBY|SWITCH|TAKE|TEXTSPLIT"
    r"|TOCOL|TOROW|UNIQUE|VSTACK|WRAPCOLS|WRAPROWS|XLOOKUP)\("
)


@cache
def worksheet_class():
    """XlsxWriter's Worksheet, doing two things of each cell's in less time.

    ``write_formula`` runs some thirty regular expressions over every formula, each adding the
    ``_xlfn.`` prefix to one of Excel's dynamic-array functions: an eighth of a 300-line,
    200,000-transaction build, whose formulas hold none of them. One search finds whether a
    formula does; only then, or when XlsxWriter asks for more (``expand_future_functions``,
    for conditional formats and validations), does it go through XlsxWriter's own.

    Writing the XML, XlsxWriter escapes each attribute of each cell; the style index of a
    cell is a number, which its regular expression refuses with a TypeError, caught: a
    microsecond for every styled cell, another tenth of the build. A number needs no escaping.

    tests/test_workbook.py holds both ways equal, byte for byte.
    """
    from xlsxwriter.worksheet import Worksheet

    class Sheet(Worksheet):
        def _prepare_formula(self, formula, expand_future_functions=False):
            if (
                expand_future_functions
                or self.use_future_functions
                or formula.startswith("{")
                or formula.endswith("}")
                or _REWRITTEN.search(formula)
            ):
                return super()._prepare_formula(formula, expand_future_functions)
            return formula.removeprefix("=")

        def _escape_attributes(self, attribute):
            if attribute.__class__ is int:
                return attribute
            return super()._escape_attributes(attribute)

    return Sheet


# The sheets a workbook may hold, by the key ``write_workbook``'s ``sheets`` names them, in the
# order they appear; and what each one's formulas refer to, which must be written with it.
SHEETS = (
    "overview", "strategy", "budget", "actuals", "roadmap", "calendar", "performance",
    "not_counted",
)  # fmt: skip
NEEDS = {
    "overview": {"budget", "actuals", "not_counted"},
    "budget": {"actuals"},
    "performance": {"budget", "actuals"},
}


def write_workbook(
    project: Project,
    figures: BudgetFigures,
    performance: Performance,
    schedule: Schedule,
    output: Path,
    sheets: tuple[str, ...] | None = None,
) -> Path | None:
    """Write the workbook of figures computed before, to ``output``; an existing file there
    is replaced only on success,
    and not at all while someone has it open. With more transactions than the Actuals sheet
    may hold, they go to a CSV file beside it, whose path is returned.

    ``sheets`` (keys of SHEETS) writes only those sheets, in that order, opening on the first,
    each even where the project has nothing for it (a blank Calendar, Roadmap): the templates
    kit. A workbook of some of them has no record sheet, so ``update`` does not take it for a
    built one; a selection without a sheet another one's formulas read (NEEDS) is refused."""
    if sheets is not None:
        _check_selection(sheets)
    output = Path(output)
    refuse_if_open(output)
    side_file = None
    transactions = project.transactions
    if len(transactions) > project.config.workbook.actuals_sheet_max:
        side_file = side_file_for(output)
        labels = LABELS[project.config.language]
        in_order = in_date_order(transactions)
        atomic_write(side_file, lambda temporary: write_side_file(temporary, in_order, labels))
    side_name = side_file.name if side_file else None
    atomic_write(
        output,
        lambda temporary: _lay_out(
            project, figures, performance, schedule, temporary, side_name, sheets
        ),
    )
    return side_file


def _check_selection(sheets: tuple[str, ...]) -> None:
    """A programming error, not a user's: the kit's script names the sheets."""
    unknown = sorted(set(sheets) - set(SHEETS))
    if unknown:
        raise ValueError(f"no such sheet: {', '.join(unknown)}; the sheets are {SHEETS}")
    for sheet in sorted(sheets):
        missing = sorted(NEEDS.get(sheet, set()) - set(sheets))
        if missing:
            raise ValueError(f"{sheet} refers to {', '.join(missing)}, which must be written too")


def refuse_if_open(book: Path) -> None:
    """Excel leaves ``~$BOOK.xlsx`` beside a workbook it has open, LibreOffice
    ``.~lock.BOOK.xlsx#``: replacing the file under them would lose the person's work."""
    for lock in (book.with_name("~$" + book.name), book.with_name(f".~lock.{book.name}#")):
        if lock.exists():
            raise BudgetbookError(
                Text(
                    "{book}: it is open in Excel or LibreOffice ({lock} exists); close it and"
                    " try again.",
                    book=book,
                    lock=lock.name,
                )
            )


def atomic_write(output: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``output``, then move it into place, so a
    failure or a kill at any moment leaves the previous file whole."""
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise BudgetbookError(
            Text("{folder}: no such folder for {name}.", folder=folder, name=output.name)
        )
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise BudgetbookError(
            Text("{output}: cannot write here ({reason}).", output=output, reason=os_reason(exc))
        ) from None
    os.close(handle)
    try:
        write(Path(temporary))
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, _mode_for(output))
        os.replace(temporary, output)
    except OSError as exc:
        raise BudgetbookError(
            Text("{output}: cannot write it ({reason}).", output=output, reason=os_reason(exc))
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _mode_for(output: Path) -> int:
    """The replaced file's permissions, else what the umask gives a new file: mkstemp makes
    its file private (0600), which would hide a shared workbook from colleagues."""
    try:
        return output.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _lay_out(
    project: Project,
    figures: BudgetFigures,
    performance: Performance,
    schedule: Schedule,
    path: Path,
    side_file: str | None,
    sheets: tuple[str, ...] | None,
) -> None:
    from budgetbook.write.sheets.actuals_sheet import plan_actuals, write_actuals
    from budgetbook.write.sheets.budget_sheet import write_budget
    from budgetbook.write.sheets.calendar_sheet import write_calendar
    from budgetbook.write.sheets.not_counted_sheet import write_not_counted
    from budgetbook.write.sheets.overview_sheet import counts, write_overview
    from budgetbook.write.sheets.performance_sheet import plan_performance, write_performance
    from budgetbook.write.sheets.record_sheet import (
        SHEET,
        SHEET_NAME,
        Place,
        name_places,
        write_record,
    )
    from budgetbook.write.sheets.roadmap_sheet import write_roadmap
    from budgetbook.write.sheets.strategy_sheet import has_strategy, write_strategy
    from budgetbook.write.sheets.styles import Styles

    config = project.config
    labels = LABELS[config.language]
    workbook = new_workbook(path)
    # Fixed properties, so the same inputs give a byte-identical file.
    workbook.set_properties(
        {
            "title": f"{config.company_name} — {labels.budget_title}",
            "author": "budgetbook",
            "company": config.company_name,
            "created": datetime(config.period.start.year, config.period.start.month, 1),
        }
    )
    styles = Styles(workbook, config.currency, config.language)
    wanted = {
        "overview": True,
        "strategy": has_strategy(project),
        "budget": True,
        "actuals": True,
        "roadmap": bool(project.initiatives),
        "calendar": bool(project.posts),
        "performance": bool(performance.blocks or project.operations),
        "not_counted": True,
    }
    order = SHEETS if sheets is None else tuple(dict.fromkeys(sheets))
    if sheets is not None:
        wanted = {key: key in sheets for key in SHEETS}
    added = {key: workbook.add_worksheet(getattr(labels, key)) for key in order if wanted[key]}
    overview, strategy, budget, actuals = (added.get(key) for key in SHEETS[:4])
    roadmap, calendar, report, not_counted = (added.get(key) for key in SHEETS[4:])
    report_layout = plan_performance(performance, config.period, labels) if report else None
    whole = sheets is None or set(SHEETS) <= set(sheets)
    record = workbook.add_worksheet(SHEET_NAME) if whole else None

    strategy_layout = None
    if strategy is not None:
        strategy_layout = write_strategy(
            workbook, strategy, project, styles, labels, performance, report_layout
        )
    if roadmap is not None:
        write_roadmap(workbook, roadmap, project, styles, labels, strategy_layout, schedule)
    if calendar is not None:
        write_calendar(workbook, calendar, project, schedule, styles, labels)
    layout = None
    if actuals is not None:
        actuals_layout = plan_actuals(project, side_file)
        write_actuals(actuals, project, actuals_layout, styles, labels)
    if budget is not None:
        layout = write_budget(
            budget, project, figures, styles, labels, actuals.name, actuals_layout
        )
    if overview is not None:
        counted = counts(
            project, actuals.name, actuals_layout, not_counted.name, side_file is not None
        )
        write_overview(workbook, overview, project, figures, layout, counted, styles, labels)
    if report is not None:
        write_performance(
            workbook, report, performance, report_layout, layout, config.period,
            config.currency, config.language, config.company_name, styles, labels,
        )  # fmt: skip
    if not_counted is not None:
        write_not_counted(not_counted, project, styles, labels)
    if record is None:
        _close(workbook, added, config.language)
        return
    write_record(record, project, styles)
    places = _places(project, overview, budget, actuals, not_counted, record, layout)
    optional = {
        "strategy": strategy,
        "roadmap": roadmap,
        "calendar": calendar,
        "performance": report,
    }
    for key, sheet in optional.items():
        if sheet is not None:
            places[SHEET.format(key)] = Place(sheet.name, 0, 0)
    name_places(workbook, places)
    _close(workbook, added, config.language)


def _close(workbook, sheets: dict, language: str) -> None:
    """Open on the first sheet (the Overview in a whole workbook), then save."""
    next(iter(sheets.values())).activate()
    with step(Text("Saving the workbook").in_language(language)):
        workbook.close()


def _places(project: Project, overview, budget, actuals, not_counted, record, layout) -> dict:
    """Where the sheets put what ``update`` reads and extends, by the name that marks it
    (record_sheet says which)."""
    from budgetbook.write.sheets import actuals_sheet
    from budgetbook.write.sheets import budget_grid as b
    from budgetbook.write.sheets import record_sheet as r

    places = {
        r.RECORD: r.Place(record.name, 0, 0),
        r.OVERVIEW: r.Place(overview.name, 0, 0),
    }
    budget_columns = (b.CATEGORY_COL, b.LINE_COL, b.POLICY_COL, b.LABEL_COL)
    for key, col in zip(r.BUDGET_COLUMNS, budget_columns, strict=True):
        places[r.BUDGET.format(key)] = r.Place(budget.name, b.HEADER_ROW, col)
    places[r.AS_OF] = r.Place(budget.name, b.AS_OF_ROW, b.AS_OF_COL)
    for key, col in actuals_sheet.COLUMNS.items():
        places[r.ACTUALS.format(key)] = r.Place(actuals.name, 0, col)
    for col, key in enumerate(r.NOT_COUNTED_COLUMNS):
        places[r.NOT_COUNTED.format(key)] = r.Place(not_counted.name, 0, col)
    # The Not counted sheet's note under its header, written when it lists nothing.
    if not (project.not_counted or project.metrics_not_read):
        places[r.ALL_COUNTED] = r.Place(not_counted.name, 1, 0)
    for number, line in enumerate(project.lines, start=1):
        row = layout.line_rows[line.name]
        places[r.LINE.format(number)] = r.Place(budget.name, row, b.LINE_COL)
    return places
