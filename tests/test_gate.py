"""CI gate behaviour: baselines that survive edits, parallel runs identical to serial ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import SEEDS
from tests.test_cli import claimcheck


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    edited = next(folder.glob("002_*.txt"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("$41 billion last year", "$38 billion last year"))
    return folder


def test_baseline_survives_inserted_lines_and_still_catches_a_new_finding(tmp_path: Path) -> None:
    folder = _articles(tmp_path)
    baseline = tmp_path / "baseline.json"
    created = claimcheck("baseline", "create", str(folder), "-o", str(baseline))
    assert created.returncode == 0 and "recorded 1 finding(s)" in created.stdout

    edited = next(folder.glob("002_*.txt"))
    edited.write_text("Editor's note: updated.\n\n   \n" + edited.read_text(encoding="utf-8").replace("  ", " "))
    known = claimcheck("check", str(folder), "--baseline", str(baseline), "--fail-on", "warning")
    assert known.returncode == 0, known.stdout
    assert "1 known finding(s) suppressed by the baseline" in known.stdout

    visits = next(folder.glob("000_*.txt"))
    visits.write_text(visits.read_text(encoding="utf-8").replace("fifth visit", "third visit"))
    new = claimcheck("check", str(folder), "--baseline", str(baseline))
    assert new.returncode == 1
    assert "[visit-timeline]" in new.stdout and "[trade-volume-agrees]" not in new.stdout


def test_broken_baseline_is_an_input_error(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{not json")
    result = claimcheck("check", str(SEEDS), "--baseline", str(baseline))
    assert result.returncode == 2 and "not a claimcheck baseline" in result.stderr


def test_parallel_run_equals_serial_run_byte_for_byte(tmp_path: Path) -> None:
    folder = _articles(tmp_path)
    serial = claimcheck("check", str(folder), "--format", "json", "--jobs", "1")
    parallel = claimcheck("check", str(folder), "--format", "json", "--jobs", "2")
    assert serial.stdout == parallel.stdout
    assert '"rule": "trade-volume-agrees"' in serial.stdout
