"""Every formula budgetbook writes, built from cell coordinates (0-based row and column).

Only the functions and forms that Excel, LibreOffice, Gnumeric and Google Sheets evaluate alike
are used, and plain A1 references (no table references, no dynamic arrays), so the workbook
stays live everywhere: docs/formulas.md lists them, with what each application documents, and
tests/test_formula_functions.py holds every formula of the samples' workbooks to that list.
"""

from __future__ import annotations

from datetime import date

from xlsxwriter.utility import quote_sheetname, xl_col_to_name, xl_range, xl_rowcol_to_cell

from budgetbook.model import CarryOver


def cell(row: int, col: int, *, row_abs: bool = False, col_abs: bool = False) -> str:
    return xl_rowcol_to_cell(row, col, row_abs, col_abs)


def on_sheet(sheet: str, reference: str) -> str:
    """A reference to another sheet, quoted when the name needs it (accented names always)."""
    quoted = quote_sheetname(sheet) if sheet.isascii() else "'" + sheet.replace("'", "''") + "'"
    return f"{quoted}!{reference}"


def fixed_span(sheet: str, col: int, first_row: int, last_row: int) -> str:
    """``Sheet!$A$2:$A$19``: rows and column fixed wherever the formula is copied."""
    return on_sheet(sheet, absolute_span(first_row, col, last_row, col))


def absolute_span(first_row: int, first_col: int, last_row: int, last_col: int) -> str:
    """``$B$5:$P$5``: a range fixed wherever it is used, written whole even for one cell."""
    top = cell(first_row, first_col, row_abs=True, col_abs=True)
    return f"{top}:{cell(last_row, last_col, row_abs=True, col_abs=True)}"


def absolute_column_span(sheet: str, col: int, first_row: int, last_row: int) -> str:
    """``=Sheet!$A$2:$A$19``: the source of a dropdown list, fixed wherever it is used."""
    return "=" + fixed_span(sheet, col, first_row, last_row)


def row_span(row: int, first_col: int, last_col: int) -> str:
    return xl_range(row, first_col, row, last_col)


def col_span(col: int, first_row: int, last_row: int, *, col_abs: bool = False) -> str:
    """A range down one column with its rows fixed, e.g. ``E$5:E$36``."""
    top = cell(first_row, col, row_abs=True, col_abs=col_abs)
    return f"{top}:{cell(last_row, col, row_abs=True, col_abs=col_abs)}"


def converted_amount(row: int, original: int, rate: int | None, vat: int | None, removed: bool):
    """An amount brought to the budget's basis from the one its file wrote (in ``original``'s
    cell of ``row``): times its currency's rate, its VAT removed (``removed``) or added.
    ``rate`` or ``vat`` None: that step is not taken."""
    formula = "=" + cell(row, original)
    if rate is not None:
        formula += "*" + cell(row, rate)
    if vat is not None:
        formula += ("/" if removed else "*") + f"(1+{cell(row, vat)})"
    return formula


def available(
    planned: str,
    previous_remaining: str | None,
    policy: CarryOver,
    previous_month: str | None = None,
    as_of: str | None = None,
) -> str:
    """This month's Available: its Planned plus what the previous month's Remaining carries,
    once that month (its header date ``previous_month``) is closed: not after ``as_of``."""
    if previous_remaining is None or policy is CarryOver.NONE:
        return f"={planned}"
    carried = previous_remaining
    if policy is CarryOver.SURPLUS:
        carried = f"MAX(0,{previous_remaining})"
    if as_of is None or previous_month is None:
        return f"={planned}+{carried}"
    return f"={planned}+IF({previous_month}<={as_of},{carried},0)"


def plus_opening(formula: str, opening: str) -> str:
    """A first month's Available with the money carried in from the previous period."""
    return f"{formula}+{opening}"


def to_date(values: str, months: str, as_of: str) -> str:
    """The sum of a row's closed months: those whose header date is not after ``as_of``."""
    return f'=SUMIFS({values},{months},"<="&{as_of})'


def forecast(actual_to_date: str, available: str, remaining: str, months: str, as_of: str) -> str:
    """Where a line will land: its closed months' Actual, plus for each open month the larger
    of Available and Actual. With Remaining = Available - Actual, the sum of those larger
    values is the open months' Available less their negative Remaining."""
    after = f'{months},">"&{as_of}'
    return (
        f"={actual_to_date}+SUMIFS({available},{after})"
        f'-SUMIFS({remaining},{after},{remaining},"<0")'
    )


def flag_over(variance: str, word: str) -> str:
    """``word`` where the variance is above zero to the cent, else blank."""
    return f'=IF(ROUND({variance},2)>0,{quoted(word)},"")'


def open_month(month: str, as_of: str) -> str:
    """A conditional-format rule: the month is after the as-of month."""
    return f"={month}>{as_of}"


def difference(minuend: str, subtrahend: str) -> str:
    return f"={minuend}-{subtrahend}"


