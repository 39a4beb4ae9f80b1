"""Benchmark: hostile files are refused in bounded time and memory; above all, a 1.5 MB
.xlsx that unpacks to 1.5 GB is refused in under 5 s and 300 MB.

Each case copies ``samples/atelier-lune`` to a temporary project, drops one .xlsx in its
``actuals/`` folder and runs ``budgetbook build`` in a fresh process, so the wall time and the
peak resident memory (``os.wait4``) are those of that one build. The baselines, measured in the
same run: a genuine finance export of about the same packed size (~1.5 MB), which budgetbook
reads, and the bare sample with no extra file.

    .venv/bin/python bench/hostile_files.py [--runs 3] [--show-danger]

Exits 1 when a goal fails. ``--show-danger`` also reads a smaller (200 MB) bomb with
python-calamine directly, without budgetbook's check, to show what the check prevents. Every
child runs with its address space capped at 4 GiB, so the machine is never at risk.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import launcher  # noqa: E402
from launcher import Measured, Run  # noqa: E402

from tests import hostile  # noqa: E402

SAMPLE = REPO / "samples" / "atelier-lune"
MB = 1_000_000
GB = 1_000_000_000
BOMB_UNPACKED = 3 * GB // 2
DANGER_UNPACKED = 200 * MB
GENUINE_PACKED = 3 * MB // 2
TIME_GOAL = 5.0  # seconds
MEMORY_GOAL = 300 * MB
CHILD_MEMORY_CAP = 4 * 1024**3  # address space of every child: the machine is never at risk
CHILD_TIMEOUT = 120.0  # seconds


# --- the files ------------------------------------------------------------------------------


def genuine_export(path: Path, packed_bytes: int = GENUINE_PACKED) -> Path:
    """A finance export as an accounting system writes it (Date, Amount, Description, Vendor),
    with as many rows as make it about ``packed_bytes``; its vendors match the sample's mapping
    rules, so budgetbook counts most rows."""
    sample = path.with_name("calibrate.xlsx")
    rows = 5_000
    _write_export(sample, rows)
    per_row = sample.stat().st_size / rows
    sample.unlink()
    return _write_export(path, round(packed_bytes / per_row))


VENDORS = [
    ("Meta Platforms Ireland", "Instagram ads campaign"),
    ("Meta Platforms Ireland", "Facebook ads boost"),
    ("Pinterest Europe", "Pinterest ads"),
    ("Google Ireland", "Google Ads search"),
    ("Canva Pty Ltd", "Canva Pro seat"),
    ("Mailchimp", "Mailchimp Standard plan"),
    ("Shopify International Ltd", "Shopify subscription"),
    ("Later Media", "Later scheduling plan"),
    ("La Poste Colissimo", "Shipping labels"),
]


def _write_export(path: Path, rows: int) -> Path:
    import xlsxwriter

    pick = random.Random(2026)
    start = date(2026, 1, 1)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Export")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    money = book.add_format({"num_format": "#,##0.00"})
    sheet.write_row(0, 0, ["Date", "Amount", "Description", "Vendor"])
    for row in range(1, rows + 1):
        vendor, what = pick.choice(VENDORS)
        sheet.write_datetime(row, 0, start + timedelta(days=pick.randrange(365)), dates)
        sheet.write_number(row, 1, round(pick.uniform(-20, 400), 2), money)
        sheet.write_string(row, 2, f"{what}, invoice {pick.randrange(10**7):07d}")
        sheet.write_string(row, 3, vendor)
    book.close()
    return path


def readable_bomb(path: Path, unpacked_bytes: int) -> Path:
    """A zip bomb that a reader really opens: a genuine workbook whose first sheet is replaced
    by ``unpacked_bytes`` of rows 16,384 cells wide (empty cells, then a number), which
    deflate packs about 850 times (headers honest). The bombs of ``tests/hostile.py`` have no
    ``_rels/.rels``, so calamine refuses them at once; this one it reads, cell by cell."""
    import xlsxwriter

    skeleton = path.with_name("skeleton.xlsx")
    book = xlsxwriter.Workbook(str(skeleton))
    book.add_worksheet().write(0, 0, 1)
    book.close()
    row = b"<row>" + b"<c/>" * 16_383 + b"<c><v>1</v></c></row>"
    block = row * max(1, (1 << 20) // len(row))
    rows_left = -(-unpacked_bytes // len(row))
    with (
        zipfile.ZipFile(skeleton) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst,
    ):
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, src.read(info))
                continue
            with dst.open(info.filename, "w", force_zip64=True) as sheet:
                sheet.write(hostile.SHEET_START.encode())
                while rows_left > 0:
                    rows = min(rows_left, len(block) // len(row))
                    sheet.write(block[: rows * len(row)])
                    rows_left -= rows
                sheet.write(hostile.SHEET_END.encode())
    skeleton.unlink()
    return path


def all_lying_bomb(path: Path, unpacked_bytes: int) -> Path:
    """The lying bomb with its sheet's packed size declared as 4 GB as well, so no ratio looks
    suspicious: the check's worst case, which unpacks up to its total limit before refusing."""
    hostile.lying_zip_bomb(path, unpacked_bytes)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo("xl/worksheets/sheet1.xml").header_offset
    struct.pack_into("<I", data, local + 18, 0xFFFF_FFF0)  # local header: compressed size
    (directory,) = struct.unpack_from("<I", data, data.rindex(b"PK\x05\x06") + 16)
    while data[directory : directory + 4] == b"PK\x01\x02":
        name_size, extra, comment = struct.unpack_from("<HHH", data, directory + 28)
        name = bytes(data[directory + 46 : directory + 46 + name_size])
        if name == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, directory + 20, 0xFFFF_FFF0)
        directory += 46 + name_size + extra + comment
    path.write_bytes(bytes(data))
    return path


