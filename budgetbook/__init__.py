"""budgetbook: a marketing project folder in, one live Excel workbook out.

The Python API mirrors the command line::

    from budgetbook.read.project import load_project
    from budgetbook.commands.build import build_workbook

    project = load_project("samples/atelier-lune")      # read and validate, all errors at once
    summary = build_workbook("samples/atelier-lune", "book.xlsx")
"""

import os

from budgetbook.i18n.catalogue import languages

__version__ = "0.1.0"
# English and every language with a compiled catalogue (budgetbook/i18n/locale).
LANGUAGES = languages()

# polars, imported to read a large CSV file, keeps the memory it frees for ten seconds
# (jemalloc's decay), which a build would carry to its peak (120 MB more for 200,000 rows).
# One second lets a read reuse its pages and gives them back before the workbook is written;
# giving them back at once made reading a large file a fifth slower. The environment may say
# otherwise; this has no effect once polars is loaded.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:1000,muzzy_decay_ms:0")