def total(range_ref: str) -> str:
    return f"=SUM({range_ref})"


def plus(references: list[str]) -> str:
    return "=" + "+".join(references) if references else "=0"


def refer(reference: str) -> str:
    return f"={reference}"


def share(numerator: str, denominator: str) -> str:
    """A ratio that shows blank rather than #DIV/0! when the denominator is zero or blank."""
    return f'=IFERROR({numerator}/{denominator},"")'


def sum_by_label(values: str, labels: str, label: str) -> str:
    """Sum the rows of a range whose label column holds ``label`` (a cell reference)."""
    return f"=SUMIFS({values},{labels},{label})"


def month_actual(
    sheet: str,
    amount_col: int,
    line_col: int,
    date_col: int,
    row_spans: list[tuple[int, int]],
    line: str,
    month_start: str,
) -> str:
    """Transactions of one line dated within the month that starts on ``month_start``, looked
    for only in ``row_spans`` (first and last rows) of the sheet: with a span per month and
    one for the rows below the listed ones, each cell reads a month's rows, not them all."""
    terms = []
    for first, last in row_spans:
        dates = fixed_span(sheet, date_col, first, last)
        terms.append(
            f"SUMIFS({fixed_span(sheet, amount_col, first, last)},"
            f"{fixed_span(sheet, line_col, first, last)},{line},"
            f'{dates},">="&{month_start},{dates},"<"&EDATE({month_start},1))'
        )
    return "=" + ("+".join(terms) or "0")  # a full sheet has no rows below for a month


def unaccounted(amounts: str, counted: str) -> str:
    """What a column of amounts holds beyond what was counted, rounded to the cent so that
    floating-point sums of the same figures show 0."""
    return f"=ROUND(SUM({amounts})-{counted},2)"


def days_between(start: str, end: str) -> str:
    """Days from ``start`` to ``end``, both counted."""
    return f"={end}-{start}+1"


def next_week(week_start: str) -> str:
    return f"={week_start}+7"


def new_month_label(week_start: str, previous_week_start: str | None) -> str:
    """The week's date above its column when a month begins in it, else blank."""
    if previous_week_start is None:
        return f"={week_start}"
    return f'=IF({week_start}>EOMONTH({previous_week_start},0),{week_start},"")'


def bar_in_week(start: str, end: str, week_start: str) -> str:
    """A conditional-format rule: the span from ``start`` to ``end`` touches the week."""
    return f"=AND({start}<={week_start}+6,{end}>={week_start})"


def bar_in_week_with(start: str, end: str, week_start: str, cell_ref: str, text: str) -> str:
    """As ``bar_in_week``, for rows whose ``cell_ref`` holds ``text`` (a status)."""
    return f"=AND({start}<={week_start}+6,{end}>={week_start},{cell_ref}={quoted(text)})"


def today_in_week(week_start: str) -> str:
    return f"=AND(TODAY()>={week_start},TODAY()<{week_start}+7)"


def quoted(text: str) -> str:
    """Text as a formula's string literal."""
    return '"' + text.replace('"', '""') + '"'


def post_key(day: str, first_day: str) -> str:
    """A post's key, its date's number and its rank that day: ``46296#2``. A grid cell finds
    the n-th post of a day by matching the key; a row left empty has an empty key."""
    return f'=IF({day}="","",{day}&"#"&COUNTIFS({first_day}:{day},{day}))'


def posts_in_month(platforms: str, platform: str, dates: str, month_start: str) -> str:
    return (
        f'=COUNTIFS({platforms},{platform},{dates},">="&{month_start},'
        f'{dates},"<="&EOMONTH({month_start},0))'
    )


def day_post(day: str, rank: int, keys: str, first: str, second: str) -> str:
    """The ``rank``-th post of ``day`` as ``first · second`` (platform and topic), or blank."""
    match = f'MATCH({day}&"#{rank}",{keys},0)'
    return f'=IFERROR(INDEX({first},{match},1)&" · "&INDEX({second},{match},1),"")'


def more_posts(day: str, dates: str, shown: int, word: str) -> str:
    """``+2 more`` when a day has more posts than its cells show."""
    count = f"COUNTIFS({dates},{day})"
    return f'=IF({count}>{shown},"+"&({count}-{shown})&" {word}","")'


def whole_column_here(col: int) -> str:
    """An absolute whole column of the same sheet, reaching rows added below the last."""
    name = xl_col_to_name(col)
    return f"${name}:${name}"


def reaches(count: str, target: str) -> str:
    """A conditional-format rule: a target is set and the count reaches it."""
    return f'=AND({target}<>"",{count}>={target})'


def sum_to_date(values: str, months: str, report_month: str) -> str:
    """A flow up to the report month: the months whose date is not after it."""
    return f'=SUMIFS({values},{months},"<="&{report_month})'


