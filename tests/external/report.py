"""Pass rates of the peers' public test suites run through `checker.extract.extract`.

    python -m tests.external.report                 # table + top 5 failure categories per file
    python -m tests.external.report --file Currency # only files whose id contains 'Currency'
    python -m tests.external.report --failures      # also list every failing in-scope case
    python -m tests.external.report --floors        # print floors.yaml values for today's rates

Run from the repository root. Pass rules, scope and categories are documented in harness.py and scope.yaml.
"""

from __future__ import annotations

import argparse
import math
import sys
import time

from tests.external import harness as h


def _short(suite_id: str) -> str:
    return suite_id.removeprefix("recognizers-text/")


def _pct(rate: float | None) -> str:
    return "   n/a" if rate is None else f"{100 * rate:5.1f}%"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(results: dict[str, h.FileResult], floors: dict[str, int | None]) -> str:
    header = (
        f"{'file':<38} {'cases':>5} {'peer-skip':>9} {'out-of-scope':>12} {'in-scope':>8} "
        f"{'pass':>5} {'in-scope %':>10} {'floor':>5} {'all pass':>8} {'all %':>6}"
    )
    lines = [header, "-" * len(header)]
    totals = [0, 0, 0, 0, 0, 0]
    for suite_id, result in results.items():
        floor = floors.get(suite_id)
        lines.append(
            f"{_short(suite_id):<38} {result.cases:>5} {result.peer_skipped:>9} {result.out_of_scope:>12} "
            f"{len(result.in_scope):>8} {result.in_scope_passed:>5} {_pct(result.in_scope_rate):>10} "
            f"{'-' if floor is None else str(floor) + '%':>5} {result.all_passed:>8} {_pct(result.all_rate):>6}"
        )
        for i, n in enumerate(
            (result.cases, result.peer_skipped, result.out_of_scope, len(result.in_scope), result.in_scope_passed,
             result.all_passed)
        ):  # fmt: skip
            totals[i] += n
    cases, skipped, out, in_scope, passed, all_passed = totals
    lines.append("-" * len(header))
    lines.append(
        f"{'TOTAL':<38} {cases:>5} {skipped:>9} {out:>12} {in_scope:>8} {passed:>5} "
        f"{_pct(passed / in_scope if in_scope else None):>10} {'':>5} {all_passed:>8} "
        f"{_pct(all_passed / cases if cases else None):>6}"
    )
    return "\n".join(lines)


def categories(result: h.FileResult, top: int = 5, examples: int = 2) -> str:
    ranked = h.failure_categories(result)
    if not ranked:
        return "  (no in-scope failures)" if result.in_scope else "  (no in-scope cases)"
    lines = []
    for category, outcomes in ranked[:top]:
        lines.append(f"  {category}: {len(outcomes)} case(s)")
        picks = outcomes if len(outcomes) <= examples else [outcomes[0], outcomes[len(outcomes) // 2]]
        for outcome in picks[:examples]:  # the first and a middle one: the peers list near-duplicates together
            detail = next(f.detail for f in outcome.failures if f.category == category)
            lines.append(f"      {_clip(repr(outcome.case.input), 70)}  ->  {_clip(detail, 130)}")
    if len(ranked) > top:
        rest = ", ".join(f"{c} {len(o)}" for c, o in ranked[top:])
        lines.append(f"  (also: {rest})")
    return "\n".join(lines)


def failures(result: h.FileResult) -> str:
    lines = []
    for outcome in result.in_scope:
        if outcome.passed:
            continue
        ref = f" [ref {outcome.case.reference}]" if outcome.case.reference else ""
        lines.append(f"  #{outcome.case.index} {_clip(repr(outcome.case.input), 110)}{ref}")
        lines.extend(f"      {f.category}: {_clip(f.detail, 150)}" for f in outcome.failures)
    return "\n".join(lines) or "  (none)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", help="only suite files whose id contains this text")
    parser.add_argument("--failures", action="store_true", help="list every failing in-scope case")
    parser.add_argument("--floors", action="store_true", help="print floors.yaml values for the measured rates")
    args = parser.parse_args(argv)

    if not h.EXTERNAL.is_dir():
        print(f"peer suites not found at {h.EXTERNAL} (set CLAIMCHECK_EXTERNAL)", file=sys.stderr)
        return 2
    suite_ids = [s for s in h.SUITES if not args.file or args.file.lower() in s.lower()]
    if not suite_ids:
        print(f"no suite file matches {args.file!r}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results = h.run_all(suite_ids)
    elapsed = time.perf_counter() - started
    floors = h.load_floors() if h.FLOORS_FILE.exists() else {}

    print("Peer test suites through checker.extract.extract")
    print("in scope = not skipped by the peers for python/dotnet and not excluded by scope.yaml; all = every case")
    print()
    print(table(results, floors))
    for suite_id, result in results.items():
        print()
        print(f"{_short(suite_id)}: top failure categories (in-scope failing cases; 2 examples each)")
        print(categories(result))
        if args.failures:
            print(f"{_short(suite_id)}: every failing in-scope case")
            print(failures(result))
    if args.floors:
        print()
        print("# floors.yaml for today's rates (rounded down to whole percent)")
        for suite_id, result in results.items():
            rate = result.in_scope_rate
            print(f"{suite_id}: {'null' if rate is None else math.floor(100 * rate + 1e-9)}")
    print()
    print(f"{sum(r.cases for r in results.values())} cases judged in {elapsed:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
