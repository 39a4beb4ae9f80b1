"""Benchmark: how budgetbook scales, against floors measured in the same run.

Generates deterministic projects (``bench/synthetic.py``) in a temporary folder and runs every
case in a fresh child process, started by the launcher that ``bench/hostile_files.py`` uses too
(``bench/launcher.py``): it reports the child's wall time and peak RSS (``os.wait4``; address
space capped). Cases compared by a goal's ratio run in turn, one run of each, then again:

1. start-up (``budgetbook --help``) and ``budgetbook build`` of projects S, M and L;
2. floors for L: bare XlsxWriter writing the same cells as budgetbook's L workbook (dumped
   once with python-calamine and openpyxl by ``bench/floors/dump_cells.py``), the same with
   ``constant_memory``, the same without ``write_formula``'s rewriting of formulas (as
   budgetbook writes them), and the naive pandas + openpyxl script a user would write;
3. a 1,000,000-row French-format ledger: ``budgetbook check`` on a project holding it,
   budgetbook's reader alone (``read_actuals_file``), and the plain reads of pandas' C
   engine and polars, and polars doing the reader's work (the same records, no checks);
   then budgetbook's reader, polars and polars doing the reader's work on the same rows
   naming their lines (no mapping rules);
4. LibreOffice recalculating the L workbook on load, against the same workbook holding values.

Prints a table and PASS/FAIL per goal, and writes ``bench/RESULTS.md``. Goals are targets for
later work: the exit status is 0 whatever they say, unless ``--strict``.

    .venv/bin/python bench/scale.py [--runs 3] [--quick] [--strict] [--profile]

``--quick``: one run, M stands in for L and a 100,000-row ledger for the 1M-row one (the goals
on L and 1M are then not checked), and RESULTS.md is left alone. ``--profile`` also profiles
the L build and the reader (cProfile, top functions by cumulative time).
"""

from __future__ import annotations

import argparse
import compileall
import importlib.metadata
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "RESULTS.md"
README = REPO / "README.md"
BENCH = REPO / "bench"
FLOORS = BENCH / "floors"
sys.path.insert(0, str(BENCH))

import launcher  # noqa: E402
import synthetic  # noqa: E402
from launcher import Measured, Run  # noqa: E402

MB = 1_000_000
CHILD_MEMORY_CAP = 8 * 1024**3  # address space of every child: the machine is never at risk
CHILD_TIMEOUT = 600.0  # seconds, per child
LEDGER_ROWS = 1_000_000
QUICK_LEDGER_ROWS = 100_000
PROFILE_LEDGER_ROWS = 200_000
CLI = "import sys; from budgetbook.cli import main; sys.exit(main())"

# Goals (medians of the same run)
HELP_GOAL = 0.15  # s
S_BUILD_GOAL = 0.7  # s
L_VS_FLOOR_GOAL = 1.3  # x the bare XlsxWriter floor
L_MEMORY_GOAL = 500 * MB
READ_VS_PLAIN_GOAL = 2.0  # x the fastest plain read
READ_MEMORY_GOAL = 1000 * MB
LO_VS_VALUES_GOAL = 3.0  # x the values-only workbook


# --- running a child ------------------------------------------------------------------------


def run_child(argv: list[str], timeout: float = CHILD_TIMEOUT) -> Run:
    """Run ``argv`` through the launcher, with this benchmark's address-space cap."""
    return launcher.run_child(argv, CHILD_MEMORY_CAP, timeout)


def python(script: str, *args: object) -> list[str]:
    """The command line of a helper script in ``bench/floors``."""
    return [sys.executable, str(FLOORS / script), *map(str, args)]


def budgetbook(*args: object) -> list[str]:
    return [sys.executable, "-c", CLI, *map(str, args)]


# --- measurements ---------------------------------------------------------------------------


@dataclass
class Case(Measured):
    """One row of the table: a command run ``runs`` times."""

    section: str
    name: str
    timed: str  # what the time covers
    inner: bool = False  # time the helper's own report (its ``seconds``), not the process
    note: str = ""
    skipped: str = ""  # why it was not run
    times: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)
    failure: str = ""
    report: dict = field(default_factory=dict)

    @property
    def ran(self) -> bool:
        return bool(self.times) and not self.failure


Job = tuple[Case, list[str]]  # a case and the command line it times