def at_month(values: str, months: str, month: str) -> str:
    """The value of ``values`` (one row) in the column whose header date is ``month`` (an
    expression). INDEX is given its row and its column: with one index, a one-row range is
    read by column only in Excel and LibreOffice, Gnumeric and Google Sheets answer #REF!."""
    return f"INDEX({values},1,MATCH({month},{months},0))"


def stock_to_date(values: str, months: str, report_month: str) -> str:
    """A stock at the report month; blank when that month has no value."""
    value = at_month(values, months, report_month)
    return f'=IF({value}="","",{value})'


def month_change(values: str, months: str, report_month: str) -> str:
    """The report month against the month before: blank when either is blank or zero."""
    this = at_month(values, months, report_month)
    before = at_month(values, months, f"EDATE({report_month},-1)")
    return f'=IFERROR(IF(OR({this}="",{before}=""),"",{this}/{before}-1),"")'


def guarded_ratio(numerator: str, denominator: str, scale: int | None = None) -> str:
    """A KPI that is blank, never an error, when an input is blank or the denominator zero."""
    times = f"*{scale}" if scale else ""
    return (
        f'=IF(OR({numerator}="",{denominator}=""),"",IFERROR({numerator}/{denominator}{times},""))'
    )


def guarded_return(result: str, base: str) -> str:
    """``(result - base) / base``: ROI, or growth from ``base`` to ``result``."""
    return f'=IF(OR({result}="",{base}=""),"",IFERROR(({result}-{base})/{base},""))'


def objective_progress(current: str, baseline: str, target: str) -> str:
    return f'=IF({current}="","",IFERROR(({current}-{baseline})/({target}-{baseline}),""))'


def expected_share(report_month: str, start: date, deadline: str) -> str:
    """The share of the time from ``start`` to ``deadline`` gone by the report month's end."""
    first = f"DATE({start.year},{start.month},{start.day})"
    elapsed = f"EOMONTH({report_month},0)+1-{first}"
    return f"=IF({deadline}<{first},1,MIN(1,MAX(0,({elapsed})/({deadline}-{first}+1))))"


def objective_status(progress: str, expected: str, words: dict[str, str]) -> str:
    reached, on_track, at_risk = (quoted(words[key]) for key in ("reached", "on track", "at risk"))
    return (
        f'=IF({progress}="","",IF({progress}>=1,{reached},'
        f"IF({progress}>={expected},{on_track},{at_risk})))"
    )


def result_by_type(kind: str, by_type: dict[str, str], otherwise: str) -> str:
    """The cell holding an operation's result: ``by_type`` maps a type's label to a cell."""
    formula = otherwise
    for label, cell_ref in reversed(by_type.items()):
        formula = f"IF({kind}={quoted(label)},{cell_ref},{formula})"
    return "=" + formula


def verdict(result: str, target: str, cost: str, budget: str, words: dict[str, str]) -> str:
    met, over, missed = (quoted(words[key]) for key in ("met", "over budget", "missed"))
    return f"=IF({result}>={target},IF({cost}<={budget},{met},{over}),{missed})"


def count_dated(dates: str, before: int = 0) -> str:
    """The rows of a range that hold a date (a positive number), plus ``before`` counted
    elsewhere."""
    count = f'COUNTIFS({dates},">0")'
    return f"={before}+{count}" if before else f"={count}"


def count_filled(cells: str) -> str:
    """The cells of a range that hold anything."""
    return f'=COUNTIFS({cells},"<>")'


def count_matching(labels: str, label: str) -> str:
    return f"=COUNTIFS({labels},{label})"


def month_point_change(values: str, months: str, report_month: str) -> str:
    """A rate's report month against the month before, in percentage points (the difference
    times 100: 3.0 % to 3.8 % is 0.8): blank when either is blank."""
    this = at_month(values, months, report_month)
    before = at_month(values, months, f"EDATE({report_month},-1)")
    return f'=IFERROR(IF(OR({this}="",{before}=""),"",({this}-{before})*100),"")'


def rises(change: str, digits: int) -> str:
    """A conditional-format rule: ``change`` is above zero as shown to ``digits`` decimals;
    a blank is neither up nor down (Excel ranks any text above every number)."""
    return f'=IF({change}="",FALSE,ROUND({change},{digits})>0)'


def falls(change: str, digits: int) -> str:
    """A conditional-format rule: ``change`` is below zero as shown to ``digits`` decimals."""
    return f'=IF({change}="",FALSE,ROUND({change},{digits})<0)'


def short_within_plan(count: str, target: str, month: str, dates: str) -> str:
    """A conditional-format rule: a month falls short of its target within the calendar's
    plan, from the month of its first post to the month of its last, or past the last once
    the month has begun; a month before the first post, or after the last one still to come,
    is not planned yet."""
    started = f'COUNTIFS({dates},"<="&EOMONTH({month},0))>0'
    planned_or_begun = f'OR(COUNTIFS({dates},">="&{month})>0,{month}<=TODAY())'
    return f'=AND({target}<>"",{count}<{target},{started},{planned_or_begun})'
