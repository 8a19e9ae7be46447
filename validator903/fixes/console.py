"""What ``fix`` prints: errors before, the certain and suggested fixes, what was written, and the
errors of the corrected copy (any new one named, since a fix must never add an error)."""
from __future__ import annotations

from collections import Counter


def print_fix(result, apply: str, dry_run: bool, out, err) -> None:
    say = lambda text: out.print(text, highlight=False, markup=False)
    for f in result.failed:
        err.print(f"warning: fix failed: {f}", highlight=False, markup=False)
    for c in result.conflicts:
        err.print(f"warning: {c}", highlight=False, markup=False)
    by_rule = Counter(r for c in result.changes for r in c.rules[:1])
    say(f"errors before: {result.errors_before}")
    say(f"fixes proposed: {result.certain} certain, {result.suggested} suggested"
        + (f" (by rule: {', '.join(f'{k} {v}' for k, v in by_rule.most_common(8))})" if by_rule else ""))
    if dry_run:
        say("dry run: nothing applied; review changes.csv")
    else:
        say(f"applied ({'certain only' if apply == 'certain' else 'certain and suggested'}): {len(result.applied)}")
        say(f"errors after, validating the corrected copy: {result.errors_after}")
        if result.new_errors:
            # mostly errors the wrong value hid: 165 cannot judge MOTHER while SEX is not a valid code
            by = Counter(code for code, _t, _r in result.new_errors)
            say(f"raised only now ({len(result.new_errors)}; rules that can read the corrected values, or a "
                f"correction to review): {', '.join(f'{k} {v}' for k, v in by.most_common(10))}")
    for p in result.written:
        say(f"wrote {p}")
