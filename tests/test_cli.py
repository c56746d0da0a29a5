"""The command line: exit codes, one-line errors, formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, SEEDS


def claimcheck(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )


def test_seeds_exit_clean() -> None:
    result = claimcheck("check", str(SEEDS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s)" in result.stdout


def test_findings_exit_one_and_fail_on_never_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ndate: 2024-03-01\n---\nBilateral trade between China and Kazakhstan reached $41 billion in 2023.\n")
    (tmp_path / "b.md").write_text("---\ndate: 2024-03-02\n---\nTwo-way trade between China and Kazakhstan hit $38 billion in 2023.\n")
    failing = claimcheck("check", str(tmp_path))
    assert failing.returncode == 1
    assert "error [trade-volume-agrees]" in failing.stdout
    assert claimcheck("check", str(tmp_path), "--fail-on", "never").returncode == 0


def test_json_report_matches_its_schema(tmp_path: Path) -> None:
    report = json.loads(claimcheck("check", str(SEEDS), "--format", "json").stdout)
    schema = json.loads(claimcheck("schema", "report").stdout)
    jsonschema.validate(report, schema)
    assert report["version"] == "1.1"
    assert {"id", "path", "title", "date"} <= set(report["documents"][0])
    claim = report["claims"][0]
    assert {"id", "document", "type", "value", "unit", "period", "span", "text"} <= set(claim)
    texts = {d["id"]: Path(d["path"]).read_text(encoding="utf-8") for d in report["documents"]}
    for claim in report["claims"]:
        start, end = claim["span"]
        assert texts[claim["document"]][start:end] == claim["text"]


def test_missing_file_is_reported_and_others_still_checked(tmp_path: Path) -> None:
    result = claimcheck("check", str(SEEDS), str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert "nope.txt: no such file or directory" in result.stderr
    assert "5 document(s)" in result.stdout
    assert "Traceback" not in result.stderr


def test_invalid_utf8_names_the_position(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"Trade rose.\nIt reached \xff\xfe $4 billion.\n")
    result = claimcheck("check", str(tmp_path))
    assert result.returncode == 2
    assert "bad.txt:2:12: not valid UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


def test_stdin_with_date_override() -> None:
    text = b"China and Kazakhstan will hold a tourism year next year.\n"
    result = claimcheck("extract", "-", "--date", "2024-07-04", "--format", "json", stdin=text)
    assert result.returncode == 0, result.stderr
    (document,) = json.loads(result.stdout)
    assert document["document"]["date"] == "2024-07-04"
    assert any(m["resolved"] == "2025" for m in document["mentions"])


def test_bad_date_is_a_usage_error() -> None:
    result = claimcheck("check", str(SEEDS), "--date", "July 4")
    assert result.returncode == 2 and "--date: expected YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize(
    ("file_text", "expected"),
    [
        ("id: x\nkind: agree\n  bad: indentation\n", ":3:6: invalid YAML"),
        (
            "id: x\nkind: agreee\ndescription: d\nclaims: [trade-volume]\nmessage: m\n"
            "doc: {what: w, why: y, example: e}\n",
            "does not match any of the expected tags",
        ),
        (
            "id: x\nkind: agree\ndescription: d\nclaims: [trade-volume]\nmesage: m\n"
            "doc: {what: w, why: y, example: e}\n",
            ":5:1: mesage: unknown key 'mesage'; did you mean 'message'?",
        ),
        (
            "id: x\nkind: agree\ndescription: d\nclaims: [trade-volum]\nmessage: m\n"
            "doc: {what: w, why: y, example: e}\n",
            "did you mean 'trade-volume'?",
        ),
    ],
)
def test_broken_rule_file_stops_the_check(tmp_path: Path, file_text: str, expected: str) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    for part in ("subjects", "claims"):
        (pack / part).symlink_to(ROOT / "rules" / part)
    (pack / "checks").mkdir()
    (pack / "checks" / "broken.yaml").write_text(file_text)
    result = claimcheck("check", str(SEEDS), "--rules", str(pack))
    assert result.returncode == 2
    assert expected in result.stderr
    assert str(pack / "checks" / "broken.yaml") in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_regex_in_claim_definition_is_reported(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "claims").mkdir(parents=True)
    (pack / "claims" / "bad.yaml").write_text(
        "id: bad\ndescription: d\nvalue: {kinds: [money]}\ncue:\n  patterns: {x: '(unclosed'}\n"
    )
    result = claimcheck("check", str(SEEDS), "--rules", str(pack))
    assert result.returncode == 2
    assert "bad.yaml:5:" in result.stderr and "invalid regular expression" in result.stderr


def test_version() -> None:
    result = claimcheck("--version")
    assert result.returncode == 0 and result.stdout.startswith("claimcheck ")


def test_a_folder_without_documents_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = claimcheck("check", str(tmp_path))
    assert result.returncode == 2 and "no documents (.txt, .md) found" in result.stderr


def test_only_an_undated_article_gets_the_note_about_unresolved_references(tmp_path: Path) -> None:
    body = "Trade rose last year, up 5% from a year earlier.\n"
    (tmp_path / "dated.md").write_text(f"---\ndate: 2024-08-01\n---\n{body}", encoding="utf-8")
    (tmp_path / "undated.md").write_text(body, encoding="utf-8")
    notes = json.loads(claimcheck("check", "--format", "json", str(tmp_path)).stdout)["notes"]
    assert [(note["document"], note["message"].split(":")[0]) for note in notes] == [("undated", "undated")]
