"""Platform exports shaped like the real ones (tests/data/exports/LAYOUTS.md says where each
layout was learnt), read into monthly metrics per channel held to sums worked out by hand from
the fixtures' rows; and the files that cannot be read for sure, listed as not read while the
build goes on."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from click.testing import CliRunner

from budgetbook.cli import main
from budgetbook.errors import InputErrors
from budgetbook.model import MetricFileSettings
from budgetbook.read.config import parse_config
from budgetbook.read.metrics import MetricExport, detect_export, read_metric_export
from budgetbook.read.project import load_project
from budgetbook.read.sources import METRIC_SOURCES
from budgetbook.read.sources.ads.meta import result_kind
from tests.conftest import write_csv

EXPORTS = Path(__file__).parent / "data" / "exports"
JAN, FEB, MAR, APR = (date(2026, month, 1) for month in (1, 2, 3, 4))
MAY, JUN, SEP, OCT, NOV = (date(2026, month, 1) for month in (5, 6, 9, 10, 11))


def _read(name: str, channel: str | None = None, currency: str | None = "EUR") -> MetricExport:
    settings = MetricFileSettings(name, channel) if channel else None
    return read_metric_export(EXPORTS / name, f"metrics/{name}", settings, currency=currency)


def _by_month(export: MetricExport) -> dict[tuple[date, str], dict[str, Decimal]]:
    table: dict[tuple[date, str], dict[str, Decimal]] = {}
    for value in export.values:
        table.setdefault((value.month, value.channel), {})[value.metric] = value.value
    return table


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _read_ok(name: str, **kwargs) -> MetricExport:
    export = _read(name, **kwargs)
    assert (export.problems, export.notes) == ([], []), [str(p) for p in export.problems]
    return export


# --- Meta Ads Manager -------------------------------------------------------------------------


def test_meta_export_with_a_platform_breakdown():
    export = _read_ok("meta-ads-platform.csv")
    assert (export.kind, export.language) == ("meta", "en")
    # Row 2, the summary row (no campaign, no platform, Oct 1 to Nov 30), is skipped.
    assert export.unknown_columns == ["ThruPlays"]  # Clicks (all) restates Link clicks
    assert _by_month(export) == {
        (OCT, "Facebook"): {  # row 3
            "new_followers": 3, "reach": 5200, "impressions": 8400, "engagements": 410,
            "likes": 95, "comments": 12, "shares": 4, "saves": 7, "clicks": 120,
            "conversions": 3,  # purchases
        },
        (OCT, "Instagram"): {  # rows 4 + 5
            "new_followers": 18,  # blank + 18
            "reach": 16500,  # 9100 + 7400
            "impressions": 27260,  # 15250 + 12010
            "engagements": 1592,  # 1204 + 388
            "likes": 841,  # 640 + 201
            "comments": 47,  # 38 + 9
            "shares": 24,  # 21 + 3
            "saves": 69,  # 55 + 14
            "clicks": 274,  # 233 + 41
            "conversions": 5,  # 5 purchases; row 5's 7400 results are its reach
        },
        (NOV, "Facebook"): {  # rows 6 + 9
            "new_followers": 3, "reach": 4600, "impressions": 7000, "engagements": 235,
            "likes": 70, "comments": 6, "shares": 1, "saves": 2, "clicks": 83,
            "conversions": 2,  # 2 purchases; row 9's results are reach
        },
        (NOV, "Instagram"): {  # rows 7 + 8
            "new_followers": 22, "reach": 15700, "impressions": 25500, "engagements": 1450,
            "likes": 760, "comments": 52, "shares": 19, "saves": 70, "clicks": 288,
            "conversions": 6,
        },
    }  # fmt: skip
    assert {value.source for value in export.values} == {"metrics/meta-ads-platform.csv"}
    order = [(v.month, v.channel) for v in export.values]
    assert order == sorted(order)


def test_meta_purchases_their_value_and_leads_counted_once():
    export = _read_ok("meta-ads-purchases.csv")
    # Website purchases restate Purchases; Cost per result is a ratio; spend is the Actuals'.
    assert export.unknown_columns == []
    assert _by_month(export) == {
        (OCT, "Facebook"): {  # rows 3 + 6 (row 6's results are its reach)
            "reach": 13000, "impressions": 20500, "clicks": 137,
            "conversions": 4,  # Purchases of row 3; its 4 purchase results are the same ones
            "revenue": Decimal("212.50"),
        },
        (OCT, "Instagram"): {  # rows 4 + 5
            "reach": 14500, "impressions": 21700, "clicks": 255,
            "conversions": 19,  # 7 purchases + 12 lead results (no Leads column to count them)
            "revenue": Decimal("389.90"),
        },
        (NOV, "Facebook"): {
            "reach": 2900, "impressions": 4700, "clicks": 88, "conversions": 3,
            "revenue": Decimal("149.00"),
        },
        (NOV, "Instagram"): {  # rows 8 + 9
            "reach": 15700, "impressions": 23200, "clicks": 283, "conversions": 24,  # 9 + 15
            "revenue": Decimal("512.35"),
        },
    }  # fmt: skip


def test_french_meta_export_of_purchases_and_leads():
    data = (EXPORTS / "meta-ads-fr-achats.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and "\u00a0".encode() in data
    export = _read_ok("meta-ads-fr-achats.csv")
    assert (export.kind, export.language, export.unknown_columns) == ("meta", "fr", [])
    assert _by_month(export) == {
        (OCT, "Facebook"): {  # 01/10/2026, read day first
            "reach": 4100, "impressions": 6350, "engagements": 402, "likes": 96,
            "comments": 14, "shares": 6, "clicks": 118, "conversions": 5,
            "revenue": Decimal("286.40"),
        },
        (OCT, "Instagram"): {
            "reach": 13150,  # 7 250 + 5 900
            "impressions": 20500,  # 12 480 + 8 020
            "engagements": 1594, "likes": 797, "comments": 53, "shares": 23, "clicks": 295,
            "conversions": 29,  # 8 Achats + 21 Prospects (the lead results restate them)
            "revenue": Decimal("1245.80"),  # 1 245,80
        },
        (NOV, "Facebook"): {
            "reach": 3300, "impressions": 5010, "engagements": 288, "likes": 70,
            "comments": 9, "shares": 2, "clicks": 97, "conversions": 3,
            "revenue": Decimal("158.70"),
        },
        (NOV, "Instagram"): {
            "reach": 13240, "impressions": 21110, "engagements": 1678, "likes": 859,
            "comments": 58, "shares": 25, "clicks": 317, "conversions": 28,  # 11 + 17
            "revenue": Decimal("1730.15"),
        },
    }  # fmt: skip


def test_meta_without_platform_column_asks_for_its_channel_by_name():
    export = _read("meta-ads-fr.csv")
    assert export.values == []
    [problem] = export.problems
    assert "has no Plateforme column" in problem.message
    assert '[[metrics.sources]] files = "meta-ads-fr.csv"' in problem.hint
    assert "Instagram" in problem.hint and "Facebook" in problem.hint


def test_meta_without_platform_takes_the_channel_of_its_setting():
    data = (EXPORTS / "meta-ads-fr.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b";" in data and "\u00a0".encode() in data
    export = _read_ok("meta-ads-fr.csv", channel="Facebook")
    assert (export.kind, export.unknown_columns) == ("meta", [])
    assert _by_month(export) == {
        (OCT, "Facebook"): {  # 30/10 + 31/10; "Résultats" summary row skipped
            "reach": 2560,  # 1 250 + 1 310
            "impressions": 3735,  # 1 830 + 1 905
            "engagements": 478,  # 230 + 248
            "likes": 291,  # 140 + 151
            "comments": 26,  # 12 + 14
            "shares": 9,  # 5 + 4
            "saves": 20,  # 9 + 11
            "clicks": 73,  # 35 + 38
        },
        (NOV, "Facebook"): {  # 01/11, read day first
            "reach": 850, "impressions": 1285, "engagements": 162, "likes": 98,
            "comments": 11, "shares": 3, "saves": 9, "clicks": 24,
        },
    }  # fmt: skip


def test_a_channel_setting_beside_a_platform_breakdown_is_said_unused():
    export = _read("meta-ads-platform.csv", channel="Facebook")
    assert {value.channel for value in export.values} == {"Facebook", "Instagram"}
    [note] = export.notes
    assert note.column == "Platform" and "Facebook set for it" in note.message


def test_meta_row_across_two_months_keeps_the_file_out():
    export = _read("meta-ads-no-breakdown.csv", channel="Instagram")
    assert export.values == []  # row 2 is readable, but October would lack row 3's share
    [problem] = export.problems
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "metrics/meta-ads-no-breakdown.csv",
        3,
        "Reporting ends",
        "2026-11-14",
    )
    assert "more than one month" in problem.message
    assert "Breakdown > By time > Day or Month" in problem.hint


def test_meta_results_count_only_when_they_are_conversions(tmp_path):
    rows = [
        "Reporting starts,Reporting ends,Campaign name,Platform,Results,Result indicator,Reach",
        "2026-10-01,2026-10-31,Leads,instagram,4,actions:onsite_conversion.lead_grouped,900",
        "2026-10-01,2026-10-31,Carts,instagram,9,actions:offsite_conversion.fb_pixel_add_to_cart,800",
        "2026-10-01,2026-10-31,Custom,facebook,5,actions:offsite_conversion.custom.1734,700",
        "2026-10-01,2026-10-31,Custom 2,facebook,3,actions:offsite_conversion.custom.1734,650",
        "2026-11-01,2026-11-30,Clicks,facebook,60,actions:link_click,600",
    ]
    path = _write(tmp_path, "meta.csv", "\n".join(rows) + "\n")
    export = read_metric_export(path, "meta.csv")
    assert export.problems == []
    assert _by_month(export) == {
        (OCT, "Instagram"): {"reach": 1700, "conversions": 4},  # 4 leads; carts are not
        # Custom conversions may be purchases or not: October's Facebook conversions are left
        # out, not counted as 0 or as 8; the rows' reach still counts.
        (OCT, "Facebook"): {"reach": 1350},
        (NOV, "Facebook"): {"reach": 600},
    }
    [note] = export.notes  # once for the indicator, not on every row
    assert (note.row, note.column, note.value) == (
        4,
        "Result indicator",
        "actions:offsite_conversion.custom.1734",
    )

    without_indicator = _write(
        tmp_path,
        "meta-bare.csv",
        "Reporting starts,Reporting ends,Campaign name,Platform,Results,Reach\n"
        "2026-10-01,2026-10-31,Leads,instagram,4,900\n",
    )
    export = read_metric_export(without_indicator, "meta-bare.csv")
    assert export.unknown_columns == ["Results"]
    assert _by_month(export) == {(OCT, "Instagram"): {"reach": 900}}


@pytest.mark.parametrize(
    ("indicator", "kind"),
    [
        ("actions:offsite_conversion.fb_pixel_purchase", "purchase"),
        ("actions:omni_purchase", "purchase"),
        ("Website purchases", "purchase"),
        ("Achats sur le site web", "purchase"),
        ("actions:onsite_conversion.lead_grouped", "lead"),
        ("Leads (form)", "lead"),
        ("Prospects (formulaire)", "lead"),
        ("actions:offsite_conversion.fb_pixel_complete_registration", "registration"),
        ("Inscriptions terminées", "registration"),
        ("reach", ""),
        ("actions:link_click", ""),
        ("Messaging conversations started", ""),
        ("Adds to cart", ""),
        ("ThruPlays", ""),
        ("actions:offsite_conversion.custom.1734", None),
    ],
)
def test_what_a_meta_result_counts(indicator, kind):
    assert result_kind(indicator) == kind


def test_meta_xlsx_export(tmp_path):
    path = tmp_path / "meta.xlsx"
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("Raw Data Report")
    header = ["Reporting starts", "Reporting ends", "Campaign name", "Platform", "Reach"]
    header += ["Impressions", "Link clicks", "Post saves"]
    sheet.write_row(0, 0, header)
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for row, (start, end, platform, numbers) in enumerate(
        [
            (datetime(2026, 10, 30), datetime(2026, 10, 30), "instagram", (410, 620, 9, 3)),
            (datetime(2026, 11, 1), datetime(2026, 11, 1), "audience_network", (90, 130, 2, 0)),
        ],
        start=1,
    ):
        sheet.write_datetime(row, 0, start, day)
        sheet.write_datetime(row, 1, end, day)
        sheet.write_string(row, 2, "Launch")
        sheet.write_string(row, 3, platform)
        sheet.write_row(row, 4, numbers)
    workbook.close()
    export = read_metric_export(path, "meta.xlsx")
    assert export.problems == []
    assert _by_month(export) == {
        (OCT, "Instagram"): {"reach": 410, "impressions": 620, "clicks": 9, "saves": 3},
        (NOV, "Audience Network"): {"reach": 90, "impressions": 130, "clicks": 2, "saves": 0},
    }


def test_a_conversion_value_in_another_currency_is_converted_or_left_out(tmp_path):
    path = _write(
        tmp_path,
        "meta-aud.csv",
        "Reporting starts,Reporting ends,Campaign name,Platform,Currency,Amount spent (AUD),"
        "Purchases,Purchases conversion value\n"
        "2026-10-01,2026-10-31,Shop,instagram,AUD,80.00,3,240.00\n"
        "2026-11-01,2026-11-30,Shop,instagram,AUD,95.00,4,310.50\n",
    )
    rates = {OCT: Decimal("0.6125")}  # [currency.rates] AUD for October only

    def rate(code: str, month: date) -> Decimal | None:
        return rates.get(month) if code == "AUD" else None

    export = read_metric_export(path, "meta-aud.csv", currency="EUR", rate=rate)
    assert export.problems == []
    assert _by_month(export) == {
        (OCT, "Instagram"): {"conversions": 3, "revenue": Decimal("147.00")},  # 240.00 x 0.6125
        (NOV, "Instagram"): {"conversions": 4},  # no November rate: no revenue, never as euros
    }
    no_rate, converted = export.notes
    where = (no_rate.row, no_rate.column, no_rate.value)
    assert where == (3, "Purchases conversion value", "310.50")
    assert "no rate for AUD in 2026-11" in no_rate.message
    assert "[currency.rates]" in no_rate.hint
    assert converted.message == (
        "its conversion value in AUD is counted in EUR, at the rates of [currency.rates] (2026-10)."
    )
    in_its_own = read_metric_export(path, "meta-aud.csv", currency="AUD")
    assert _by_month(in_its_own)[OCT, "Instagram"]["revenue"] == Decimal("240.00")


def test_a_conversion_value_whose_currency_is_unknown_is_left_out(tmp_path):
    path = _write(
        tmp_path,
        "meta.csv",
        "Reporting starts,Reporting ends,Campaign name,Platform,Amount spent (USD),"
        "CPC (cost per link click) (EUR),Purchases,Purchases conversion value\n"
        "2026-10-01,2026-10-31,Shop,instagram,80.00,0.40,3,240.00\n",
    )
    export = read_metric_export(path, "meta.csv", currency="EUR")
    assert _by_month(export) == {(OCT, "Instagram"): {"conversions": 3}}
    [note] = export.notes
    assert "several currencies (EUR, USD)" in note.message


# --- Google Ads -------------------------------------------------------------------------------


def test_google_ads_unicode_text_report_by_day():
    data = (EXPORTS / "google-ads-daily.csv").read_bytes()
    assert data.startswith(b"\xff\xfe") and "\t".encode("utf-16-le") in data  # really UTF-16
    export = _read_ok("google-ads-daily.csv")
    assert export.kind == "google_ads"
    # Interactions restate Clicks; CTR, Avg. CPC, Cost, Cost / conv., impr. share are derived.
    assert export.unknown_columns == []
    assert _by_month(export) == {
        (OCT, "Google Ads"): {
            "impressions": 42578,  # 1,204 + 20,311 + 1,187 + 19,876
            "clicks": 841,  # 33 + 402 + 29 + 377
            "conversions": Decimal("8.50"),  # 2.00 + 5.50 + 1.00 + 0.00
            "revenue": Decimal("817.25"),  # 118.00 + 640.25 + 59.00 + 0.00
        },
        (NOV, "Google Ads"): {  # the paused row is all " --"; the two Total rows are skipped
            "impressions": 19352,  # 1,350 + 18,002
            "clicks": 392,  # 41 + 351
            "conversions": Decimal("7.00"),  # 3.00 + 4.00
            "revenue": Decimal("689.40"),  # 177.00 + 512.40
        },
    }


def test_google_campaign_report_of_one_month_counts_for_that_month():
    data = (EXPORTS / "google-ads-campaign-march.csv").read_bytes()
    assert data.startswith(b"\xff\xfe") and "\t".encode("utf-16-le") in data
    assert "March 1, 2026 - March 31, 2026\r\n".encode("utf-16-le") in data
    export = _read_ok("google-ads-campaign-march.csv")
    assert export.unknown_columns == []  # Budget, Status, the rates and averages are known
    assert _by_month(export) == {
        (MAR, "Google Ads"): {  # no date column: the title's period, one month
            "impressions": 104491,  # 4,210 + 38,904 + 61,377 + 0; Total rows skipped
            "clicks": 2390,  # 312 + 901 + 1,177 (not PMax's 1,204 interactions)
            "conversions": Decimal("72.90"),  # 21.00 + 18.50 + 33.40
            "revenue": Decimal("4956.30"),  # 1,386.00 + 1,165.50 + 2,404.80
        }
    }


def test_google_campaign_report_of_several_months_asks_for_one_a_month():
    export = _read("google-ads-campaign-q1.csv")
    assert export.values == []
    [problem] = export.problems
    assert problem.file == "metrics/google-ads-campaign-q1.csv"
    assert "covers January 1, 2026 to March 31, 2026, several months" in problem.message
    assert problem.hint.startswith("Download it by month: one report a month")
    assert "Segment > Time > Day or Month" in problem.hint


def test_french_google_campaign_report_of_one_month():
    export = _read_ok("google-ads-fr-campagnes.csv")
    assert (export.language, export.unknown_columns) == ("fr", [])
    assert _by_month(export) == {
        (SEP, "Google Ads"): {  # "1 sept. 2026 - 30 sept. 2026"
            "impressions": 62518,  # 4 402 + 58 116 (narrow no-break spaces)
            "clicks": 1427,  # 331 + 1 096
            "conversions": Decimal("52.50"),  # 22,00 + 30,50
            "revenue": Decimal("3647.40"),  # 1 452,00 + 2 195,40
        }
    }


def test_french_google_report_by_month():
    data = (EXPORTS / "google-ads-fr-mois.csv").read_bytes()
    assert data.startswith(b"\xff\xfe") and "\u202f".encode("utf-16-le") in data
    export = _read_ok("google-ads-fr-mois.csv")
    assert (export.language, export.unknown_columns) == ("fr", [])
    assert _by_month(export) == {
        (JAN, "Google Ads"): {  # janvier 2026
            "impressions": 56390, "clicks": 1295,  # 3 980 + 52 410; 287 + 1 008
            "conversions": Decimal("46.50"), "revenue": Decimal("3234.25"),
        },
        (FEB, "Google Ads"): {  # février 2026
            "impressions": 51557, "clicks": 1184,
            "conversions": Decimal("41.00"), "revenue": Decimal("2850.00"),
        },
        (MAR, "Google Ads"): {  # mars 2026; "Total : compte" skipped
            "impressions": 65587, "clicks": 1489,
            "conversions": Decimal("54.40"), "revenue": Decimal("3790.80"),
        },
    }  # fmt: skip


@pytest.mark.parametrize(
    ("title", "month"),
    [
        ("1 March 2026 - 31 March 2026", MAR),
        ('"March 1, 2026 - March 15, 2026"', MAR),  # part of a month counts for it
        ("March 31, 2026", MAR),  # a one-day report's title is its day
        ("1 avr. 2026 - 30 avr. 2026", APR),
    ],
)
def test_the_title_period_of_a_campaign_report(tmp_path, title, month):
    path = _write(
        tmp_path,
        "google.csv",
        f'Campaign report\n{title}\nCampaign,Impr.,Clicks\nSearch,"1,000",12\n',
    )
    export = read_metric_export(path, "google.csv")
    assert export.problems == []
    assert _by_month(export) == {(month, "Google Ads"): {"impressions": 1000, "clicks": 12}}


def test_a_campaign_report_without_a_period_is_not_read(tmp_path):
    path = _write(tmp_path, "google.csv", "Campaign,Impr.,Clicks\nSearch,1000,12\n")
    export = read_metric_export(path, "google.csv")
    assert export.values == []
    [problem] = export.problems
    assert problem.file == "google.csv" and "title lines give no period" in problem.message


def test_month_column_and_unknown_columns(tmp_path):
    path = _write(
        tmp_path,
        "google-monthly.csv",
        "Campaign report\n"
        "1 October 2026 - 31 December 2026\n"
        "Month,Campaign,Impr.,Interactions,Phone calls,View-through conv.,Conversions\n"
        'October 2026,Search,"1,000",40,3,2,1.00\n'
        "2026-11,Search,500,20,1,0,2.00\n"
        "décembre 2026,Search,250,10,0,1,0.50\n",
    )
    export = read_metric_export(path, "google-monthly.csv")
    assert export.problems == []
    # No Clicks column: Interactions are not taken for clicks, they are reported.
    assert export.unknown_columns == ["Interactions", "Phone calls", "View-through conv."]
    assert _by_month(export) == {
        (OCT, "Google Ads"): {"impressions": 1000, "conversions": 1},
        (NOV, "Google Ads"): {"impressions": 500, "conversions": 2},
        (date(2026, 12, 1), "Google Ads"): {"impressions": 250, "conversions": Decimal("0.5")},
    }


def test_a_campaign_named_total_is_counted(tmp_path):
    path = _write(
        tmp_path,
        "google.csv",
        "Campaign,Day,Impr.,Clicks\nTotal Look – Search,2026-10-03,100,7\nTotal: Account,,100,7\n",
    )
    export = read_metric_export(path, "google.csv")
    assert export.problems == []
    assert _by_month(export) == {(OCT, "Google Ads"): {"impressions": 100, "clicks": 7}}


def test_the_channel_setting_names_a_platform_channel(tmp_path):
    export = _read_ok("google-ads-daily.csv", channel="Google Search")
    assert {value.channel for value in export.values} == {"Google Search"}


# --- LinkedIn Campaign Manager ----------------------------------------------------------------


def test_linkedin_campaign_manager_export():
    export = _read_ok("linkedin-campaigns.csv")
    assert export.kind == "linkedin"
    # Clicks to Landing Page, Total Social Actions and the two parts of Conversions restate
    # columns that are read; Other Clicks is a metric budgetbook does not have.
    assert export.unknown_columns == ["Other Clicks"]
    assert _by_month(export) == {
        (OCT, "LinkedIn"): {  # "10/1/2026" is October 1st: LinkedIn writes month first
            "new_followers": 89,  # 25 + 64
            "impressions": 63230,  # 48210 + 15020
            "engagements": 1207,  # 893 + 314
            "likes": 455,  # 310 + 145
            "comments": 53,  # 42 + 11
            "shares": 24,  # 18 + 6
            "clicks": 490,  # 402 + 88
            "conversions": 19,  # 12 + 0 website conversions, 7 + 0 lead form leads
            "revenue": Decimal("1440.00"),  # 1,440.00 + 0.00
        },
        (NOV, "LinkedIn"): {  # the Total row is skipped
            "new_followers": 77,  # 19 + 58
            "impressions": 59450,  # 45100 + 14350
            "engagements": 1115,  # 824 + 291
            "likes": 420,  # 288 + 132
            "comments": 46,  # 37 + 9
            "shares": 19,  # 15 + 4
            "clicks": 448,  # 377 + 71
            "conversions": 20,  # 10 + 1 + 9 leads
            "revenue": Decimal("1320.00"),  # 1,200.00 + 120.00
        },
    }


def test_linkedin_report_in_unicode_text_by_month():
    data = (EXPORTS / "linkedin-campaigns-monthly.csv").read_bytes()
    assert data.startswith(b"\xff\xfe") and "\t".encode("utf-16-le") in data
    export = _read_ok("linkedin-campaigns-monthly.csv")
    assert export.unknown_columns == ["Other Clicks"]
    assert _by_month(export) == {
        (SEP, "LinkedIn"): {  # 9/1/2026 to 9/30/2026, one month
            "new_followers": 65, "reach": 27070, "impressions": 43074, "engagements": 789,
            "likes": 297, "comments": 33, "shares": 14, "clicks": 320,
            "conversions": 15,  # 6 + 0 conversions, 9 + 0 leads
            "revenue": Decimal("540.00"),
        },
        (OCT, "LinkedIn"): {
            "new_followers": 75, "reach": 29255, "impressions": 46930, "engagements": 898,
            "likes": 328, "comments": 40, "shares": 18, "clicks": 362,
            "conversions": 20,  # 7 + 1 conversions, 12 + 0 leads
            "revenue": Decimal("720.00"),
        },
    }  # fmt: skip


def test_french_linkedin_report():
    export = _read_ok("linkedin-fr.csv")
    assert (export.kind, export.language, export.unknown_columns) == ("linkedin", "fr", [])
    assert _by_month(export) == {
        (SEP, "LinkedIn"): {  # 01/09/2026, day first
            "new_followers": 17, "impressions": 31204, "engagements": 571, "likes": 201,
            "comments": 26, "shares": 11, "clicks": 268, "conversions": 6,
            "revenue": Decimal("540.00"),
        },
        (OCT, "LinkedIn"): {
            "new_followers": 20, "impressions": 33980, "engagements": 650, "likes": 224,
            "comments": 31, "shares": 13, "clicks": 301, "conversions": 7,
            "revenue": Decimal("630.00"),
        },
    }  # fmt: skip


# --- Pinterest, Microsoft Advertising, TikTok ---------------------------------------------------


def test_pinterest_export_by_day_across_a_months_end():
    export = _read_ok("pinterest-daily.csv")
    # Pin clicks and paid and earned impressions restate what is read; Total ROAS is a ratio.
    assert (export.kind, export.unknown_columns) == ("pinterest", [])
    assert _by_month(export) == {
        (SEP, "Pinterest"): {
            "impressions": 8730,  # 5410 + 3320, paid and earned
            "engagements": 290, "saves": 59,
            "clicks": 78,  # outbound: 48 + 30
            "conversions": 3,  # checkouts: 2 + 1
            "revenue": Decimal("182.50"),  # 118.00 + 64.50
        },
        (OCT, "Pinterest"): {
            "impressions": 9270, "engagements": 311, "saves": 60, "clicks": 85,
            "conversions": 3, "revenue": Decimal("171.40"),
        },
    }  # fmt: skip


def test_french_pinterest_export():
    export = _read_ok("pinterest-fr.csv")
    assert (export.language, export.unknown_columns) == ("fr", [])
    assert _by_month(export) == {
        (SEP, "Pinterest"): {
            "impressions": 5410, "saves": 37, "clicks": 48, "conversions": 2,
            "revenue": Decimal("118.00"),
        },
        (OCT, "Pinterest"): {
            "impressions": 5790, "saves": 41, "clicks": 52, "conversions": 3,
            "revenue": Decimal("171.40"),  # 171,40
        },
    }  # fmt: skip


def test_microsoft_advertising_report_file_by_day():
    data = (EXPORTS / "microsoft-daily.csv").read_bytes()
    assert data.startswith(b'\xef\xbb\xbf"Report Name: ') and b"\r\n" in data
    export = _read_ok("microsoft-daily.csv")
    # Its title lines above and copyright line below are not rows; Ctr and AverageCpc ratios.
    assert (export.kind, export.unknown_columns) == ("microsoft_ads", [])
    assert _by_month(export) == {
        (MAR, "Microsoft Advertising"): {  # 3/30/2026 and 3/31/2026: month first
            "impressions": 4017, "clicks": 136, "conversions": 6,  # 812 + 790 + 2415, ...
            "revenue": Decimal("369.90"),  # 186.00 + 124.00 + 59.90
        },
        (APR, "Microsoft Advertising"): {
            "impressions": 4034, "clicks": 141, "conversions": 7,  # 845 + 2388 + 801, ...
            "revenue": Decimal("433.30"),  # 251.50 + 119.80 + 62.00
        },
    }  # fmt: skip


def test_microsoft_data_it_says_may_be_incomplete_is_counted_and_said(tmp_path):
    data = (EXPORTS / "microsoft-daily.csv").read_text(encoding="utf-8-sig")
    path = _write(
        tmp_path, "ms.csv", data.replace("Incomplete Data: false", "Incomplete Data: true")
    )
    export = read_metric_export(path, "ms.csv")
    assert _by_month(export) == _by_month(_read("microsoft-daily.csv"))
    [note] = export.notes
    assert "Potential Incomplete Data: true" in note.message
    assert "may be incomplete" in note.message


def test_microsoft_summary_report_of_one_month():
    export = _read_ok("microsoft-campaign-month.csv")
    assert _by_month(export) == {
        (MAR, "Microsoft Advertising"): {  # "Report Time: 3/1/2026 - 3/31/2026"
            "impressions": 95192,  # 24,310 + 70,882
            "clicks": 2854,  # 1,164 + 1,690
            "conversions": 100,  # 71 + 29
            "revenue": Decimal("6139.10"),  # 4,402.00 + 1,737.10
        }
    }


def test_tiktok_export_by_day():
    export = _read_ok("tiktok-daily.csv")
    assert (export.kind, export.language, export.unknown_columns) == ("tiktok", "en", [])
    assert _by_month(export) == {
        (MAY, "TikTok"): {
            "reach": 14010, "impressions": 17230,  # 6120 + 6810 + 4300
            "clicks": 163, "conversions": 8,  # 58 + 66 + 39; 3 + 4 + 1
        },
        (JUN, "TikTok"): {  # the Total row is skipped
            "reach": 8594, "impressions": 10467, "clicks": 96, "conversions": 4,
        },
    }  # fmt: skip


def test_french_tiktok_export():
    export = _read_ok("tiktok-fr.csv")
    assert (export.language, export.unknown_columns) == ("fr", [])
    assert _by_month(export) == {
        (MAY, "TikTok"): {"reach": 5420, "impressions": 6810, "clicks": 66, "conversions": 4},
        (JUN, "TikTok"): {"reach": 5204, "impressions": 6455, "clicks": 61, "conversions": 2},
    }


def test_tiktok_xlsx_export(tmp_path):
    path = tmp_path / "tiktok.xlsx"
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet()
    sheet.write_row(
        0, 0, ["By Day", "Campaign name", "Cost", "Impressions", "Clicks (destination)"]
    )
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for row, (when, numbers) in enumerate(
        [(datetime(2026, 5, 31), (27.1, 6810, 66)), (datetime(2026, 6, 1), (25.9, 6455, 61))],
        start=1,
    ):
        sheet.write_datetime(row, 0, when, day)
        sheet.write_string(row, 1, "Spring drop")
        sheet.write_row(row, 2, numbers)
    workbook.close()
    export = read_metric_export(path, "tiktok.xlsx")
    assert export.problems == []
    assert _by_month(export) == {
        (MAY, "TikTok"): {"impressions": 6810, "clicks": 66},
        (JUN, "TikTok"): {"impressions": 6455, "clicks": 61},
    }


def test_dates_that_read_both_ways_keep_the_file_out(tmp_path):
    path = _write(
        tmp_path,
        "tiktok.csv",
        "By Day,Campaign name,Impressions,Clicks (destination)\n"
        "05/06/2026,Drop,100,2\n"
        "06/05/2026,Drop,120,3\n",
    )
    export = read_metric_export(path, "tiktok.csv")
    assert export.values == []
    [problem] = export.problems
    assert (problem.row, problem.column, problem.value) == (2, "By Day", "05/06/2026")
    assert "reads as two different days" in problem.message


# --- what any export gives, or why not --------------------------------------------------------


def test_a_csv_of_another_shape_is_refused(tmp_path):
    path = _write(tmp_path, "ledger.csv", "date,amount,line\n2026-10-02,12.50,Canva Pro\n")
    with pytest.raises(InputErrors) as caught:
        read_metric_export(path, "metrics/ledger.csv")
    [problem] = caught.value.problems
    assert problem.file == "metrics/ledger.csv"
    for source in METRIC_SOURCES:
        assert source.name in problem.message
    assert "date, amount, line" in problem.message
    assert str(caught.value).startswith("metrics/ledger.csv: ")


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (["Reporting starts", "Reporting ends", "Campaign name", "Reach"], "meta"),
        (["Début des rapports", "Fin des rapports", "Couverture", "Impressions"], "meta"),
        (["Month", "Campaign", "Impr.", "Clicks", "Cost"], "google_ads"),
        (["Jour", "Campagne", "Impr.", "Clics", "Coût"], "google_ads"),
        (["Start Date (in UTC)", "Campaign Name", "Total Spent", "Impressions"], "linkedin"),
        (["Campaign Group Name", "Total Engagements", "Impressions"], "linkedin"),
        (["Date", "Campaign name", "Spend in account currency", "Impressions"], "pinterest"),
        (["TimePeriod", "CampaignName", "Impressions", "Clicks", "Spend"], "microsoft_ads"),
        (["Campaign name", "Impr.", "Clicks", "Spend", "Conv."], "microsoft_ads"),
        (["By Day", "Campaign name", "Cost", "Impressions", "Clicks (destination)"], "tiktok"),
        (["date", "amount", "line"], None),
        (["Campaign report"], None),
        (["month", "channel", "metric", "value"], None),
    ],
)
def test_detect_export_from_the_header(header, kind):
    assert detect_export(header) == kind


def test_a_figure_that_is_not_a_number_keeps_the_file_out(tmp_path):
    path = _write(
        tmp_path,
        "linkedin.csv",
        "Start Date (in UTC),Campaign Name,Total Spent,Impressions,Clicks\n"
        "10/2/2026,A,10.00,1000,12\n"
        "10/3/2026,A,10.00,lots,15\n",
    )
    export = read_metric_export(path, "linkedin.csv")
    assert export.values == []
    [problem] = export.problems
    assert (problem.row, problem.column, problem.value) == (3, "Impressions", "lots")


def test_an_export_without_dates_cannot_be_put_in_months(tmp_path):
    path = _write(tmp_path, "tiktok.csv", "Campaign name,Impressions,Clicks (destination)\nA,9,1\n")
    export = read_metric_export(path, "tiktok.csv")
    assert export.values == []
    [problem] = export.problems
    assert problem.file == "tiktok.csv" and "day or month" in problem.message


def test_every_metric_source_says_where_its_layout_was_learnt():
    layouts = (EXPORTS / "LAYOUTS.md").read_text(encoding="utf-8")
    for source in METRIC_SOURCES:
        assert source.origin and source.breakdown and source.encoding, source.name
    for fixture in EXPORTS.glob("*.csv"):
        assert f"`{fixture.name}`" in layouts, fixture.name


# --- a project's metrics/ ---------------------------------------------------------------------

LINES = [["Ads", "Meta", "Instagram", "", 100, 100, 100, 100]]


def _metrics_project(project_factory, *names: str) -> Path:
    project = project_factory(LINES, [["2026-10-03", "40", "Meta", "ads", "", ""]], start="2026-09")
    (project / "metrics").mkdir()
    for name in names:
        shutil.copy(EXPORTS / name, project / "metrics" / name)
    return project


def test_a_file_that_cannot_be_read_is_listed_and_the_build_goes_on(project_factory, tmp_path):
    project = _metrics_project(
        project_factory, "meta-ads-platform.csv", "meta-ads-fr.csv", "google-ads-campaign-q1.csv"
    )
    write_csv(project / "metrics" / "notes.csv", [["date", "amount"], ["2026-10-01", "3"]])
    (project / "metrics" / "report.pdf").write_bytes(b"%PDF-1.7\n")
    book = tmp_path / "book.xlsx"
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(book)])
    assert result.exit_code == 0, result.output
    assert book.exists()
    lines = result.output.splitlines()
    assert any("metrics/meta-ads-platform.csv (Meta Ads Manager): 40 monthly" in x for x in lines)
    not_read = [line.split("Not read", 1)[1].strip() for line in lines if "Not read" in line]
    assert [line.split(":")[0] for line in not_read] == [
        "metrics/google-ads-campaign-q1.csv",
        "metrics/meta-ads-fr.csv",
        "metrics/notes.csv",
        "metrics/report.pdf",
    ]
    assert "is a PDF document" in not_read[3] or "it is a PDF document" in not_read[3]
    sheet = openpyxl.load_workbook(book)["Not counted"]
    listed = [(sheet.cell(r, 1).value, sheet.cell(r, 3).value) for r in range(2, sheet.max_row + 1)]
    assert [file for file, _ in listed] == [
        "metrics/google-ads-campaign-q1.csv",
        "metrics/meta-ads-fr.csv",
        "metrics/notes.csv",
        "metrics/report.pdf",
    ]
    assert "several months" in listed[0][1] and "Download it by month" in listed[0][1]

    record = json.loads(
        CliRunner().invoke(main, ["build", str(project), "-o", str(book), "--json"]).stdout
    )
    assert [m["file"] for m in record["metrics"]] == ["metrics/meta-ads-platform.csv"]
    assert [m["file"] for m in record["metrics_not_read"]] == [f for f, _ in listed]
    assert "has no Plateforme column" in record["metrics_not_read"][1]["reason"]


def test_a_bad_row_is_named_with_its_row_column_and_value(project_factory, tmp_path):
    project = _metrics_project(project_factory)
    (project / "metrics" / "linkedin.csv").write_text(
        "Start Date (in UTC),Campaign Name,Total Spent,Impressions,Clicks\n"
        "10/2/2026,A,10.00,1000,12\n10/3/2026,A,10.00,lots,15\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if "metrics/linkedin.csv" in line]
    assert line.split()[0:2] == ["Not", "read"]
    assert line.endswith(
        "metrics/linkedin.csv: row 3, column 'Impressions', value 'lots': is not a number."
        " Correct the figure, or leave the cell empty when there is none."
    )


def test_the_channel_of_a_meta_file_is_set_per_file_glob(project_factory, tmp_path):
    project = _metrics_project(project_factory, "meta-ads-fr.csv")
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n[[metrics.sources]]\nfiles = "meta-*.csv"\nchannel = "Instagram"\n')
    book = tmp_path / "book.xlsx"
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(book), "--json"])
    record = json.loads(result.stdout)
    assert (record["metrics_not_read"], record["metrics"][0]["figures"]) == ([], 16)
    performance = openpyxl.load_workbook(book)["Performance"]
    names = [performance.cell(r, 1).value for r in range(1, performance.max_row + 1)]
    assert "Instagram" in names


def test_metrics_settings_are_checked_like_the_others():
    base = '[company]\nname = "A"\ncurrency = "EUR"\n\n[budget]\nstart = "2026-01"\n\n'
    config = parse_config(base + '[[metrics.sources]]\nfiles = "fb-*.csv"\nchannel = "Facebook"\n')
    assert config.metrics_sources == (MetricFileSettings("fb-*.csv", "Facebook"),)
    assert config.metrics_sources[0].matches("metrics/fb-october.csv")
    with pytest.raises(InputErrors) as caught:
        parse_config(base + '[[metrics.sources]]\nchanel = "Facebook"\n')
    problems = [(p.column, p.message) for p in caught.value.problems]
    assert ("metrics.sources[1].chanel", "unknown key.") in problems
    with pytest.raises(InputErrors) as caught:
        parse_config(base + '[[metrics.sources]]\nchannel = "Facebook"\n')
    [problem] = caught.value.problems
    assert problem.column == "metrics.sources[1].files"


def test_a_copy_and_a_figure_also_in_kpis_are_not_read(project_factory, tmp_path):
    project = _metrics_project(project_factory, "meta-ads-platform.csv")
    shutil.copy(EXPORTS / "meta-ads-platform.csv", project / "metrics" / "again.csv")
    shutil.copy(EXPORTS / "google-ads-daily.csv", project / "metrics" / "google.csv")
    write_csv(
        project / "kpis.csv",
        [["month", "channel", "metric", "value"], ["2026-10", "Google Ads", "clicks", 800]],
    )
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exit_code == 0, result.output
    # again.csv comes first by name: the later file is the copy.
    assert "metrics/meta-ads-platform.csv: has the same content as metrics/again.csv." in (
        result.output
    )
    assert (
        "metrics/google.csv: gives Google Ads clicks for 2026-10, which kpis.csv gives too."
        in result.output
    )


def test_a_french_project_is_told_in_french_what_was_not_read(project_factory, tmp_path):
    project = _metrics_project(project_factory, "meta-ads-fr.csv")
    toml = project / "budgetbook.toml"
    toml.write_text('language = "fr"\n' + toml.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if "metrics/meta-ads-fr.csv" in line]
    assert line.split()[0:2] == ["Non", "lu"]
    assert (
        "metrics/meta-ads-fr.csv : cet export Meta Ads Manager n'a pas de colonne Plateforme :"
        " budgetbook ne peut pas savoir de quel canal sont ses lignes" in line
    )
    assert (
        'Nommez son canal dans budgetbook.toml : [[metrics.sources]] files = "meta-ads-fr.csv"'
        in (result.output)
    )


def test_french_microsoft_report_written_as_inferred(tmp_path):
    """No French download was seen: the layout's inferred headers, day-first dates and decimal
    commas are held to what LAYOUTS.md says of them."""
    path = _write(
        tmp_path,
        "microsoft-fr.csv",
        '"Nom du rapport : Performances des campagnes"\n\n'
        "Date grégorienne;Nom de la campagne;Impressions;Clics;Dépense;Conversions;Revenus\n"
        "31/03/2026;Recherche – Marque;790;38;14,82;2;124,00\n"
        "01/04/2026;Recherche – Marque;845;44;16,28;4;251,50\n",
    )
    export = read_metric_export(path, "microsoft-fr.csv")
    assert (export.kind, export.language, export.problems) == ("microsoft_ads", "fr", [])
    assert _by_month(export) == {
        (MAR, "Microsoft Advertising"): {
            "impressions": 790, "clicks": 38, "conversions": 2, "revenue": Decimal("124.00"),
        },
        (APR, "Microsoft Advertising"): {
            "impressions": 845, "clicks": 44, "conversions": 4, "revenue": Decimal("251.50"),
        },
    }  # fmt: skip


def test_the_projects_rates_convert_a_conversion_value(project_factory):
    project = _metrics_project(project_factory)
    (project / "metrics" / "meta-aud.csv").write_text(
        "Reporting starts,Reporting ends,Campaign name,Platform,Amount spent (AUD),"
        "Purchases conversion value\n"
        "2026-10-01,2026-10-31,Shop,instagram,80.00,240.00\n"
        "2026-11-01,2026-11-30,Shop,instagram,95.00,310.50\n",
        encoding="utf-8",
    )
    with (project / "budgetbook.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n[currency.rates]\nAUD = { "2026-10" = 0.6125 }\n')
    loaded = load_project(project)
    revenue = {(v.month, v.channel): v.value for v in loaded.kpis if v.metric == "revenue"}
    assert revenue == {(OCT, "Instagram"): Decimal("147.00")}  # November: no rate given
    [export] = loaded.metric_exports
    assert "no rate for AUD in 2026-11" in export.notes[0].message