def measure(case: Case, argv: list[str], runs: int, timeout: float = CHILD_TIMEOUT) -> Case:
    """Run ``argv`` ``runs`` times; a failing run stops the case and records why."""
    print(f"  {case.name} ({runs} run{'s' * (runs > 1)}) ...", end="", flush=True)
    _runs([(case, argv)], runs, timeout)
    print(f" {_outcome(case)}")
    return case


def measure_in_turn(jobs: list[Job], runs: int, timeout: float = CHILD_TIMEOUT) -> list[Case]:
    """Run each job ``runs`` times, one run of each in turn: a machine that slows down or
    speeds up while they run weighs on all of them alike, so their ratios stay fair."""
    print(f"  in turn, {runs} run{'s' * (runs > 1)} each:", flush=True)
    _runs(jobs, runs, timeout)
    for case, _ in jobs:
        print(f"    {case.name}: {_outcome(case)}")
    return [case for case, _ in jobs]


def _runs(jobs: list[Job], runs: int, timeout: float) -> None:
    """``runs`` rounds of one run of each job; a case that fails is not run again."""
    for _ in range(runs):
        for case, argv in jobs:
            if not case.failure:
                _run_once(case, argv, timeout)


def _run_once(case: Case, argv: list[str], timeout: float) -> None:
    """One run of ``argv`` for ``case``; when it fails, the reason is kept in the case."""
    run = run_child(argv, timeout)
    if run.code != 0:
        case.failure = _failure(run, timeout)
        return
    report = run.report
    if case.inner and "seconds" not in report:
        case.failure = "the script reported no time"
        return
    case.times.append(report["seconds"] if case.inner else run.seconds)
    case.peaks.append(run.peak)
    case.report = report


def _outcome(case: Case) -> str:
    return f"{case.time:.2f} s, {case.peak / MB:,.0f} MB" if case.ran else case.failure


def _failure(run: Run, timeout: float) -> str:
    if run.code < 0 and run.seconds >= timeout:
        return f"timed out after {timeout:.0f} s"
    if run.code < 0:
        return f"killed by signal {-run.code}"
    last = [line for line in (run.stderr + run.stdout).splitlines() if line.strip()]
    return f"exit {run.code}: {last[-1].strip()[:160] if last else ''}"


def skipped(section: str, name: str, timed: str, reason: str) -> Case:
    print(f"  {name}: skipped ({reason})")
    return Case(section, name, timed, skipped=reason)


@dataclass
class Plan:
    """What this run measures: the sizes and how many times."""

    runs: int
    large: synthetic.Size  # L, or M with --quick
    ledger_rows: int
    quick: bool
    libreoffice: bool


def build_cases(plan: Plan, work: Path) -> tuple[list[Case], Path, Job]:
    """Start-up and builds; return the cases, the large project's workbook, and the large
    build's case, still to be measured in turn with its floors (`floor_cases`)."""
    section = "1. budgetbook"
    runs_small = max(plan.runs, 5)  # start-up and S are short: more runs, steadier medians
    cases = [
        measure(
            Case(section, "budgetbook --help", "whole process"), budgetbook("--help"), runs_small
        )
    ]
    sizes = ["S", "M"] if plan.quick else ["S", "M", "L"]
    for name in sizes:
        size = synthetic.SIZES[name]
        project = synthetic.write_project(work / f"project-{name}", size)
        out = work / f"{name}.xlsx"
        case = Case(
            section,
            f"build {name} ({size.lines} lines, {size.months} months,"
            f" {size.transactions:,} transactions)",
            "whole process",
        )
        argv = budgetbook("build", project, "-o", out)
        cases.append(case)
        if name == plan.large.name:
            print(f"  build {name} once, for the workbook its floors write ...", flush=True)
            run_child(argv)
            book, large = out, (case, argv)
        else:
            measure(case, argv, runs_small if name == "S" else plan.runs)
    return cases, book, large


