"""agree: claims about the same fact (type, subjects, key, period) must state compatible figures.

Each figure stands for the interval its wording allows: '$12 billion' is 11.5-12.5 billion, 'about
$25 billion' is 25 billion +/- the approx tolerance, 'over 4,700' is above 4,700. Two claims conflict
only when their intervals cannot overlap. Running totals are compared only at nearby as-of dates.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from typing import ClassVar, Literal

import regex
from pydantic import Field

from checker.engine import ClaimIndex
from checker.models import Claim, Qualifier
from checker.rules.base import RuleBase, Tolerance, Verdict, describe_value, distinct, human, pairs, same_unit, where


class AgreeRule(RuleBase):
    kind: Literal["agree"]
    tolerance: Tolerance = Tolerance()
    as_of_within_days: int = Field(default=31, ge=0, description="Running totals closer than this are compared.")

    variables: ClassVar[tuple[str, ...]] = (
        "type", "subjects", "period", "a_value", "b_value", "a_where", "b_where", "a_quote", "b_quote",
        "difference", "percent", "a_interval", "b_interval",
    )  # fmt: skip

    def check(self, index: ClaimIndex) -> Iterator[Verdict]:
        groups: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
        for claim in index.of(*self.claims):
            if claim.value is not None:
                groups[index.identity(claim)].append(claim)
        for claims in groups.values():
            figures = distinct(claims, lambda c: (c.document, c.value, c.qualifier, c.precision, c.period))
            conflicts = [(a, b) for a, b in pairs(figures) if self._comparable(a, b) and self._compare(a, b)]
            yield from self._odd_ones_out(conflicts, index.archived)

    def _odd_ones_out(self, conflicts: list[tuple[Claim, Claim]], archived: frozenset[str]) -> Iterator[Verdict]:
        """One finding per figure at odds with several that do not conflict among themselves ('1962' where two
        sources say '1963'), with the figures that stand with it ('1962 (a, c) vs 1963 (b, d)'), not one per pair:
        the reader sees one disagreement and the sources on each side.

        Greedily, the figure with the most conflicts goes first; conflicts no such figure covers stay pairs. A
        conflict between two archived claims is old news (`--against`): not reported, but it still tells whether
        the sources against a figure agree.
        """
        at_odds = {frozenset((a.id, b.id)) for a, b in conflicts}
        left = [(a, b) for a, b in conflicts if not {a.id, b.id} <= archived]
        while left:
            against: dict[str, list[Claim]] = defaultdict(list)
            claim_of: dict[str, Claim] = {}
            for a, b in left:
                against[a.id].append(b)
                against[b.id].append(a)
                claim_of[a.id], claim_of[b.id] = a, b
            odd = max(
                (
                    claim_id
                    for claim_id, others in against.items()
                    if len(others) > 1 and not any(frozenset((x.id, y.id)) in at_odds for x, y in pairs(others))
                ),
                key=lambda claim_id: len(against[claim_id]),
                default=None,
            )
            if odd is None:
                for a, b in left:
                    yield self._compare(a, b)  # type: ignore[misc]
                return
            side = {claim.id for claim in against[odd]}
            twins = [
                claim_of[other]
                for other, others in against.items()
                if other != odd and frozenset((other, odd)) not in at_odds and {c.id for c in others} == side
            ]
            yield self._against_several(claim_of[odd], against[odd], twins)
            gone = {odd, *(twin.id for twin in twins)}
            left = [(a, b) for a, b in left if a.id not in gone and b.id not in gone]

    def _against_several(self, odd: Claim, others: list[Claim], twins: list[Claim]) -> Verdict:
        """One side (`odd` and its `twins`) against the other (`others`): the verdict rests on the pair it is
        surest of (or the first), and the rest of each side is listed with it."""
        ours = [odd, *twins]
        candidates = [(a, b, self._compare(a, b)) for a in ours for b in others]
        a, b, verdict = next(
            ((a, b, v) for a, b, v in candidates if v and v.certain and a.certain and b.certain), candidates[0]
        )
        assert verdict is not None
        verdict.values["a_where"] = _also(verdict.values["a_where"], a, [c for c in ours if c is not a])
        verdict.values["b_where"] = _also(verdict.values["b_where"], b, [c for c in others if c is not b])
        verdict.support = [c for c in ours + others if c is not a and c is not b]
        verdict.corroborated = [c for side in (ours, others) if _borne_out(side) for c in side]
        return verdict

    def _comparable(self, a: Claim, b: Claim) -> bool:
        if not same_unit(a, b):
            return False
        if a.document == b.document and a.quote == b.quote:
            return False  # one sentence with two figures gives two facts ('592 projects in Vietnam worth $1.98 billion,
            # while Vietnamese firms have 111 projects in Australia, worth $624 million'), never one fact twice
        if a.period is None or b.period is None:  # timeless facts (a founding year), not periods left unresolved
            return a.period is None and b.period is None and "period_text" not in a.fields | b.fields
        if a.period.label.startswith("as of") or b.period.label.startswith("as of"):
            return (
                a.period.label.startswith("as of")
                and b.period.label.startswith("as of")
                and abs((a.period.start - b.period.start).days) <= self.as_of_within_days
            )
        return a.period.label == b.period.label

    def _compare(self, a: Claim, b: Claim) -> Verdict | None:
        a_low, a_high = self.tolerance.interval(a)
        b_low, b_high = self.tolerance.interval(b)
        # Rounded figures stand for half-open intervals: 10 billion is [9.5, 10.5), 11 billion [10.5, 11.5).
        overlap = max(a_low, b_low) < min(a_high, b_high) or (a_low == a_high == b_low == b_high)
        if overlap:
            return None
        assert a.value is not None and b.value is not None
        difference = abs(a.value - b.value)
        base = max(abs(a.value), abs(b.value)) or 1.0
        exact = a.qualifier is Qualifier.EXACT and b.qualifier is Qualifier.EXACT
        return Verdict(
            claims=[a, b],
            values={
                "type": a.type,
                "subjects": " / ".join(a.subjects),
                "period": a.period.label if a.period else "",
                "a_value": describe_value(a),
                "b_value": describe_value(b),
                "a_where": where(a),
                "b_where": where(b),
                "a_quote": a.quote,
                "b_quote": b.quote,
                "difference": human(difference, a.unit),
                "percent": f"{100 * difference / base:.1f}%",
                "a_interval": _interval_text(a_low, a_high, a.unit),
                "b_interval": _interval_text(b_low, b_high, b.unit),
            },
            certain=exact and not _round_figures_could_meet(a, b) and a.document != b.document,
            doubt=(
                "a figure is hedged ('about', 'over')" if not exact
                # a story seldom gives one fact two figures; two facts the claims cannot tell apart are likelier
                else "one story gives both: they may be two facts" if a.document == b.document
                else "round figures could meet"
            ),
        )


def _borne_out(side: list[Claim]) -> bool:
    """Whether one side of a disagreement is stories that bear each other out: two or more documents give the same
    figure in sentences of their own, each unsure only of whom it is about ('Bilateral trade reached $58.4 billion
    in 2022' in two stories about Chile and China). Two wrong guesses would hardly land on one figure; a wire story
    printed twice is one guess."""
    return (
        len({c.document for c in side}) >= 2
        and len({(c.value, c.unit) for c in side}) == 1
        and all(c.certain or c.fields.get("doubts") == ["guessed subjects"] for c in side)
        and any(_worded_apart(a, b) for a, b in combinations(side, 2))
    )


def _worded_apart(a: Claim, b: Claim) -> bool:
    """Whether two claims' sentences share fewer than half their words: a story reprinted with light edits ('$' made
    'US$') is the same report, and its guess the same guess."""
    words_a, words_b = (set(_WORDS.findall(c.quote.lower())) for c in (a, b))
    return a.document != b.document and len(words_a & words_b) < 0.5 * len(words_a | words_b)


_WORDS = regex.compile(r"\p{L}+")


def _round_figures_could_meet(a: Claim, b: Claim) -> bool:
    """'$40 billion' may be rounded to tens: if reading trailing zeros loosely closes the gap, we are unsure."""
    def loose(claim: Claim) -> float:
        value = abs(claim.value or 0.0)
        step = (claim.precision or 0.0) * 2
        while step and value and value % (step * 10) == 0:
            step *= 10
        return step / 2

    assert a.value is not None and b.value is not None
    return abs(a.value - b.value) < loose(a) + loose(b)


def _interval_text(low: float, high: float, unit: str | None) -> str:
    if math.isinf(high):
        return f"above {human(low, unit)}"
    if math.isinf(low):
        return f"below {human(high, unit)}"
    if low == high:
        return human(low, unit)
    return f"{human(low, unit)} to {human(high, unit)}"


def _also(where_first: str, first: Claim, more: list[Claim]) -> str:
    """'c:9, b:13 (about $6 billion)': where the sources of one side stand, with a figure when it is written
    differently from the first's."""
    shown = describe_value(first)
    return ", ".join(
        [where_first, *(where(c) + ("" if describe_value(c) == shown else f" ({describe_value(c)})") for c in more)]
    )
