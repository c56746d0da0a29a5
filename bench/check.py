"""End-to-end benchmark of `claimcheck check` on many generated articles and on the seeds.

    python bench/check.py [-n 2000] [--no-scaling] [--timeout 900]

Writes N deterministic articles (bench/corpus.py) into a temporary folder, then times one run of
`claimcheck check --fail-on never FOLDER` (the claimcheck next to this interpreter), and one on the
five seed articles. Also times N/10 articles to show how the run scales. Prints, never asserts.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT / "fixtures" / "seeds"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402


def say(line: str = "") -> None:
    print(line, flush=True)


def run_check(claimcheck: Path, target: Path, report: Path, timeout: float) -> tuple[float, int, str, str]:
    """Wall time, exit code, the report's last line and stderr's first line of one `claimcheck check`."""
    command = [str(claimcheck), "check", "--fail-on", "never", "-o", str(report), str(target)]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, -1, f"timed out after {timeout:.0f} s", ""
    seconds = time.perf_counter() - start
    lines = report.read_text(encoding="utf-8").splitlines() if report.exists() else []
    summary = next((line for line in reversed(lines) if line.strip()), "(no report)")
    return seconds, done.returncode, summary, (done.stderr.strip().splitlines() or [""])[0]


def write_articles(folder: Path, n: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in corpus.generate_articles(n):
        (folder / name).write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--articles", type=int, default=2000, help="generated articles (default 2000)")
    parser.add_argument("--no-scaling", action="store_true", help="skip the N/10 run")
    parser.add_argument("--timeout", type=float, default=900, help="seconds one check run may take")
    args = parser.parse_args()

    claimcheck = Path(sys.executable).parent / "claimcheck"
    if not claimcheck.exists():
        say(f"claimcheck not found next to {sys.executable}; install the project into this interpreter")
        return
    version = subprocess.run([str(claimcheck), "--version"], capture_output=True, text=True).stdout.strip()
    say(f"{version}, Python {platform.python_version()} ({claimcheck})")

    seeds = sorted(SEEDS.glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        tmp_path = Path(tmp)
        seconds, code, summary, err = run_check(claimcheck, SEEDS, tmp_path / "seeds.txt", args.timeout)
        say(f"\n== seeds: {len(seeds)} articles ==")
        say(f"{seconds:.2f} s wall (exit {code}): {summary}{'  stderr: ' + err if err else ''}")

        sizes = [args.articles] if args.no_scaling or args.articles < 20 else [args.articles // 10, args.articles]
        results: dict[int, float] = {}
        for n in sizes:
            folder = tmp_path / f"articles-{n}"
            start = time.perf_counter()
            size = write_articles(folder, n)
            written = time.perf_counter() - start
            say(f"\n== {n} generated articles, {size / 1e6:.1f} MB (written in {written:.1f} s) ==")
            seconds, code, summary, err = run_check(claimcheck, folder, tmp_path / f"report-{n}.txt", args.timeout)
            results[n] = seconds
            say(f"{seconds:.2f} s wall (exit {code}), {n / seconds:,.1f} articles/s, {size / seconds / 1e6:.2f} MB/s")
            say(f"report: {summary}{'  stderr: ' + err if err else ''}")
        if len(results) == 2:
            small, large = sizes
            say(f"\nscaling: {small} -> {large} articles took {results[large] / results[small]:.1f}x the time "
                f"({large // small}x the input; ~{large // small}x is linear, startup included in both)")


if __name__ == "__main__":
    main()
