"""count: an enumeration's stated count must match the items listed after it.

'four fundamental principles: mutual respect, good neighborliness and mutual benefit' names three.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from checker.engine import ClaimIndex
from checker.rules.base import RuleBase, Verdict, where


class CountRule(RuleBase):
    kind: Literal["count"]

    variables: ClassVar[tuple[str, ...]] = ("stated", "listed", "items", "where", "quote")

    def check(self, index: ClaimIndex) -> Iterator[Verdict]:
        for claim in index.of(*self.claims):
            items = claim.fields.get("items")
            if claim.value is None or not isinstance(items, list) or len(items) == claim.value:
                continue
            yield Verdict(
                claims=[claim],
                values={
                    "stated": claim.text,
                    "listed": len(items),
                    "items": "; ".join(str(item) for item in items),
                    "where": where(claim),
                    "quote": claim.quote,
                },
            )
