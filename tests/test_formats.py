"""The CI report formats: SARIF (schema-valid, exact regions), GitHub workflow commands, JUnit XML, Markdown."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from checker.models import Document, Report
from checker.report import github, junit, markdown, sarif
from checker.rules.loader import Pack
from tests.conftest import ROOT, CheckEdited

SARIF_SCHEMA = ROOT.parent / "shared" / "external" / "sarif" / "sarif-schema-2.1.0.json"
EXTRA = "---\ndate: 2024-02-01\n---\nTwo-way trade between China and Kazakhstan reached $38 billion in 2023.\n"
HEDGED = "---\ndate: 2024-02-01\n---\nTrade between China and Kazakhstan was about $30 billion in 2021.\n"
COMMAND = re.compile(r"^::(?P<command>error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)$")


@pytest.fixture
def report(check_edited: CheckEdited, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    """F1 error: 003 '$41 billion' vs x.md '$38 billion' (2023); F2 warning: 002 '$41 billion' vs y.md 'about $30
    billion' (2021). Paths relative."""
    monkeypatch.chdir(tmp_path)
    result = check_edited({"002": ("$41 billion last year", "$41 billion in 2021")}, {"x.md": EXTRA, "y.md": HEDGED})
    for document in result.documents:
        document.path = str(Path(document.path).relative_to(tmp_path))
    assert [(f.rule, f.severity.value) for f in result.findings] == [
        ("trade-volume-agrees", "error"),
        ("trade-volume-agrees", "warning"),
    ]
    return result


def _document(report: Report, stem: str) -> Document:
    (document,) = [d for d in report.documents if d.id.startswith(stem)]
    return document


def _with_message(report: Report, message: str, finding: int = 0) -> Report:
    copy = report.model_copy(deep=True)
    copy.findings[finding].message = message
    return copy


