"""The command line: parse arguments, call the library, turn errors into messages."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from budgetbook import LANGUAGES, __version__

if TYPE_CHECKING:
    from budgetbook.errors import BudgetbookError


class _Commands(click.Group):
    """Every failure reaches the user as a message and a non-zero status, never a traceback;
    with --json, as a JSON object on standard output too. budgetbook's errors and messages
    are imported when one happens, so that --help does not load them."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            from budgetbook.errors import BudgetbookError

            # the last guard before a user would see a traceback
            if not isinstance(exc, BudgetbookError) and os.environ.get("BUDGETBOOK_DEBUG"):
                raise
            ctx.exit(_tell(ctx, exc))


def _tell(ctx: click.Context, exc: Exception) -> int:
    """Say what failed, in the user's language; return the exit status."""
    from budgetbook.errors import BudgetbookError, InputErrors, in_language
    from budgetbook.i18n.messages import Plural, Text

    if isinstance(exc, InputErrors):
        language = _language_of(ctx, exc)
        heading = Plural(
            "Error: {n:,} problem to fix:", "Error: {n:,} problems to fix:", n=len(exc.problems)
        )
        click.secho(heading.in_language(language), fg="red", err=True)
        for problem in exc.problems:
            click.echo(f"  {problem.in_language(language)}", err=True)
        _failure_as_json(ctx, [problem.record(language) for problem in exc.problems])
        return 1
    if isinstance(exc, OSError):  # the system refused a file no command expected to fail
        from budgetbook.errors import os_reason

        language = _language_of(ctx)
        reason, file = os_reason(exc), exc.filename
        refusal = Text("{file}: {reason}.", file=file, reason=reason) if file else reason
        click.secho(Text("Error: {error}", error=refusal).in_language(language), fg="red", err=True)
        _failure_as_json(ctx, [{"message": in_language(refusal, language)}])
        return 1
    if isinstance(exc, BudgetbookError):
        language = _language_of(ctx, exc)
        text = Text("Error: {error}", error=exc).in_language(language)
        click.secho(text, fg="red", err=True)
        _failure_as_json(ctx, [{"message": exc.in_language(language)}])
        return 1
    text = Text(
        "Error: budgetbook failed unexpectedly ({kind}: {error}). "
        "Run again with BUDGETBOOK_DEBUG=1 for details, and please report it.",
        kind=type(exc).__name__,
        error=str(exc),
    )
    click.secho(text.in_language(_language_of(ctx)), fg="red", err=True)
    return 3


def _language_of(ctx: click.Context, error: BudgetbookError | None = None) -> str:
    """The language errors are shown in: --lang's, else the project's or the workbook's when
    it was known before the error, else English."""
    return ctx.meta.get(_LANG) or (error and error.language) or "en"


def _failure_as_json(ctx: click.Context, problems: list[dict]) -> None:
    if ctx.meta.get(_JSON):
        click.echo(json.dumps({"ok": False, "problems": problems}, ensure_ascii=False, indent=2))


_JSON, _QUIET, _LANG = "budgetbook.json", "budgetbook.quiet", "budgetbook.language"


def _remember(key: str):
    def callback(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
        ctx.meta[key] = value
        return value

    return callback


def _output_options(command):
    """--json and --quiet, the same on every command that prints a summary."""
    command = click.option(
        "--json",
        "as_json",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_remember(_JSON),
        help="Print the summary (or the problems) as JSON, for scripts.",
    )(command)
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_remember(_QUIET),
        help="Print nothing on success; problems still go to standard error.",
    )(command)


def _language_option(command):
    return click.option(
        "--lang",
        "language",
        type=click.Choice(LANGUAGES),
        callback=_remember(_LANG),
        help="Language of the workbook, the summary and the errors (default: budgetbook.toml's,"
        " else en).",
    )(command)


def _progress():
    """Progress lines on a terminal that someone watches; nothing in pipes, logs or scripts."""
    from budgetbook.commands.progress import Reporter, TerminalReporter, reporting

    ctx = click.get_current_context()
    watched = sys.stderr.isatty() and not ctx.meta.get(_JSON) and not ctx.meta.get(_QUIET)
    return reporting(TerminalReporter() if watched else Reporter())


def _report(text: str, record: dict) -> None:
    ctx = click.get_current_context()
    if ctx.meta.get(_JSON):
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    elif not ctx.meta.get(_QUIET):
        click.echo(_coloured(text))  # click drops the colours where the output is no terminal


# How a summary line of each tone looks (report.Tone): what was done in bold, a file not read
# in red, rows not counted in yellow.
_STYLES = {"head": {"bold": True}, "bad": {"fg": "red"}, "warn": {"fg": "yellow"}}


