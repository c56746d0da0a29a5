"""timeline: ordinals of recurring events ('fifth visit') against each other and against dated occurrences.

Checks between claims about the same subjects (visitor and host, or the two leaders):
- the same occasion (dates within `same_event_days`) given two different ordinals, overall or within the same
  window ('fourth visit in less than a year' against 'third visit in less than a year');
- a later occasion given a smaller or equal ordinal than an earlier one;
- an ordinal within a window ('second visit in less than two years') or overall, against the number of
  dated occurrences the sources name before it;
- a stated gap ('after a gap of 9 months') against the latest dated occurrence before it. An ordinal
  with a gap counts occasions within that gap only ('second meeting after 9 months' is not the second ever).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import ClassVar, Literal

from pydantic import Field

from checker.engine import ClaimIndex
from checker.models import Claim
from checker.rules.base import RuleBase, Verdict, distinct, pairs, where

_SHAPE = ("value", "unit", "qualifier", "date_start", "date_end")  # windows alike: 'in less than a year', 'this year'
_DAYS_PER_UNIT = {"year": 365.25, "month": 30.44, "week": 7.0, "day": 1.0, "decade": 3652.5}


class TimelineRule(RuleBase):
    kind: Literal["timeline"]
    occurrences: str | None = Field(default=None, description="Claim type of dated occurrences of the same event.")
    same_event_days: int = Field(default=31, ge=0)
    gap_tolerance: float = Field(default=0.2, ge=0, description="Relative slack on a stated gap (at least a month).")

    variables: ClassVar[tuple[str, ...]] = (
        "subjects", "a_ordinal", "b_ordinal", "a_where", "b_where", "a_quote", "b_quote", "a_date", "b_date",
        "explanation",
    )  # fmt: skip

    def check(self, index: ClaimIndex) -> Iterator[Verdict]:
        ordinals: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
        for claim in index.of(*(t for t in self.claims if t != self.occurrences)):
            if claim.value is not None and _when(claim) is not None:
                ordinals[index.identity(claim)].append(claim)  # a 'first state visit' is its own count
        occurrences: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
        if self.occurrences:
            for claim in index.of(self.occurrences):
                if claim.date is not None:
                    occurrences[tuple(claim.subjects)].append(claim)
        for claims in ordinals.values():
            yield from self._pairs(claims)
            # a 'first state visit' counts the dated state visits, not a visit of unknown kind
            kind = claims[0].key.items()
            same_kind = [o for o in occurrences.get(tuple(claims[0].subjects), []) if kind <= o.key.items()]
            yield from self._against_occurrences(claims, same_kind)

    def _pairs(self, claims: list[Claim]) -> Iterator[Verdict]:
        """Ordinals against each other: overall counts by occasion and order, and counts within one window by
        occasion ('her fourth visit in less than a year' against 'her third visit in less than a year')."""
        by_window: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
        for claim in claims:
            window = claim.fields.get("window")
            if "gap" not in claim.fields:
                by_window[tuple(window.get(name) for name in _SHAPE) if isinstance(window, dict) else ()].append(claim)
        for shape, same in by_window.items():
            # visits counted within a year come often ('third this year' on 29 October, 'fourth this year' on 11
            # November are both right): for a window the same occasion is the same week, and no order holds
            yield from self._compare(same, min(self.same_event_days, 7) if shape else self.same_event_days, not shape)

    def _compare(self, claims: list[Claim], same_days: int, ordered: bool) -> Iterator[Verdict]:
        ordered_by_date = sorted(claims, key=lambda c: (_when(c), c.id))
        for a, b in pairs(distinct(ordered_by_date, lambda c: (c.document, c.value, _when(c)))):
            a_date, b_date = _when(a), _when(b)
            assert a_date and b_date and a.value is not None and b.value is not None
            same = abs((b_date - a_date).days) <= same_days
            within = f" within {a.fields['window']['text']}" if "window" in a.fields else ""  # type: ignore[index]
            if same and a.value != b.value:
                explanation = (
                    f"both describe the occasion of {a_date:%B %Y}{within}, once as no. {a.value:.0f} and once as "
                    f"no. {b.value:.0f}"
                )
            elif not same and ordered and a.value >= b.value:
                explanation = (
                    f"the occasion of {a_date:%B %Y} is no. {a.value:.0f}, so the later one of {b_date:%B %Y} "
                    f"cannot be no. {b.value:.0f}"
                )
            else:
                continue
            yield self._verdict(a, b, explanation)

    def _against_occurrences(self, claims: list[Claim], occurrences: list[Claim]) -> Iterator[Verdict]:
        for claim in claims:
            when = _when(claim)
            assert when is not None and claim.value is not None
            before = [
                o for o in occurrences if o.date and o.date < when - dt.timedelta(days=self.same_event_days)
            ]  # fmt: skip
            gap = claim.fields.get("gap")
            if isinstance(gap, dict) and before and (verdict := self._gap(claim, gap, before)):
                yield verdict
            window = claim.fields.get("window") or gap
            if isinstance(window, dict) and not _holds(window, when):
                continue  # 'his second visit in 2017', said in 2022: the visit's year, or a count within it
            days = _window_days(window) if isinstance(window, dict) else None
            if days is not None and window is gap:
                days = days * (1 + self.gap_tolerance) + 31
            elif days is not None and isinstance(window, dict) and window.get("qualifier") == "exact":
                # 'first in 12 years' when the last was 11 1/4 years ago: writers count calendar years (2012 to 2024)
                days -= _window_days({**window, "value": 1.0}) or 0.0
            since = _since(window, claim.value) if isinstance(window, dict) and window is not gap else None
            earlier = _distinct_months(
                o
                for o in before
                if o.date and (days is None or (when - o.date).days <= days) and (since is None or o.date >= since)
            )
            if len(earlier) + 1 <= claim.value:
                continue
            scope = f"within {window['text']}" if isinstance(window, dict) else "in all"
            dates = ", ".join(f"{o.date:%B %Y}" for o in earlier.values() if o.date)
            explanation = (
                f"the sources date {len(earlier)} earlier occasion(s) {scope} ({dates}), "
                f"so this one is at least no. {len(earlier) + 1}, not no. {claim.value:.0f}"
            )
            yield self._verdict(claim, next(iter(earlier.values())), explanation)

    def _gap(self, claim: Claim, gap: dict[str, object], before: list[Claim]) -> Verdict | None:
        stated = _window_days(gap)
        when = _when(claim)
        previous = max(before, key=lambda o: o.date or dt.date.min)
        if stated is None or when is None or previous.date is None:
            return None
        elapsed = (when - previous.date).days
        if abs(elapsed - stated) <= max(31.0, stated * self.gap_tolerance):
            return None
        explanation = (
            f"'{gap['text']}' before {when:%B %Y}, but the latest earlier occasion the sources date is "
            f"{previous.date:%B %Y}, {elapsed / 30.44:.0f} months before"
        )
        return self._verdict(claim, previous, explanation)

    def _verdict(self, a: Claim, b: Claim, explanation: str) -> Verdict:
        return Verdict(
            claims=[a, b],
            values={
                "subjects": _parties(a),
                "a_ordinal": a.text,
                "b_ordinal": b.text,
                "a_where": where(a),
                "b_where": where(b),
                "a_quote": a.quote,
                "b_quote": b.quote,
                "a_date": str(_when(a)),
                "b_date": str(_when(b)),
                "explanation": explanation,
            },
        )


def _parties(claim: Claim) -> str:
    """'visitor -> host' for a visit; 'one and the other' for two who met, in no order."""
    roles = claim.fields.get("roles")
    return (" -> " if isinstance(roles, dict) and len(roles) > 1 else " and ").join(claim.subjects)


def _when(claim: Claim) -> dt.date | None:
    return claim.date or claim.as_of


def _since(window: dict[str, object], ordinal: float) -> dt.date | None:
    """Where a window written as a year starts ('fifth visit since 2010'): that year, or the year after for a first
    ('first trip to Europe since 2016' follows the one of 2016); a date's first day ('third meeting this year')."""
    start = window.get("date_start")
    if window.get("kind") == "date" and isinstance(start, str):
        return dt.date.fromisoformat(start)  # 'their third meeting this year': from the year's first day
    value = window.get("value")
    if window.get("unit") is not None or not isinstance(value, float) or not 1000 <= value <= 9999:
        return None
    return dt.date(int(value) + (1 if ordinal == 1 else 0), 1, 1)


def _holds(window: dict[str, object], when: dt.date) -> bool:
    """Whether a window written as a date ('their third meeting this year') holds the occasion counted."""
    start, end = window.get("date_start"), window.get("date_end")
    if window.get("kind") != "date" or not isinstance(start, str) or not isinstance(end, str):
        return True
    return dt.date.fromisoformat(start) <= when <= dt.date.fromisoformat(end)


def _window_days(window: dict[str, object]) -> float | None:
    value, unit = window.get("value"), window.get("unit")
    if not isinstance(value, float) or not isinstance(unit, str) or unit not in _DAYS_PER_UNIT:
        return None
    return value * _DAYS_PER_UNIT[unit]


def _distinct_months(occurrences: Iterable[Claim]) -> dict[tuple[int, int], Claim]:
    found: dict[tuple[int, int], Claim] = {}
    for occurrence in sorted(occurrences, key=lambda o: o.date or dt.date.min):
        assert occurrence.date is not None
        found.setdefault((occurrence.date.year, occurrence.date.month), occurrence)
    return found
