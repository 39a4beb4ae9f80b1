"""The Strategy sheet: summary, team, SWOT grid, SMART objectives and channels, like the
template's strategy document. A section with no input is left out, not shown empty."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from budgetbook.i18n.labels import Labels
from budgetbook.model import Project
from budgetbook.write import formulas as f
from budgetbook.write.sheets.cached import cached
from budgetbook.write.sheets.page import set_page_titles
from budgetbook.write.sheets.styles import Styles, date_format

if TYPE_CHECKING:
    from budgetbook.compute.performance import Performance
    from budgetbook.write.sheets.performance_sheet import PerformanceLayout

LAST_COL = 6  # the sheet spans columns A to G
CURRENT = 7  # column H: an objective's current value, then progress, expected and status
WIDTHS = (38, 13, 13, 13, 13, 12, 18, 11, 11, 15, 12)  # H:K: an objective's progress
STATUS_FILLS = {"reached": "#C6EFCE", "on track": "#DDEBF7", "at risk": "#FFC7CE"}
WIDE_CHARS = 110  # characters a line of B:G holds; used to size wrapped rows
LINE_HEIGHT = 14
QUADRANT_COLOURS = {
    "strengths": "#E2EFDA",
    "weaknesses": "#FCE4D6",
    "opportunities": "#DDEBF7",
    "threats": "#FFF2CC",
}


@dataclass(frozen=True)
class StrategyLayout:
    """Where each objective sits, for links from the roadmap and the performance figures."""

    sheet: str
    objective_rows: dict[str, int]

    def link(self, objective: str) -> str:
        return "internal:" + f.on_sheet(self.sheet, f.cell(self.objective_rows[objective], 0))


def has_strategy(project: Project) -> bool:
    strategy = project.config.strategy
    return bool(project.objectives) or any(
        getattr(strategy, name) for name in strategy.__dataclass_fields__
    )


def write_strategy(
    workbook: Workbook,
    ws: Worksheet,
    project: Project,
    styles: Styles,
    labels: Labels,
    performance: Performance | None = None,
    report: PerformanceLayout | None = None,
) -> StrategyLayout:
    """With a performance report, each objective also gets its current value, progress,
    expected progress and status, as formulas over the Performance sheet."""
    strategy = project.config.strategy
    sheet = _Writer(workbook, ws, styles)
    ws.write_string(0, 0, f"{labels.strategy} — {project.config.company_name}", styles.title)
    sheet.row = 2

    if strategy.summary or strategy.mission:
        sheet.section(labels.summary)
        sheet.text_rows([("", strategy.summary), (labels.mission, strategy.mission)])
    if strategy.team:
        sheet.section(labels.team)
        sheet.text_rows(list(strategy.team))
    quadrants = [
        (name, getattr(labels, name), getattr(strategy, name)) for name in QUADRANT_COLOURS
    ]
    if any(items for _, _, items in quadrants):
        sheet.section(labels.swot)
        sheet.swot(quadrants[:2])
        sheet.swot(quadrants[2:])
        sheet.row += 1
    objective_rows = {}
    if project.objectives:
        objective_rows = sheet.objectives(project, labels)
        if performance is not None and report is not None:
            sheet.progress(workbook, project, labels, objective_rows, performance, report)
    if strategy.channels:
        sheet.section(labels.channels)
        sheet.text_rows(list(strategy.channels))
    if strategy.target_market or strategy.personas:
        sheet.section(labels.target_market)
        sheet.text_rows(
            [("", strategy.target_market)]
            + [(labels.personas if i == 0 else "", p) for i, p in enumerate(strategy.personas)]
        )
    if strategy.competitors:
        sheet.section(labels.competitors)
        sheet.text_rows([("", name) for name in strategy.competitors])

    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    ws.hide_gridlines(2)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.5)
    set_page_titles(ws, project.config.company_name)
    return StrategyLayout(ws.name, objective_rows)


class _Writer:
    """Writes sections one under the other, keeping the current row."""

    def __init__(self, workbook: Workbook, ws: Worksheet, styles: Styles):
        self.ws, self.styles, self.row = ws, styles, 0
        self.wrap = workbook.add_format(
            {"font_name": "Calibri", "font_size": 10, "text_wrap": True, "valign": "top"}
        )
        self.date = workbook.add_format(
            {
                "font_name": "Calibri",
                "font_size": 10,
                "num_format": date_format("yyyy-mm-dd", styles.language),
                "valign": "top",
            }
        )
        self.bold_top = workbook.add_format(
            {"font_name": "Calibri", "font_size": 10, "bold": True, "valign": "top"}
        )
        self.quadrant_head = {
            name: workbook.add_format(
                {
                    "bold": True,
                    "font_size": 11,
                    "bg_color": colour,
                    "border": 1,
                    "border_color": "#BFBFBF",
                }
            )
            for name, colour in QUADRANT_COLOURS.items()
        }
        self.quadrant_body = {
            name: workbook.add_format(
                {
                    "font_size": 10,
                    "text_wrap": True,
                    "valign": "top",
                    "bg_color": colour,
                    "border": 1,
                    "border_color": "#BFBFBF",
                }
            )
            for name, colour in QUADRANT_COLOURS.items()
        }

    def section(self, title: str) -> None:
        self.ws.merge_range(self.row, 0, self.row, LAST_COL, "", self.styles.header)
        self.ws.write_string(self.row, 0, title, self.styles.header)
        self.row += 1

    def text_rows(self, pairs: list[tuple[str, str]]) -> None:
        """A label in column A, its text across B:G, wrapped; empty texts left out."""
        for label, text in pairs:
            if not text:
                continue
            self.ws.write_string(self.row, 0, label, self.bold_top)
            self.ws.merge_range(self.row, 1, self.row, LAST_COL, "", self.wrap)
            self.ws.write_string(self.row, 1, text, self.wrap)
            self.ws.set_row(self.row, _height([text], WIDE_CHARS))
            self.row += 1
        self.row += 1

    def swot(self, pair: list[tuple[str, str, tuple[str, ...]]]) -> None:
        """Two quadrants side by side: A:C and D:G, each a heading and its bullet list."""
        spans = ((0, 2), (3, LAST_COL))
        bodies = []
        for (name, title, items), (first, last) in zip(pair, spans, strict=True):
            self.ws.merge_range(self.row, first, self.row, last, "", self.quadrant_head[name])
            self.ws.write_string(self.row, first, title, self.quadrant_head[name])
            body = "\n".join(f"• {item}" for item in items)
            self.ws.merge_range(
                self.row + 1, first, self.row + 1, last, "", self.quadrant_body[name]
            )
            self.ws.write_string(self.row + 1, first, body, self.quadrant_body[name])
            bodies.append(list(items))
        self.ws.set_row(self.row + 1, max(_height(items, 55) for items in bodies))
        self.row += 2

    def objectives(self, project: Project, labels: Labels) -> dict[str, int]:
        ws, styles = self.ws, self.styles
        self.section(labels.objectives)
        headers = (
            labels.objective,
            labels.channel,
            labels.metric,
            labels.baseline,
            labels.target,
            labels.deadline,
            labels.owner,
        )
        for col, title in enumerate(headers):
            ws.write_string(
                self.row, col, title, styles.header_right if 3 <= col <= 5 else styles.header
            )
        self.row += 1
        rows = {}
        for objective in project.objectives:
            rows[objective.name] = self.row
            ws.write_string(self.row, 0, objective.name, self.wrap)
            ws.write_string(self.row, 1, objective.channel, self.wrap)
            ws.write_string(self.row, 2, labels.metric_names[objective.metric], self.wrap)
            ws.write_number(self.row, 3, float(objective.baseline), styles.number)
            ws.write_number(self.row, 4, float(objective.target), styles.number)
            ws.write_datetime(self.row, 5, objective.deadline, self.date)
            ws.write_string(self.row, 6, objective.owner, self.wrap)
            ws.set_row(self.row, _height([objective.name], 36))
            self.row += 1
        self.row += 1
        return rows

    def progress(
        self,
        workbook: Workbook,
        project: Project,
        labels: Labels,
        rows: dict[str, int],
        performance: Performance,
        report: PerformanceLayout,
    ) -> None:
        """Current, Progress, Expected by now and Status beside each objective."""
        ws, styles = self.ws, self.styles
        number = workbook.add_format({"font_size": 10, "num_format": "#,##0", "valign": "top"})
        share = workbook.add_format({"font_size": 10, "num_format": "0%", "valign": "top"})
        header_row = min(rows.values()) - 1
        titles = (labels.current, labels.progress, labels.expected, labels.status)
        for offset, title in enumerate(titles):
            ws.write_string(header_row, CURRENT + offset, title, styles.header_right)
        start = project.config.period.start
        for objective in project.objectives:
            row, figures = rows[objective.name], performance.objectives[objective.name]
            current, progress, expected = (f.cell(row, col) for col in range(CURRENT, CURRENT + 3))
            source = report.to_date_cell(objective.channel, objective.metric)
            if source is None:
                ws.write_blank(row, CURRENT, None, number)
            else:
                ws.write_formula(row, CURRENT, f.refer(source), number, cached(figures.current))
            formula = f.objective_progress(current, f.cell(row, 3), f.cell(row, 4))
            ws.write_formula(row, CURRENT + 1, formula, share, cached(figures.progress))
            formula = f.expected_share(report.report_cell, start, f.cell(row, 5))
            ws.write_formula(row, CURRENT + 2, formula, share, float(figures.expected))
            words = labels.objective_statuses
            formula = f.objective_status(progress, expected, words)
            shown = words[figures.status] if figures.status else ""
            ws.write_formula(row, CURRENT + 3, formula, self.wrap, shown)
        first, last = min(rows.values()), max(rows.values())
        for key, fill in STATUS_FILLS.items():
            ws.conditional_format(first, CURRENT + 3, last, CURRENT + 3, {
                "type": "cell", "criteria": "==", "value": f'"{labels.objective_statuses[key]}"',
                "format": workbook.add_format({"bg_color": fill}),
            })  # fmt: skip


def _height(texts: list[str], chars_per_line: int) -> float:
    """Row height that shows wrapped ``texts`` whole (merged cells do not grow by themselves)."""
    lines = sum(max(1, math.ceil(len(text) / chars_per_line)) for text in texts)
    return max(1, lines) * LINE_HEIGHT + 4