def _coloured(text: str) -> str:
    """The summary's lines styled by the tone each carries, whatever their language; a plain
    message (one that says what was done) in bold."""
    lines = getattr(text, "lines", None)
    if lines is None:
        head, *rest = text.split("\n")
        lines = [(head, "head"), *((line, None) for line in rest)]
    return "\n".join(
        click.style(line, **_STYLES[tone]) if tone in _STYLES else line for line, tone in lines
    )


@click.group(cls=_Commands)
@click.version_option(__version__, prog_name="budgetbook")
def main() -> None:
    """Turn a marketing project folder into one live Excel workbook.

    \b
    Start a project, fill in its CSV files, then build:
      budgetbook init my-project
      budgetbook build my-project -o budget.xlsx
    """


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--xlsx", is_flag=True, help="Write budget.xlsx, to fill in Excel, not budget.csv.")
@click.option(
    "--lang",
    "language",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    callback=_remember(_LANG),
    help="Language of the example files (headers, words, number formats) and the workbook.",
)
def init(directory: Path, xlsx: bool, language: str) -> None:
    """Create a project folder with example input files to edit.

    It holds budgetbook.toml, budget.csv, an actuals/ folder with an example finance file,
    and the optional tables (mapping, objectives, roadmap, calendar, KPIs, operations).
    With --lang fr the files are written as a French user would (poste, report, abonnés,
    dates as 31/01/2027, decimal commas) and the workbook is in French; files in either
    language are read whatever the workbook's language.

    \b
    Example:
      budgetbook init my-project
      budgetbook init my-project --xlsx    # budget.xlsx instead of budget.csv
      budgetbook init mon-projet --lang fr # French example files and workbook
    """
    from budgetbook.commands.init import create_project
    from budgetbook.i18n.messages import Plural, Text

    written = create_project(directory, budget_as_xlsx=xlsx, language=language)
    files = Plural("{n:,} file", "{n:,} files", n=len(written))
    click.echo(
        Text("Created {folder} with {files}:", folder=directory, files=files).in_language(language)
    )
    for path in written:
        click.echo(f"  {path.relative_to(directory).as_posix()}")
    click.echo(
        Text("Edit them, then run: budgetbook build {folder}", folder=directory).in_language(
            language
        )
    )


@main.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the workbook (default: PROJECT/budgetbook.xlsx).",
)
@_language_option
@_output_options
def build(project: Path, output: Path | None, language: str | None) -> None:
    """Build the workbook of a project folder.

    Reads every input, prints what it counted and what it did not, and replaces the output
    only once the new workbook is complete.

    \b
    Example:
      budgetbook build samples/atelier-lune -o atelier-lune.xlsx
      budgetbook build my-project          # writes my-project/budgetbook.xlsx
      budgetbook build my-project --json   # the summary as JSON, for scripts
      budgetbook build my-project --lang fr -o budget-fr.xlsx   # French sheets and summary
    """
    from budgetbook.commands.build import build_workbook
    from budgetbook.commands.records import summary_record
    from budgetbook.commands.report import describe

    with _progress():
        summary = build_workbook(project, output, language)
    _report(describe(summary), summary_record(summary))


@main.command()
@click.argument("project", type=click.Path(path_type=Path))
@_language_option
@_output_options
def check(project: Path, language: str | None) -> None:
    """Validate a project folder and summarise it; write nothing.

    \b
    Example:
      budgetbook check samples/atelier-lune
    """
    from budgetbook.commands.build import check_project
    from budgetbook.commands.records import summary_record
    from budgetbook.commands.report import describe

    with _progress():
        summary = check_project(project, language)
    _report(describe(summary), summary_record(summary))


@main.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write it (default: PROJECT/handoff.xlsx).",
)
@_language_option
@_output_options
def handoff(project: Path, output: Path | None, language: str | None) -> None:
    """Write the workbook finance fills in with the period's spending.

    One sheet with the columns Date, Line, Amount, Description and Vendor, the budget lines as
    a dropdown and dates and amounts checked as they are typed. Filled in, it goes into the
    project's actuals/ folder (or to budgetbook update) and each row is counted once.

    \b
    Example:
      budgetbook handoff samples/atelier-lune -o atelier-lune-handoff.xlsx
    """
    from budgetbook.commands.records import handoff_record
    from budgetbook.commands.report import describe_handoff
    from budgetbook.write.handoff import write_handoff

    written = write_handoff(project, output, language)
    _report(describe_handoff(written), handoff_record(written))


