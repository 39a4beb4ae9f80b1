"""Check an untrusted .xlsx before a reader opens it: an .xlsx is a zip archive, and a small one
can unpack to gigabytes (a zip bomb) or carry an XML entity bomb, either of which would hold the
reader's memory for minutes. The check streams each entry through zlib, counting the bytes it
really unpacks (the sizes an archive declares can lie), so it runs in bounded time and memory."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from budgetbook.errors import Problem, UnreadableFile, os_reason
from budgetbook.i18n.messages import Text
from budgetbook.model import Limits

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARKER = "EncryptionInfo".encode("utf-16-le")
DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)
CHUNK = 1 << 20
LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
MB = 1_000_000
CELL_REF = re.compile(rb"<c\b[^>]*?\sr=\"([A-Z]{1,3})([0-9]{1,7})\"")


@dataclass(frozen=True)
class ZipLimits:
    """How much an .xlsx may unpack to; a ratio above ``max_ratio`` on an entry larger than
    ``ratio_floor`` is a bomb (Apache POI refuses above 100x), not a spreadsheet. A reader
    holds a sheet as a grid from A1 to its farthest cell, so one stray cell at XFD1048576 in a
    5 kB file would ask for 17 billion cells: ``max_cells`` bounds that grid."""

    max_unpacked: int = 500 * MB
    max_entries: int = 10_000
    max_ratio: int = 100
    ratio_floor: int = 16 * MB
    max_cells: int = 20_000_000  # rows x columns from A1 to the farthest cell of a sheet

    @classmethod
    def of(cls, limits: Limits) -> ZipLimits:
        return cls(max_unpacked=limits.unpacked_mb * MB, max_cells=limits.cells)


def check_xlsx(path: Path, shown_as: str, limits: ZipLimits = ZipLimits()) -> None:
    """Raise UnreadableFile naming ``shown_as`` unless ``path`` is a sound .xlsx archive."""

    def refuse(message: Text, hint: Text) -> UnreadableFile:
        return UnreadableFile([Problem(shown_as, message, hint=hint)])

    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise refuse(
            Text("cannot be read: {reason}.", reason=os_reason(exc)),
            Text("Check the file's name and rights."),
        ) from None
    if head == OLE2_SIGNATURE:
        if _is_encrypted(path):
            raise refuse(
                Text("is a password-protected workbook, which budgetbook cannot open."),
                Text(
                    "Open it in Excel, remove the password (File > Info > Protect Workbook)"
                    " and save it again as .xlsx."
                ),
            )
        raise refuse(
            Text("is an old binary Excel file (.xls), not an .xlsx workbook."),
            Text("Open it in Excel or LibreOffice and save it as .xlsx (or export it as CSV)."),
        )
    if not head.startswith(b"PK"):
        raise refuse(
            Text("is not an .xlsx workbook (it is not a zip archive)."),
            Text("Save it from Excel or LibreOffice as .xlsx, or export it as CSV."),
        )
    try:
        with zipfile.ZipFile(path) as archive, path.open("rb") as raw:
            _check_archive(archive, raw, limits, refuse)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError) as exc:
        raise refuse(
            Text(
                "is a damaged .xlsx archive ({error}).",
                error=os_reason(exc) if isinstance(exc, OSError) else exc,
            ),
            Text("Ask for the file again, or open it in Excel and save it again."),
        ) from None


def _check_archive(archive: zipfile.ZipFile, raw, limits: ZipLimits, refuse) -> None:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise refuse(
            Text(
                "holds {count:,} archive entries; a workbook holds a few dozen.", count=len(infos)
            ),
            Text("It is not a spreadsheet budgetbook can read; ask for a CSV export."),
        )
    names = {info.filename for info in infos}
    for info in infos:
        if _escapes(info.filename):
            raise refuse(
                Text(
                    "holds an archive entry with an unsafe path ({name}).",
                    name=repr(info.filename),
                ),
                Text("It is not a genuine workbook; ask for the file again or a CSV export."),
            )
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise refuse(
            Text("is a zip archive but not an Excel workbook (no xl/workbook.xml)."),
            Text("Save it from Excel or LibreOffice as .xlsx, or export it as CSV."),
        )
    declared = sum(info.file_size for info in infos)
    if declared > limits.max_unpacked:
        raise _too_big(refuse, declared, limits)
    unpacked = 0
    for info in infos:
        unpacked = _stream_entry(info, raw, unpacked, limits, refuse)


def _escapes(name: str) -> bool:
    """An entry that would land outside the folder it is unpacked into."""
    if name.startswith(("/", "\\")) or "\\" in name or (len(name) > 1 and name[1] == ":"):
        return True
    return ".." in PurePosixPath(name).parts


def _too_big(refuse, size: int, limits: ZipLimits) -> UnreadableFile:
    return refuse(
        Text(
            "would unpack to more than {size:,.0f} MB, above the limit of {limit:,.0f} MB (a zip"
            " bomb, or a far larger workbook than a budget needs).",
            size=size / MB,
            limit=limits.max_unpacked / MB,
        ),
        Text(
            "Ask finance for a CSV export of the rows you need; if the file is genuine, raise"
            " [limits] unpacked_mb in budgetbook.toml."
        ),
    )


def _stream_entry(info: zipfile.ZipInfo, raw, unpacked: int, limits: ZipLimits, refuse) -> int:
    """Unpack one entry in chunks, counting real bytes and looking for a DTD in XML parts;
    return the running total of unpacked bytes."""
    raw.seek(info.header_offset)
    fields = LOCAL_HEADER.unpack(raw.read(LOCAL_HEADER.size))
    if fields[0] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"bad local header for {info.filename}")
    raw.seek(info.header_offset + LOCAL_HEADER.size + fields[9] + fields[10])
    if info.compress_type == zipfile.ZIP_STORED:
        inflate = None
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    else:
        raise refuse(
            Text(
                "uses a compression method ({method}) that Excel does not write.",
                method=info.compress_type,
            ),
            Text("Open it in Excel or LibreOffice and save it again as .xlsx."),
        )
    is_xml = info.filename.endswith((".xml", ".rels", ".vml"))
    is_sheet = info.filename.startswith("xl/worksheets/") and is_xml
    last_row = last_col = 0
    left = info.compress_size
    entry_size = 0
    tail = b""
    pending = b""
    while True:
        if not pending and left:
            pending = raw.read(min(CHUNK, left))
            if not pending:
                raise EOFError(f"{info.filename} is cut short")
            left -= len(pending)
        if inflate is None:
            out, pending = pending, b""
        else:
            out = inflate.decompress(pending, CHUNK)
            pending = inflate.unconsumed_tail
        if not out and not pending and not left:
            if inflate is not None and not inflate.eof:
                raise EOFError(f"{info.filename} is cut short")
            if last_row * last_col > limits.max_cells:
                raise refuse(
                    Text(
                        "has a sheet ({name}) whose cells reach row {row:,} and column"
                        " {column:,}: {cells:,} cells from A1, above the limit of {limit:,}.",
                        name=info.filename,
                        row=last_row,
                        column=last_col,
                        cells=last_row * last_col,
                        limit=limits.max_cells,
                    ),
                    Text(
                        "Delete the stray cells far below or right of the data and save again,"
                        " or export the sheet as CSV; if it is genuine, raise [limits] cells in"
                        " budgetbook.toml."
                    ),
                )
            return unpacked
        entry_size += len(out)
        unpacked += len(out)
        if unpacked > limits.max_unpacked:
            raise _too_big(refuse, unpacked, limits)
        if entry_size > limits.ratio_floor and entry_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise refuse(
                Text(
                    "holds an entry ({name}) that unpacks more than {ratio} times its packed"
                    " size: a zip bomb, not a spreadsheet.",
                    name=info.filename,
                    ratio=limits.max_ratio,
                ),
                Text("Ask for the file again, or a CSV export."),
            )
        if is_xml:
            window = tail + out
            if any(marker in window for marker in DTD_MARKERS):
                raise refuse(
                    Text(
                        "declares XML entities in {name} (an XML entity bomb); Excel never"
                        " writes them.",
                        name=info.filename,
                    ),
                    Text("Ask for the file again, or a CSV export."),
                )
            if is_sheet:
                for column, row in CELL_REF.findall(window):
                    last_row = max(last_row, int(row))
                    last_col = max(last_col, _column_number(column))
            tail = window[-256:]


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _is_encrypted(path: Path) -> bool:
    """An OLE2 file holding an ``EncryptionInfo`` stream is an encrypted .xlsx; looked for in
    the first megabytes, where the directory of a small container sits."""
    with path.open("rb") as stream:
        return ENCRYPTED_MARKER in stream.read(8 * MB)
