"""Text -> Mention: every figure, date and duration with its exact span.

Each family finds its candidates independently; overlaps are settled leftmost-longest, so
"about $25 billion" is one money mention, not a number inside a money mention.
"""

from __future__ import annotations

import datetime as dt
import sys
import types

from checker.extract import counts, dates, money, percent, units
from checker.extract.numbers import PRIORITY
from checker.models import Mention


def extract(text: str, *, reference_date: dt.date | None = None) -> list[Mention]:
    """All mentions in `text`, in order, none overlapping another."""
    candidates: list[Mention] = [
        *money.find(text),
        *percent.find(text),
        *dates.find(text, reference_date),
        *units.find_durations(text),
        *units.find_quantities(text),
        *counts.find_multipliers(text),
        *counts.find_ordinals(text),
        *counts.find_numbers(text),
    ]
    candidates.sort(key=lambda m: (m.start, m.start - m.end, PRIORITY[m.kind]))
    chosen: list[Mention] = []
    last_end = -1
    for mention in candidates:
        if mention.start >= last_end and mention.end > mention.start:
            chosen.append(mention)
            last_end = mention.end
    return dates.join_ranges(counts.join_figures(chosen, text), text, reference_date)


class _CallableModule(types.ModuleType):
    """`checker.extract(text)` is the public API, and `checker.extract` is also this package: make it callable."""

    def __call__(self, text: str, *, reference_date: dt.date | None = None) -> list[Mention]:
        return extract(text, reference_date=reference_date)


sys.modules[__name__].__class__ = _CallableModule
