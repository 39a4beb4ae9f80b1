"""Writing the workbook: its formulas, styles, sheets, and the files beside it."""
