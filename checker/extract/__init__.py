"""Text -> Mention: every figure, date and duration with its exact span.

One scan reads the text's words for every family's anchors; each family then finds its candidates
independently; overlaps are settled leftmost-longest, so "about $25 billion" is one money mention, not a number
inside a money mention.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
import sys
import types
from bisect import bisect_right

from checker.extract import counts, dates, money, percent, units
from checker.extract.numbers import PRIORITY
from checker.extract.windows import Scan
from checker.models import Mention


def extract(text: str, *, reference_date: dt.date | None = None) -> list[Mention]:
    """All mentions in `text`, in order, none overlapping another."""
    # Extraction builds hundreds of thousands of small objects per megabyte and no reference cycle: the cyclic
    # collector would find nothing, and its passes over the growing heap cost 10-20% and grow faster than the input.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _extract(text, reference_date)
    finally:
        if collecting:
            gc.enable()


def _extract(text: str, reference_date: dt.date | None) -> list[Mention]:
    scan = Scan(text)
    candidates: list[Mention] = [
        *money.find(scan),
        *percent.find(scan),
        *dates.find(scan, reference_date),
        *units.find_durations(scan),
        *units.find_quantities(scan),
        *counts.find_multipliers(scan),
        *counts.find_ordinals(scan),
        *counts.find_fractions(scan),
        *counts.find_numbers(scan),
    ]
    if links := _links(text):
        candidates = [m for m in candidates if not _inside_link(m.start, links)]
    candidates.sort(key=lambda m: (m.start, m.start - m.end, PRIORITY[m.kind]))
    chosen: list[Mention] = []
    last_end = -1
    for mention in candidates:
        if mention.start >= last_end and mention.end > mention.start:
            chosen.append(mention)
            last_end = mention.end
    return dates.join_years(dates.join_ranges(counts.join_figures(chosen, text), text, reference_date), text)


# 'http://' or 'www.' in any case, led by a character class so that the scan skips ahead (IGNORECASE tried
# every position)
_URL = re.compile(r"[HhWw](?:(?<=[Hh])[Tt][Tt][Pp][Ss]?://|(?<=[Ww])[Ww][Ww]\.)[^\s<>\"]+")
_EMAIL_DOMAIN = re.compile(r"@[^\W_](?:[\w-]*\.)+[^\W\d_]{2,}\b")


def _links(text: str) -> list[tuple[int, int]]:
    """Web addresses and e-mail addresses: their digits are paths and names ('/2024/05/17/', 'desk2024@'), not
    figures. Found by their fixed parts ('http', 'www.', '@'), so a text of one long word stays linear."""
    links = [found.span() for found in _URL.finditer(text)]
    for domain in _EMAIL_DOMAIN.finditer(text):
        local = at = domain.start()
        while local > at - 64 and local > 0 and (text[local - 1].isalnum() or text[local - 1] in "._+-"):
            local -= 1
        if local < at:
            links.append((local, domain.end()))
    return sorted(links)


def _inside_link(position: int, links: list[tuple[int, int]]) -> bool:
    index = bisect_right(links, (position, sys.maxsize)) - 1
    return index >= 0 and links[index][0] <= position < links[index][1]


class _CallableModule(types.ModuleType):
    """`checker.extract(text)` is the public API, and `checker.extract` is also this package: make it callable."""

    def __call__(self, text: str, *, reference_date: dt.date | None = None) -> list[Mention]:
        return extract(text, reference_date=reference_date)


sys.modules[__name__].__class__ = _CallableModule