def floor_cases(plan: Plan, work: Path, book: Path, large: Job) -> tuple[list[Case], Path | None]:
    """Floors for the large workbook, timed in turn with its build; return them and its
    values-only copy."""
    section = f"2. floors for {plan.large.name}"
    if not book.exists():
        measure(*large, plan.runs)  # to record why it fails
        reason = f"no {plan.large.name} workbook (its build failed)"
        return [skipped(section, "floors", "-", reason)], None
    dump = work / "cells.pickle"
    print(f"  dumping the cells of {book.name} (calamine + openpyxl) ...", flush=True)
    done = run_child(python("dump_cells.py", book, dump))
    if done.code != 0:
        measure(*large, plan.runs)
        reason = f"the dump failed: {_failure(done, CHILD_TIMEOUT)}"
        return [skipped(section, "floors", "-", reason)], None
    counts = done.report
    cells = f"{counts['cells']:,} cells, {counts['formulas']:,} formulas"
    floor = work / "floor.xlsx"
    variants = [  # (name, note, the floor script's options)
        ("bare XlsxWriter, same cells", cells, []),
        (
            "XlsxWriter with budgetbook's sheets",
            "budgetbook's Worksheet class: no formula rewriting, no TypeError per style index",
            ["--budgetbook-sheets"],
        ),
    ]
    jobs = [
        (
            Case(section, name, "writing only", inner=True, note=note),
            python("xlsxwriter_floor.py", dump, floor, *options),
        )
        for name, note, options in variants
    ]
    cases = measure_in_turn([large, *jobs], plan.runs)[1:]
    constant = Case(
        section,
        "bare XlsxWriter, constant_memory",
        "writing only",
        inner=True,
        note="rows written in order, flushed as they go",
    )
    argv = python("xlsxwriter_floor.py", dump, floor, "--constant-memory")
    cases.append(measure(constant, argv, plan.runs))
    naive = Case(
        section,
        "pandas + openpyxl, naive script",
        "whole process",
        note="Budget (planned/actual/remaining tables) and Actuals; values only",
    )
    project = work / f"project-{plan.large.name}"
    cases.append(
        measure(naive, python("pandas_openpyxl.py", project, work / "naive.xlsx"), plan.runs)
    )
    values = work / f"{plan.large.name}-values.xlsx"
    made = run_child(python("xlsxwriter_floor.py", dump, values, "--values-only"))
    dump.unlink(missing_ok=True)
    return cases, values if made.code == 0 else None


def ledger_cases(plan: Plan, work: Path) -> list[Case]:
    """The French-format ledger read by budgetbook and by the plain readers."""
    rows = plan.ledger_rows
    section = f"3. {rows:,}-row French ledger"
    print(f"  writing the {rows:,}-row ledger ...", flush=True)
    project = synthetic.write_french_project(work / "project-ledger", synthetic.SIZES["L"], rows)
    ledger = project / "actuals" / "ledger.csv"
    size = f"{ledger.stat().st_size / MB:,.0f} MB, L's 300 lines, 300 mapping rules"
    cases = [
        measure(
            Case(section, "budgetbook check", "whole process", note=size),
            budgetbook("check", project),
            1,
        ),
        measure(
            Case(
                section,
                "budgetbook build, side file",
                "whole process",
                note=f"[workbook] actuals_sheet_max = {rows // 2:,}: Actuals holds monthly"
                " totals, the transactions go to BOOK-transactions.csv",
            ),
            budgetbook("build", _with_sheet_max(project, rows // 2), "-o", work / "ledger.xlsx"),
            1,
        ),
    ]
    reads = [  # (name, what is timed, note, read_ledger.py's arguments)
        (
            "budgetbook reader (read_actuals_file)",
            "the call only",
            "parse, map each row to its line, Decimal amounts",
            ["budgetbook", project],
        ),
        (
            "pandas read_csv, C engine",
            "the read only",
            "amounts to float, dates parsed",
            ["pandas", ledger],
        ),
        ("polars read_csv", "the read only", "amounts, dates parsed", ["polars", ledger]),
        (
            "polars doing the reader's work",
            "the read only",
            "the same records: SHA-256, exact amounts, the rules, the rows that count",
            ["polars-mapped", project],
        ),
    ]
    # The same rows naming their lines, with no rules: what reading costs without mapping.
    named = synthetic.write_french_project(
        work / "project-ledger-named", synthetic.SIZES["L"], rows, named=True
    )
    reads += [
        (
            "named lines: budgetbook reader",
            "the call only",
            "the same rows with a Poste column naming each one's line; no mapping rules",
            ["budgetbook", named],
        ),
        (
            "named lines: polars read_csv",
            "the read only",
            "amounts, dates parsed",
            ["polars", named / "actuals" / "ledger.csv"],
        ),
        (
            "named lines: polars doing the reader's work",
            "the read only",
            "the same records, each row's line looked up by its name",
            ["polars-mapped", named],
        ),
    ]
    jobs = [
        (Case(section, name, timed, inner=True, note=note), python("read_ledger.py", *arguments))
        for name, timed, note, arguments in reads
    ]
    cases += measure_in_turn(jobs, plan.runs)
    return cases


def _with_sheet_max(project: Path, rows: int) -> Path:
    """A copy of the project's settings whose Actuals sheet holds fewer rows than it has."""
    copy = project.with_name(project.name + "-side-file")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("actuals"))
    (copy / "actuals").symlink_to(project / "actuals")  # the same ledger, not a copy of it
    with (copy / "budgetbook.toml").open("a", encoding="utf-8") as toml:
        toml.write(f"\n[workbook]\nactuals_sheet_max = {rows}\n")
    return copy


def libreoffice_cases(plan: Plan, work: Path, small: Path, book: Path, values: Path | None):
    """LibreOffice recalculating on load: a small workbook (its start-up), the large one
    holding values, and the large one with its formulas."""
    section = f"4. LibreOffice, {plan.large.name}"
    timed = "whole conversion"
    names = (
        "start-up: S workbook, recalculated",
        f"{plan.large.name} holding values",
        f"{plan.large.name} with formulas, recalculated",
    )
    from budgetbook.write.libreoffice import find_soffice

    if not plan.libreoffice or find_soffice() is None:
        reason = "--no-libreoffice" if not plan.libreoffice else "soffice is not installed"
        return [skipped(section, name, timed, reason) for name in names]
    out = work / "libreoffice"
    timeout = CHILD_TIMEOUT
    cases = []
    for name, source in zip(names, (small, values, book), strict=True):
        if source is None or not source.exists():
            cases.append(skipped(section, name, timed, "no workbook to open"))
            continue
        case = Case(section, name, timed, inner=True)
        cases.append(measure(case, python("lo_recalc.py", source, out, timeout), 1, timeout + 60))
    return cases


def _importable(module: str) -> bool:
    probe = [sys.executable, "-c", f"import {module}"]
    return subprocess.run(probe, capture_output=True, cwd=REPO).returncode == 0


# --- goals ----------------------------------------------------------------------------------


@dataclass
class Goal:
    text: str
    ok: bool | None  # None: not checked in this run
    detail: str

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: "SKIP"}[self.ok]

    def line(self) -> str:
        return f"{self.verdict}  {self.text}: {self.detail}"


