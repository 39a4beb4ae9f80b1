"""Accounting packages' exports: a general ledger lists every side of each entry (the expense,
the supplier, the bank), so only the lines of the accounts that count are counted, and the
others are summarised; and expense reports, which list spending only.

Where the accounts are numbers of the French chart (Pennylane's grand livre), the expense
accounts (class 6) count, as in the FEC. Where they are names (QuickBooks, Xero), budgetbook
cannot tell an expense account from a bank or a supplier account: the project names the ones
that count (``[[actuals.sources]] accounts``), else the file is not read. Where each layout
was learnt: ``tests/data/sources/accounting/LAYOUTS.md``.
"""

from __future__ import annotations

from budgetbook.i18n.catalogue import N_
from budgetbook.read.sources.base import Sign, Source

# The column that a ledger laid out in sections (a heading row per account, then its lines,
# then its total) gets, holding each line's account: the heading above it.
SECTION_ACCOUNT = "Section account"

PENNYLANE = Source(
    key="pennylane",
    name=N_("Pennylane general ledger"),
    columns={
        "date": ("Date",),
        "amount": ("Débit",),
        "credit": ("Crédit",),
        "account": ("Numéro de compte",),
        "description": ("Libellé de ligne",),
        "journal": ("Code journal",),
        "entry": ("Libellé de pièce",),
    },
    identify=(frozenset({"Numéro de compte", "Libellé de compte", "Code journal", "Débit"}),),
    sign=Sign.POSITIVE,
    day_first=True,
    decimal_comma=True,
    accounts=("6",),
    tax_included=False,  # expense lines are before tax
    origin="the header of one public importer of Pennylane's export",
)

QUICKBOOKS = Source(
    key="quickbooks",
    name=N_("QuickBooks general ledger"),
    columns={
        "date": ("Date",),
        "amount": ("Amount",),
        "description": ("Memo/Description",),
        "vendor": ("Name",),
        "account": (SECTION_ACCOUNT,),
    },
    identify=(frozenset({"Date", "Transaction Type", "Num", "Name", "Split", "Amount"}),),
    sign=Sign.POSITIVE,  # each line on its account's side: an expense is positive
    day_first=False,  # US dates: 01/31/2026
    decimal_comma=False,
    sections=True,
    tax_included=False,  # expense lines are before tax
    origin="QuickBooks Online's General Ledger report, as two public parsers read it",
)

QUICKBOOKS_2024 = Source(
    key="quickbooks-2024",
    name=N_("QuickBooks general ledger (2024 layout)"),
    columns={
        "date": ("Transaction date",),
        "amount": ("Amount",),
        "description": ("Memo/Description",),
        "vendor": ("Name",),
        "account": ("Distribution account",),
    },
    identify=(frozenset({"Distribution account", "Transaction date", "Split account", "Amount"}),),
    sign=Sign.POSITIVE,
    day_first=False,
    decimal_comma=False,
    sections=True,
    tax_included=False,  # expense lines are before tax
    origin="one public parser of QuickBooks Online's newer General Ledger export",
)

XERO = Source(
    key="xero",
    name=N_("Xero account transactions report"),
    columns={
        "date": ("Date",),
        "amount": ("Debit",),
        "credit": ("Credit",),
        "description": ("Description",),
        "account": (SECTION_ACCOUNT,),
    },
    identify=(frozenset({"Date", "Source", "Description", "Reference", "Debit", "Credit"}),),
    sign=Sign.POSITIVE,
    day_first=True,  # 31 Jan 2026
    decimal_comma=False,
    sections=True,
    tax_included=False,  # expense lines are before tax
    origin="Xero's Account Transactions report, as public importers read it",
)

EXPENSIFY = Source(
    key="expensify",
    name=N_("Expensify expense report"),
    # Amount is in the report's currency, which the file does not name: the original amount,
    # in the currency it names, is read instead.
    columns={
        "date": ("Timestamp",),
        "amount": ("Original Amount",),
        "currency": ("Original Currency",),
        "vendor": ("Merchant",),
        "description": ("Comment",),
    },
    identify=(frozenset({"Timestamp", "Merchant", "Amount", "MCC", "Category"}),),
    sign=Sign.POSITIVE,
    decimal_comma=False,
    tax_included=True,  # receipts
    origin="Expensify's help pages on its default CSV export",
)

EXPENSIFY_NEW = Source(
    key="expensify-new",
    name=N_("Expensify expense report (New Expensify)"),
    columns={
        "date": ("Date",),
        "amount": ("Amount",),
        "vendor": ("Merchant",),
        "description": ("Description",),
        "currency": ("Currency",),
    },
    identify=(frozenset({"Merchant", "From", "To", "Category", "Amount", "Currency"}),),
    sign=Sign.POSITIVE,
    decimal_comma=False,
    tax_included=True,  # receipts
    origin="New Expensify's help page listing its export's columns",
)

# Known by its extension, .pnm: `budgetbook.read.sage` turns its fixed columns into these.
SAGE_100 = Source(
    key="sage-100",
    name=N_("Sage 100 accounting export (.pnm)"),
    columns={
        "date": ("Date",),
        "amount": ("Montant",),
        "direction": ("Sens",),  # D or C
        "account": ("Compte",),
        "vendor": ("Tiers",),  # the supplier's code, on its 401 line
        "description": ("Libellé",),
        "journal": ("Journal",),
        "entry": ("Pièce",),
    },
    sign=Sign.POSITIVE,
    accounts=("6",),
    tax_included=False,  # expense lines are before tax
    origin="one public parser of Sage 100's .pnm export, checked against a real file",
)

ACCOUNTING: tuple[Source, ...] = (
    PENNYLANE,
    QUICKBOOKS_2024,
    QUICKBOOKS,
    XERO,
    EXPENSIFY,
    EXPENSIFY_NEW,
)