@dataclass
class Case(Measured):
    name: str
    make: Callable[[Path], Path] | None  # None: the bare sample, no file added
    hostile: bool
    unpacked: int | None = None  # true unpacked bytes, when the headers may lie
    note: str = ""
    suffix: str = ".xlsx"
    file: Path | None = None
    times: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    message: str = ""

    @property
    def code(self) -> str:
        return "/".join(str(code) for code in sorted(set(self.codes)))


def cases() -> list[Case]:
    return [
        Case("bare sample (baseline 2)", None, hostile=False),
        Case("genuine export (baseline)", genuine_export, hostile=False),
        Case(
            "zip bomb",
            lambda p: hostile.zip_bomb(p, BOMB_UNPACKED),
            hostile=True,
            note="tests.hostile.zip_bomb, honest headers",
        ),
        Case(
            "lying zip bomb",
            lambda p: hostile.lying_zip_bomb(p, BOMB_UNPACKED),
            hostile=True,
            unpacked=BOMB_UNPACKED,
            note="headers declare a 100-byte sheet",
        ),
        Case(
            "all-lying zip bomb",
            lambda p: all_lying_bomb(p, BOMB_UNPACKED),
            hostile=True,
            unpacked=BOMB_UNPACKED,
            note="declares a 100-byte sheet packed in 4 GB: no ratio to catch, the worst case",
        ),
        Case(
            "readable zip bomb",
            lambda p: readable_bomb(p, BOMB_UNPACKED),
            hostile=True,
            note="a real workbook whose sheet is 1.5 GB of 16,384-cell rows; calamine opens it",
        ),
        Case(
            "stray cell at XFD1048576",
            lambda p: hostile.stray_cell(p, 1_048_575, 16_383),
            hostile=True,
            note="a 5 kB sheet whose grid from A1 is 17 billion cells; calamine aborts on it",
        ),
        Case(
            "stray cell at AD1048576",
            lambda p: hostile.stray_cell(p, 1_048_575, 29),
            hostile=True,
            note="a 5 kB sheet whose grid from A1 is 31 million cells (1.4 GB in calamine)",
        ),
        Case(
            "random bytes named .csv",
            hostile.random_bytes,
            hostile=True,
            suffix=".csv",
            note="20 kB of random bytes",
        ),
        Case(
            "workbook named .csv",
            lambda p: hostile.renamed_workbook(
                p, hostile.stray_cell(p.with_suffix(".x.xlsx"), 5, 3)
            ),
            hostile=True,
            suffix=".csv",
            note="an .xlsx saved under a .csv name",
        ),
        Case(
            "NUL bytes",
            hostile.nul_bytes,
            hostile=True,
            suffix=".csv",
            note="a ledger line ending in NUL bytes",
        ),
        Case(
            "50 MB field",
            hostile.giant_field,
            hostile=True,
            suffix=".csv",
            note="one quoted description of 50 MB, as an unclosed quote makes",
        ),
        Case(
            "10,000 columns",
            hostile.wide,
            hostile=False,
            suffix=".csv",
            note="read: one row counted",
        ),
        Case(
            "mixed encodings",
            hostile.mixed_encodings,
            hostile=False,
            suffix=".csv",
            note="UTF-8 and Windows-1252 lines in one file: read line by line",
        ),
        Case(
            "entity bomb",
            hostile.entity_bomb,
            hostile=True,
            note="billion laughs: 10^9 x 'lol' once expanded",
        ),
    ]


