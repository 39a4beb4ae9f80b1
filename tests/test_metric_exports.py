"""Platform exports shaped like the real ones, read into monthly metrics held to hand-made sums."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import xlsxwriter

from budgetbook.errors import InputErrors
from budgetbook.metric_exports import MetricExport, detect_export, read_metric_export

EXPORTS = Path(__file__).parent / "data" / "exports"
OCT, NOV = date(2026, 10, 1), date(2026, 11, 1)


def _read(name: str, **kwargs) -> MetricExport:
    return read_metric_export(EXPORTS / name, f"exports/{name}", **kwargs)


def _by_month(export: MetricExport) -> dict[tuple[date, str], dict[str, Decimal]]:
    table: dict[tuple[date, str], dict[str, Decimal]] = {}
    for value in export.values:
        table.setdefault((value.month, value.channel), {})[value.metric] = value.value
    return table


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_meta_export_with_a_platform_breakdown():
    export = _read("meta-ads-platform.csv")
    assert export.kind == "meta"
    # Row 2, the summary row (no campaign, no platform, Oct 1 to Nov 30), is skipped unreported.
    assert export.problems == []
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
            "new_followers": 3,  # 1 + 2
            "reach": 4600,  # 3100 + 1500
            "impressions": 7000,  # 4900 + 2100
            "engagements": 235,  # 190 + 45
            "likes": 70,  # 40 + 30
            "comments": 6,  # 6 + blank
            "shares": 1,  # 1 + blank
            "saves": 2,  # 2 + blank
            "clicks": 83,  # 77 + 6
            "conversions": 2,  # 2 purchases; row 9's results are reach
        },
        (NOV, "Instagram"): {  # rows 7 + 8
            "new_followers": 22,  # blank + 22
            "reach": 15700,  # 8800 + 6900
            "impressions": 25500,  # 14300 + 11200
            "engagements": 1450,  # 1100 + 350
            "likes": 760,  # 590 + 170
            "comments": 52,  # 41 + 11
            "shares": 19,  # 17 + 2
            "saves": 70,  # 60 + 10
            "clicks": 288,  # 250 + 38
            "conversions": 6,
        },
    }  # fmt: skip
    assert {value.source for value in export.values} == {"exports/meta-ads-platform.csv"}
    order = [(v.month, v.channel) for v in export.values]
    assert order == sorted(order)


def test_french_meta_export_with_decimal_commas():
    data = (EXPORTS / "meta-ads-fr.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b";" in data and "\u00a0".encode() in data
    export = _read("meta-ads-fr.csv", default_channels={"meta": "Facebook"})
    assert (export.kind, export.problems, export.unknown_columns) == ("meta", [], [])
    assert _by_month(export) == {
        (OCT, "Facebook"): {  # 30/10 + 31/10; "Résultats" summary row skipped
            "reach": 2560,  # 1 250 + 1 310
            "impressions": 3735,  # 1 830 + 1 905 (narrow no-break space)
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


def test_meta_without_platform_goes_to_the_default_channel():
    export = _read("meta-ads-fr.csv")
    assert {value.channel for value in export.values} == {"Instagram"}


def test_google_ads_unicode_text_report():
    data = (EXPORTS / "google-ads-daily.csv").read_bytes()
    assert data.startswith(b"\xff\xfe") and "\t".encode("utf-16-le") in data  # really UTF-16
    export = _read("google-ads-daily.csv")
    assert export.kind == "google_ads"
    # Interactions restate Clicks; CTR, Avg. CPC, Cost, Cost / conv., impr. share are derived.
    assert (export.problems, export.unknown_columns) == ([], [])
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


def test_linkedin_campaign_manager_export():
    export = _read("linkedin-campaigns.csv")
    assert export.kind == "linkedin"
    assert export.problems == []
    # Clicks to Landing Page, Total Social Actions and the two parts of Conversions restate
    # columns that are read; Other Clicks and Leads are metrics budgetbook does not map.
    assert export.unknown_columns == ["Other Clicks", "Leads"]
    assert _by_month(export) == {
        (OCT, "LinkedIn"): {  # "10/1/2026" is October 1st: LinkedIn writes month first
            "new_followers": 89,  # 25 + 64
            "impressions": 63230,  # 48210 + 15020
            "engagements": 1207,  # 893 + 314
            "likes": 455,  # 310 + 145
            "comments": 53,  # 42 + 11
            "shares": 24,  # 18 + 6
            "clicks": 490,  # 402 + 88
            "conversions": 12,  # 12 + 0
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
            "conversions": 11,  # 10 + 1
            "revenue": Decimal("1320.00"),  # 1,200.00 + 120.00
        },
    }


def test_meta_row_across_two_months_is_a_problem():
    export = _read("meta-ads-no-breakdown.csv")
    [problem] = export.problems
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "exports/meta-ads-no-breakdown.csv",
        3,
        "Reporting ends",
        "2026-11-14",
    )
    assert "more than one month" in problem.message
    assert "breakdown by month or day" in problem.hint
    assert _by_month(export) == {
        (OCT, "Instagram"): {"reach": 2100, "impressions": 3050, "clicks": 61}  # row 2 only
    }


def test_a_csv_of_another_shape_is_refused(tmp_path):
    path = _write(tmp_path, "ledger.csv", "date,amount,line\n2026-10-02,12.50,Canva Pro\n")
    with pytest.raises(InputErrors) as caught:
        read_metric_export(path, "kpis/ledger.csv")
    [problem] = caught.value.problems
    assert problem.file == "kpis/ledger.csv"
    for name in ("Meta Ads Manager", "Google Ads", "LinkedIn Campaign Manager"):
        assert name in problem.message
    assert "date, amount, line" in problem.message
    assert str(caught.value).startswith("kpis/ledger.csv: ")


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (["Reporting starts", "Reporting ends", "Campaign name", "Reach"], "meta"),
        (["Début des rapports", "Fin des rapports", "Couverture", "Impressions"], "meta"),
        (["Month", "Campaign", "Impr.", "Clicks", "Cost"], "google_ads"),
        (["Jour", "Campagne", "Impr.", "Clics", "Coût"], "google_ads"),
        (["Start Date (in UTC)", "Campaign Name", "Total Spent", "Impressions"], "linkedin"),
        (["Campaign Group Name", "Total Engagements", "Impressions"], "linkedin"),
        (["date", "amount", "line"], None),
        (["Campaign report"], None),
        (["month", "channel", "metric", "value"], None),
    ],
)
def test_detect_export_from_the_header(header, kind):
    assert detect_export(header) == kind


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


def test_meta_results_count_only_when_they_are_conversions(tmp_path):
    header = "Reporting starts,Reporting ends,Campaign name,Results,Result indicator,Reach\n"
    path = _write(
        tmp_path,
        "meta.csv",
        header + "2026-10-01,2026-10-31,Leads,4,actions:onsite_conversion.lead_grouped,900\n"
        "2026-10-01,2026-10-31,Carts,9,actions:offsite_conversion.fb_pixel_add_to_cart,800\n"
        "2026-10-01,2026-10-31,Carts 2,5,actions:offsite_conversion.fb_pixel_add_to_cart,700\n"
        "2026-10-01,2026-10-31,Clicks,60,actions:link_click,600\n",
    )
    export = read_metric_export(path, "meta.csv")
    assert _by_month(export) == {
        (OCT, "Instagram"): {"reach": 3000, "conversions": 4}  # 900+800+700+600; 4 leads
    }
    [problem] = export.problems  # once for the indicator, not on every row
    assert (problem.row, problem.column, problem.value) == (
        3,
        "Result indicator",
        "actions:offsite_conversion.fb_pixel_add_to_cart",
    )

    without_indicator = _write(
        tmp_path,
        "meta-bare.csv",
        "Reporting starts,Reporting ends,Campaign name,Results,Reach\n"
        "2026-10-01,2026-10-31,Leads,4,900\n",
    )
    export = read_metric_export(without_indicator, "meta-bare.csv")
    assert export.unknown_columns == ["Results"]
    assert _by_month(export) == {(OCT, "Instagram"): {"reach": 900}}


def test_a_figure_that_is_not_a_number_keeps_its_row_out(tmp_path):
    path = _write(
        tmp_path,
        "linkedin.csv",
        "Start Date (in UTC),Campaign Name,Total Spent,Impressions,Clicks\n"
        "10/2/2026,A,10.00,1000,12\n"
        "10/3/2026,A,10.00,lots,15\n",
    )
    export = read_metric_export(path, "linkedin.csv")
    [problem] = export.problems
    assert (problem.row, problem.column, problem.value) == (3, "Impressions", "lots")
    assert _by_month(export) == {(OCT, "LinkedIn"): {"impressions": 1000, "clicks": 12}}


def test_an_export_without_dates_cannot_be_put_in_months(tmp_path):
    path = _write(tmp_path, "google.csv", "Campaign,Impr.,Clicks\nSearch,1000,12\n")
    export = read_metric_export(path, "google.csv")
    assert export.values == []
    [problem] = export.problems
    assert problem.file == "google.csv" and "day or month" in problem.message


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
