"""Dates, relative dates and date ranges, resolved against the document date.

Absolute: 'March 9, 2021', '9 March 2021', 'October 2020', '2021-03-09', 'in 2008', 'the 1990s'.
Relative: 'next year', 'last month', 'on Wednesday', 'In March', 'a decade ago', 'today'.
Ranges: 'over the past 10 years', 'since 2008', '2008-2014', 'the first half of 2021', 'Q1 2023'.
A relative mention without a reference date keeps `relative=True` and no resolved value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator

import regex

from checker.extract.lazy import lazy_re, lazy_regex
from checker.extract.numbers import (
    ALL_SCALES,
    NEGATED,
    NUMBER_WORD,
    NUMERAL,
    POSSESSIVE,
    RANGE_LEAD,
    TENS,
    UNITS,
    NumberParseError,
    follows_change,
    parse_number_words,
    parse_numeral,
)
from checker.extract.windows import Anchor, Scan, matches, starts, union, windows
from checker.models import Granularity, Mention, MentionKind

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]  # fmt: skip
_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH = rf"(?P<month>{'|'.join(MONTHS)}|(?:{'|'.join(_MONTH_ABBR)})\.?)"
# Next to a day number or a year a month name may be lower case ('april 22', 'june 2016'); alone it may not
# ('may', 'march' are verbs), except full names after 'in', 'since', ... that are never verbs.
MONTH_ANY = rf"(?P<month>(?i:{'|'.join(MONTHS)}|(?:{'|'.join(_MONTH_ABBR)})\.?))"
_SAFE_LOWER = [m.lower() for m in MONTHS if m not in ("May", "March")]
MONTH_BARE = rf"(?P<month>{'|'.join(MONTHS)}|(?:{'|'.join(_MONTH_ABBR)})\.?|{'|'.join(_SAFE_LOWER)})"
# After a year: capitalised, or lower case but never 'may' / 'march' ('in 2016 may rise')
MONTH_YEARLESS = rf"(?P<month>{'|'.join(MONTHS)}|(?:{'|'.join(_MONTH_ABBR)})\.?|{'|'.join(_SAFE_LOWER)}|(?:{'|'.join(a.lower() for a in _MONTH_ABBR if a != 'Mar')})\.?)"
MONTH2 = MONTH.replace("?P<month>", "?P<month2>")
_A_MONTH = rf"(?:{'|'.join(MONTHS)}|(?:{'|'.join(_MONTH_ABBR)})\b)"
WEEKDAY = rf"(?P<weekday>(?i:{'|'.join(WEEKDAYS)}))"
YEAR = r"(?P<year>(?:1[6-9]|20|21)\d{2})"
DAY_NUMBER = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORDINAL_DAYS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_DAY_WORD = (
    r"(?P<dayword>(?i:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|twenty[\s-](?:one|two|three|four|five|six|seven|eight|nine)|thirty[\s-]one"
    rf"|{'|'.join(sorted(_ORDINAL_DAYS, key=len, reverse=True))}))"
)
DAY = rf"(?:{DAY_NUMBER}|{_DAY_WORD})"
WEEKDAY_ANY = (
    r"(?P<weekday>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?))"
)

# Short weekday names are words too ('Sun', 'Sat', 'Wed'): read only as the two ends of 'from Tue to Thur'
_WD_ABBR = r"(?P<weekday>(?:Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun))"
_WD_ABBR2 = r"(?:Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun)"


def _day_of(match: regex.Match[str]) -> int | None:
    if match.group("day"):
        return int(match.group("day"))
    words = regex.split(r"[\s-]+", match.group("dayword").lower())
    tens = {"twenty": 20, "thirty": 30}.get(words[0], 0) if len(words) == 2 else 0
    last = words[-1]
    if last in _ORDINAL_DAYS:
        day = tens + _ORDINAL_DAYS[last]
    else:
        try:
            day = int(parse_number_words(" ".join(words)))
        except NumberParseError:
            return None
    return day if 1 <= day <= 31 else None


def _weekday_index(name: str) -> int:
    return [d[:3] for d in WEEKDAYS].index(name[:3].capitalize())
COUNT = rf"(?P<count>{NUMERAL}|(?i:{NUMBER_WORD})(?:-(?i:{NUMBER_WORD}))?|(?i:(?:a\s+)?few)|(?i:an?))"
SPAN_UNIT = r"(?P<unit>(?i:years?|decades?|months?|weeks?|days?|centur(?:y|ies)))"
_SEP = r"\s*(?:-|–|—|(?i:to|through|until|till))\s*"

_FUTURE = lazy_regex(
    # not 'met Xi the next day': a story's next day is as past as its other days
    r"\b(?:will|shall|upcoming|forthcoming|next(?!\s+(?:day|morning|afternoon|evening|night)\b)|to be held|"
    r"is set to|are set to|plans? to|planned|"
    r"expected to|is to|are to|going to|scheduled|expects?|forecasts?|predicts?|projected to|aims? to|"
    r"(?:is|are) due to|preparing to|poised to)\b|\w['’]ll\b",
    regex.IGNORECASE,
)
# A verb in the past before a date: 'met', 'held talks', 'signed'; '-ed' forms that are no past ('need', 'speed',
# 'red', 'proceed' end the verb list's words too rarely to matter: the future must also follow 'and' or 'but')
_PAST_VERB = lazy_regex(
    r"\b(?:\w{2,}ed|met|held|said|told|made|took|gave|saw|went|came|spoke|began|won|led|paid|sent|left|flew|sat|"
    r"wrote|struck|brought|sought|found|set|hit|put|cut)\b",
    regex.IGNORECASE,
)
# Words before a date that speak of an intent or a report of one, beside _FUTURE's own: 'are slated to hold ... on
# Tuesday and will sign', 'said they would meet on Tuesday and will sign' ('may', lower case: not the month)
_INTENDED = lazy_regex(
    r"\b(?:(?i:would|could|might|should|slated|headed|expected|set\s+to|due\s+to|about\s+to|intends?\s+to|hopes?\s+to"
    r"|wants?\s+to|ready\s+to|agreed\s+to)|may)\b"
)
_FUTURE_JOINED = lazy_regex(
    r"\b(?i:and|but)\s+(?:(?i:also|then|later|again|both|they|he|she|it|we)\s+)?(?P<future>" + _FUTURE.pattern + ")"
)
# 'The visit ends on Friday', 'talks resume Monday': the present of a timetable speaks of days to come
_SCHEDULED_RIGHT_BEFORE = lazy_regex(
    r"\b(?:ends|begins|starts|opens|closes|concludes|resumes|wraps\s+up|returns\s+home"
    r"|(?:departs|leaves)(?:\s+for\s+\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*)?)?)(?:\s+on)?\s+\Z",
    regex.IGNORECASE,
)
_CLAUSE_END = lazy_regex(r"[!?;:—\n]|[.,](?!\d)")  # not the ',' or '.' inside '$1,200' or '3.5'
# 'X said on Tuesday it will ...': the day is when it was said, however the sentence goes on ('the winner will be
# announced in November' is a passive future, not a report).
_REPORTED_RIGHT_BEFORE = lazy_regex(
    r"(?<!\bbe\s+)\b(?:said|told|announced|reported|stated|added|noted|confirmed|declared|wrote|revealed|disclosed|unveiled"
    r"|pledged|promised|vowed|agreed|decided|warned)\s+\Z",
    regex.IGNORECASE,
)

Resolver = Callable[[regex.Match[str], dt.date | None, str], "Resolution | None"]
Resolution = tuple[dt.date | None, dt.date | None, Granularity, bool]  # start, end, granularity, relative
# A date pattern: the kind it finds, the pattern, its resolver, and its lead (where its matches can begin: see
# _MONTH_LEAD), or None where `regex` finds its beginnings faster by itself
DatePattern = tuple[MentionKind, regex.Pattern[str], Resolver, Anchor | None]

_YEAR_PRECEDERS = {
    "in", "since", "by", "from", "until", "till", "through", "to", "of", "and", "or", "between", "before",
    "after", "during", "early", "late", "mid", "end", "start", "beginning", "year", "for", "as", "than", "the",
    "fiscal", "around", "circa", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "spring", "summer", "autumn", "fall", "winter",
}  # fmt: skip
_YEAR_FOLLOWERS = {
    "and", "to", "was", "is", "were", "saw", "when", "as", "after", "before", "through", "until", "with",
    "in", "on", "at", "for", "the", "compared", "onwards", "onward", "alone", "level", "levels", "figure",
    "figures", "data", "budget", "target", "census", "elections", "election", "summit", "season", "edition",
}  # fmt: skip


_DAY = dt.timedelta(days=1)
_MONDAY_TO_SUNDAY = dt.timedelta(days=6)


def _month_number(name: str) -> int:
    return [m[:3] for m in MONTHS].index(name[:3].capitalize()) + 1


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _shift(date: dt.date, unit: str, amount: float) -> dt.date:
    """Move a date by whole units; months clamp to the month's last day."""
    unit = unit.lower().rstrip("s")
    if unit in ("centurie", "century"):
        unit, amount = "year", amount * 100
    if unit == "decade":
        unit, amount = "year", amount * 10
    if unit == "week":
        return date + dt.timedelta(days=round(7 * amount))
    if unit == "day":
        return date + dt.timedelta(days=round(amount))
    months = round(amount * 12) if unit == "year" else round(amount)
    total = date.year * 12 + (date.month - 1) + months
    year, month = divmod(total, 12)
    year = min(max(year, 1), 9999)
    return dt.date(year, month + 1, min(date.day, calendar.monthrange(year, month + 1)[1]))


def _count(text: str) -> float | None:
    text = text.lower()
    if text in ("a", "an"):
        return 1.0
    if text.endswith("few"):
        return 3.0  # the peers read 'a few days ago' as three
    try:
        return parse_numeral(text) if text[0].isdigit() else parse_number_words(text)
    except NumberParseError:
        return None


