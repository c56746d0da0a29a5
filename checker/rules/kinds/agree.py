"""agree: claims about the same fact (type, subjects, key, period) must state compatible figures.

Each figure stands for the interval its wording allows: '$12 billion' is 11.5-12.5 billion, 'about
$25 billion' is 25 billion +/- the approx tolerance, 'over 4,700' is above 4,700. Two claims conflict
only when their intervals cannot overlap. Running totals are compared only at nearby as-of dates.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field

from checker.engine import ClaimIndex
from checker.models import Claim, Qualifier
from checker.rules.base import RuleBase, Tolerance, Verdict, describe_value, distinct, human, pairs, where


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
            for a, b in pairs(figures):
                if self._comparable(a, b) and (verdict := self._compare(a, b)):
                    yield verdict

    def _comparable(self, a: Claim, b: Claim) -> bool:
        if a.unit != b.unit:
            return False
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
            certain=exact and not _round_figures_could_meet(a, b),
            doubt="a figure is hedged ('about', 'over')" if not exact else "round figures could meet",
        )


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