@main.command()
@click.argument("book", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@_output_options
def update(book: Path, files: tuple[Path, ...]) -> None:
    """Add finance files to a workbook, keeping every edit made in it.

    New transactions are appended to its Actuals sheet and counted by the Budget on the next
    recalculation; a file already taken (same content) is reported, not counted twice. The
    previous workbook is kept beside it as a backup (BOOK.before-update-1.xlsx, then -2...).

    \b
    Example:
      budgetbook update budget.xlsx actuals/2026-11-ledger.csv
      budgetbook update budget.xlsx handoff-november.xlsx meta-ads-november.csv
    """
    from budgetbook.commands.records import update_record
    from budgetbook.commands.report import describe_update
    from budgetbook.commands.update import update_workbook

    with _progress():
        summary = update_workbook(book, list(files))
    _report(describe_update(summary), update_record(summary))


@main.command("next")
@click.argument("project", type=click.Path(path_type=Path))
@click.argument("new_dir", type=click.Path(path_type=Path))
@click.option(
    "--from",
    "seed",
    type=click.Choice(["plan", "actual"]),
    default="plan",
    show_default=True,
    help="Seed each month from this period's plan, or from what was actually spent. With"
    " actual, months with no actuals yet (after the last month with any: the period is not"
    " over) take their plan instead; a month before then where a line spent nothing is 0;"
    " refunds never make a month negative.",
)
@click.option(
    "--change",
    default="0%",
    show_default=True,
    metavar="PERCENT",
    help="Raise or cut every seeded amount, e.g. +5% or -10% (rounded to the cent). Openings"
    " are not changed.",
)
@_output_options
def next_period(project: Path, new_dir: Path, seed: str, change: str) -> None:
    """Write the project folder of the next period, from this one.

    NEW_DIR gets budgetbook.toml with [budget] start moved to the month after this period
    (same length; as_of dropped), budget.csv with the same lines, each month seeded from the
    same month of this period (--from, --change), and each surplus or full line's closing
    balance (its last month's Remaining, as carry-over moves it) as its opening; the
    objectives and mapping rules as they are, and an empty actuals/. The roadmap, calendar,
    KPIs, operations and metrics/ describe the period that ended and are not carried. NEW_DIR
    must be new or empty: nothing is ever overwritten.

    \b
    Example:
      budgetbook next samples/atelier-lune atelier-lune-2027
      budgetbook next my-project my-project-2027 --from actual --change +5%
      budgetbook next my-project next-year --change=-10%
    """
    from budgetbook.commands.next_period import next_period
    from budgetbook.commands.next_report import describe_next, next_record

    done = next_period(project, new_dir, seed, change)
    _report(describe_next(done), next_record(done))


@main.command()
@click.argument("book", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--pdf", is_flag=True, required=True, help="Render to PDF (the only format yet).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the PDF (default: BOOK with .pdf in place of .xlsx).",
)
@click.option(
    "--sheet",
    "sheets",
    multiple=True,
    metavar="NAME",
    help="A sheet to include, as named in the workbook (English or French names of the"
    " built-in sheets both work); repeat for several. Default: Overview and Performance.",
)
@_output_options
def export(book: Path, pdf: bool, output: Path | None, sheets: tuple[str, ...]) -> None:
    """Render sheets of a workbook to a PDF to send, through LibreOffice.

    The workbook is not changed (people may have edited it): a copy is recalculated and
    printed as each sheet's page set-up says, in workbook order. Needs LibreOffice
    (apt-get install libreoffice-calc-nogui fonts-crosextra-carlito: Carlito has Calibri's
    widths, so pages break where they were planned); without it, open the workbook in Excel
    and print to PDF.

    \b
    Example:
      budgetbook export budget.xlsx --pdf                 # writes budget.pdf
      budgetbook export budget.xlsx --pdf -o report.pdf --sheet Budget --sheet Overview
    """
    from budgetbook.commands.export import export_pdf
    from budgetbook.i18n.messages import Plural, Text

    summary = export_pdf(book, output, list(sheets))
    exported = Text(
        "Exported {sheets} to {path} ({pages})",
        sheets=", ".join(summary.sheets),
        path=summary.output,
        pages=Plural("{n:,} page", "{n:,} pages", n=summary.pages),
    )
    said = exported.in_language(summary.language)
    if summary.calibri_drawn_with:
        wider = Text(
            "LibreOffice drew Calibri here with {font}, which is wider: the pages break more"
            " often than planned. Install Carlito, a font with Calibri's widths (apt-get"
            " install fonts-crosextra-carlito), or print from Excel.",
            font=summary.calibri_drawn_with,
        )
        said += "\n" + wider.in_language(summary.language)
    _report(
        said,
        {"ok": True, "output": str(summary.output), "sheets": summary.sheets,
         "pages": summary.pages, "calibri_drawn_with": summary.calibri_drawn_with},
    )  # fmt: skip


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