def looks_future(text: str, start: int, end: int) -> bool:
    """Whether the clause around a span speaks of the future (decides 'on Wednesday', 'in March').

    The clause, not the sentence: in "trade will grow, Xi said on Wednesday" the weekday is past.
    """
    if _REPORTED_RIGHT_BEFORE.search(text, max(0, start - 15), start):
        return False
    opens, closes = clause(text, start, end)
    if (future := _FUTURE.search(text, opens, closes)) is None:
        return False
    if future.start() < start or not _PAST_VERB.search(text, opens, start) or _INTENDED.search(text, opens, start):
        return True
    # 'met the press on Wednesday and will meet again next year': a later verb's future, joined by 'and'
    later = _FUTURE_JOINED.search(text, end, closes)
    return later is None or later.start("future") != future.start()


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: up to the nearest `. ! ? ; : , —` or line break each side, within 200 characters."""
    left = max(0, start - 200)
    right = min(len(text), end + 200)
    boundaries = [m.end() for m in _CLAUSE_END.finditer(text, left, start)]
    stop = _CLAUSE_END.search(text, end, right)
    return boundaries[-1] if boundaries else left, stop.start() if stop else right


def _nearest_weekday(reference: dt.date, weekday: int, future: bool, mode: str) -> dt.date:
    delta = weekday - reference.weekday()
    if mode == "this":
        return reference + dt.timedelta(days=delta)
    if mode == "next":
        return reference + dt.timedelta(days=delta + 7)
    if mode in ("coming", "upcoming"):
        return reference + dt.timedelta(days=(delta % 7) or 7)
    if mode in ("last", "past", "previous"):
        return reference - dt.timedelta(days=(-delta % 7) or 7)
    if future:
        return reference + dt.timedelta(days=delta % 7)
    return reference - dt.timedelta(days=-delta % 7)


_VERB_MONTH_CONTEXT = lazy_regex(r"(?:^|\b(?:on|by|until|till|since|from|of|the|before|after|in|to|and|through)\s+)$")


def _resolve_day(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    written = match.group("month")
    if written in ("may", "march", "mar") and not match.group("year"):
        after = text[match.end() : match.end() + 2].strip()
        if after[:1].isalnum() and not _VERB_MONTH_CONTEXT.search(text[max(0, match.start() - 10) : match.start()]):
            return None  # 'they may 2 go': a verb, not a month
    month = _month_number(match.group("month"))
    day = _day_of(match)
    if day is None:
        return None
    if match.group("year"):
        year = int(match.group("year"))
    elif reference is None:
        return None, None, Granularity.DAY, True
    elif (weekday := match.groupdict().get("weekday")) and (year := _year_of_weekday(month, day, weekday, reference)):
        pass  # 'Wednesday, July 10': the year in which July 10 is a Wednesday
    else:
        future = looks_future(text, match.start(), match.end())
        year = _year_for_month(month, reference, future, day)
        if month == 2 and day == 29:  # 'Feb 29' without a year: the nearest leap year in the clause's direction
            while not calendar.isleap(year):
                year += 1 if future else -1
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None, None, Granularity.DAY, True  # no such day: a date, but nothing to resolve it to
    return date, date, Granularity.DAY, match.group("year") is None


def _year_of_weekday(month: int, day: int, weekday: str, reference: dt.date) -> int | None:
    """The year, within half a year of the reference, in which the day falls on `weekday`; None if there is none.

    A weekday that fits no nearby year is left to the clause's tense, so a wrong weekday stays visible.
    """
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if abs((date - reference).days) <= 183 and date.weekday() == _weekday_index(weekday):
            return year
    return None


def _resolve_weekday_day(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'Friday the 15th': the day of the month nearest the reference that falls on that weekday."""
    day = _day_of(match)
    if day is None:
        return None
    if reference is None:
        return None, None, Granularity.DAY, True
    weekday = _weekday_index(match.group("weekday"))
    candidates = []
    for shift in range(-14, 15):
        total = reference.year * 12 + reference.month - 1 + shift
        try:
            date = dt.date(total // 12, total % 12 + 1, day)
        except ValueError:
            continue
        if date.weekday() == weekday:
            candidates.append(date)
    if not candidates:
        return None
    future = looks_future(text, match.start(), match.end())
    best = min(candidates, key=lambda d: (abs((d - reference).days), (d < reference) == future))
    return best, best, Granularity.DAY, True


def _year_for_month(month: int, reference: dt.date, future: bool, day: int = 1) -> int:
    if future:
        return reference.year if (month, day) >= (reference.month, reference.day) else reference.year + 1
    return reference.year if (month, day) <= (reference.month, reference.day) else reference.year - 1


def _resolve_iso(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    try:
        date = dt.date(int(match.group("year")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None
    return date, date, Granularity.DAY, False


def _resolve_month(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    month = _month_number(match.group("month"))
    if match.group("year"):
        year = int(match.group("year"))
    elif reference is None:
        return None, None, Granularity.MONTH, True
    else:
        lead = match.group(0).split(None, 1)[0].lower()
        if lead == "this":
            year = reference.year  # 'this September' is the current year's, past or to come
        else:
            future = lead == "next" or (lead != "last" and looks_future(text, match.start(), match.end()))
            year = _year_for_month(month, reference, future, 1)
    return dt.date(year, month, 1), _month_end(year, month), Granularity.MONTH, match.group("year") is None


def _resolve_weekday(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    if reference is None:
        return None, None, Granularity.DAY, True
    weekday = _weekday_index(match.group("weekday"))
    mode = (match.group("mode") or "").lower()
    if mode == "following":
        if _THE_BEFORE.search(text, max(0, match.start() - 5), match.start()):
            return None, None, Granularity.DAY, True  # 'on the following Friday': the Friday after a day of the story
        mode = "next"  # 'on following Friday', said as 'next Friday'
    future = looks_future(text, match.start(), match.end()) or bool(
        _SCHEDULED_RIGHT_BEFORE.search(text, max(0, match.start() - 30), match.start())
    )
    date = _nearest_weekday(reference, weekday, future, mode)
    return date, date, Granularity.DAY, True


_THE_BEFORE = lazy_regex(r"\b(?i:the)\s+$")
_FOLLOWER = lazy_regex(r"\s+([a-z]+)")


def _resolve_year(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    before = text[max(0, match.start() - 12) : match.start()].lower().replace("-", " ").split()
    after = text[match.end() : match.end() + 14]
    follower = _FOLLOWER.match(after)
    if after[:1].isdigit() or after[:1] == "%" or (after[:1] == "." and after[1:2].isdigit()):
        return None
    if follower and follower.group(1) not in _YEAR_FOLLOWERS and not (before and before[-1] in _YEAR_PRECEDERS):
        return None  # "2000 people": a count, not a year
    start, end = _year_range(int(match.group("year")))
    return start, end, Granularity.YEAR, False


def _resolve_decade(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    year = int(match.group("decade"))
    return dt.date(year, 1, 1), dt.date(year + 9, 12, 31), Granularity.DECADE, False


def _resolve_relative_unit(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    unit = match.group("runit").lower()
    granularity = {"year": Granularity.YEAR, "month": Granularity.MONTH, "week": Granularity.RANGE,
                   "quarter": Granularity.QUARTER}[unit]  # fmt: skip
    if reference is None:
        return None, None, granularity, True
    step = _STEP[match.group("rel").lower()]
    if unit == "quarter":
        first = _shift(reference.replace(month=(reference.month - 1) // 3 * 3 + 1, day=1), "month", 3 * step)
        last = _shift(first, "month", 2)
        return first, _month_end(last.year, last.month), granularity, True
    if unit == "year":
        start, end = _year_range(reference.year + step)
    elif unit == "month":
        first = _shift(reference.replace(day=1), "month", step)
        start, end = first, _month_end(first.year, first.month)
    else:
        monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=step)
        start, end = monday, monday + _MONDAY_TO_SUNDAY
    return start, end, granularity, True


_STEP = {"next": 1, "coming": 1, "following": 1, "upcoming": 1, "last": -1, "past": -1, "previous": -1, "this": 0,
         "current": 0}  # fmt: skip


def _resolve_deictic(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    if reference is None:
        return None, None, Granularity.DAY, True
    date = reference + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[match.group(0).lower()])
    return date, date, Granularity.DAY, True


def _resolve_ago(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    counts, units = match.captures("count"), match.captures("unit")
    if len(units) > 1:
        amounts = [_count(c) for c in counts]
        if None in amounts:
            return None
        if reference is None:
            return None, None, Granularity.DAY, True
        date = reference
        for amount, unit in zip(amounts, units, strict=True):
            date = _shift(date, unit, -amount)
        return date, date, Granularity.DAY, True
    amount = _count(match.group("count"))
    unit = match.group("unit").lower()
    if unit.startswith(("year", "decade", "centur")):
        granularity = Granularity.YEAR
    elif unit.startswith("month"):
        granularity = Granularity.MONTH
    else:
        granularity = Granularity.DAY  # 'two days ago', 'three weeks ago' name a day
    if amount is None:
        return None
    if reference is None:
        return None, None, granularity, True
    date = _shift(reference, unit, -amount)
    if granularity is Granularity.YEAR:
        return *_year_range(date.year), granularity, True
    if granularity is Granularity.DAY:
        return date, date, granularity, True
    return date.replace(day=1), _month_end(date.year, date.month), granularity, True


def _resolve_past_span(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'over the past 15 years': whole units up to the day before the reference, which is still to come."""
    amount = _count(match.group("count")) if match.group("count") else 1.0
    if amount is None:
        return None
    if reference is None:
        return None, None, Granularity.RANGE, True
    return _shift(reference, match.group("unit"), -amount), reference - _DAY, Granularity.RANGE, True


_UNIT_BEFORE = lazy_regex(r"\b(?i:years?|months?|weeks?|days?|decades?)\s+$")


def _resolve_open_year(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'before 2018' (up to 2017-12-31), 'after 2016' (from 2017-01-01): a period with one open end, not the year."""
    if _UNIT_BEFORE.search(text, max(0, match.start() - 10), match.start()):
        return None  # 'the year before 2015', 'two weeks before 2016': a time counted from the year, not a period
    year = int(match.group("year"))
    until = match.group("dir").lower() in ("before", "prior to", "earlier than")
    if NEGATED.search(text, max(0, match.start() - 20), match.start()):
        until = not until  # 'no later than 2025' is up to the end of 2025; 'not before 2025' from its start
        year += 1 if until else -1
    if until:
        return dt.date.min, dt.date(year - 1, 12, 31), Granularity.RANGE, False
    return dt.date(year + 1, 1, 1), dt.date.max, Granularity.RANGE, False


def _resolve_since(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'since 2008', 'since March 2023', 'since November': from then to the reference (a month without a year
    is its latest start on or before the reference)."""
    month = _month_number(match.group("month")) if match.group("month") else 1
    if match.group("year"):
        year = int(match.group("year"))
    elif reference is None:
        return None, None, Granularity.RANGE, True
    else:
        year = _year_for_month(month, reference, future=False)
    start = dt.date(year, month, 1)
    if reference is None:
        return start, None, Granularity.RANGE, True
    return start, max(start, reference), Granularity.RANGE, True


def _resolve_year_span(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    first, last = int(match.group("year")), int(match.group("year2"))
    joiner = match.group("joiner").strip().lower()
    if joiner == "and" and not match.group("between"):
        return None  # 'in 2007 and 2009' names two years, not the span between them
    if last < 100 and joiner not in ("-", "–", "—", "/"):
        return None  # '2018 to 28 June' is not 2018-2028
    if last == (first + 1) % 100 and joiner != "and":
        return None  # '2023-24': a split year (_resolve_split_year), not two calendar years
    if last < 100:
        last += first // 100 * 100
    if last <= first:
        return None
    return dt.date(first, 1, 1), dt.date(last, 12, 31), Granularity.RANGE, False


def _resolve_part(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'the first half of 2024', 'H1 2024', 'Q3 2023', 'January-June 2024', 'the first five months', 'the first
    three quarters'."""
    year_text = match.group("year")
    if year_text:
        year = int(year_text)
    elif reference is None:
        return None, None, Granularity.RANGE, True
    else:
        shift = {"last": -1, "next": 1}.get((match.group("which") or "").lower(), 0)
        year = reference.year + shift
    if match.group("half"):
        half = 1 if match.group("half").lower() in ("first", "1st", "1") else 2
        start_month, months, granularity = 1 + 6 * (half - 1), 6, Granularity.HALF
    elif match.group("quarter"):
        quarter = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(
            match.group("quarter").lower()
        ) or int(match.group("quarter"))
        start_month, months, granularity = 1 + 3 * (quarter - 1), 3, Granularity.QUARTER
    elif match.group("month2"):
        start_month = _month_number(match.group("month"))
        months = _month_number(match.group("month2")) - start_month + 1
        granularity = Granularity.RANGE
        if months < 1 and year_text:
            return None  # 'July-March 2024' is read with its year at the end (join_ranges)
        if months < 1:  # 'July-March' of a fiscal year that starts in July: it ends in the year it is read in
            year, months = year - 1, months + 12
    else:
        amount = _count(match.group("count"))
        per = 3 if match.group("parts").lower() == "quarters" else 1  # 'the first three quarters': nine months
        if amount is None or not 1 <= amount * per <= 12 or "few" in match.group("count").lower():
            return None
        start_month, months, granularity = 1, int(amount) * per, Granularity.RANGE
    end_month = start_month + months - 1
    return (
        dt.date(year, start_month, 1),
        _month_end(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1),
        granularity,
        year_text is None,
    )


def _monday(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


def _resolve_week_weekday(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'Friday next week', 'this week on Saturday', 'Tuesday of last week'."""
    if reference is None:
        return None, None, Granularity.DAY, True
    step = _STEP[match.group("wrel").lower()]
    date = _monday(reference) + dt.timedelta(weeks=step, days=_weekday_index(match.group("weekday")))
    return date, date, Granularity.DAY, True


def _month_from(match: regex.Match[str], reference: dt.date | None, text: str) -> tuple[int, int] | None:
    """(year, month) named by a MONTH_ANY/YEAR pair or a 'this/next/last month' (group mrel); else the reference's."""
    if match.groupdict().get("month"):
        month = _month_number(match.group("month"))
        if match.groupdict().get("year"):
            return int(match.group("year")), month
        if reference is None:
            return None
        return _year_for_month(month, reference, looks_future(text, match.start(), match.end()), 1), month
    if reference is None:
        return None
    first = _shift(reference.replace(day=1), "month", _STEP[(match.groupdict().get("mrel") or "this").lower()])
    return first.year, first.month


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}


def _resolve_nth_weekday(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'the first Friday of July', 'second Sunday' (of the reference's month), 'the last Monday of next month'."""
    nth = match.group("nth").lower()
    has_month = bool(match.group("month") or match.group("mrel") or match.group("themonth"))
    if nth == "last" and not has_month:
        return None  # 'last Friday' is a weekday pattern's
    found = _month_from(match, reference, text)
    if found is None:
        return None, None, Granularity.DAY, True
    year, month = found
    weekday = _weekday_index(match.group("weekday"))
    if nth == "last":
        end = _month_end(year, month)
        date = end - dt.timedelta(days=(end.weekday() - weekday) % 7)
    else:
        first = dt.date(year, month, 1)
        date = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (_NTH[nth] - 1))
        if date.month != month:
            return None, None, Granularity.DAY, True  # 'the fifth Sunday' of a month with four
    return date, date, Granularity.DAY, True


def _resolve_day_of_month(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'the 20th of next month'."""
    day = _day_of(match)
    found = _month_from(match, reference, text)
    if day is None:
        return None
    if found is None:
        return None, None, Granularity.DAY, True
    try:
        date = dt.date(found[0], found[1], day)
    except ValueError:
        return None, None, Granularity.DAY, True
    return date, date, Granularity.DAY, True


_DEICTIC = {"today": 0, "now": 0, "yesterday": -1, "tomorrow": 1}


def _resolve_offset(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'the day after tomorrow', 'two weeks from now', 'three days before yesterday', 'in 3 weeks' (future)."""
    if match.group("inword"):
        if not looks_future(text, match.start(), match.end()):
            return None  # 'grew 5% in 3 weeks': a length of time
        base, sign = "now", 1
    else:
        base, sign = match.group("base").lower(), (-1 if match.group("dir").lower() == "before" else 1)
    amount = _count(match.group("count")) if match.group("count") else 1.0
    if amount is None:
        return None
    if reference is None:
        return None, None, Granularity.DAY, True
    unit = match.group("unit") or "day"
    date = _shift(reference + dt.timedelta(days=_DEICTIC[base]), unit, sign * amount)
    return date, date, Granularity.DAY, True


def _resolve_weekday_count(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'two Sundays from now': the second Sunday after the reference."""
    amount = _count(match.group("count"))
    if amount is None or not 1 <= amount <= 52:
        return None
    if reference is None:
        return None, None, Granularity.DAY, True
    weekday = _weekday_index(match.group("weekday"))
    date = reference + dt.timedelta(days=((weekday - reference.weekday()) % 7 or 7) + 7 * (int(amount) - 1))
    return date, date, Granularity.DAY, True


def _resolve_next_span(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'next 3 days' (from tomorrow), 'past 3 weeks' (up to the day before the reference: 21 days)."""
    amount = _count(match.group("count"))
    if amount is None:
        return None
    if reference is None:
        return None, None, Granularity.RANGE, True
    if _STEP[match.group("rel").lower()] > 0:
        return reference + _DAY, _shift(reference, match.group("unit"), amount), Granularity.RANGE, True
    return _shift(reference, match.group("unit"), -amount), reference - _DAY, Granularity.RANGE, True


def _resolve_weekend(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    rel = (match.group("wrel") or "").lower()
    if not rel and not match.group("lead"):
        return None  # a bare 'weekend' ('weekend trading') names no particular one
    if reference is None:
        return None, None, Granularity.RANGE, True
    saturday = _monday(reference) + dt.timedelta(days=5)
    if rel in ("next", "coming", "following"):
        step = 0 if rel == "coming" and reference < saturday else 1
    elif rel in ("last", "past", "previous"):
        step = -1
    elif rel == "this" or looks_future(text, match.start(), match.end()):
        step = 0
    else:
        step = 0 if reference >= saturday else -1  # 'over the weekend' in a report: the one just gone
    start = saturday + dt.timedelta(weeks=step)
    return start, start + dt.timedelta(days=1), Granularity.RANGE, True


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_NAME_GOES_ON = regex.compile(r"[ \t]+\p{Lu}\p{Ll}")  # a capitalised word after a capitalised season


def _resolve_season(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'summer 2016', 'last winter', 'this spring' (northern hemisphere, meteorological seasons)."""
    season = match.group("season").lower()
    rel = (match.group("srel") or "").lower()
    if not match.group("year"):
        if not rel or (rel == "the" and season in ("fall", "spring")):
            return None  # 'the fall of', 'a spring': not a season of some year
        if rel == "the" and match.group("season")[0].isupper() and _NAME_GOES_ON.match(text, match.end("season")):
            return None  # 'the Winter Olympic Games', 'the Summer Davos forum', 'the Winter Palace': a name
    start_month = _SEASON_START[season]
    if match.group("year"):
        year = int(match.group("year"))
    elif reference is None:
        return None, None, Granularity.RANGE, True
    else:  # 'this' season: the one of the reference's year (a winter starts in December)
        year = reference.year - (start_month == 12 and reference.month <= 2)
        this_start = dt.date(year, start_month, 1)
        this_end = _shift(this_start, "month", 3)  # the day after it ends
        if rel in ("next", "coming") and this_start <= reference:
            year += 1
        elif rel in ("last", "past", "previous") and this_end > reference:
            year -= 1
    start = dt.date(year, start_month, 1)
    last = _shift(start, "month", 2)
    return start, _month_end(last.year, last.month), Granularity.RANGE, match.group("year") is None


_YEAR_END = lazy_regex(r"(?:year-)?end\b", regex.IGNORECASE)


def is_year_end(mention: Mention) -> bool:
    """Whether a date is a year's end written as one ('end-2023', 'year-end 2023'): a figure's cut-off."""
    return _YEAR_END.match(mention.text) is not None


def _resolve_year_end(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'end-2023', 'year-end 2023': the last day of the year, as a table's header writes it."""
    last = dt.date(int(match.group("year")), 12, 31)
    return last, last, Granularity.DAY, False


def _resolve_modified(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'early next year' (first half), 'late this month' (16th to end), 'early next week' (Mon-Wed), 'mid-2023'."""
    mod = match.group("mod").lower()[:3]
    if match.group("year"):
        unit, start = "year", dt.date(int(match.group("year")), 1, 1)
    elif reference is None:
        return None, None, Granularity.RANGE, True
    else:
        unit, step = match.group("runit").lower(), _STEP[match.group("rel").lower()]
        if unit == "year":
            start = dt.date(reference.year + step, 1, 1)
        elif unit == "month":
            start = _shift(reference.replace(day=1), "month", step)
        else:
            start = _monday(reference) + dt.timedelta(weeks=step)
    if unit == "year":
        first, last = {"ear": (1, 6), "mid": (4, 9), "lat": (7, 12)}[mod]
        return dt.date(start.year, first, 1), _month_end(start.year, last), Granularity.RANGE, not match.group("year")
    if unit == "month":
        end = _month_end(start.year, start.month)
        first, last = {"ear": (1, 15), "mid": (11, 20), "lat": (16, end.day)}[mod]
        return start.replace(day=first), start.replace(day=last), Granularity.RANGE, True
    first, last = {"ear": (0, 2), "mid": (1, 3), "lat": (3, 6)}[mod]
    return start + dt.timedelta(days=first), start + dt.timedelta(days=last), Granularity.RANGE, True


def _period_of(unit: str, reference: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar week (Monday to Sunday), month or year that holds the reference."""
    match unit.lower():
        case "week":
            monday = _monday(reference)
            return monday, monday + _MONDAY_TO_SUNDAY
        case "month":
            return reference.replace(day=1), _month_end(reference.year, reference.month)
        case _:
            return _year_range(reference.year)


def _resolve_rest_of(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'the rest of the year' (from the reference), 'earlier this month' (before it), 'later in the week' (after it)."""
    if reference is None:
        return None, None, Granularity.RANGE, True
    first, last = _period_of(match.group("runit"), reference)
    match match.group("part").lower():
        case "earlier":
            start, end = first, reference - _DAY
        case "later":
            start, end = reference + _DAY, last
        case _:
            start, end = reference, last
    if end < start:
        return None  # 'earlier this week' on a Monday: nothing left to name
    return start, end, Granularity.RANGE, True


def _resolve_narrative(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'the next day', 'two years later': a date, but counted from an event of the story, not from the dateline."""
    return None, None, Granularity.DAY, True


def _resolve_month_rel_year(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'June next year'."""
    month = _month_number(match.group("month"))
    if reference is None:
        return None, None, Granularity.MONTH, True
    year = reference.year + _STEP[match.group("rel").lower()]
    return dt.date(year, month, 1), _month_end(year, month), Granularity.MONTH, True


def _resolve_week_of(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'the week of September 16th', 'the week starting February 4', 'w/c Feb 4', 'the first / last week of October'."""
    if match.group("nth"):
        found = _month_from(match, reference, text)
        if found is None:
            return None, None, Granularity.RANGE, True
        if match.group("nth").lower() == "last":  # the last Monday-to-Sunday week that lies within the month
            six_before_end = _month_end(*found) - _MONDAY_TO_SUNDAY
            monday = six_before_end - dt.timedelta(days=six_before_end.weekday())
        else:
            first = dt.date(found[0], found[1], 1)
            monday = first + dt.timedelta(days=(-first.weekday()) % 7 + 7 * (_NTH[match.group("nth").lower()] - 1))
        relative = not match.groupdict().get("year")  # 'the first week of May 2023' needs no reference date
        return monday, monday + _MONDAY_TO_SUNDAY, Granularity.RANGE, relative
    day = _resolve_day(match, reference, text)
    if day is None or day[0] is None:
        return day
    if match.group("wk").lower() == "month":
        return day[0].replace(day=1), _month_end(day[0].year, day[0].month), Granularity.MONTH, day[3]
    monday = _monday(day[0])
    return monday, monday + _MONDAY_TO_SUNDAY, Granularity.RANGE, day[3]


def _resolve_day_span(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'from 4 to 22 this month', 'November 19-20', 'Nov 18-Dec 19, 2015', 'between 3 and 12 of Sept'.

    Both named days are included (the peers end such a range before its last day).
    """
    if match.group("joiner").strip().lower() == "and" and not match.group("between"):
        return None
    first_day, last_day = int(match.group("d1")), int(match.group("d2"))
    groups = match.groupdict()
    if groups.get("month"):
        first_month = _month_number(match.group("month"))
        last_month = _month_number(match.group("month2")) if groups.get("month2") else first_month
    else:
        first_month = last_month = None
    if first_month is not None and not groups.get("year"):
        if reference is None:
            return None, None, Granularity.RANGE, True
        year = _year_for_month(first_month, reference, looks_future(text, match.start(), match.end()), first_day)
    elif first_month is not None:
        assert last_month is not None
        year = int(match.group("year")) - (last_month < first_month)  # 'Dec 28 - Jan 3, 2024': the year is the end's
    else:
        found = _month_from(match, reference, text)
        if found is None:
            return None, None, Granularity.RANGE, True
        year, first_month = found
        last_month = first_month
    assert last_month is not None
    try:
        start = dt.date(year, first_month, first_day)
        end = dt.date(year + (last_month < first_month), last_month, last_day)
    except ValueError:
        return None
    if end <= start:
        return None
    return start, end, Granularity.RANGE, not groups.get("year")


_REL = r"(?i:this|next|last|past|previous|coming|upcoming|current|following)"
_WREL = rf"(?P<wrel>{_REL})\s+(?i:week)\b"
_MREL = rf"(?:(?P<mrel>{_REL})\s+(?i:month)|(?P<themonth>(?i:the\s+month)))\b"
_NTH_WORD = r"(?P<nth>(?i:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last))"
YEAR_WIDE = r"(?P<year>1[0-9]\d{2}|2[01]\d{2})"  # after a day and month any year of the last millennium
_DAY_N = r"(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAY_N2 = _DAY_N.replace("d1", "d2")
_JOIN = r"(?P<joiner>\s*(?:-|–)\s*|\s+(?i:to|till|until|through|and)\s+)"
_MONTH_ANY2 = MONTH_ANY.replace("?P<month>", "?P<month2>")




def _forms(kind: MentionKind, resolve: Resolver, *forms: tuple[Anchor | None, str]) -> list[DatePattern]:
    """One pattern per form of a date, all read by one resolver; each form with its own lead.

    A pattern is tried only where its lead stands (see DatePattern), or where `regex` finds a beginning of its
    one form; several forms in one pattern are neither: four in one took six times as long as four patterns.
    Their matches may overlap; the extractor keeps the leftmost longest, as for every family. A form gets the
    other forms' groups as groups that never match, so the resolver reads None there, as from one pattern.
    """
    own = [set(_GROUP.findall(form)) for _, form in forms]
    names = dict.fromkeys(name for _, form in forms for name in _GROUP.findall(form))  # in order, for stable patterns
    never = [
        "".join(f"(?:(?P<{name}>(?!)))?" for name in names if name not in mine) for mine in own
    ]  # the other forms' groups
    return [(kind, lazy_regex(form + absent), resolve, lead) for (lead, form), absent in zip(forms, never, strict=True)]


_GROUP = re.compile(r"\(\?P<(\w+)>")

# What a date pattern's match can begin with (`starts`): its pattern is tried there only, not at every character
# of its windows. A pattern led by optional words ('(the )?5th of', '(on )?Friday') costs `regex` a full try at
# every character, three to seven times what its leads cost. Patterns led by a year or a letter `regex` scans for
# itself are as fast without a lead, and have none. Leads are matched in lower, Capitalised and UPPER case;
# test_date_leads_lose_no_match (tests/external) checks on the peers' suites and the fixtures that none is missing.
_RELATIVE = "next last this past previous coming upcoming following current".split()
_WEEKDAY_TOKENS = [*WEEKDAYS, "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"]
_MONTH_LEAD = starts([*MONTHS, *_MONTH_ABBR], digits=False)
_WEEKDAY_LEAD = starts(["on", *_RELATIVE, *_WEEKDAY_TOKENS], digits=False)
_BEFORE_MONTH = "in since by until till from through during early late mid last next this of".split()  # 'in June'
_TENS_DAYS = [f"{tens}{day}" for tens in ("twenty", "thirty") for day in _ORDINAL_DAYS]  # 'twentyfirst'
_THE_LEAD = starts(["the", "twenty", "thirty", *_ORDINAL_DAYS, *_TENS_DAYS])  # 'the 5th of', 'twenty-first of'
_COUNT_LEAD = starts([*UNITS, *TENS, "hundred", *ALL_SCALES, "few", "a", "an"], before_digit=".")  # COUNT
_FROM_LEAD = starts(["from", "between"])  # 'from 2015 to 2017', 'between 3 and 5 May', or the year or day itself
_SPAN_LEAD = starts(["over", "in", "during", "for", "within", "throughout", "the", *_RELATIVE], digits=False)


# A year that opens a split year ('2024-25', '2024/25', '2024 - 25', '2024-2025') is a fiscal year's: 'the first half
# of 2024-25' is its half
_NOT_SPLIT = r"(?!\s*[-/–]\s*\d{2}(?:\d{2})?\b(?![-/–.]\d)(?!\s*(?:%|per\s*cent|percent|pc)\b))"
_WHICH_YEAR = rf"(?:,?\s+(?i:of\s+)?(?:{YEAR}{_NOT_SPLIT}|(?P<which>(?i:this|last|next|the))\s+(?i:year)))?"
PATTERNS: list[DatePattern] = [
    (MentionKind.DATE, lazy_regex(rf"\b{YEAR}-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b"), _resolve_iso, None),
    *_forms(
        MentionKind.DATE,
        _resolve_day,
        *(
            (lead, rf"\b{weekday}{MONTH_ANY}(?:\s+(?:(?i:the)\s+)?|-|,\s*(?=\d\d?(?:st|nd|rd|th)\b)){DAY}\b(?!\s*%)"
             rf"(?:(?:,?\s+|\s+(?i:of|in)\s+){YEAR_WIDE}\b)?")
            for lead, weekday in ((_WEEKDAY_LEAD, rf"(?:(?i:on)\s+)?{WEEKDAY_ANY},?\s+"), (_MONTH_LEAD, ""))
        ),
    ),
    *_forms(
        MentionKind.DATE,
        _resolve_day,
        *(
            (lead, rf"\b{weekday}(?:(?i:the)\s+)?(?:{DAY_NUMBER}(?:\.?\s+|-)|{_DAY_WORD}\s+(?i:of)\s+|{DAY_NUMBER}\s+(?i:of)\s+)"
             rf"{MONTH_ANY}(?:(?<=\.)|\b)(?:(?:,?\s+|\s+(?i:of|in)\s+){YEAR_WIDE}\b)?")
            for lead, weekday in ((_WEEKDAY_LEAD, rf"(?:(?i:on)\s+)?{WEEKDAY_ANY},?\s+"), (_THE_LEAD, ""))
        ),
    ),
    *_forms(
        MentionKind.DATE,
        _resolve_month,
        *(
            # 'from January to March' is a range (the half / quarter / months pattern); so is 'April 2023-March 2024',
            # two dates that join_ranges makes one
            (lead, form + rf"(?!{_SEP}{_A_MONTH}{also})")
            for lead, form, also in (
                # 'July-March 2023-24': the FY's
                (_MONTH_LEAD, rf"\b{MONTH_ANY}(?:\s*,\s*|\s+){YEAR}\b{_NOT_SPLIT}", rf"(?![\s,]+{YEAR})"),
                (None, rf"\b{YEAR}(?:\s*,\s*|\s+){MONTH_YEARLESS}\b(?![\s.,-]*\d)", ""),
                (
                    starts(_BEFORE_MONTH, digits=False),
                    rf"\b(?i:in|since|by|until|till|from|through|during|early|late|mid-|last|next|this|of)\s+{MONTH_YEARLESS}\b(?!\.?\s+\d)",
                    "",
                ),
            )
        ),
    ),
    *_forms(
        MentionKind.DATE,
        _resolve_weekday,
        (_WEEKDAY_LEAD, rf"\b(?:(?P<mode>(?i:last|next|this|on|past|previous|coming|upcoming|following))\s+)?{WEEKDAY}\b(?:['’]s\b)?"),
        (None, r"\b(?P<mode>(?i:on))\s+(?P<weekday>(?i:tues|weds|thurs?))\b"),
        # 'from Mon to Fri': each abbreviation, read where it stands, the lookbehind after it (see _forms)
        (None, rf"{_WD_ABBR}(?<=\b(?i:from|between)\s+{_WD_ABBR2})\.?(?=\s*(?:[-–]|\s(?i:to|till|until|and)\s)\s*{_WD_ABBR2}\b)"),
        (None, rf"{_WD_ABBR}\b(?<=\b(?i:from|between)\s+{_WD_ABBR2}\.?\s*(?:[-–]|\s(?i:to|till|until|and)\s)\s*{_WD_ABBR2})"),
    ),
    (
        MentionKind.DATE,
        lazy_regex(
            rf"\b(?:(?i:on)\s+)?{WEEKDAY_ANY},?\s+(?:(?i:the)\s+(?:{DAY_NUMBER}|{_DAY_WORD}|(?P<dayword>(?i:fifteen|twenty[\s-]?one)))"
            rf"|(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b(?!\s+(?i:of\b))"
        ),
        _resolve_weekday_day,
        _WEEKDAY_LEAD,
    ),
    (MentionKind.DATE, lazy_regex(rf"(?<![\w$€£¥.,-]){YEAR}\b(?!-\d)"), _resolve_year, None),
    (MentionKind.DATE, lazy_regex(r"\b(?:(?i:the)\s+)?(?P<decade>(?:1[6-9]|20)\d0)['’]?s\b"), _resolve_decade, None),
    (
        MentionKind.DATE,
        lazy_regex(
            r"\b(?P<rel>(?i:next|last|this|past|previous|coming|upcoming|following|current))\s+"
            r"(?P<runit>year|month|week|quarter)\b(?!\s+(?i:of\s+a\s+)?centur)"
            rf"(?!\s+(?i:of)\s+(?:{_A_MONTH}|\d{{4}}\b|(?i:this|next|last|the)\b))"  # 'the last week of July / of this month'; not 'last year of $12 billion'
        ),
        _resolve_relative_unit,
        starts(_RELATIVE, digits=False),
    ),
    (
        MentionKind.DATE,
        lazy_regex(r"\b(?i:today|yesterday|tomorrow)\b"),
        _resolve_deictic,
        starts(["today", "yesterday", "tomorrow"], digits=False),
    ),
    (
        MentionKind.DATE,
        lazy_regex(rf"\b(?:{COUNT}[\s-]+{SPAN_UNIT},?\s+(?:(?i:and)\s+)?){{0,3}}{COUNT}[\s-]+{SPAN_UNIT}\s+(?i:ago)\b"),
        _resolve_ago,
        _COUNT_LEAD,
    ),
    (
        MentionKind.DATE_RANGE,
        lazy_regex(
            rf"\b(?:(?i:over|in|during|for|within|throughout)\s+)?(?i:the)\s+(?i:past|last|previous)\s+(?:{COUNT}\s+)?{SPAN_UNIT}\b"
            rf"(?!\s+(?i:of)\b)"
        ),
        _resolve_past_span,
        None,
    ),
    (
        MentionKind.DATE_RANGE,
        lazy_regex(rf"\b(?i:since)\s+(?:{MONTH}(?:,?\s+{YEAR}\b|\b(?!\.?\s*\d))|{YEAR}\b)"),
        _resolve_since,
        starts(["since"], digits=False),
    ),
    (
        MentionKind.DATE_RANGE,
        lazy_regex(
            rf"\b(?P<dir>(?i:before|after|prior\s+to|earlier\s+than|later\s+than))\s+{YEAR}\b"
            r"(?![-–/]\d|['’]s\b|,?\s+(?:(?i:and|or)\s+)?(?:1[6-9]|2[01])\d\d\b)"
        ),
        _resolve_open_year,
        starts(["before", "after", "prior", "earlier", "later"], digits=False),
    ),
    (
        MentionKind.DATE_RANGE,
        lazy_regex(
            rf"\b(?:(?i:from|(?P<between>between))\s+)?{YEAR}(?P<joiner>{_SEP}|\s+(?i:and)\s+)"
            rf"(?P<year2>(?:1[6-9]|20|21)\d{{2}}|\d{{2}})\b(?!-)"
        ),
        _resolve_year_span,
        _FROM_LEAD,
    ),
    *_forms(
        MentionKind.DATE_RANGE,
        _resolve_part,
        (None, rf"\b(?:(?i:the)\s+)?(?P<half>(?i:first|second|1st|2nd))[\s-]+(?i:half){_WHICH_YEAR}\b"),
        (None, rf"\b(?:(?i:the)\s+)?(?P<quarter>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter){_WHICH_YEAR}\b"),
        (starts(["H"], digits=False), rf"\bH(?P<half>[12])\s*{YEAR}\b{_NOT_SPLIT}"),
        (starts(["Q"], digits=False), rf"\bQ(?P<quarter>[1-4])\s*{YEAR}\b{_NOT_SPLIT}"),
        (
            starts(["between", *MONTHS, *_MONTH_ABBR], digits=False),
            rf"\b(?:(?i:between)\s+(?=\S+\s+(?i:and)\s))?{MONTH}(?:{_SEP}|\s+(?i:and)\s+(?<=(?i:between)\s+\S+\s+(?i:and)\s+)){MONTH2}(?:,?\s+{YEAR}{_NOT_SPLIT})?\b",
        ),
        (None, rf"\b(?:(?i:the)\s+)?(?i:first)\s+{COUNT}\s+(?P<parts>(?i:months|quarters)){_WHICH_YEAR}\b"),
    ),
    (
        MentionKind.DATE,
        lazy_regex(rf"\b{MONTH_BARE}\s+(?:(?i:of)\s+)?(?P<rel>(?i:this|next|last))\s+(?i:year)\b"),
        _resolve_month_rel_year,
        _MONTH_LEAD,
    ),
    (
        MentionKind.DATE,
        lazy_regex(r"\b(?P<month>January|February|July|September|October|November|December)\b(?![\s.,-]*\d)(?P<year>(?!))?"),
        _resolve_month,
        _MONTH_LEAD,
    ),
    (
        MentionKind.DATE,
        lazy_regex(rf"\b{YEAR}(?P<sep>[-/]){MONTH_ANY}(?P=sep){DAY_NUMBER}\b(?P<dayword>)"),
        _resolve_day,
        None,
    ),
]

_FISCAL_END = r"(?:[-/–](?P<end>(?:19|20)?\d{2}))?"
FISCAL = lazy_regex(
    rf"(?:\b(?-i:FY)\s?(?:(?P<year>(?:19|20)\d{{2}})|(?P<yy>\d{{2}})){_FISCAL_END}\b"
    rf"|\b(?i:(?:fiscal|financial)(?:\s+year)?)\s+(?P<year>(?:19|20)\d{{2}}){_FISCAL_END}\b"
    rf"|\b(?P<year>(?:19|20)\d{{2}}){_FISCAL_END}\s+(?i:fiscal|financial)\s+(?i:year)\b)"
    rf"(?:,?\s+(?i:which\s+|that\s+)?(?i:ended|ending|ends)\s+(?i:in\s+|on\s+)?"
    rf"(?:(?:{MONTH_ANY}\s+)?(?P<closing>(?:19|20)\d{{2}})\b|{MONTH_ANY}\b(?!\s*\d)))?",
    regex.VERSION1,
)


def _resolve_fiscal(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'FY23', 'FY2023-24', 'fiscal 2023', 'the 2022/23 financial year': the fiscal year named by the year it ends
    in (the year written, the second of two, or the one of 'which ended in March 2024', or of 'which ended in
    March' before the document date, when that is the year written or the next). Its months differ by
    country (India's FY2023 ends in March 2023, the US's in September, Japan's in March 2024), so the span is their
    union and the claims compare the label."""
    first = int(match.group("year")) if match.group("year") else 2000 + int(match.group("yy"))
    year = first
    closing = match.group("closing")
    if closing is None and match.group("month") and reference is not None:  # 'which ended in March': the last one
        last = reference.year - (_month_number(match.group("month")) > reference.month)
        closing = next((str(y) for y in (last, last + 1) if y in (first, first + 1)), None)
    if closing:  # 'fiscal 2023, which ended in March 2024' (Japan names it by its start)
        year = int(closing)
        if year not in (first, first + 1):
            return None
        return dt.date(year - 1, 4, 1), dt.date(year + 1, 3, 31), Granularity.FISCAL_YEAR, False
    if end := match.group("end"):
        year = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
        if year != first + 1:
            return None  # '2016-18': no fiscal year
    return dt.date(year - 1, 4, 1), dt.date(year + 1, 3, 31), Granularity.FISCAL_YEAR, False


PATTERNS.append((MentionKind.DATE, FISCAL, _resolve_fiscal, starts(["FY", "fiscal", "financial"])))


def _resolve_split_year(match: regex.Match[str], reference: dt.date | None, text: str) -> Resolution | None:
    """'2023-24', '2023/24': a year split as India's, Britain's and Australia's fiscal years are, read as the fiscal
    year it ends in (FY2024), as 'FY2023-24' and 'the 2023/24 financial year' are; not two calendar years."""
    return _resolve_fiscal(match, reference, text)


PATTERNS.append(
    (
        MentionKind.DATE,
        lazy_regex(
            r"\b(?P<year>(?:19|20)\d{2})(?:[-/–]|\s[-–]\s(?!\d{2}\s*(?:%|per\s*cent|percent|pc)\b))(?P<end>\d{2})\b"
            r"(?![-/–.]\d)(?P<yy>(?!))?(?P<closing>(?!))?(?P<month>(?!))?"
        ),
        _resolve_split_year,
        None,
    )
)

# Rarer forms: run only near RARE_ANCHOR.
PATTERNS.append(
    (MentionKind.DATE, lazy_regex(rf"\b(?:(?i:end)-|(?i:year-end)\s+){YEAR}\b(?!-\d)"), _resolve_year_end, None)
)
RARE_PATTERNS: list[DatePattern] = [
    (
        MentionKind.DATE,
        lazy_regex(
            rf"\b(?:(?i:on)\s+)?{WEEKDAY}(?:,?\s+(?i:of\s+)?(?:(?i:the)\s+)?){_WREL}|\b{_WREL}\s+(?:(?i:on)\s+)?{WEEKDAY}\b"
        ),
        _resolve_week_weekday,
        _WEEKDAY_LEAD,
    ),
    (
        MentionKind.DATE,
        lazy_regex(
            rf"\b(?:(?i:the)\s+)?{_NTH_WORD}\s+{WEEKDAY}\b"
            rf"(?:\s+(?i:of|in)\s+(?:{MONTH_ANY}\b(?:,?\s+{YEAR}\b)?|(?:(?i:the)\s+)?{_MREL}))?"
        ),
        _resolve_nth_weekday,
        starts(["the", "first", "second", "third", "fourth", "fifth", "last"]),
    ),
    (
        MentionKind.DATE,
        lazy_regex(rf"\b(?:(?i:the)\s+)?(?:{DAY_NUMBER}|{_DAY_WORD})\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<mrel>{_REL})\s+(?i:month)\b"),
        _resolve_day_of_month,
        _THE_LEAD,
    ),
    *_forms(
        MentionKind.DATE,
        _resolve_offset,
        (
            starts(["the", "day"], digits=False),
            r"\b(?:(?i:the)\s+)?(?i:day)\s+(?P<dir>(?i:before|after))\s+(?P<base>(?i:yesterday|tomorrow))\b(?P<unit>)(?P<count>)(?P<inword>)",
        ),
        (
            _COUNT_LEAD,
            rf"\b{COUNT}[\s-]+{SPAN_UNIT}\s+(?P<dir>(?i:from|after|before))\s+(?P<base>(?i:now|today|tomorrow|yesterday))\b(?P<inword>)",
        ),
        (
            starts(["in"], digits=False),
            rf"\b(?P<inword>(?i:in))\s+{COUNT}\s+(?P<unit>(?i:days?|weeks?|months?))\b(?!\s+(?i:time|of|to|and)\b)",
        ),
    ),
    (
        MentionKind.DATE,
        lazy_regex(rf"\b{COUNT}\s+(?P<weekday>(?i:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))\s+(?i:from\s+now)\b"),
        _resolve_weekday_count,
        None,
    ),
    (
        MentionKind.DATE_RANGE,
        lazy_regex(
            rf"\b(?:(?i:over|in|during|for|within|throughout)\s+)?(?:(?i:the)\s+)?(?P<rel>(?i:next|coming|following))\s+{COUNT}\s*{SPAN_UNIT}\b"
            rf"|\b(?P<rel>(?i:past|last|previous))\s+{COUNT}\s*{SPAN_UNIT}\b"
        ),
        _resolve_next_span,
        _SPAN_LEAD,
    ),
    (
        MentionKind.DATE_RANGE,
        lazy_regex(rf"\b(?P<lead>(?i:on|over|at|during)\s+)?(?:(?P<wrel>{_REL}|(?i:the))\s+)?(?i:weekend)\b(?!['’]s)"),
        _resolve_weekend,
        starts(["on", "over", "at", "during", "the", "weekend", *_RELATIVE], digits=False),
    ),
    (
        MentionKind.DATE_RANGE,
        lazy_regex(
            rf"\b(?:(?P<srel>{_REL}|(?i:the))\s+)?(?P<season>(?i:summer|winter|spring|autumn|fall))(?:,?\s+(?i:of\s+)?{YEAR})?\b"
            rf"|\b{YEAR}\s+(?P<season>(?i:summer|winter|spring|autumn|fall))\b"
        ),
        _resolve_season,
        starts(["the", "summer", "winter", "spring", "autumn", "fall", *_RELATIVE]),
    ),
    (
        MentionKind.DATE_RANGE,
        lazy_regex(
            r"\b(?:(?i:the)\s+)?(?P<part>(?i:rest|remainder))\s+(?:(?i:of)\s+)?(?:(?i:the|this|my|current)\s+)?"
            r"(?P<runit>(?i:week|month|year))\b(?!\s+(?i:of|in|to|before|after)\b)"
            # 'earlier in the week' is the dateline's week; 'later in the year' often a year of the story: not read
            r"|\b(?P<part>(?i:earlier|later))\s+(?:(?:(?i:in)\s+)?(?i:this|the\s+current)\s+(?P<runit>(?i:week|month|year))"
            r"|(?i:in\s+the)\s+(?P<runit>(?i:week)))\b(?!\s+(?i:of|in|to|before|after)\b)"
        ),
        _resolve_rest_of,
        None,
    ),
    *_forms(
        MentionKind.DATE,
        _resolve_narrative,
        (None, r"\b(?:(?i:the)\s+)?(?i:next|following|previous)\s+(?i:day)\b(?!\s+(?i:of)\b)"),
        # 'met on April 29 ... the joint press conference that afternoon', 'later that day', 'the same day': the day
        # the story has just named
        (
            None,
            r"\b(?:(?i:later|earlier)\s+)?(?i:that)\s+(?i:morning|afternoon|evening|night|day)\b"
            r"|\b(?i:the)\s+(?i:same)\s+(?i:day)\b",
        ),
        # 'said on Sunday that her meeting the day before': the day before the story's event, not the dateline's.
        # Not 'On Tuesday, the day after Xi arrived' or 'the day before the summit': that names its own event's day.
        (
            None,
            r"\b(?i:the)\s+(?i:day)\s+(?i:before|after)\b"
            r"(?!\s+(?:\p{Lu}|(?i:he|she|they|it|we|i|you|the|a|an|his|her|their|its|our|this|that)\b))",
        ),
        (
            _COUNT_LEAD,
            rf"\b(?:{COUNT}[\s-]+{SPAN_UNIT},?\s+(?:(?i:and)\s+)?){{0,3}}{COUNT}[\s-]+{SPAN_UNIT}\s+(?i:later|earlier)\b"
            r"(?!\s+(?i:than)\b)",  # 'two years later than planned' is a delay (a duration)
        ),
    ),
    (
        MentionKind.DATE_RANGE,
        lazy_regex(
            rf"\b(?P<mod>(?i:early|mid|late))(?:-|\s+)(?:(?P<rel>{_REL})\s+(?P<runit>(?i:year|month|week))\b|{YEAR}\b(?!-\d))"
        ),
        _resolve_modified,
        starts(["early", "mid", "late"], digits=False),
    ),
    (
        MentionKind.DATE_RANGE,
        lazy_regex(
            rf"\b(?:(?i:the)\s+)?(?P<wk>(?i:week|month))\s+(?i:of|starting|beginning|commencing)\s+(?:(?i:on)\s+)?{MONTH_ANY}[.\s]\s*{DAY}\b(?:,?\s+{YEAR}\b)?"
            rf"|\b(?P<wk>(?i:w/c))\s+{MONTH_ANY}\s+{DAY}\b(?:,?\s+{YEAR}\b)?"
            rf"|\b(?:(?i:the)\s+)?{_NTH_WORD}\s+(?i:week)\s+(?i:of|in)\s+{MONTH_ANY}\b(?:,?\s+{YEAR}\b)?"
        ),
        _resolve_week_of,
        starts(["the", "week", "month", "w", "first", "second", "third", "fourth", "fifth", "last"]),
    ),
]

# Day ranges and weekdays with a numeric date: run only near SPAN_ANCHOR.
SPAN_PATTERNS: list[DatePattern] = [
    (
        MentionKind.DATE,
        lazy_regex(
            rf"\b(?:(?i:this|next|on)\s+)?{WEEKDAY}\s*(?:-\s*{MONTH_ANY}-{DAY_NUMBER}\b|\(\s*{MONTH_ANY}[-\s]{DAY_NUMBER}\s*\))(?P<year>)(?P<dayword>)"
        ),
        _resolve_day,
        _WEEKDAY_LEAD,
    ),
    *_forms(
        MentionKind.DATE_RANGE,
        _resolve_day_span,
        (
            starts(["from", "between", *MONTHS, *_MONTH_ABBR], digits=False),
            rf"\b(?:(?i:from|(?P<between>between))\s+)?{MONTH_ANY}\s+{_DAY_N}{_JOIN}(?:{_MONTH_ANY2}\s+)?{_DAY_N2}\b(?!\s*%)(?:,?\s+{YEAR}\b)?",
        ),
        (
            _FROM_LEAD,
            rf"\b(?:(?i:from|(?P<between>between))\s+)?{_DAY_N}{_JOIN}{_DAY_N2}\s+(?:(?i:of)\s+)?(?:{MONTH_ANY}\b(?:,?\s+{YEAR}\b)?|{_MREL})",
        ),
        (
            starts(["from"], digits=False),
            rf"\b(?i:from)\s+{_DAY_N}(?P<joiner>\s+(?i:to|till|until)\s+){MONTH_ANY}\s+{_DAY_N2}\b(?:,?\s+{YEAR}\b)?",
        ),
        (_MONTH_LEAD, rf"\b{MONTH_ANY}\s+(?P<between>(?i:between))\s+{_DAY_N}(?P<joiner>\s+(?i:and)\s+){_DAY_N2}\b"),
    ),
]

# Quarters and halves written with Q / H or after the year: run only near QUARTER_ANCHOR.
QUARTER_PATTERN: DatePattern = (
        MentionKind.DATE_RANGE,
        lazy_regex(
            rf"\b(?:(?i:h)(?P<half>[12])[\s-]*{YEAR}{_NOT_SPLIT}|(?i:q)(?P<quarter>[1-4])(?:[\s-]*{YEAR}{_NOT_SPLIT}|{_WHICH_YEAR})"
            rf"|{YEAR}(?:\s*|-)(?:(?i:h)(?P<half>[12])|(?i:q)(?P<quarter>[1-4]))"
            rf"|{YEAR},?\s+(?i:the\s+)?(?P<quarter>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter)"
            # a market report's '1H 2024' and '9M 2024': the first half, the first nine months (after a preposition
            # or an article, or opening a line: 'sales were 9M 2024 units' is a count)
            rf"|(?<=(?:\b(?i:in|for|during|over|of|the|same|by|through|from|to|and|than)\s+|^|\(|,\s))"
            rf"(?:(?P<half>[12])(?i:h)[\s-]*{YEAR}{_NOT_SPLIT}|(?P<count>[1-9]|1[01])(?i:m)[\s-]*{YEAR}{_NOT_SPLIT}))\b"
            r"(?P<month2>)(?P<parts>)"
        ),
        _resolve_part,
        starts(["h", "q"]),
    )


def _iso(start: dt.date | None, end: dt.date | None, granularity: Granularity) -> str | None:
    if start is None:
        return None
    match granularity:
        case Granularity.DAY:
            return start.isoformat()
        case Granularity.MONTH:
            return start.isoformat()[:7]
        case Granularity.YEAR:
            return str(start.year)
        case Granularity.DECADE:
            return f"{start.year}s"
        case Granularity.FISCAL_YEAR:
            return f"FY{start.year + 1}"
        case _:
            first = ".." if start == dt.date.min else start.isoformat()
            return f"{first}/{end.isoformat() if end and end != dt.date.max else '..'}"


# Every date pattern holds a year, a month or weekday name or a relative word; patterns run near these only.
_ANCHOR_WORDS = (
    "next last this past previous coming upcoming following current today yesterday tomorrow ago since half quarter".split()
    + _SAFE_LOWER  # lower-case names without a digit nearby: 'on friday', 'in june' ('may', 'march' need a digit)
    + [d.lower() for d in WEEKDAYS]
    + "may march jan feb apr jun jul aug sep sept oct nov dec".split()  # 'fourth of may', 'jan first', 'march 3'
    + "tues weds thur thurs".split()  # 'on tues': the other short forms are words ('wed', 'sat', 'sun')
    + ["fiscal", "financial", "fy"]
)
# Short names, whole words that may touch a number ('Dec31', 'Jan2017'); not beginnings of a word ('market')
_SHORT_NAMES = [m[:3] for m in MONTHS] + [d[:3] for d in WEEKDAYS]
# The patterns that need no word of _ANCHOR_WORDS all hold a year, or read the first months or quarters of
# one: anchoring them on any digit would open a window at every number of the text. Each alternative is led by a
# literal character (no \b, no lookbehind first) so that the stdlib scan skips ahead fast.
_YEAR_ANCHOR = Anchor(
    pattern=lazy_re(
        r"1[6-9]\d\d(?<!\d....)(?!\d)|2[01]\d\d(?<!\d....)(?!\d)"
        + "".join(rf"|{first}\s+\S+\s+(?:months|MONTHS|quarters|QUARTERS)\b" for first in ("first", "First", "FIRST"))
    )
)


# Patterns that hold a year and may hold no date word run near a year; every other pattern holds a word of
# _ANCHOR_WORDS and runs near its own (_NAMED), which keeps a page of bare digits (tables, hostile input) or of
# common date words ('this', 'last') from running all of them everywhere.
_YEAR_HELD = frozenset(
    {_resolve_iso, _resolve_year, _resolve_decade, _resolve_year_span, _resolve_open_year, _resolve_split_year,
     _resolve_year_end}
)
_OFFSET_WORDS = (
    "from now|from today|from tomorrow|from yesterday|after today|after tomorrow|after yesterday|before today"
    "|before yesterday".split("|")
)
_UNIT_WORDS = "days weeks months years decades".split()
_STORY_WORDS = [
    "later", "earlier", "rest", "remainder", "next day", "following day", "previous day", "day before", "day after",
    "morning", "afternoon", "evening", "night", "same day", "that day",
]
# RARE_PATTERNS each hold one of these words; SPAN_PATTERNS a day range ('4-22', '19 to 20') or 'Friday (Jun-15)'.
QUARTER_ANCHOR = Anchor(pattern=lazy_re(r"[QqHh][1-4]|quarter|\d[HhMm][\s-]?(?:19|20)\d\d"))
SPAN_ANCHOR = Anchor(
    # 'Friday (Jun-15)', 'Jun-15': the sign after a letter, found by the sign, not tried at every letter
    pattern=lazy_re(
        r"\d(?:st|nd|rd|th)?\s*(?:[-–]|\s(?:to|till|until|through|and)\s)|[-(](?<=[A-Za-z][-(])\s*\d|\(\s*[A-Za-z]{3}"
    )
)
RARE_ANCHOR = Anchor(
    words="weekend summer winter spring autumn fall early mid late week month w/c days weeks months years decades"
    " first second third fourth fifth".split()
    + _OFFSET_WORDS
    + _STORY_WORDS,
    # '1st' to '5th' as whole words, led by their digit for a fast scan
    pattern=lazy_re("(?:" + "|".join(f"{d}|{d.upper()}" for d in "1st 2nd 3rd 4th 5th".split()) + r")\b(?<!\w...)"),
)
# Within RARE_ANCHOR's windows, some patterns need a narrower anchor still.
_NARROW: dict[Resolver, Anchor] = {
    _resolve_offset: Anchor(words=_OFFSET_WORDS + _UNIT_WORDS[:3]),
    _resolve_next_span: Anchor(words=_UNIT_WORDS),
    _resolve_season: Anchor(words="summer winter spring autumn fall".split()),
    _resolve_weekend: Anchor(words=["weekend"]),
    _resolve_modified: Anchor(words="early mid late".split()),
    _resolve_rest_of: Anchor(words="rest remainder earlier later".split()),
    _resolve_narrative: Anchor(words=_STORY_WORDS),
}
_WORD_ANCHOR = Anchor(words=[*_ANCHOR_WORDS, *_SHORT_NAMES])
# Patterns that hold a month or a weekday name run only near one, inside the date-word windows.
_MONTH_WORDS = Anchor(words=[m.lower() for m in MONTHS] + [a.lower() for a in _MONTH_ABBR] + [m[:3] for m in MONTHS])
_WEEKDAY_WORDS = Anchor(words=[d.lower() for d in WEEKDAYS] + ["tues", "weds", "thur", "thurs"] + [d[:3] for d in WEEKDAYS])
# Halves, quarters, month spans and 'the first six months': their words, a month name or 'H1' / 'Q3' (inside the
# year-or-date-word windows: 'H1 2024' has no date word).
_PART_ANCHOR = Anchor(
    words=["half", "quarter", "quarters", "months", *(m.lower() for m in MONTHS), *(m[:3] for m in MONTHS)],
    prefixes=[f"{part}{n}" for part in "hq" for n in range(1, 5)],
)
_NAMED: dict[Resolver, Anchor] = {
    _resolve_day: _MONTH_WORDS, _resolve_month: _MONTH_WORDS, _resolve_month_rel_year: _MONTH_WORDS,
    _resolve_weekday: _WEEKDAY_WORDS, _resolve_weekday_day: _WEEKDAY_WORDS, _resolve_part: _PART_ANCHOR,
    # each holds a word of its own, one of _ANCHOR_WORDS: most date-word windows hold none of them
    _resolve_ago: Anchor(words=["ago"]), _resolve_deictic: Anchor(words=["today", "yesterday", "tomorrow"]),
    _resolve_since: Anchor(words=["since"]), _resolve_fiscal: Anchor(words=["fiscal", "financial", "fy"]),
    _resolve_past_span: Anchor(words=["past", "last", "previous"]),
    _resolve_relative_unit: Anchor(words="next last this past previous coming upcoming following current".split()),
}  # fmt: skip


_FROM = lazy_regex(r"(?i:from)\s+")
# Verbs that move a date ('postponed from May to June'); 'trade rose from 2016 to 2023' is a period
_MOVED = lazy_regex(
    r"\b(?:(?:postpon|reschedul|mov|advanc)(?:e|es|ed|ing)|(?:delay|shift|push|pushed|bring|brought)(?:s|ed|ing)?)\b",
    regex.IGNORECASE,
)


def _changed(match: regex.Match[str], text: str) -> bool:
    """Whether a 'from X to Y' range is a change of date: 'delayed from 2025 to 2027', 'moved from May to June'."""
    lead = _FROM.match(text, match.start()) or _FROM.search(text, max(0, match.start() - 6), match.start())
    return lead is not None and follows_change(text, lead.start(), _MOVED)


# How far around an anchor word a date expression may reach: the longest forms ('twenty-two years, eleven months,
# three weeks and twenty-five days ago', 'from Friday the 11th of November until ...') end at one anchor.
_REACH = 60
# How far past its first character a date match and its lookaheads read: the longest forms are under 100 characters
_MATCH_REACH = 400


def find(scan: Scan, reference: dt.date | None) -> Iterator[Mention]:
    text = scan.text
    word_spans = windows(scan, _WORD_ANCHOR, before=_REACH, after=_REACH)
    year_spans = windows(scan, _YEAR_ANCHOR, before=_REACH, after=_REACH)
    spans = union(word_spans, year_spans)
    rare_spans = windows(scan, RARE_ANCHOR, before=_REACH, after=_REACH)
    quarter_spans = windows(scan, QUARTER_ANCHOR, before=_REACH, after=_REACH)
    if not (spans or rare_spans or quarter_spans):
        return  # most paragraphs of a long text: no date word, year, 'weekend' or 'Q3' to read
    named = {
        own: windows(scan, own, before=_REACH, after=_REACH, within=spans if own is _PART_ANCHOR else word_spans)
        for own in set(_NAMED.values())
    }
    runs = [
        (entry, year_spans if entry[2] in _YEAR_HELD else named[_NAMED[entry[2]]])
        for entry in PATTERNS
    ]
    narrow = {resolve: windows(scan, own, before=_REACH, after=_REACH, within=rare_spans) for resolve, own in _NARROW.items()}
    runs += [(entry, narrow.get(entry[2], rare_spans)) for entry in RARE_PATTERNS]
    # a day range or a weekday's numeric date holds a digit and a month, weekday or 'month': both anchors
    span_spans = windows(scan, SPAN_ANCHOR, before=_REACH, after=_REACH, within=word_spans)
    runs += [(entry, span_spans) for entry in SPAN_PATTERNS]
    runs.append((QUARTER_PATTERN, quarter_spans))
    for (kind, pattern, resolve, lead), chosen in runs:
        if not chosen:
            continue
        found = matches(pattern, scan, chosen, (lead,), reach=_MATCH_REACH) if lead else matches(pattern, scan, chosen)
        for match in found:
            months = resolve is _resolve_part and bool(match.group("month2"))
            moved = (months or resolve in _TWO_DATES) and _changed(match, text)
            if moved and not months:
                continue  # 'postponed from 2025 to 2027': the two dates, each read by its own pattern
            try:
                resolution = resolve(match, reference, text)
            except (OverflowError, ValueError):
                continue  # a reference date at the calendar's ends (year 1, year 9999)
            if resolution is None:
                continue
            if moved:  # 'moved from May to June': a bare month is no date on its own ('may'), so read both here
                yield from _moved_months(match, resolution)
                continue
            start, end, granularity, relative = resolution
            weekday = match.groupdict().get("weekday")
            yield Mention(
                kind=kind,
                text=match.group(0),
                start=match.start(),
                end=match.end(),
                value=_year_value(start, granularity),
                resolved=_iso(start, end, granularity),
                date_start=start,
                date_end=end,
                granularity=granularity,
                relative=relative,
                weekday=_weekday_index(weekday) if weekday else None,
            )


def _year_value(start: dt.date | None, granularity: Granularity) -> float | None:
    """A date's year as its value; a fiscal year's is the year it is named by."""
    if start is None or start == dt.date.min:
        return None
    return float(start.year + 1 if granularity is Granularity.FISCAL_YEAR else start.year)


# Ranges written as two dates ('2015-2017', 'from March 3 to April 9'); month ranges are _resolve_part's 'month2'.
_TWO_DATES = frozenset({_resolve_year_span, _resolve_day_span})


def _moved_months(match: regex.Match[str], resolution: Resolution) -> Iterator[Mention]:
    """The two months of a month range that names a move: the first month, and the second with its year."""
    first, last, _, relative = resolution
    if first is None or last is None:
        return
    ends = [(match.start("month"), match.end("month"), first, _month_end(first.year, first.month)),
            (match.start("month2"), match.end(), last.replace(day=1), last)]  # fmt: skip
    for start, end, date_start, date_end in ends:
        yield Mention(
            kind=MentionKind.DATE, text=match.string[start:end], start=start, end=end, value=float(date_start.year),
            resolved=_iso(date_start, date_end, Granularity.MONTH), date_start=date_start, date_end=date_end,
            granularity=Granularity.MONTH, relative=relative,
        )  # fmt: skip


_JOINER = lazy_regex(r"\s*[-–]\s*|\s+(?i:to|till|until|through|thru|and)\s+")  # not '—': 'Paris, March 3 — Tuesday'
_NOW_BEFORE = lazy_regex(r"\b(?i:from|between)\s+(?i:now|today)\s+(?i:to|till|until|and)\s+$")
_NOW_AFTER = lazy_regex(r"\s+(?i:to|till|until|and)\s+(?i:now)\b")
_ENDPOINT = {Granularity.DAY, Granularity.MONTH, Granularity.YEAR}


def _endpoint(m: Mention) -> bool:
    return m.kind is MentionKind.DATE and m.date_start is not None and m.granularity in _ENDPOINT


def _range(text: str, start: int, end: int, first: dt.date, last: dt.date, relative: bool) -> Mention:
    return Mention(
        kind=MentionKind.DATE_RANGE, text=text[start:end], start=start, end=end, value=float(first.year),
        resolved=_iso(first, last, Granularity.RANGE), date_start=first, date_end=last,
        granularity=Granularity.RANGE, relative=relative,
    )  # fmt: skip


def _same_year_as(m: Mention, year: int) -> dt.date | None:
    """The start of a mention whose year was inferred, moved to the year another endpoint states."""
    assert m.date_start is not None
    try:
        return m.date_start.replace(year=year)
    except ValueError:
        return None  # 29 February, or beyond the calendar


def _later(m: Mention, end: dt.date) -> dt.date:
    """The next occurrence of a relative end: a weekday a week on, a day or month a year on."""
    if m.weekday is not None:
        return end + dt.timedelta(days=7)
    if m.granularity is Granularity.MONTH:
        return _month_end(end.year + 1, end.month)
    return _same_year_as(m, end.year + 1) or end


def _join(text: str, first: Mention, last: Mention) -> Mention | None:
    """'from March 3 to April 9, 2024', 'between Jan 22 and today', 'Oct. 2 - Oct. 22': one range of two dates.

    Not a change of date ('postponed from March 3 to April 9'), nor a dash between a date and a weekday of
    another sort ('March 3 - Tuesday's vote').
    """
    joiner = _JOINER.fullmatch(text, first.end, last.start)
    lead = RANGE_LEAD.search(text, max(0, first.start - 12), first.start)
    if joiner is None or (joiner.group(0).strip().lower() == "and" and lead is None):
        return None
    if lead is not None and follows_change(text, lead.start(), _MOVED):
        return None
    if lead is None and joiner.group(0).strip() in ("-", "–") and (first.weekday is None) != (last.weekday is None):
        return None
    if POSSESSIVE.match(text, last.end):
        return None
    assert first.date_start is not None and last.date_start is not None
    start, end = first.date_start, last.date_end or last.date_start
    if first.weekday is not None and last.weekday is not None and first.weekday <= last.weekday:
        # 'from Monday to Friday last week': the end's week holds the start too, and the other way round
        if "week" in last.text.lower():
            start = end - dt.timedelta(days=last.weekday - first.weekday)
        elif "week" in first.text.lower():
            end = start + dt.timedelta(days=last.weekday - first.weekday)
    if first.relative and not last.relative:
        moved = _same_year_as(first, end.year)
        if moved is None:
            return None
        start = moved if moved <= end else (_same_year_as(first, end.year - 1) or moved)
    elif end < start and last.relative and not first.relative:
        return None
    elif end < start and last.relative:
        while end < start and last.weekday is not None:
            end += dt.timedelta(days=7)  # 'from Friday to Tuesday': the Tuesday after
        end = end if end >= start else _later(last, end)  # 'from December 28 to January 3': the January after
    if end < start:
        return None
    return _range(text, lead.start() if lead else first.start, last.end, start, end, first.relative or last.relative)


def _is_week(m: Mention) -> bool:
    return (
        m.granularity is Granularity.RANGE
        and m.date_start is not None
        and m.date_end is not None
        and m.date_start.weekday() == 0
        and m.date_end - m.date_start == _MONDAY_TO_SUNDAY
    )


def _within_week(text: str, week: Mention, first: Mention, last: Mention, span: Mention) -> Mention | None:
    """'next week between Wednesday and Friday', 'from Monday to Friday last week': that week's days."""
    if first.weekday is None or last.weekday is None or not _is_week(week) or first.weekday > last.weekday:
        return None
    gap = text[week.end : span.start] if week.end <= span.start else text[span.end : week.start]
    if gap.strip() or any(c.isdigit() for c in text[first.start : last.end]):
        return None  # 'Wednesday, March 3 to Friday, March 5' names its own days
    assert week.date_start is not None
    start = week.date_start + dt.timedelta(days=first.weekday)
    end = week.date_start + dt.timedelta(days=last.weekday)
    return _range(text, min(week.start, span.start), max(week.end, span.end), start, end, True)


def join_ranges(mentions: list[Mention], text: str, reference: dt.date | None) -> list[Mention]:
    """Merge each pair of dates written as a range ('from X to Y', 'between X and Y', 'X - Y') into one mention.

    Runs on the chosen, non-overlapping mentions, so each date is read once by its own pattern first. A date
    beyond the calendar's ends (year 1, year 9999) stays as it is.
    """
    joined: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        try:
            last = mentions[i + 1] if i + 1 < len(mentions) else None
            if last is not None and _endpoint(m) and _endpoint(last) and (merged := _join(text, m, last)):
                i += 2
                before = joined[-1] if joined else None
                after = mentions[i] if i < len(mentions) else None
                if before is not None and (week := _within_week(text, before, m, last, merged)):
                    joined[-1] = week
                elif after is not None and (week := _within_week(text, after, m, last, merged)):
                    joined.append(week)
                    i += 1
                else:
                    joined.append(merged)
                continue
            if reference is not None and _endpoint(m):
                m = _join_now(text, m, reference) or m
        except (OverflowError, ValueError):
            pass
        joined.append(m)
        i += 1
    return joined


# 'in June last year', 'on March 3 of next year', 'the January-October period this year': a part of a year, then
# the year it falls in
_OF_YEAR = lazy_regex(r"\s+(?:(?i:period)\s+)?(?:(?i:of|in)\s+)?")
# 'the first half of India's 2024-25 fiscal year', 'of the 2024-25 financial year', 'of its fiscal 2024'
_OF_FISCAL = lazy_regex(
    r"\s+(?:(?i:period)\s+)?(?:(?i:of|in)\s+(?:(?i:the|its|their|this)\s+|\p{Lu}[\p{L}.-]*['’]s?\s+)?)?"
)
_NAMED_YEAR = lazy_regex(r"(?i:last|this|next)\s+(?i:year)|(?:19|20)\d{2}")
_YEAR_STATED = lazy_regex(r"\d{4}|\b(?i:last|this|next|past|previous|coming|upcoming|following)\b")
_OPEN_ENDED = lazy_regex(r"(?i:since|until|till|by|before|after|up\s+to)\b")  # runs to a day the year does not move
# 'the next day', 'the day before': one day on from, or back from, the day the sentence has named before them;
# 'that afternoon', 'the same day': that day itself, which the sentence before may have named
_NARRATIVE_DAY = lazy_regex(
    r"(?:the\s+)?(?:(?P<on>next|following)\s+day|previous\s+day|day\s+(?:(?P<on>after)|before))"
    r"|(?P<same>(?:(?:later|earlier)\s+)?that\s+(?:morning|afternoon|evening|night|day)|the\s+same\s+day)",
    regex.IGNORECASE,
)
_SENTENCE_BREAK = lazy_re(r"[.!?](?:\s|\Z)|\n")


def anchor_narrative_days(mentions: list[Mention], text: str) -> list[Mention]:
    """'said on Sunday that her meeting the day before' is Saturday, 'arrived on May 15 and met Xi the next day'
    the 16th: a day counted from the story's event resolves when the same sentence has named that event's day.
    Elsewhere it stays unresolved: it is not the dateline's day before."""
    result: list[Mention] = []
    named: Mention | None = None  # the last mention that resolved to a day
    for m in mentions:
        if m.kind is MentionKind.DATE and m.granularity is Granularity.DAY:
            step = _NARRATIVE_DAY.fullmatch(m.text) if m.date_start is None else None
            if step is not None and named is not None and _names_that_day(text, named, m, bool(step.group("same"))):
                assert named.date_start is not None
                day = named.date_start + dt.timedelta(days=0 if step.group("same") else 1 if step.group("on") else -1)
                m = m.model_copy(update={"value": float(day.year), "resolved": day.isoformat(), "date_start": day,
                                         "date_end": day})  # fmt: skip
            elif m.date_start is not None and m.date_start == m.date_end:
                named = m
        result.append(m)
    return result


def _names_that_day(text: str, named: Mention, narrative: Mention, same: bool) -> bool:
    """Whether the day named before a narrative day is the one it counts from: in its own sentence, or for 'that
    afternoon' and 'the same day' (which point back) one of the three sentences before it in its paragraph."""
    breaks = len(_SENTENCE_BREAK.findall(text, named.end, narrative.start))
    return breaks == 0 or (same and breaks <= 3 and "\n" not in text[named.end : narrative.start])


_PARTS = (Granularity.DAY, Granularity.MONTH, Granularity.RANGE, Granularity.HALF, Granularity.QUARTER)
_FISCAL_PART = lazy_regex(r"\b(?:(?P<part>[Hh])(?P<number>[12])|(?P<part>[Qq])(?P<number>[1-4]))[\s-]*\Z")  # 'H1 FY24'


def join_years(mentions: list[Mention], text: str) -> list[Mention]:
    """A part of a year whose year was inferred, followed by the year it falls in ('in June last year', 'the
    January-October period of 2024', 'the first half of FY24'), becomes one date or range in that year: the two are
    read by different patterns, and 'in June' alone is the latest June. Open ranges stay apart: 'since June last
    year' runs to the reference date, which the year does not move."""
    joined: list[Mention] = []
    for m in mentions:
        first = joined[-1] if joined else None
        if first is not None and (merged := _in_year(text, first, m) or _of_fiscal_year(text, first, m)) is not None:
            joined[-1] = merged
        elif _part_of_year(m) and (unnamed := _UNNAMED_FISCAL_YEAR.match(text, m.end)):
            joined.append(_of_unnamed_fiscal_year(m, text, unnamed.end()))
        elif first is not None and (spelled := _fiscal_year_spelled_out(text, first, m)) is not None:
            joined[-1] = spelled
        elif (part := _FISCAL_PART.search(text, max(0, m.start - 4), m.start)) and (
            fiscal := m if m.granularity is Granularity.FISCAL_YEAR else _two_years_as_fiscal(m)
        ):
            if first is not None and (first.start, first.end) == (part.start(), part.end("number")):
                joined.pop()  # 'Q1' read alone before the 'Q1 FY2025' it opens
            joined.append(_fiscal_part(fiscal, text, part.start(), f"-{part['part'].upper()}{part['number']}"))
        else:
            joined.append(m)
    return joined


_OPEN_PARENTHESIS = lazy_re(r"\s*\(\s*")
_YEAR_IN = lazy_re(r"\d{4}")


def _fiscal_year_spelled_out(text: str, fiscal: Mention, months: Mention) -> Mention | None:
    """'FY2023-24 (April-March)': the fiscal year, over the months the text gives, which say whose fiscal year it is;
    'fiscal 2023 (April 2023-March 2024)': the months themselves, as sources name one fiscal year by its first or its
    last year. None unless a span of whole months stands in parentheses right after a fiscal year."""
    opened = _OPEN_PARENTHESIS.fullmatch(text, fiscal.end, months.start) is not None
    in_parentheses = opened and text[months.end : months.end + 1] == ")"
    if not (fiscal.granularity is Granularity.FISCAL_YEAR and months.kind is MentionKind.DATE_RANGE
            and months.date_start and months.date_end and whole_months(months.date_start, months.date_end)
            and in_parentheses):  # fmt: skip
        return None
    span = {"text": text[fiscal.start : months.end + 1], "start": fiscal.start, "end": months.end + 1}
    if _YEAR_IN.search(months.text):  # 'fiscal 2023 (April 2022-March 2023)': the years say which, whatever its name
        return months.model_copy(update=span)
    return fiscal.model_copy(update={**span, "date_start": months.date_start, "date_end": months.date_end})


def _part_of_year(first: Mention) -> bool:
    """Whether `first` is a day, month or part of one year that the text did not give a year."""
    return (first.kind in (MentionKind.DATE, MentionKind.DATE_RANGE) and first.granularity in _PARTS
            and first.relative and first.weekday is None and first.date_start is not None
            and first.date_end is not None and first.date_start.year == first.date_end.year
            and not _YEAR_STATED.search(first.text) and not _OPEN_ENDED.match(first.text))  # fmt: skip


def whole_months(start: dt.date, end: dt.date) -> bool:
    """Whether a range is two or more whole months ('in the first two months of 2025', 'July-March')."""
    whole = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    return whole and (end.year, end.month) != (start.year, start.month)


def _months_across_years(first: Mention) -> bool:
    """Whether `first` is a span of months the text gave no year that runs into the next year ('July-March'): a
    part of a fiscal year only."""
    return (first.kind is MentionKind.DATE_RANGE and first.granularity is Granularity.RANGE and first.relative
            and first.date_start is not None and first.date_end is not None and first.date_start.day == 1
            and first.date_end.year == first.date_start.year + 1 and first.date_end.month < first.date_start.month
            and not _YEAR_STATED.search(first.text) and not _OPEN_ENDED.match(first.text))  # fmt: skip


def _in_year(text: str, first: Mention, year: Mention) -> Mention | None:
    if not (year.granularity is Granularity.YEAR and year.date_start and _NAMED_YEAR.fullmatch(year.text)
            and _part_of_year(first) and _OF_YEAR.fullmatch(text, first.end, year.start) is not None):  # fmt: skip
        return None
    assert first.date_start is not None and first.date_end is not None
    try:
        start, end = (day.replace(year=year.date_start.year) for day in (first.date_start, first.date_end))
    except ValueError:  # 29 February in a year without it
        return None
    granularity = first.granularity
    assert granularity is not None  # a part of a year (_part_of_year)
    return first.model_copy(
        update={"text": text[first.start : year.end], "end": year.end, "value": float(start.year),
                "resolved": _iso(start, end, granularity), "date_start": start, "date_end": end,
                "relative": year.relative}
    )  # fmt: skip


# 'the first quarter of the fiscal year', 'the first half of the current financial year': a year named by no number
_UNNAMED_FISCAL_YEAR = lazy_regex(
    r"\s+(?i:of|in)\s+(?i:the|this|its|their)\s+(?:(?i:current|present|ongoing|running)\s+)?(?i:fiscal|financial)"
    r"\s+(?i:year)\b(?![\s,]+(?:19|20)\d\d)"  # not 'of the fiscal year 2024-25': that one is named
)


def _of_unnamed_fiscal_year(part: Mention, text: str, end: int) -> Mention:
    """A part of a fiscal year the text names by no number: its months and year depend on the country (India's runs
    from April, Australia's from July, the US's from October), so it stays unresolved, never the calendar's part."""
    return part.model_copy(
        update={"kind": MentionKind.DATE_RANGE, "text": text[part.start : end], "end": end, "value": None,
                "resolved": None, "date_start": None, "date_end": None, "granularity": Granularity.FISCAL_YEAR}
    )  # fmt: skip


def _of_fiscal_year(text: str, first: Mention, fiscal: Mention) -> Mention | None:
    """'the first half of FY24', 'April-September of FY2023-24': a part of a fiscal year, whose months depend on the
    country, so it keeps the fiscal year's span and a label of its own ('FY2024-H1', 'FY2024:04-09'), never the
    year's."""
    if fiscal.granularity is not Granularity.FISCAL_YEAR:
        fiscal = _two_years_as_fiscal(fiscal)  # type: ignore[assignment]
    if not (fiscal is not None and (_part_of_year(first) or _months_across_years(first))
            and _OF_FISCAL.fullmatch(text, first.end, fiscal.start) is not None):  # fmt: skip
        return None
    assert first.date_start is not None and first.date_end is not None
    if first.granularity in (Granularity.HALF, Granularity.QUARTER):
        half = first.granularity is Granularity.HALF
        part = f"-{'H' if half else 'Q'}{(first.date_start.month - 1) // (6 if half else 3) + 1}"
    elif first.granularity in (Granularity.MONTH, Granularity.RANGE) and first.date_start.day == 1:
        part = f":{first.date_start.month:02d}-{first.date_end.month:02d}"
    else:
        return None
    return _fiscal_part(fiscal, text, first.start, part)


_TWO_YEARS = lazy_regex(r"(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)\d{2}")


def _two_years_as_fiscal(m: Mention) -> Mention | None:
    """'2024-2025' after a part of a year ('the first half of 2024-2025'): two calendar years have no half, so the
    two are a fiscal year, named by the year it ends in as '2024-25' is."""
    if not (m.kind is MentionKind.DATE_RANGE and m.date_start and m.date_end and _TWO_YEARS.fullmatch(m.text)
            and (m.date_start.month, m.date_start.day, m.date_end.month, m.date_end.day) == (1, 1, 12, 31)
            and m.date_end.year == m.date_start.year + 1):  # fmt: skip
        return None
    year = m.date_end.year
    start, end = dt.date(year - 1, 4, 1), dt.date(year + 1, 3, 31)  # as _resolve_fiscal spans a fiscal year
    return m.model_copy(
        update={"kind": MentionKind.DATE, "value": float(year), "resolved": _iso(start, end, Granularity.FISCAL_YEAR),
                "date_start": start, "date_end": end, "granularity": Granularity.FISCAL_YEAR}
    )  # fmt: skip


def _fiscal_part(fiscal: Mention, text: str, start: int, part: str) -> Mention:
    """The fiscal year's mention widened to start at `start`, labelled as its `part` ('-H1', ':04-09')."""
    return fiscal.model_copy(
        update={"kind": MentionKind.DATE_RANGE, "text": text[start : fiscal.end], "start": start,
                "resolved": f"{fiscal.resolved}{part}"}
    )  # fmt: skip


def _join_now(text: str, m: Mention, reference: dt.date) -> Mention | None:
    """'between now and November 15th', 'from Jan 22 to now': a range with the reference at one end."""
    assert m.date_start is not None
    start, end = m.date_start, m.date_end or m.date_start
    before = _NOW_BEFORE.search(text, max(0, m.start - 30), m.start)
    if before is not None:
        if m.relative and end < reference:  # 'until November', said in December: next year's
            end = _later(m, end)
        return _range(text, before.start(), m.end, reference, end, True) if end >= reference else None
    after = _NOW_AFTER.match(text, m.end, m.end + 40)  # bounded: one match per date, not a scan to the end
    lead = RANGE_LEAD.search(text, max(0, m.start - 12), m.start)
    if after is None or lead is None:
        return None
    earlier: dt.date | None = start
    if m.relative and start > reference:  # 'since January' said in March: this year's, already past
        earlier = start - dt.timedelta(days=7) if m.weekday is not None else _same_year_as(m, start.year - 1)
    if earlier is None or earlier > reference:
        return None
    return _range(text, lead.start(), after.end(), earlier, reference, True)