def find(cases: list[Case], start: str) -> Case | None:
    return next((case for case in cases if case.name.startswith(start) and case.ran), None)


def goals(cases: list[Case], plan: Plan) -> list[Goal]:
    """The issue's goals, checked on the medians of this run."""
    found: list[Goal] = []
    help_case, small = find(cases, "budgetbook --help"), find(cases, "build S")
    found.append(_below("--help", help_case, HELP_GOAL))
    found.append(_below("S build", small, S_BUILD_GOAL))

    large = None if plan.quick else find(cases, "build L")
    floor = find(cases, "bare XlsxWriter, same cells")
    if large and floor:
        ratio = large.time / floor.time
        found.append(
            Goal(
                f"L build within {L_VS_FLOOR_GOAL}x the bare XlsxWriter floor",
                ratio <= L_VS_FLOOR_GOAL,
                f"{large.time:.2f} s vs {floor.time:.2f} s = {ratio:.2f}x",
            )
        )
        found.append(
            Goal(
                f"L build peak memory < {L_MEMORY_GOAL / MB:.0f} MB",
                large.peak < L_MEMORY_GOAL,
                f"{large.peak / MB:,.0f} MB",
            )
        )
    else:
        found += [
            _skip(f"L build within {L_VS_FLOOR_GOAL}x the bare XlsxWriter floor", plan),
            _skip(f"L build peak memory < {L_MEMORY_GOAL / MB:.0f} MB", plan),
        ]

    reader = None if plan.quick else find(cases, "budgetbook reader")
    plain = [
        c for c in cases if c.ran and c.name.startswith(("pandas read_csv", "polars read_csv"))
    ]
    if reader and plain:
        fastest = min(plain, key=lambda c: c.time)
        ratio = reader.time / fastest.time
        found.append(
            Goal(
                f"1M-row ledger read within {READ_VS_PLAIN_GOAL}x the fastest plain read",
                ratio <= READ_VS_PLAIN_GOAL,
                f"{reader.time:.2f} s vs {fastest.name} {fastest.time:.2f} s = {ratio:.1f}x",
            )
        )
        found.append(
            Goal(
                f"1M-row ledger read peak memory < {READ_MEMORY_GOAL / MB:,.0f} MB",
                reader.peak < READ_MEMORY_GOAL,
                f"reader {reader.peak / MB:,.0f} MB"
                + _also(find(cases, "budgetbook check"), "budgetbook check"),
            )
        )
    else:
        found += [
            _skip(f"1M-row ledger read within {READ_VS_PLAIN_GOAL}x the fastest plain read", plan),
            _skip(f"1M-row ledger read peak memory < {READ_MEMORY_GOAL / MB:,.0f} MB", plan),
        ]

    formulas = None if plan.quick else find(cases, "L with formulas")
    values = find(cases, "L holding values")
    text = f"L recalculated by LibreOffice within {LO_VS_VALUES_GOAL}x the values-only workbook"
    failed = next((c for c in cases if c.name.startswith("L with formulas") and c.failure), None)
    if failed and values and not plan.quick:
        found.append(Goal(text, False, f"{failed.failure} (values: {values.time:.1f} s)"))
    elif formulas and values:
        ratio = formulas.time / values.time
        found.append(
            Goal(
                text,
                ratio <= LO_VS_VALUES_GOAL,
                f"{formulas.time:.1f} s vs {values.time:.1f} s = {ratio:.1f}x",
            )
        )
    else:
        found.append(_skip(text, plan))
    return found


