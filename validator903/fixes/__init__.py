"""Suggested fixes: corrections proposed for flagged rows, declared with their rule (``fix:`` in
the rule file's metadata), reviewed in changes.csv before anything changes.

spec.py     the ``fix:`` declaration -> one portable SELECT per fix (local run and warehouse view)
propose.py  runs those SELECTs over a finished run: the ``fixes`` table of validation.duckdb
csv_edit.py rewrites only the changed cells of a CSV, every other byte as it was
command.py  ``validator903 fix``: validate, propose, write OUT, validate the fixed copy
cases.py    the YAML fix cases (tests/fix_cases): input rows, expected changes, re-validation
"""
