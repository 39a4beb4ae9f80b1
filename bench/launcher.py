"""Run one benchmark child in a fresh process and measure it: wall time, peak RSS, exit status.

Shared by ``bench/hostile_files.py`` and ``bench/scale.py``, so both measure the same way.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    """One child process: wall time, peak RSS, exit status, and what it printed."""

    seconds: float
    peak: int  # bytes
    code: int
    stdout: str
    stderr: str

    @property
    def report(self) -> dict:
        """The ``BENCH {json}`` line a helper script prints, or {}."""
        for line in self.stdout.splitlines():
            if line.startswith("BENCH "):
                return json.loads(line.removeprefix("BENCH "))
        return {}


class Measured:
    """A benchmark case's runs: ``times`` (seconds) and ``peaks`` (bytes), one per run."""

    times: list[float]
    peaks: list[int]

    @property
    def time(self) -> float:
        """The median wall time: one slow run on a shared machine does not move it."""
        return statistics.median(self.times)

    @property
    def peak(self) -> int:
        return max(self.peaks)


# Started by a small launcher, not by the benchmark: a child's peak RSS (ru_maxrss) counts the
# memory of the process it was forked from until it executes its program, so a child forked
# from the benchmark (grown by the files it generated) would report the benchmark's size.
# wait4's ru_maxrss also covers the grandchildren the child waited for (LibreOffice under
# lo_recalc.py): the largest of them.
LAUNCHER = """
import json, os, resource, subprocess, sys, threading, time
report, cap, timeout, argv = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4:]
limit = lambda: resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
start = time.perf_counter()
child = subprocess.Popen(argv, preexec_fn=limit)
timer = threading.Timer(timeout, child.kill)
timer.start()
_, status, usage = os.wait4(child.pid, 0)
timer.cancel()
seconds = time.perf_counter() - start
with open(report, "w") as out:
    json.dump([seconds, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)], out)
"""


def run_child(argv: list[str], memory_cap: int, timeout: float) -> Run:
    """Run ``argv`` through the launcher from the repository root, its address space capped at
    ``memory_cap`` bytes and killed after ``timeout`` seconds, so the machine is never at risk."""
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])
    )
    env.pop("BUDGETBOOK_DEBUG", None)
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as folder,
    ):
        report = Path(folder) / "run.json"
        launcher = [sys.executable, "-c", LAUNCHER, str(report), str(memory_cap)]
        subprocess.run([*launcher, str(timeout), *argv], stdout=out, stderr=err, env=env, cwd=REPO)
        seconds, peak, code = json.loads(report.read_text())
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            peak,
            code,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )
