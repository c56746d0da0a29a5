"""Rule authoring tools: every shipped rule's examples pass, docs are current, templates load."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.rules.explain import rules_page
from checker.rules.kinds import KINDS
from checker.rules.loader import Pack, load_pack
from checker.rules.template import template
from checker.ruletest import run_examples
from tests.conftest import ROOT
from tests.test_cli import claimcheck


def scratch_pack(tmp_path: Path, *, linked: tuple[str, ...], own: tuple[str, ...]) -> Path:
    """A rule pack folder: `linked` parts point at the built-in pack, `own` parts start empty."""
    pack = tmp_path / "pack"
    pack.mkdir()
    for part in linked:
        (pack / part).symlink_to(ROOT / "rules" / part)
    for part in own:
        (pack / part).mkdir()
    return pack


def test_every_rule_has_a_firing_and_a_quiet_example(pack: Pack) -> None:
    for rule in pack.rules:
        assert {example.expect for example in rule.examples} == {"fires", "quiet"}, rule.id


def test_shipped_rule_examples_pass(pack: Pack) -> None:
    failures = [
        f"{r.rule}: {r.example.name}: expected {r.example.expected}, found {r.found} {r.messages}"
        for r in run_examples(pack)
        if not r.passed and not r.example.todo
    ]
    assert failures == []


def test_rules_page_is_current(pack: Pack) -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_page(pack.rules), (
        "regenerate with: claimcheck rules explain --all > docs/rules.md"
    )


def test_rules_test_command_reports_a_failing_example(tmp_path: Path) -> None:
    pack = scratch_pack(tmp_path, linked=("subjects", "claims"), own=("checks",))
    rule = (ROOT / "rules" / "checks" / "trade-volume-agrees.yaml").read_text(encoding="utf-8")
    (pack / "checks" / "trade.yaml").write_text(rule.replace("$38 billion in 2023", "$41 billion in 2023"))
    result = claimcheck("rules", "test", str(pack))
    assert result.returncode == 1
    assert "FAIL    trade-volume-agrees" in result.stdout
    assert "'two dated sources disagree beyond rounding': expected 1 finding(s), found 0" in result.stdout


@pytest.mark.parametrize("kind", KINDS)
def test_new_rule_templates_validate(kind: str, tmp_path: Path) -> None:
    pack = scratch_pack(tmp_path, linked=("subjects", "claims"), own=("checks",))
    text = template(kind)
    if kind == "relative_date":
        text = text.replace("claims: [trade-volume]", "claims: [press-conference]")
    (pack / "checks" / "new.yaml").write_text(text)
    loaded = load_pack([pack])
    assert [rule.kind for rule in loaded.rules] == [kind]


def test_validate_lists_every_problem_at_once(tmp_path: Path) -> None:
    pack = scratch_pack(tmp_path, linked=("claims",), own=("checks",))
    base = (ROOT / "rules" / "checks" / "trade-volume-agrees.yaml").read_text(encoding="utf-8")
    (pack / "checks" / "a.yaml").write_text(base.replace("severity: error", "severty: error"))
    (pack / "checks" / "b.yaml").write_text(base.replace("kind: agree", "kind: agreement"))
    (pack / "checks" / "c.yaml").write_text(base)
    (pack / "checks" / "d.yaml").write_text(base)
    result = claimcheck("rules", "validate", str(pack))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert any("a.yaml:4:1: severty: unknown key 'severty'; did you mean 'severity'?" in line for line in lines)
    assert any("b.yaml" in line and "'agreement'" in line for line in lines)
    assert any("d.yaml:1:5: duplicate id 'trade-volume-agrees', first defined at" in line for line in lines)


def test_catastrophic_cue_pattern_is_rejected_with_its_position(tmp_path: Path) -> None:
    pack = scratch_pack(tmp_path, linked=(), own=("claims",))
    (pack / "claims" / "slow.yaml").write_text(
        "id: slow\ndescription: d\nvalue: {kinds: [money]}\ncue:\n  patterns: {x: '(\\w+\\s?)+trade'}\n"
    )
    result = claimcheck("rules", "validate", str(pack))
    assert result.returncode == 2
    assert "slow.yaml:5:" in result.stderr and "exponential time" in result.stderr


def test_a_new_claim_type_and_rule_need_no_python(tmp_path: Path) -> None:
    """An expert's pipeline-capacity claim in bcm, with a rule on it, from a temporary folder only."""
    pack = scratch_pack(tmp_path, linked=("subjects",), own=("claims", "checks"))
    (pack / "claims" / "pipeline-capacity.yaml").write_text(
        "id: pipeline-capacity\n"
        "description: Yearly capacity of a gas pipeline between two countries.\n"
        "value: {kinds: [quantity], unit: 'meter ** 3'}\n"
        "cue:\n  patterns: {capacity: '(?i)\\bcapacity\\b'}\n  position: before\n  within_words: 6\n"
        "subjects:\n  - {role: partners, kind: country, count: 2, position: sentence, fallback: document}\n"
        "cumulative: true\nperiod: {source: as_of}\n"
    )
    (pack / "checks" / "pipeline-capacity-agrees.yaml").write_text(
        "id: pipeline-capacity-agrees\nkind: agree\ndescription: Sources agree on pipeline capacity.\n"
        "claims: [pipeline-capacity]\nmessage: '{a_value} ({a_where}) vs {b_value} ({b_where})'\n"
        "doc: {what: w, why: y, example: e}\n"
    )
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text(
        "---\ndate: 2024-05-01\n---\nThe pipeline from Russia to China has a capacity of 38 bcm a year.\n"
    )
    (articles / "b.md").write_text(
        "---\ndate: 2024-05-03\n---\nThe pipeline linking Russia and China has a capacity of 38 billion cubic metres.\n"
    )
    (articles / "c.md").write_text(
        "---\ndate: 2024-05-04\n---\nThe pipeline from Russia to China has a capacity of 61 bcm.\n"
    )
    quiet = claimcheck("check", str(articles / "a.md"), str(articles / "b.md"), "--rules", str(pack), "--format", "json")
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    import json

    claims = json.loads(quiet.stdout)["claims"]
    assert [(c["type"], c["value"], c["unit"]) for c in claims] == [("pipeline-capacity", 38e9, "meter ** 3")] * 2
    loud = claimcheck("check", str(articles), "--rules", str(pack))
    assert loud.returncode == 1
    assert "[pipeline-capacity-agrees]" in loud.stdout


def test_reference_pack_layers_on_the_built_in_pack() -> None:
    """A desk's reference facts live in their own folder, added with a second --rules."""
    reference = ROOT / "fixtures" / "packs" / "reference"
    result = claimcheck("rules", "test", str(ROOT / "rules"), str(reference))
    assert result.returncode == 0, result.stdout
    assert "PASS    trade-volume-reference (2 examples)" in result.stdout


def test_unknown_message_placeholder_points_at_the_message_line(tmp_path: Path) -> None:
    pack = scratch_pack(tmp_path, linked=("claims",), own=("checks",))
    base = (ROOT / "rules" / "checks" / "enumeration-count.yaml").read_text(encoding="utf-8")
    (pack / "checks" / "a.yaml").write_text(base.replace("{listed} are listed", "{counted} are listed"))
    result = claimcheck("rules", "validate", str(pack))
    line = 1 + base.splitlines().index(next(l for l in base.splitlines() if l.startswith("message:")))
    assert f"a.yaml:{line}:1: message: Value error, unknown placeholder(s) ['counted']" in result.stderr


def test_a_derive_order_must_name_another_binding(tmp_path: Path) -> None:
    pack = scratch_pack(tmp_path, linked=("claims",), own=("checks",))
    base = (ROOT / "rules" / "checks" / "trade-parts-sum.yaml").read_text(encoding="utf-8")
    assert "order: exports" in base
    (pack / "checks" / "a.yaml").write_text(base.replace("order: exports", "order: export"))
    result = claimcheck("rules", "validate", str(pack))
    assert result.returncode == 2
    assert "bind.imports.order names no other binding: 'export'" in result.stderr


@pytest.mark.parametrize("field", ["not_by", "exclude"])
@pytest.mark.parametrize("pattern", ["abc(def", "abc)|(def"])
def test_a_broken_pattern_is_refused_however_it_is_used(field: str, pattern: str) -> None:
    """'abc)|(def' compiles once wrapped as an anchored pattern ('(?:abc)|(def)\\s*$'), but the author's text is no
    pattern: it is checked on its own too."""
    from pydantic import ValidationError

    from checker.claims.definitions import ClaimDefinition

    data = {"id": "x", "description": "d", "value": {"kinds": ["money"]}, "cue": {"patterns": {"x": "trade"}}}
    with pytest.raises(ValidationError, match="invalid regular expression"):
        ClaimDefinition.model_validate({**data, field: [pattern]})
