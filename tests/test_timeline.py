"""The timeline shows each event once, with every source and the ordinals it was given."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEEDS
from tests.test_cli import claimcheck


def test_seed_timeline_groups_the_july_2024_visit() -> None:
    result = claimcheck("timeline", str(SEEDS), "--subject", "Xi")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    visit = lines.index(next(line for line in lines if line.startswith("2024-07  visit")))
    block = []
    for line in lines[visit + 1 :]:
        if not line.startswith(" "):
            break
        block.append(line)
    assert "Xi Jinping -> Kazakhstan" in lines[visit]
    assert sum("ordinal 5 ('fifth')" in line for line in block) == 2
    assert any("ordinal 2 ('second', within less than two years)" in line for line in block)
    assert any(line.startswith("2022-09  visit") for line in lines)
    assert not any("themed year" in line for line in lines), "--subject Xi leaves out country-level events"


def test_timeline_from_the_archive(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert claimcheck("store", "add", str(SEEDS), "--db", str(db)).returncode == 0
    result = claimcheck("timeline", "--db", str(db))
    assert result.returncode == 0
    assert "2025     themed year tourism" in result.stdout and "'next year'" in result.stdout
