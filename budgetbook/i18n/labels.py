"""The words the workbook shows, in English; other languages from their catalogues. Formulas refer
to sheets by these names."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from functools import cache

from budgetbook.i18n.catalogue import languages, translations


@dataclass(frozen=True)
class Labels:
    overview: str
    budget: str
    actuals: str
    not_counted: str
    category: str
    line: str
    carry_over: str
    planned: str
    available: str
    actual: str
    remaining: str
    total: str
    total_budget: str
    share_spent: str
    month: str
    date: str
    amount: str
    description: str
    vendor: str
    account: str
    source_file: str
    source_row: str
    original_amount: str
    rate: str
    vat: str
    file: str
    read_as: str
    file_rows: str
    file_counted: str
    row: str
    reason: str
    original_text: str
    period: str
    currency: str
    counted: str
    not_counted_rows: str
    all_counted: str
    by_category: str
    by_month: str
    chart_title: str
    budget_title: str
    budget_note: str
    as_of: str
    as_of_note: str
    as_of_error: str
    planned_to_date: str
    actual_to_date: str
    pace: str
    forecast: str
    variance: str
    heading_over: str
    lines_heading_over: str
    lines_over: str
    forecast_chart_title: str
    unaccounted: str
    unaccounted_note: str
    unaccounted_note_by_month: str
    strategy: str
    summary: str
    mission: str
    team: str
    role: str
    person: str
    swot: str
    strengths: str
    weaknesses: str
    opportunities: str
    threats: str
    objectives: str
    objective: str
    channel: str
    metric: str
    baseline: str
    target: str
    deadline: str
    owner: str
    channels: str
    purpose: str
    target_market: str
    personas: str
    competitors: str
    roadmap: str
    roadmap_title: str
    roadmap_note: str
    initiative: str
    start: str
    end: str
    days: str
    status: str
    complete: str
    roadmap_statuses: dict[str, str]
    calendar: str
    calendar_title: str
    calendar_note: str
    posts: str
    time: str
    platform: str
    post_format: str
    topic: str
    campaign: str
    key: str
    posts_per_month: str
    target_per_month: str
    post_statuses: dict[str, str]
    weekdays: tuple[str, ...]
    more_posts: str
    performance: str
    performance_title: str
    performance_note: str
    report_month: str
    opening: str
    to_date: str
    change: str
    points_unit: str
    ad_spend: str
    metric_names: dict[str, str]
    kpi_names: dict[str, str]
    definitions: str
    kpi_definitions: dict[str, str]
    kpi_trend: str
    current: str
    progress: str
    expected: str
    objective_statuses: dict[str, str]
    review_title: str
    review_note: str
    by_operation: str
    by_lever: str
    operation: str
    objective_type: str
    segment: str
    lever: str
    operations_count: str
    budget_amount: str
    cost: str
    cost_vs_budget: str
    participants: str
    opt_ins: str
    new_contacts: str
    result: str
    vs_target: str
    cost_per_result: str
    verdict: str
    verdicts: dict[str, str]
    operation_types: dict[str, str]
    lines_sheet: str
    handoff_title: str
    handoff_steps: tuple[str, ...]
    handoff_date_error: str
    handoff_line_error: str
    handoff_amount_error: str
    policies: dict[str, str]


ENGLISH = Labels(
    overview="Overview",
    budget="Budget",
    actuals="Actuals",
    not_counted="Not counted",
    category="Category",
    line="Line",
    carry_over="Carry-over",
    planned="Planned",
    available="Available",
    actual="Actual",
    remaining="Remaining",
    total="Total",
    total_budget="Total budget",
    share_spent="% spent",
    month="Month",
    date="Date",
    amount="Amount",
    description="Description",
    vendor="Vendor",
    account="Account",
    source_file="Source file",
    source_row="Source row",
    original_amount="As written",
    rate="Rate",
    vat="VAT",
    file="File",
    read_as="Read as",
    file_rows="Rows",
    file_counted="Counted",
    row="Row",
    reason="Reason",
    original_text="Original text",
    period="Period",
    currency="Currency",
    counted="Transactions counted",
    not_counted_rows="Finance rows not counted",
    all_counted="Every finance row was counted.",
    by_category="By category",
    by_month="By month",
    chart_title="Planned and actual spending per month",
    budget_title="Marketing budget",
    budget_note=(
        "Planned cells are yours to edit. Available = Planned + what last month's Remaining"
        " carries once that month is closed (surplus: unspent money only; full: overspend"
        " too)."
        " Actual sums the Actuals sheet."
    ),
    as_of="Closed through",
    as_of_note=(
        "The last closed month: yours to move. Only a closed month's Remaining carries into the"
        " next; later months (shaded) are open, and the forecast counts the larger of their"
        " Available and their Actual."
    ),
    as_of_error="Type the first day of a month between {first} and {last}.",
    planned_to_date="Planned to date",
    actual_to_date="Actual to date",
    pace="Pace",
    forecast="Forecast",
    variance="Variance",
    heading_over="over",
    lines_heading_over="Lines heading over budget",
    lines_over="Lines over",
    forecast_chart_title="Forecast against plan by category",
    unaccounted="Actuals not counted above",
    unaccounted_note=(
        "0 when the Budget counts every row of Actuals; otherwise a row names no budget line"
        " or is dated outside the budget."
    ),
    unaccounted_note_by_month=(
        "0 when the Budget counts every row of Actuals; otherwise a row names no budget line,"
        " is dated outside the budget, or sits among another month's rows: with this many rows"
        " each month's cells read that month's rows only, so keep Actuals in date order and"
        " paste new rows below the last one."
    ),
    strategy="Strategy",
    summary="Company summary",
    mission="Mission",
    team="Team",
    role="Role",
    person="Person",
    swot="SWOT analysis",
    strengths="Strengths",
    weaknesses="Weaknesses",
    opportunities="Opportunities",
    threats="Threats",
    objectives="SMART objectives",
    objective="Objective",
    channel="Channel",
    metric="Metric",
    baseline="Baseline",
    target="Target",
    deadline="Deadline",
    owner="Owner",
    channels="Channels and their purpose",
    purpose="Purpose",
    target_market="Target market",
    personas="Personas",
    competitors="Competitors",
    roadmap="Roadmap",
    roadmap_title="Initiatives roadmap",
    roadmap_note=(
        "Each bar follows its Start and End cells: change a date and the bar moves. The red"
        " column is this week. Week columns start on Mondays; edit the first to move them all."
    ),
    initiative="Initiative",
    start="Start",
    end="End",
    days="Days",
    status="Status",
    complete="% complete",
    roadmap_statuses={
        "planned": "planned",
        "in progress": "in progress",
        "done": "done",
        "blocked": "blocked",
    },
    calendar="Calendar",
    calendar_title="Content calendar",
    calendar_note=(
        "Add a post as a new row of the list: the counts and the month grids update. Copy the"
        " Key cell down with it if the row is below the last prepared one."
    ),
    posts="Posts",
    time="Time",
    platform="Platform",
    post_format="Format",
    topic="Topic",
    campaign="Campaign",
    key="Key",
    posts_per_month="Posts per platform and month",
    target_per_month="Target a month",
    post_statuses={
        "idea": "idea",
        "draft": "draft",
        "scheduled": "scheduled",
        "published": "published",
    },
    weekdays=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    more_posts="more",
    performance="Performance",
    performance_title="Performance report",
    performance_note=(
        "Metrics are inputs; KPIs and ad spend are formulas (ad spend sums the Budget's Actual"
        " of the channel's lines). To date: flows summed up to the report month, followers at"
        " the report month. Change: the report month against the month before."
    ),
    report_month="Report month",
    opening="Opening",
    to_date="To date",
    change="Change",
    points_unit="pt",
    ad_spend="Ad spend",
    metric_names={
        "followers": "Followers",
        "new_followers": "New followers",
        "lost_followers": "Lost followers (unfollows)",
        "reach": "Reach",
        "impressions": "Impressions",
        "engagements": "Engagements",
        "comments": "Comments",
        "shares": "Shares",
        "saves": "Saves",
        "likes": "Likes",
        "clicks": "Clicks",
        "conversions": "Conversions",
        "revenue": "Revenue",
    },
    kpi_names={
        "engagement_rate": "Engagement rate",
        "ctr": "Click-through rate (CTR)",
        "cpc": "Cost per click (CPC)",
        "cpm": "Cost per 1,000 impressions (CPM)",
        "conversion_rate": "Conversion rate",
        "cost_per_conversion": "Cost per conversion",
        "roas": "Return on ad spend (ROAS)",
        "roi": "Return on investment (ROI)",
        "follower_growth": "Follower growth",
        "unfollow_rate": "Unfollow rate",
    },
    definitions="Definitions",
    kpi_definitions={
        "engagement_rate": "engagements ÷ reach (not ÷ followers or ÷ impressions)",
        "ctr": "clicks ÷ impressions",
        "cpc": "ad spend ÷ clicks",
        "cpm": "ad spend ÷ impressions × 1,000",
        "conversion_rate": "conversions ÷ clicks",
        "cost_per_conversion": "ad spend ÷ conversions",
        "roas": "revenue ÷ ad spend",
        "roi": "(revenue − ad spend) ÷ ad spend",
        "follower_growth": "(followers − previous month's followers) ÷ previous month's followers",
        "unfollow_rate": "lost followers ÷ previous month's followers",
        "spend": "ad spend: the Actual of the budget lines whose channel is this channel",
        "blank": "a blank KPI: an input is missing or its denominator is zero",
        "change": (
            "the report month against the month before: relative for a metric, an amount or"
            " ROAS, in percentage points (pt) for a rate; green when better, red when worse"
        ),
    },
    kpi_trend="{channel}: KPI trend",
    current="Current",
    progress="Progress",
    expected="Expected by now",
    objective_statuses={"reached": "reached", "on track": "on track", "at risk": "at risk"},
    review_title="Operation review",
    review_note=(
        "Result: new contacts for acquisition, opt-ins for data quality, participants"
        " otherwise. Verdict: met (target reached within budget), over budget (reached, but"
        " the cost exceeds the budget) or missed."
    ),
    by_operation="By operation",
    by_lever="By lever",
    operation="Operation",
    objective_type="Objective type",
    segment="Target segment",
    lever="Lever",
    operations_count="Operations",
    budget_amount="Budget",
    cost="Cost",
    cost_vs_budget="Budget left",
    participants="Participants",
    opt_ins="Opt-ins",
    new_contacts="New contacts",
    result="Result",
    vs_target="Result ÷ target",
    cost_per_result="Cost per result",
    verdict="Verdict",
    verdicts={"met": "met", "over budget": "over budget", "missed": "missed"},
    operation_types={
        "acquisition": "acquisition",
        "loyalty": "loyalty",
        "engagement": "engagement",
        "traffic": "traffic",
        "satisfaction": "satisfaction",
        "data quality": "data quality",
    },
    lines_sheet="Lines",
    handoff_title="{company}: marketing spending to hand off, {first} to {last}",
    handoff_steps=(
        "1. One row per invoice, payment or refund, from the first empty row under the headers.",
        "2. Date: the day it was paid, between {first} and {last}. Line: pick the budget line"
        " from the list.",
        "3. Amount: positive for money spent, negative for a refund or credit note, without"
        " the currency sign. Description and vendor: as on the invoice.",
        "4. Save as .xlsx and send it back: it goes into the project's actuals/ folder and"
        " each row is counted once.",
    ),
    handoff_date_error="Type a date between {first} and {last}.",
    handoff_line_error="Pick a budget line from the list.",
    handoff_amount_error="Type a number: positive for money spent, negative for a refund.",
    policies={"none": "none", "surplus": "surplus", "full": "full"},
)


def label_context(field: str) -> str:
    """A label's context in the catalogues: its field, since one English word may be two in
    another language."""
    return f"workbook.{field}"


@cache
def labels_in(language: str) -> Labels:
    """The workbook's words in ``language``, from its catalogue."""
    catalogue = translations(language)

    def word(field: str, english: str) -> str:
        return catalogue.pgettext(label_context(field), english) if english else english

    def words(field: str, english: str | dict | tuple) -> str | dict | tuple:
        if isinstance(english, dict):
            return {key: word(field, value) for key, value in english.items()}
        if isinstance(english, tuple):
            return tuple(word(field, value) for value in english)
        return word(field, english)

    return Labels(**{f.name: words(f.name, getattr(ENGLISH, f.name)) for f in fields(Labels)})


class _ByLanguage(Mapping[str, Labels]):
    """The labels of every language with a catalogue, by language code."""

    def __getitem__(self, language: str) -> Labels:
        if language not in languages():
            raise KeyError(language)
        return labels_in(language)

    def __iter__(self) -> Iterator[str]:
        return iter(languages())

    def __len__(self) -> int:
        return len(languages())


LABELS: Mapping[str, Labels] = _ByLanguage()
