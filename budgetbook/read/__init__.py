"""Reading finance's files: `sources` declares each shape of file budgetbook knows."""
