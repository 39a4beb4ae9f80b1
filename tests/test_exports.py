"""Files shaped like real finance exports, counted to the cent, every row accounted for."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import xlsxwriter

from budgetbook.read.project import load_project
from tests.conftest import write_csv

LINES = [
    ["Advertising", "Meta ads – Instagram", "Instagram", "surplus", *[500] * 12],
    ["Advertising", "Meta ads – Facebook", "Facebook", "surplus", *[300] * 12],
    ["Advertising", "Google Ads", "Google Ads", "full", *[400] * 12],
    ["Software", "Canva Pro", "", "", *[12] * 12],
    ["Services", "Photographer", "", "", *[900] * 12],
]
RULES = [
    ["match", "line"],
    ["christmas – ig", "Meta ads – Instagram"],
    ["fbads", "Meta ads – Facebook"],
    ["google", "Google Ads"],
    ["search –", "Google Ads"],
    ["canva", "Canva Pro"],
    ["photograph", "Photographer"],
]
NBSP = "\u00a0"


@pytest.fixture
def project(project_factory) -> Path:
    root = project_factory(LINES, months=12)
    write_csv(root / "mapping.csv", RULES)
    return root


def _totals(project_root: Path):
    project = load_project(project_root)
    counted = sum((t.amount for t in project.transactions), Decimal(0))
    reasons = [(n.file, n.row, n.kind) for n in project.not_counted]
    return project, counted, reasons


FRENCH_LEDGER = (
    "Grand livre - Test & Co;;;;;\r\n"
    "Période du 01/01/2026 au 31/12/2026;;;;;\r\n"
    ";;;;;\r\n"
    "Date;Journal;Compte;Libellé;Débit;Crédit\r\n"
    f"02/11/2026;AC;6231;FBADS Facebook novembre;1{NBSP}234,56{NBSP}€;\r\n"
    "05/11/2026;AC;6512;Canva Pro novembre;11,99 €;\r\n"
    "12/11/2026;AC;6231;Avoir Google Ads;;18,40 €\r\n"
    "15/11/2026;AC;6226;Photographe Élodie – séance Noël;900,00 €;\r\n"
    f"Total compte;;;;2{NBSP}146,55 €;18,40 €\r\n"
)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_french_ledger_export(project, encoding):
    (project / "actuals").mkdir()
    (project / "actuals" / "grand-livre.csv").write_bytes(FRENCH_LEDGER.encode(encoding))
    loaded, counted, reasons = _totals(project)
    assert counted == Decimal("2128.15")  # 1234.56 + 11.99 - 18.40 + 900.00
    assert {t.line: t.amount for t in loaded.transactions} == {
        "Meta ads – Facebook": Decimal("1234.56"),
        "Canva Pro": Decimal("11.99"),
        "Google Ads": Decimal("-18.40"),
        "Photographer": Decimal("900.00"),
    }
    assert loaded.transactions[0].date == date(2026, 11, 2)
    assert loaded.transactions[3].description == "Photographe Élodie – séance Noël"
    assert reasons == [("actuals/grand-livre.csv", 9, "total row")]
    assert loaded.not_counted[0].amount == Decimal("2128.15")
    assert loaded.data_rows == 5  # the title block is not data


META_EXPORT = [
    ["Campaign name", "Reporting starts", "Reporting ends", "Amount spent (EUR)", "Impressions"],
    ["Christmas – IG reach", "2026-11-01", "2026-11-30", "812.40", "120345"],
    ["FBADS retargeting", "2026-11-01", "2026-11-30", "1,034.10", "80211"],
    ["Summer sale", "2025-07-01", "2025-07-31", "99.00", "1000"],
]


def test_ad_platform_export(project):
    write_csv(project / "actuals" / "meta-ads-nov.csv", META_EXPORT)
    loaded, counted, reasons = _totals(project)
    assert counted == Decimal("1846.50")
    assert [t.line for t in loaded.transactions] == ["Meta ads – Instagram", "Meta ads – Facebook"]
    assert reasons == [("actuals/meta-ads-nov.csv", 4, "outside the period")]


GOOGLE_ADS_EXPORT = (
    "Campaign report\n"
    "November 1, 2026 - November 30, 2026\n"
    "Day\tCampaign\tCost\tImpr.\tClicks\n"
    "Nov 3, 2026\tSearch – Brand\t€12.50\t1,204\t33\n"
    "Nov 4, 2026\tSearch – Generic\t€1,204.10\t20,311\t402\n"
    "Total: Account\t\t€1,216.60\t21,515\t435\n"
)


def test_google_ads_unicode_text_export(project):
    (project / "actuals").mkdir()
    data = GOOGLE_ADS_EXPORT.encode("utf-16")  # Excel's "Unicode text": UTF-16 with BOM, tabs
    (project / "actuals" / "google-ads.csv").write_bytes(data)
    loaded, counted, reasons = _totals(project)
    assert counted == Decimal("1216.60")
    assert {t.date for t in loaded.transactions} == {date(2026, 11, 3), date(2026, 11, 4)}
    assert reasons == [("actuals/google-ads.csv", 6, "total row")]


def test_xlsx_with_a_title_block(project):
    path = project / "actuals" / "export.xlsx"
    path.parent.mkdir()
    workbook = xlsxwriter.Workbook(path)
    ws = workbook.add_worksheet("Export")
    ws.write_string(0, 0, "Export comptable — Test & Co")
    ws.write_string(1, 0, "Généré le 01/12/2026")
    for col, title in enumerate(["Date", "Ligne", "Montant", "Libellé", "Fournisseur"]):
        ws.write_string(3, col, title)
    rows = [
        (datetime(2026, 11, 20), "Photographer", 450.0, "Séance Noël", "Élodie"),
        (datetime(2026, 11, 21), "Canva Pro", 11.99, "=Canva", "Canva"),
        (datetime(2026, 11, 22), "Flyers", 80.0, "Print", "Imprimerie"),
    ]
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for row, (day, line, amount, text, vendor) in enumerate(rows, start=4):
        ws.write_datetime(row, 0, day, date_format)
        ws.write_string(row, 1, line)
        ws.write_number(row, 2, amount)
        ws.write_string(row, 3, text)
        ws.write_string(row, 4, vendor)
    ws.write_string(7, 0, "Total")
    ws.write_formula(7, 2, "=SUM(C5:C7)", None, 541.99)
    workbook.close()
    loaded, counted, reasons = _totals(project)
    assert counted == Decimal("461.99")
    assert loaded.transactions[1].description == "=Canva"
    assert reasons == [
        ("actuals/export.xlsx", 7, "unknown line"),
        ("actuals/export.xlsx", 8, "total row"),
    ]


def test_file_received_twice_is_counted_once(project):
    write_csv(project / "actuals" / "a-meta.csv", META_EXPORT)
    write_csv(project / "actuals" / "b-meta-resent.csv", META_EXPORT)
    loaded, counted, _ = _totals(project)
    assert counted == Decimal("1846.50")
    twice = [n for n in loaded.not_counted if n.kind == "file sent twice"]
    assert [(n.file, n.row) for n in twice] == [("actuals/b-meta-resent.csv", r) for r in (2, 3, 4)]
    assert "a-meta.csv" in twice[0].reason
    assert loaded.data_rows == len(loaded.transactions) + len(loaded.not_counted) == 6


def test_detection_can_be_overridden(project):
    write_csv(
        project / "actuals" / "us.csv",
        [["Note: exported"], ["date", "amount", "line"], ["01/02/2026", "1,200", "Canva Pro"]],
    )
    # 01/02/2026 in English: 1 February or January 2? Not guessed: the file is listed as not
    # read, with the setting; and so is 1,200 (1.2 or 1200?) once the dates are told.
    [unread] = load_project(project).not_counted
    assert "date '01/02/2026' reads as 2026-02-01 day first and as 2026-01-02" in unread.reason
    assert 'date_format = "dd/mm/yyyy" or "mm/dd/yyyy"' in unread.reason
    toml = project / "budgetbook.toml"
    settings = toml.read_text(encoding="utf-8")
    toml.write_text(settings + '\n[actuals]\ndate_format = "mm/dd/yyyy"\n', encoding="utf-8")
    [unread] = load_project(project).not_counted
    assert "amount '1,200' reads as 1.2 with a decimal comma and as 1,200" in unread.reason
    assert 'decimal_separator = "," or "."' in unread.reason
    toml.write_text(settings, encoding="utf-8")

    toml = project / "budgetbook.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8")
        + '\n[actuals]\ndecimal_separator = ","\ndate_format = "mm/dd/yyyy"\nheader_row = 2\n',
        encoding="utf-8",
    )
    overridden = load_project(project).transactions[0]
    assert (overridden.date, overridden.amount) == (date(2026, 1, 2), Decimal("1.2"))
