"""derive: arithmetic between claims, e.g. 'up 32% to $41bn' against last year's figure, parts against a total.

`bind` names claims: the first binding is the anchor (every claim of its type is tried); the others are
claims of the same subjects, in any order, and the same key (growth 'in baht terms' is not checked
against amounts in dollars), whose period is the anchor's shifted by `year` (0: the same period, -1:
the year before); `order` asks for another binding's subjects in its order (a country's exports and its
imports: the same economy first). `expect` is `left = right` in a small arithmetic language (no eval).
Every figure stands for the interval its wording allows, so a finding means no reading of the rounded
figures can make both sides equal. When several claims could fill a binding, the rule stays quiet if any
choice fits.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.engine import ClaimIndex
from checker.models import Claim
from checker.rules.base import RuleBase, Tolerance, Verdict, human, same_unit, where
from checker.rules.expression import ExpressionError, Interval, Node, evaluate, names, parse, show

MAX_COMBINATIONS = 32


class Binding(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    claim: str = Field(description="Claim type.")
    year: int = Field(default=0, description="Period offset in years from the anchor's period.")
    order: str | None = Field(
        default=None,
        description="Another binding whose claim must name the same subjects in the same order: 'imports' with "
        "order 'exports' pairs a country's imports with its own exports, not its partner's.",
    )


class DeriveRule(RuleBase):
    kind: Literal["derive"]
    bind: dict[str, Binding] = Field(min_length=2, description="Name -> claim; the first is the anchor.")
    expect: str = Field(description="'left = right', e.g. 'current = previous * (1 + growth / 100)'.")
    tolerance: Tolerance = Tolerance()
    stated_apart: Literal["keep", "warning"] = Field(
        default="keep",
        description="warning: a finding whose other claims stand in different sentences is at most a warning; parts "
        "stated apart may come from two statistics (a country's imports and its partner's exports of the same goods).",
    )

    variables: ClassVar[tuple[str, ...]] = (
        "subjects", "period", "left", "right", "left_value", "right_value", "left_range", "right_range",
        "arithmetic", "sources",
    )  # fmt: skip

    @model_validator(mode="after")
    def _expression_is_sound(self) -> DeriveRule:
        sides = re.split(r"==?", self.expect)
        if len(sides) != 2:
            raise ValueError("expect must be 'left = right'")
        try:
            nodes = [parse(side) for side in sides]
        except ExpressionError as error:
            raise ValueError(str(error)) from None
        unknown = set().union(*(names(node) for node in nodes)) - set(self.bind)
        if unknown:
            raise ValueError(f"expect uses unbound name(s) {sorted(unknown)}; bound: {sorted(self.bind)}")
        unread = {binding.claim for binding in self.bind.values()} - set(self.claims)
        if unread:
            raise ValueError(f"bind uses claim type(s) {sorted(unread)} missing from `claims`")
        for name, binding in self.bind.items():
            if binding.order is not None and (binding.order == name or binding.order not in self.bind):
                raise ValueError(f"bind.{name}.order names no other binding: {binding.order!r}")
        return self

    def _sides(self) -> tuple[str, str, Node, Node]:
        left, right = (side.strip() for side in re.split(r"==?", self.expect))
        return left, right, parse(left), parse(right)

    def check(self, index: ClaimIndex) -> Iterator[Verdict]:
        """One verdict per set of other claims that no reading of the figures fits; anchors that say the same
        figure ('$109.4 billion' in three stories) against the same others are one finding, the rest its support."""
        reported: dict[tuple[object, ...], Verdict] = {}
        for verdict in self._verdicts(index):
            anchor, *others = verdict.claims
            same = (anchor.value, anchor.qualifier, anchor.unit, *(claim.id for claim in others))
            if (first := reported.get(same)) is None:
                reported[same] = verdict
            elif anchor.certain and not first.claims[0].certain:  # the surer statement of the figure leads
                verdict.support = [first.claims[0], *first.support]
                reported[same] = verdict
            else:
                first.support.append(anchor)
        yield from reported.values()

    def _verdicts(self, index: ClaimIndex) -> Iterator[Verdict]:
        left_text, right_text, left, right = self._sides()
        (anchor_name, anchor_binding), *others = self.bind.items()
        for anchor in index.of(anchor_binding.claim):
            if anchor.value is None or anchor.period is None:
                continue
            options = [[anchor]]
            same = sorted(anchor.subjects)
            for _, binding in others:
                label = _shift(anchor.period.label, binding.year)
                options.append(
                    [
                        c
                        for c in index.of(binding.claim)
                        if c is not anchor and c.value is not None and sorted(c.subjects) == same
                        and c.key == anchor.key and c.period is not None and c.period.label == label
                    ]  # fmt: skip
                )
            if not all(options):
                continue
            names_in_order = [anchor_name, *(name for name, _ in others)]
            failure: tuple[tuple[int, int], dict[str, Claim], Interval, Interval] | None = None
            for chosen in itertools.islice(itertools.product(*options), MAX_COMBINATIONS):
                money = [c for c in chosen if c.unit and c.unit.isupper()]
                if any(not same_unit(money[0], c) for c in money[1:]):
                    continue  # yen and euros do not add up without a rate, which no source gives
                claims = dict(zip(names_in_order, chosen, strict=True))
                if any(claims[name].subjects != claims[b.order].subjects for name, b in self.bind.items() if b.order):
                    continue  # the UAE's exports to Kenya are Kenya's imports from the UAE, not Kenya's exports
                values = {name: Interval(*self.tolerance.interval(claim)) for name, claim in claims.items()}
                left_range, right_range = evaluate(left, values), evaluate(right, values)
                if left_range.overlaps(right_range):
                    failure = None
                    break
                # the surest parts show the failure: stated with no doubt, then in the fewest stories
                rank = (sum(not claim.certain for claim in chosen), len({claim.document for claim in chosen}))
                if failure is None or rank < failure[0]:
                    failure = (rank, claims, left_range, right_range)
            if failure is not None:
                yield self._verdict(anchor, *failure[1:], left_text, right_text, left, right)

    def _verdict(
        self,
        anchor: Claim,
        claims: dict[str, Claim],
        left_range: Interval,
        right_range: Interval,
        left_text: str,
        right_text: str,
        left: Node,
        right: Node,
    ) -> Verdict:
        stated = {name: claim.value or 0.0 for name, claim in claims.items()}
        unit = next((c.unit for c in claims.values() if c.unit and c.unit.isupper()), anchor.unit)
        values: dict[str, Any] = {
            "subjects": " / ".join(anchor.subjects),
            "period": anchor.period.label if anchor.period else "",
            "left": left_text,
            "right": right_text,
            "left_value": human(evaluate(left, _points(stated)).middle, unit),
            "right_value": human(evaluate(right, _points(stated)).middle, unit),
            "left_range": f"{human(left_range.low, unit)} to {human(left_range.high, unit)}",
            "right_range": f"{human(right_range.low, unit)} to {human(right_range.high, unit)}",
            "arithmetic": f"{show(left, stated)} vs {show(right, stated)}",
            "sources": "; ".join(f"{name} = {claim.text} ({where(claim)})" for name, claim in claims.items()),
        }
        # parts stated in sentences of their own may come from two statistics ('INEGI recorded imports of ...'
        # next to Chinese customs' total)
        parts = [claim for claim in claims.values() if claim is not anchor]
        apart = self.stated_apart == "warning" and len({(claim.document, claim.quote) for claim in parts}) > 1
        return Verdict(
            claims=list(claims.values()), values=values, certain=not apart,
            doubt="the parts are stated apart and may come from different statistics" if apart else "",
        )  # fmt: skip


def _points(values: dict[str, float]) -> dict[str, Interval]:
    return {name: Interval(value, value) for name, value in values.items()}


def _shift(label: str, years: int) -> str:
    """'2023' -> '2022' for years=-1; '2024-H1' -> '2023-H1', '2024-07' -> '2023-07', 'FY2024' -> 'FY2023'. Other
    labels (ranges, open periods such as '2017-01-01/..') have no year-earlier twin: they get a label no claim has."""
    if not years:
        return label
    match = re.fullmatch(r"(FY)?(\d{4})(-H[12]|-Q[1-4]|-\d{2})?", label)
    if match is None:
        return f"{label}{years:+d}y"
    return f"{match.group(1) or ''}{int(match.group(2)) + years}{match.group(3) or ''}"
