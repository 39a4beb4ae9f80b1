"""Read the budget lines: ``category, line, channel, carry_over`` (optional ``opening``, the
money carried in from the previous period, and ``vat``) then one column per month."""

from __future__ import annotations

from decimal import Decimal

from budgetbook.errors import Problem, missing_columns
from budgetbook.i18n.messages import Text
from budgetbook.model import BudgetLine, CarryOver, Config, month_key
from budgetbook.read.aliases import accepted, column_names, value_name
from budgetbook.read.budget_terms import parse_carry_over, parse_month, parse_vat
from budgetbook.read.criteria import criterion_refusal, matching_key, refused_as_criterion
from budgetbook.read.number_style import ReadsTwoWays, table_decimal_comma, table_number
from budgetbook.read.suggestions import closest, did_you_mean
from budgetbook.read.tables import Table, column_title

FIXED_COLUMNS = ("category", "line", "channel", "carry_over", "opening", "vat")


def refused_line_name(name: str) -> Text | None:
    """Why ``name`` cannot name a line, or None: the Budget's Actual cells match a line's
    rows by its name, as a SUMIFS criterion (read/criteria.py). budget.csv's names and those a
    person gave lines in a workbook are held to it alike."""
    return criterion_refusal(Text("a line name")) if refused_as_criterion(name) else None


def given_line_names(table: Table) -> list[str]:
    """Every line name budget.csv gives, its refused rows' too: the names other files may
    use, whatever else is wrong with those rows."""
    index = table.column("line")
    if index is None:
        return []
    return [name for _, row in table.rows if (name := str(row[index]).strip())]


def read_budget(table: Table, config: Config) -> tuple[list[BudgetLine], list[Problem]]:
    problems: list[Problem] = []
    period_keys = [month_key(m) for m in config.period.month_starts()]
    month_columns: dict[int, int] = {}  # column index -> month index
    fixed = {table.column(name) for name in FIXED_COLUMNS}
    for index, title in enumerate(table.header):
        if index in fixed or title.strip().lower() in FIXED_COLUMNS:
            continue
        month = parse_month(title)
        if month is None:
            hint = Text(
                "Columns are category, line, channel, carry_over, opening, vat (in"
                " French: catégorie, poste, canal, report, ouverture, tva), then months"
                " as YYYY-MM."
            )
            known = [name for fixed in FIXED_COLUMNS for name in column_names(fixed, table.file)]
            if (meant := closest(title, known)) is not None:
                hint = Text("{message} {hint}", message=did_you_mean(meant), hint=hint)
            unknown = Text("unknown column.")
            problems.append(Problem(table.file, unknown, row=1, column=title, hint=hint))
        elif month_key(month) not in period_keys:
            problems.append(
                Problem(
                    table.file,
                    Text(
                        "this month is outside the budget period ({first} to {last}).",
                        first=period_keys[0],
                        last=period_keys[-1],
                    ),
                    row=1,
                    column=title,
                    hint=Text("Change [budget] start or months in budgetbook.toml, or remove it."),
                )
            )
        elif (month_index := period_keys.index(month_key(month))) in month_columns.values():
            problems.append(
                Problem(
                    table.file,
                    Text("this month already has a column."),
                    row=1,
                    column=title,
                    hint=Text("Each month has one column: head this one with the month it holds."),
                )
            )
        else:
            month_columns[index] = month_index
    if month_columns:  # a month without its column would read as 0 and its plan would vanish
        for month_index in sorted(set(range(len(period_keys))) - set(month_columns.values())):
            problems.append(
                Problem(
                    table.file,
                    Text("has no column for {month}, a month of the budget period.",
                         month=period_keys[month_index]),
                    row=1,
                    hint=Text(
                        "Add it (blank or 0 where nothing is planned), or change [budget] start"
                        " or months in budgetbook.toml."
                    ),
                )
            )  # fmt: skip
    missing = [name for name in ("category", "line") if table.column(name) is None]
    problems += missing_columns(table.file, missing)
    if not month_columns and not problems:
        problems.append(
            Problem(
                table.file,
                Text("has no month column."),
                row=1,
                hint=Text("Add columns such as 2026-01."),
            )
        )
    if problems:
        return [], problems

    amount_columns = [*month_columns, table.column("opening")]
    decimal_comma = table_decimal_comma(table, amount_columns, config.language)
    lines: list[BudgetLine] = []
    first_row_of: dict[str, int] = {}
    name_col = table.column("line")
    for number, row in table.rows:
        name = str(row[name_col]).strip()
        key = matching_key(name)  # names the engines would take for one are one
        if name and key in first_row_of:
            problems.append(
                Problem(
                    table.file,
                    Text("this line name is already used on row {row}.", row=first_row_of[key]),
                    row=number,
                    column=column_title(table, "line"),
                    value=name,
                    hint=Text("Line names must be unique; rename one of them."),
                )
            )
            continue
        first_row_of.setdefault(key, number)
        line = _read_line(table, number, row, config, month_columns, decimal_comma, problems)
        if line is not None:
            lines.append(line)
    if not lines and not problems:
        problems.append(
            Problem(table.file, Text("has no budget line."), hint=Text("Add one row per line."))
        )
    return lines, problems


