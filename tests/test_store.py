"""The claim archive: idempotent adds, replacement, checks against it, and never damaging other files."""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.models import Report
from checker.pipeline import run
from checker.rules.loader import Pack
from checker.store import Store
from tests.conftest import ROOT, SEEDS
from tests.test_cli import claimcheck
from tests.test_variants import VARIANTS


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "seeds.db"
    result = claimcheck("store", "add", str(SEEDS), "--db", str(path))
    assert result.returncode == 0 and "5 added" in result.stdout
    return path


def _findings(report: Report) -> list[tuple[str, str, str, list[str]]]:
    return [(f.rule, f.severity.value, f.message, sorted(f.claims)) for f in report.findings]


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_against_the_archive_equals_checking_all_together(
    name: str, archive: Path, tmp_path: Path, pack: Pack
) -> None:
    prefix, old, new, _, _ = VARIANTS[name]
    together = tmp_path / "together"
    shutil.copytree(SEEDS, together)
    (edited,) = together.glob(f"{prefix}_*.txt")
    edited.write_text(edited.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    all_at_once, _ = run([str(together)], pack)
    alone, _ = run([str(edited)], pack, archive=Store(archive))
    assert _findings(alone) == _findings(all_at_once) != []


def test_adding_twice_changes_nothing_and_an_edit_replaces(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    claimcheck("store", "add", str(folder), "--db", str(db))
    again = claimcheck("store", "add", str(folder), "--db", str(db))
    assert "0 added, 0 replaced, 5 unchanged" in again.stdout
    (doc,) = folder.glob("004_*.txt")
    doc.write_text(doc.read_text(encoding="utf-8").replace("four fundamental", "three fundamental"), encoding="utf-8")
    replaced = claimcheck("store", "add", str(folder), "--db", str(db))
    assert "0 added, 1 replaced, 4 unchanged" in replaced.stdout
    stats = Store(db).stats()
    assert stats["documents"] == 5 and stats["claims"] == 32


@pytest.mark.parametrize("content", [b"this is not a database\n" * 10, b"SQLite format 3\x00" + b"\x00" * 200])
def test_foreign_or_corrupt_file_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "other.db"
    db.write_bytes(content)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = claimcheck("store", "add", str(SEEDS), "--db", str(db))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "archive" in result.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_another_programs_sqlite_file_is_untouched(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "app.db"
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = claimcheck("check", str(SEEDS), "--against", str(db))
    assert result.returncode == 2 and "not a claimcheck archive" in result.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_killed_add_leaves_the_archive_as_before(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert claimcheck("store", "add", str(SEEDS), "--db", str(db)).returncode == 0
    before = Store(db).stats()
    big = tmp_path / "big"
    big.mkdir()
    text = (SEEDS / next(p.name for p in SEEDS.iterdir())).read_text(encoding="utf-8")
    for number in range(400):
        (big / f"copy-{number:03}.txt").write_text(text + f"\nCopy {number}.\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "store", "add", str(big), "--db", str(db)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    time.sleep(1.5)  # mid-analysis or mid-transaction; either way nothing half-written may remain
    process.send_signal(signal.SIGKILL)
    process.wait()
    after = Store(db).stats()
    assert after == before or after["documents"] == before["documents"] + 400


def test_two_processes_adding_at_once_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    halves = [tmp_path / "one", tmp_path / "two"]
    for half in halves:
        half.mkdir()
    for number, path in enumerate(sorted(SEEDS.iterdir())):
        shutil.copy(path, halves[number % 2] / path.name)
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "checker", "store", "add", str(half), "--db", str(db)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        for half in halves
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    assert Store(db).stats()["documents"] == 5


def _archive_then_check(tmp_path: Path, old: list[str], new: str, *options: str) -> subprocess.CompletedProcess[str]:
    """Archive `old` (one sentence each, dated in March 2024) in a store, then check `new` against it."""
    db, folder = tmp_path / "a.db", tmp_path / "old"
    folder.mkdir()
    for number, sentence in enumerate(old):
        (folder / f"{'ab'[number]}.md").write_text(f"---\ndate: 2024-03-0{number + 1}\n---\n{sentence}\n")
    assert claimcheck("store", "add", str(folder), "--db", str(db)).returncode == 0
    (tmp_path / "new.md").write_text(f"---\ndate: 2024-03-09\n---\n{new}\n")
    return claimcheck("check", str(tmp_path / "new.md"), "--against", str(db), *options)


def test_against_reports_only_findings_that_involve_the_new_articles(tmp_path: Path) -> None:
    result = _archive_then_check(
        tmp_path,
        [
            "Bilateral trade between China and Kazakhstan reached $41 billion in 2023.",
            "Two-way trade between China and Kazakhstan hit $38 billion in 2023.",
        ],
        "Bilateral trade between China and Kazakhstan grew to $41 billion in 2023.",
    )
    assert result.returncode == 1, "the new figure conflicts with the archived $38 billion"
    assert "new:4" in result.stdout and "b:4" in result.stdout
    assert "a:4" not in result.stdout and "/old/a.md" not in result.stdout, "the old a-vs-b conflict is not reported"


def test_against_does_not_present_archived_sources_that_disagree_as_agreeing(tmp_path: Path) -> None:
    result = _archive_then_check(
        tmp_path,
        [f"Vietnam and Laos established diplomatic relations in {year}." for year in (1961, 1963)],
        "Vietnam and Laos established diplomatic relations in 1962.",
        "--format",
        "json",
    )
    findings = json.loads(result.stdout)["findings"]
    assert len(findings) == 2, "one per archived source: they do not agree with each other"
    assert all(len(finding["claims"]) == 2 for finding in findings)
