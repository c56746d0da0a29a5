"""Percentages: '32 percent', '38.3%', 'thirty per cent', '2 percentage points'."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.extract.numbers import NUMBER_CORE, QUALIFIER, bounds, core_value, qualifier_of
from checker.models import Mention, MentionKind

PATTERN = regex.compile(
    rf"\b{QUALIFIER}?{NUMBER_CORE}\s*(?:(?P<points>percentage\s+points?|pp\b)|(?P<percent>%|percent\b|per\s+cent\b|pct\b))",
    regex.IGNORECASE,
)


def find(text: str) -> Iterator[Mention]:
    for match in PATTERN.finditer(text):
        parsed = core_value(match)
        if parsed is None:
            continue
        value, precision, scale = parsed
        qualifier = qualifier_of(match)
        low, high = bounds(value, qualifier)
        yield Mention(
            kind=MentionKind.PERCENT,
            text=match.group(0),
            start=match.start(),
            end=match.end(),
            value=value,
            low=low,
            high=high,
            qualifier=qualifier,
            precision=precision,
            scale=scale,
            unit="percentage_point" if match.group("points") else "percent",
        )
