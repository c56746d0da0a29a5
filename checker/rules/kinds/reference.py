"""reference: claims against reference facts an expert keeps in the rule file (official statistics).

Each fact names its subjects, period, figure, unit, source, URL and publication date; a claim about the
same subjects and period whose interval cannot meet the fact's is reported with the source named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.engine import ClaimIndex
from checker.models import Claim
from checker.rules.base import RuleBase, Tolerance, Verdict, describe_value, human, where


class ReferenceFact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    subjects: list[str] = Field(min_length=1)
    period: str = Field(description="Period label as claims carry it: '2023', '2024-H1', '2024-Q1'.")
    value: float
    unit: str = Field(description="ISO 4217 currency, 'percent', or the claim's unit.")
    precision: float = Field(default=0.0, ge=0, description="Half-width of the published figure's rounding.")
    source: str
    url: str | None = None
    published: dt.date | None = None


class ReferenceRule(RuleBase):
    kind: Literal["reference"]
    facts: list[ReferenceFact] = Field(min_length=1)
    tolerance: Tolerance = Tolerance()

    variables: ClassVar[tuple[str, ...]] = (
        "type", "subjects", "period", "value", "where", "quote", "reference", "source", "url", "published",
    )  # fmt: skip

    def check(self, index: ClaimIndex) -> Iterator[Verdict]:
        for claim in index.of(*self.claims):
            if claim.value is None or claim.period is None:
                continue
            for fact in self.facts:
                if sorted(fact.subjects) != sorted(claim.subjects) or fact.period != claim.period.label:
                    continue
                if fact.unit != claim.unit:
                    continue
                low, high = self.tolerance.interval(claim)
                if low <= fact.value + fact.precision and fact.value - fact.precision <= high:
                    continue
                yield self._verdict(claim, fact)

    def _verdict(self, claim: Claim, fact: ReferenceFact) -> Verdict:
        return Verdict(
            claims=[claim],
            values={
                "type": claim.type,
                "subjects": " / ".join(claim.subjects),
                "period": fact.period,
                "value": describe_value(claim),
                "where": where(claim),
                "quote": claim.quote,
                "reference": human(fact.value, fact.unit),
                "source": fact.source,
                "url": fact.url or "",
                "published": str(fact.published or ""),
            },
        )
