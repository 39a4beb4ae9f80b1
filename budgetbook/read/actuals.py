"""Read finance's actuals: count each row once, or record why it was not counted.

Which source reads a file (`reading_plans`), the rows an accounting file sets apart
(`accounting_sides`), and the reader of its columns (`column_reader`) are rooms of their own."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from budgetbook.commands.progress import step
from budgetbook.errors import InputErrors, Problem, UnreadableFile, column_missing
from budgetbook.i18n.catalogue import N_
from budgetbook.i18n.messages import Text
from budgetbook.model import (
    BudgetLine,
    Config,
    MappingRule,
    NotCounted,
    Source,
    Transactions,
    collector_paused,
)
from budgetbook.read.accounting_sides import (
    accounts_unknown,
    other_sides,
    with_chart,
    with_sections,
)
from budgetbook.read.column_reader import ColumnReader, row_texts
from budgetbook.read.reading_plans import find_columns, reading_plans, unrecognised
from budgetbook.read.sources import (
    BY_SUFFIX,
    headless,
)
from budgetbook.read.statements import STATEMENT_SUFFIXES, read_statement
from budgetbook.read.suggestions import Suggestions, did_you_mean
from budgetbook.read.tables import (
    TABLE_SUFFIXES,
    Table,
    column_title,
    frame_of,
    read_csv_frame,
    read_table,
)

# What each file in actuals/ is read as: delimited text (CSV, a FEC's .txt, .tsv), a workbook,
# or an OFX or QIF statement.
READ_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", *STATEMENT_SUFFIXES)
# Files finance may drop that are not read, and what they are.
NOT_READ = {
    ".xls": N_("an old Excel file (.xls)"),
    ".pdf": N_("a PDF document"),
    ".ods": N_("an OpenDocument spreadsheet (.ods)"),
}


@dataclass
class Actuals:
    """What a set of finance files gave: counted rows, rows not counted, and their sources."""

    transactions: Transactions = field(default_factory=Transactions)
    not_counted: list[NotCounted] = field(default_factory=list)
    data_rows: int = 0
    sources: list[Source] = field(default_factory=list)

    def add(self, other: Actuals) -> None:
        self.transactions += other.transactions
        self.not_counted += other.not_counted
        self.data_rows += other.data_rows
        self.sources += other.sources


def actuals_files(folder: Path, suffixes: tuple[str, ...] | None = TABLE_SUFFIXES) -> list[Path]:
    """Every table in ``folder``, by name, or with ``suffixes`` None every file, so that each
    file finance dropped is read or listed as not read; lock and hidden files left out."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and (suffixes is None or p.suffix.lower() in suffixes)
        and not p.name.startswith((".", "~$"))
    )


def read_mapping(table: Table, line_names: list[str]) -> tuple[list[MappingRule], list[Problem]]:
    """The rules of mapping.csv, each naming one of ``line_names``: every line budget.csv
    names, those of its rows that were refused too, so that a bad cell there is told once, not
    again as a rule naming no line."""
    problems: list[Problem] = []
    match_col, line_col = table.column("match"), table.column("line")
    for name, index in (("match", match_col), ("line", line_col)):
        if index is None:
            problems.append(Problem(table.file, column_missing(name, table.file), row=1))
    if problems:
        return [], problems
    match_title, line_title = column_title(table, "match"), column_title(table, "line")
    names = {name.strip().casefold(): name for name in line_names}
    suggestions = Suggestions(line_names)
    rules: list[MappingRule] = []
    for number, row in table.rows:
        match, line = str(row[match_col]).strip(), str(row[line_col]).strip()
        if not match:
            problems.append(
                Problem(
                    table.file, Text("the match text is empty."), row=number, column=match_title
                )
            )
        elif line.casefold() not in names:
            hint = Text("Use a line name exactly as in the budget file.")
            if (meant := suggestions.closest(line)) is not None:
                hint = Text("{message} {hint}", message=did_you_mean(meant), hint=hint)
            problems.append(
                Problem(
                    table.file,
                    Text("no budget line has this name."),
                    row=number,
                    column=line_title,
                    value=line,
                    hint=hint,
                )
            )
        else:
            rules.append(MappingRule(match.casefold(), names[line.casefold()]))
    return rules, problems


def read_actuals(
    paths: list[Path],
    root: Path,
    config: Config,
    lines: list[BudgetLine],
    rules: list[MappingRule],
    already_taken: dict[str, str] | None = None,
    refuse_unreadable: bool = False,
) -> Actuals:
    """Read every file; a file whose content was already taken (``already_taken``: hash ->
    file name) or is met twice here is not counted again. A file refused whole (binary,
    damaged, beyond a limit) is listed as not counted, or with ``refuse_unreadable`` is a
    problem. Raise InputErrors, after reading them all, for the problems found."""
    result = Actuals()
    problems: list[Problem] = []
    seen = dict(already_taken or {})
    for path in paths:
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        try:
            reading = Text("Reading {name}", name=shown).in_language(config.language)
            with step(reading, _size(path)):
                taken = read_actuals_file(path, shown, config, lines, rules, seen)
        except UnreadableFile as exc:
            if refuse_unreadable:
                problems += exc.problems
            else:
                result.not_counted += [_unreadable(problem) for problem in exc.problems]
            continue
        except InputErrors as exc:
            problems += exc.problems
            continue
        seen.setdefault(taken.sources[0].sha256, shown)
        result.add(taken)
    if problems:
        raise InputErrors(problems)
    return result