def _position(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the only occurrence of needle, computed independently of Document."""
    assert text.count(needle) == 1
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


# --- SARIF ------------------------------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(report: Report, pack: Pack) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"official SARIF 2.1.0 schema not found at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    for log in (json.loads(sarif.render(report)), json.loads(sarif.render(report.model_copy(update={"rules": []})))):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
        assert errors == []
        assert log["version"] == "2.1.0"
        assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
        (run,) = log["runs"]
        assert run["tool"]["driver"]["name"] == "claimcheck"
        assert run["tool"]["driver"]["version"] == report.tool_version
        assert [r["level"] for r in run["results"]] == ["error", "warning"]
        assert [r["ruleId"] for r in run["results"]] == ["trade-volume-agrees"] * 2
        assert [r["partialFingerprints"]["claimcheck/v1"] for r in run["results"]] == [
            f.fingerprint for f in report.findings
        ]
        assert run["results"][1]["properties"]["confidence"] == "medium"


def test_sarif_rules_metadata_comes_from_the_report_and_degrades_without_it(report: Report, pack: Pack) -> None:
    rule = next(r for r in pack.rules if r.id == "trade-volume-agrees")
    (described,) = json.loads(sarif.render(report))["runs"][0]["tool"]["driver"]["rules"]
    assert described["id"] == "trade-volume-agrees"
    assert described["shortDescription"]["text"] == rule.description
    assert described["fullDescription"]["text"] == rule.doc.what
    assert rule.doc.why in described["help"]["text"] and rule.doc.example in described["help"]["text"]
    assert described["defaultConfiguration"]["level"] == "error"
    bare = json.loads(sarif.render(report.model_copy(update={"rules": []})))["runs"][0]["tool"]["driver"]["rules"]
    assert bare == [{"id": "trade-volume-agrees"}]


def test_sarif_regions_slice_the_document_text_to_the_claim(report: Report) -> None:
    by_uri = {d.path: d for d in report.documents}
    claims = {c.id: c for c in report.claims}
    results = json.loads(sarif.render(report))["runs"][0]["results"]
    seen = []
    for result, finding in zip(results, report.findings, strict=True):
        assert len(result["locations"]) == len(finding.claims) == 2
        for location, claim_id in zip(result["locations"], finding.claims, strict=True):
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            document = by_uri[physical["artifactLocation"]["uri"]]
            region = physical["region"]
            lines = document.text.split("\n")
            start = sum(len(line) + 1 for line in lines[: region["startLine"] - 1]) + region["startColumn"] - 1
            end = sum(len(line) + 1 for line in lines[: region["endLine"] - 1]) + region["endColumn"] - 1
            assert document.text[start:end] == region["snippet"]["text"] == claims[claim_id].text
            assert (start, end) == tuple(claims[claim_id].span)
            seen.append((physical["artifactLocation"]["uri"], region["startLine"], region["snippet"]["text"]))
    assert seen == [
        ("articles/003_159bf453b18760f3.txt", 15, "$41 billion"),
        ("articles/x.md", 4, "$38 billion"),
        ("articles/002_fea6ed7a0f481679.txt", 9, "$41 billion"),
        ("articles/y.md", 4, "about $30 billion"),
    ]
    assert results[0]["locations"][1]["physicalLocation"]["region"]["startColumn"] == _position(
        _document(report, "x").text, "$38 billion"
    )[1]


def test_sarif_paths_stdin_and_absolute(report: Report, tmp_path: Path) -> None:
    copy = report.model_copy(deep=True)
    _document(copy, "x").path = "-"
    outside = _document(copy, "003")
    outside.path = str(tmp_path.parent / "elsewhere" / "003 a.txt")
    result = json.loads(sarif.render(copy))["runs"][0]["results"][0]
    first, second = (loc["physicalLocation"]["artifactLocation"] for loc in result["locations"])
    assert first == {"uri": (tmp_path.parent / "elsewhere" / "003 a.txt").as_uri()}
    assert first["uri"].startswith("file:///") and "003%20a.txt" in first["uri"]
    assert second == {"uri": "stdin", "uriBaseId": "%SRCROOT%"}
    inside = report.model_copy(deep=True)
    _document(inside, "003").path = str(tmp_path / "articles" / "003_159bf453b18760f3.txt")
    location = json.loads(sarif.render(inside))["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "articles/003_159bf453b18760f3.txt"


# --- GitHub workflow commands -----------------------------------------------------------------------


def _unescape_property(value: str) -> str:
    return value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def _unescape_data(value: str) -> str:
    return value.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match["properties"].split(","))
    return match["command"], {k: _unescape_property(v) for k, v in properties.items()}, _unescape_data(match["message"])


def test_github_commands_point_at_the_first_claim(report: Report) -> None:
    lines = github.render(report).splitlines()
    assert len(lines) == 2
    (command, properties, message), (command2, properties2, _) = (_parse(line) for line in lines)
    line, column = _position(_document(report, "003").text, "$41 billion.")
    assert (command, command2) == ("error", "warning")
    assert properties == {
        "file": "articles/003_159bf453b18760f3.txt",
        "line": str(line),
        "col": str(column),
        "endLine": str(line),
        "endColumn": str(column + len("$41 billion") - 1),
        "title": "trade-volume-agrees",
    }
    assert line == 15
    assert properties2["file"] == "articles/002_fea6ed7a0f481679.txt" and properties2["line"] == "9"
    x_line, x_column = _position(_document(report, "x").text, "$38 billion")
    assert message == f"{report.findings[0].message}\nOther claim(s): articles/x.md:{x_line}:{x_column} “$38 billion”"


def test_github_escaping_round_trips(report: Report) -> None:
    tricky = "50% off, really: yes\nsecond line\r\nthird %0A literal, a:b"
    copy = _with_message(report, tricky)
    _document(copy, "003").path = "dir,1/a:b%c.txt"
    out = github.render(copy)
    assert out.count("\n") == 2  # one command per line, whatever the message holds
    command, properties, message = _parse(out.splitlines()[0])
    assert command == "error"
    assert properties["file"] == "dir,1/a:b%c.txt"
    assert "file=dir%2C1/a%3Ab%25c.txt," in out
    assert message.split("\nOther claim(s): ")[0] == tricky
    assert github.escape_data(tricky) == "50%25 off, really: yes%0Asecond line%0D%0Athird %250A literal, a:b"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_clean_report_is_empty(seed_report: Report) -> None:
    assert github.render(seed_report) == ""


# --- JUnit ------------------------------------------------------------------------------------------


def test_junit_suites_per_document_with_failures(report: Report) -> None:
    root = ET.fromstring(junit.render(_with_message(report, "bad\x01 char & <tag>")).encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("7", "4")
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert sorted(suites) == sorted(d.path for d in report.documents)
    assert len(root.findall(".//failure")) == 4
    x = suites["articles/x.md"]
    assert (x.get("tests"), x.get("failures")) == ("1", "1")
    (case,) = x.findall("testcase")
    assert case.get("name") == "trade-volume-agrees"
    (failure,) = case.findall("failure")
    assert failure.get("type") == "error"
    assert failure.get("message") == "bad\ufffd char & <tag>"
    assert "Two-way trade between China and Kazakhstan reached $38 billion in 2023." in (failure.text or "")
    first = suites["articles/003_159bf453b18760f3.txt"].find("testcase/failure")
    assert first is not None and first.get("type") == "error" and "F1" in first.text and "F2" not in first.text
    assert suites["articles/002_fea6ed7a0f481679.txt"].find("testcase/failure").get("type") == "warning"
    assert suites["articles/y.md"].find("testcase/failure").get("type") == "warning"
    clean = suites["articles/000_55e9fcd968524c2c.txt"]
    assert (clean.get("tests"), clean.get("failures")) == ("1", "0")
    assert [c.get("name") for c in clean.findall("testcase")] == ["claimcheck"]
    assert clean.find(".//failure") is None


def test_junit_clean_report_passes(seed_report: Report) -> None:
    root = ET.fromstring(junit.render(seed_report).encode("utf-8"))
    assert (root.get("tests"), root.get("failures")) == ("5", "0")
    assert root.find(".//failure") is None


# --- Markdown ---------------------------------------------------------------------------------------


def test_markdown_table_and_quotes(report: Report) -> None:
    text = markdown.render(report)
    assert text.startswith("## claimcheck\n")
    assert "7 document(s) · 34 claim(s) · 1 error(s) · 1 warning(s)" in text
    assert "| Severity | Rule | Where | Message |\n| --- | --- | --- | --- |\n" in text
    rows = [line for line in text.splitlines() if line.startswith("| error") or line.startswith("| warning")]
    assert len(rows) == 2
    assert rows[0].startswith("| error | trade-volume-agrees | articles/003\\_159bf453b18760f3.txt:15<br>articles/x.md:4 |")
    assert "> Two-way trade between China and Kazakhstan reached **\\$38 billion** in 2023." in text
    assert "No findings." not in text


def test_markdown_escapes_pipes_and_newlines_in_cells(report: Report) -> None:
    text = markdown.render(_with_message(report, "a | b\nc"))
    row = next(line for line in text.splitlines() if line.startswith("| error"))
    assert row.endswith("| a \\| b<br>c |")
    assert len(re.findall(r"(?<!\\)\|", row)) == 5  # four cells, no stray separators


def test_markdown_clean_report(seed_report: Report) -> None:
    text = markdown.render(seed_report)
    assert "No findings." in text
    assert "| Severity |" not in text
    assert "5 document(s) · 32 claim(s) · 0 error(s) · 0 warning(s)" in text


def test_claimreview_has_the_properties_schema_org_and_search_engines_require(report: Report) -> None:
    from checker.report import claimreview

    reviews = json.loads(claimreview.render(report))
    errors = [f for f in report.findings if f.severity.value == "error"]
    assert len(reviews) == len(errors) >= 1
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] and review["url"].startswith("file://")
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"]["@type"] == "CreativeWork"
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["alternateName"].startswith("Contradicted by")
        assert review["author"] == {"@type": "Organization", "name": "claimcheck"}