def _below(label: str, case: Case | None, goal: float) -> Goal:
    text = f"{label} median < {goal} s"
    if case is None:
        return Goal(text, False, "did not run")
    return Goal(text, case.time < goal, f"{case.time:.3f} s")


def _also(case: Case | None, label: str) -> str:
    return f"; {label} {case.peak / MB:,.0f} MB" if case else ""


def _skip(text: str, plan: Plan) -> Goal:
    return Goal(text, None, "not measured in a --quick run" if plan.quick else "a case did not run")


# --- profiles -------------------------------------------------------------------------------

PROFILE_BUILD = """
import cProfile, sys
from budgetbook.commands.build import build_workbook
cProfile.run("build_workbook(sys.argv[1], sys.argv[2])", sys.argv[3])
"""
PROFILE_READER = """
import cProfile, sys
from pathlib import Path
from budgetbook.read.actuals import read_actuals_file, read_mapping
from budgetbook.read.project import load_budget
from budgetbook.read.tables import read_table
root = Path(sys.argv[1])
config, lines = load_budget(root)
rules, _ = read_mapping(read_table(root / "mapping.csv", "mapping.csv"), [x.name for x in lines])
path = root / "actuals" / "ledger.csv"
cProfile.run("read_actuals_file(path, 'ledger.csv', config, lines, rules, {})", sys.argv[2])
"""


def profiles(work: Path, top: int = 15) -> list[tuple[str, str]]:
    """cProfile of the L build and of the reader on a smaller French ledger: the ``top``
    functions by cumulative time (profiling slows Python code about twice)."""
    found = []
    project = work / "project-L"
    if not project.exists():
        project = synthetic.write_project(project, synthetic.SIZES["L"])
    ledger = synthetic.write_french_project(
        work / "project-profile", synthetic.SIZES["L"], PROFILE_LEDGER_ROWS
    )
    jobs = (
        ("L build", PROFILE_BUILD, [project, work / "profiled.xlsx"]),
        (f"reader, {PROFILE_LEDGER_ROWS:,}-row French ledger", PROFILE_READER, [ledger]),
    )
    for title, script, args in jobs:
        print(f"  profiling the {title} ...", flush=True)
        stats = work / "profile.stats"
        run = run_child([sys.executable, "-c", script, *map(str, args), str(stats)])
        if run.code != 0:
            found.append((title, f"failed: {_failure(run, CHILD_TIMEOUT)}"))
            continue
        found.append((title, _top(stats, top)))
    return found


def _top(stats_file: Path, top: int) -> str:
    """Two tables: the ``top`` functions by cumulative time (share of the profiled call), and
    the ten by own time, where the time is actually spent."""
    stats = pstats.Stats(str(stats_file))
    entries = stats.stats.items()
    total = max(cumulative for _, (_, _, _, cumulative, _) in entries)
    by_cumulative = sorted(entries, key=lambda item: item[1][3], reverse=True)[:top]
    by_own = sorted(entries, key=lambda item: item[1][2], reverse=True)[:10]
    parts = []
    for title, rows, own_share in (
        ("By cumulative time", by_cumulative, False),
        ("By own time", by_own, True),
    ):
        share = "own share" if own_share else "cumulative share"
        lines = [
            f"{title} (profiled total {total:.1f} s):",
            "",
            f"| cumulative (s) | own time (s) | {share} | calls | function |",
            "|---|---|---|---|---|",
        ]
        for (file, line, name), (_, calls, own, cumulative, _) in rows:
            where = f"{_short(file)}:{line}({name})" if file != "~" else name
            part = (own if own_share else cumulative) / total
            lines.append(f"| {cumulative:.2f} | {own:.2f} | {part:.0%} | {calls:,} | `{where}` |")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _short(file: str) -> str:
    path = Path(file)
    for root in (REPO, Path(sys.prefix)):
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.name


