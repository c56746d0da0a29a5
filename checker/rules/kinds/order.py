"""order: levels that must rise over time, such as strategic -> comprehensive strategic partnership.

Claims carry a level (a key field) and a year. A higher level dated before a lower one, for the same
subjects, means one of the two years or levels is wrong.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from checker.engine import ClaimIndex
from checker.models import Claim
from checker.rules.base import RuleBase, Verdict, distinct, pairs, where


class OrderRule(RuleBase):
    kind: Literal["order"]
    field: str = Field(description="Key field holding the level.")
    ranks: list[str] = Field(min_length=2, description="Levels from lowest to highest.")

    variables: ClassVar[tuple[str, ...]] = (
        "subjects", "low_level", "high_level", "low_year", "high_year", "low_where", "high_where", "low_quote",
        "high_quote",
    )  # fmt: skip

    @model_validator(mode="after")
    def _ranks_unique(self) -> OrderRule:
        if len(set(self.ranks)) != len(self.ranks):
            raise ValueError("ranks must not repeat a level")
        return self

    def check(self, index: ClaimIndex) -> Iterator[Verdict]:
        groups: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
        for claim in index.of(*self.claims):
            if claim.value is not None and claim.key.get(self.field) in self.ranks:
                groups[tuple(claim.subjects)].append(claim)
        for claims in groups.values():
            reported: set[tuple[str, str]] = set()
            for a, b in pairs(distinct(claims, lambda c: (c.document, c.key[self.field], c.value))):
                low, high = sorted((a, b), key=lambda c: self.ranks.index(c.key[self.field]))
                if low.key[self.field] == high.key[self.field]:
                    continue
                assert low.value is not None and high.value is not None
                if high.value >= low.value or (low.id, high.id) in reported:
                    continue
                reported.add((low.id, high.id))
                yield Verdict(
                    claims=[low, high],
                    values={
                        "subjects": " / ".join(low.subjects),
                        "low_level": low.key[self.field],
                        "high_level": high.key[self.field],
                        "low_year": f"{low.value:.0f}",
                        "high_year": f"{high.value:.0f}",
                        "low_where": where(low),
                        "high_where": where(high),
                        "low_quote": low.quote,
                        "high_quote": high.quote,
                    },
                )