def _size(path: Path) -> int | None:
    """The file's size, the total of its reading progress; None when it cannot be known."""
    try:
        return path.stat().st_size
    except OSError:
        return None


UNREADABLE = "unreadable file"


def _unreadable(problem: Problem) -> NotCounted:
    """A whole file left out: its rows are unknown, so it is listed once, with the reason."""
    reason = Text("{message} {hint}", message=problem.message, hint=problem.hint)
    reason = reason if problem.hint else problem.message  # a Text: shown in the book's language
    return NotCounted(problem.file, problem.row, UNREADABLE, reason, "", None)


@collector_paused()
def read_actuals_file(
    path: Path,
    shown: str,
    config: Config,
    lines: list[BudgetLine],
    rules: list[MappingRule],
    seen: dict[str, str],
) -> Actuals:
    """One finance file: every data row counted or recorded as not counted, never both. Which
    source reads it: the one budgetbook.toml names for it, else the one that recognises its
    header. Its rows, parsed by polars (a large, plain CSV file) or line by line, are read in
    columns by `ColumnReader`. A file that cannot be read for sure raises UnreadableFile, which
    says why."""
    suffix = path.suffix.lower()
    if suffix not in READ_SUFFIXES:
        kind = NOT_READ.get(suffix) or Text("a {suffix} file", suffix=suffix or "(no extension)")
        raise UnreadableFile(
            [
                Problem(
                    shown,
                    Text("is {kind}, not a file budgetbook reads.", kind=Text(kind)),
                    hint=Text(
                        "Ask finance for a CSV or .xlsx export of it, or an FEC (.txt) from"
                        " the accounting package."
                    ),
                )
            ]
        )
    plan, frame, table, source = _open(path, shown, config)
    reading = plan.reading(source, config) if source is not None else None
    if reading is not None and reading.accounts is None:
        reading = with_chart(reading, frame if frame is not None else table, config)
    set_apart = reading is not None and (reading.accounts is not None or reading.source.sections)
    if frame is not None and set_apart:  # some rows are set apart first, one by one
        frame, table = None, read_table(path, shown, plan.accepts, **plan.options(config))
    headings: list[NotCounted] = []
    if reading is not None and reading.source.sections:
        table, headings = with_sections(table)
        if reading.accounts is None:
            raise accounts_unknown(table, reading)
    found = frame if frame is not None else table
    digest = found.sha256
    if reading is None:
        columns, problems = {}, unrecognised(found, plan, bool(rules))
    else:
        columns, problems = find_columns(found, reading, plan, bool(rules))
    if problems and digest not in seen:
        raise UnreadableFile(problems)
    sides: list[NotCounted] = []
    if table is not None:
        if reading is not None and reading.accounts is not None and digest not in seen:
            table, sides = other_sides(table, columns, reading.accounts)
        frame = frame_of(table)
    rows = frame.cells.height + sum(item.rows for item in headings + sides)
    result = Actuals(data_rows=rows)
    if digest in seen:
        reason = Text("same content as {file}, which is already counted", file=seen[digest])
        amounts = [None] * frame.cells.height
        if not problems:
            amounts = ColumnReader(frame, columns, config, lines, rules, reading).amounts()
        result.not_counted = [
            NotCounted(shown, number, "file sent twice", reason, text, amount)
            for number, text, amount in zip(
                frame.cells["row"].to_list(), row_texts(frame), amounts, strict=True
            )
        ]
    else:
        counted, not_counted = ColumnReader(frame, columns, config, lines, rules, reading).read()
        result.transactions = Transactions([counted])
        result.not_counted = not_counted + headings + sides
    # A copy was not read as anything: the summary names no source for it.
    name = reading.name if reading is not None and digest not in seen else ""
    result.sources = [Source(shown, digest, result.data_rows, len(result.transactions), name)]
    return result


def _open(path: Path, shown: str, config: Config):
    """The plan that reads a file, its columns (a large CSV file's) or its rows, and the
    source that reads them: None when nothing recognises the file."""
    plans = reading_plans(shown, config)
    statement = BY_SUFFIX.get(path.suffix.lower())
    if statement is not None:  # its own columns: only a [[actuals.sources]] entry applies
        plan = plans[0] if plans[0].settings is not None else plans[-1]
        return plan, None, read_statement(path, shown, config.limits), statement
    for plan in plans:
        frame = table = None
        try:
            if plan.may_use_columns:
                frame = read_csv_frame(path, shown, plan.accepts, **plan.options(config))
            if frame is None:
                table = read_table(path, shown, plan.accepts, **plan.options(config))
        except UnreadableFile:
            raise
        except InputErrors:  # the project-wide header row, say, empty in this file
            if plan is plans[-1]:
                raise
            continue
        source = plan.source_of((frame or table).header)
        if source is not None:
            return plan, frame, table, source
    if table is not None and (source := headless(table.header)):
        rows = source.headless_rows(table.rows)
        headless_table = Table(shown, list(source.headless), rows, table.sha256, table.delimiter)
        return plan, None, headless_table, source
    return plan, frame, table, None