# --- reporting ------------------------------------------------------------------------------


def machine() -> list[str]:
    """What the figures were measured on."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory = next(
        int(line.split()[1]) * 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    from budgetbook.write.libreoffice import find_soffice

    soffice = find_soffice()
    office = "not installed"
    if soffice:
        done = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=60)
        office = done.stdout.strip() or "unknown"
    versions = ", ".join(
        f"{name} {_version(name)}"
        for name in ("XlsxWriter", "openpyxl", "python-calamine", "pandas", "polars")
    )
    return [
        f"- CPU: {cpu}, `nproc` = {len(os.sched_getaffinity(0))}",
        f"- RAM: {memory / 1024**3:.1f} GiB",
        f"- Python {platform.python_version()} ({platform.system()} {platform.release()})",
        f"- LibreOffice: {office}",
        f"- {versions}",
    ]


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def table(cases: list[Case]) -> str:
    head = ["section", "case", "timed", "runs", "median time (s)", "peak memory (MB)", "notes"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for case in cases:
        if case.ran:
            cells = [f"{case.time:.3f}" if case.time < 1 else f"{case.time:.2f}"]
            cells.append(f"{case.peak / MB:,.0f}")
            note = case.note
        else:
            cells = ["-", "-"]
            note = f"skipped: {case.skipped}" if case.skipped else f"FAILED: {case.failure}"
        row = [case.section, case.name, case.timed, str(len(case.times)), *cells, note]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(lines)


def ratios(cases: list[Case], plan: Plan) -> list[str]:
    """The comparisons the goals rest on, and a few more, as sentences."""
    large = plan.large.name
    pairs = [
        (f"build {large}", "bare XlsxWriter, same cells", f"{large} build vs bare XlsxWriter"),
        (
            f"build {large}",
            "XlsxWriter with budgetbook's sheets",
            f"{large} build vs XlsxWriter with budgetbook's sheets",
        ),
        (
            f"build {large}",
            "pandas + openpyxl",
            f"{large} build vs the naive pandas + openpyxl script",
        ),
        ("budgetbook reader", "pandas read_csv", "budgetbook's reader vs pandas"),
        ("budgetbook reader", "polars read_csv", "budgetbook's reader vs polars"),
        (
            "budgetbook reader",
            "polars doing the reader's work",
            "budgetbook's reader vs polars doing the reader's work",
        ),
        (
            "polars doing the reader's work",
            "polars read_csv",
            "polars doing the reader's work vs its plain read",
        ),
        (
            "named lines: budgetbook reader",
            "named lines: polars read_csv",
            "budgetbook's reader vs polars, on the ledger naming its lines (no mapping rules)",
        ),
        (
            "named lines: budgetbook reader",
            "named lines: polars doing the reader's work",
            "budgetbook's reader vs polars doing the reader's work, on the ledger naming its lines",
        ),
        (
            f"{large} with formulas",
            f"{large} holding values",
            "LibreOffice: formulas recalculated vs values",
        ),
    ]
    found = []
    for first, second, text in pairs:
        a, b = find(cases, first), find(cases, second)
        if a and b:
            found.append(
                f"- {text}: {a.time / b.time:.2f}x the time, {a.peak / b.peak:.2f}x the memory"
            )
    return found


README_START = "<!-- bench/scale.py: start -->"
README_END = "<!-- bench/scale.py: end -->"


def readme_block(cases: list[Case], checks: list[Goal], plan: Plan, about: list[str]) -> str:
    """The results table, the ratios and the goals, for the README."""
    passed = sum(goal.ok is True for goal in checks)
    return "\n".join(
        [
            README_START,
            f"Measured by `make bench` ({about[0][2:]}; details in `bench/RESULTS.md`):",
            "",
            table(cases),
            "",
            *ratios(cases, plan),
            "",
            f"{passed} of {len(checks)} goals pass:",
            "",
            "```",
            *(goal.line() for goal in checks),
            "```",
            README_END,
        ]
    )


def show_in_readme(readme: Path, block: str) -> None:
    """Replace the README's benchmark block, between its two markers."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END) + len(README_END)
    readme.write_text(text[:start] + block + text[end:], encoding="utf-8")


