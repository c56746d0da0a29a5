"""Configuration: claimcheck.yaml or [tool.claimcheck] in pyproject.toml changes what runs and how."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

TRADE = {
    "a.md": "---\ndate: 2024-03-01\n---\nBilateral trade between China and Kazakhstan reached $41 billion in 2023.\n",
    "b.md": "---\ndate: 2024-03-05\n---\nTwo-way trade between China and Kazakhstan stood at $38 billion in 2023.\n",
}


def run_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args], capture_output=True, text=True, cwd=folder,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONPATH": str(ROOT)},
    )  # fmt: skip


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TRADE.items():
        (folder / name).write_text(text)
    return folder


def test_severity_override_and_disable(tmp_path: Path) -> None:
    articles = _articles(tmp_path)
    assert run_in(tmp_path, "check", str(articles)).returncode == 1
    (tmp_path / "claimcheck.yaml").write_text("severity: {trade-volume-agrees: warning}\n")
    softened = run_in(tmp_path, "check", str(articles))
    assert softened.returncode == 0 and "warning [trade-volume-agrees]" in softened.stdout
    (tmp_path / "claimcheck.yaml").write_text("disable: [trade-volume-agrees]\n")
    disabled = run_in(tmp_path, "check", str(articles), "--fail-on", "warning")
    assert disabled.returncode == 0 and "trade-volume-agrees" not in disabled.stdout


def test_pyproject_table_and_extra_aliases(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text("---\ndate: 2024-03-01\n---\nBilateral trade between the Middle Kingdom and KZ reached $41 billion in 2023.\n")
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\naliases = {China = ["Middle Kingdom"], Kazakhstan = ["KZ"]}\n')
    result = run_in(tmp_path, "check", str(articles), "--format", "json")
    (claim,) = json.loads(result.stdout)["claims"]
    assert claim["subjects"] == ["China", "Kazakhstan"]


def test_bare_dollar_currency(tmp_path: Path) -> None:
    articles = _articles(tmp_path)
    (tmp_path / "claimcheck.yaml").write_text("dollar: AUD\n")
    report = json.loads(run_in(tmp_path, "check", str(articles), "--format", "json").stdout)
    assert {claim["unit"] for claim in report["claims"]} == {"AUD"}


@pytest.mark.parametrize(
    ("setting", "first", "second", "expected"),
    [
        (
            "yen: JPY",
            "Bilateral trade between Japan and India reached ¥3 trillion in 2023.",
            "Bilateral trade between Japan and India reached CN¥5 billion in 2022.",
            [(5e9, "CNY"), (3e12, "JPY")],
        ),
        (
            "rupee: PKR",
            "Bilateral trade between Pakistan and China reached Rs 4.2 trillion in 2023.",
            "Bilateral trade between India and China reached 9 trillion Indian rupees in 2023.",
            [(4.2e12, "PKR"), (9e12, "INR")],
        ),
    ],
)
def test_bare_yen_and_rupee_follow_the_desk(
    tmp_path: Path, setting: str, first: str, second: str, expected: list[tuple[float, str]]
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text(f"---\ndate: 2024-03-01\n---\n{first}\n\n{second}\n", encoding="utf-8")
    (tmp_path / "claimcheck.yaml").write_text(f"{setting}\n")
    report = json.loads(run_in(tmp_path, "check", str(articles), "--format", "json").stdout)
    assert sorted((claim["value"], claim["unit"]) for claim in report["claims"]) == expected


@pytest.mark.parametrize(("setting", "unit"), [("rupee: PKR", "PKR"), ("", "INR")])
def test_a_rupee_country_named_most_does_not_override_the_desk(tmp_path: Path, setting: str, unit: str) -> None:
    """India named three times and Pakistan once: 'Rs' is India's by default, but a Pakistani desk's stays PKR."""
    articles = tmp_path / "articles"
    articles.mkdir()
    text = ("India and Pakistan held talks. India said India would reopen the border. "
            "Bilateral trade between India and Pakistan fell to Rs 50 billion in 2023.")  # fmt: skip
    (articles / "a.md").write_text(f"---\ndate: 2024-03-01\n---\n{text}\n", encoding="utf-8")
    (tmp_path / "claimcheck.yaml").write_text(f"{setting}\n")
    report = json.loads(run_in(tmp_path, "check", str(articles), "--format", "json").stdout)
    assert [claim["unit"] for claim in report["claims"]] == [unit]


def test_unknown_rule_in_configuration_is_reported(tmp_path: Path) -> None:
    (tmp_path / "claimcheck.yaml").write_text("disable: [no-such-rule]\n")
    result = run_in(tmp_path, "check", str(SEEDS))
    assert result.returncode == 2 and "unknown rule(s): no-such-rule" in result.stderr


def test_config_show_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "claimcheck.yaml").write_text("dollar: CAD\n")
    result = run_in(tmp_path, "config", "show")
    assert result.returncode == 0
    assert f"# from {tmp_path / 'claimcheck.yaml'}" in result.stdout and "dollar: CAD" in result.stdout
