"""The FEC (Fichier des Écritures Comptables, article A47 A-1 of the Livre des procédures
fiscales): the export every French accounting package must produce, one line per side of each
entry, tab or pipe separated, dates ``YYYYMMDD``, decimal commas, a Debit and a Credit column.

An invoice is several lines of one entry: the expense (class 6, before tax), the VAT (445...),
the supplier (401...); its payment is another entry (401 against the bank, 512). Only the
expense lines count, so an invoice is counted once; the others are summarised as not counted
by account class. A supplier's name is on the supplier line, so the expense lines of an entry
take it as their vendor, where mapping rules can match it.
"""

from __future__ import annotations

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.base import Sign, Source

FEC = Source(
    key="fec",
    name=N_("FEC (French accounting entries file)"),
    columns={
        "date": ("EcritureDate",),
        "amount": ("Debit", "Montant"),
        "credit": ("Credit",),
        "direction": ("Sens",),  # D or C, beside Montant, in place of Debit and Credit
        "description": ("EcritureLib",),
        "vendor": ("CompAuxLib",),
        "account": ("CompteNum",),
        "journal": ("JournalCode",),
        "entry": ("EcritureNum",),
    },
    identify=(frozenset({"JournalCode", "EcritureNum", "EcritureDate", "CompteNum"}),),
    sign=Sign.POSITIVE,
    day_first=True,
    decimal_comma=True,
    accounts=("6",),
    tax_included=False,  # expense lines are before tax; the VAT is on 445 lines
    origin="article A47 A-1 of the Livre des procédures fiscales (tests/data/sources/fec/FEC.md)",
)