def results_markdown(
    cases: list[Case],
    checks: list[Goal],
    plan: Plan,
    about: list[str],
    load: tuple[tuple[float, ...], tuple[float, ...]],
    elapsed: float,
    profiled: list[tuple[str, str]],
) -> str:
    before, after = (", ".join(f"{x:.2f}" for x in avg) for avg in load)
    passed = sum(goal.ok is True for goal in checks)
    parts = [
        "# Scale benchmark results",
        "",
        "Written by `bench/scale.py` (`make bench`); run it again to refresh this page. Every"
        " case is a fresh child process; its wall time and peak RSS come from `os.wait4` in a"
        " launcher (address space capped at"
        f" {CHILD_MEMORY_CAP / 1024**3:.0f} GiB). Times are medians of the runs shown, memory"
        ' the highest peak. "writing only", "the call only" and "the read only" are times'
        " the helper script measured around that part (interpreter start, imports and"
        ' loading inputs left out); "whole process" includes start-up, budgetbook being'
        " byte-compiled first, as installing it does. The large build and"
        " its two XlsxWriter floors run in turn (one run of each, then again), as do the reads"
        " of the ledger: a machine that changes speed during the run weighs on both"
        " sides of their ratios alike.",
        "",
        "## Machine",
        "",
        *about,
        f"- load average (1, 5, 15 min) before the run: {before}; after: {after}",
        f"- {plan.runs} run(s) per case (start-up and S: at least 5; `budgetbook check`"
        f" on the ledger and LibreOffice: 1); the whole benchmark took {elapsed / 60:.1f} min",
        "",
        "## Results",
        "",
        table(cases),
        "",
        *ratios(cases, plan),
        "",
        "## Goals",
        "",
        f"{passed} of {len(checks)} goals pass; they are targets for later work (the"
        " benchmark exits 0 unless `--strict`).",
        "",
        "```",
        *(goal.line() for goal in checks),
        "```",
        "",
        "## Notes",
        "",
        *NOTES,
    ]
    for title, text in profiled:
        parts += ["", f"## Profile: {title}", "", text]
    return "\n".join(parts) + "\n"


