"""budgetbook: a marketing project folder in, one live Excel workbook out.

The Python API mirrors the command line::

    from budgetbook.project import load_project
    from budgetbook.build import build_workbook

    project = load_project("samples/atelier-lune")      # read and validate, all errors at once
    summary = build_workbook("samples/atelier-lune", "book.xlsx")
"""

__version__ = "0.1.0"
