"""End-to-end benchmark of `claimcheck check` on many generated articles and on the seeds.

    python bench/check.py [-n 2000] [--jobs 2] [--no-scaling] [--no-verify] [--timeout 900]

Writes N deterministic articles (bench/corpus.py) into a temporary folder, then times
`claimcheck check --fail-on never --format json -o /dev/null FOLDER` (the claimcheck next to this
interpreter) with --jobs 1 and with --jobs J, and checks that both runs write byte-identical JSON
reports. Also times the five seed articles and N/10 articles (to show how the run scales).
Prints, never asserts. See bench/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
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


def run_check(
    claimcheck: Path, target: Path, report: Path | str, timeout: float, *options: str
) -> tuple[float, int, str]:
    """Wall time, exit code and stderr's first line of one `claimcheck check --fail-on never`."""
    command = [str(claimcheck), "check", "--fail-on", "never", *options, "-o", str(report), str(target)]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, -1, f"timed out after {timeout:.0f} s"
    return time.perf_counter() - start, done.returncode, (done.stderr.strip().splitlines() or [""])[0]


def last_line(report: Path) -> str:
    lines = report.read_text(encoding="utf-8").splitlines() if report.exists() else []
    return next((line for line in reversed(lines) if line.strip()), "(no report)")


def json_summary(report: Path) -> str:
    try:
        summary = json.loads(report.read_bytes())["summary"]
    except (OSError, ValueError, KeyError) as error:
        return f"(no summary: {error})"
    return ", ".join(f"{key} {value:,}" for key, value in summary.items())


def write_articles(folder: Path, n: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in corpus.generate_articles(n):
        (folder / name).write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def timing(n: int, size: int, seconds: float, code: int, err: str) -> str:
    note = f"  stderr: {err}" if err else ""
    return (f"{seconds:7.2f} s wall (exit {code}), {n / seconds:7.1f} articles/s, "
            f"{size / seconds / 1e6:.2f} MB/s{note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--articles", type=int, default=2000, help="generated articles (default 2000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel run (default 2)")
    parser.add_argument("--no-scaling", action="store_true", help="skip the N/10 run")
    parser.add_argument("--no-verify", action="store_true", help="skip the two runs that compare the JSON reports")
    parser.add_argument("--timeout", type=float, default=900, help="seconds one check run may take")
    args = parser.parse_args()

    claimcheck = Path(sys.executable).parent / "claimcheck"
    if not claimcheck.exists():
        say(f"claimcheck not found next to {sys.executable}; install the project into this interpreter")
        return
    wall = time.perf_counter()
    version = subprocess.run([str(claimcheck), "--version"], capture_output=True, text=True).stdout.strip()
    say(f"{version}, Python {platform.python_version()} ({claimcheck}), {os.cpu_count()} CPU(s)")

    seeds = sorted(SEEDS.glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        tmp_path = Path(tmp)
        report = tmp_path / "seeds.txt"
        seconds, code, err = run_check(claimcheck, SEEDS, report, args.timeout)
        say(f"\n== seeds: {len(seeds)} articles (text report) ==")
        say(f"{seconds:.2f} s wall (exit {code}): {last_line(report)}{'  stderr: ' + err if err else ''}")

        n = args.articles
        folder = tmp_path / f"articles-{n}"
        start = time.perf_counter()
        size = write_articles(folder, n)
        say(f"\n== {n} generated articles, {size / 1e6:.1f} MB (written in {time.perf_counter() - start:.1f} s) ==")
        json_options = ("--format", "json")

        small_seconds = None
        if not args.no_scaling and n >= 20:
            small = n // 10
            small_folder = tmp_path / f"articles-{small}"
            small_size = write_articles(small_folder, small)
            small_seconds, code, err = run_check(claimcheck, small_folder, os.devnull, args.timeout, *json_options)
            say(f"{small:>5} articles, --jobs 1:  {timing(small, small_size, small_seconds, code, err)}")

        times: dict[int, float] = {}
        for jobs in (1, args.jobs):
            seconds, code, err = run_check(
                claimcheck, folder, os.devnull, args.timeout, *json_options, "--jobs", str(jobs)
            )
            times[jobs] = seconds
            say(f"{n:>5} articles, --jobs {jobs}:  {timing(n, size, seconds, code, err)}")
        say(f"speedup --jobs {args.jobs} vs --jobs 1: {times[1] / times[args.jobs]:.2f}x "
            f"({os.cpu_count()} CPU(s); interpreter startup, loading the rules and the cross-article rule "
            f"engine stay single-process)")
        if small_seconds is not None:
            say(f"scaling: {n // 10} -> {n} articles (--jobs 1) took {times[1] / small_seconds:.1f}x the time "
                f"(10x the input; ~10x is linear, startup included in both)")

        if not args.no_verify:
            say(f"\n== same report with --jobs 1 and --jobs {args.jobs}? (JSON written to temporary files) ==")
            outputs: dict[int, bytes] = {}
            for jobs in (1, args.jobs):
                path = tmp_path / f"report-jobs{jobs}.json"
                seconds, code, err = run_check(claimcheck, folder, path, args.timeout, *json_options, "--jobs", str(jobs))
                outputs[jobs] = path.read_bytes() if path.exists() else b""
                digest = hashlib.sha256(outputs[jobs]).hexdigest()[:16]
                say(f"--jobs {jobs}: {len(outputs[jobs]):,} bytes, sha256 {digest}..., "
                    f"{seconds:.2f} s wall (exit {code}){'  stderr: ' + err if err else ''}")
            identical = outputs[1] == outputs[args.jobs] and bool(outputs[1])
            say(f"byte-identical: {'yes' if identical else 'NO'}")
            say(f"report summary: {json_summary(tmp_path / 'report-jobs1.json')}")

    say(f"\ntotal benchmark time {time.perf_counter() - wall:.0f} s")


if __name__ == "__main__":
    main()
