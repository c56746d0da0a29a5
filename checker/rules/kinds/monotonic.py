"""monotonic: running totals (investment since 2008, projects implemented to date) must not shrink.

Claims of one fact are ordered by their as-of dates; a later figure whose whole interval lies below an
earlier one's is reported. Totals over moving windows ('over the past 15 years') are not running totals
and are compared only with totals of the same window start.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field

from checker.engine import ClaimIndex
from checker.models import Claim
from checker.rules.base import RuleBase, Tolerance, Verdict, describe_value, distinct, where


class MonotonicRule(RuleBase):
    kind: Literal["monotonic"]
    tolerance: Tolerance = Tolerance()
    min_days_apart: int = Field(default=31, ge=0, description="Closer as-of dates are left to `agree`.")

    variables: ClassVar[tuple[str, ...]] = (
        "type", "subjects", "earlier_value", "later_value", "earlier_date", "later_date", "earlier_where",
        "later_where",
    )  # fmt: skip

    def check(self, index: ClaimIndex) -> Iterator[Verdict]:
        groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
        for claim in index.of(*self.claims):
            if claim.value is None or claim.as_of is None or not claim.certain:
                continue
            start = claim.period.start if claim.period and claim.period.start != claim.period.end else "as-of"
            groups[(*index.identity(claim), start, claim.unit)].append(claim)  # '$20 billion' and '£18 billion' apart
        for claims in groups.values():
            ordered = distinct(sorted(claims, key=lambda c: (c.as_of, c.id)), lambda c: (c.as_of, c.value))
            for earlier, later in zip(ordered, ordered[1:]):
                assert earlier.as_of and later.as_of
                if (later.as_of - earlier.as_of).days < self.min_days_apart:
                    continue
                if self.tolerance.interval(later)[1] < self.tolerance.interval(earlier)[0]:
                    yield Verdict(
                        claims=[earlier, later],
                        values={
                            "type": earlier.type,
                            "subjects": " / ".join(earlier.subjects),
                            "earlier_value": describe_value(earlier),
                            "later_value": describe_value(later),
                            "earlier_date": str(earlier.as_of),
                            "later_date": str(later.as_of),
                            "earlier_where": where(earlier),
                            "later_where": where(later),
                        },
                    )
