"""OFX and QIF bank statements, turned into a table that the reader reads as it reads a CSV
statement, with the same rules for dates, amounts and signs.

OFX is parsed by ofxtools, which reads both the SGML of OFX 1.x (French banks' downloads leave
their leaf tags unclosed, and write ``CHARSET:1252``) and the XML of OFX 2.x. Each transaction's
fields are taken as written: ``DTPOSTED``'s first eight digits are the bank's own day, where
ofxtools' datetimes are moved to UTC (``20260301000000[+1:CET]`` would fall in February).

QIF is a plain list of one-letter fields, read here: quiffen, the QIF library, reads ``-120,50``
(a French bank's decimal comma) as -12050, a wrong figure that looks right.

Sage 100's ``.pnm`` accounting export, in fixed columns, is turned into a table here too
(`budgetbook.read.sage`), with its own columns.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from budgetbook.errors import UnreadableFile, os_reason
from budgetbook.i18n.messages import Text
from budgetbook.model import Limits
from budgetbook.read.sage import PNM_HEADER, pnm_rows
from budgetbook.read.tables import Table, check_size, refuse
from budgetbook.read.text_lines import decoded_lines

# The columns of the table a statement becomes.
HEADER = ["Date", "Amount", "Description", "Payee", "Currency"]
# The files read here rather than as delimited text (and a Sage .pnm export, in fixed columns).
STATEMENT_SUFFIXES = (".ofx", ".qfx", ".qif", ".pnm")


def read_statement(path: Path, shown: str, limits: Limits) -> Table:
    """An OFX or QIF statement as a table of `HEADER`; each row numbered by its place in the
    file (the n-th transaction of an OFX file, the line a QIF record starts on). A Sage .pnm
    export, as a table of `PNM_HEADER`, each row numbered by its line."""
    check_size(path, shown, limits)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise refuse(
            shown, Text("cannot be read: {reason}.", reason=os_reason(exc)), Text("Check its name.")
        ) from None
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    read = {".ofx": _ofx_rows, ".qfx": _ofx_rows, ".pnm": pnm_rows}.get(suffix, _qif_rows)
    rows = read(data, shown)
    if len(rows) > limits.rows:
        raise refuse(
            shown,
            Text("has more than {rows:,} rows, the limit.", rows=limits.rows),
            Text("Split it by period, or raise [limits] rows in budgetbook.toml."),
        )
    return Table(shown, list(PNM_HEADER if suffix == ".pnm" else HEADER), rows, digest)


def _ofx_rows(data: bytes, shown: str) -> list[tuple[int, list[object]]]:
    from io import BytesIO

    from ofxtools.Parser import OFXTree

    tree = OFXTree()
    try:
        tree.parse(BytesIO(data))
    except Exception as exc:  # ofxtools raises its own errors and ValueError alike
        raise _not_a_statement(shown, "OFX", exc) from None
    rows: list[tuple[int, list[object]]] = []
    statements = tree.findall(".//STMTRS") + tree.findall(".//CCSTMTRS")
    if not statements:  # an investment statement, say: nothing a bank or card account spent
        raise _not_a_statement(shown, "OFX", Text("it holds no bank or card statement"))
    for statement in statements:
        currency = _child_text(statement, "CURDEF")
        for transaction in statement.findall(".//STMTTRN"):
            amount, kind = (
                _child_text(transaction, "TRNAMT"),
                _child_text(transaction, "TRNTYPE").upper(),
            )
            nonzero = any(digit in amount for digit in "123456789")
            out = amount.startswith("-")
            # Some banks write every TRNAMT positive and tell money out by its type alone:
            # read by its sign, a payment would count as a refund.
            if nonzero and ((kind == "DEBIT" and not out) or (kind == "CREDIT" and out)):
                raise _signs_contradict(shown, len(rows) + 1, kind, amount)
            payee = _child_text(transaction, "NAME") or _child_text(transaction, "PAYEE/NAME")
            memo = _child_text(transaction, "MEMO")
            rows.append(
                (
                    len(rows) + 1,
                    [
                        _child_text(transaction, "DTPOSTED")[:8],
                        _child_text(transaction, "TRNAMT"),
                        " ".join(part for part in (payee, memo) if part),
                        payee,
                        # A transaction in another currency says so in its own CURRENCY.
                        _child_text(transaction, "CURRENCY/CURSYM")
                        or _child_text(transaction, "ORIGCURRENCY/CURSYM")
                        or currency,
                    ],
                )
            )
    return rows


def _child_text(element, path: str) -> str:
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


# A QIF record's fields: D date, T (or U) amount, P payee, M memo, L category; ^ ends it.
QIF_FIELDS = {"D": 0, "T": 1, "U": 1, "M": 2, "P": 3}
# Sections that list categories, classes, accounts or memorised payees, not transactions;
# the records of any other (Bank, Banque, CCard, Cash, Oth A...) are read.
QIF_LISTS = ("cat", "class", "memorized", "account", "option")


def _qif_rows(data: bytes, shown: str) -> list[tuple[int, list[object]]]:
    rows: list[tuple[int, list[object]]] = []
    record: list[object] = [""] * len(HEADER)
    start = None
    kind = ""
    for number, line in enumerate(decoded_lines(data), start=1):
        line = line.rstrip("\r\n")
        if line.startswith("!"):
            kind = line[1:].casefold().replace("type:", "").strip()
            continue
        if not line.strip():
            continue
        code, value = line[0], line[1:].strip()
        if code == "^":
            if start is not None and not kind.startswith(QIF_LISTS):
                rows.append((start, record))
            record, start = [""] * len(HEADER), None
            continue
        start = number if start is None else start
        if code in QIF_FIELDS and not record[QIF_FIELDS[code]]:
            record[QIF_FIELDS[code]] = value
    if not rows and start is None and not kind:
        raise _not_a_statement(shown, "QIF", Text("no '!Type:' line and no record"))
    for _, cells in rows:  # the memo says what; the payee is also the description's start
        cells[2] = " ".join(part for part in (cells[3], cells[2]) if part)
    return rows


def _signs_contradict(shown: str, number: int, kind: str, amount: str) -> UnreadableFile:
    return refuse(
        shown,
        Text(
            "transaction {number} is a {kind} of {amount}: its sign contradicts its type, so"
            " budgetbook cannot tell money out from money in.",
            number=number,
            kind=kind,
            amount=amount,
        ),
        Text("Download it again from the bank, or ask for a CSV export."),
    )


def _not_a_statement(shown: str, kind: str, reason: object) -> UnreadableFile:
    return refuse(
        shown,
        Text("is not a readable {kind} statement: {reason}.", kind=kind, reason=reason),
        Text("Download it again from the bank, or ask for a CSV export."),
    )
