"""Open a workbook in headless LibreOffice with every formula recalculated on load, and save
it again as .xlsx (``budgetbook.write.libreoffice.convert``); report the seconds of the conversion.

    python bench/floors/lo_recalc.py BOOK.xlsx OUT_DIR [TIMEOUT_SECONDS]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    from budgetbook.write.libreoffice import convert

    source, out_dir = Path(argv[0]), Path(argv[1])
    timeout = float(argv[2]) if len(argv) > 2 else 600.0
    start = time.perf_counter()
    result = convert(source, out_dir, "xlsx", timeout=timeout, recalculate=True)
    seconds = time.perf_counter() - start
    print("BENCH " + json.dumps({"seconds": seconds, "bytes": result.stat().st_size}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
