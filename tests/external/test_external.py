"""The peers' public test suites (Recognizers-Text English specs, quantulum3) through `extract`.

Every input of every file must extract without an exception, with and without a reference date, into
mentions that honour the extract contract; and each file's in-scope pass rate must stay at or above its floor
in floors.yaml. Pass rules and scope: harness.py, scope.yaml. Rates: `python -m tests.external.report`.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from functools import lru_cache
from pathlib import Path

import pytest

from checker.extract import dates, extract
from checker.extract.windows import Scan, matches
from checker.models import Granularity, Mention, MentionKind
from tests.external import harness as h

pytestmark = pytest.mark.skipif(not h.EXTERNAL.is_dir(), reason=f"peer suites not found at {h.EXTERNAL}")

SUITE_IDS = list(h.SUITES)


@lru_cache(maxsize=None)
def result(suite_id: str) -> h.FileResult:
    return h.run_file(suite_id)


@pytest.mark.parametrize("suite_id", SUITE_IDS)
def test_suite_file_loads_with_consistent_spans(suite_id: str) -> None:
    cases = h.load_cases(suite_id)
    assert cases, f"{suite_id} has no case"
    for case in cases:
        for expected in case.expected:
            assert expected.start is not None, f"#{case.index}: {expected.text!r} not found in {case.input!r}"
            assert case.input[expected.start : expected.end].lower() == expected.text.lower(), (case.index, expected)


@pytest.mark.parametrize("suite_id", SUITE_IDS)
def test_every_input_extracts_without_error(suite_id: str) -> None:
    problems = []
    for case in h.load_cases(suite_id):
        for reference in (None, case.reference or h.DEFAULT_REFERENCE):
            try:
                mentions = extract(case.input, reference_date=reference)
            except Exception as error:  # noqa: BLE001 - every failure is collected and reported
                problems.append(f"#{case.index} {case.input!r} ref={reference}: {type(error).__name__}: {error}")
                continue
            last_end = -1
            for mention in mentions:
                if mention.text != case.input[mention.start : mention.end]:
                    problems.append(f"#{case.index} {case.input!r}: text {mention.text!r} is not its span")
                if mention.start < last_end or mention.end <= mention.start:
                    problems.append(f"#{case.index} {case.input!r}: {mention.text!r} overlaps or is out of order")
                last_end = mention.end
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("suite_id", SUITE_IDS)
def test_in_scope_pass_rate_meets_floor(suite_id: str) -> None:
    floors = h.load_floors()
    assert suite_id in floors, f"floors.yaml has no entry for {suite_id}"
    floor, outcome = floors[suite_id], result(suite_id)
    if floor is None:
        assert not outcome.in_scope, f"{suite_id} now has in-scope cases: give it a floor"
        return
    rate = 100 * (outcome.in_scope_rate or 0.0)
    top = ", ".join(f"{category} {len(cases)}" for category, cases in h.failure_categories(outcome)[:5])
    assert rate >= floor, (
        f"{suite_id}: {outcome.in_scope_passed}/{len(outcome.in_scope)} in scope = {rate:.1f}% < floor {floor}% "
        f"(failures: {top}); see python -m tests.external.report --file {suite_id.rsplit('/', 1)[-1]} --failures"
    )


def test_date_leads_lose_no_match() -> None:
    """A date pattern tried only where its lead stands finds what it finds tried at every character
    (checker.extract.dates, see _MONTH_LEAD), on every peer input and fixture article as one text."""
    fixtures = [path for path in (Path(__file__).parents[2] / "fixtures").rglob("*") if path.suffix in (".md", ".txt")]
    text = "\n\n".join([*(case.input for suite_id in SUITE_IDS for case in h.load_cases(suite_id)),
                         *(path.read_text(encoding="utf-8") for path in fixtures)])  # fmt: skip
    scan = Scan(text)
    entries = [*dates.PATTERNS, *dates.RARE_PATTERNS, *dates.SPAN_PATTERNS, dates.QUARTER_PATTERN]
    led = [(pattern, lead) for _, pattern, _, lead in entries if lead is not None]
    assert len(led) > 20
    for pattern, lead in led:
        everywhere = [found.span() for found in pattern.finditer(text)]
        assert everywhere, f"no peer input exercises {pattern.pattern[:60]!r}"
        tried = [found.span() for found in matches(pattern, scan, [[0, len(text)]], (lead,), reach=dates._MATCH_REACH)]
        lost = sorted(set(everywhere) - set(tried))
        assert tried == everywhere, f"{pattern.pattern[:60]!r} loses {[text[a:b] for a, b in lost[:5]]}"


def test_floors_name_exactly_the_suite_files() -> None:
    assert set(h.load_floors()) == set(SUITE_IDS)


def test_every_scope_category_applies_to_some_case() -> None:
    """A category that matches nothing is stale (renamed file, mistyped regex) and hides nothing honestly."""
    scope = h.load_scope()
    for rule in scope.exclude + scope.ignore_results:
        for pattern in rule.files:
            assert any(fnmatch.fnmatch(s, pattern) for s in SUITE_IDS), f"{rule.id}: {pattern} matches no suite file"
        suites = [s for s in SUITE_IDS if rule.applies_to(s)]
        cases = [c for s in suites for c in h.load_cases(s) if not c.peer_skipped]
        if rule in scope.exclude:
            assert any(rule.matches_case(c) for c in cases), f"exclude/{rule.id} matches no case"
        else:
            assert any(rule.matches_result(e) for c in cases for e in c.expected), f"ignore/{rule.id} matches nothing"


# ---- the judge itself -----------------------------------------------------------------------------------------


def _mention(kind: MentionKind, text: str, start: int, **fields: object) -> Mention:
    return Mention(kind=kind, text=text, start=start, end=start + len(text), **fields)


def test_span_equality_allows_leading_qualifiers_and_function_words_only() -> None:
    text = "sales of about $ 14 million on Friday"
    assert h.span_equal(text, (9, 27), (15, 27))  # "about $ 14 million" vs "$ 14 million"
    assert h.span_equal(text, (28, 37), (31, 37))  # "on Friday" vs "Friday"
    assert not h.span_equal(text, (0, 27), (15, 27))
    assert not h.span_equal(text, (15, 19), (15, 27))


def test_timex_amounts() -> None:
    assert h.timex_amount("P20Y") == (240, 0)
    assert h.timex_amount("PT1.5H") == (0, 5400)
    assert h.timex_amount("P1W3D") == (0, 10 * 86400)
    assert h.timex_amount("P1BD") is None


def test_judge_reads_embedded_numbers_dollars_and_extras() -> None:
    number_model = h.SUITES["recognizers-text/Number/NumberModel.json"]
    text = "earn $20 or one"
    twenty = h.Expected(text="20", start=6, end=8, type="number", type_name="number", value=20)
    case = h.Case(number_model.id, 0, text, None, [twenty])
    ours = [
        _mention(MentionKind.MONEY, "$20", 5, value=20, currency="USD"),
        _mention(MentionKind.NUMBER, "one", 12, value=1),
    ]
    assert [f.category for f in h.judge(number_model, case, ours, [twenty])] == ["extra"]

    currency_model = h.SUITES["recognizers-text/NumberWithUnit/CurrencyModel.json"]
    dollars = h.Expected(text="$ 5", start=0, end=3, type="currency", type_name="currency", value=5, unit="Dollar")
    case = h.Case(currency_model.id, 0, "$ 5", None, [dollars])
    usd = _mention(MentionKind.MONEY, "$ 5", 0, value=5, currency="USD")
    assert h.judge(currency_model, case, [usd], [dollars]) == []
    wrong = h.judge(currency_model, case, [usd.model_copy(update={"currency": "CAD"})], [dollars])
    assert [f.category for f in wrong] == ["currency"]


def test_judge_dates_against_either_reading_and_flags_coarser_ones() -> None:
    parser = h.SUITES["recognizers-text/DateTime/DateParser.json"]
    friday = h.Expected(
        text="Friday", start=3, end=9, type="date", type_name="date", dates=("2016-11-04", "2016-11-11")
    )
    case = h.Case(parser.id, 0, "on Friday", dt.date(2016, 11, 7), [friday])
    ours = _mention(
        MentionKind.DATE, "on Friday", 0, resolved="2016-11-04", date_start=dt.date(2016, 11, 4),
        date_end=dt.date(2016, 11, 4), granularity=Granularity.DAY,
    )  # fmt: skip
    assert h.judge(parser, case, [ours], [friday]) == []
    month = ours.model_copy(
        update={"resolved": "2016-11", "date_end": dt.date(2016, 11, 30), "granularity": Granularity.MONTH}
    )
    assert [f.category for f in h.judge(parser, case, [month], [friday])] == ["coarser granularity"]
