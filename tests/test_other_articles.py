"""Articles about other countries: the pack is general, not tuned to the seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

from checker.models import Severity
from checker.pipeline import run
from checker.rules.loader import Pack
from tests.conftest import ROOT

OTHER = ROOT / "fixtures" / "other"


def test_other_articles_agree_and_are_read(pack: Pack) -> None:
    report, errors = run([str(OTHER)], pack)
    assert not errors and report.findings == []
    found = {(c.type, c.value, tuple(c.subjects), c.period.label if c.period else None) for c in report.claims}
    assert ("trade-volume", 240.1e9, ("China", "Russia"), "2023") in found
    assert ("trade-growth", 26.3, ("China", "Russia"), "2023") in found
    assert ("trade-volume", 73.3e9, ("China", "Russia"), "2024-01-01/2024-04-30") in found
    assert ("diplomatic-relations", 1949, ("China", "Russia"), None) in found
    assert ("visit-ordinal", 19, ("Vladimir Putin", "China"), None) in found
    assert ("trade-volume", 118e9, ("India", "United States"), "2023") in found
    levels = {c.key.get("level") for c in report.claims if c.type == "partnership-upgrade"}
    assert levels == {"comprehensive strategic of coordination", "comprehensive global strategic"}


def test_edits_to_other_articles_are_flagged(tmp_path: Path, pack: Pack) -> None:
    folder = tmp_path / "other"
    shutil.copytree(OTHER, folder)
    article = folder / "china-russia-2024-05-16.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("in 1949", "in 1950").replace("totalled $111 billion", "totalled $91 billion"))
    report, _ = run([str(folder)], pack)
    rules = {f.rule for f in report.findings if f.severity.rank >= Severity.WARNING.rank}
    assert rules == {"relations-anniversary", "trade-parts-sum"}
