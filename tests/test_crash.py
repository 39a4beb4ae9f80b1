"""Crash safety: a build or an update killed at any moment, two builds racing, a folder that
cannot be written and a workbook open in Excel all leave the previous workbook whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.commands.build import build_workbook
from tests.conftest import write_csv, write_project

ROOT = Path(__file__).parent.parent
KILLS = 50
UPDATE_KILLS = 25
COMMAND = "import sys; from budgetbook.cli import main; sys.exit(main())"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """Big enough (30 lines, 3,000 transactions) that writing takes a good part of a build."""
    rng = random.Random(1)
    lines = [["Advertising", f"Line {i}", "", "surplus", *([100] * 12)] for i in range(30)]
    actuals = [
        [f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", f"{rng.uniform(1, 90):.2f}",
         f"Line {rng.randrange(30)}", f"Invoice {n}", "Vendor", "6231"]
        for n in range(3000)
    ]  # fmt: skip
    return write_project(tmp_path_factory.mktemp("crash") / "p", lines, actuals, months=12)


def _start(*args: object) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", COMMAND, *map(str, args)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _timed(*args: object) -> float:
    started = time.perf_counter()
    assert _start(*args).wait() == 0
    return time.perf_counter() - started


def _kill_at_random_points(args: tuple, count: int, seed: int) -> tuple[int, int]:
    """Start the command ``count`` times and SIGKILL it after a random delay, from 0 to a
    little over its full run; return how many were killed and how many had finished."""
    full = _timed(*args)
    rng = random.Random(seed)
    killed = finished = 0
    for _ in range(count):
        process = _start(*args)
        time.sleep(rng.uniform(0, full * 1.1))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        else:
            finished += 1
        process.wait()
    return killed, finished


def _readable(book: Path) -> None:
    with zipfile.ZipFile(book) as archive:
        assert archive.testzip() is None
    openpyxl.load_workbook(book, read_only=True).close()


def test_a_build_killed_at_any_moment_leaves_the_old_workbook(project, tmp_path):
    book = tmp_path / "book.xlsx"
    build_workbook(project, book)
    before = book.read_bytes()  # the same inputs build a byte-identical workbook
    killed, finished = _kill_at_random_points(("build", project, "-o", book), KILLS, seed=50)
    print(f"{KILLS} kill points: {killed} builds killed, {finished} had finished")
    assert killed >= KILLS // 2
    assert book.read_bytes() == before
    _readable(book)


def test_an_update_killed_at_any_moment_leaves_the_old_or_the_new_workbook(project, tmp_path):
    book = tmp_path / "book.xlsx"
    build_workbook(project, book)
    before = book.read_bytes()
    new_rows = write_csv(
        tmp_path / "november.csv",
        [["date", "amount", "line"], *(["2026-11-03", "7.50", f"Line {i}"] for i in range(30))],
    )
    reference = tmp_path / "reference" / "book.xlsx"
    reference.parent.mkdir()
    reference.write_bytes(before)
    _timed("update", reference, new_rows)
    after = reference.read_bytes()

    killed, _ = _kill_at_random_points(("update", book, new_rows), UPDATE_KILLS, seed=51)
    assert killed >= UPDATE_KILLS // 3
    assert book.read_bytes() in (before, after)
    _readable(book)


def test_two_builds_racing_leave_one_complete_workbook(project, tmp_path):
    book = tmp_path / "book.xlsx"
    alone = tmp_path / "alone.xlsx"
    build_workbook(project, alone)
    racers = [_start("build", project, "-o", book) for _ in range(3)]
    assert [racer.wait() for racer in racers] == [0, 0, 0]
    assert book.read_bytes() == alone.read_bytes()
    assert not list(tmp_path.glob(".book.xlsx.*.tmp"))  # no temporary file left behind


def test_a_folder_that_cannot_be_written_gets_a_message(project, tmp_path, monkeypatch):
    book = tmp_path / "book.xlsx"
    build_workbook(project, book)
    before = book.read_bytes()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # as root, chmod would not stop us
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(book)])
    assert result.exit_code == 1
    assert f"{book}: cannot write here (Permission denied)." in result.output
    assert book.read_bytes() == before


@pytest.mark.parametrize("lock", ["~$book.xlsx", ".~lock.book.xlsx#"])
def test_a_workbook_open_in_excel_or_libreoffice_is_left_alone(project, tmp_path, lock):
    book = tmp_path / "book.xlsx"
    build_workbook(project, book)
    before = book.read_bytes()
    (tmp_path / lock).write_text("someone")
    for args in (["build", str(project), "-o", str(book)], ["update", str(book), __file__]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        assert f"it is open in Excel or LibreOffice ({lock} exists)" in result.output
    assert book.read_bytes() == before


def test_a_new_workbook_gets_the_umask_mode_and_a_rebuilt_one_keeps_its_own(project, tmp_path):
    book = tmp_path / "book.xlsx"
    old = os.umask(0o022)
    try:
        build_workbook(project, book)
    finally:
        os.umask(old)
    assert book.stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0600
    book.chmod(0o664)
    build_workbook(project, book)
    assert book.stat().st_mode & 0o777 == 0o664