# --- measuring ------------------------------------------------------------------------------


def run_child(argv: list[str]) -> Run:
    """Run one child process through the launcher, with this benchmark's address-space cap and
    time limit; its wall time and its own peak RSS, from ``os.wait4``."""
    return launcher.run_child(argv, CHILD_MEMORY_CAP, CHILD_TIMEOUT)


def first_message(run: Run) -> str:
    """The line that says what happened: the first problem named, or how many finance rows
    were counted, else the first line."""
    lines = [line.strip() for line in (run.stderr + run.stdout).splitlines() if line.strip()]
    for line in lines:  # the summary's "Not read" row: the label, then the file and why
        if line.startswith("Not read"):
            return line.removeprefix("Not read").lstrip(": ")
    for line in lines:
        if line.startswith("Counted "):
            return line
    for line in lines:
        if not (line.startswith("Error:") and line.endswith("to fix:")):
            return line
    return ""


def measure(case: Case, workdir: Path, runs: int) -> None:
    project = workdir / "project"
    shutil.copytree(SAMPLE, project)
    if case.file is not None:
        shutil.copy(case.file, project / "actuals" / case.file.name)
    for index in range(runs):
        book = workdir / f"book-{index}.xlsx"
        argv = [sys.executable, "-m", "budgetbook.cli", "build", str(project), "-o", str(book)]
        run = run_child(argv)
        case.times.append(run.seconds)
        case.peaks.append(run.peak)
        case.codes.append(run.code)
        case.message = case.message or first_message(run)
        book.unlink(missing_ok=True)


DANGER_SCRIPT = textwrap.dedent(
    """
    import sys
    from python_calamine import CalamineWorkbook
    sheet = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0)
    grid = sheet.to_python(skip_empty_area=False)
    print(f"read {len(grid):,} rows x {len(grid[0]):,} columns")
    """
)
CHECK_SCRIPT = (
    "import sys; from pathlib import Path; from budgetbook.read.safezip import check_xlsx; "
    "check_xlsx(Path(sys.argv[1]), Path(sys.argv[1]).name)"
)


def outcome(run: Run) -> str:
    if run.code < 0:
        signal = f"killed by signal {-run.code}"
        oom = next((line for line in run.stderr.splitlines() if "allocation" in line), "")
        return f"{signal} ({oom.strip()})" if oom else signal
    if "MemoryError" in run.stderr:
        return "MemoryError (hit the memory cap)"
    return first_message(run)


def show_danger(workdir: Path) -> None:
    """What the check prevents, and what it does not see. Every child runs under the cap."""
    cap = f"{CHILD_MEMORY_CAP / 1024**3:.0f} GiB"
    path = readable_bomb(workdir / "danger-bomb.xlsx", DANGER_UNPACKED)
    print(
        f"\n## Without the check: python-calamine reads a {size(DANGER_UNPACKED)} readable bomb"
        f" ({size(path.stat().st_size)} packed), address space capped at {cap}\n"
    )
    run = run_child([sys.executable, "-c", DANGER_SCRIPT, str(path)])
    print(f"- exit {run.code}: {outcome(run)}")
    print(f"- {run.seconds:.2f} s, peak {run.peak / MB:,.0f} MB")
    print(
        f"- scaled linearly to {size(BOMB_UNPACKED)} unpacked: about"
        f" {run.peak * BOMB_UNPACKED / DANGER_UNPACKED / GB:,.1f} GB of memory and"
        f" {run.seconds * BOMB_UNPACKED / DANGER_UNPACKED:,.0f} s"
    )
    check = run_child([sys.executable, "-c", CHECK_SCRIPT, str(path)])
    refused = check.code != 0 and "zip bomb" in check.stderr
    print(
        f"- check_xlsx on the same file: {'refused' if refused else 'NOT refused'}"
        f" in {check.seconds:.2f} s (whole process), peak {check.peak / MB:,.0f} MB"
    )


# --- reporting ------------------------------------------------------------------------------


def size(value: int | None) -> str:
    if value is None:
        return "-"
    if value >= GB:
        return f"{value / GB:.2f} GB"
    if value >= MB:
        return f"{value / MB:.2f} MB"
    return f"{value / 1000:.1f} kB"