def _read_line(
    table: Table,
    number: int,
    row: list[object],
    config: Config,
    month_columns: dict[int, int],
    decimal_comma: bool | None,
    problems: list[Problem],
) -> BudgetLine | None:
    def cell(name: str) -> str:
        index = table.column(name)
        return "" if index is None else str(row[index]).strip()

    before = len(problems)
    if table.overflow(row):
        problems.append(
            Problem(
                table.file,
                Text(
                    "this row has more cells than the header's {count} columns.",
                    count=len(table.header),
                ),
                row=number,
                hint=Text("Quote values that contain the separator, or remove the extra cells."),
            )
        )
    category, name = cell("category"), cell("line")
    if not category:
        problems.append(
            Problem(
                table.file,
                Text("the category is empty."),
                row=number,
                column=column_title(table, "category"),
            )
        )
    if not name:
        problems.append(
            Problem(
                table.file,
                Text("the line name is empty."),
                row=number,
                column=column_title(table, "line"),
            )
        )
    elif (refusal := refused_line_name(name)) is not None:
        problems.append(
            Problem(table.file, refusal, row=number, column=column_title(table, "line"), value=name)
        )
    policy_text = cell("carry_over")
    policy = parse_carry_over(policy_text) if policy_text else config.carry_over
    if policy is None:
        problems.append(
            Problem(
                table.file,
                Text("is not a carry-over policy."),
                row=number,
                column=column_title(table, "carry_over"),
                value=policy_text,
                hint=Text(
                    "Use one of: {values}; blank means the budgetbook.toml default.",
                    values=accepted("carry_over"),
                ),
            )
        )
    planned = [Decimal(0)] * config.period.months
    for index, month in month_columns.items():
        amount = _amount(table, number, index, row[index], decimal_comma, problems)
        if amount is not None:
            planned[month] = amount
    opening = Decimal(0)
    if (index := table.column("opening")) is not None:
        amount = _amount(table, number, index, row[index], decimal_comma, problems)
        if amount and policy is CarryOver.NONE:
            problems.append(
                Problem(
                    table.file,
                    Text(
                        "an opening amount on a line whose carry-over is {none}: nothing would"
                        " carry it into the period.",
                        none=value_name("carry_over", "none"),
                    ),
                    row=number,
                    column=table.header[index],
                    value=str(row[index]).strip(),
                    hint=Text(
                        "Set the line's carry_over to surplus or full (blank takes [budget]"
                        " carry_over of budgetbook.toml), or leave the opening blank."
                    ),
                )
            )
        elif amount is not None:
            opening = amount
    vat = None
    if vat_text := cell("vat"):
        vat = parse_vat(vat_text)
        if vat is None:
            problems.append(
                Problem(
                    table.file,
                    Text("is not a VAT rate."),
                    row=number,
                    column=column_title(table, "vat"),
                    value=vat_text,
                    hint=Text(
                        "Write it as a percent: 20 for 20 %, 5.5 for 5.5 %, 0 for none; blank"
                        " for [budget] vat of budgetbook.toml."
                    ),
                )
            )
    if len(problems) > before:
        return None
    return BudgetLine(category, name, cell("channel"), policy, tuple(planned), vat, opening)


def _amount(
    table: Table,
    number: int,
    index: int,
    raw: object,
    decimal_comma: bool | None,
    problems: list[Problem],
) -> Decimal | None:
    """A month's amount or the opening, None when blank or refused (the refusal told in
    ``problems``)."""
    if raw is None or str(raw).strip() == "":
        return None
    try:
        return table_number(table, number, index, raw, decimal_comma)
    except ReadsTwoWays as refused:
        problems.append(refused.problem)
        return None
    except ValueError:
        problems.append(
            Problem(
                table.file,
                Text("is not an amount."),
                row=number,
                column=table.header[index],
                value=str(raw),
                hint=Text("Write a number such as 1200 or 1200.50, or leave it blank for 0."),
            )
        )
        return None
