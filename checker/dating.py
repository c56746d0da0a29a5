"""Dates for undated documents, so their relative references ('last year') can be resolved.

A wire dateline's day first (its year from the run); then the date that dated documents give for an event
the undated one also reports (same claim type, same people), provided those dates agree; failing that, the
document's own latest explicit day or month, which only bounds the story's date from below (and not one that
bounds a state: 'until March 2023', 'since May 2021'; nor one older than a year the story names). Claims resting
on an inferred date are marked uncertain: findings about them are at most warnings.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import regex

from checker.extract.dates import clause, is_year_end, looks_future, whole_months
from checker.models import Claim, Granularity, Mention, MentionKind

SAME_EVENT_DAYS = 7  # dated reports of one event may differ by this much (time zones, multi-day visits)


SHORT_RANGE = dt.timedelta(days=92)  # 'from May 2 to June 20, 2024' dates a story like its last day; '1990-2000' not


# 'until March 2023', 'since May 2021', 'by May 2025', 'ahead of May 2 elections': a bound of some state or a
# deadline, not a day the story reports; the story was written well after the one or before the other
_BOUND = regex.compile(
    r"\b(?:until|till|before|since|by|prior\s+to|ahead\s+of|as\s+(?:of|at))\s+"
    r"(?:the\s+end\s+of\s+|(?:early|late|mid)[\s-]+)?\Z",
    regex.IGNORECASE,
)


def latest_explicit_date(mentions: list[Mention], text: str | None = None) -> dt.date | None:
    """The latest day or month the text names; with the text, not one that bounds a state or sets a deadline, nor
    one still to come ('hopes the centres will open in the spring of 2024'): the story's own date is not that,
    though a dateline's year is not before it. A day still to come long after that date leaves the story undated:
    it is written between the two, on a day the text does not give."""
    stated = [m for m in mentions if not m.relative and _dates_the_story(m)]
    dates: list[dt.date] = []
    planned: list[dt.date] = []
    for m in stated:
        day = m.date_end or m.date_start
        if day is None or (text is not None and _BOUND.search(text, max(0, m.start - 40), m.start)):
            continue
        (planned if text is not None and looks_future(text, m.start, m.end) else dates).append(day)
    latest = max(dates, default=None)
    if latest is not None and planned and max(planned) - latest > SHORT_RANGE:
        return None  # 'signed on 6 November 2023 ... the first centre will open on 20 May 2024'
    return latest


def latest_period_end(mentions: list[Mention], text: str) -> dt.date | None:
    """The end of the latest span of whole months the text reports on as past ('in the first ten months of 2025'):
    the story is written after it, though the span does not date it."""
    ends = [
        m.date_end
        for m in mentions
        if m.kind is MentionKind.DATE_RANGE and not m.relative and m.date_start and m.date_end
        and whole_months(m.date_start, m.date_end) and (m.date_end - m.date_start).days < 366
        and not looks_future(text, m.start, m.end)
    ]  # fmt: skip
    return max(ends, default=None)


def later_period(mentions: list[Mention], text: str, date: dt.date) -> Mention | None:
    """A year, half, quarter or span the text names as past or present that begins in a later year than `date`: then
    `date` is background ('established relations on July 19, 1958 ... 2023 was designated a friendship year'), and
    the story's own date is unknown."""
    for m in mentions:
        if (
            not m.relative
            and m.granularity in _PERIODS
            and m.date_start is not None
            and m.date_start.year > date.year
            and not _BOUND.search(text, max(0, m.start - 40), m.start)
            and not looks_future(text, m.start, m.end)
            and not _AIMED.search(text, *clause(text, m.start, m.end))
            and not _NAMED_BY.search(text, max(0, m.start - 30), m.start)
            and not (
                _THE.search(text, max(0, m.start - 5), m.start)
                and _NAME_AFTER.match(text, m.end)
                and _TO_COME.search(text, m.end, min(len(text), m.end + 200))
            )
        ):
            return m
    return None


# 'Their goal is trade of $100 billion in 2030': a target; 'is up for review in 2026': a date set; 'Saudi Vision
# 2030', 'Agenda 2063': a name
_AIMED = regex.compile(
    r"\b(?:goal|target|aim|vision|agenda|plan|strategy|forecast|expected|projected|should|scheduled|slated|deadline"
    r"|expire|up\s+for)s?\b",
    regex.IGNORECASE,
)
_NAMED_BY = regex.compile(
    r"\b(?!(?:In|By|From|Since|Until|During|Through|For|Of|On|At|The|Early|Late|Mid|Fiscal|Financial)\b)"
    r"\p{Lu}[\p{L}-]+\s+\Z"
)


# 'The 2030 World Cup, which the two countries will co-host': an event named by its year, said to be still to come
# (not 'attended the 2024 BRICS Summit')
_THE = regex.compile(r"\b(?i:the)\s+\Z")
_NAME_AFTER = regex.compile(r"\s+\p{Lu}")
_TO_COME = regex.compile(r"\G[^.!?]*?\b(?:will|would|shall|to\s+be\s+held|(?:is|are)\s+(?:due|set|scheduled)\s+to)\b")


_PERIODS = {Granularity.YEAR, Granularity.HALF, Granularity.QUARTER, Granularity.FISCAL_YEAR, Granularity.RANGE}


def _dates_the_story(m: Mention) -> bool:
    if m.kind is MentionKind.DATE:  # not a figure's cut-off: 'as of end-2024', '(end-2023)'
        return m.granularity in (Granularity.DAY, Granularity.MONTH) and not is_year_end(m)
    return (
        m.kind is MentionKind.DATE_RANGE
        and m.granularity is Granularity.RANGE  # not a quarter or a half of some year
        and m.date_start is not None
        and m.date_end is not None
        and m.date_end - m.date_start <= SHORT_RANGE
        and not whole_months(m.date_start, m.date_end)  # a period data cover, not an event's days
    )


def same_event_date(undated: list[Claim], dated: list[Claim]) -> tuple[dt.date, str] | None:
    """The date of an event the undated document reports, when every dated report of it agrees."""
    known: dict[tuple[str, ...], list[Claim]] = {}
    for claim in dated:
        if claim.date is not None and _names_the_day(claim):
            known.setdefault(_event(claim), []).append(claim)
    for claim in undated:
        if claim.date is not None or _event(claim) not in known:
            continue
        reports = known[_event(claim)]
        dates = [report.date for report in reports if report.date]
        if max(dates) - min(dates) > dt.timedelta(days=SAME_EVENT_DAYS):
            continue  # the same people met more than once: ambiguous
        date = Counter(dates).most_common(1)[0][0]
        sources = ", ".join(sorted({report.document for report in reports}))
        return date, f"dated {date} from the {claim.type} it reports, which {sources} date(s) {date}"
    return None


def _names_the_day(claim: Claim) -> bool:
    """Whether the claim's date is a day, not the first of a month it or a field names ('met in December 2023',
    'travelled to Cairo in February, his first visit'): a month dates no story."""
    day = claim.date.isoformat() if claim.date else None
    if claim.fields.get("date_end") not in (None, day):
        return False
    for field in claim.fields.values():
        if isinstance(field, dict) and field.get("date_start") == day:
            return field.get("date_end") in (None, day)
    return True


def _event(claim: Claim) -> tuple[str, ...]:
    return (claim.type, *claim.subjects)
