"""The district bureau's window (区级工作台): roster, imports, conflicts, duplicates, report."""