def table(results: list[Case], baseline: Case) -> str:
    head = [
        "case",
        "packed",
        "unpacked",
        "exit",
        "median time (s)",
        "peak memory (MB)",
        "time vs genuine",
        "memory vs genuine",
        "message",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for case in results:
        packed = case.file.stat().st_size if case.file else None
        message = case.message.replace("|", "\\|")
        if len(message) > 110:
            message = message[:107] + "..."
        cells = [
            case.name,
            size(packed),
            size(case.unpacked),
            case.code,
            f"{case.time:.2f}",
            f"{case.peak / MB:.0f}",
            f"{case.time / baseline.time:.2f}x",
            f"{case.peak / baseline.peak:.2f}x",
            message,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def goals(results: list[Case]) -> list[tuple[bool, str]]:
    """The requirement, case by case: the baselines build; each hostile file is refused with a
    message naming it, its slowest run under the time goal and its peak under the memory goal;
    each zip bomb is the requirement's file (at most 2 MB packed, 1.5 GB unpacked)."""
    checks = []
    for case in results:
        if not case.hostile:
            checks.append((set(case.codes) == {0}, f"{case.name}: built (exit 0)"))
            continue
        name = case.file.name
        packed = case.file.stat().st_size
        if case.unpacked >= BOMB_UNPACKED:
            ok = packed <= 2 * MB
            checks.append(
                (
                    ok,
                    f"{case.name}: {size(packed)} packed (<= 2 MB), {size(case.unpacked)} unpacked",
                )
            )
        refused = set(case.codes) == {0} and case.message.startswith(f"actuals/{name}:")
        checks.append((refused, f"{case.name}: not read, and named, while the build goes on"))
        slowest = max(case.times)
        checks.append(
            (slowest < TIME_GOAL, f"{case.name}: slowest run {slowest:.2f} s < {TIME_GOAL:.0f} s")
        )
        peak = case.peak / MB
        checks.append(
            (
                case.peak < MEMORY_GOAL,
                f"{case.name}: peak {peak:.0f} MB < {MEMORY_GOAL / MB:.0f} MB",
            )
        )
    return checks


def check_cost(path: Path, build_seconds: float) -> str:
    """How long budgetbook's check alone takes on a genuine file, in this process."""
    from budgetbook.read.safezip import check_xlsx

    times = []
    for _ in range(5):
        start = time.perf_counter()
        check_xlsx(path, path.name)
        times.append(time.perf_counter() - start)
    cost = statistics.median(times)
    return (
        f"check_xlsx alone on {path.name}: {cost * 1000:.0f} ms"
        f" ({cost / build_seconds:.1%} of its build)"
    )


def unpacked_size(path: Path) -> int:
    """What a zip archive declares it unpacks to; a file that is no archive, its own size."""
    if not zipfile.is_zipfile(path):
        return path.stat().st_size
    with zipfile.ZipFile(path) as archive:
        return sum(info.file_size for info in archive.infolist())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per case (default 3)")
    parser.add_argument(
        "--show-danger",
        action="store_true",
        help="also read a 200 MB bomb with python-calamine directly, without the check",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    probe = subprocess.run(
        [sys.executable, "-c", "import budgetbook.cli, python_calamine, xlsxwriter"],
        capture_output=True,
        cwd=REPO,
    )
    if probe.returncode:
        print(
            f"budgetbook is not importable by {sys.executable}:"
            " run .venv/bin/python bench/hostile_files.py from the repository root.",
            file=sys.stderr,
        )
        return 2

    results = cases()
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        files = Path(tmp) / "files"
        files.mkdir()
        print(f"Generating files in {files} ...", flush=True)
        for case in results:
            if case.make is None:
                continue
            slug = case.name.split(" (")[0].replace(" ", "-")
            start = time.perf_counter()
            case.file = case.make(files / f"{slug}{case.suffix}")
            if case.unpacked is None:
                case.unpacked = unpacked_size(case.file)
            print(
                f"  {case.file.name}: {size(case.file.stat().st_size)} packed,"
                f" {size(case.unpacked)} unpacked ({time.perf_counter() - start:.1f} s)",
                flush=True,
            )
        for case in results:
            print(f"Measuring {case.name} ({args.runs} runs) ...", flush=True)
            workdir = Path(tmp) / case.name.split(" (")[0].replace(" ", "-")
            workdir.mkdir()
            measure(case, workdir, args.runs)
        baseline = next(case for case in results if case.name.startswith("genuine"))
        print(
            f"\n## budgetbook build with one more file in actuals/ ({args.runs} runs each;"
            " median wall time, highest peak RSS of the build process)\n"
        )
        print(table(results, baseline))
        print()
        for case in results:
            if case.note:
                print(f"- {case.name}: {case.note}")
        print(f"- {check_cost(baseline.file, baseline.time)}")
        print()
        checks = goals(results)
        for ok, text in checks:
            print(f"{'PASS' if ok else 'FAIL'}  {text}")
        if args.show_danger:
            show_danger(Path(tmp))
    return 0 if all(ok for ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
