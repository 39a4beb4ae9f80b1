"""Words in each language: the workbook's labels and every message."""
