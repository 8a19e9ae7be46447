#!/usr/bin/env bash
# Build the wheel, install it in a fresh venv outside the checkout and run it from there, the way
# users install it: a wheel that ships no rules or dialect tables fails here (issue 15).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
py="${PYTHON:-$repo/.venv/bin/python}"
work="$(mktemp -d "${TMPDIR:-/tmp}/v903_wheel.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Built from a copy of the files git knows (tracked, or new and not ignored): setuptools' build/
# folder in the checkout would otherwise put files deleted since the last build into the wheel.
mkdir "$work/src"
"$py" - "$repo" "$work/src" <<'PY'
import shutil, subprocess, sys
from pathlib import Path
repo, dest = Path(sys.argv[1]), Path(sys.argv[2])
names = subprocess.run(["git", "-C", str(repo), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                       check=True, capture_output=True).stdout.decode().split("\0")
for name in filter(None, names):
    if (repo / name).is_file():   # a tracked file deleted in the working tree is left out
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(repo / name, dest / name)
PY
"$py" -m pip install -q build >/dev/null 2>&1 || true
if "$py" -c "import build" 2>/dev/null; then
  "$py" -m build --wheel --outdir "$work/dist" "$work/src" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
else
  "$py" -m pip wheel -q --no-deps -w "$work/dist" "$work/src" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi
# every rule source, derived relation, code list and bundled reference table ships (rules_sql/** as validator903/rules_sql/**)
"$py" - "$work/src" "$work"/dist/validator903-*.whl <<'PY'
import sys, zipfile
from pathlib import Path
src, wheel = Path(sys.argv[1]) / "rules_sql", sys.argv[2]
want = {str(p.relative_to(src)) for p in src.rglob("*") if p.suffix in (".sql", ".yml", ".csv")}
have = {n.split("validator903/rules_sql/", 1)[1] for n in zipfile.ZipFile(wheel).namelist() if "validator903/rules_sql/" in n}
if want - have:
    sys.exit(f"wheel: missing {sorted(want - have)[:5]} ({len(want - have)} files)")
if have - want:
    sys.exit(f"wheel: stale files {sorted(have - want)[:5]}")
print(f"wheel: ships all {len(want)} files of rules_sql/")
PY
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$work"/dist/validator903-*.whl >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
cp -r "$repo/tests/rule_cases" "$work/cases"
cd "$work"   # nothing of the checkout is importable from here

v="$work/venv/bin/validator903"
n=$("$v" rules --year 2025/26 --format csv | tail -n +2 | wc -l)
[ "$n" -gt 0 ] || { echo "wheel: no rules listed for 2025/26"; exit 1; }
"$v" demo --output "$work/demo" --format csv,xlsx,html,json >/dev/null
for f in errors.csv summary.csv report.xlsx report.html errors.json validation.duckdb; do
  [ -s "$work/demo/$f" ] || { echo "wheel: demo wrote no $f"; exit 1; }
done
flagged=$(($(wc -l <"$work/demo/errors.csv") - 1))
[ "$flagged" -gt 0 ] || { echo "wheel: the demo flagged nothing"; exit 1; }
"$v" show 103 --dialect tsql >/dev/null
"$work/venv/bin/python" "$repo/.ci/wheel_cases.py" "$work/cases" 12
echo "wheel: $n rules, demo flagged $flagged rows, from $(ls "$work"/dist)"
