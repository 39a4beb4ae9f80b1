"""OFX and QIF bank statements, known by their extension: `budgetbook.read.statements` turns
each into a table of its own columns, read as a bank statement is (money out is negative)."""

from __future__ import annotations

from dataclasses import replace

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.base import Sign, Source

_COLUMNS = {
    "date": ("Date",),
    "amount": ("Amount",),
    "description": ("Description",),
    "vendor": ("Payee",),
    "currency": ("Currency",),
}

OFX = Source(
    key="ofx",
    name=N_("OFX bank statement"),
    columns=_COLUMNS,
    sign=Sign.NEGATIVE,
    tax_included=True,
    origin="the OFX specification: TRNAMT is negative for money out of the account",
)
QIF = replace(
    OFX,
    key="qif",
    name=N_("QIF bank statement"),
    origin="Quicken's QIF: T is negative for money out of the account",
)
BY_SUFFIX = {".ofx": OFX, ".qfx": OFX, ".qif": QIF}
