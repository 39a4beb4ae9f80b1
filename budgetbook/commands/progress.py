"""Progress of long reads and writes, shown only when someone watches a terminal.

The library reports through the reporter of the current context, so a reader deep in the
stack needs no extra parameter; the default reporter does nothing. The command line sets a
terminal reporter when standard error is a terminal and --quiet/--json are not given.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from contextvars import ContextVar
from typing import TextIO


class Reporter:
    """Does nothing: scripts, pipes and tests see no progress."""

    def start(self, label: str, total: int | None = None) -> None:
        """A new step; ``total`` units of work, or None when unknown."""

    def advance(self, done: int) -> None:
        """``done`` more units of the current step."""

    def finish(self) -> None:
        """The current step is over."""


class TerminalReporter(Reporter):
    """One line on standard error, rewritten in place: label, bar and percentage, or the label
    alone for a step of unknown size. Redrawn at most every ``interval`` seconds."""

    WIDTH = 24

    def __init__(self, stream: TextIO = sys.stderr, interval: float = 0.1):
        self.stream, self.interval = stream, interval
        self.label, self.total, self.done = "", None, 0
        self.drawn = 0.0

    def start(self, label: str, total: int | None = None) -> None:
        self.label, self.total, self.done = label, total, 0
        self._draw(force=True)

    def advance(self, done: int) -> None:
        self.done += done
        self._draw()

    def finish(self) -> None:
        if self.label:
            self.stream.write("\r\033[K")  # clear the line: the summary follows
            self.stream.flush()
        self.label = ""

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.drawn < self.interval:
            return
        self.drawn = now
        if self.total:
            share = min(self.done / self.total, 1.0)
            filled = round(share * self.WIDTH)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            text = f"{self.label} [{bar}] {share:4.0%}"
        else:
            text = f"{self.label} ..."
        self.stream.write("\r\033[K" + text)
        self.stream.flush()


_SILENT = Reporter()
_current: ContextVar[Reporter | None] = ContextVar("budgetbook_progress", default=None)


def reporter() -> Reporter:
    return _current.get() or _SILENT


@contextlib.contextmanager
def reporting(to: Reporter) -> Iterator[Reporter]:
    """Report progress to ``to`` within the block; the line is cleared when it ends."""
    token = _current.set(to)
    try:
        yield to
    finally:
        to.finish()
        _current.reset(token)


@contextlib.contextmanager
def step(label: str, total: int | None = None) -> Iterator[Reporter]:
    """A step of the current reporter, finished however the block ends."""
    current = reporter()
    current.start(label, total)
    try:
        yield current
    finally:
        current.finish()
