"""Shared fixtures: the built-in pack, the seed articles, and a way to check edited copies of them."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.models import Report
from checker.pipeline import run
from checker.rules.loader import DEFAULT_PACK, Pack, load_pack

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack([DEFAULT_PACK])


@pytest.fixture(scope="session")
def seed_report(pack: Pack) -> Report:
    report, errors = run([str(SEEDS)], pack)
    assert not errors
    return report


CheckEdited = Callable[..., Report]


@pytest.fixture
def check_edited(tmp_path: Path, pack: Pack) -> CheckEdited:
    """Copy the seeds, apply one-edit replacements {prefix: (old, new)}, add extra files, and check them."""

    def _check(edits: dict[str, tuple[str, str]] | None = None, extra: dict[str, str] | None = None) -> Report:
        folder = tmp_path / "articles"
        shutil.copytree(SEEDS, folder)
        for prefix, (old, new) in (edits or {}).items():
            (path,) = folder.glob(f"{prefix}_*.txt")
            text = path.read_text(encoding="utf-8")
            assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
            path.write_text(text.replace(old, new), encoding="utf-8")
        for name, text in (extra or {}).items():
            (folder / name).write_text(text, encoding="utf-8")
        report, errors = run([str(folder)], pack)
        assert not errors
        return report

    return _check
