"""Hostile .xlsx files, generated rather than committed: zip bombs, entity bombs, damaged and
disguised archives. Used by the tests and by ``bench/hostile_xlsx.py``."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
)
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_END = "</sheetData></worksheet>"


def zip_bomb(path: Path, unpacked_bytes: int) -> Path:
    """An .xlsx-shaped archive whose sheet is ``unpacked_bytes`` of blanks: about 1,000 times
    smaller packed, as a deflate stream of one repeated byte is."""
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(SHEET_START.encode())
            written = 0
            while written < unpacked_bytes:
                part = chunk[: min(len(chunk), unpacked_bytes - written)]
                sheet.write(part)
                written += len(part)
            sheet.write(SHEET_END.encode())
    return path


def lying_zip_bomb(path: Path, unpacked_bytes: int) -> Path:
    """A zip bomb whose headers declare a 100-byte sheet, so only a reader that counts the
    bytes it really unpacks sees the size."""
    pack = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    chunk = b" " * (1 << 20)
    packed = [pack.compress(SHEET_START.encode())]
    for _ in range(unpacked_bytes // len(chunk)):
        packed.append(pack.compress(chunk))
    packed.append(pack.compress(SHEET_END.encode()) + pack.flush())
    entries = [
        ("[Content_Types].xml", CONTENT_TYPES.encode(), None),
        ("xl/workbook.xml", WORKBOOK.encode(), None),
        ("xl/worksheets/sheet1.xml", b"".join(packed), 100),
    ]
    return _raw_zip(path, entries)


def _raw_zip(path: Path, entries: list[tuple[str, bytes, int | None]]) -> Path:
    """A zip written by hand: (name, data, declared size); a declared size marks ``data`` as
    already deflated, None stores the data deflated here with its true size."""
    body, directory = bytearray(), bytearray()
    for name, data, declared in entries:
        if declared is None:
            crc, size = zlib.crc32(data), len(data)
            pack = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
            data = pack.compress(data) + pack.flush()
        else:
            crc, size = 0, declared
        encoded = name.encode()
        offset = len(body)
        body += struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0
        )
        body += encoded + data
        directory += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(data),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        directory += encoded
    end = struct.pack(
        "<4sHHHHIIH",
        b"PK\x05\x06",
        0,
        0,
        len(entries),
        len(entries),
        len(directory),
        len(body),
        0,
    )
    path.write_bytes(bytes(body + directory + end))
    return path


def entity_bomb(path: Path) -> Path:
    """The billion laughs: ten entities, each ten of the one before, in a sheet."""
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE worksheet [", '<!ENTITY lol0 "lol">']
    for level in range(1, 10):
        lines.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    lines.append("]>")
    lines.append(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/worksheets/sheet1.xml", "\n".join(lines))
    return path


def traversal(path: Path, name: str = "../../evil.sh") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr(name, "echo owned")
    return path


def truncated(path: Path, genuine: Path) -> Path:
    """The first half of a genuine workbook, as an interrupted download leaves it."""
    data = genuine.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def cut_entry(path: Path, genuine: Path) -> Path:
    """A genuine workbook whose largest entry's packed data stops in the middle."""
    with zipfile.ZipFile(genuine) as archive:
        entries = [(i.filename, archive.read(i)) for i in archive.infolist()]
    name, data = max(entries, key=lambda entry: len(entry[1]))
    pack = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed = pack.compress(data) + pack.flush()
    rest = [(n, d, None) for n, d in entries if n != name]
    return _raw_zip(path, [*rest, (name, packed[: len(packed) // 2], len(data))])


def ole2(path: Path, encrypted: bool) -> Path:
    """An OLE2 container: an old .xls, or (with an EncryptionInfo stream) what Excel writes
    for a password-protected .xlsx."""
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    body += ("EncryptionInfo" if encrypted else "Workbook").encode("utf-16-le")
    path.write_bytes(body + b"\x00" * 4096)
    return path


def not_a_workbook(path: Path) -> Path:
    """A zip archive that is not a spreadsheet (a .docx, an archive renamed)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    return path


def stray_cell(path: Path, row: int, col: int) -> Path:
    """A few-kB workbook with a header and one number far away at (row, col), 0-based: its
    grid from A1 to that cell is what a reader would hold."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["date", "amount", "line", "description"])
    sheet.write_number(row, col, 1)
    book.close()
    return path


# --- files named .csv that are not the CSV they claim to be --------------------------------


def random_bytes(path: Path, size: int = 20_000, seed: int = 7) -> Path:
    import random

    path.write_bytes(random.Random(seed).randbytes(size))
    return path


def renamed_workbook(path: Path, genuine: Path) -> Path:
    """An .xlsx saved under a .csv name."""
    path.write_bytes(genuine.read_bytes())
    return path


def nul_bytes(path: Path) -> Path:
    path.write_bytes(b"date,amount,line\n2026-01-02,10,Canva Pro\x00\x00\n2026-01-03,5,Canva Pro\n")
    return path


def giant_field(path: Path, size: int = 50 * 1024 * 1024) -> Path:
    """One quoted description of ``size`` characters: a quote left open, as it happens."""
    with path.open("wb") as out:
        out.write(b'date,amount,line,description\n2026-01-02,10,Canva Pro,"')
        chunk = b"x" * (1 << 20)
        for _ in range(size // len(chunk)):
            out.write(chunk)
        out.write(b'"\n')
    return path


def wide(path: Path, columns: int = 10_000) -> Path:
    header = ["date", "amount", "line", *(f"extra {i}" for i in range(columns - 3))]
    row = ["2026-01-02", "10", "Canva Pro", *("1" for _ in range(columns - 3))]
    path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    return path


def mixed_encodings(path: Path) -> Path:
    """Two exports pasted together: UTF-8 lines, then Windows-1252 ones."""
    head = "date,amount,line,description\n2026-01-02,10,Canva Pro,café crème\n".encode()
    path.write_bytes(head + "2026-01-03,5,Canva Pro,thé à la menthe\n".encode("cp1252"))
    return path
