"""The typed records that the readers produce and the computation and writers consume.

Each is defined in the module of its concept (the budget, the settings, finance's
transactions, the marketing tables, the project as read); every room imports the records it
passes on from here, as one vocabulary, whichever module defines them.
"""

from __future__ import annotations

from budgetbook.model.budget import BudgetLine, CarryOver, Period, add_months, month_key
from budgetbook.model.marketing import (
    METRICS,
    OPERATION_TYPES,
    POST_STATUSES,
    RESULT_OF_TYPE,
    ROADMAP_STATUSES,
    STOCK_METRICS,
    Initiative,
    KpiValue,
    Objective,
    Operation,
    Post,
)
from budgetbook.model.project import MappingRule, NotCounted, Project, Source
from budgetbook.model.settings import (
    SHEET_ROWS_MAX,
    ActualsFormat,
    Config,
    FileSettings,
    Limits,
    MetricFileSettings,
    Strategy,
    WorkbookOptions,
)
from budgetbook.model.transactions import (
    Conversion,
    Transaction,
    TransactionColumns,
    Transactions,
    collector_paused,
    in_date_order,
)

__all__ = [
    "METRICS",
    "OPERATION_TYPES",
    "POST_STATUSES",
    "RESULT_OF_TYPE",
    "ROADMAP_STATUSES",
    "SHEET_ROWS_MAX",
    "STOCK_METRICS",
    "ActualsFormat",
    "BudgetLine",
    "CarryOver",
    "Config",
    "Conversion",
    "FileSettings",
    "Initiative",
    "KpiValue",
    "Limits",
    "MappingRule",
    "MetricFileSettings",
    "NotCounted",
    "Objective",
    "Operation",
    "Period",
    "Post",
    "Project",
    "Source",
    "Strategy",
    "Transaction",
    "TransactionColumns",
    "Transactions",
    "WorkbookOptions",
    "add_months",
    "collector_paused",
    "in_date_order",
    "month_key",
]