NOTES = [
    "- Projects come from `bench/synthetic.py` (fixed seed): lines in the four template"
    " categories, advertising lines with a channel, carry-over policies surplus/full/none,"
    " a canonical `actuals/ledger.csv` with about 3 % refunds and 5 % rows left to the"
    " mapping rules (one rule per line, matching its account, vendor or description).",
    "- The XlsxWriter floor writes the cells of budgetbook's L workbook, dumped once with"
    " python-calamine (values, formula results) and openpyxl (formulas): strings, numbers,"
    " formulas with their cached value, dates as numbers with one date format; no other"
    " formatting. Only its writing is timed (the dump is loaded chunk by chunk, outside the"
    " timer), while the L build's time is its whole process: reading the CSV files,"
    " computing, and writing with styles, conditional formats and page set-up. Its peak"
    " memory is XlsxWriter's own plus one chunk of the dump (2,000 rows).",
    "- \"XlsxWriter with budgetbook's sheets\" is the same floor written through budgetbook's"
    " own Worksheet class (`budgetbook/write/book.py`), which skips two things XlsxWriter does for"
    " every cell and these cells do not need: thirty regular expressions over each formula"
    " to prefix Excel's dynamic-array functions, and a caught TypeError when escaping each"
    " style index. It is the lower floor of what budgetbook asks of XlsxWriter; the goal is"
    " held against the bare script, as the issue sets it.",
    "- The pandas + openpyxl script is what a user would write: values only, no formulas, no"
    " carry-over, no mapping rules (rows without a line are left out), no formatting.",
    "- The French ledger (`Date;Libellé;Fournisseur;Compte;Montant`, UTF-8 with BOM, decimal"
    " comma, NBSP thousands, `dd/mm/yyyy`) has no line column: every row reaches its line"
    " through `mapping.csv` (300 rules, one per L line); about 1 % are bank fees no rule"
    " maps and 0.5 % are dated before the period, listed as not counted. The plain reads"
    " parse amounts and dates but map nothing. pandas' C engine cannot use the non-breaking"
    " space as `thousands` (two bytes in UTF-8: it silently leaves `Montant` as text), so the"
    " column is read as text and converted with `str.replace` (polars the same way).",
    '- "named lines" are the same rows with a last column, `Poste`, naming each one\'s line'
    " (blank for the bank fees), in a project with no `mapping.csv`: budgetbook's reader"
    " there does all it does but search the rules' texts, and polars reads that file.",
    '- "polars doing the reader\'s work" is the shortest polars script that gives the'
    " reader's records (`read_ledger.py polars-mapped`): the file's SHA-256 in a thread,"
    " dates, amounts as exact decimals, each row's line (the first rule whose text is in its"
    " lowered description, vendor and account; on the named lines, the budget line its"
    " `Poste` names) and the rows that count, dated in the period; the same counts as the"
    " reader. It checks nothing and says no reason: the floor of the reader's own work in"
    " the library it stands on, where the plain reads are the floor of reading the file.",
    '- "budgetbook build, side file" builds the ledger\'s project with `[workbook]'
    " actuals_sheet_max` at half its rows, so the Actuals sheet lists one total per line and"
    " month and the transactions are written to `ledger-transactions.csv`: the path a ledger"
    " beyond a sheet's 1,048,575 rows takes.",
    "- LibreOffice: `budgetbook.write.libreoffice.convert(..., recalculate=True)` in a child"
    " process (a fresh profile each time, so start-up is in every figure; the S row shows"
    " it). The values-only workbook is the floor script's `--values-only` copy of the same"
    " cells, each formula replaced by its cached value. The peak memory of these rows is the"
    " largest of the Python child and the soffice processes it waited for.",
    "- The machine has 2 cores and may be shared: a load average above 1 before or during the"
    " run means another process competed for them, and times are then pessimistic.",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case (default 3)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 1 run, M instead of L, a 100,000-row ledger, RESULTS.md untouched",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal fails")
    parser.add_argument(
        "--profile", action="store_true", help="also profile the L build and the reader"
    )
    parser.add_argument("--no-libreoffice", action="store_true", help="skip section 4")
    parser.add_argument(
        "--results",
        type=Path,
        default=RESULTS,
        help="where to write the results (default bench/RESULTS.md, whose table the README"
        " shows too; not with --quick)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not _importable("budgetbook.cli, python_calamine, openpyxl, xlsxwriter, pandas"):
        print(
            f"budgetbook is not importable by {sys.executable}: run"
            " .venv/bin/python bench/scale.py from the repository root (or make bench).",
            file=sys.stderr,
        )
        return 2
    plan = Plan(
        runs=1 if args.quick else args.runs,
        large=synthetic.SIZES["M" if args.quick else "L"],
        ledger_rows=QUICK_LEDGER_ROWS if args.quick else LEDGER_ROWS,
        quick=args.quick,
        libreoffice=not args.no_libreoffice,
    )
    # Installing a package byte-compiles it; budgetbook here is the repository's source, which
    # every run would compile again where PYTHONDONTWRITEBYTECODE is set (0.1 s of S's build).
    compileall.compile_dir(REPO / "budgetbook", quiet=1)
    started, load_before = time.perf_counter(), os.getloadavg()
    about = machine()
    print("\n".join(about), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        work = Path(tmp)
        print("1. budgetbook", flush=True)
        cases, book, large = build_cases(plan, work)
        print(f"2. floors for {plan.large.name}", flush=True)
        floors, values = floor_cases(plan, work, book, large)
        print(f"3. {plan.ledger_rows:,}-row French ledger", flush=True)
        ledger = ledger_cases(plan, work)
        print(f"4. LibreOffice, {plan.large.name}", flush=True)
        office = libreoffice_cases(plan, work, work / "S.xlsx", book, values)
        cases += floors + ledger + office
        profiled = profiles(work) if args.profile else []
        shutil.rmtree(work, ignore_errors=True)
    elapsed, load_after = time.perf_counter() - started, os.getloadavg()
    checks = goals(cases, plan)
    print()
    print(table(cases))
    print()
    print("\n".join(ratios(cases, plan)))
    print()
    for goal in checks:
        print(goal.line())
    for title, text in profiled:
        print(f"\n## Profile: {title}\n\n{text}")
    if not args.quick:
        args.results.write_text(
            results_markdown(
                cases, checks, plan, about, (load_before, load_after), elapsed, profiled
            ),
            encoding="utf-8",
        )
        print(f"\nWrote {args.results}")
        if args.results == RESULTS:
            show_in_readme(README, readme_block(cases, checks, plan, about))
            print(f"Updated the table in {README}")
    failed = any(goal.ok is False for goal in checks)
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
