"""Extractor benchmark: throughput, memory, linearity, hostile inputs, CLI startup, quantulum3.

    python bench/extract.py [--size-mb 5] [--adv-budget 10]

Installs nothing and downloads nothing; uses only the standard library and the `checker` package of the
interpreter that runs it. Prints numbers and ratios against targets; never asserts. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
MB = 1_000_000
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import corpus  # noqa: E402

from checker.extract import extract  # noqa: E402


def say(line: str = "") -> None:
    print(line, flush=True)


def best_of(runs: int, function: Callable[[], object]) -> tuple[float, object]:
    best, result = math.inf, None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:,.0f} chars/s ({chars / seconds / MB:.2f} MB/s)"


def target(value: float, limit: float) -> str:
    return "within target" if value <= limit else "ABOVE TARGET"


# -- adversarial inputs run in a child process so a runaway regex cannot stall the benchmark ----------


def fixed_size(name: str) -> int | None:
    """The size of an input whose length does not follow the requested size, else None."""
    size = len(corpus.ADVERSARIAL[name](16))
    return None if size == 16 else size


def worker(name: str, full: int, budget: float) -> None:
    """Child mode: time `name` on a ladder of sizes up to `full`, one JSON line per step.

    Steps grow by 4x from full/256. Once two steps are measured, the growth exponent between them
    predicts the next step and the full size; the ladder jumps to the full size when that is within
    budget and stops when even the next step is not.
    """
    builder = corpus.ADVERSARIAL[name]
    fixed = fixed_size(name)
    if fixed is not None:  # "1," x 100,000: one run at its own size
        full = fixed
    sizes = [full // 4**i for i in range(4, -1, -1)]  # full/256, /64, /16, /4, full
    measured: list[tuple[int, float]] = []
    index = 0
    while index < len(sizes):
        size = sizes[index]
        if len(measured) >= 2:
            (s1, t1), (s2, t2) = measured[-2], measured[-1]
            k = max(1.0, math.log(max(t2, 1e-6) / max(t1, 1e-6)) / math.log(s2 / s1))
            if t2 * (full / s2) ** k <= budget:
                size, index = full, len(sizes) - 1
            elif t2 * (size / s2) ** k > budget:
                print(json.dumps({"stop": size, "predicted": t2 * (size / s2) ** k}), flush=True)
                return
        text = builder(size)[:size]
        runs = 1 if size == full else 3
        seconds, mentions = best_of(runs, lambda: extract(text))
        measured.append((len(text), seconds))
        print(json.dumps({"size": len(text), "seconds": seconds, "mentions": len(mentions)}), flush=True)  # type: ignore[arg-type]
        index += 1


def run_worker(name: str, full: int, budget: float) -> list[dict[str, float]]:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--bytes", str(full)]
    command += ["--adv-budget", str(budget)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        out, _ = process.communicate(timeout=2 * budget + 20)
    except subprocess.TimeoutExpired:
        process.kill()
        out, _ = process.communicate()
        steps = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        return [*steps, {"timeout": 2 * budget + 20}]
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def adversarial_section(full: int, budget: float) -> None:
    normal = corpus.generate_text(full)
    normal_seconds, normal_mentions = best_of(3, lambda: extract(normal))
    per_byte = normal_seconds / len(normal)
    say(f"normal text {len(normal):,} bytes: {normal_seconds:.3f} s, {len(normal_mentions):,} mentions (best of 3)")  # type: ignore[arg-type]
    say(f"{'input':<24} {'bytes':>10} {'seconds':>10} {'ratio':>9}  note (ratio = time per byte vs normal text; target <= 3x)")
    for name in corpus.ADVERSARIAL:
        steps = run_worker(name, full, budget)
        measured = [s for s in steps if "seconds" in s]
        if not measured:
            say(f"{name:<24} {'-':>10} {'-':>10} {'-':>9}  no result ({steps})")
            continue
        last = measured[-1]
        size, seconds = int(last["size"]), last["seconds"]
        ratio = (seconds / size) / per_byte
        if size >= (fixed_size(name) or full):
            say(f"{name:<24} {size:>10,} {seconds:>10.3f} {ratio:>8.1f}x  {target(ratio, 3)}; {int(last['mentions'])} mention(s)")
            continue
        # stopped early: extrapolate from the last two steps
        note = "; ".join(
            f"{s['size']:,} B in {s['seconds']:.3f} s" for s in measured[-3:]
        )
        if len(measured) >= 2:
            (s1, t1), (s2, t2) = (measured[-2]["size"], measured[-2]["seconds"]), (size, seconds)
            k = math.log(max(t2, 1e-6) / max(t1, 1e-6)) / math.log(s2 / s1)
            goal = fixed_size(name) or full
            predicted = t2 * (goal / s2) ** max(k, 1.0)
            extra = (f"growth exponent {k:.2f}, {goal:,} B would take ~{predicted:,.0f} s "
                     f"(~{predicted / goal / per_byte:,.0f}x)")
        else:
            extra = "too slow to extrapolate"
        if any("timeout" in s for s in steps):
            extra += f"; killed after {steps[-1]['timeout']:.0f} s"
        say(f"{name:<24} {size:>10,} {seconds:>10.3f} {ratio:>8.1f}x  SUPERLINEAR, stopped ({note}); {extra}")


# -- startup ---------------------------------------------------------------------------------------------


def median_wall(command: list[str], runs: int = 5) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def startup_section() -> None:
    bin_dir = Path(sys.executable).parent
    claimcheck = bin_dir / "claimcheck"
    python_seconds, _ = median_wall([sys.executable, "-c", "pass"])
    say(f"python -c pass                 {python_seconds * 1000:8.0f} ms")
    if not claimcheck.exists():
        say(f"claimcheck not found in {bin_dir}: skipped (pip install -e . into this interpreter)")
        return
    version_seconds, _ = median_wall([str(claimcheck), "--version"])
    say(f"claimcheck --version           {version_seconds * 1000:8.0f} ms  ({version_seconds / python_seconds:.1f}x python -c pass)")
    if SEEDS:
        seconds, code = median_wall([str(claimcheck), "check", str(SEEDS[0])])
        say(f"claimcheck check {SEEDS[0].name[:12]}  {seconds * 1000:8.0f} ms  (exit code {code})")


# -- quantulum3 ------------------------------------------------------------------------------------------


def quantulum_section(text: str, slice_bytes: int = 200_000) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            start = time.perf_counter()
            from quantulum3 import parser  # type: ignore[import-not-found]
            import_seconds = time.perf_counter() - start
            start = time.perf_counter()
            parser.parse("Trade rose 32 percent to $41 billion.")  # loads unit tables and the classifier
            warm_seconds = time.perf_counter() - start
    except ImportError:
        say("quantulum3 not installed: pip install '.[bench]'")
        return
    try:
        from importlib.metadata import version

        q_version = version("quantulum3")
    except Exception:  # noqa: BLE001
        q_version = "?"
    say(f"quantulum3 {q_version}: import {import_seconds:.2f} s, first parse (loads tables) {warm_seconds:.2f} s")

    def paragraphs(chunk: str) -> list[str]:
        return [p for p in chunk.split("\n\n") if p.strip()]

    def theirs(paras: list[str]) -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return sum(len(parser.parse(p)) for p in paras)

    # quantulum3 is superlinear on one long string, so both sides get the same paragraphs one by one.
    probe = paragraphs(text[:20_000])
    probe_seconds, _ = best_of(1, lambda: theirs(probe))
    probe_chars = sum(map(len, probe))
    affordable = int(probe_chars / probe_seconds * 30)  # about 30 s at most
    chunk = text[: max(20_000, min(slice_bytes, affordable))]
    paras = paragraphs(chunk)
    chars = sum(map(len, paras))
    their_seconds, their_count = best_of(1, lambda: theirs(paras))
    our_seconds, our_count = best_of(3, lambda: sum(len(extract(p)) for p in paras))
    our_whole, _ = best_of(3, lambda: extract(chunk))
    say(f"slice: {len(chunk):,} bytes, {len(paras):,} paragraphs, each parsed separately")
    say(f"quantulum3 parser.parse: {rate(chars, their_seconds)}, {their_count:,} quantities (1 run)")
    say(f"ours per paragraph:      {rate(chars, our_seconds)}, {our_count:,} mentions (best of 3)")
    say(f"ours on the whole slice: {rate(len(chunk), our_whole)}")
    say(f"ratio ours/theirs (chars/s, same paragraphs): {their_seconds / our_seconds:.1f}x")


# -- main ------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=5.0, help="generated corpus size (default 5)")
    parser.add_argument("--adv-mb", type=float, default=1.0, help="size of each hostile input (default 1)")
    parser.add_argument("--adv-budget", type=float, default=10.0, help="seconds one hostile input may take")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--bytes", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.bytes, args.adv_budget)
        return

    wall = time.perf_counter()
    from checker import __version__

    say(f"claimcheck {__version__}, Python {platform.python_version()} ({sys.executable}), {platform.machine()}")

    say("\n== seeds ==")
    seeds = [path.read_text(encoding="utf-8") for path in SEEDS]
    seconds, found = best_of(3, lambda: [extract(text) for text in seeds])
    chars = sum(map(len, seeds))
    say(f"{len(seeds)} articles, {chars:,} chars: {seconds * 1000:.1f} ms, {rate(chars, seconds)}, "
        f"{sum(map(len, found)):,} mentions (best of 3)")  # type: ignore[arg-type]

    size = int(args.size_mb * MB)
    say(f"\n== generated corpus, {size:,} bytes, one string ==")
    start = time.perf_counter()
    text = corpus.generate_text(size)
    say(f"generated in {time.perf_counter() - start:.2f} s")
    seconds, mentions = best_of(3, lambda: extract(text))
    say(f"throughput: {rate(len(text), seconds)}, {seconds:.2f} s (best of 3)")
    say(f"mentions:   {len(mentions):,} ({len(mentions) / (len(text) / 1000):.1f} per 1000 chars)")  # type: ignore[arg-type]
    del mentions
    tracemalloc.start()
    start = time.perf_counter()
    kept = extract(text)
    traced_seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    say(f"peak memory: {peak / MB:.0f} MB allocated by Python during one extract() (tracemalloc, "
        f"{traced_seconds:.1f} s traced); input {len(text) / MB:.0f} MB; process max RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    small = text[: size // 10]
    say(f"\n== linearity: {len(small):,} vs {len(text):,} bytes (target <= 11x) ==")
    small_seconds, _ = best_of(3, lambda: extract(small))
    ratio = seconds / small_seconds
    say(f"1x: {small_seconds:.3f} s   10x: {seconds:.3f} s   ratio {ratio:.1f}x  {target(ratio, 11)}")

    adv = int(args.adv_mb * MB)
    say(f"\n== hostile inputs, {adv:,} bytes each (child process, budget {args.adv_budget:.0f} s each) ==")
    adversarial_section(adv, args.adv_budget)

    say("\n== startup (median of 5, wall clock) ==")
    startup_section()

    say("\n== quantulum3 ==")
    quantulum_section(text)

    say(f"\ntotal benchmark time {time.perf_counter() - wall:.0f} s")


if __name__ == "__main__":
    main()
