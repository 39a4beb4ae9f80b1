"""Progress on a terminal: drawn when someone watches (a real TTY, under tmux), silent in
pipes, with --quiet or --json, and cleared before the summary."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.commands.build import check_project
from budgetbook.commands.progress import Reporter, TerminalReporter, reporting, step
from tests.conftest import write_project

BUDGETBOOK = Path(sys.executable).parent / "budgetbook"
LINES = [["Advertising", f"Line {i}", "", "surplus", 500, 500, 500, 500] for i in range(20)]


def _actuals(count: int) -> list[list[object]]:
    return [
        [
            f"2026-0{1 + i % 4}-{1 + i % 28:02d}",
            f"{1 + i % 97}.50",
            f"Line {i % 20}",
            "Ad",
            "V",
            "1",
        ]
        for i in range(count)
    ]


def test_terminal_reporter_draws_a_bar_and_clears_it():
    stream = io.StringIO()
    with reporting(TerminalReporter(stream, interval=0)):
        with step("Writing Actuals", 200) as progress:
            progress.advance(50)
            progress.advance(150)
        with step("Saving the workbook"):
            pass
    text = stream.getvalue()
    assert "Writing Actuals [------------------------]   0%" in text
    assert "Writing Actuals [######------------------]  25%" in text
    assert "Writing Actuals [########################] 100%" in text
    assert "Saving the workbook ..." in text
    assert text.endswith("\r\033[K")  # the summary starts on a clean line


def test_reading_a_large_file_reports_its_bytes(tmp_path):
    project = write_project(tmp_path / "p", LINES, _actuals(50_000))
    stream = io.StringIO()
    with reporting(TerminalReporter(stream, interval=0)):
        check_project(project)
    shares = re.findall(r"Reading actuals/ledger\.csv \[[#-]+\] +(\d+)%", stream.getvalue())
    assert len(shares) >= 3  # at the start, then every 20,000 lines
    assert [int(x) for x in shares] == sorted(int(x) for x in shares)
    assert 0 < int(shares[-1]) <= 100


def test_no_reporter_means_no_output(capsys):
    with step("Writing Actuals", 10) as progress:
        progress.advance(10)
    assert isinstance(progress, Reporter)
    assert capsys.readouterr() == ("", "")


def test_no_progress_when_not_a_terminal(tmp_path):
    project = write_project(tmp_path / "p", LINES, _actuals(300))
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(tmp_path / "b.xlsx")])
    assert result.exit_code == 0
    assert "\r" not in result.output and "[#" not in result.output
    assert result.output.startswith("Built ")


def _require_tmux() -> str:
    tmux = shutil.which("tmux")
    if tmux is None:
        if os.environ.get("CI") or os.environ.get("BUDGETBOOK_REQUIRE_LIBREOFFICE"):
            pytest.fail("tmux is required under CI for the terminal test")
        pytest.skip("tmux is not installed")
    return tmux


def _run_in_tmux(tmux: str, socket: Path, command: str, log: Path) -> str:
    """Run ``command`` in a tmux pane (a real terminal), log every byte it draws, and return
    the screen once it has finished."""
    base = [tmux, "-S", str(socket)]
    done = log.with_suffix(".done")
    shell = f"sleep 0.5; {command}; touch {done}; sleep 30"
    subprocess.run([*base, "new-session", "-d", "-x", "120", "-y", "20", shell], check=True)
    try:
        subprocess.run([*base, "pipe-pane", "-o", f"cat > {log}"], check=True)
        deadline = time.monotonic() + 120
        while not done.exists():
            assert time.monotonic() < deadline, "the build did not finish in the terminal"
            time.sleep(0.2)
        screen = subprocess.run(
            [*base, "capture-pane", "-p"], check=True, capture_output=True, text=True
        ).stdout
    finally:
        subprocess.run([*base, "kill-server"], check=False)
    return screen


def test_progress_bar_in_a_real_terminal(tmp_path):
    tmux = _require_tmux()
    project = write_project(tmp_path / "p", LINES, _actuals(40_000))
    book, log = tmp_path / "b.xlsx", tmp_path / "pane.log"
    screen = _run_in_tmux(
        tmux, tmp_path / "tmux.sock", f"{BUDGETBOOK} build {project} -o {book}", log
    )
    drawn = log.read_text(encoding="utf-8", errors="replace")
    assert "Reading actuals/ledger.csv [" in drawn
    assert "Writing Actuals [" in drawn and "%" in drawn
    assert "Saving the workbook ..." in drawn
    lines = [line for line in screen.splitlines() if line.strip()]
    # The summary ends the screen, with no bar left over: its Forecast row, then the lines
    # heading over, if any.
    assert any(line.strip().startswith("Forecast ") for line in lines[-2:])
    assert "[" not in lines[-1] and "%" not in lines[-1]
    assert not any("Writing Actuals" in line for line in lines)

    quiet_log = tmp_path / "quiet.log"
    _run_in_tmux(
        tmux, tmp_path / "tmux2.sock", f"{BUDGETBOOK} build {project} -o {book} -q", quiet_log
    )
    assert "Writing" not in quiet_log.read_text(encoding="utf-8", errors="replace")


def test_summary_colours_on_a_terminal_only(tmp_path):
    project = write_project(tmp_path / "p", LINES, [*_actuals(3), ["2026-02-01", "5", "Nope"]])
    plain = CliRunner().invoke(main, ["check", str(project)])
    coloured = CliRunner().invoke(main, ["check", str(project)], color=True)
    assert "\033[" not in plain.output
    assert "\033[1mProject " in coloured.output  # what was done, in bold
    assert "\033[33m  Not counted " in coloured.output  # rows left out, in yellow
    assert click.unstyle(coloured.output) == plain.output


@pytest.mark.parametrize(
    ("language", "head", "not_read", "not_counted"),
    [
        ("en", "Project ", "Not read ", "Not counted "),
        ("fr", "Le projet ", "Non lu ", "Non comptées "),
    ],
)
def test_summary_lines_are_coloured_by_what_they_are_in_either_language(
    tmp_path, language, head, not_read, not_counted
):
    """A file not read in red, rows not counted in yellow, each row of their kinds plain:
    the colour comes from what each line is, so the French summary is coloured as well."""
    project = write_project(tmp_path / "p", LINES, [*_actuals(3), ["2026-02-01", "5", "Nope"]])
    (project / "actuals" / "broken.xlsx").write_text("not a workbook", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(project), "--lang", language], color=True)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    red = [line for line in lines if line.startswith("\033[31m")]
    yellow = [line for line in lines if line.startswith("\033[33m")]
    bold = [line for line in lines if line.startswith("\033[1m")]
    assert len(bold) == 1 and click.unstyle(bold[0]).startswith(head), result.output
    assert len(red) == 1 and click.unstyle(red[0]).lstrip().startswith(not_read), result.output
    assert "broken.xlsx" in red[0]
    assert len(yellow) == 1, result.output
    assert click.unstyle(yellow[0]).lstrip().startswith(not_counted)
    plain = [line for line in lines if not line.startswith("\033[")]
    assert len(plain) == len(lines) - 3 and not any("\033" in line for line in plain)
