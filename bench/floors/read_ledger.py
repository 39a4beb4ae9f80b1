"""Read a French-format ledger CSV (``;``, decimal comma, NBSP thousands, ``dd/mm/yyyy``,
UTF-8 with BOM) one way, and report the seconds of the read alone (imports and, for
budgetbook, reading the budget and the mapping rules are not counted).

    python bench/floors/read_ledger.py budgetbook PROJECT  # read_actuals_file, actuals/ledger.csv
    python bench/floors/read_ledger.py pandas LEDGER.csv
    python bench/floors/read_ledger.py polars LEDGER.csv

The plain reads parse the amounts to floats and the dates to dates, as budgetbook does (to
Decimal and date, with a line for each row). pandas' C engine cannot take the non-breaking
space as its ``thousands`` separator (two bytes in UTF-8: it silently leaves the column as
text), so the amount column is read as text and converted after, as polars needs too.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

NBSP = "\u00a0"


def read_budgetbook(project: Path) -> dict:
    import polars  # noqa: F401  (imported by the reader for a large file; imports are not timed)

    from budgetbook.actuals import read_actuals_file, read_mapping
    from budgetbook.project import load_budget
    from budgetbook.tables import read_table

    config, lines = load_budget(project)
    mapping = project / "mapping.csv"  # none when the ledger names its lines
    rules, problems = (
        read_mapping(read_table(mapping, "mapping.csv"), lines) if mapping.exists() else ([], [])
    )
    if problems:
        raise SystemExit(f"mapping.csv: {problems[0]}")
    start = time.perf_counter()
    result = read_actuals_file(
        project / "actuals" / "ledger.csv", "actuals/ledger.csv", config, lines, rules, {}
    )
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "rows": result.data_rows,
        "counted": len(result.transactions),
        "not_counted": len(result.not_counted),
    }


def read_pandas(path: Path) -> dict:
    import pandas as pd

    start = time.perf_counter()
    frame = pd.read_csv(
        path,
        sep=";",
        decimal=",",
        thousands=NBSP,
        encoding="utf-8-sig",
        dtype={"Montant": str, "Compte": str},
    )
    frame["Montant"] = (
        frame["Montant"].str.replace(NBSP, "", regex=False).str.replace(",", ".", regex=False)
    ).astype(float)
    frame["Date"] = pd.to_datetime(frame["Date"], format="%d/%m/%Y")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": len(frame), "total": float(frame["Montant"].sum())}


def read_polars(path: Path) -> dict:
    import polars as pl

    start = time.perf_counter()
    frame = pl.read_csv(
        path, separator=";", schema_overrides={"Montant": pl.String, "Compte": pl.String}
    ).with_columns(
        pl.col("Date").str.strptime(pl.Date, "%d/%m/%Y"),
        pl.col("Montant")
        .str.replace_all(NBSP, "", literal=True)
        .str.replace(",", ".", literal=True)
        .cast(pl.Float64),
    )
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": len(frame), "total": float(frame["Montant"].sum())}


READERS = {"budgetbook": read_budgetbook, "pandas": read_pandas, "polars": read_polars}


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in READERS:
        print(__doc__, file=sys.stderr)
        return 2
    print("BENCH " + json.dumps(READERS[argv[0]](Path(argv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
