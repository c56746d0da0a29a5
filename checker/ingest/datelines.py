"""Wire datelines: 'BEIJING, July 4, 2024 /PRNewswire/ --', 'New Delhi, Dec 17 (PTI)', '(ANSA) - TUNIS, APR 17 -'.

One grammar serves both readers: ingest dates a document by its first dateline, and the claims stage keeps a
dateline's date out of the claims (it says when the copy was filed, not when anything happened).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import regex

_MONTHS = "january february march april may june july august september october november december".split()


def _month_forms(name: str) -> str:
    """How datelines write a month: 'July', 'JULY', 'Jul.', 'JAN'; AP's 'Sept.' too."""
    forms = [name, name.upper(), rf"{name[:3]}\.?", rf"{name[:3].upper()}\.?"]
    if name == "September":
        forms += [r"Sept\.?", r"SEPT\.?"]
    return "|".join(forms)


_MONTH = "|".join(_month_forms(month.capitalize()) for month in _MONTHS)
_DAY = (
    rf"(?:(?P<month>{_MONTH})[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<month>{_MONTH}))"
)
# A place is capitalised words, with the small words of place names between them ('Santiago de Chile'); a
# sentence's first words ('On Tuesday, May 5 (local time)') are not one
_WORD = r"\p{Lu}[\p{L}.'’-]{0,30}"
_PARTICLE = r"(?:de|da|del|do|dos|das|di|du|la|le|el|al|of|upon|am|an|der|sur|en)"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|{_PARTICLE})){{0,4}}"
_NOT_PLACE = (  # as a sentence begins: 'THE HAGUE' is a place
    r"(?:On|In|At|By|From|Since|Until|Before|After|Last|Next|This|That|The|And|But|Then|Also|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATELINE = regex.compile(
    r"^[ \t]*(?:\([^)\n]{1,20}\)[ \t]*[-–—][ \t]*)?"  # an agency first: '(ANSA) - '
    rf"(?!{_NOT_PLACE})(?P<place>{_NAME})"
    rf"(?:[ \t]*\[[^\]\n]{{1,30}}\])?(?:,[ \t]*{_NAME})?,[ \t]*"  # 'New Delhi [India]', 'SOCHI, Russia'
    rf"(?P<date>{_DAY}(?:,?[ \t]*(?P<year>\d{{4}})\b)?)[ \t]*"
    # what ends it: a dash or colon, maybe after the agency ('(Reuters) -', '(APP):', '/PRNewswire/ --'), or the
    # agency alone ('(PTI) India on Sunday ...'), named in capitals
    # ('Schedule, May 5 (Monday):' and 'Phase Two, May 5 - June 10' are no datelines)
    rf"(?P<end>(?:\((?!{_WEEKDAY}\))[^)\n]{{1,40}}\)[ \t]*|/[^/\n]{{1,40}}/[ \t]*)?\.?[ \t]*[-–—:]"
    rf"(?![ \t]*(?:{_MONTH}|\d))|\((?!{_WEEKDAY}\))\p{{Lu}}[\p{{L}}&./ -]{{0,30}}\))?",
    regex.M,
)


class Dateline(NamedTuple):
    span: tuple[int, int]  # where its date stands ('July 4, 2024')
    month: int
    day: int
    year: int | None


def find_datelines(text: str, start: int = 0, end: int | None = None) -> Iterator[Dateline]:
    """Every dateline at the start of a line, in order. A place in capitals with a year needs nothing after it
    ('BEIJING, July 4, 2024'); any other needs its dash, colon or agency ('Oslo, Oct 9 (Reuters) -')."""
    for match in _DATELINE.finditer(text, start, len(text) if end is None else end):
        year = match.group("year")
        if not match.group("end") and not (year and match.group("place").isupper()):
            continue
        yield Dateline(match.span("date"), month_number(match.group("month")), int(match.group("day")),
                       int(year) if year else None)  # fmt: skip


def month_number(name: str) -> int:
    return [month[:3] for month in _MONTHS].index(name[:3].lower()) + 1
