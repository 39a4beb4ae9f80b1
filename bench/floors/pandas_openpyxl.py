"""Floor: the script a user would write with pandas and openpyxl for the same two sheets.

Reads ``budget.csv`` and ``actuals/ledger.csv``, sums the actuals by line and month, and writes
a Budget sheet (planned, actual and remaining per line and month, as three tables) and an
Actuals sheet (the transactions) with ``DataFrame.to_excel(engine="openpyxl")``. Values only:
no formulas, no carry-over, no mapping rules (rows without a line are left out of the sums),
no formatting. The whole process is timed; the script also reports its own seconds.

    python bench/floors/pandas_openpyxl.py PROJECT OUT.xlsx
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def write(project: Path, out: Path) -> None:
    import pandas as pd

    budget = pd.read_csv(project / "budget.csv")
    months = [column for column in budget.columns if column[:4].isdigit()]
    planned = budget.set_index("line")[months].fillna(0.0)
    actuals = pd.read_csv(project / "actuals" / "ledger.csv", parse_dates=["date"])
    actuals["month"] = actuals["date"].dt.strftime("%Y-%m")
    actual = (
        actuals.groupby(["line", "month"])["amount"]
        .sum()
        .unstack(fill_value=0.0)
        .reindex(index=planned.index, columns=months, fill_value=0.0)
    )
    remaining = planned - actual
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        row = 0
        for title, table in (("Planned", planned), ("Actual", actual), ("Remaining", remaining)):
            pd.DataFrame([[title]]).to_excel(
                writer, sheet_name="Budget", startrow=row, header=False, index=False
            )
            table.to_excel(writer, sheet_name="Budget", startrow=row + 1)
            row += len(table) + 3
        actuals.drop(columns="month").to_excel(writer, sheet_name="Actuals", index=False)


def main(argv: list[str]) -> int:
    start = time.perf_counter()
    write(Path(argv[0]), Path(argv[1]))
    print("BENCH " + json.dumps({"seconds": time.perf_counter() - start}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
