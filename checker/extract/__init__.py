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
from checker.extract.numbers import PRIORITY, bounds
from checker.extract.windows import Scan
from checker.models import Mention, MentionKind, Qualifier


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
    if spans := _links(text) + _clock_times(text):
        spans.sort()
        candidates = [m for m in candidates if not _inside_link(m.start, spans)]
    candidates.sort(key=lambda m: (m.start, m.start - m.end, PRIORITY[m.kind]))
    chosen: list[Mention] = []
    last_end = -1
    for mention in candidates:
        if mention.start >= last_end and mention.end > mention.start:
            chosen.append(mention)
            last_end = mention.end
    chosen = _with_signs(chosen, text)
    joined = dates.join_years(dates.join_ranges(counts.join_figures(chosen, text), text, reference_date), text)
    return dates.anchor_narrative_days(joined, text)


# '>$3.5bn', '< 10%', '~40,000', '≥ 2 million': a table's hedges, written as signs; not after another sign ('->',
# '=>', '<<'). A '>' that opens a line is a Markdown quote.
_SIGN_BEFORE = re.compile(r"(?<![<>=~≈≥≤-])(>=|<=|[<>~≈≥≤]) ?\Z")
_LINE_OPENS = re.compile(r"(?m:^)[ \t]*\Z")
_TAG_OPENS = re.compile(r"<[A-Za-z/][^<>\n]*\Z")
_PLUS_AFTER = re.compile(r"\+(?![\w+])")  # '3,000+ companies'
_SIGNS = {
    ">": Qualifier.OVER, "<": Qualifier.UNDER, "~": Qualifier.APPROX, "≈": Qualifier.APPROX, "+": Qualifier.AT_LEAST,
    ">=": Qualifier.AT_LEAST, "≥": Qualifier.AT_LEAST, "<=": Qualifier.AT_MOST, "≤": Qualifier.AT_MOST,
}  # fmt: skip
_SIGNED = (MentionKind.MONEY, MentionKind.PERCENT, MentionKind.NUMBER, MentionKind.QUANTITY)


def _with_signs(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions with the hedge a sign before or a '+' after them states, as a word would ('more than $3.5bn')."""
    result: list[Mention] = []
    for m in mentions:
        signed = _sign_of(m, text, result[-1].end if result else 0)
        if signed is not None:
            sign, start, end = signed
            low, high = bounds(m.value, _SIGNS[sign])  # type: ignore[arg-type]
            m = m.model_copy(update={"text": text[start:end], "start": start, "end": end,
                                     "qualifier": _SIGNS[sign], "low": low, "high": high})  # fmt: skip
        result.append(m)
    return result


def _sign_of(m: Mention, text: str, free_from: int) -> tuple[str, int, int] | None:
    """The sign that hedges an exact figure, and the figure's span with it; free_from: where the previous one ends."""
    if m.kind not in _SIGNED or m.qualifier is not Qualifier.EXACT or m.low is not None or m.high is not None:
        return None
    before = _SIGN_BEFORE.search(text, max(free_from, m.start - 3), m.start)
    if before is not None and before.group(1) == ">" and (
        _LINE_OPENS.search(text, max(0, m.start - 12), before.start())
        or _TAG_OPENS.search(text, max(0, m.start - 60), before.start())
    ):
        before = None  # a Markdown quote, or the end of an HTML tag ('<strong>$3 billion')
    if before is not None:
        return before.group(1), before.start(), m.end
    after = _PLUS_AFTER.match(text, m.end) if m.kind is not MentionKind.PERCENT else None
    return ("+", m.start, after.end()) if after is not None else None


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


# '09:40 IST:', 'at 10:30 GMT', '11:05:30': a time of day, whose hours and minutes are no figures. Hours and minutes
# alone are a time only with seconds, a zone or 'a.m.' after them, 'at' or 'from' before them, or at a line's start (a
# live blog's entry): 'a 1:30 scale', 'John 3:16' and 'won 2:10' stay two numbers.
_CLOCK_TIME = re.compile(r"(?<![\d:.,])(?:[01]?\d|2[0-3]):[0-5]\d(?P<seconds>:[0-5]\d)?(?!\d|[:.,]\d)")
_ZONE_AFTER = re.compile(r"\s?(?:[AaPp]\.?[Mm]\b\.?|[A-Z]{2,4}\b|hrs?\b|h\b|local\s+time\b)")
_TIME_BEFORE = re.compile(
    r"(?:^[ \t]*|\b(?:[Aa]t|by|from|until|till|since|before|after|around|about|to|and|-|–)\s+)\Z", re.MULTILINE
)


def _clock_times(text: str) -> list[tuple[int, int]]:
    if ":" not in text:
        return []
    return [
        found.span()
        for found in _CLOCK_TIME.finditer(text)
        if found.group("seconds")
        or _ZONE_AFTER.match(text, found.end())
        or _TIME_BEFORE.search(text, max(0, found.start() - 12), found.start())
    ]


def _inside_link(position: int, links: list[tuple[int, int]]) -> bool:
    index = bisect_right(links, (position, sys.maxsize)) - 1
    return index >= 0 and links[index][0] <= position < links[index][1]


class _CallableModule(types.ModuleType):
    """`checker.extract(text)` is the public API, and `checker.extract` is also this package: make it callable."""

    def __call__(self, text: str, *, reference_date: dt.date | None = None) -> list[Mention]:
        return extract(text, reference_date=reference_date)


sys.modules[__name__].__class__ = _CallableModule
