"""Run YAML rule cases with an installed validator903 (the wheel), from outside the checkout.

    python wheel_cases.py CASES_DIR [MAX_FILES]

Exits 1 when the validator903 imported is not an installed one or a case fails. The case runner
is ``validator903.testing`` once that module exists, ``validator903.fixtures`` before.
"""
import sys
from pathlib import Path

import validator903

try:  # the public case runner (issue 9 section 4); the older internal module until it lands
    from validator903 import testing as runner
except ImportError:
    from validator903 import fixtures as runner

folder, limit = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10**9
where = Path(validator903.__file__).resolve()
if "site-packages" not in where.parts:
    sys.exit(f"validator903 imported from {where}, not from an installed wheel")
chosen = {p.name for p in sorted(folder.glob("*.yml"))[:limit]}
picked = folder / "_picked"
picked.mkdir(exist_ok=True)
for name in chosen:
    (picked / name).write_bytes((folder / name).read_bytes())
cases = runner.load_cases(picked)
failed = 0
for case in cases:
    got = {(t, r) for t, r, _ in runner.run_case_duckdb(case)}
    if got != case.expect:
        failed += 1
        print(f"FAIL {case.id}: expected {sorted(case.expect)}, got {sorted(got)}")
print(f"{len(cases) - failed} of {len(cases)} rule cases pass from the wheel ({len(chosen)} files, {where.parent})")
sys.exit(1 if failed or not cases else 0)
