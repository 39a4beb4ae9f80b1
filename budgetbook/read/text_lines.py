"""A text file's bytes into lines, and the delimiter that splits them into fields: UTF-8 line
by line with Windows-1252 where a line is not UTF-8, UTF-16 told without its BOM, and ``,``
``;`` tab or ``|`` told from the first lines. `budgetbook.read.tables` reads CSV files with
them, and the statement readers their text."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator

from budgetbook.commands.progress import reporter

PROGRESS_LINES = 20_000  # lines between two reports of reading progress


def decoded_lines(data: bytes) -> Iterator[str]:
    """The lines of a text file that is not UTF-16, each with its line end, decoded one at a
    time: UTF-8 (with or without BOM) where a line is UTF-8, Windows-1252 (as older French
    exports are) where it is not, so a file pasted together from both reads. A whole UTF-8
    file decodes to the same text, but held whole it takes up to four bytes a character."""
    start, length = (3 if data.startswith(b"\xef\xbb\xbf") else 0), len(data)
    progress, reported, count = reporter(), start, 0
    while start < length:
        count += 1
        if count % PROGRESS_LINES == 0:  # the bytes read so far, for a terminal's progress bar
            progress.advance(start - reported)
            reported = start
        end = data.find(b"\n", start)
        stop = length if end < 0 else end + 1
        line = data[start:stop]
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError:
            yield line.decode("cp1252", errors="replace")
        start = stop


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when text is stored without its BOM: NUL at every other byte."""
    head = data[:4096]
    if len(head) < 4:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if odd > 0.9 * (len(head) // 2) and even == 0:
        return "utf-16-le"
    if even > 0.9 * (len(head) // 2) and odd == 0:
        return "utf-16-be"
    return None


def lines_of(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its line end, one at a time: a CSV reader's input
    without a copy of the whole text (io.StringIO would hold four bytes a character)."""
    start, length = 0, len(text)
    while start < length:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def sniff_delimiter(first_lines: list[str]) -> str:
    """The delimiter among ``,`` ``;`` tab and ``|`` that splits the most of a file's first
    lines into the same number (above one) of fields; title lines above a header do not vote.
    A delimiter that splits every line into about the same number wins over one that splits
    only some (rows ended by a ``;`` on some lines only, as Fortuneo writes them, still split
    on ``;``), then the one that splits them into more fields (a decimal comma in every row
    splits it in two)."""
    lines = [line for line in first_lines if line.strip()]
    best, best_score = ",", (0, 0, 0)
    for delimiter in (",", ";", "\t", "|"):
        try:
            counts = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter))
        except csv.Error:  # a line too long to be a header: not this delimiter's vote
            continue
        fields, lines_alike = max(
            ((n, c) for n, c in counts.items() if n > 1), key=lambda nc: nc[1], default=(0, 0)
        )
        near = sum(c for n, c in counts.items() if fields and abs(n - fields) <= 1 and n > 1)
        score = (near, fields, lines_alike)
        if score > best_score:
            best, best_score = delimiter, score
    return best
